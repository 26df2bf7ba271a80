import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('serves an explorer page with no external asset', async () => {
    const res = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('findCustomers');
    expect(html).not.toMatch(/(src|href)="https?:/);
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
