import { describe, expect, it } from 'vitest';
import { loadExplorerAssets, stripSourceMapComment } from './explorer-assets.ts';
import { explorerContentSecurityPolicy, jsonForScriptBlock, renderExplorerPage } from './explorer-page.ts';

const assets = loadExplorerAssets();
const configOf = (html: string): any =>
  JSON.parse(/<script id="omnigraph-explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);

describe('renderExplorerPage', () => {
  const html = renderExplorerPage(assets, {
    endpoint: '/graphql',
    tabs: [{ query: 'query A { a }', variables: '{"x": 1}' }, { query: 'query B { b }' }],
    styleNonce: 'n0nce',
  });

  it('links GraphiQL, React and our boot script by their hashed paths, in load order, and nothing off-origin', () => {
    const sources = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    expect(sources).toEqual(['react', 'react-dom', 'graphiql-js', 'explorer-js'].map((name) => assets.byName(name as never).path));
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(sheets).toEqual([assets.byName('graphiql-css').path, assets.byName('explorer-css').path]);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('has no inline script: the only <script> with content is the JSON settings block', () => {
    const inline = [...html.matchAll(/<script([^>]*)>([^<]+)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([' id="omnigraph-explorer-config" type="application/json"']);
  });

  it('hands GraphiQL the endpoint, the tabs in order, the headers template and the nonce', () => {
    expect(configOf(html)).toEqual({
      endpoint: '/graphql',
      tabs: [{ query: 'query A { a }', variables: '{"x": 1}' }, { query: 'query B { b }' }],
      headersTemplate: '{\n  "x-api-key": ""\n}',
      styleNonce: 'n0nce',
    });
  });

  it('tells where a key comes from', () => {
    expect(html).toContain('x-api-key');
    expect(html).toContain('npm start');
  });

  it('keeps an operation text that contains </script> inside the settings block', () => {
    const hostile = renderExplorerPage(assets, {
      endpoint: '/graphql',
      tabs: [{ query: '# </script><script>alert(1)</script>\n{ a }' }],
      styleNonce: 'x',
    });
    expect(hostile.match(/<\/script>/g)).toHaveLength(5); // the settings block and the four script tags
    expect(configOf(hostile).tabs[0].query).toBe('# </script><script>alert(1)</script>\n{ a }');
    expect(jsonForScriptBlock('<!--\u2028')).toBe('"\\u003c!--\\u2028"');
  });
});

describe('explorerContentSecurityPolicy', () => {
  it('admits our own origin only (and data: for the fonts and icons GraphiQL inlines in its CSS)', () => {
    const policy = explorerContentSecurityPolicy('abc');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'nonce-abc'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:|\*|unsafe-/);
  });
});

describe('loadExplorerAssets', () => {
  it('serves every file under a content-hashed path with its content type', () => {
    for (const name of ['react', 'react-dom', 'graphiql-js', 'graphiql-css', 'explorer-js', 'explorer-css'] as const) {
      const asset = assets.byName(name);
      expect(asset.path).toMatch(/^\/explorer\/assets\/[a-z-]+\.[0-9a-f]{12}\.(js|css)$/);
      expect(asset.contentType).toBe(asset.path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(assets.byPath(asset.path)).toBe(asset);
      expect(asset.body.toString('utf8')).not.toContain('sourceMappingURL');
    }
    expect(assets.byName('graphiql-js').body.toString('utf8')).toContain('GraphiQL');
    expect(assets.byPath('/explorer/assets/graphiql.000000000000.js')).toBeUndefined();
  });

  it('strips the source map comment that would make devtools ask for a map we do not serve', () => {
    expect(stripSourceMapComment('a();\n//# sourceMappingURL=index.umd.js.map\n')).toBe('a();\n');
    expect(stripSourceMapComment('a{}\n/*# sourceMappingURL=style.css.map */')).toBe('a{}\n');
    expect(stripSourceMapComment('a();\n')).toBe('a();\n');
  });
});
