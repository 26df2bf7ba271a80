import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache, invalidate } from '@omnigraph/shared/cache';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { erpKeysOfChange } from '../freshness/invalidate-on-change.ts';
import { erpCachePolicies } from '../context.ts';
import { UpstreamError } from '@omnigraph/shared/errors';
import type { ErpClient, ErpLocationModel, ErpProductModel, ErpStockRowModel } from './erp-client.ts';
import { createErpLoaders, type CreateErpLoadersOptions, type ErpCachePolicies } from './erp-loaders.ts';
import { erpCacheKeys } from './erp-cache-keys.ts';

const POLICIES: ErpCachePolicies = {
  product: { freshSeconds: 60, maxStaleSeconds: 21_600 },
  stock: { freshSeconds: 0, maxStaleSeconds: 600 },
  locations: { freshSeconds: 3_600, maxStaleSeconds: 21_600 },
};
const withProductTtl = (freshSeconds: number): ErpCachePolicies => ({ ...POLICIES, product: { ...POLICIES.product, freshSeconds } });
const loadersOf = (options: Omit<CreateErpLoadersOptions, 'policies'> & { policies?: ErpCachePolicies }) =>
  createErpLoaders({ policies: POLICIES, ...options });

const product = (sku: string): ErpProductModel => ({
  sku,
  name: sku,
  ean: null,
  active: true,
  listPrice: { currency: 'PLN', netMinor: 100, grossMinor: 123, vatRate: '23' },
  unit: 'Units',
  pricingRef: { productId: 1, templateId: 1, categoryId: null, salesPriceMinor: 100, taxes: [], roundingMinor: 1 },
});
const row = (sku: string, stockRef: string): ErpStockRowModel => ({
  sku,
  stockRef,
  onHand: 1,
  reserved: 0,
  available: 1,
  asOf: '2026-01-01T00:00:00Z',
});
const location = (code: string): ErpLocationModel => ({
  code,
  name: code,
  kind: 'STORE',
  address: { street: '', city: '', postalCode: '', countryCode: 'PL' },
  coordinates: { latitude: 0, longitude: 0 },
  phone: null,
  openingHours: null,
  stockRefs: [code],
});

function fakeClient() {
  return {
    getProductsBySkus: vi.fn<ErpClient['getProductsBySkus']>(async ({ skus }) =>
      skus
        .filter((sku) => sku !== 'MISSING')
        .reverse()
        .map(product),
    ),
    getStockBySkus: vi.fn<ErpClient['getStockBySkus']>(async ({ skus }) =>
      skus.filter((sku) => sku !== 'MISSING').flatMap((sku) => [row(sku, 'A'), row(sku, 'B')]),
    ),
    listLocations: vi.fn<ErpClient['listLocations']>(async () => [location('WAW1'), location('CEN')]),
    findSaleOrders: vi.fn<ErpClient['findSaleOrders']>(async () => ({ byName: [], byTracking: [] })),
    searchPartners: vi.fn<ErpClient['searchPartners']>(async () => []),
    getPartnerPricing: vi.fn<ErpClient['getPartnerPricing']>(async () => []),
    listActiveSkus: vi.fn<ErpClient['listActiveSkus']>(async () => ({ skus: [], nextAfterId: null })),
    findSaleOrderDeliveries: vi.fn<ErpClient['findSaleOrderDeliveries']>(async () => ({ orders: [], deliveries: [] })),
    findReservations: vi.fn<ErpClient['findReservations']>(async () => []),
    createReservation: vi.fn<ErpClient['createReservation']>(async () => ({ id: 1 })),
    confirmReservation: vi.fn<ErpClient['confirmReservation']>(async () => undefined),
    findReturnReceipts: vi.fn<ErpClient['findReturnReceipts']>(async () => []),
    createReturnReceipt: vi.fn<ErpClient['createReturnReceipt']>(async () => ({ id: 1 })),
    validateReturnReceipt: vi.fn<ErpClient['validateReturnReceipt']>(async () => undefined),
    listCatalogue: vi.fn<ErpClient['listCatalogue']>(async () => []),
    listCategories: vi.fn<ErpClient['listCategories']>(async () => []),
  } satisfies ErpClient;
}

