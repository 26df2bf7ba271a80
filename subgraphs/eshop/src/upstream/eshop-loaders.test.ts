import { describe, expect, it, vi } from 'vitest';
import { createHandOff, createMemoryCache, invalidate, type HandOff } from '@omnigraph/shared/cache';
import { compareNewestFirst, type OrderListPosition, type OrderSummaryModel } from '@omnigraph/shared/models';
import { eshopKeysOfChange } from '../freshness/invalidate-on-change.ts';
import { UpstreamError } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import type { EshopClient, EshopListingModel, EshopOrderId, EshopOrderModel } from './eshop-client.ts';
import { createEshopLoaders, type EshopOrderSliceModel } from './eshop-loaders.ts';
import { eshopCacheKeys } from './eshop-cache-keys.ts';

function order(id: number, placedAt: string, customerId: string | null = null): EshopOrderModel {
  const pln = (amount: string) => ({ amount, currency: 'PLN' });
  return {
    id: `eshop:${id}`,
    orderId: String(id) as EshopOrderId,
    channel: 'ESHOP',
    number: String(id),
    placedAt,
    status: 'COMPLETED',
    channelStatus: 'completed',
    totals: { total: pln('10.00'), shipping: pln('0.00'), discount: pln('0.00'), tax: pln('1.87'), fees: pln('0.00') },
    lines: [],
    couponCodes: [],
    completedAt: null,
    refundIds: [],
    idempotencyKey: null,
    erpOrderName: null,
    delivery: { method: 'COURIER', name: 'Kurier DPD', cost: pln('0.00'), parcelLocker: null, store: null, address: null },
    paymentStatus: 'PAID',
    billingEmail: 'a@example.pl',
    customerId,
    buyer: { email: 'a@example.pl', phone: '600-100-200', firstName: 'A', lastName: 'B', postalCode: '00-001', companyName: null, nip: null },
    trackingParcels: [],
    hasFulfillments: false,
    invoice: null,
    events: [],
  };
}

function listing(sku: string): EshopListingModel {
  const pln = (amount: string) => ({ amount, currency: 'PLN' });
  return {
    sku,
    productId: '1',
    name: sku,
    price: pln('1.00'),
    regularPrice: pln('1.00'),
    salePrice: null,
    onSale: false,
    saleStartsAt: null,
    saleEndsAt: null,
    status: 'PUBLISHED',
    url: 'https://sklep.example.pl/p',
    stockStatus: 'IN_STOCK',
    stockQuantity: 1,
    stockAsOf: '2026-01-01T00:00:00.000Z',
    description: null,
    shortDescription: null,
    images: [],
    categories: [],
    parentProductId: null,
  };
}

const DEFAULT_HISTORY = [order(1, '2026-01-01T10:00:00Z', '7'), order(3, '2026-03-01T10:00:00Z', '7'), order(2, '2026-02-01T10:00:00Z')];

/**
 * `GET /orders` as WooCommerce answers the two order-list queries: `customer=<id>` or guests (`customer_id` 0) of a
 * billing e-mail, `orderby=date&order=desc` sorting by `date ID`, `before` exclusive, `per_page`/`page`, X-WP-Total.
 */
function wooOrderList(history: readonly EshopOrderModel[]): EshopClient['listOrdersNewestFirst'] {
  return async ({ owner, perPage, offset, beforeGmt }) => {
    const matches = history
      .filter((o) =>
        'customerId' in owner ? o.customerId === owner.customerId : o.customerId === null && o.billingEmail === owner.guestEmail.toLowerCase(),
      )
      .filter((o) => beforeGmt === null || Date.parse(o.placedAt) < Date.parse(`${beforeGmt}Z`))
      .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt) || Number(b.orderId) - Number(a.orderId));
    const orders = matches.slice(offset, offset + perPage);
    return {
      orders,
      listed: orders.length,
      total: matches.length,
      more: offset + orders.length < matches.length,
      lastListedAt: orders.at(-1)?.placedAt ?? null,
    };
  };
}

