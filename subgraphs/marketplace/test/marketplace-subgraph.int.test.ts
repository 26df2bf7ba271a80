import { createRequire } from 'node:module';
import { encodeOrderListKey } from '@omnigraph/shared/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarketplaceContext } from '../src/context.ts';
import { marketplaceCacheKeys } from '../src/upstream/marketplace-cache-keys.ts';
import { COUNTER, startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

// Dual-package hazard under vitest only: Vite resolves `graphql` in our (inlined) source to graphql's ESM build
// (index.mjs), while Apollo and graphql-js run from the CommonJS build that Node resolves (index.js). Two
// GraphQLError classes then exist and maskError's `instanceof GraphQLError` masks every deliberate error as
// INTERNAL_SERVER_ERROR. Node and tsx load index.js for everyone, so production is unaffected. Pin the test to the
// CommonJS build; remove once the root vitest.config.ts aliases `graphql` to it.
vi.mock('graphql', () => createRequire(import.meta.url)('graphql') as Record<string, unknown>);

interface Result<TData> {
  data?: TData | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function execute<TData = Record<string, unknown>>(
  harness: MarketplaceHarness,
  query: string,
  variables: Record<string, unknown> = {},
  contextValue: MarketplaceContext = harness.marketplace.createContext(),
): Promise<Result<TData>> {
  const response = await harness.marketplace.server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result<TData>;
}

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on OrderConnection {
        marketplaceSlice {
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
      ... on MarketplaceOrder {
        id
        channel
        number
        placedAt
        status
        channelStatus
        buyerLogin
        paymentStatus
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
            address {
              street
              city
              postalCode
              countryCode
            }
          }
          address {
            street
            city
            postalCode
            countryCode
          }
        }
      }
      ... on Product {
        sku
        marketplaceOffers {
          offerId
          title
          price {
            amount
            currency
          }
          availableQuantity
          soldQuantity
          status
          url
        }
      }
    }
  }
