/**
 * Per-request DataLoaders over the e-shop role (created anew for every request by the context, so one request's
 * memo never leaks into another's), on the shared cached loader. Batches follow the upstream's limit of 100 per call;
 * the shared cache holds mapped models across requests, so an `EshopOrder` entity fetch right after a summaries
 * listing costs no call, and while WooCommerce fails the last good listing, order or order list stands in up to its
 * max age, flagged STALE.
 */
import DataLoader from 'dataloader';
import {
  createCachedLoader,
  createMemoryCache,
  DEFAULT_MAX_STALE_SECONDS,
  type HandOff,
  type Cache,
  type CachePolicy,
  type SingleFlight,
} from '@omnigraph/shared/cache';
import type { Logger } from '@omnigraph/shared/logging';
import {
  compareNewestFirst,
  readNewestFirst,
  type ChannelParcel,
  type OrderEventModel,
  type OrderListPosition,
  type OrderSliceModel,
  type OrderSummaryModel,
} from '@omnigraph/shared/models';
import {
  ESHOP_BATCH_LIMIT,
  isShopId,
  type EshopClient,
  type EshopCustomerModel,
  type EshopListingModel,
  type EshopOrderId,
  type EshopOrderModel,
  type EshopProductContentModel,
  type EshopRefundModel,
} from './eshop-client.ts';
import { eshopCacheKeys } from './eshop-cache-keys.ts';

/** One entry of a customer's merged order list: enough for crm to sort and to reference the order. */
export type EshopOrderSummaryModel = OrderSummaryModel<'EshopOrder'>;

/** What one page of the merged order list asks of the e-shop (ADR 0014): the customer's identities and the window. */
export interface EshopSliceKey {
  email: string | null;
  customerId: string | null;
  first: number;
  after: OrderListPosition | null;
}

export type EshopOrderSliceModel = OrderSliceModel<'EshopOrder'>;

/**
 * Pages of one registered list a slice reads at most: a second one (of 100) only when the orders of the cursor's
 * second that were already shown fill the first page, or a page of 100 follows a cursor of this channel.
 */
const SLICE_MAX_PAGES = 3;
/**
 * Guest lists are read without a date bound, 100 a page: one call holds a guest's whole list (and its exact count)
 * for any page; only a guest e-mail with more than 100 matches of the shop's search pages further, up to this.
 */
const GUEST_SLICE_MAX_PAGES = 10;

export interface EshopLoaders {
  listingBySku: DataLoader<string, EshopListingModel | null, string>;
  /** a shop product's content by product id (variations' parents, read only when their content is asked for) */
  productContentById: DataLoader<string, EshopProductContentModel | null, string>;
  orderById: DataLoader<EshopOrderId, EshopOrderModel | null, string>;
  orderByNumber: DataLoader<string, EshopOrderModel | null>;
  /** one page's slice of a customer's orders (registered and guest), newest first; hands its orders to `orderById` */
  orderSlice: DataLoader<EshopSliceKey, EshopOrderSliceModel | null, string>;
  /** a registered customer's order summaries, all of them (identity lookups) */
  customerOrders: DataLoader<string, EshopOrderSummaryModel[] | null, string>;
  /** the summaries of the guest orders placed with an e-mail, all of them (identity lookups) */
  guestOrders: DataLoader<string, EshopOrderSummaryModel[] | null, string>;
  /** account e-mail → the registered customers with it (zero or one) */
  customersByEmail: DataLoader<string, EshopCustomerModel[] | null, string>;
  /** customer id → the registered customer; batched by 100 */
  customerById: DataLoader<string, EshopCustomerModel | null, string>;
  /** search term → the orders the shop's order search finds for it (capped, oldest first) */
  ordersBySearch: DataLoader<string, EshopOrderModel[] | null, string>;
  /** order id → its refunds with their lines; ask only for orders that have refunds (one call per such order) */
  refundsByOrder: DataLoader<EshopOrderId, EshopRefundModel[] | null, string>;
  /** order id → its notes as events, oldest first; one call per order, asked only by `timeline` */
  notesByOrder: DataLoader<EshopOrderId, OrderEventModel[] | null, string>;
  /** order id → its core fulfillments as parcels; one call per order, asked only for orders that have any */
  fulfillmentsByOrder: DataLoader<EshopOrderId, ChannelParcel[] | null, string>;
}

