import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache, createSingleFlight, type Cache } from '@omnigraph/shared/cache';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope, SUBGRAPH_SOURCES_EXTENSION } from '@omnigraph/shared/sources';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCredentials, readWireProducts, startOdoo, type WireProduct } from './odoo-test-support.ts';

// Stale-if-error end to end inside the subgraph: the real Odoo adapter against the simulator, the shared cached
// loader, and the source statuses as the gateway receives them in the response extensions.

const CALL_CENTER: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: ['catalog:read', 'stock:read'], profile: 'internal' };
const T0 = Date.UTC(2026, 11, 6, 10, 0, 0);
const ODOO_CALLS = 'POST /json/2/:model/:method';

let sim: OdooSimulator;
let client: ErpClient;
let server: ApolloServer<ErpContext>;
let wire: WireProduct[];
let cache: Cache;
const clock = { now: T0 };

beforeAll(async () => {
  const odoo = await startOdoo();
  sim = odoo.sim;
  // No retries and no breaker here: one failed Odoo call per read makes the point about the cache; the upstream
  // policies have their own tests (packages/shared/src/upstream, e2e/upstream-retry, e2e/upstream-breaker).
  client = createErpClient({
    baseUrl: odoo.baseUrl,
    ...odooCredentials,
    timeoutMs: 2_000,
    policies: { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 1_000_000 } },
  });
  server = createErpServer();
  await server.start();
  wire = await readWireProducts(sim, odoo.baseUrl, 2);
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetCounters();
  cache = createMemoryCache();
  clock.now = T0;
});

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** One subgraph request as serveSubgraph runs it: a request scope around the operation, new loaders, shared cache. */
async function execute(query: string): Promise<Result> {
  const contextValue = createErpContext({
    client,
    cache,
    cacheTtlSeconds: 60,
    maxStaleCatalogueSeconds: 21_600,
    maxStaleStockSeconds: 600,
    singleFlight: createSingleFlight(),
    now: () => clock.now,
  });
  const response = await runInRequestScope(createRequestScope(CALL_CENTER), () => server.executeOperation({ query }, { contextValue }));
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const odooRequests = () => sim.control.counters().endpoints[ODOO_CALLS] ?? 0;
const sourcesOf = (result: Result) => result.extensions?.[SUBGRAPH_SOURCES_EXTENSION];

describe('erp subgraph while Odoo fails', () => {
  it('serves a product seen before, flagged STALE with the time it was read, after the failed Odoo call', async () => {
    const sku = wire[0]!.default_code;
    const query = `{ product(sku: "${sku}") { sku name listPrice { gross { amount } } stock { available } } }`;
    const live = await execute(query);
    expect(live.errors).toBeUndefined();
    expect(sourcesOf(live)).toEqual([{ source: 'erp', status: 'OK' }]);

    clock.now = T0 + 5 * 60_000; // products past their 60 s freshness, stock always read live
    sim.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    sim.control.resetCounters();
    const stale = await execute(query);

    expect(stale.errors).toBeUndefined();
    expect(stale.data).toEqual(live.data);
    expect(sourcesOf(stale)).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    // the product and the stock read were both tried (and failed) before the cache stood in; locations were fresh
    expect(odooRequests()).toBe(2);
  });

  it('answers within freshness from the cache, as OK with its asOf, and without calling Odoo', async () => {
    const query = `{ product(sku: "${wire[0]!.default_code}") { sku name } }`;
    await execute(query);
    clock.now = T0 + 30_000;
    sim.control.resetCounters();
    const cached = await execute(query);
    expect(cached.errors).toBeUndefined();
    expect(sourcesOf(cached)).toEqual([{ source: 'erp', status: 'OK', asOf: new Date(T0).toISOString() }]);
    expect(odooRequests()).toBe(0);
  });

  it('nulls only the product that was never seen, with its error, and reports the answer as partial', async () => {
    const [seen, unseen] = wire.map((p) => p.default_code);
    await execute(`{ product(sku: "${seen}") { sku } }`);
    clock.now = T0 + 5 * 60_000;
    sim.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    sim.control.resetCounters();

    const result = await execute(`{ products(skus: ["${seen}", "${unseen}"]) { sku name } }`);
    expect(result.data?.['products']).toEqual([{ sku: seen, name: expect.any(String) }, null]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['products', 1], extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' } });
    expect(sourcesOf(result)).toEqual([{ source: 'erp', status: 'FAILED', asOf: new Date(T0).toISOString() }]);
    expect(odooRequests()).toBe(1);
  });

  it('stops standing in once the value is older than ERP_MAX_STALE_CATALOGUE_SECONDS', async () => {
    const query = `{ product(sku: "${wire[0]!.default_code}") { sku } }`;
    await execute(query);
    sim.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    clock.now = T0 + 21_600_000;
    expect((await execute(query)).data).toEqual({ product: { sku: wire[0]!.default_code } });
    clock.now = T0 + 21_600_001;
    const expired = await execute(query);
    expect(expired.data).toEqual({ product: null });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(sourcesOf(expired)).toEqual([{ source: 'erp', status: 'FAILED' }]);
  });
});
