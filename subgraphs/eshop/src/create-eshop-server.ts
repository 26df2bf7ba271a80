import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse } from 'graphql';
import { maskError } from '@omnigraph/shared/errors';
import { createEshopContext, type EshopContext, type EshopContextDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The contract: `schema/eshop.graphql` at the repository root (copied next to the code in an image). */
const SCHEMA_URL = new URL('../../../schema/eshop.graphql', import.meta.url);

export interface EshopServerOptions extends EshopContextDeps {
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
  const schema = buildSubgraphSchema({
    typeDefs,
    // The generated Resolvers type is stricter than buildSubgraphSchema's resolver map; the shapes are the same.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  const server = new ApolloServer<EshopContext>({
    schema,
    // Federated traces only feed Apollo Studio, which Omnigraph does not use; off, so no start-up notice and no cost.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, error) => {
      // What a resolver threw (an UpstreamError, or a bug), not graphql-js's located wrapper around it. Unwrapped
      // with Apollo's own helper, so the check holds even if graphql's ESM and CJS builds are both loaded (Apollo
      // builds the wrapper with the copy it imports).
      const thrown = unwrapResolverError(error);
      // The client sees a fixed, masked message; the operator needs the cause, which UpstreamError keeps off-wire.
      // Logged under `err` so the logger's serializer strips an axios cause's config (credential headers).
      const cause = (thrown as { cause?: unknown } | null)?.cause;
      options.logger?.warn({ err: cause instanceof Error ? cause : thrown, path: formatted.path }, formatted.message);
      return maskError(formatted, thrown, { includeStack: options.isDev ?? false });
    },
  });
  return { server, createContext: () => createEshopContext(options) };
}
