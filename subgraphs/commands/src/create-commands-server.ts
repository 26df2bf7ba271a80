/**
 * Builds the commands subgraph: schema from `schema/commands.graphql` (the contract), the three write operations over
 * a subgraph client, error masking. No listening here (see `index.ts`), so tests drive it with `executeOperation`.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { allowFrozenEntities, leanSubgraphPlugins } from '@omnigraph/shared/graphql-server';
import { parse } from 'graphql';
import { createSubgraphErrorFormatter, type ErrorLogger } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { WriteOperation, WriteRunner } from '@omnigraph/shared/writes';
import { createSubgraphClient } from '@omnigraph/shared/subgraph-client';
import type { CommandsContext, CommandsOperations, CommandsSubgraphClient as SubgraphClient, SubgraphUrls } from './context.ts';
import { createGraphReads } from './graph-reads.ts';
import { addCustomerNoteOperation } from './operations/add-customer-note.ts';
import { placeOrderOperation } from './operations/place-order.ts';
import { registerReturnOperation } from './operations/register-return.ts';
import { resolvers } from './resolvers/index.ts';
import { createStepCalls } from './step-calls.ts';

export const COMMANDS_SCHEMA_PATH = new URL('../../../schema/commands.graphql', import.meta.url);

export interface CreateCommandsOperationsOptions {
  client: SubgraphClient;
  /** COMMANDS_RETURN_WINDOW_DAYS */
  returnWindowDays: number;
  now?: () => number;
}

export function createCommandsOperations(options: CreateCommandsOperationsOptions): CommandsOperations {
  const reads = createGraphReads(options.client);
  const steps = createStepCalls(options.client);
  return {
    placeOrder: placeOrderOperation(reads, steps),
    registerReturn: registerReturnOperation(reads, steps, { windowDays: options.returnWindowDays, ...(options.now ? { now: options.now } : {}) }),
    addCustomerNote: addCustomerNoteOperation(reads, steps),
  };
}

/** By name, as the recovery path finds a record's operation. */
export function operationsByName(operations: CommandsOperations): ReadonlyMap<string, WriteOperation<unknown, unknown, unknown>> {
  return new Map(Object.values(operations).map((operation) => [operation.name, operation as WriteOperation<unknown, unknown, unknown>]));
}

export interface CreateCommandsServerOptions {
  runner: WriteRunner;
  urls: SubgraphUrls;
  /** OMNIGRAPH_SUBGRAPH_SECRET: signs the calls to the other subgraphs */
  secret: string;
  /** COMMANDS_STEP_TIMEOUT_MS */
  stepTimeoutMs: number;
  /** COMMANDS_RETURN_WINDOW_DAYS */
  returnWindowDays: number;
  isDev?: boolean | undefined;
  logger?: ErrorLogger | undefined;
  now?: () => number;
}

export interface CommandsServer {
  server: ApolloServer<CommandsContext>;
  operations: CommandsOperations;
  createContext(identity: RequestIdentity): CommandsContext;
}

export function createCommandsServer({ isDev = false, logger, runner, ...options }: CreateCommandsServerOptions): CommandsServer {
  const typeDefs = parse(readFileSync(COMMANDS_SCHEMA_PATH, 'utf8'));
  const client = createSubgraphClient({
    urls: options.urls,
    secret: options.secret,
    timeoutMs: options.stepTimeoutMs,
    // every read of the orchestrator decides a write: no subgraph answers it from a cache
    freshReads: true,
  });
  const operations = createCommandsOperations({ client, returnWindowDays: options.returnWindowDays, ...(options.now ? { now: options.now } : {}) });
  const server = new ApolloServer<CommandsContext>({
    // the service kit owns SIGTERM/SIGINT (drain first)
    stopOnTerminationSignals: false,
    // the generated Resolvers type is stricter than buildSubgraphSchema's GraphQLResolverMap; the shapes agree
    schema: allowFrozenEntities(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never })),
    plugins: leanSubgraphPlugins(),
    formatError: createSubgraphErrorFormatter({ includeStack: isDev, logger }),
  });
  return { server, operations, createContext: (identity) => ({ identity, runner, operations }) };
}