function fakeClient(history: readonly EshopOrderModel[] = DEFAULT_HISTORY) {
  return {
    listOrdersNewestFirst: vi.fn<EshopClient['listOrdersNewestFirst']>(wooOrderList(history)),
    countCustomerOrders: vi.fn<EshopClient['countCustomerOrders']>(
      async ({ customerId }) => history.filter((o) => o.customerId === customerId).length,
    ),
    getListingsBySkus: vi.fn<EshopClient['getListingsBySkus']>(async ({ skus }) =>
      // the shop answers in its own order and spelling, without the unknown ones
      skus
        .filter((s) => !s.startsWith('UNKNOWN'))
        .reverse()
        .map((s) => listing(s.toUpperCase())),
    ),
    getOrdersByIds: vi.fn<EshopClient['getOrdersByIds']>(async ({ ids }) =>
      ids
        .filter((id) => id !== '404')
        .reverse()
        .map((id) => order(Number(id), '2026-01-01T00:00:00Z')),
    ),
    getOrderByNumber: vi.fn<EshopClient['getOrderByNumber']>(async ({ number }) =>
      number === '404' ? null : order(Number(number), '2026-01-01T00:00:00Z'),
    ),
    listCustomerOrders: vi.fn<EshopClient['listCustomerOrders']>(async () => [
      order(1, '2026-01-01T10:00:00Z', '7'),
      order(3, '2026-03-01T10:00:00Z', '7'),
    ]),
    listGuestOrdersByEmail: vi.fn<EshopClient['listGuestOrdersByEmail']>(async () => [order(2, '2026-02-01T10:00:00Z')]),
    findCustomersByEmail: vi.fn<EshopClient['findCustomersByEmail']>(async () => []),
    getCustomersByIds: vi.fn<EshopClient['getCustomersByIds']>(async () => []),
    searchOrders: vi.fn<EshopClient['searchOrders']>(async () => []),
    createOrder: vi.fn<EshopClient['createOrder']>(),
    findOrdersByTag: vi.fn<EshopClient['findOrdersByTag']>(async () => []),
    setOrderMeta: vi.fn<EshopClient['setOrderMeta']>(),
    createRefund: vi.fn<EshopClient['createRefund']>(),
    listRefunds: vi.fn<EshopClient['listRefunds']>(async () => []),
    listOrderNotes: vi.fn<EshopClient['listOrderNotes']>(async () => []),
    listFulfillments: vi.fn<EshopClient['listFulfillments']>(async () => []),
    getProductContents: vi.fn<EshopClient['getProductContents']>(async ({ productIds }) =>
      productIds.map((productId) => ({ productId, description: null, shortDescription: null, images: [], categories: [] })),
    ),
  } satisfies EshopClient;
}

