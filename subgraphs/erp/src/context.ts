import type { Cache } from '@omnigraph/shared/cache';
import type { ErpClient } from './upstream/erp-client.ts';
import { createErpLoaders, type ErpLoaders, type ErpLoadersLogger } from './upstream/erp-loaders.ts';

/** Per-request context of the `erp` subgraph. */
export interface ErpContext {
  loaders: ErpLoaders;
}

/** What lives for the whole process and is shared by every request's context. */
export interface ErpContextDeps {
  client: ErpClient;
  cache: Cache;
  /** ERP_CACHE_TTL_SECONDS: TTL of cached products */
  cacheTtlSeconds: number;
  /** TTL of the cached location list. @default 3600 */
  locationsTtlSeconds?: number;
  logger?: ErpLoadersLogger;
}

/** Builds a request's context: NEW loaders every time, so no memo is shared between requests. */
export function createErpContext(deps: ErpContextDeps): ErpContext {
  return {
    loaders: createErpLoaders({
      client: deps.client,
      cache: deps.cache,
      productTtlSeconds: deps.cacheTtlSeconds,
      ...(deps.locationsTtlSeconds === undefined ? {} : { locationsTtlSeconds: deps.locationsTtlSeconds }),
      ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    }),
  };
}
