import { sourcesExtensionPlugin } from '@omnigraph/shared/sources';
import { createHandOff, createSingleFlight } from '@omnigraph/shared/cache';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { allowFrozenEntities, guardCustomerBinding, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { marketplaceCustomerBindingPolicy } from './customer-binding.ts';
import { parse } from 'graphql';
import { createSubgraphErrorFormatter } from '@omnigraph/shared/errors';
import type { Logger } from '@omnigraph/shared/logging';
import { createMarketplaceContext, type MarketplaceContext, type MarketplaceContextDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { createSemaphore } from './upstream/create-semaphore.ts';
import { createBuyerDirectory, DEFAULT_BUYER_DIRECTORY_TTL_SECONDS, type BuyerDirectory } from './lookup/buyer-directory.ts';
import { createRefundStep } from './writes/create-refund-step.ts';
import { createOrderEventsJournal, type OrderEventsJournal } from './timeline/order-events-journal.ts';

/** The SDL is the contract, shared with composition: read from the repository's schema folder, never copied. */
const SCHEMA_URL = new URL('../../../schema/marketplace.graphql', import.meta.url);

export interface MarketplaceServerOptions extends Omit<
  MarketplaceContextDeps,
  'orderReadLimiter' | 'singleFlight' | 'handOff' | 'buyerDirectory' | 'createRefund' | 'journal'
> {
  /** MARKETPLACE_MAX_CONCURRENT_READS: per-id checkout-form reads in flight, for the whole process */
  maxConcurrentReads: number;
  /** MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS: how long a phone → buyer entry lives after its last form; 0: off */
  buyerDirectoryTtlSeconds?: number | undefined;
  /** add stack traces to error extensions; local development only. @default false */
  includeStackInErrors?: boolean;
  /** where masked (unexpected) and upstream errors are logged before the client sees the masked form */
  logger?: Logger;
}

export interface MarketplaceServer {
  server: ApolloServer<MarketplaceContext>;
  /** a fresh per-request context (new loaders); pass it to `executeOperation` or the HTTP integration */
  createContext(): MarketplaceContext;
  /** the process's phone → buyer directory (its backfill is started by index.ts) */
  buyerDirectory: BuyerDirectory;
  /** the process's journal of Allegro order events per form (the order-events poll records into it) */
  journal: OrderEventsJournal;
}

/** The subgraph's ApolloServer and its context factory; does not listen (index.ts does). */
export function createMarketplaceServer(options: MarketplaceServerOptions): MarketplaceServer {
  const typeDefs = parse(readFileSync(SCHEMA_URL, 'utf8'));
  // One limiter per process: the cap protects the seller account, not a single request.
  const orderReadLimiter = createSemaphore(options.maxConcurrentReads);
  // One per server, i.e. per process: concurrent requests missing the same key share one Allegro call.
  const singleFlight = createSingleFlight();
  // One per process: the checkout forms a listing read, waiting for the entity step of the same query.
  const handOff = createHandOff();
  // Over the shared cache, so every replica's reads feed one directory.
  const buyerDirectory = createBuyerDirectory({
    cache: options.cache,
    ttlSeconds: options.buyerDirectoryTtlSeconds ?? DEFAULT_BUYER_DIRECTORY_TTL_SECONDS,
    logger: options.logger,
  });
  // over the shared cache, so the replica that polls and the one that answers see the same journal
  const journal = createOrderEventsJournal({ cache: options.cache });
  const createRefund = createRefundStep({ client: options.client, cache: options.cache, logger: options.logger });
  const server = new ApolloServer<MarketplaceContext>({
    // the service kit owns SIGTERM/SIGINT (drain first); Apollo's own handlers would stop it mid-drain
    stopOnTerminationSignals: false,
    // customer-bound callers (ADR 0009) reach only their own orders, row by row
    schema: guardCustomerBinding(allowFrozenEntities(buildSubgraphSchema({ typeDefs, resolvers })), marketplaceCustomerBindingPolicy),
    // no inline traces, no cache-control computation: neither is used, and either costs a hook per resolved field
    plugins: [...leanSubgraphPlugins(), sourcesExtensionPlugin()],
    formatError: createSubgraphErrorFormatter({ includeStack: options.includeStackInErrors ?? false, logger: options.logger }),
  });
  return {
    server,
    buyerDirectory,
    journal,
    createContext: () =>
      createMarketplaceContext({
        client: options.client,
        cache: options.cache,
        cacheTtlSeconds: options.cacheTtlSeconds,
        offerCacheTtlSeconds: options.offerCacheTtlSeconds,
        maxStaleOfferSeconds: options.maxStaleOfferSeconds,
        maxStaleOrderSeconds: options.maxStaleOrderSeconds,
        now: options.now,
        orderReadLimiter,
        singleFlight,
        handOff,
        buyerDirectory,
        createRefund,
        journal,
      }),
  };
}