/** Pages of one order search a lookup reads at most: bounded calls, and enough for any one person's orders. */
export const ORDER_SEARCH_MAX_PAGES = 2;

export interface EshopLoadersOptions {
  client: EshopClient;
  /** shared across requests (Redis or memory), under ESHOP_CACHE_KEY_PREFIX; omitted → nothing is cached */
  cache?: Cache | undefined;
  /**
   * ESHOP_CACHE_TTL_SECONDS: listings and orders are served from the cache without a call this long. Short on
   * purpose: orders change status, listings change price and stock. 0 = always ask.
   */
  cacheTtlSeconds: number;
  /** ESHOP_MAX_STALE_STOCK_SECONDS: how old a listing (price and stock) may be when it stands in. @default 600 */
  maxStaleListingSeconds?: number | undefined;
  /** ESHOP_MAX_STALE_ORDERS_SECONDS: how old an order or an order list may be when it stands in. @default 3600 */
  maxStaleOrderSeconds?: number | undefined;
  /** one per process: concurrent requests missing the same key share one WooCommerce call */
  singleFlight?: SingleFlight | undefined;
  /**
   * One per process (createHandOff): the orders a slice listed, for the entity step that follows within seconds, so a
   * listed order is not read again even with the shared cache off. Omitted → only the shared cache carries them.
   */
  handOff?: HandOff | undefined;
  logger?: Pick<Logger, 'warn'> | undefined;
  /** @default Date.now */
  now?: (() => number) | undefined;
}

