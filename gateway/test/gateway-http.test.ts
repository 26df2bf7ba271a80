import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '@omnigraph/auth';
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
    expect(body).toEqual({ status: 'not ready', failing: ['erp', 'eshop', 'crm', 'marketplace'] });
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
