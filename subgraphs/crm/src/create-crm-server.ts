/**
 * Builds the crm subgraph: schema from `schema/crm.graphql` (the contract), typed resolvers, error masking.
 * No listening here (see `index.ts`), so tests drive it with `server.executeOperation`.
 */
import { sourcesExtensionPlugin } from '@omnigraph/shared/sources';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createSubgraphErrorFormatter, type ErrorLogger } from '@omnigraph/shared/errors';
import { createSingleFlight, type Cache } from '@omnigraph/shared/cache';
import { allowFrozenEntities, guardCustomerBinding, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { crmCustomerBindingPolicy } from './customer-binding.ts';
import { createCrmContext, type CreateCrmContextOptions, type CrmContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import type { CrmClient } from './upstream/crm-client.ts';

export const CRM_SCHEMA_PATH = new URL('../../../schema/crm.graphql', import.meta.url);

export interface CreateCrmServerOptions extends Omit<CreateCrmContextOptions, 'singleFlight'> {
  client: CrmClient;
  cache?: Cache | undefined;
  /** @default 60 */
  cacheTtlSeconds?: number | undefined;
  /** adds stack traces to errors; local development only. @default false */
  isDev?: boolean | undefined;
  /** receives the causes of upstream and unexpected errors */
  logger?: ErrorLogger | undefined;
}

export interface CrmServer {
  server: ApolloServer<CrmContext>;
  /** a fresh context (new loaders) for one request */
  createContext(): CrmContext;
}

export function createCrmServer({ isDev = false, logger, ...contextOptions }: CreateCrmServerOptions): CrmServer {
  const typeDefs = parse(readFileSync(CRM_SCHEMA_PATH, 'utf8'));
  const server = new ApolloServer<CrmContext>({
    // the service kit owns SIGTERM/SIGINT (drain first); Apollo's own handlers would stop it mid-drain
    stopOnTerminationSignals: false,
    // the generated Resolvers type is stricter than buildSubgraphSchema's GraphQLResolverMap; the shapes agree
    // customer-bound callers (ADR 0009) reach only their own customer, row by row
    schema: guardCustomerBinding(allowFrozenEntities(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never })), crmCustomerBindingPolicy),
    // no inline traces, no cache-control computation: neither is used, and either costs a hook per resolved field
    plugins: [...leanSubgraphPlugins(), sourcesExtensionPlugin()],
    formatError: createSubgraphErrorFormatter({ includeStack: isDev, logger }),
  });
  // One per server, i.e. per process: identical look-ups of concurrent requests share one HubSpot search.
  const singleFlight = createSingleFlight();
  return { server, createContext: () => createCrmContext({ ...contextOptions, singleFlight, logger }) };
}
