import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

/**
 * The Apollo Server features every subgraph turns off, listed first in its `plugins`. Apollo Server installs both by
 * default, and either one hooks `willResolveField`, which makes it wrap every resolver of the schema and run a hook per
 * resolved field (a 50-SKU catalogue answer resolves about 1,200 fields):
 * - inline traces (ftv1) only feed Apollo Studio, which Omnigraph does not use;
 * - cache control computes a cache policy from `@cacheControl` hints, which no schema here declares, and answers
 *   `cache-control: no-store`, which the gateway does not need (nothing caches subgraph responses by HTTP header:
 *   the caches are the subgraphs' own cached loaders).
 * Usage and schema reporting need an Apollo key and are never on for a subgraph schema anyway.
 */
export function leanSubgraphPlugins<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  return [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()];
}