`;

interface Summary {
  ref: { typename: string; id: string };
  placedAt: string;
}
interface EntitiesData {
  _entities: (Record<string, unknown> | null)[];
}

describe('marketplace subgraph', () => {
  let harness: MarketplaceHarness;

  beforeAll(async () => {
    harness = await startMarketplaceHarness();
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    harness.sim.control.resetCounters();
    harness.sim.control.clearFaults();
    harness.sim.control.setLatency({ fixedMs: 0, jitterMs: 0 });
  });

  /** the SKUs (external ids) of the simulator's first 1000 offers */
  const offeredSkus = (): string[] =>
    harness.sim.allegro.store
      .searchOffers({
        externalIds: [],
        offerIds: [],
        name: null,
        publicationStatuses: null,
        sellingModeFormats: null,
        priceGte: null,
        priceLte: null,
        sort: null,
        offset: 0,
        limit: 1000,
      })
      .offers.flatMap((o) => (o.external ? [o.external.id] : []));
  /** A page of the customer's order list as crm keys it (ADR 0014). */
  const customer = (login: string | null, first = 100) => ({
    __typename: 'OrderConnection',
    id: encodeOrderListKey({
      customerId: `crm-${login ?? 'none'}`,
      email: null,
      eshopCustomerId: null,
      allegroBuyerLogin: login,
      first,
      after: null,
      channel: null,
    }),
  });
  const sliceOf = (data: EntitiesData | null | undefined) =>
    data!._entities[0]!['marketplaceSlice'] as { orders: Summary[]; hasMore: boolean; totalCount: number };

  it('reads the newest 100 of the 141 forms of tomek_wisnia with 1 list call, then resolves them as entities with 0 calls', async () => {
    const listed = await execute<EntitiesData>(harness, ENTITIES, { representations: [customer('tomek_wisnia')] });
    expect(listed.errors).toBeUndefined();
    const slice = sliceOf(listed.data);
    const summaries = slice.orders;
    expect(summaries).toHaveLength(100);
    expect(slice).toMatchObject({ hasMore: true, totalCount: 141 });
    expect(harness.count(COUNTER.listForms)).toBe(1);
    expect(summaries.every((s) => s.ref.typename === 'MarketplaceOrder' && /^marketplace:[0-9a-f-]{36}$/.test(s.ref.id))).toBe(true);
    const times = summaries.map((s) => Date.parse(s.placedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(summaries.every((s) => s.placedAt.endsWith('Z'))).toBe(true);

    // The gateway's next step: a new request (new loaders) for the listed orders, served from the cache.
    const orders = await execute<EntitiesData>(harness, ENTITIES, {
      representations: summaries.map((s) => ({ __typename: 'MarketplaceOrder', id: s.ref.id })),
    });
    expect(orders.errors).toBeUndefined();
    expect(orders.data!._entities).toHaveLength(100);
    expect(orders.data!._entities.every((o) => o?.['buyerLogin'] === 'tomek_wisnia')).toBe(true);
    expect(orders.data!._entities.map((o) => o?.['placedAt'])).toEqual(summaries.map((s) => s.placedAt));
    expect(harness.count(COUNTER.getForm)).toBe(0);
    expect(harness.count(COUNTER.listForms)).toBe(1);
  });

  it('lists the 4 forms of ania_kowalska88 with 1 call and resolves them as entities with 0 calls', async () => {
    const listed = await execute<EntitiesData>(harness, ENTITIES, { representations: [customer('ania_kowalska88')] });
    const summaries = sliceOf(listed.data).orders;
    expect(summaries).toHaveLength(4);
    expect(harness.count(COUNTER.listForms)).toBe(1);

    const orders = await execute<EntitiesData>(harness, ENTITIES, {
      representations: summaries.map((s) => ({ __typename: 'MarketplaceOrder', id: s.ref.id })),
    });
    expect(harness.count(COUNTER.getForm)).toBe(0);
    const entities = orders.data!._entities;
    expect(entities.every((o) => o?.['channel'] === 'MARKETPLACE' && o['buyerLogin'] === 'ania_kowalska88')).toBe(true);
    // The demo data says one of her purchases went to parcel locker POZ08A.
    const locker = entities.find((o) => (o?.['delivery'] as { method: string }).method === 'PARCEL_LOCKER');
    expect((locker?.['delivery'] as { parcelLocker: { id: string } }).parcelLocker.id).toBe('POZ08A');
    expect(JSON.stringify(entities)).not.toContain('allegromail');
  });

  it('answers an empty slice without a call when the CRM holds no Allegro login', async () => {
    const result = await execute<EntitiesData>(harness, ENTITIES, { representations: [customer(null)] });
    expect(sliceOf(result.data)).toEqual({ orders: [], hasMore: false, totalCount: 0 });
    expect(harness.sim.control.counters().total).toBe(0);
  });

  it('reports the slice as null with UPSTREAM_UNAVAILABLE when Allegro answers 503 to the read and both retries', async () => {
    harness.sim.control.addFaults([{ kind: 'status', status: 503, count: 3, match: COUNTER.listForms }]);
    const result = await execute<EntitiesData>(harness, ENTITIES, { representations: [customer('marek_lew77')] });
    expect(result.data!._entities[0]).toMatchObject({ marketplaceSlice: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' });
    expect(JSON.stringify(result.errors)).not.toContain(harness.baseUrl);
  });

  it('resolves 60 Product entities with one GET /sale/offers, grouping offers by external id', async () => {
    const skus = offeredSkus();
    const sixty = [...new Set(skus)].slice(0, 59).concat('SKU-DOES-NOT-EXIST');
    expect(sixty).toHaveLength(60);
    const result = await execute<EntitiesData>(harness, ENTITIES, {
      representations: sixty.map((sku) => ({ __typename: 'Product', sku })),
    });
    expect(result.errors).toBeUndefined();
    expect(harness.count(COUNTER.offers)).toBe(1);
    const products = result.data!._entities as { sku: string; marketplaceOffers: { url: string; price: { amount: string } }[] }[];
    expect(products.map((p) => p.sku)).toEqual(sixty);
    expect(products.at(-1)!.marketplaceOffers).toEqual([]);
    const first = products[0]!.marketplaceOffers[0]!;
    expect(first.url).toMatch(/^https:\/\/allegro\.pl\/oferta\/\d+$/);
    expect(first.price.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('dates offer stock by its read from Allegro, and a stale copy served while Allegro fails keeps that date', async () => {
    const STOCK = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Product {
            marketplaceOffers {
              availableQuantity
              stockAsOf
              stockSource
            }
          }
        }
      }
    `;
    const sku = offeredSkus()[0]!;
    await harness.cache.delete(marketplaceCacheKeys.offersBySku(sku));
    type StockData = { _entities: { marketplaceOffers: { stockAsOf: string; stockSource: string }[] }[] };
    const representations = [{ __typename: 'Product', sku }];
    const before = Date.now();
    const first = await execute<StockData>(harness, STOCK, { representations });
    const after = Date.now();
    expect(first.errors).toBeUndefined();
    const offers = first.data!._entities[0]!.marketplaceOffers;
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      expect(offer.stockSource).toBe('MARKETPLACE');
      expect(Date.parse(offer.stockAsOf)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(offer.stockAsOf)).toBeLessThanOrEqual(after);
    }

    // offers are read live; only while Allegro fails does the stored copy stand in, still dated by its own read
    await new Promise((resolve) => setTimeout(resolve, 20));
    harness.sim.control.addFaults([{ kind: 'status', status: 503, count: 3, match: COUNTER.offers }]);
    const stale = await execute<StockData>(harness, STOCK, { representations });
    expect(stale.errors).toBeUndefined();
    expect(stale.data!._entities[0]!.marketplaceOffers).toEqual(offers);
  });

  it('resolves MarketplaceOrder entities by per-id reads when not cached; unknown → NOT_FOUND, foreign ids → null without a call', async () => {
    const [form] = (await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'marek_lew77' })).slice(0, 1);
    harness.sim.control.resetCounters();
    await harness.cache.delete(marketplaceCacheKeys.checkoutForm(form!.number));
    const result = await execute<EntitiesData>(harness, ENTITIES, {
      representations: [
        { __typename: 'MarketplaceOrder', id: form!.id },
        // a time-based UUID Allegro does not know → 404
        { __typename: 'MarketplaceOrder', id: 'marketplace:00000000-0000-1000-8000-000000000000' },
        { __typename: 'MarketplaceOrder', id: 'eshop:10482' },
        { __typename: 'MarketplaceOrder', id: 'marketplace:not-a-uuid' },
      ],
    });
    expect(result.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['NOT_FOUND', ['_entities', 1]]]);
    expect(result.data!._entities[0]).toMatchObject({ id: form!.id, number: form!.number, buyerLogin: 'marek_lew77' });
    expect(result.data!._entities.slice(1)).toEqual([null, null, null]);
    expect(harness.count(COUNTER.getForm)).toBe(2);
  });

  describe('Query.marketplaceOrder', () => {
    const QUERY = /* GraphQL */ `
      query Order($id: ID!) {
        marketplaceOrder(checkoutFormId: $id) {
          id
          number
          status
          channelStatus
          paymentStatus
          totals {
            total {
              amount
            }
            discount {
              amount
            }
          }
        }
      }
    `;

    it('returns the order by checkout form id', async () => {
      const [order] = await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'ania_kowalska88' });
      const result = await execute(harness, QUERY, { id: order!.number });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        marketplaceOrder: {
          id: order!.id,
          number: order!.number,
          status: order!.status,
          channelStatus: order!.channelStatus,
          paymentStatus: order!.paymentStatus,
          totals: { total: { amount: order!.totals.total.amount }, discount: { amount: order!.totals.discount.amount } },
        },
      });
    });

    it('returns null for an unknown id (Allegro 404)', async () => {
      // not the unknown id of the entity test above: its "not found" is cached for a few seconds (negative caching)
      const result = await execute(harness, QUERY, { id: '00000000-0000-1000-8000-000000000001' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ marketplaceOrder: null });
      expect(harness.count(COUNTER.getForm)).toBe(1);
    });

    it('refuses a non-UUID with BAD_USER_INPUT and no upstream call', async () => {
      const result = await execute(harness, QUERY, { id: 'DROP TABLE' });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(harness.sim.control.counters().total).toBe(0);
    });
  });
});

