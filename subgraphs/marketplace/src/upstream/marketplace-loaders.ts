import DataLoader from 'dataloader';
import type { Cache } from '@omnigraph/shared/cache';
import type { Semaphore } from './create-semaphore.ts';
import {
  MARKETPLACE_MAX_SKUS_PER_CALL,
  type MarketplaceClient,
  type MarketplaceOfferModel,
  type MarketplaceOrderModel,
  type MarketplaceOrderSummaryModel,
} from './marketplace-client.ts';

export interface MarketplaceLoaders {
  /** SKU → the seller's offers carrying it (possibly none); one upstream call per ≤ 100 SKUs */
  offersBySku: DataLoader<string, MarketplaceOfferModel[]>;
  /** buyer login → summaries of all their orders, newest first; puts every listed order into the cache */
  orderSummariesByBuyerLogin: DataLoader<string, MarketplaceOrderSummaryModel[]>;
  /** the marketplace's own order id → the order or null; cache first, then capped per-id reads */
  orderByNumber: DataLoader<string, MarketplaceOrderModel | null>;
}

export interface MarketplaceLoadersOptions {
  client: MarketplaceClient;
  cache: Cache;
  /** lifetime of cached orders; short, since the step that reads them follows the listing within the same query */
  cacheTtlSeconds: number;
  /**
   * Caps the per-id order reads in flight. Created once per process (not per request) so that the cap holds for
   * the seller account as a whole, which is what Allegro's parallel-request limit counts.
   */
  orderReadLimiter: Semaphore;
}

/**
 * Prefix of every key this subgraph writes (given to the shared cache as `keyPrefix`); bump v1 when
 * {@link MarketplaceOrderModel} changes shape, so old entries are never read as new ones.
 */
export const MARKETPLACE_CACHE_KEY_PREFIX = 'marketplace:v1:';

/** `checkout-form:<id>`, stored as `marketplace:v1:checkout-form:<id>` once the cache adds its prefix. */
export function orderCacheKey(orderNumber: string): string {
  return `checkout-form:${orderNumber}`;
}

function summaryOf(order: MarketplaceOrderModel): MarketplaceOrderSummaryModel {
  return { ref: { typename: 'MarketplaceOrder', id: order.id }, placedAt: order.placedAt };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** New loaders for every request (a shared loader would leak one request's memo into another's). */
export function createMarketplaceLoaders(options: MarketplaceLoadersOptions): MarketplaceLoaders {
  const { client, cache, cacheTtlSeconds, orderReadLimiter } = options;

  // The shared Cache swallows (and reports) its own failures as misses: a Redis outage makes us slower, not broken.
  const cachePut = (order: MarketplaceOrderModel) => cache.set(orderCacheKey(order.number), order, cacheTtlSeconds);

  return {
    offersBySku: new DataLoader<string, MarketplaceOfferModel[]>(
      async (skus) => {
        const offers = await client.getOffersBySkus({ skus });
        const bySku = new Map<string, MarketplaceOfferModel[]>(skus.map((sku) => [sku, []]));
        for (const offer of offers) {
          if (offer.sku !== null) bySku.get(offer.sku)?.push(offer);
        }
        return skus.map((sku) => bySku.get(sku) ?? []);
      },
      { maxBatchSize: MARKETPLACE_MAX_SKUS_PER_CALL },
    ),

    orderSummariesByBuyerLogin: new DataLoader<string, MarketplaceOrderSummaryModel[]>(
      // Allegro filters by one login per call, so a batch is a set of independent listings (deduplicated by DataLoader).
      (logins) =>
        Promise.all(
          logins.map(async (buyerLogin) => {
            try {
              const orders = await client.listOrdersByBuyerLogin({ buyerLogin });
              // Awaited: the gateway asks for these orders as entities in its next step, which must find them here.
              await Promise.all(orders.map(cachePut));
              return orders.map(summaryOf);
            } catch (error) {
              return asError(error);
            }
          }),
        ),
    ),

    orderByNumber: new DataLoader<string, MarketplaceOrderModel | null>(async (numbers) => {
      // One cache round trip for the batch; only the misses go upstream, at most `orderReadLimiter`'s cap at once.
      const cached = await cache.getMany<MarketplaceOrderModel>(numbers.map(orderCacheKey));
      return Promise.all(
        numbers.map(async (orderNumber, index) => {
          const hit = cached[index];
          if (hit) return hit;
          try {
            const order = await orderReadLimiter.run(() => client.getOrderById({ orderNumber }));
            if (order) await cachePut(order);
            return order;
          } catch (error) {
            return asError(error);
          }
        }),
      );
    }),
  };
}
