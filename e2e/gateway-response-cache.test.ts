import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * ADR 0015 through the whole stack: the catalogue query of performance.md S5, asked again, is answered by the gateway
 * without a subgraph request (so without an upstream call), to any key allowed to run it; a key missing a scope gets
 * exactly what it got before the answer was cached; personal data is never served from the cache; and an Odoo stock
 * change shows in the next answer once its change event reached the gateway. Every TTL (subgraph micro-caches and the
 * gateway's) is 5 minutes here, so only the events can make a change show.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const LIMIT_MS = 10_000;
const SKUS = ds.products
  .filter((p) => p.active)
  .slice(0, 20)
  .map((p) => p.sku);

const PRODUCTS = /* GraphQL */ `
  query Products($skus: [ID!]!) {
    products(skus: $skus) {
      sku
      name
      listPrice {
        gross {
          amount
        }
      }
      stock {
        available
        location {
          code
        }
      }
    }
  }
`;
type Product = { sku: string; stock?: Array<{ available: number }> };

let stack: E2eStack;
let partnerKey: string;
let catalogueOnlyKey: string;

beforeAll(async () => {
  stack = await startE2eStack({
    scale: SCALE,
    freshness: { onChange: () => {} },
    subgraphEnv: { ERP_STOCK_CACHE_TTL_SECONDS: '300', MARKETPLACE_OFFER_CACHE_TTL_SECONDS: '300' },
    gatewayEnv: { GATEWAY_RESPONSE_CACHE_TTL_SECONDS: '300' },
  });
  partnerKey = await stack.createKey({ name: 'comparison site', scopes: ['catalog:read', 'stock:read'], rateLimitPerMinute: 10_000 });
  catalogueOnlyKey = await stack.createKey({ name: 'catalogue only', scopes: ['catalog:read'] });
  // the pollers' first round stores their starting cursors; a change before it would count as history
  await new Promise((r) => setTimeout(r, 1_500));
}, 60_000);
afterAll(() => stack?.close());

/** One request: its answer, headers, and the subgraph requests it caused (from the subgraphs' access lines). */
async function ask(query: string, variables: Record<string, unknown>, key?: string) {
  const res = await stack.query<{ products: Product[] }>(query, variables, key === undefined ? {} : { key });
  const requestId = res.headers.get('x-request-id');
  const subgraphRequests = stack.logLines().filter((raw) => {
    const line = JSON.parse(raw) as { msg?: string; requestId?: string };
    return line.msg === 'subgraph request' && line.requestId === requestId;
  }).length;
  return { ...res, subgraphRequests };
}

describe('gateway response cache', () => {
  it('answers a warm catalogue query without any subgraph request, to every key allowed to run it', async () => {
    const cold = await ask(PRODUCTS, { skus: SKUS }, partnerKey);
    expect(cold.body.errors).toBeUndefined();
    expect(cold.subgraphRequests).toBeGreaterThan(0);
    expect(cold.headers.get('age')).toBeNull();

    const warm = await ask(PRODUCTS, { skus: SKUS }, partnerKey);
    expect(warm.subgraphRequests).toBe(0);
    expect(warm.body).toEqual(cold.body);
    expect(Number(warm.headers.get('age'))).toBeGreaterThanOrEqual(0);
    // the same headers as the answer it was computed for, but this request's own id, date, age and rate-limit state
    const own = new Set(['age', 'date', 'x-request-id', 'ratelimit-remaining', 'ratelimit-reset', 'keep-alive', 'connection']);
    const headersOf = (h: Headers) => [...h.entries()].filter(([name]) => !own.has(name));
    expect(headersOf(warm.headers)).toEqual(headersOf(cold.headers));
    // the hit was still counted against the key's rate limit
    expect(Number(warm.headers.get('ratelimit-remaining'))).toBe(Number(cold.headers.get('ratelimit-remaining')) - 1);

    // the call-center key holds every scope the query needs: the same answer
    const other = await ask(PRODUCTS, { skus: SKUS });
    expect(other.subgraphRequests).toBe(0);
    expect(other.body).toEqual(cold.body);

    // other variables, another answer
    const fewer = await ask(PRODUCTS, { skus: SKUS.slice(0, 3) }, partnerKey);
    expect(fewer.subgraphRequests).toBeGreaterThan(0);
    expect(fewer.body.data!.products.map((p) => p.sku)).toEqual(SKUS.slice(0, 3));
  });

  it('gives a key missing a scope what it got before the answer was cached: the allowed rest and FORBIDDEN', async () => {
    const variables = { skus: SKUS.slice(5, 8) };
    const before = await ask(PRODUCTS, variables, catalogueOnlyKey);
    await ask(PRODUCTS, variables, partnerKey);
    expect((await ask(PRODUCTS, variables, partnerKey)).subgraphRequests).toBe(0);
    const after = await ask(PRODUCTS, variables, catalogueOnlyKey);
    expect(after.status).toBe(before.status);
    expect(after.body).toEqual(before.body);
    expect(after.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(after.body.data!.products.every((p) => p.stock === undefined)).toBe(true);
    // and it is never stored for it: asked again, the subgraphs answer again
    expect(after.subgraphRequests).toBeGreaterThan(0);
  });

  it('never answers personal data from the cache', async () => {
    const anna = ds.demoCustomers.find((c) => c.key === 'anna-kowalska')!;
    const query = 'query ($id: ID!) { customer(id: $id) { id name } }';
    const first = await ask(query, { id: anna.crmContactId });
    expect(first.body.errors).toBeUndefined();
    const again = await ask(query, { id: anna.crmContactId });
    expect(again.subgraphRequests).toBeGreaterThan(0);
    expect(again.headers.get('age')).toBeNull();
  });

  it('shows an Odoo stock change in the next answer once the stock event arrived, then caches again', async () => {
    const sku = SKUS[10]!;
    const variables = { skus: [sku] };
    const { apiKey, database } = stack.simulators.odoo.odoo.credentials;
    const res = await fetch(`${stack.simulators.urls.odoo}/json/2/stock.quant/search_read`, {
      method: 'POST',
      headers: { authorization: `bearer ${apiKey}`, 'x-odoo-database': database, 'content-type': 'application/json' },
      body: JSON.stringify({
        domain: [
          ['product_id.default_code', '=', sku],
          ['location_id.usage', '=', 'internal'],
        ],
        fields: ['quantity'],
        limit: 1,
      }),
    });
    const [quant] = (await res.json()) as Array<{ id: number; quantity: number }>;
    expect(quant).toBeDefined();
    const stockOf = (r: { body: { data?: { products: Product[] } } }) => r.body.data!.products[0]!.stock!.reduce((sum, s) => sum + s.available, 0);
    await ask(PRODUCTS, variables, partnerKey);
    const warm = await ask(PRODUCTS, variables, partnerKey);
    expect(warm.subgraphRequests).toBe(0);
    const before = stockOf(warm);

    const odooNow = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const loaded = await fetch(`${stack.simulators.urls.odoo}/__simulator/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'stock.quant': [{ id: quant!.id, quantity: quant!.quantity + 3, write_date: odooNow }] }),
    });
    expect(loaded.ok).toBe(true);
    const since = Date.now();
    let after = await ask(PRODUCTS, variables, partnerKey);
    while (stockOf(after) === before) {
      if (Date.now() - since > LIMIT_MS) throw new Error(`no change ${LIMIT_MS} ms after the write`);
      await new Promise((r) => setTimeout(r, 100));
      after = await ask(PRODUCTS, variables, partnerKey);
    }
    expect(stockOf(after)).toBe(before + 3);
    expect(after.subgraphRequests).toBeGreaterThan(0);
    const again = await ask(PRODUCTS, variables, partnerKey);
    expect(again.subgraphRequests).toBe(0);
    expect(stockOf(again)).toBe(before + 3);
  });
});
