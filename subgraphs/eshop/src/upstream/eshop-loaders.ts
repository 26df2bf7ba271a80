/**
 * Per-request DataLoaders over the e-shop role (created anew for every request by the context, so one request's
 * memo never leaks into another's). Batches follow the upstream's limit of 100 per call; the shared cache holds
 * mapped models across requests, so an `EshopOrder` entity fetch right after a summaries listing costs no call.
 */
import DataLoader from 'dataloader';
import type { Cache } from '@omnigraph/shared/cache';
import type { Logger } from '@omnigraph/shared/logging';
import type { OrderSummaryModel } from '@omnigraph/shared/models';
import {
  ESHOP_BATCH_LIMIT,
  isShopId,
  type EshopClient,
  type EshopListingModel,
  type EshopOrderId,
  type EshopOrderModel,
} from './eshop-client.ts';

/** One entry of a customer's merged order list: enough for crm to sort and to reference the order. */
export type EshopOrderSummaryModel = OrderSummaryModel<'EshopOrder'>;

/** The identity crm holds for a customer (`@requires(fields: "email eshopCustomerId")`). */
export interface CustomerOrdersKey {
  email: string | null;
  customerId: string | null;
}

export interface EshopLoaders {
  listingBySku: DataLoader<string, EshopListingModel | null>;
  orderById: DataLoader<EshopOrderId, EshopOrderModel | null>;
  orderByNumber: DataLoader<string, EshopOrderModel | null>;
  orderSummariesByCustomer: DataLoader<CustomerOrdersKey, EshopOrderSummaryModel[], string>;
}

export interface EshopLoadersOptions {
  client: EshopClient;
  /** shared across requests (Redis or memory); omitted → every read goes upstream */
  cache?: Cache | undefined;
  /** TTL of cached listings and orders. Short on purpose: orders change status, listings change price and stock. */
  cacheTtlSeconds: number;
  logger?: Pick<Logger, 'warn'> | undefined;
}

/**
 * Key prefix of this subgraph's entries in the shared Redis (`eshop:v1:order:10482`); bump `v1` when a cached model
 * changes shape.
 */
export const ESHOP_CACHE_KEY_PREFIX = 'eshop:v1:';

/** Cache keys below {@link ESHOP_CACHE_KEY_PREFIX} (the Redis cache prepends it). */
export const eshopCacheKeys = {
  order: (id: EshopOrderId) => `order:${id}`,
  listing: (sku: string) => `listing:${sku.toLowerCase()}`,
};

