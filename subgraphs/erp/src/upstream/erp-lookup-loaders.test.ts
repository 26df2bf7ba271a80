import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { ErpClient } from './erp-client.ts';
import { createErpLookupLoaders, customerKey } from './erp-lookup-loaders.ts';

function fakeClient() {
  return {
    findSaleOrders: vi.fn<ErpClient['findSaleOrders']>(async () => ({ byName: [], byTracking: [] })),
    searchPartners: vi.fn<ErpClient['searchPartners']>(async () => []),
  };
}

const loadersOf = (client: ReturnType<typeof fakeClient>) =>
  createErpLookupLoaders({
    client: client as unknown as ErpClient,
    cache: createMemoryCache(),
    settings: { saleOrderName: /^S\d{5,}$/, channelOrderRules: [], policy: { freshSeconds: 0, maxStaleSeconds: 0 } },
  });

describe('createErpLookupLoaders', () => {
  // The Odoo domains grow with the batch (one leaf per value): each loader keeps a batch at 100 values.
  it('referenceHits looks up 150 sale order names in calls of 100 and 50', async () => {
    const client = fakeClient();
    const names = Array.from({ length: 150 }, (_, i) => `S${String(10_000 + i)}`);
    await loadersOf(client).referenceHits.loadMany(names);
    expect(client.findSaleOrders.mock.calls.map(([args]) => args.names.length)).toEqual([100, 50]);
  });

  it('customerIdentities searches 150 customers in calls of 100 and 50', async () => {
    const client = fakeClient();
    const keys = Array.from({ length: 150 }, (_, i) => customerKey({ partnerId: 1_000 + i, email: null }));
    await loadersOf(client).customerIdentities.loadMany(keys);
    expect(client.searchPartners.mock.calls.map(([args]) => args.query.ids?.length)).toEqual([100, 50]);
  });
});
