/**
 * The eshop subgraph end to end against the WooCommerce simulator: `server.executeOperation` with a fresh context per
 * operation (as the HTTP integration does), `_entities` for every @key type, and upstream call counts read from the
 * simulator's counters.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { compareNewestFirst, encodeOrderListKey, type OrderListPosition } from '@omnigraph/shared/models';
import type { Cache } from '@omnigraph/shared/cache';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { createEshopServer, type EshopServer } from '../src/create-eshop-server.ts';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import {
  DEMO,
  listedSkus,
  orderIds,
  ORDER_BY_ID,
  ORDERS_LIST,
  PRODUCTS_LIST,
  startWooCommerceTestBed,
  type WooCommerceTestBed,
} from './woocommerce-test-bed.ts';

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

let bed: WooCommerceTestBed;
let cache: Cache;
let subgraph: EshopServer;

function buildSubgraph(options: { timeoutMs?: number; cache?: Cache | undefined } = {}): EshopServer {
  return createEshopServer({
    client: createEshopClient({
      baseUrl: bed.baseUrl,
      consumerKey: bed.consumerKey,
      consumerSecret: bed.consumerSecret,
      timeoutMs: options.timeoutMs ?? 5_000,
      currency: 'PLN',
    }),
    cache: options.cache,
    cacheTtlSeconds: 60,
  });
}

/** One GraphQL request with its own context (new loaders), like one HTTP request from the gateway. */
async function execute(query: string, variables: Record<string, unknown> = {}, on: EshopServer = subgraph): Promise<GraphQLResult> {
  const response = await on.server.executeOperation({ query, variables }, { contextValue: on.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult;
}

const ENTITIES_PRODUCT = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        sku
        eshopListing {
          productId
          name
          price {
            amount
            currency
          }
          regularPrice {
            amount
            currency
          }
          salePrice {
            amount
            currency
          }
          onSale
          status
          url
          stockStatus
          stockQuantity
        }
      }
    }
  }
`;

const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on EshopOrder {
    id
    channel
    number
    placedAt
    status
    channelStatus
    totals {
      total {
        amount
        currency
      }
      shipping {
        amount
        currency
      }
      discount {
        amount
        currency
      }
      tax {
        amount
        currency
      }
    }
    lines {
      sku
      name
      quantity
      unitPrice {
        amount
        currency
      }
      product {
        sku
      }
    }
    delivery {
      method
      name
      cost {
        amount
        currency
      }
      parcelLocker {
        id
        name
      }
      store {
        code
      }
      address {
        street
        city
        postalCode
        countryCode
      }
    }
    paymentStatus
    billingEmail
  }
`;

const ENTITIES_ORDER = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on EshopOrder {
        ...OrderFields
      }
    }
  }
  ${ORDER_FIELDS}
`;

const ENTITIES_PAGE = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on OrderConnection {
        eshopSlice {
          orders {
            ref {
              typename
              id
            }
            placedAt
          }
          hasMore
          totalCount
        }
      }
    }
  }
`;

const ESHOP_ORDER = /* GraphQL */ `
  query ($number: String!) {
    eshopOrder(number: $number) {
      ...OrderFields
    }
  }
  ${ORDER_FIELDS}
`;

type Summary = { ref: { typename: string; id: string }; placedAt: string };
type Entity = Record<string, unknown> | null;

function entities(result: GraphQLResult): Entity[] {
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] ?? []) as Entity[];
}

/** The page crm keys (ADR 0014): the customer's e-shop identities, `first`, the cursor's position. */
function pageRef(demo: { eshopCustomerId: string | null; email: string | null }, first = 100, after: OrderListPosition | null = null) {
  const id = encodeOrderListKey({
    customerId: 'crm-1',
    email: demo.email,
    eshopCustomerId: demo.eshopCustomerId,
    allegroBuyerLogin: null,
    first,
    after,
    channel: null,
  });
  return { __typename: 'OrderConnection', id };
}

type Slice = { orders: Summary[]; hasMore: boolean; totalCount: number };

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
});

afterAll(async () => {
  await bed.close();
});