export function createEshopLoaders(options: EshopLoadersOptions): EshopLoaders {
  const { client, cacheTtlSeconds } = options;
  const cache = createSafeCache(options);

  const orderById = new DataLoader<EshopOrderId, EshopOrderModel | null>(
    async (ids) => {
      const cached = await cache.getMany<EshopOrderModel>(ids.map(eshopCacheKeys.order));
      const missing = ids.filter((_, i) => cached[i] === undefined);
      const fetched = missing.length > 0 ? await client.getOrdersByIds({ ids: missing }) : [];
      await cache.setMany(fetched.map((order) => [eshopCacheKeys.order(order.orderId), order]));
      const byId = new Map(fetched.map((order) => [order.orderId, order]));
      return ids.map((id, i) => cached[i] ?? byId.get(id) ?? null);
    },
    { maxBatchSize: ESHOP_BATCH_LIMIT },
  );

  const listingBySku = new DataLoader<string, EshopListingModel | null>(
    async (skus) => {
      const cached = await cache.getMany<EshopListingModel>(skus.map(eshopCacheKeys.listing));
      const missing = skus.filter((_, i) => cached[i] === undefined);
      const fetched = missing.length > 0 ? await client.getListingsBySkus({ skus: missing }) : [];
      await cache.setMany(fetched.map((listing) => [eshopCacheKeys.listing(listing.sku), listing]));
      // WooCommerce matches SKUs case-insensitively (MySQL collation), so the answer may spell a SKU differently.
      const bySku = new Map(fetched.map((listing) => [listing.sku.toLowerCase(), listing]));
      return skus.map((sku, i) => cached[i] ?? bySku.get(sku.toLowerCase()) ?? null);
    },
    { maxBatchSize: ESHOP_BATCH_LIMIT },
  );

  const orderByNumber = new DataLoader<string, EshopOrderModel | null>(
    // No batch read by number exists; numbers are few per request (one per query field), so one call each.
    (numbers) =>
      Promise.all(
        numbers.map(async (number) => {
          const order = await client.getOrderByNumber({ number });
          if (order !== null) orderById.prime(order.orderId, order);
          return order;
        }),
      ),
  );

  const orderSummariesByCustomer = new DataLoader<CustomerOrdersKey, EshopOrderSummaryModel[], string>(
    // A registered customer's orders and guest orders cannot be listed for several customers in one call, so each
    // customer costs its own pages; errors stay per customer.
    async (keys) => {
      const settled = await Promise.allSettled(keys.map((key) => listCustomerOrderSummaries(key)));
      return settled.map((result) => (result.status === 'fulfilled' ? result.value : toError(result.reason)));
    },
    { cacheKeyFn: (key) => JSON.stringify([key.customerId, key.email?.trim().toLowerCase() ?? null]) },
  );

  async function listCustomerOrderSummaries(key: CustomerOrdersKey): Promise<EshopOrderSummaryModel[]> {
    const customerId = key.customerId !== null && isShopId(key.customerId) ? key.customerId : null;
    if (key.customerId !== null && customerId === null) {
      options.logger?.warn({ eshopCustomerId: key.customerId }, 'ignoring an e-shop customer id that is not a shop id');
    }
    const email = key.email !== null && key.email.trim() !== '' ? key.email : null;
    const [registered, guest] = await Promise.all([
      customerId === null ? [] : client.listCustomerOrders({ customerId }),
      email === null ? [] : client.listGuestOrdersByEmail({ email }),
    ]);
    const orders = new Map<EshopOrderId, EshopOrderModel>();
    for (const order of [...registered, ...guest]) orders.set(order.orderId, order);
    // The gateway asks for these orders' fields right after the summaries, in another request: keep them at hand.
    await cache.setMany([...orders.values()].map((order) => [eshopCacheKeys.order(order.orderId), order]));
    for (const order of orders.values()) orderById.prime(order.orderId, order);
    return [...orders.values()]
      .sort((a, b) => (a.placedAt === b.placedAt ? compareIds(b.orderId, a.orderId) : a.placedAt < b.placedAt ? 1 : -1))
      .map((order) => ({ ref: { typename: 'EshopOrder', id: order.id }, placedAt: order.placedAt }));
  }

  return { listingBySku, orderById, orderByNumber, orderSummariesByCustomer };

  interface SafeCache {
    getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
    setMany(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  }

  /**
   * The cache as the loaders use it. The shared caches already turn Redis failures into misses; this also covers any
   * other Cache implementation that throws: a cache problem makes the subgraph slower, never broken.
   */
  function createSafeCache(opts: EshopLoadersOptions): SafeCache {
    const shared = opts.cache;
    if (shared === undefined || cacheTtlSeconds <= 0) {
      return { getMany: async (keys) => keys.map(() => undefined), setMany: async () => {} };
    }
    return {
      async getMany<T>(keys: readonly string[]) {
        try {
          return await shared.getMany<T>(keys);
        } catch (error) {
          opts.logger?.warn({ err: error }, 'eshop cache read failed; reading upstream');
          return keys.map(() => undefined);
        }
      },
      async setMany(entries) {
        try {
          await Promise.all(entries.map(([key, value]) => shared.set(key, value, cacheTtlSeconds)));
        } catch (error) {
          opts.logger?.warn({ err: error }, 'eshop cache write failed');
        }
      },
    };
  }
}

function compareIds(a: string, b: string): number {
  return a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length;
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