describe('createErpLoaders', () => {
  it('productBySku batches, keeps key order and returns null for missing keys', async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache() });
    const result = await Promise.all(['A', 'MISSING', 'B'].map((sku) => loaders.productBySku.load(sku)));
    expect(result.map((p) => p?.sku ?? null)).toEqual(['A', null, 'B']);
    expect(client.getProductsBySkus).toHaveBeenCalledTimes(1);
  });

  it('productBySku splits batches at 200 keys (the upstream batch limit)', async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache(), policies: withProductTtl(0) });
    const skus = Array.from({ length: 201 }, (_, i) => `SKU-${i}`);
    await loaders.productBySku.loadMany(skus);
    expect(client.getProductsBySkus.mock.calls.map(([args]) => args.skus.length)).toEqual([200, 1]);
  });

  it("stockBySku splits 250 SKUs into calls of 200 and 50 (the Odoo adapter's domain size)", async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache() });
    const skus = Array.from({ length: 250 }, (_, i) => `SKU-${i}`);
    const rows = await loaders.stockBySku.loadMany(skus);
    expect(client.getStockBySkus.mock.calls.map(([args]) => args.skus.length)).toEqual([200, 50]);
    expect(rows.map((r) => (Array.isArray(r) ? r.map((x) => x.stockRef) : r))).toEqual(skus.map(() => ['A', 'B']));
  });

  it('partnerPricing splits 250 partners into calls of 200 and 50', async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache() });
    await loaders.partnerPricing.loadMany(Array.from({ length: 250 }, (_, i) => String(i + 1)));
    expect(client.getPartnerPricing.mock.calls.map(([args]) => args.partnerIds.length)).toEqual([200, 50]);
  });

  it('serves cached products to later requests and skips the cache when the TTL is 0', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    await loadersOf({ client, cache }).productBySku.load('A');
    await loadersOf({ client, cache }).productBySku.load('A');
    expect(client.getProductsBySkus).toHaveBeenCalledTimes(1);
    await loadersOf({ client, cache, policies: withProductTtl(0) }).productBySku.load('A');
    expect(client.getProductsBySkus).toHaveBeenCalledTimes(2);
    expect(await cache.get(erpCacheKeys.productBySku('A'))).toMatchObject({ value: { sku: 'A' }, fetchedAt: expect.any(Number) });
  });

  it('falls through to the client when the cache fails, and reports it', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const fail = async (): Promise<never> => {
      throw new Error('redis down');
    };
    Object.assign(cache, { get: fail, getMany: fail, set: fail });
    const onCacheError = vi.fn();
    const loaders = loadersOf({ client, cache, onCacheError });
    expect((await loaders.productBySku.load('A'))?.sku).toBe('A');
    expect((await loaders.allLocations()).map((l) => l.code)).toEqual(['WAW1', 'CEN']);
    expect(onCacheError).toHaveBeenCalled();
  });

  it('stockBySku groups rows per SKU in key order, [] for missing', async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache() });
    const result = await loaders.stockBySku.loadMany(['B', 'MISSING', 'A']);
    expect(result).toEqual([[row('B', 'A'), row('B', 'B')], [], [row('A', 'A'), row('A', 'B')]]);
    expect(client.getStockBySkus).toHaveBeenCalledTimes(1);
  });

  it('stockBySku with a TTL of 0 reads Odoo on every request and keeps the rows only to stand in while Odoo fails', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    await loadersOf({ client, cache }).stockBySku.load('A');
    await loadersOf({ client, cache }).stockBySku.load('A');
    expect(client.getStockBySkus).toHaveBeenCalledTimes(2);
    client.getStockBySkus.mockRejectedValueOnce(new UpstreamError({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp', operation: 'getStockBySkus' }));
    expect(await loadersOf({ client, cache }).stockBySku.load('A')).toEqual([row('A', 'A'), row('A', 'B')]);
  });

  it('locationByCode loads the location list once per request, null for unknown codes', async () => {
    const client = fakeClient();
    const loaders = loadersOf({ client, cache: createMemoryCache(), policies: { ...POLICIES, locations: { freshSeconds: 0, maxStaleSeconds: 0 } } });
    const [waw, nope] = await Promise.all([loaders.locationByCode.load('WAW1'), loaders.locationByCode.load('NOPE')]);
    await loaders.allLocations();
    expect(waw?.code).toBe('WAW1');
    expect(nope).toBeNull();
    expect(client.listLocations).toHaveBeenCalledTimes(1);
  });
});