describe('marketplace subgraph token handling', () => {
  it('costs exactly one token call for 10 concurrent first requests, and one in total across many', async () => {
    // offers read live: every request must reach Allegro with a token
    const harness = await startMarketplaceHarness({ offerCacheTtlSeconds: 0 });
    try {
      const query = /* GraphQL */ `
        query {
          _entities(representations: [{ __typename: "Product", sku: "SKU-X" }]) {
            ... on Product {
              marketplaceOffers {
                offerId
              }
            }
          }
        }
      `;
      // a different SKU each: identical concurrent reads would share one offers call (single flight)
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => execute(harness, query.replace('SKU-X', `SKU-X${i}`))));
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(harness.count(COUNTER.token)).toBe(1);
      for (let i = 0; i < 5; i += 1) await execute(harness, query);
      expect(harness.count(COUNTER.token)).toBe(1);
      expect(harness.count(COUNTER.offers)).toBe(15);
    } finally {
      await harness.close();
    }
  });

  it('keeps working across a token expiry (3-second tokens), refreshing proactively', async () => {
    // Offers read live: the second request must reach Allegro with the refreshed token. The refresh margin is a tenth
    // of the token's life; 3 s leaves 300 ms between the subgraph's check and Allegro's, which a loaded CI box needs
    // (with 1-second tokens, 100 ms, a slow first query once reached Allegro just after its token expired).
    const harness = await startMarketplaceHarness({ simulator: { credentials: { tokenTtlSeconds: 3 } }, offerCacheTtlSeconds: 0 });
    try {
      const query = /* GraphQL */ `
        query {
          _entities(representations: [{ __typename: "Product", sku: "SKU-X" }]) {
            ... on Product {
              marketplaceOffers {
                offerId
              }
            }
          }
        }
      `;
      expect((await execute(harness, query)).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 3_200));
      expect((await execute(harness, query)).errors).toBeUndefined();
      // at least one refresh; a loaded machine may stretch the first query past the 2.7 s refresh point and refresh
      // once more, which is still proactive
      expect(harness.count(COUNTER.token)).toBeGreaterThanOrEqual(2);
      // proactive: the expired token was never sent, so no call was answered 401 and retried
      expect(harness.count(COUNTER.offers)).toBe(2);
    } finally {
      await harness.close();
    }
  });

  it('refreshes once and retries once when Allegro answers 401 invalid_token to a token it still held valid', async () => {
    // The simulator's clock jumps past the token's expiry while the subgraph's clock does not (skew, revocation).
    let skewMs = 0;
    const harness = await startMarketplaceHarness({ simulator: { clock: () => Date.now() + skewMs } });
    try {
      const query = /* GraphQL */ `
        query {
          _entities(representations: [{ __typename: "Product", sku: "SKU-X" }]) {
            ... on Product {
              marketplaceOffers {
                offerId
              }
            }
          }
        }
      `;
      expect((await execute(harness, query)).errors).toBeUndefined();
      skewMs = 13 * 3_600_000;
      // a different SKU each: identical concurrent reads would share one offers call (single flight)
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => execute(harness, query.replace('SKU-X', `SKU-X${i}`))));
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(harness.count(COUNTER.token)).toBe(2);
      // 1 + 5 refused + 5 retried
      expect(harness.count(COUNTER.offers)).toBe(11);
    } finally {
      await harness.close();
    }
  });
});

