/**
 * The explorer's HTTP surface: GraphiQL for browsers at `/` and `/graphql`, its hashed static files under
 * `/explorer/assets/`, and a short JSON answer to a plain `GET /` (curl, a health checker, a client's misconfigured
 * base URL) that points at the GraphQL endpoint instead of a bare 404.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@omnigraph/shared/graphql-server';
import { EXPLORER_ASSETS_PATH, loadExplorerAssets, type ExplorerAssets } from './explorer-assets.ts';
import { explorerContentSecurityPolicy, renderExplorerPage, type ExplorerTab } from './explorer-page.ts';

export interface ExplorerRoutesOptions {
  /** the GraphQL endpoint the page and the JSON answer point to @default '/graphql' */
  endpoint?: string;
  /** the tabs GraphiQL opens with, first one active */
  tabs: readonly ExplorerTab[];
  /** @default loadExplorerAssets() */
  assets?: ExplorerAssets;
}

/** Answers the request if it is the explorer's (returns true); leaves everything else to the caller. */
export type ExplorerRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** Headers every explorer response carries: no MIME sniffing, no referrer (the page URL may carry a query). */
const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;
/** Hashed URLs never change content, so browsers and proxies may keep them for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function createExplorerRoutes(options: ExplorerRoutesOptions): ExplorerRoutes {
  const endpoint = options.endpoint ?? '/graphql';
  const assets = options.assets ?? loadExplorerAssets();
  return (req, res, path) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (path.startsWith(EXPLORER_ASSETS_PATH)) {
      const asset = assets.byPath(path);
      if (asset === undefined) {
        sendJson(res, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
        return true;
      }
      const gzip = acceptsGzip(req);
      const body = gzip ? asset.gzipped() : asset.body;
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'content-type': asset.contentType,
        'content-length': body.length,
        'cache-control': IMMUTABLE,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(method === 'HEAD' ? undefined : body);
      return true;
    }
    if (path !== '/' && path !== endpoint) return false;
    if (wantsHtml(req)) {
      // a fresh nonce per page: one that never changes would admit any injected <style> carrying it
      const styleNonce = randomBytes(16).toString('base64');
      const html = renderExplorerPage(assets, { endpoint, tabs: options.tabs, styleNonce });
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': explorerContentSecurityPolicy(styleNonce),
        // the nonce must not be served twice
        'cache-control': 'no-store',
      });
      res.end(method === 'HEAD' ? undefined : html);
      return true;
    }
    if (path !== '/') return false; // GET /graphql without text/html is a GraphQL GET request
    sendJson(res, 200, {
      graphql: endpoint,
      explorer:
        'Open / in a browser (Accept: text/html) for the GraphiQL explorer: schema docs with the scopes each field needs, autocomplete, history.',
      usage: `POST ${endpoint} with {"query": "..."} and an "x-api-key" header.`,
    });
    return true;
  };
}

/** A browser navigation: GraphiQL. A client asking for JSON (or anything else) gets the API's own answers. */
function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (coding !== 'gzip') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
