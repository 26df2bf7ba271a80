import type { Cache, SingleFlight } from '@omnigraph/shared/cache';
import type { Logger } from '@omnigraph/shared/logging';
import type { EshopClient } from './upstream/eshop-client.ts';
import { createEshopLoaders, type EshopLoaders } from './upstream/eshop-loaders.ts';

/** What every resolver gets: this request's loaders, nothing else (resolvers never call the client). */
export interface EshopContext {
  loaders: EshopLoaders;
}

export interface EshopContextDeps {
  client: EshopClient;
  cache?: Cache | undefined;
  /** ESHOP_CACHE_TTL_SECONDS */
  cacheTtlSeconds: number;
  /** ESHOP_MAX_STALE_STOCK_SECONDS (listings) */
  maxStaleListingSeconds?: number | undefined;
  /** ESHOP_MAX_STALE_ORDERS_SECONDS */
  maxStaleOrderSeconds?: number | undefined;
  /** one per process (createEshopServer makes it) */
  singleFlight?: SingleFlight | undefined;
  logger?: Logger | undefined;
  now?: (() => number) | undefined;
}

/** Called once per GraphQL request: new DataLoaders each time, so no memo outlives its request. */
export function createEshopContext(deps: EshopContextDeps): EshopContext {
  return { loaders: createEshopLoaders(deps) };
}