describe('the stock micro-cache (ERP_STOCK_CACHE_TTL_SECONDS)', () => {
  const T0 = Date.UTC(2026, 11, 6, 10);
  const identity = { subject: 'call-center', kind: 'api-key' as const, scopes: [], profile: 'internal' as const };
  function setup() {
    const client = fakeClient();
    const cache = createMemoryCache();
    const clock = { now: T0 };
    // the policies index.ts builds from the config defaults
    const policies = erpCachePolicies({ client, cache, cacheTtlSeconds: 60 });
    const load = (sku: string, freshReads = false) => {
      const scope = createRequestScope(identity, undefined, { freshReads });
      return runInRequestScope(scope, async () => ({
        rows: await loadersOf({ client, cache, policies, now: () => clock.now }).stockBySku.load(sku),
        scope,
      }));
    };
    return { client, cache, clock, policies, load };
  }

  it('defaults to a few seconds of freshness', () => {
    expect(setup().policies.stock.freshSeconds).toBe(5);
  });

  it('answers a repeated read from the cache within the TTL, dated when Odoo was read, and asks again after it', async () => {
    const { client, clock, load } = setup();
    await load('A');
    clock.now += 4_000;
    const hit = await load('A');
    expect(hit.rows).toEqual([row('A', 'A'), row('A', 'B')]);
    expect(client.getStockBySkus).toHaveBeenCalledTimes(1);
    // the figure keeps Odoo's date, and the source says when it was read: not now
    expect(hit.scope.sources.reports()).toEqual([{ source: 'erp', status: 'OK', asOf: new Date(T0).toISOString() }]);
    clock.now += 1_000;
    await load('A');
    expect(client.getStockBySkus).toHaveBeenCalledTimes(2);
  });

  it('asks Odoo again once a stock change event dropped the SKU, and only for that SKU', async () => {
    const { client, cache, load } = setup();
    await Promise.all([load('A'), load('B')]);
    const calls = client.getStockBySkus.mock.calls.length;
    await invalidate(
      cache,
      erpKeysOfChange({
        system: 'odoo',
        kind: 'stock',
        ids: ['7'],
        at: new Date(T0).toISOString(),
        cause: 'odoo:stock.quant',
        refs: { skus: ['A'] },
      }),
    );
    await Promise.all([load('A'), load('B')]);
    expect(client.getStockBySkus).toHaveBeenCalledTimes(calls + 1);
    expect(client.getStockBySkus.mock.calls.at(-1)?.[0].skus).toEqual(['A']);
  });

  it('is bypassed by fresh reads (a write deciding on availability), which still refresh it', async () => {
    const { client, clock, load } = setup();
    await load('A');
    client.getStockBySkus.mockResolvedValueOnce([{ ...row('A', 'A'), available: 0 }]);
    clock.now += 1_000;
    expect((await load('A', true)).rows).toEqual([{ ...row('A', 'A'), available: 0 }]);
    expect(client.getStockBySkus).toHaveBeenCalledTimes(2);
    expect((await load('A')).rows).toEqual([{ ...row('A', 'A'), available: 0 }]);
    expect(client.getStockBySkus).toHaveBeenCalledTimes(2);
  });
});
