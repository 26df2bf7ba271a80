import type { Cache, HandOff, SingleFlight } from '@omnigraph/shared/cache';
import type { BuyerDirectory } from './lookup/buyer-directory.ts';
import type { Semaphore } from './upstream/create-semaphore.ts';
import type { MarketplaceClient } from './upstream/marketplace-client.ts';
import { createMarketplaceLoaders, type MarketplaceLoaders } from './upstream/marketplace-loaders.ts';
import type { RefundStep } from './writes/create-refund-step.ts';
import type { OrderEventsJournal } from './timeline/order-events-journal.ts';

/** Per-request context of the `marketplace` subgraph. */
export interface MarketplaceContext {
  loaders: MarketplaceLoaders;
  /** phone → buyers seen on forms (process-wide, over the shared cache); null when not configured */
  buyerDirectory: BuyerDirectory | null;
  /** the `marketplaceCreateRefund` step (process-wide; it drops the cached order after a refund) */
  createRefund: RefundStep;
}

/** What lives for the whole process and is shared by every request's context. */
export interface MarketplaceContextDeps {
  client: MarketplaceClient;
  cache: Cache;
  /** MARKETPLACE_CACHE_TTL_SECONDS: how long a cached checkout form is served without asking Allegro */
  cacheTtlSeconds: number;
  /** MARKETPLACE_OFFER_CACHE_TTL_SECONDS: how long a SKU's offers are served without asking Allegro. @default 5 */
  offerCacheTtlSeconds?: number | undefined;
  /** MARKETPLACE_MAX_STALE_STOCK_SECONDS (offers) */
  maxStaleOfferSeconds?: number | undefined;
  /** MARKETPLACE_MAX_STALE_ORDERS_SECONDS */
  maxStaleOrderSeconds?: number | undefined;
  /** one per process (createMarketplaceServer makes it) */
  singleFlight?: SingleFlight | undefined;
  /** one per process: listed checkout forms waiting for the entity step (createHandOff) */
  handOff?: HandOff | undefined;
  now?: (() => number) | undefined;
  /** process-wide cap on per-id order reads (MARKETPLACE_MAX_CONCURRENT_READS) */
  orderReadLimiter: Semaphore;
  /** one per process (createMarketplaceServer makes it unless told otherwise) */
  buyerDirectory?: BuyerDirectory | null | undefined;
  /** one per process (createMarketplaceServer makes it) */
  createRefund: RefundStep;
  /** the polled order events per form (createMarketplaceServer makes it over the cache) */
  journal?: OrderEventsJournal | undefined;
}

/** Builds a request's context: NEW loaders every time, so no memo is shared between requests. */
export function createMarketplaceContext(deps: MarketplaceContextDeps): MarketplaceContext {
  return {
    loaders: createMarketplaceLoaders({ ...deps, buyerDirectory: deps.buyerDirectory ?? undefined }),
    buyerDirectory: deps.buyerDirectory ?? null,
    createRefund: deps.createRefund,
  };
}