describe('marketplace subgraph per-id read cap', () => {
  it('never has more than MARKETPLACE_MAX_CONCURRENT_READS checkout-form reads in flight for 30 uncached entities', async () => {
    const harness = await startMarketplaceHarness({ maxConcurrentReads: 8 });
    try {
      const forms = (await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'tomek_wisnia' })).slice(0, 30);
      expect(forms).toHaveLength(30);
      // Count in flight where the requests leave the process: interceptors on the API axios instance.
      let inFlight = 0;
      let peak = 0;
      harness.apiHttp.interceptors.request.use((config) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        return config;
      });
      harness.apiHttp.interceptors.response.use(
        (response) => {
          inFlight -= 1;
          return response;
        },
        (error: unknown) => {
          inFlight -= 1;
          return Promise.reject(error);
        },
      );
      harness.sim.control.setLatency({ fixedMs: 40, jitterMs: 20 });
      harness.sim.control.resetCounters();
      const result = await execute<EntitiesData>(harness, ENTITIES, {
        representations: forms.map((f) => ({ __typename: 'MarketplaceOrder', id: f.id })),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((o) => o?.['id'])).toEqual(forms.map((f) => f.id));
      expect(harness.count(COUNTER.getForm)).toBe(30);
      // the cap holds, and the reads did run in parallel up to it (latency keeps 8 in flight at once)
      expect(peak).toBeLessThanOrEqual(8);
      expect(peak).toBeGreaterThanOrEqual(4);
    } finally {
      await harness.close();
    }
  });
});
