/**
 * Issue 10, item 6: arguments are checked before they reach Odoo. A 1.2 MB SKU used to travel to Odoo and come back
 * as UPSTREAM_UNAVAILABLE blaming the ERP; now it is the client's BAD_USER_INPUT, naming the argument, at 0 calls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, readWireProducts, startOdoo, type WireProduct } from './odoo-test-support.ts';

let sim: OdooSimulator;
let client: ErpClient;
let server: ApolloServer<ErpContext>;
let wire: WireProduct[];

beforeAll(async () => {
  let baseUrl: string;
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  server = createErpServer();
  await server.start();
  wire = await readWireProducts(sim, baseUrl, 5);
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => {
  sim.control.resetCounters();
});

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function execute(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60 });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const HUGE_SKU = 'S'.repeat(1_200_000);
const totalCalls = () => Object.values(odooCalls(sim)).reduce((a, b) => a + b, 0);

describe('ERP arguments are checked before Odoo is asked', () => {
  it.each([
    ['products', 'query ($v: [ID!]!) { products(skus: $v) { sku } }', () => [wire[0]!.default_code, HUGE_SKU], 'skus'],
    ['product', 'query ($v: ID!) { product(sku: $v) { sku } }', () => HUGE_SKU, 'sku'],
    ['products, a control character', 'query ($v: [ID!]!) { products(skus: $v) { sku } }', () => ['SKU\u0000'], 'skus'],
    ['storesWithStock', 'query ($v: [ID!]!) { storesWithStock(skus: $v, city: "Warszawa") { allAvailable } }', () => [HUGE_SKU], 'skus'],
    [
      'Product.stock(locationCodes)',
      'query ($s: [ID!]!, $v: [ID!]) { products(skus: $s) { stock(locationCodes: $v) { available } } }',
      () => ['W'.repeat(1_000)],
      'locationCodes',
    ],
  ])('%s: a malformed value is BAD_USER_INPUT naming it, not UPSTREAM_UNAVAILABLE, at 0 Odoo calls', async (_, query, value, argumentName) => {
    const variables: Record<string, unknown> = { v: value() };
    if (query.includes('$s')) variables['s'] = [wire[0]!.default_code];
    const result = await execute(query, variables);
    const codes = (result.errors ?? []).map((e) => [e.extensions?.['code'], e.extensions?.['argumentName']]);
    expect(codes).toEqual([['BAD_USER_INPUT', argumentName]]);
    // Product.stock is refused per product, after the (valid) product read: no stock call was made for it.
    if (query.includes('$s')) expect(Object.keys(odooCalls(sim)).filter((call) => call.startsWith('stock.'))).toEqual([]);
    else expect(totalCalls()).toBe(0);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it('real SKUs of the catalogue still pass, in one product read', async () => {
    const skus = wire.map((p) => p.default_code);
    const result = await execute('query ($v: [ID!]!) { products(skus: $v) { sku } }', { v: skus });
    expect(result.errors).toBeUndefined();
    expect((result.data?.['products'] as { sku: string }[]).map((p) => p.sku)).toEqual(skus);
    expect(odooCalls(sim)['product.product.search_read']).toBe(1);
  });

  it('an entity reference with a SKU no product can have resolves to null without a call', async () => {
    const result = await execute('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku } } }', {
      r: [{ __typename: 'Product', sku: HUGE_SKU }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([null]);
    expect(totalCalls()).toBe(0);
  });
});
