import type { Cache } from '@omnigraph/shared/cache';
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
  cacheTtlSeconds: number;
  logger?: Logger | undefined;
}

/** Called once per GraphQL request: new DataLoaders each time, so no memo outlives its request. */
export function createEshopContext(deps: EshopContextDeps): EshopContext {
  return { loaders: createEshopLoaders(deps) };
}
