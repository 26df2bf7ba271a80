/**
 * The per-request context of the crm subgraph. Loaders are created anew for every request so that one request's
 * memoised contacts never leak into another's.
 */
import type { Cache } from '@omnigraph/shared/cache';
import type { CrmClient } from './upstream/crm-client.ts';
import { createCrmLoaders, type CrmLoaders } from './upstream/crm-loaders.ts';

export interface CrmContext {
  loaders: CrmLoaders;
}

export interface CreateCrmContextOptions {
  client: CrmClient;
  cache?: Cache | undefined;
  cacheTtlSeconds?: number | undefined;
}

export function createCrmContext(options: CreateCrmContextOptions): CrmContext {
  return { loaders: createCrmLoaders(options) };
}
