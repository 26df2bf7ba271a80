/**
 * The per-request context of the crm subgraph. Loaders are created anew for every request so that one request's
 * memoised contacts never leak into another's; the cache and the single flight behind them live for the process.
 */
import type { Cache, SingleFlight } from '@omnigraph/shared/cache';
import type { ErrorLogger } from '@omnigraph/shared/errors';
import type { CrmClient } from './upstream/crm-client.ts';
import { createCrmLoaders, type CrmLoaders } from './upstream/crm-loaders.ts';

export interface CrmContext {
  loaders: CrmLoaders;
  /** for the write step (`crmCreateNote`), which must read HubSpot itself, never a cached answer */
  client: CrmClient;
  /** ids only: never personal data */
  logger?: ErrorLogger | undefined;
}

export interface CreateCrmContextOptions {
  client: CrmClient;
  cache?: Cache | undefined;
  /** CRM_CACHE_TTL_SECONDS */
  cacheTtlSeconds?: number | undefined;
  /** CRM_MAX_STALE_CONTACTS_SECONDS */
  maxStaleSeconds?: number | undefined;
  /** CRM_LOOKUP_CACHE_TTL_SECONDS */
  lookupTtlSeconds?: number | undefined;
  /** one per process (createCrmServer makes it) */
  singleFlight?: SingleFlight | undefined;
  now?: (() => number) | undefined;
  logger?: ErrorLogger | undefined;
}

export function createCrmContext(options: CreateCrmContextOptions): CrmContext {
  return { loaders: createCrmLoaders(options), client: options.client, logger: options.logger };
}
