/**
 * Builds the pricing subgraph: schema from `schema/pricing.graphql` (the contract), the pricing service over a
 * subgraph client that is served from the other subgraphs' caches, error masking. No listening here (see `index.ts`),
 * so tests drive it with `executeOperation`.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { allowFrozenEntities, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { parse } from 'graphql';
import { createMemoryCache, createSingleFlight, type Cache } from '@omnigraph/shared/cache';
import { createSubgraphErrorFormatter, type ErrorLogger } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createSubgraphClient } from '@omnigraph/shared/subgraph-client';
import type { PricedSubgraph } from './channel-reads.ts';
import type { PricingContext } from './context.ts';
import { createPricingService, type PricingService } from './pricing-service.ts';
import { resolvers } from './resolvers/index.ts';

export const PRICING_SCHEMA_PATH = new URL('../../../schema/pricing.graphql', import.meta.url);

export interface CreatePricingServerOptions {
  urls: Record<PricedSubgraph, string>;
  /** OMNIGRAPH_SUBGRAPH_SECRET: signs the calls to the other subgraphs */
  secret: string;
  /** PRICING_CALL_TIMEOUT_MS */
  callTimeoutMs: number;
  /** PRICING_REPORT_TTL_SECONDS */
  reportTtlSeconds: number;
  /** the report's copy; default: a small memory cache of this process */
  cache?: Cache;
  isDev?: boolean | undefined;
  logger?: ErrorLogger | undefined;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface PricingServer {
  server: ApolloServer<PricingContext>;
  pricing: PricingService;
  cache: Cache;
  createContext(identity: RequestIdentity): PricingContext;
}

export function createPricingServer({ isDev = false, logger, ...options }: CreatePricingServerOptions): PricingServer {
  const typeDefs = parse(readFileSync(PRICING_SCHEMA_PATH, 'utf8'));
  const client = createSubgraphClient<PricedSubgraph>({
    urls: options.urls,
    secret: options.secret,
    timeoutMs: options.callTimeoutMs,
    // a report, not a decision: the subgraphs answer from their caches, as they would behind the gateway
    freshReads: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // one report (a few hundred KB for a catalogue of thousands) and nothing else
  const cache = options.cache ?? createMemoryCache({ maxEntries: 4 });
  const pricing = createPricingService({
    client,
    cache,
    singleFlight: createSingleFlight(),
    reportTtlSeconds: options.reportTtlSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  const server = new ApolloServer<PricingContext>({
    // the service kit owns SIGTERM/SIGINT (drain first)
    stopOnTerminationSignals: false,
    // the generated Resolvers type is stricter than buildSubgraphSchema's GraphQLResolverMap; the shapes agree
    schema: allowFrozenEntities(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never })),
    plugins: leanSubgraphPlugins(),
    formatError: createSubgraphErrorFormatter({ includeStack: isDev, logger }),
  });
  return { server, pricing, cache, createContext: (identity) => ({ identity, reads: pricing.readsFor(identity), pricing }) };
}