export function createEshopLoaders(options: EshopLoadersOptions): EshopLoaders {
  const { client } = options;
  const cached = options.cache !== undefined;
  // Without a cache nothing is read or written: a throwaway memory cache behind all-zero policies.
  const cache = options.cache ?? createMemoryCache({ maxEntries: 1 });
  const policy = (freshSeconds: number, maxStaleSeconds: number): CachePolicy =>
    cached ? { freshSeconds, maxStaleSeconds } : { freshSeconds: 0, maxStaleSeconds: 0 };
  const fresh = options.cacheTtlSeconds;
  const orderMaxStale = options.maxStaleOrderSeconds ?? DEFAULT_MAX_STALE_SECONDS.orders;
  const common = {
    source: 'eshop' as const,
    cache,
    ...(options.singleFlight === undefined ? {} : { singleFlight: options.singleFlight }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };

  const orderById = createCachedLoader<EshopOrderId, EshopOrderModel>({
    ...common,
    name: 'orderById',
    policy: policy(fresh, orderMaxStale),
    cacheKey: eshopCacheKeys.order,
    maxBatchSize: ESHOP_BATCH_LIMIT,
    async fetch(ids) {
      const handed = options.handOff === undefined ? [] : await options.handOff.take<EshopOrderModel>(ids.map(eshopCacheKeys.order));
      const missing = ids.filter((_, i) => handed[i] === undefined);
      const byId = new Map(missing.length === 0 ? [] : (await client.getOrdersByIds({ ids: missing })).map((order) => [order.orderId, order]));
      return ids.map((id, i) => handed[i] ?? byId.get(id) ?? null);
    },
  });

  // Every variation listing of the request that asks for content shares this batch: one call for all their parents.
  const productContentById = createCachedLoader<string, EshopProductContentModel>({
    ...common,
    name: 'productContentById',
    // descriptions and images are catalogue data: they change a few times a day at most
    policy: policy(fresh, DEFAULT_MAX_STALE_SECONDS.catalogue),
    cacheKey: eshopCacheKeys.productContent,
    maxBatchSize: ESHOP_BATCH_LIMIT,
    async fetch(ids) {
      const byId = new Map((await client.getProductContents({ productIds: ids })).map((content) => [content.productId, content]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  });

  const listingBySku = createCachedLoader<string, EshopListingModel>({
    ...common,
    name: 'listingBySku',
    // a listing carries a price and a stock quantity: it takes the shorter, stock's, max age. "The shop does not list
    // this SKU" is cached as long as a listing (not the shorter default of other nulls): the product webhook that
    // creates or changes the listing drops it (`listing:<sku>`), so a new listing does not wait for the TTL.
    policy: { ...policy(fresh, options.maxStaleListingSeconds ?? DEFAULT_MAX_STALE_SECONDS.stock), negativeSeconds: cached ? fresh : 0 },
    cacheKey: eshopCacheKeys.listing,
    maxBatchSize: ESHOP_BATCH_LIMIT,
    async fetch(skus) {
      // WooCommerce matches SKUs case-insensitively (MySQL collation), so the answer may spell a SKU differently.
      const bySku = new Map((await client.getListingsBySkus({ skus })).map((listing) => [listing.sku.toLowerCase(), listing]));
      return skus.map((sku) => bySku.get(sku.toLowerCase()) ?? null);
    },
  });

  const orderByNumber = new DataLoader<string, EshopOrderModel | null>(
    // No batch read by number exists; numbers are few per request (one per query field), so one call each.
    (numbers) =>
      Promise.all(
        numbers.map(async (number) => {
          const order = await client.getOrderByNumber({ number });
          // stored, not only primed: the gateway asks for the order's further fields (shipments, timeline) in another
          // request, as an entity, which must find it in the cache
          if (order !== null) await orderById.store(order.orderId, order);
          return order;
        }),
      ),
  );

  /**
   * A list of orders as summaries. The orders themselves are stored too: the gateway asks for their fields right
   * after the summaries, in another request, which must find them in the cache.
   */
  async function summarise(orders: readonly EshopOrderModel[]): Promise<EshopOrderSummaryModel[]> {
    await Promise.all(orders.map((order) => orderById.store(order.orderId, order)));
    return orders.map((order) => ({ ref: { typename: 'EshopOrder', id: order.id }, placedAt: order.placedAt }));
  }

  // A customer's lists are always read live (a just-placed order must show); the stored copy only stands in.
  // One list per registered customer and one per guest e-mail: what a changed order invalidates (orderKeysOf).
  const listPolicy = policy(0, orderMaxStale);
  const perKey =
    <K>(read: (key: K) => Promise<EshopOrderSummaryModel[]>) =>
    (keys: readonly K[]) =>
      // each customer costs its own pages; errors stay per customer
      Promise.all(keys.map((key) => read(key).catch(toError)));
  const perKeyOrders =
    <K>(read: (key: K) => Promise<EshopOrderModel[]>) =>
    (keys: readonly K[]) =>
      Promise.all(keys.map((key) => read(key).catch(toError)));
  const perKeyRefunds =
    <K>(read: (key: K) => Promise<EshopRefundModel[]>) =>
    (keys: readonly K[]) =>
      Promise.all(keys.map((key) => read(key).catch(toError)));
  const customerOrders = createCachedLoader<string, EshopOrderSummaryModel[]>({
    ...common,
    name: 'listCustomerOrders',
    policy: listPolicy,
    cacheKey: eshopCacheKeys.customerOrders,
    fetch: perKey(async (customerId: string) => summarise(await client.listCustomerOrders({ customerId }))),
  });
  const guestOrders = createCachedLoader<string, EshopOrderSummaryModel[]>({
    ...common,
    name: 'listGuestOrdersByEmail',
    policy: listPolicy,
    cacheKey: eshopCacheKeys.guestOrders,
    fetch: perKey(async (email: string) => summarise(await client.listGuestOrdersByEmail({ email }))),
  });

  // With the shared cache on the entity step finds the order there, fresh (on any replica); a second copy in the
  // hand-off would only cost one more serialisation of each order of the page (ADR 0014).
  const handOff = cached && fresh > 0 ? undefined : options.handOff;

  /** Stored for the entity step: in the shared cache when it serves orders fresh, otherwise in the hand-off. */
  async function handOver(orders: readonly EshopOrderModel[]): Promise<void> {
    await Promise.all([
      ...orders.map((order) => orderById.store(order.orderId, order)),
      handOff?.put(orders.map((order) => [eshopCacheKeys.order(order.orderId), order] as const)),
    ]);
  }

  /**
   * One list (registered or guest) cut to the page: newest first after the cursor, `first` at most. Registered lists
   * are keyset-read (`before` the cursor's second, `first + 1` a page to absorb the cursor's own order); guest lists
   * 100 a page without a bound (see GUEST_SLICE_MAX_PAGES).
   */
  async function readList(owner: { customerId: string } | { guestEmail: string }, key: EshopSliceKey) {
    const guest = 'guestEmail' in owner;
    const beforeGmt = guest || key.after === null ? null : wcGmtSecond(Math.floor(key.after.time / 1000) * 1000 + 1000);
    const perPage = guest ? ESHOP_BATCH_LIMIT : Math.min(ESHOP_BATCH_LIMIT, key.first + (key.after === null ? 0 : 1));
    let total: number | null = null;
    let offset = 0;
    let matched = 0;
    let ended = false;
    const read = await readNewestFirst<EshopOrderModel>({
      first: key.first,
      after: key.after,
      maxPages: guest ? GUEST_SLICE_MAX_PAGES : SLICE_MAX_PAGES,
      positionOf: (order) => ({ time: Date.parse(order.placedAt), id: order.id }),
      latestAfter: (order) => Date.parse(order.placedAt),
      async fetchPage(index) {
        // past the first page only ties at the cursor's second are left to read: a full page of them
        const page = await client.listOrdersNewestFirst({ owner, perPage: index === 0 ? perPage : ESHOP_BATCH_LIMIT, offset, beforeGmt });
        offset += page.listed;
        total ??= page.total;
        matched += page.orders.length;
        ended = !page.more;
        return { items: page.orders, more: page.more, listedUntil: page.lastListedAt === null ? null : Date.parse(page.lastListedAt) };
      },
    });
    // A guest list read to its end counts exactly (every match re-checked); otherwise the shop's count stands, for
    // guests an upper bound (its search also matches other guests' orders whose addresses contain the e-mail).
    return { ...read, total: guest && ended ? matched : total };
  }

  async function readSlice(key: EshopSliceKey): Promise<EshopOrderSliceModel> {
    const customerId = key.customerId !== null && isShopId(key.customerId) ? key.customerId : null;
    if (key.customerId !== null && customerId === null) {
      options.logger?.warn({ eshopCustomerId: key.customerId }, 'ignoring an e-shop customer id that is not a shop id');
    }
    const email = key.email !== null && key.email.trim() !== '' ? key.email.trim() : null;
    const [registered, guest, registeredCount] = await Promise.all([
      customerId === null ? null : readList({ customerId }, key),
      email === null ? null : readList({ guestEmail: email }, key),
      // a bounded page counts only what lies before the cursor: the customer's count is one more (tiny) call
      customerId === null || key.after === null ? null : client.countCustomerOrders({ customerId }),
    ]);
    const orders = [...(registered?.items ?? []), ...(guest?.items ?? [])].sort((a, b) => compareNewest(a, b)).slice(0, key.first);
    await handOver(orders);
    return {
      orders: orders.map((order) => ({ ref: { typename: 'EshopOrder', id: order.id }, placedAt: order.placedAt })),
      hasMore:
        (registered?.hasMore ?? false) || (guest?.hasMore ?? false) || (registered?.items.length ?? 0) + (guest?.items.length ?? 0) > key.first,
      totalCount: (key.after === null ? (registered?.total ?? 0) : (registeredCount ?? 0)) + (guest?.total ?? 0),
    };
  }

  // Read live like the lists (the page must show a just-placed order); the stored slice only stands in, STALE, while
  // WooCommerce fails, for the same page asked again.
  const orderSlice = createCachedLoader<EshopSliceKey, EshopOrderSliceModel>({
    ...common,
    name: 'orderSlice',
    policy: listPolicy,
    cacheKey: eshopCacheKeys.orderSlice,
    fetch: (keys) => Promise.all(keys.map((key) => readSlice(key).catch(toError))),
  });

  // Lookups (CustomerLookup): read live like the lists; the stored copy only stands in while WooCommerce fails.
  const customersByEmail = createCachedLoader<string, EshopCustomerModel[]>({
    ...common,
    name: 'findCustomersByEmail',
    policy: listPolicy,
    cacheKey: eshopCacheKeys.customersByEmail,
    fetch: (emails) => Promise.all(emails.map((email) => client.findCustomersByEmail({ email }).catch(toError))),
  });
  const customerById = createCachedLoader<string, EshopCustomerModel>({
    ...common,
    name: 'getCustomersByIds',
    policy: policy(fresh, orderMaxStale),
    cacheKey: eshopCacheKeys.customer,
    maxBatchSize: ESHOP_BATCH_LIMIT,
    async fetch(ids) {
      const byId = new Map((await client.getCustomersByIds({ ids })).map((customer) => [customer.customerId, customer]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  });
  const ordersBySearch = createCachedLoader<string, EshopOrderModel[]>({
    ...common,
    name: 'searchOrders',
    policy: listPolicy,
    cacheKey: eshopCacheKeys.orderSearch,
    fetch: perKeyOrders(async (term: string) => {
      const orders = await client.searchOrders({ term, maxPages: ORDER_SEARCH_MAX_PAGES });
      for (const order of orders) orderById.prime(order.orderId, order);
      return orders;
    }),
  });

  // WooCommerce reads refunds per order only (no batch endpoint): one call per order that has any, once per request,
  // kept like the order itself and dropped with it when it changes.
  const refundsByOrder = createCachedLoader<EshopOrderId, EshopRefundModel[]>({
    ...common,
    name: 'listRefunds',
    policy: policy(fresh, orderMaxStale),
    cacheKey: eshopCacheKeys.orderRefunds,
    fetch: perKeyRefunds(async (orderId: EshopOrderId) => client.listRefunds({ orderId })),
  });

  // Notes and fulfillments have no batch endpoint either: one call per order whose timeline or parcels are asked,
  // cached like the order (short TTL) and dropped with it.
  const notesByOrder = createCachedLoader<EshopOrderId, OrderEventModel[]>({
    ...common,
    name: 'listOrderNotes',
    policy: policy(fresh, orderMaxStale),
    cacheKey: eshopCacheKeys.orderNotes,
    fetch: (ids) => Promise.all(ids.map((orderId) => client.listOrderNotes({ orderId }).catch(toError))),
  });
  const fulfillmentsByOrder = createCachedLoader<EshopOrderId, ChannelParcel[]>({
    ...common,
    name: 'listFulfillments',
    policy: policy(fresh, orderMaxStale),
    cacheKey: eshopCacheKeys.orderFulfillments,
    fetch: (ids) => Promise.all(ids.map((orderId) => client.listFulfillments({ orderId }).catch(toError))),
  });

  return {
    refundsByOrder,
    notesByOrder,
    fulfillmentsByOrder,
    listingBySku,
    productContentById,
    orderById,
    orderByNumber,
    orderSlice,
    customerOrders,
    guestOrders,
    customersByEmail,
    customerById,
    ordersBySearch,
  };
}

/** The merge's order (compareNewestFirst) over models. */
function compareNewest(a: EshopOrderModel, b: EshopOrderModel): number {
  return compareNewestFirst({ time: Date.parse(a.placedAt), id: a.id }, { time: Date.parse(b.placedAt), id: b.id });
}

/** `YYYY-MM-DDTHH:MM:SS` in GMT, the form WooCommerce's `before` takes with `dates_are_gmt=true`. */
function wcGmtSecond(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
