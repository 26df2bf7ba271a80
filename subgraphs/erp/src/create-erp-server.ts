import { sourcesExtensionPlugin } from '@omnigraph/shared/sources';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { allowFrozenEntities, guardCustomerBinding, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { erpCustomerBindingPolicy } from './customer-binding.ts';
import { parse } from 'graphql';
import { createSubgraphErrorFormatter, type ErrorLogger } from '@omnigraph/shared/errors';
import type { ErpContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The contract: schema/erp.graphql at the repository root (copied next to the app in an image). */
export const ERP_SCHEMA_URL = new URL('../../../schema/erp.graphql', import.meta.url);

export interface CreateErpServerOptions {
  /** include error details for developers (never in production) */
  isDev?: boolean;
  /** receives the causes of upstream and unexpected errors */
  logger?: ErrorLogger;
}

/** The `erp` subgraph as an ApolloServer; no listening here (index.ts does that, tests call executeOperation). */
export function createErpServer(options: CreateErpServerOptions = {}): ApolloServer<ErpContext> {
  const typeDefs = parse(readFileSync(ERP_SCHEMA_URL, 'utf8'));
  return new ApolloServer<ErpContext>({
    // the service kit owns SIGTERM/SIGINT (drain first); Apollo's own handlers would stop it mid-drain
    stopOnTerminationSignals: false,
    // customer-bound callers (ADR 0009) reach only their own ERP partner, row by row
    schema: guardCustomerBinding(allowFrozenEntities(buildSubgraphSchema({ typeDefs, resolvers })), erpCustomerBindingPolicy),
    // no inline traces, no cache-control computation: neither is used, and either costs a hook per resolved field
    plugins: [...leanSubgraphPlugins(), sourcesExtensionPlugin()],
    formatError: createSubgraphErrorFormatter({ includeStack: options.isDev ?? false, logger: options.logger }),
  });
}
