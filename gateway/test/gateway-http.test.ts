import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '@omnigraph/auth';
import { createLogger } from '@omnigraph/shared/logging';
import { loadGatewayConfig } from '../src/config.ts';
import { createGateway, type Gateway } from '../src/create-gateway.ts';

/** A port nothing listens on: the subgraphs are "down" for these tests. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('gateway HTTP surface', () => {
  let gateway: Gateway;
  let base: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    const dead = await closedPort();
    const url = `http://127.0.0.1:${dead}/graphql`;
    gateway = await createGateway(
      loadGatewayConfig({
        GATEWAY_PORT: '0',
        ERP_URL: url,
        ESHOP_URL: url,
        CRM_URL: url,
        MARKETPLACE_URL: url,
        GATEWAY_SUBGRAPH_TIMEOUT_MS: '500',
        LOG_LEVEL: 'silent',
      }),
      { keyStore: createMemoryKeyStore() },
    );
    base = await gateway.listen();
    const { key } = await gateway.apiKeys.createKey({ name: 'http test', ownerId: 'test', scopes: ['catalog:read'], rateLimitPerMinute: 1_000 });
    headers = { 'content-type': 'application/json', 'x-api-key': key };
  });
  afterAll(() => gateway.close());

  it('answers liveness while subgraphs are down, and readiness names the failing roles without URLs', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toEqual({
      status: 'failing',
      subgraphs: {
        erp: 'unreachable',
        eshop: 'unreachable',
        crm: 'unreachable',
        marketplace: 'unreachable',
        commands: 'unreachable',
        pricing: 'unreachable',
      },
      upstreams: {},
    });
  });

  it('serves GraphiQL to a browser at / and /graphql, under a policy naming no origin but ours', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/https?:/);
      const html = await res.text();
      expect(html).toContain('findCustomers');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      // a new nonce for every page
      expect(policy).toContain(`'nonce-${JSON.parse(/type="application\/json">(.*?)<\/script>/s.exec(html)![1]!).styleNonce}'`);
    }
  });

  it('serves every file the page links from this gateway, hashed, cacheable for a year, gzipped when asked', async () => {
    const html = await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text();
    const paths = [...html.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(6);
    for (const path of paths) {
      const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe(path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect((await res.text()).length).toBeGreaterThan(100);
    }
    const plain = await fetch(`${base}${paths[0]}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const missing = await fetch(`${base}/explorer/assets/graphiql.000000000000.js`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers a plain GET / (curl, a client with a wrong base URL) with JSON pointing to /graphql, not a 404', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.graphql).toBe('/graphql');
    expect(body.explorer).toMatch(/browser/);
    // other methods on / and other paths stay unknown
    expect((await fetch(`${base}/`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it('introspects, for an internal key, to exactly the committed schema/api.graphql, scopes in the field descriptions', async () => {
    const { key } = await gateway.apiKeys.createKey({
      name: 'explorer',
      ownerId: 'test',
      scopes: ['catalog:read'],
      profile: 'internal',
      rateLimitPerMinute: 1_000,
    });
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    const introspected = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
    const committed = readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8').replace(/^#.*\n/, '');
    expect(introspected.trimEnd()).toBe(committed.trimEnd());
    expect(introspected).toContain('Requires scopes: customers:pii, customers:read.');
  });

  it('answers a malformed body with 400 in GraphQL error format', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ product(' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('turns an unreachable subgraph into UPSTREAM_UNAVAILABLE naming the role, never its URL', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ product(sku: "SKU-X") { name } }' }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/i);
  });
});

describe('deny by default at run time', () => {
  it('a supergraph whose type lost its @scope serves none of its fields, to any key, and says so in the log', async () => {
    const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
    const stripped = sdl.replace(/(type Location\n(?:\s+@join__type\([^)]*\)\n)+)\s+@scope\(requires: \[\]\)\n/, '$1');
    expect(stripped).not.toBe(sdl);
    const dir = mkdtempSync(join(tmpdir(), 'omnigraph-supergraph-'));
    writeFileSync(join(dir, 'supergraph.graphql'), stripped);
    const logged: string[] = [];
    const dead = `http://127.0.0.1:${await closedPort()}/graphql`;
    const gateway = await createGateway(
      loadGatewayConfig({
        GATEWAY_PORT: '0',
        GATEWAY_SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'),
        ERP_URL: dead,
        ESHOP_URL: dead,
        CRM_URL: dead,
        MARKETPLACE_URL: dead,
      }),
      { keyStore: createMemoryKeyStore(), logger: createLogger({ name: 'gateway', destination: { write: (line: string) => logged.push(line) } }) },
    );
    try {
      const base = await gateway.listen();
      const { key } = await gateway.apiKeys.createKey({
        name: 'all',
        ownerId: 'x',
        scopes: ['stock:read', 'catalog:read'],
        rateLimitPerMinute: 100,
        profile: 'internal',
      });
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ locations { code name } }' }),
      });
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['locations.code', 'locations.name']);
      const complaint = logged.find((line) => line.includes('fields without @scope'));
      expect(complaint).toContain('"Location.code"');
    } finally {
      await gateway.close();
    }
  });
});
