import { describe, expect, it, vi } from 'vitest';
import { createHandOff, createMemoryCache, invalidate, type HandOff } from '@omnigraph/shared/cache';
import type { OrderListPosition, OrderSummaryModel } from '@omnigraph/shared/models';
import { marketplaceKeysOfChange } from '../freshness/invalidate-on-change.ts';
import { UpstreamError } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { createSemaphore } from './create-semaphore.ts';
import type { MarketplaceClient, MarketplaceOfferModel, MarketplaceOrderModel } from './marketplace-client.ts';
import { createMarketplaceLoaders, type MarketplaceOrderSliceModel } from './marketplace-loaders.ts';
import { marketplaceCacheKeys } from './marketplace-cache-keys.ts';

const orderCacheKey = marketplaceCacheKeys.checkoutForm;

const UUID_A = '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50';
const UUID_B = '7a3c9e11-5b2f-11f0-8d4e-0b1c2d3e4f50';
const UUID_C = '7a3c9e12-5b2f-11f0-8d4e-0b1c2d3e4f50';

function offer(offerId: string, sku: string | null): MarketplaceOfferModel {
  return {
    offerId,
    sku,
    title: `Offer ${offerId}`,
    price: { amount: '1.00', currency: 'PLN' },
    availableQuantity: 1,
    stockAsOf: '2026-01-01T00:00:00.000Z',
    soldQuantity: 0,
    status: 'ACTIVE',
    url: `https://allegro.pl/oferta/${offerId}`,
  };
}

function order(number: string, placedAt = '2026-05-12T08:12:47.101Z'): MarketplaceOrderModel {
  const money = { amount: '1.00', currency: 'PLN' };
  return {
    id: `marketplace:${number}`,
    channel: 'MARKETPLACE',
    number,
    placedAt,
    status: 'PROCESSING',
    channelStatus: 'READY_FOR_PROCESSING/NEW',
    totals: { total: money, shipping: money, discount: money, tax: null, fees: money },
    lines: [],
    couponCodes: [],
    delivery: { method: 'COURIER', name: 'Kurier', cost: money, parcelLocker: null, store: null, address: null },
    paymentStatus: 'PAID',
    buyerLogin: 'buyer',
    buyer: { id: '1', login: 'buyer', firstName: null, lastName: null, phone: null, postalCode: null, companyName: null, nip: null, guest: false },
    paymentId: null,
    completedAt: null,
    invoice: null,
    formEvents: [],
  };
}

interface ListedForm {
  order: MarketplaceOrderModel;
  latestBoughtAt: string;
}

/**
 * `GET /order/checkout-forms?buyer.login=…&sort=-lineItems.boughtAt` as Allegro answers it: by a line's purchase
 * time (here the latest), newest first, `lineItems.boughtAt.lte` inclusive on it, `offset`/`limit`, totalCount filtered.
 */
function allegroFormList(forms: readonly ListedForm[]): MarketplaceClient['listBuyerOrdersNewestFirst'] {
  return async ({ buyerLogin, limit, offset, boughtAtLte }) => {
    const matches = forms
      .filter((f) => f.order.buyerLogin === buyerLogin)
      .filter((f) => boughtAtLte === null || Date.parse(f.latestBoughtAt) <= Date.parse(boughtAtLte))
      .sort((a, b) => Date.parse(b.latestBoughtAt) - Date.parse(a.latestBoughtAt));
    return { entries: matches.slice(offset, offset + limit), totalCount: matches.length };
  };
}

function fakeClient(forms: readonly ListedForm[] = []) {
  return {
    listBuyerOrdersNewestFirst: vi.fn<MarketplaceClient['listBuyerOrdersNewestFirst']>(allegroFormList(forms)),
    getOffersBySkus: vi.fn<MarketplaceClient['getOffersBySkus']>(),
    listOrdersByBuyerLogin: vi.fn<MarketplaceClient['listOrdersByBuyerLogin']>(),
    getOrderById: vi.fn<MarketplaceClient['getOrderById']>(),
    listRecentOrders: vi.fn<MarketplaceClient['listRecentOrders']>(),
    listRefunds: vi.fn<MarketplaceClient['listRefunds']>(),
    createRefund: vi.fn<MarketplaceClient['createRefund']>(),
    listShipments: vi.fn<MarketplaceClient['listShipments']>(),
  } satisfies MarketplaceClient;
}

function loadersFor(client: MarketplaceClient, limit = 8) {
  const cache = createMemoryCache();
  return { cache, loaders: createMarketplaceLoaders({ client, cache, cacheTtlSeconds: 60, orderReadLimiter: createSemaphore(limit) }) };
}