describe('createEshopLoaders', () => {
  it('orderById answers in key order with null for missing ids, in one batch', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const ids = ['5', '404', '6'] as EshopOrderId[];
    const result = await Promise.all(ids.map((id) => loaders.orderById.load(id)));
    expect(result.map((o) => o?.id ?? null)).toEqual(['eshop:5', null, 'eshop:6']);
    expect(client.getOrdersByIds).toHaveBeenCalledTimes(1);
  });

  it('orderById splits batches at 100 ids (the upstream limit)', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    await loaders.orderById.loadMany(Array.from({ length: 150 }, (_, i) => String(i + 1) as EshopOrderId));
    expect(client.getOrdersByIds.mock.calls.map(([args]) => args.ids.length)).toEqual([100, 50]);
  });

  it('orderById reads the shared cache first and fills it', async () => {
    const cache = createMemoryCache();
    const client = fakeClient();
    await createEshopLoaders({ client, cache, cacheTtlSeconds: 60 }).orderById.load('5' as EshopOrderId);
    const again = await createEshopLoaders({ client, cache, cacheTtlSeconds: 60 }).orderById.load('5' as EshopOrderId);
    expect(again?.id).toBe('eshop:5');
    expect(client.getOrdersByIds).toHaveBeenCalledTimes(1);
    expect(await cache.get(eshopCacheKeys.order('5' as EshopOrderId))).toMatchObject({ value: { id: 'eshop:5' }, fetchedAt: expect.any(Number) });
  });

  it('listingBySku matches SKUs case-insensitively, in key order, null for unknown', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const result = await loaders.listingBySku.loadMany(['sku-a', 'UNKNOWN-1', 'SKU-B']);
    expect(result.map((l) => (l instanceof Error || l === null ? l : l.sku))).toEqual(['SKU-A', null, 'SKU-B']);
    expect(client.getListingsBySkus).toHaveBeenCalledTimes(1);
  });

  it('listingBySku caches "not listed" as long as a listing, until a product webhook names the SKU', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const load = (sku: string) => createEshopLoaders({ client, cache, cacheTtlSeconds: 60, now: () => clock.now }).listingBySku.load(sku);
    expect(await load('UNKNOWN-1')).toBeNull();
    clock.now += 59_000;
    expect(await load('UNKNOWN-1')).toBeNull();
    expect(client.getListingsBySkus).toHaveBeenCalledTimes(1);
    await invalidate(
      cache,
      eshopKeysOfChange({
        system: 'woocommerce',
        kind: 'product',
        ids: ['812'],
        at: new Date(clock.now).toISOString(),
        cause: 'woocommerce:webhook:product.created',
        refs: { skus: ['UNKNOWN-1'] },
      }),
    );
    await load('UNKNOWN-1');
    expect(client.getListingsBySkus).toHaveBeenCalledTimes(2);
    clock.now += 60_000;
    await load('UNKNOWN-1');
    expect(client.getListingsBySkus).toHaveBeenCalledTimes(3);
  });

  it('listingBySku splits 150 SKUs into calls of 100 and 50 (WooCommerce takes at most 100 SKUs)', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const skus = Array.from({ length: 150 }, (_, i) => `SKU-${i}`);
    const result = await loaders.listingBySku.loadMany(skus);
    expect(client.getListingsBySkus.mock.calls.map(([args]) => args.skus.length)).toEqual([100, 50]);
    expect(result.map((l) => (l instanceof Error || l === null ? l : l.sku))).toEqual(skus);
  });

  it('customerById splits 150 ids into calls of 100 and 50', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    await loaders.customerById.loadMany(Array.from({ length: 150 }, (_, i) => String(i + 1)));
    expect(client.getCustomersByIds.mock.calls.map(([args]) => args.ids.length)).toEqual([100, 50]);
  });

  it('orderSlice merges the registered and guest lists newest first, cut to the page, and hands its orders over', async () => {
    const client = fakeClient();
    const handOff = createHandOff();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 0, handOff });
    const caller: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' };
    const inRequest = <T>(requestId: string, fn: () => Promise<T>, identity: RequestIdentity = caller) =>
      runInRequestScope(createRequestScope(identity, undefined, { requestId }), fn);
    const slice = await inRequest('req-1', () => loaders.orderSlice.load({ customerId: '7', email: 'a@example.pl', first: 2, after: null }));
    expect(slice).toEqual({
      orders: [
        { ref: { typename: 'EshopOrder', id: 'eshop:3' }, placedAt: '2026-03-01T10:00:00Z' },
        { ref: { typename: 'EshopOrder', id: 'eshop:2' }, placedAt: '2026-02-01T10:00:00Z' },
      ],
      hasMore: true,
      totalCount: 3,
    });
    // one page of each list, no count call on a first page
    expect(client.listOrdersNewestFirst).toHaveBeenCalledTimes(2);
    expect(client.countCustomerOrders).not.toHaveBeenCalled();
    // the entity step of the same query, in a new request, with no shared cache: the hand-off, no upstream call
    const next = createEshopLoaders({ client, cacheTtlSeconds: 0, handOff });
    await inRequest('req-1', () => next.orderById.loadMany(['3', '2'] as EshopOrderId[]));
    expect(client.getOrdersByIds).not.toHaveBeenCalled();
    // a later request, or another caller sending the same client request id, reads the shop
    await inRequest('req-2', () => createEshopLoaders({ client, cacheTtlSeconds: 0, handOff }).orderById.load('3' as EshopOrderId));
    const other: RequestIdentity = { subject: 'partner-x', kind: 'api-key', scopes: [], profile: 'partner' };
    await inRequest('req-1', () => createEshopLoaders({ client, cacheTtlSeconds: 0, handOff }).orderById.load('2' as EshopOrderId), other);
    expect(client.getOrdersByIds.mock.calls.map(([args]) => args.ids)).toEqual([['3'], ['2']]);
  });

  it('orderSlice hands its orders over in the shared cache alone when that serves them fresh', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const handedOver: unknown[] = [];
    const handOff: HandOff = {
      put: async (entries) => void handedOver.push(...entries),
      take: async (keys) => keys.map(() => undefined),
    };
    await createEshopLoaders({ client, cache, cacheTtlSeconds: 60, handOff }).orderSlice.load({
      customerId: '7',
      email: 'a@example.pl',
      first: 2,
      after: null,
    });
    expect(handedOver).toEqual([]);
    await createEshopLoaders({ client, cache, cacheTtlSeconds: 60, handOff }).orderById.loadMany(['3', '2'] as EshopOrderId[]);
    expect(client.getOrdersByIds).not.toHaveBeenCalled();
  });

  it('orderSlice pages by keyset in the merge order, ties at a second included, with a constant count and calls', async () => {
    const history = [
      ...Array.from({ length: 40 }, (_, i) => order(100 + i, `2026-01-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`, '7')),
      // one second shared by four orders, across every page boundary of size 3
      ...[200, 201, 202, 203].map((id) => order(id, '2026-01-05T10:00:00Z', '7')),
      order(9, '2026-01-05T10:00:00Z', '7'),
    ];
    const client = fakeClient(history);
    const expected = [...history]
      .sort((a, b) => compareNewestFirst({ time: Date.parse(a.placedAt), id: a.id }, { time: Date.parse(b.placedAt), id: b.id }))
      .map((o) => o.id);
    const seen: string[] = [];
    let after: OrderListPosition | null = null;
    for (let page = 0; page < 100; page++) {
      client.listOrdersNewestFirst.mockClear();
      client.countCustomerOrders.mockClear();
      const slice: EshopOrderSliceModel = (await createEshopLoaders({ client, cacheTtlSeconds: 0 }).orderSlice.load({
        customerId: '7',
        email: null,
        first: 3,
        after,
      }))!;
      expect(slice.totalCount).toBe(history.length);
      // one list call (a second only when the cursor's second holds more shown orders than a page) and, after the
      // first page, the count
      expect(client.listOrdersNewestFirst.mock.calls.length).toBeLessThanOrEqual(2);
      expect(client.countCustomerOrders.mock.calls.length).toBe(after === null ? 0 : 1);
      seen.push(...slice.orders.map((o) => o.ref.id));
      if (!slice.hasMore) break;
      const last: OrderSummaryModel = slice.orders.at(-1)!;
      after = { time: Date.parse(last.placedAt), id: last.ref.id };
    }
    expect(seen).toEqual(expected);
  });

  it('orderSlice asks nothing without an e-mail or id, and ignores an id that is not a shop id', async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    expect(await loaders.orderSlice.load({ customerId: null, email: null, first: 5, after: null })).toEqual({
      orders: [],
      hasMore: false,
      totalCount: 0,
    });
    expect(await loaders.orderSlice.load({ customerId: 'abc', email: '  ', first: 5, after: null })).toEqual({
      orders: [],
      hasMore: false,
      totalCount: 0,
    });
    expect(client.listOrdersNewestFirst).not.toHaveBeenCalled();
  });

  it('orderSlice fails one customer without failing the others', async () => {
    const client = fakeClient();
    client.listOrdersNewestFirst.mockRejectedValueOnce(new Error('upstream down'));
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const [failed, ok] = await loaders.orderSlice.loadMany([
      { customerId: '7', email: null, first: 5, after: null },
      { customerId: null, email: 'a@example.pl', first: 5, after: null },
    ]);
    expect(failed).toBeInstanceOf(Error);
    expect(ok).toMatchObject({ totalCount: 1 });
  });

  it("while WooCommerce fails, a page's slice and its orders read before stand in, STALE", async () => {
    const cache = createMemoryCache();
    const client = fakeClient();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const loaders = () => createEshopLoaders({ client, cache, cacheTtlSeconds: 60, now: () => clock.now });
    const live = await loaders().orderSlice.load({ customerId: '7', email: 'a@example.pl', first: 5, after: null });
    clock.now += 10 * 60_000;
    const down = new UpstreamError({ code: 'UPSTREAM_TIMEOUT', serviceName: 'eshop', operation: 'listOrdersNewestFirst' });
    client.listOrdersNewestFirst.mockRejectedValue(down);
    client.getOrdersByIds.mockRejectedValue(down);
    const scope = createRequestScope({ subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' });
    const [stale, order] = await runInRequestScope(scope, async () => {
      const request = loaders();
      return [
        await request.orderSlice.load({ customerId: '7', email: ' A@Example.pl', first: 5, after: null }),
        await loaders().orderById.load('3' as EshopOrderId),
      ] as const;
    });
    expect(stale).toEqual(live);
    expect(order?.id).toBe('eshop:3');
    expect(scope.sources.reports()).toEqual([{ source: 'eshop', status: 'STALE', asOf: new Date(clock.now - 600_000).toISOString() }]);
    // past ESHOP_MAX_STALE_ORDERS_SECONDS (1 h): the error
    clock.now += 3_600_000;
    await expect(loaders().orderSlice.load({ customerId: '7', email: null, first: 5, after: null })).rejects.toBe(down);
  });

  it('stores each whole list (identity lookups) under the key a changed order invalidates', async () => {
    const cache = createMemoryCache();
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cache, cacheTtlSeconds: 60 });
    await Promise.all([loaders.customerOrders.load('7'), loaders.guestOrders.load('a@example.pl')]);
    const registered = eshopCacheKeys.orderKeysOf({ orderId: '1', customerId: '7', billingEmail: 'a@example.pl' });
    const guest = eshopCacheKeys.orderKeysOf({ orderId: '2', customerId: null, billingEmail: 'A@example.pl ' });
    // the refunds, notes and fulfillments of an order are stored only once asked for
    const stored = [...registered, ...guest].filter((key) => !/^order-(refunds|notes|fulfillments):/.test(key));
    for (const key of stored) expect(await cache.get(key)).toMatchObject({ fetchedAt: expect.any(Number) });
    expect(guest[1]).not.toContain('example.pl');
  });

  it('customerById answers in key order with null for unknown ids, in one batch', async () => {
    const client = fakeClient();
    client.getCustomersByIds.mockImplementation(async ({ ids }) =>
      ids
        .filter((id) => id !== '404')
        .reverse()
        .map((id) => ({
          customerId: id,
          email: `${id}@example.pl`,
          createdAt: '2025-01-01T00:00:00Z',
          firstName: null,
          lastName: null,
          phone: null,
          postalCode: null,
          companyName: null,
        })),
    );
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const customers = await loaders.customerById.loadMany(['9', '404', '8']);
    expect(customers.map((c) => (c === null || c instanceof Error ? c : c.customerId))).toEqual(['9', null, '8']);
    expect(client.getCustomersByIds).toHaveBeenCalledTimes(1);
  });

  it('ordersBySearch reads each term once per request, its orders then served by orderById without a call', async () => {
    const client = fakeClient();
    client.searchOrders.mockImplementation(async ({ term }) =>
      term === 'none' ? [] : [order(41, '2026-01-01T00:00:00Z'), order(42, '2026-02-01T00:00:00Z')],
    );
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const [found, none, again] = await Promise.all([
      loaders.ordersBySearch.load('600 100 200'),
      loaders.ordersBySearch.load('none'),
      loaders.ordersBySearch.load('600 100 200'),
    ]);
    expect(found?.map((o) => o.orderId)).toEqual(['41', '42']);
    expect(none).toEqual([]);
    expect(again).toBe(found);
    expect(client.searchOrders).toHaveBeenCalledTimes(2);
    expect(client.searchOrders).toHaveBeenCalledWith({ term: 'none', maxPages: 2 });
    expect((await loaders.orderById.load('42' as EshopOrderId))?.id).toBe('eshop:42');
    expect(client.getOrdersByIds).not.toHaveBeenCalled();
  });
});

describe('productContentById', () => {
  it("reads 150 parents in calls of 100 and 50 (the shop's per_page limit), each once per request", async () => {
    const client = fakeClient();
    const loaders = createEshopLoaders({ client, cacheTtlSeconds: 60 });
    const ids = Array.from({ length: 150 }, (_, i) => String(1_000 + i));
    const contents = await Promise.all([...ids, ...ids.slice(0, 10)].map((id) => loaders.productContentById.load(id)));
    expect(contents.every((c) => c !== null)).toBe(true);
    expect(client.getProductContents.mock.calls.map(([args]) => args.productIds.length)).toEqual([100, 50]);
  });
});
