/**
 * The HTML page that boots GraphiQL. It carries no inline script: GraphiQL's settings travel in a JSON data block (not
 * executed, so outside the script policy) that explorer-client.js reads, and every script and style sheet comes from
 * this gateway, so the Content-Security-Policy can name no origin but our own.
 */
import { API_KEY_HEADER } from '../edge/authenticate.ts';
import type { ExplorerAssets } from './explorer-assets.ts';

/** One tab GraphiQL opens with (when the browser has no tabs of its own stored yet). */
export interface ExplorerTab {
  query: string;
  /** JSON text; omitted when the operation takes no example variables */
  variables?: string;
}

export interface ExplorerPageOptions {
  /** the GraphQL endpoint, relative to the page */
  endpoint: string;
  tabs: readonly ExplorerTab[];
  /** per response: admits the one `<style>` GraphiQL's dialogs inject (see explorer-client.js) */
  styleNonce: string;
}

/** What the headers editor holds until the user pastes a key. */
export const HEADERS_TEMPLATE = JSON.stringify({ [API_KEY_HEADER]: '' }, null, 2);

/**
 * The page's policy: our own origin only. `data:` fonts and images are GraphiQL's CSS (its fonts and icons are inlined
 * there); `style-src` needs the nonce for react-remove-scroll's injected `<style>`; style attributes set through the
 * DOM (React's `style` prop, CodeMirror) are CSSOM writes, which CSP does not restrict.
 */
export function explorerContentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * JSON safe inside `<script type="application/json">`: `<` escaped, so no `</script>` or `<!--` in an operation's
 * text can end the block early.
 */
export const jsonForScriptBlock = (value: unknown): string =>
  JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');

export function renderExplorerPage(assets: ExplorerAssets, options: ExplorerPageOptions): string {
  const config = {
    endpoint: options.endpoint,
    tabs: options.tabs,
    headersTemplate: HEADERS_TEMPLATE,
    styleNonce: options.styleNonce,
  };
  const script = (name: Parameters<ExplorerAssets['byName']>[0]) => `<script src="${escapeHtml(assets.byName(name).path)}"></script>`;
  const sheet = (name: Parameters<ExplorerAssets['byName']>[0]) => `<link rel="stylesheet" href="${escapeHtml(assets.byName(name).path)}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Omnigraph explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${sheet('graphiql-css')}
${sheet('explorer-css')}
</head>
<body>
<p id="omnigraph-key-hint">Every request needs an API key: open <strong>Headers</strong> below the query and paste it as
<code>{ "${API_KEY_HEADER}": "omg_…" }</code> (this browser remembers it). <code>npm start</code> prints demo keys; more with
<code>npm run keys -- create</code>. The docs (book icon) show the scopes each field needs.</p>
<div id="graphiql">Loading the explorer…</div>
<script id="omnigraph-explorer-config" type="application/json">${jsonForScriptBlock(config)}</script>
${script('react')}
${script('react-dom')}
${script('graphiql-js')}
${script('explorer-js')}
</body>
</html>
`;
}
