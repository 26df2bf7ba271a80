import DataLoader from 'dataloader';
import type { ShipmentModel } from '@omnigraph/shared/models';
import type { JournalEntry, OrderEventsJournal } from '../timeline/order-events-journal.ts';
import { createCachedLoader, DEFAULT_MAX_STALE_SECONDS, type Cache, type HandOff, type SingleFlight } from '@omnigraph/shared/cache';
import { readNewestFirst, type OrderListPosition, type OrderSliceModel } from '@omnigraph/shared/models';
import type { BuyerDirectory } from '../lookup/buyer-directory.ts';
import type { Semaphore } from './create-semaphore.ts';
import { marketplaceCacheKeys } from './marketplace-cache-keys.ts';
import {
  MARKETPLACE_MAX_FORMS_PER_PAGE,
  MARKETPLACE_MAX_SKUS_PER_CALL,
  type MarketplaceClient,
  type MarketplaceOfferModel,
  type MarketplaceOrderModel,
  type MarketplaceOrderSummaryModel,
  type MarketplaceRefundModel,
} from './marketplace-client.ts';

/** MARKETPLACE_OFFER_CACHE_TTL_SECONDS' default: a burst of catalogue queries costs one read, a missed change seconds */
export const DEFAULT_OFFER_CACHE_TTL_SECONDS = 5;

/** What one page of the merged order list asks of Allegro (ADR 0014): the buyer's login and the window. */
export interface MarketplaceSliceKey {
  buyerLogin: string;
  first: number;
  after: OrderListPosition | null;
}

export type MarketplaceOrderSliceModel = OrderSliceModel<'MarketplaceOrder'>;

/**
 * How far after the cursor's time a later page's `lineItems.boughtAt.lte` reaches: Allegro filters (and sorts) on a
 * line's purchase time, a form's placedAt is its earliest line's, and the lines of one checkout are bought within
 * minutes. The forms of this window that are not after the cursor are dropped again.
 */
export const SLICE_BOUGHT_AT_SLACK_MS = 5 * 60_000;
/** Pages one slice reads at most (a second only when the window above the cursor holds many forms). */
const SLICE_MAX_PAGES = 3;

export interface MarketplaceLoaders {
  /** one page's slice of a buyer's orders, newest first; hands its checkout forms to `orderByNumber` */
  orderSlice: DataLoader<MarketplaceSliceKey, MarketplaceOrderSliceModel | null, string>;
  /** SKU → the seller's offers carrying it (possibly none); one upstream call per ≤ 100 SKUs */
  offersBySku: DataLoader<string, MarketplaceOfferModel[] | null, string>;
  /** buyer login → summaries of all their orders, newest first; puts every listed order into the cache */
  orderSummariesByBuyerLogin: DataLoader<string, MarketplaceOrderSummaryModel[] | null, string>;
  /** the marketplace's own order id → the order or null; cache first, then capped per-id reads */
  orderByNumber: DataLoader<string, MarketplaceOrderModel | null, string>;
  /** the marketplace's own order id → its refunds, newest first; read only when asked for, cached like the order */
  refundsByOrderNumber: DataLoader<string, MarketplaceRefundModel[] | null, string>;
  /** the marketplace's own order id → the parcels it has on the order; read only when asked for, cached like the order */
  shipmentsByOrderNumber: DataLoader<string, ShipmentModel[] | null, string>;
  /** the marketplace's own order id → its journal of polled order events (the shared cache only, no upstream call) */
  orderEventsByOrderNumber: DataLoader<string, JournalEntry[], string>;
}

export interface MarketplaceLoadersOptions {
  client: MarketplaceClient;
  cache: Cache;
  /**
   * MARKETPLACE_CACHE_TTL_SECONDS: a cached checkout form is served without a call this long; short, since the step
   * that reads them follows the listing within the same query.
   */
  cacheTtlSeconds: number;
  /**
   * MARKETPLACE_OFFER_CACHE_TTL_SECONDS: a SKU's offers (or "none") are served without a call this long; dropped by
   * offer and order events, bypassed by fresh reads. @default 5
   */
  offerCacheTtlSeconds?: number | undefined;
  /** MARKETPLACE_MAX_STALE_STOCK_SECONDS: how old offers (price, quantity) may be when they stand in. @default 600 */
  maxStaleOfferSeconds?: number | undefined;
  /** MARKETPLACE_MAX_STALE_ORDERS_SECONDS: how old an order or a buyer's list may be when it stands in. @default 3600 */
  maxStaleOrderSeconds?: number | undefined;
  /**
   * Caps the per-id order reads in flight. Created once per process (not per request) so that the cap holds for
   * the seller account as a whole, which is what Allegro's parallel-request limit counts.
   */
  orderReadLimiter: Semaphore;
  /** one per process: concurrent requests missing the same key share one Allegro call */
  singleFlight?: SingleFlight | undefined;
  /** @default Date.now */
  now?: (() => number) | undefined;
  /**
   * One per process (createHandOff): the checkout forms a slice listed, for the entity step that follows within
   * seconds, so a listed form is never read again, also with the shared cache's TTL at 0. Omitted → the cache only.
   */
  handOff?: HandOff | undefined;
  /** indexes the buyers of every form read, for phone lookups (one per process); omitted → nothing is indexed */
  buyerDirectory?: Pick<BuyerDirectory, 'record'> | undefined;
  /** the polled order events per form (one per process); omitted → timelines have the forms' own events only */
  journal?: Pick<OrderEventsJournal, 'eventsOf'> | undefined;
}