beforeEach(async () => {
  bed.simulator.control.clearFaults();
  // a fresh shared cache per test, so call counts do not depend on test order
  cache = createMemoryCache();
  subgraph = buildSubgraph({ cache });
  await bed.resetCounters();
});

describe('eshop subgraph', () => {
  describe('_entities Product', () => {
    it('resolves eshopListing for 60 SKUs with one upstream call, null for an unknown SKU', async () => {
      const skus = listedSkus(bed.dataset, 60);
      const representations = [...skus, 'SKU-NOT-IN-SHOP'].map((sku) => ({ __typename: 'Product', sku }));
      const result = entities(await execute(ENTITIES_PRODUCT, { representations }));
      expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 1 });
      expect(result).toHaveLength(61);
      result.slice(0, 60).forEach((entity, i) => {
        expect(entity).toMatchObject({ sku: skus[i], eshopListing: { price: { currency: 'PLN' } } });
      });
      expect(result[60]).toEqual({ sku: 'SKU-NOT-IN-SHOP', eshopListing: null });
    });

    it('resolves eshopListing for 150 SKUs in two upstream calls (WooCommerce takes at most 100 SKUs per call)', async () => {
      // a call-center page whose order lines hold more distinct SKUs than one call takes (Tomasz's orders hold 120)
      const listed = listedSkus(bed.dataset, Math.min(120, bed.dataset.eshopProducts.filter((p) => p.sku !== null).length));
      const skus = [...listed, ...Array.from({ length: 150 - listed.length }, (_, i) => `SKU-NOT-IN-SHOP-${i}`)];
      const result = await execute(ENTITIES_PRODUCT, { representations: skus.map((sku) => ({ __typename: 'Product', sku })) });
      expect(result.errors).toBeUndefined();
      expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 2 });
      const answered = entities(result);
      expect(answered.map((entity) => entity?.['sku'])).toEqual(skus);
      expect(answered.filter((entity) => entity?.['eshopListing'] !== null)).toHaveLength(listed.length);
    });

    it('maps a variation on sale with exact prices', async () => {
      const onSale = bed.dataset.eshopProducts.find((p) => p.type === 'variation' && p.salePriceGross !== null);
      expect(onSale).toBeDefined();
      const [entity] = entities(await execute(ENTITIES_PRODUCT, { representations: [{ __typename: 'Product', sku: onSale!.sku }] }));
      const gross = (grosze: number) => `${Math.floor(grosze / 100)}.${String(grosze % 100).padStart(2, '0')}`;
      expect(entity).toMatchObject({
        eshopListing: {
          productId: String(onSale!.id),
          onSale: true,
          price: { amount: gross(onSale!.salePriceGross!), currency: 'PLN' },
          regularPrice: { amount: gross(onSale!.regularPriceGross), currency: 'PLN' },
          salePrice: { amount: gross(onSale!.salePriceGross!), currency: 'PLN' },
          stockStatus: 'IN_STOCK',
        },
      });
    });
  });

  describe('listing stock freshness', () => {
    const STOCK = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Product {
            eshopListing {
              stockQuantity
              stockAsOf
              stockSource
            }
          }
        }
      }
    `;

    it('dates the stock by its read from the shop, and a cached copy keeps that date', async () => {
      const representations = listedSkus(bed.dataset, 1).map((sku) => ({ __typename: 'Product', sku }));
      const before = Date.now();
      const [first] = entities(await execute(STOCK, { representations }));
      const after = Date.now();
      const listing = first!['eshopListing'] as { stockAsOf: string; stockSource: string };
      expect(listing.stockSource).toBe('ESHOP');
      expect(Date.parse(listing.stockAsOf)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(listing.stockAsOf)).toBeLessThanOrEqual(after);

      await new Promise((resolve) => setTimeout(resolve, 20));
      const [cached] = entities(await execute(STOCK, { representations }));
      expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 1 });
      expect(cached!['eshopListing']).toEqual(first!['eshopListing']);
    });
  });

  describe('_entities EshopOrder', () => {
    it('resolves 50 orders with one upstream call; other prefixes and junk resolve to null, an unknown order to NOT_FOUND', async () => {
      const ids = orderIds(bed.dataset, 50);
      const representations = [
        ...ids.map((id) => ({ __typename: 'EshopOrder', id: `eshop:${id}` })),
        { __typename: 'EshopOrder', id: 'marketplace:29a7c4d0-1111-11ef-8000-000000000000' },
        { __typename: 'EshopOrder', id: 'eshop:abc' },
        { __typename: 'EshopOrder', id: 'eshop:999999999' },
      ];
      const raw = await execute(ENTITIES_ORDER, { representations });
      // a well-formed id the shop does not know was named by someone: NOT_FOUND at its position, the rest answered
      expect(raw.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['NOT_FOUND', ['_entities', 52]]]);
      const result = (raw.data?.['_entities'] ?? []) as Entity[];
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
      expect(result.slice(0, 50).map((o) => o?.['id'])).toEqual(ids.map((id) => `eshop:${id}`));
      expect(result.slice(50)).toEqual([null, null, null]);
      for (const order of result.slice(0, 50)) {
        expect(order).toMatchObject({ channel: 'ESHOP', placedAt: expect.stringMatching(/Z$/) });
      }
    });

    it('maps delivery kinds, lines and totals as the dataset describes them', async () => {
      const pick = (kind: string) => bed.dataset.eshopOrders.find((o) => o.delivery.kind === kind && o.lines.length > 0)!;
      const pickup = pick('pickup');
      const locker = pick('parcel_locker');
      const courier = pick('courier');
      const representations = [pickup, locker, courier].map((o) => ({ __typename: 'EshopOrder', id: `eshop:${o.id}` }));
      const [p, l, c] = entities(await execute(ENTITIES_ORDER, { representations })) as Record<string, any>[];
      expect(p!['delivery']).toMatchObject({
        method: 'STORE_PICKUP',
        store: { code: (pickup.delivery as { storeCode: string }).storeCode },
        parcelLocker: null,
        cost: { amount: '0.00' },
      });
      expect(l!['delivery']).toMatchObject({
        method: 'PARCEL_LOCKER',
        parcelLocker: { id: (locker.delivery as { lockerId: string }).lockerId, name: null },
        store: null,
      });
      expect(c!['delivery']).toMatchObject({ method: 'COURIER', parcelLocker: null, store: null });
      for (const order of [p, l, c]) {
        expect(order!['totals'].total.amount).toMatch(/^\d+\.\d{2}$/);
        for (const line of order!['lines']) {
          expect(line.unitPrice.amount).toMatch(/^\d+\.\d{2}$/);
          expect(line.product).toEqual(line.sku === null ? null : { sku: line.sku });
        }
      }
      const courierGross = `${Math.floor(courier.delivery.costGross / 100)}.${String(courier.delivery.costGross % 100).padStart(2, '0')}`;
      expect(c!['delivery'].cost.amount).toBe(courierGross);
    });
  });

  describe('_entities OrderConnection (eshopSlice)', () => {
    it("reads a page of tomasz-wisniewski's 262 orders with one call per list; the following order fetch costs 0 calls", async () => {
      const result = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.tomasz, 50)] }));
      const slice = result[0]?.['eshopSlice'] as Slice;
      expect(slice.orders).toHaveLength(50);
      expect(slice).toMatchObject({ hasMore: true, totalCount: DEMO.tomasz.orders });
      // the registered account's page and the guest orders of the e-mail: whatever the history
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 2 });
      expect(slice.orders.every((s) => s.ref.typename === 'EshopOrder' && /^eshop:\d+$/.test(s.ref.id))).toBe(true);
      // newest first
      const times = slice.orders.map((s) => Date.parse(s.placedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      // the gateway's next step: the page's orders by reference, in a new request (new context, same cache)
      await bed.resetCounters();
      const page = slice.orders.map((s) => ({ __typename: 'EshopOrder', id: s.ref.id }));
      const orders = entities(await execute(ENTITIES_ORDER, { representations: page }));
      expect(orders.map((o) => o?.['id'])).toEqual(page.map((r) => r.id));
      expect(await bed.counters()).toEqual({});
    });

    it('reads the next page before the cursor, with the count in one more small call', async () => {
      const first = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.tomasz, 20)] }))[0]?.['eshopSlice'] as Slice;
      const last = first.orders.at(-1)!;
      await bed.resetCounters();
      const after = { time: Date.parse(last.placedAt), id: last.ref.id };
      const next = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.tomasz, 20, after)] }))[0]?.['eshopSlice'] as Slice;
      expect(next.totalCount).toBe(DEMO.tomasz.orders);
      expect(next.orders.map((s) => s.ref.id)).not.toContain(last.ref.id);
      expect(Date.parse(next.orders[0]!.placedAt)).toBeLessThanOrEqual(after.time);
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 3 });
    });

    it("pages across orders that share the cursor's second exactly in the merge order (ties by id, the shop's order)", async () => {
      const store = bed.simulator.woo.store;
      const own = [...(store.ordersByCustomer.get(Number(DEMO.anna.eshopCustomerId)) ?? [])].map((id) => store.orders.get(id)!);
      const template = own[0]!;
      const maxId = Math.max(...store.orders.keys());
      // five more orders in one second, one of them with an id of another length, so that pages of 2 end inside it
      const tiedIds = [maxId + 1, maxId + 2, maxId + 3, maxId + 4, maxId * 10 + 5];
      for (const id of tiedIds) store.putOrder({ ...structuredClone(template), id, number: String(id) });
      try {
        const history = [template, ...tiedIds.map((id) => store.orders.get(id)!), ...own.slice(1)];
        const expected = history
          .map((o) => ({ time: Date.parse(`${o.date_created_gmt}Z`), id: `eshop:${o.id}` }))
          .sort(compareNewestFirst)
          .map((p) => p.id);
        const seen: string[] = [];
        let after: OrderListPosition | null = null;
        for (let guard = 0; guard < 20; guard++) {
          await bed.resetCounters();
          const slice: Slice = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.anna, 2, after)] }))[0]?.[
            'eshopSlice'
          ] as Slice;
          expect(slice.totalCount).toBe(history.length);
          // the page (a second read only when the shown orders of the cursor's second fill the first), the count, the guests
          expect((await bed.counters())[ORDERS_LIST]).toBeLessThanOrEqual(after === null ? 2 : 4);
          seen.push(...slice.orders.map((o) => o.ref.id));
          if (!slice.hasMore) break;
          const last = slice.orders.at(-1)!;
          after = { time: Date.parse(last.placedAt), id: last.ref.id };
        }
        expect(seen).toEqual(expected);
      } finally {
        for (const id of tiedIds) store.deleteOrder(id);
      }
    });

    it("reads anna-kowalska's 6 orders in 1 + 1 calls", async () => {
      const result = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.anna)] }));
      expect((result[0]?.['eshopSlice'] as Slice).orders).toHaveLength(DEMO.anna.orders);
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 2 });
    });

    it("finds katarzyna-guest's 5 guest orders by e-mail alone, in one call, counted exactly", async () => {
      const result = entities(await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.katarzyna)] }));
      const slice = result[0]?.['eshopSlice'] as Slice;
      expect(slice.orders).toHaveLength(DEMO.katarzyna.orders);
      expect(slice.totalCount).toBe(DEMO.katarzyna.orders);
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
      const orders = entities(
        await execute(ENTITIES_ORDER, {
          representations: slice.orders.map((s) => ({ __typename: 'EshopOrder', id: s.ref.id })),
        }),
      );
      expect(orders.every((o) => o?.['billingEmail'] === DEMO.katarzyna.email)).toBe(true);
    });

    it('answers an empty slice without a call for a customer with neither e-mail nor e-shop id, and for no orders', async () => {
      const result = entities(
        await execute(ENTITIES_PAGE, {
          representations: [pageRef({ email: null, eshopCustomerId: null }), pageRef(DEMO.ewa)],
        }),
      );
      const empty = { eshopSlice: { orders: [], hasMore: false, totalCount: 0 } };
      expect(result).toEqual([empty, empty]);
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    });

    it('nulls only the field, with UPSTREAM_UNAVAILABLE from eshop, when WooCommerce is down', async () => {
      bed.simulator.control.addFaults([{ kind: 'status', status: 503, count: 10 }]);
      const result = await execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.anna)] });
      expect(result.data).toEqual({ _entities: [{ eshopSlice: null }] });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]).toMatchObject({
        path: ['_entities', 0, 'eshopSlice'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'eshop' },
      });
      // nothing of the upstream leaks: no URL, no HTML body
      expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|nginx|<html/i);
    });
  });

  describe('Query.eshopOrder', () => {
    it('reads an order by number with one call', async () => {
      const order = bed.dataset.eshopOrders[0]!;
      const result = await execute(ESHOP_ORDER, { number: order.number });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['eshopOrder']).toMatchObject({
        id: `eshop:${order.id}`,
        number: order.number,
        channelStatus: order.status,
        billingEmail: order.billing.email || null,
      });
      expect(await bed.counters()).toEqual({ [ORDER_BY_ID]: 1 });
    });

    it('answers null for an unknown number, and for a non-numeric one without a call', async () => {
      expect((await execute(ESHOP_ORDER, { number: '999999999' })).data).toEqual({ eshopOrder: null });
      expect((await execute(ESHOP_ORDER, { number: 'PL/2026/1' })).data).toEqual({ eshopOrder: null });
      expect(await bed.counters()).toEqual({ [ORDER_BY_ID]: 1 });
    });

    it('reports UPSTREAM_TIMEOUT when WooCommerce hangs past the timeout', async () => {
      // without a request deadline the call gets one attempt's timeout, so one hang is enough
      bed.simulator.control.addFaults([{ kind: 'hang', count: 1 }]);
      const result = await execute(ESHOP_ORDER, { number: '10000' }, buildSubgraph({ timeoutMs: 200 }));
      expect(result.data).toEqual({ eshopOrder: null });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', serviceName: 'eshop' });
    });

    it('reports UPSTREAM_BAD_RESPONSE for a garbage body', async () => {
      bed.simulator.control.addFaults([{ kind: 'garbage', count: 1 }]);
      const result = await execute(ESHOP_ORDER, { number: '10000' });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'eshop' });
    });
  });

  describe('cache', () => {
    it('works without a cache: a listed order still reaches the entity step without a read (the hand-off)', async () => {
      const uncached = buildSubgraph({ cache: undefined });
      // the gateway's listing and entity fetches of one client request: two subgraph requests under its request id
      const caller: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' };
      const inRequest = <T>(requestId: string, fn: () => Promise<T>) => runInRequestScope(createRequestScope(caller, undefined, { requestId }), fn);
      const listed = entities(await inRequest('req-1', () => execute(ENTITIES_PAGE, { representations: [pageRef(DEMO.anna)] }, uncached)));
      const ids = (listed[0]?.['eshopSlice'] as Slice).orders.map((s) => ({ __typename: 'EshopOrder', id: s.ref.id }));
      await bed.resetCounters();
      entities(await inRequest('req-1', () => execute(ENTITIES_ORDER, { representations: ids }, uncached)));
      expect(await bed.counters()).toEqual({});
      // the next request reads the shop: a hand-off is not a cache
      entities(await inRequest('req-2', () => execute(ENTITIES_ORDER, { representations: ids.slice(0, 1) }, uncached)));
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
      await bed.resetCounters();
      // an order nobody listed is read as before
      entities(
        await execute(ENTITIES_ORDER, { representations: [{ __typename: 'EshopOrder', id: `eshop:${orderIds(bed.dataset, 1)[0]}` }] }, uncached),
      );
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    });

    it('degrades to upstream calls when the cache fails', async () => {
      const broken: Cache = {
        ...createMemoryCache(),
        get: async () => {
          throw new Error('redis down');
        },
        set: async () => {
          throw new Error('redis down');
        },
      } as Cache;
      const degraded = buildSubgraph({ cache: broken });
      const ids = orderIds(bed.dataset, 3).map((id) => ({ __typename: 'EshopOrder', id: `eshop:${id}` }));
      const result = entities(await execute(ENTITIES_ORDER, { representations: ids }, degraded));
      expect(result.map((o) => o?.['id'])).toEqual(ids.map((r) => r.id));
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    });
  });
});
