/**
 * `erpCatalogueSkus` against the Odoo simulator: the active SKUs in id order, one `product.product` search_read per
 * page (a keyset cursor on the id), archived products and products without an internal reference left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import { odooCalls, odooCredentials, startOdoo } from './odoo-test-support.ts';

let sim: OdooSimulator;
let run: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;
const server = createErpServer();

beforeAll(async () => {
  let baseUrl: string;
  ({ sim, baseUrl } = await startOdoo());
  const client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  await server.start();
  run = async (query, variables = {}) => {
    const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60 });
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: any; errors?: any[] };
  };
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});

const PAGE = `query ($after: String, $first: Int) { erpCatalogueSkus(after: $after, first: $first) { skus nextCursor } }`;

describe('erpCatalogueSkus', () => {
  it('pages through every active SKU in id order, one Odoo search_read per page', async () => {
    // the dataset the simulator serves, read independently: active products by id
    const expected = getDataset({ scale: 0.3 })
      .products.filter((p) => p.active)
      .sort((a, b) => a.id - b.id)
      .map((p) => p.sku);
    expect(expected.length).toBeGreaterThan(100);
    sim.control.resetCounters();
    const skus: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result = await run(PAGE, { after, first: 50 });
      expect(result.errors).toBeUndefined();
      skus.push(...result.data.erpCatalogueSkus.skus);
      after = result.data.erpCatalogueSkus.nextCursor;
      pages += 1;
    } while (after !== null);
    expect(skus).toEqual(expected);
    expect(pages).toBe(Math.floor(expected.length / 50) + 1);
    expect(odooCalls(sim)).toEqual({ 'product.product.search_read': pages });
  });

  it('refuses a page size out of range and a cursor it did not give, without asking Odoo', async () => {
    sim.control.resetCounters();
    for (const variables of [{ first: 0 }, { first: 1_001 }, { after: 'abc' }]) {
      const result = await run(PAGE, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(odooCalls(sim)).toEqual({});
  });
});
