import { sourcesExtensionPlugin } from '@omnigraph/shared/sources';
import { createHandOff, createSingleFlight } from '@omnigraph/shared/cache';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { allowFrozenEntities, guardCustomerBinding, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { eshopCustomerBindingPolicy } from './customer-binding.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse } from 'graphql';
import { createSubgraphErrorFormatter } from '@omnigraph/shared/errors';
import { createEshopContext, type EshopContext, type EshopContextDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The contract: `schema/eshop.graphql` at the repository root (copied next to the code in an image). */
const SCHEMA_URL = new URL('../../../schema/eshop.graphql', import.meta.url);

export interface EshopServerOptions extends Omit<EshopContextDeps, 'singleFlight' | 'handOff'> {
  /** add stack traces to errors sent to clients (local development only). @default false */
  isDev?: boolean;
}

export interface EshopServer {
  server: ApolloServer<EshopContext>;
  /** per-request context factory: pass it to the HTTP integration (or to `executeOperation`) */
  createContext(): EshopContext;
}

/** Builds the subgraph (schema + resolvers + error masking) without listening, so tests run it in-process. */
export function createEshopServer(options: EshopServerOptions): EshopServer {
  const typeDefs = parse(readFileSync(SCHEMA_URL, 'utf8'));
  const schema = allowFrozenEntities(
    buildSubgraphSchema({
      typeDefs,
      // The generated Resolvers type is stricter than buildSubgraphSchema's resolver map; the shapes are the same.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
  );
  // customer-bound callers (ADR 0009) reach only their own orders, row by row
  guardCustomerBinding(schema, eshopCustomerBindingPolicy);
  const server = new ApolloServer<EshopContext>({
    // the service kit owns SIGTERM/SIGINT (drain first); Apollo's own handlers would stop it mid-drain
    stopOnTerminationSignals: false,
    schema,
    // no inline traces, no cache-control computation: neither is used, and either costs a hook per resolved field
    plugins: [...leanSubgraphPlugins(), sourcesExtensionPlugin()],
    formatError: createSubgraphErrorFormatter({ includeStack: options.isDev ?? false, logger: options.logger }),
  });
  // One per server, i.e. per process: concurrent requests missing the same key share one WooCommerce call.
  const singleFlight = createSingleFlight();
  const handOff = createHandOff();
  return { server, createContext: () => createEshopContext({ ...options, singleFlight, handOff }) };
}