describe('createMarketplaceLoaders', () => {
  it('offersBySku groups offers by SKU in key order, [] for SKUs without offers, 100 SKUs per call', async () => {
    const client = fakeClient();
    client.getOffersBySkus.mockImplementation(async ({ skus }) =>
      skus.includes('B') ? [offer('2', 'B'), offer('1', 'A'), offer('3', 'B'), offer('4', null)] : [],
    );
    const { loaders } = loadersFor(client);
    await expect(loaders.offersBySku.loadMany(['B', 'Z', 'A'])).resolves.toEqual([[offer('2', 'B'), offer('3', 'B')], [], [offer('1', 'A')]]);
    const many = Array.from({ length: 250 }, (_, i) => `SKU-${i}`);
    await loaders.offersBySku.loadMany(many);
    expect(client.getOffersBySkus.mock.calls.map(([args]) => args.skus.length)).toEqual([3, 100, 100, 50]);
  });

  it("orderSlice reads one page of the buyer's forms and hands them to the entity step, also with no cache TTL", async () => {
    const forms = [UUID_A, UUID_B, UUID_C].map((number, i) => {
      const placedAt = `2026-05-1${i}T08:00:00.000Z`;
      return { order: order(number, placedAt), latestBoughtAt: placedAt };
    });
    const client = fakeClient(forms);
    const handOff = createHandOff();
    const deps = { client, cache: createMemoryCache(), cacheTtlSeconds: 0, orderReadLimiter: createSemaphore(8), handOff };
    const caller: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' };
    // the listing and the entity step of one gateway request arrive as two subgraph requests with its request id
    const inRequest = <T>(requestId: string, fn: () => Promise<T>, options: { freshReads?: boolean } = {}) =>
      runInRequestScope(createRequestScope(caller, undefined, { requestId, ...options }), fn);
    const slice = await inRequest('req-1', () => createMarketplaceLoaders(deps).orderSlice.load({ buyerLogin: 'buyer', first: 2, after: null }));
    expect(slice).toEqual({
      orders: [
        { ref: { typename: 'MarketplaceOrder', id: `marketplace:${UUID_C}` }, placedAt: '2026-05-12T08:00:00.000Z' },
        { ref: { typename: 'MarketplaceOrder', id: `marketplace:${UUID_B}` }, placedAt: '2026-05-11T08:00:00.000Z' },
      ],
      hasMore: true,
      totalCount: 3,
    });
    expect(client.listBuyerOrdersNewestFirst).toHaveBeenCalledTimes(1);
    await inRequest('req-1', () => createMarketplaceLoaders(deps).orderByNumber.loadMany([UUID_C, UUID_B]));
    expect(client.getOrderById).not.toHaveBeenCalled();
    // another request (a later query, the read a write decides on) and a fresh read never get what req-1 listed
    await inRequest('req-2', () => createMarketplaceLoaders(deps).orderByNumber.load(UUID_C));
    await inRequest('req-1', () => createMarketplaceLoaders(deps).orderByNumber.load(UUID_B), { freshReads: true });
    expect(client.getOrderById.mock.calls.map(([args]) => args.orderNumber)).toEqual([UUID_C, UUID_B]);
  });

  it('orderSlice hands its forms over in the shared cache alone when that serves them fresh', async () => {
    const forms = [UUID_A, UUID_B].map((number, i) => {
      const placedAt = `2026-05-1${i}T08:00:00.000Z`;
      return { order: order(number, placedAt), latestBoughtAt: placedAt };
    });
    const client = fakeClient(forms);
    const handedOver: unknown[] = [];
    const handOff: HandOff = {
      put: async (entries) => void handedOver.push(...entries),
      take: async (keys) => keys.map(() => undefined),
    };
    const deps = { client, cache: createMemoryCache(), cacheTtlSeconds: 60, orderReadLimiter: createSemaphore(8), handOff };
    await createMarketplaceLoaders(deps).orderSlice.load({ buyerLogin: 'buyer', first: 2, after: null });
    expect(handedOver).toEqual([]);
    await createMarketplaceLoaders(deps).orderByNumber.loadMany([UUID_A, UUID_B]);
    expect(client.getOrderById).not.toHaveBeenCalled();
  });

  it('orderSlice pages through forms whose lines were bought apart in the merge order, calls per page constant', async () => {
    const forms = Array.from({ length: 30 }, (_, i) => {
      const number = `7a3c9e${String(i).padStart(2, '0')}-5b2f-11f0-8d4e-0b1c2d3e4f50`;
      const placedAt = new Date(Date.UTC(2026, 4, 1, 8) + i * 60_000).toISOString();
      // every third form has a line bought two minutes after its first: Allegro lists it later than its placedAt
      const latestBoughtAt = new Date(Date.parse(placedAt) + (i % 3 === 0 ? 120_000 : 0)).toISOString();
      return { order: order(number, placedAt), latestBoughtAt };
    });
    const client = fakeClient(forms);
    const expected = forms
      .map((f) => f.order)
      .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
      .map((o) => o.id);
    const seen: string[] = [];
    let after: OrderListPosition | null = null;
    for (let page = 0; page < 50; page++) {
      client.listBuyerOrdersNewestFirst.mockClear();
      const { loaders } = loadersFor(client);
      const slice: MarketplaceOrderSliceModel = (await loaders.orderSlice.load({ buyerLogin: 'buyer', first: 4, after }))!;
      expect(slice.totalCount).toBe(30);
      // the list (a second page only when the window above the cursor holds many forms) and, after the first page, the count
      expect(client.listBuyerOrdersNewestFirst.mock.calls.length).toBeLessThanOrEqual(after === null ? 1 : 3);
      seen.push(...slice.orders.map((o) => o.ref.id));
      if (!slice.hasMore) break;
      const last: OrderSummaryModel = slice.orders.at(-1)!;
      after = { time: Date.parse(last.placedAt), id: last.ref.id };
    }
    expect(seen).toEqual(expected);
  });

  it('orderSummariesByBuyerLogin summarises and caches every listed order', async () => {
    const client = fakeClient();
    client.listOrdersByBuyerLogin.mockResolvedValue([order(UUID_A, '2026-06-01T00:00:00.000Z'), order(UUID_B)]);
    const { loaders, cache } = loadersFor(client);
    await expect(loaders.orderSummariesByBuyerLogin.load('buyer')).resolves.toEqual([
      { ref: { typename: 'MarketplaceOrder', id: `marketplace:${UUID_A}` }, placedAt: '2026-06-01T00:00:00.000Z' },
      { ref: { typename: 'MarketplaceOrder', id: `marketplace:${UUID_B}` }, placedAt: '2026-05-12T08:12:47.101Z' },
    ]);
    await expect(cache.get(orderCacheKey(UUID_B))).resolves.toMatchObject({ value: order(UUID_B) });
  });

  it('orderSummariesByBuyerLogin fails only the key whose listing failed', async () => {
    const client = fakeClient();
    client.listOrdersByBuyerLogin.mockImplementation(async ({ buyerLogin }) => {
      if (buyerLogin === 'bad') throw new Error('upstream down');
      return [];
    });
    const { loaders } = loadersFor(client);
    const [bad, good] = await loaders.orderSummariesByBuyerLogin.loadMany(['bad', 'good']);
    expect(bad).toBeInstanceOf(Error);
    expect(good).toEqual([]);
  });

  it('orderByNumber serves the cache first, reads the rest, keeps key order and null for unknown ids', async () => {
    const client = fakeClient();
    client.getOrderById.mockImplementation(async ({ orderNumber }) => (orderNumber === UUID_C ? null : order(orderNumber)));
    const { loaders, cache } = loadersFor(client);
    await cache.set(orderCacheKey(UUID_B), { value: order(UUID_B), fetchedAt: Date.now() }, 60);
    await expect(loaders.orderByNumber.loadMany([UUID_C, UUID_B, UUID_A])).resolves.toEqual([null, order(UUID_B), order(UUID_A)]);
    expect(client.getOrderById.mock.calls.map(([args]) => args.orderNumber).sort()).toEqual([UUID_A, UUID_C].sort());
    await expect(cache.get(orderCacheKey(UUID_A))).resolves.toMatchObject({ value: order(UUID_A) });
  });

  it("while Allegro fails, a buyer's list, its orders and the offers read before stand in, STALE", async () => {
    const client = fakeClient();
    client.listOrdersByBuyerLogin.mockResolvedValue([order(UUID_A)]);
    client.getOffersBySkus.mockResolvedValue([offer('1', 'A')]);
    const cache = createMemoryCache();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const loaders = () =>
      createMarketplaceLoaders({ client, cache, cacheTtlSeconds: 60, orderReadLimiter: createSemaphore(8), now: () => clock.now });
    const first = loaders();
    const summaries = await first.orderSummariesByBuyerLogin.load('buyer');
    await first.offersBySku.load('A');

    clock.now += 5 * 60_000;
    const down = new UpstreamError({ code: 'UPSTREAM_CIRCUIT_OPEN', serviceName: 'marketplace', operation: 'getOffersBySkus' });
    client.listOrdersByBuyerLogin.mockRejectedValue(down);
    client.getOffersBySkus.mockRejectedValue(down);
    client.getOrderById.mockRejectedValue(down);
    const scope = createRequestScope({ subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' });
    const stale = await runInRequestScope(scope, async () => {
      const request = loaders();
      return [
        await request.orderSummariesByBuyerLogin.load('buyer'),
        await request.orderByNumber.load(UUID_A),
        await request.offersBySku.load('A'),
      ] as const;
    });
    expect(stale).toEqual([summaries, order(UUID_A), [offer('1', 'A')]]);
    expect(scope.sources.reports()).toEqual([{ source: 'marketplace', status: 'STALE', asOf: new Date(clock.now - 300_000).toISOString() }]);

    // offers take stock's 10 min; past it the open breaker shows, as SKIPPED
    clock.now += 6 * 60_000;
    const later = createRequestScope({ subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' });
    await expect(runInRequestScope(later, () => loaders().offersBySku.load('A'))).rejects.toBe(down);
    expect(later.sources.reports()).toEqual([{ source: 'marketplace', status: 'SKIPPED' }]);
  });

  it("keeps each order and each buyer's list under the keys an order event invalidates", async () => {
    const client = fakeClient();
    client.listOrdersByBuyerLogin.mockResolvedValue([order(UUID_A)]);
    const { loaders, cache } = loadersFor(client);
    await loaders.orderSummariesByBuyerLogin.load('ania_kowalska88');
    // the refunds key is dropped with the order but only filled when refunds are read
    const keys = marketplaceCacheKeys
      .orderKeysOf({ number: UUID_A, buyerLogin: 'ania_kowalska88' })
      .filter((k) => k !== marketplaceCacheKeys.refunds(UUID_A) && k !== marketplaceCacheKeys.shipments(UUID_A));
    for (const key of keys) expect(await cache.get(key)).toMatchObject({ fetchedAt: expect.any(Number) });
    expect(keys[1]).not.toContain('ania');
  });
});

describe('the offer micro-cache (MARKETPLACE_OFFER_CACHE_TTL_SECONDS)', () => {
  const T0 = Date.UTC(2026, 11, 6, 10);
  const identity = { subject: 'call-center', kind: 'api-key' as const, scopes: [], profile: 'internal' as const };
  function setup() {
    const client = fakeClient();
    client.getOffersBySkus.mockImplementation(async ({ skus }) => skus.filter((sku) => sku !== 'NONE').map((sku) => offer(`o-${sku}`, sku)));
    const cache = createMemoryCache();
    const clock = { now: T0 };
    const load = (sku: string, freshReads = false) => {
      const scope = createRequestScope(identity, undefined, { freshReads });
      return runInRequestScope(scope, () =>
        // the default TTL, as index.ts passes MARKETPLACE_OFFER_CACHE_TTL_SECONDS' default
        createMarketplaceLoaders({ client, cache, cacheTtlSeconds: 60, orderReadLimiter: createSemaphore(8), now: () => clock.now }).offersBySku.load(
          sku,
        ),
      );
    };
    return { client, cache, clock, load };
  }

  it('answers offers and "no offer" from the cache within the TTL, each offer keeping its stockAsOf, and asks again after it', async () => {
    const { client, clock, load } = setup();
    expect(await load('A')).toEqual([offer('o-A', 'A')]);
    expect(await load('NONE')).toEqual([]);
    clock.now += 4_000;
    expect(await load('A')).toEqual([offer('o-A', 'A')]);
    expect(await load('NONE')).toEqual([]);
    expect(client.getOffersBySkus).toHaveBeenCalledTimes(2);
    clock.now += 1_000;
    await Promise.all([load('A'), load('NONE')]);
    expect(client.getOffersBySkus).toHaveBeenCalledTimes(4);
  });

  it('asks Allegro again once an offer event dropped the SKU, a cached "no offer" included', async () => {
    const { client, cache, load } = setup();
    await load('A');
    await load('NONE');
    await invalidate(
      cache,
      marketplaceKeysOfChange({
        system: 'allegro',
        kind: 'product',
        ids: ['o-NONE'],
        at: new Date(T0).toISOString(),
        cause: 'allegro:offer-events:OFFER_ACTIVATED',
        refs: { skus: ['NONE'] },
      }),
    );
    await load('A');
    await load('NONE');
    expect(client.getOffersBySkus).toHaveBeenCalledTimes(3);
    expect(client.getOffersBySkus.mock.calls.at(-1)?.[0].skus).toEqual(['NONE']);
  });

  it('is bypassed by fresh reads', async () => {
    const { client, load } = setup();
    await load('A');
    await load('A', true);
    expect(client.getOffersBySkus).toHaveBeenCalledTimes(2);
  });
});