function summaryOf(order: MarketplaceOrderModel): MarketplaceOrderSummaryModel {
  return { ref: { typename: 'MarketplaceOrder', id: order.id }, placedAt: order.placedAt };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * New loaders for every request (a shared loader would leak one request's memo into another's), on the shared
 * cached loader: while Allegro fails, the last offers, orders and buyers' lists stand in up to their max age, STALE.
 */
export function createMarketplaceLoaders(options: MarketplaceLoadersOptions): MarketplaceLoaders {
  const { client, orderReadLimiter } = options;
  const orderMaxStale = options.maxStaleOrderSeconds ?? DEFAULT_MAX_STALE_SECONDS.orders;
  const common = {
    source: 'marketplace' as const,
    cache: options.cache,
    ...(options.singleFlight === undefined ? {} : { singleFlight: options.singleFlight }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };

  // With the shared cache on the entity step finds a listed order there, fresh (on any replica); a second copy in the
  // hand-off would only cost one more serialisation of each order of the page (ADR 0014).
  const handOff = options.cacheTtlSeconds > 0 ? undefined : options.handOff;

  const orderByNumber = createCachedLoader<string, MarketplaceOrderModel>({
    ...common,
    name: 'orderByNumber',
    policy: { freshSeconds: options.cacheTtlSeconds, maxStaleSeconds: orderMaxStale },
    cacheKey: marketplaceCacheKeys.checkoutForm,
    // Allegro has no batch read: one call per id, at most `orderReadLimiter`'s cap at once; errors stay per id.
    fetch: async (numbers) => {
      const handed =
        options.handOff === undefined ? [] : await options.handOff.take<MarketplaceOrderModel>(numbers.map(marketplaceCacheKeys.checkoutForm));
      const orders = await Promise.all(
        numbers.map((orderNumber, i) => handed[i] ?? orderReadLimiter.run(() => client.getOrderById({ orderNumber })).catch(asError)),
      );
      await options.buyerDirectory?.record(
        orders.filter((order, i): order is MarketplaceOrderModel => handed[i] === undefined && order !== null && !(order instanceof Error)),
      );
      return orders;
    },
  });

  const offersBySku = createCachedLoader<string, MarketplaceOfferModel[]>({
    ...common,
    name: 'offersBySku',
    // A micro-cache, like the ERP's stock: offers carry a quantity, so only seconds, dropped by the offer-event feed
    // (and by order events, whose purchases move it), skipped by fresh reads; each offer keeps its `stockAsOf`. An
    // empty list ("no offer for this SKU") is a value, cached alike. Price and quantity: stock's max age.
    policy: {
      freshSeconds: options.offerCacheTtlSeconds ?? DEFAULT_OFFER_CACHE_TTL_SECONDS,
      maxStaleSeconds: options.maxStaleOfferSeconds ?? DEFAULT_MAX_STALE_SECONDS.stock,
    },
    cacheKey: marketplaceCacheKeys.offersBySku,
    maxBatchSize: MARKETPLACE_MAX_SKUS_PER_CALL,
    async fetch(skus) {
      const bySku = new Map<string, MarketplaceOfferModel[]>(skus.map((sku) => [sku, []]));
      for (const offer of await client.getOffersBySkus({ skus })) {
        if (offer.sku !== null) bySku.get(offer.sku)?.push(offer);
      }
      return skus.map((sku) => bySku.get(sku) ?? []);
    },
  });

  const orderSummariesByBuyerLogin = createCachedLoader<string, MarketplaceOrderSummaryModel[]>({
    ...common,
    name: 'listOrdersByBuyerLogin',
    // always read live (a just-placed order must show); the stored list only stands in
    policy: { freshSeconds: 0, maxStaleSeconds: orderMaxStale },
    cacheKey: marketplaceCacheKeys.buyerOrders,
    // Allegro filters by one login per call, so a batch is a set of independent listings.
    fetch: (logins) =>
      Promise.all(
        logins.map(async (buyerLogin) => {
          try {
            const orders = await client.listOrdersByBuyerLogin({ buyerLogin });
            // Awaited: the gateway asks for these orders as entities in its next step, which must find them here.
            await Promise.all([...orders.map((order) => orderByNumber.store(order.number, order)), options.buyerDirectory?.record(orders)]);
            return orders.map(summaryOf);
          } catch (error) {
            return asError(error);
          }
        }),
      ),
  });

  /**
   * A buyer's newest forms after the cursor: `first + 1` a page (the first page) or `first + 2` below the cursor's
   * time plus the slack (later pages, with the buyer's count in a parallel `limit=1` call).
   */
  async function readSlice(key: MarketplaceSliceKey): Promise<MarketplaceOrderSliceModel> {
    const limit = Math.min(MARKETPLACE_MAX_FORMS_PER_PAGE, key.first + (key.after === null ? 1 : 2));
    const boughtAtLte = key.after === null ? null : new Date(key.after.time + SLICE_BOUGHT_AT_SLACK_MS).toISOString();
    let listedCount = 0;
    const listed: MarketplaceOrderModel[] = [];
    const [read, count] = await Promise.all([
      readNewestFirst<{ order: MarketplaceOrderModel; latestBoughtAt: string }>({
        first: key.first,
        after: key.after,
        maxPages: SLICE_MAX_PAGES,
        positionOf: (entry) => ({ time: Date.parse(entry.order.placedAt), id: entry.order.id }),
        latestAfter: (entry) => Date.parse(entry.latestBoughtAt),
        async fetchPage(index) {
          const offset = index * limit;
          const page = await client.listBuyerOrdersNewestFirst({ buyerLogin: key.buyerLogin, limit, offset, boughtAtLte });
          if (index === 0) listedCount = page.totalCount;
          listed.push(...page.entries.map((entry) => entry.order));
          return { items: page.entries, more: offset + page.entries.length < page.totalCount };
        },
      }),
      key.after === null ? null : client.listBuyerOrdersNewestFirst({ buyerLogin: key.buyerLogin, limit: 1, offset: 0, boughtAtLte: null }),
    ]);
    const orders = read.items.map((entry) => entry.order);
    // Awaited: the gateway asks for these orders as entities in its next step, which must find them without a read.
    await Promise.all([
      ...orders.map((order) => orderByNumber.store(order.number, order)),
      handOff?.put(orders.map((order) => [marketplaceCacheKeys.checkoutForm(order.number), order] as const)),
      options.buyerDirectory?.record(listed),
    ]);
    return { orders: orders.map(summaryOf), hasMore: read.hasMore, totalCount: count === null ? listedCount : count.totalCount };
  }

  const orderSlice = createCachedLoader<MarketplaceSliceKey, MarketplaceOrderSliceModel>({
    ...common,
    name: 'orderSlice',
    // read live (a just-placed order must show); the stored slice only stands in, STALE, for the same page asked again
    policy: { freshSeconds: 0, maxStaleSeconds: orderMaxStale },
    cacheKey: marketplaceCacheKeys.orderSlice,
    fetch: (keys) => Promise.all(keys.map((key) => readSlice(key).catch(asError))),
  });

  const refundsByOrderNumber = createCachedLoader<string, MarketplaceRefundModel[]>({
    ...common,
    name: 'refundsByOrderNumber',
    // As fresh as the order itself: refunds made here drop the entry at once (the refund step), order events drop it
    // too, and a refund made in Allegro's own panel shows within the order's TTL.
    policy: { freshSeconds: options.cacheTtlSeconds, maxStaleSeconds: orderMaxStale },
    cacheKey: marketplaceCacheKeys.refunds,
    // Allegro filters refunds by one order per call: independent listings, capped like the per-id order reads.
    fetch: (numbers) => Promise.all(numbers.map((orderNumber) => orderReadLimiter.run(() => client.listRefunds({ orderNumber })).catch(asError))),
  });

  const shipmentsByOrderNumber = createCachedLoader<string, ShipmentModel[]>({
    ...common,
    name: 'shipmentsByOrderNumber',
    // As fresh as the order: an order event drops the entry (a number added in Allegro comes with a fulfillment
    // change when the seller's automation is on), otherwise a new number shows within the order's TTL.
    policy: { freshSeconds: options.cacheTtlSeconds, maxStaleSeconds: orderMaxStale },
    cacheKey: marketplaceCacheKeys.shipments,
    // No batch endpoint: one call per order, capped in flight like the per-id reads; the adapter's budget bucket keeps
    // them under the resource's 50 calls a second.
    fetch: (numbers) => Promise.all(numbers.map((orderNumber) => orderReadLimiter.run(() => client.listShipments({ orderNumber })).catch(asError))),
  });

  const { journal } = options;
  const orderEventsByOrderNumber = new DataLoader<string, JournalEntry[], string>(async (numbers) =>
    journal === undefined ? numbers.map(() => []) : journal.eventsOf(numbers),
  );

  return {
    orderSlice,
    offersBySku,
    orderSummariesByBuyerLogin,
    orderByNumber,
    refundsByOrderNumber,
    shipmentsByOrderNumber,
    orderEventsByOrderNumber,
  };
}
