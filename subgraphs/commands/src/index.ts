import { createMemoryCache } from '@omnigraph/shared/cache';
import type { ReadinessCheck } from '@omnigraph/shared/graphql-server';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
import {
  createMemoryIdempotencyStore,
  createRedisIdempotencyStore,
  createWriteRunner,
  type IdempotencyStore,
  type WriteRunner,
} from '@omnigraph/shared/writes';
import { loadCommandsConfig, type CommandsConfig } from './config.ts';
import { createCommandsServer, operationsByName } from './create-commands-server.ts';

export { COMMANDS_CONFIG_KEYS, CommandsConfigSchema, loadCommandsConfig } from './config.ts';
export type { CommandsConfig } from './config.ts';
export type { CommandsContext } from './context.ts';
export { createCommandsOperations, createCommandsServer, operationsByName } from './create-commands-server.ts';
export { createSubgraphClient } from '@omnigraph/shared/subgraph-client';

/** The idempotency keyspace in Redis (its own prefix: a Redis with AOF for it, ADR 0011). */
export const COMMANDS_KEY_PREFIX = 'commands:writes:';
/** How long the start waits for the idempotency store's first connection. */
const STORE_CONNECT_WAIT_MS = 5_000;

export interface StartCommandsOptions {
  isDev?: boolean;
  /** a store of the caller's (tests); otherwise Redis when REDIS_URL is set, else memory */
  store?: IdempotencyStore;
}

export function createIdempotencyStoreFromConfig(config: CommandsConfig): IdempotencyStore {
  const ttlSeconds = config.COMMANDS_IDEMPOTENCY_TTL_HOURS * 3_600;
  // Fail closed: with REDIS_URL set, an unreachable Redis refuses writes (WRITES_UNAVAILABLE); never memory instead.
  return config.REDIS_URL
    ? createRedisIdempotencyStore({
        redisUrl: config.REDIS_URL,
        prefix: COMMANDS_KEY_PREFIX,
        ttlSeconds,
        commandTimeoutMs: config.COMMANDS_REDIS_TIMEOUT_MS,
      })
    : createMemoryIdempotencyStore({ ttlSeconds });
}

export function createRunnerFromConfig(config: CommandsConfig, store: IdempotencyStore, logger: Logger): WriteRunner {
  return createWriteRunner({
    store,
    leaseMs: config.COMMANDS_LEASE_MS,
    waitMs: config.COMMANDS_WAIT_MS,
    logger,
  });
}

/** Ready while the idempotency store answers: without it every write would be refused. */
function storeReadiness(runner: WriteRunner): ReadinessCheck {
  return async () => {
    try {
      await runner.get('readyz', 'readyz');
      return { status: 'ready' };
    } catch {
      return { status: 'upstream_unavailable', detail: 'idempotency_store' };
    }
  };
}

/**
 * Boots the subgraph from a validated config: the idempotency store and runner, the server listening on
 * COMMANDS_HOST:COMMANDS_PORT at /graphql, and the recovery loop that completes writes whose answer was lost.
 */
export async function startCommandsSubgraph(config: CommandsConfig, options: StartCommandsOptions = {}): Promise<RunningSubgraph> {
  const logger = createLogger({ name: 'commands' });
  const store = options.store ?? createIdempotencyStoreFromConfig(config);
  // Listen once the store answers: a replica taking traffic before its Redis connection is up would refuse every write
  // of its first moments (fail closed). A Redis still away after the wait is reported; writes wait for it, reads don't.
  if (store.whenReady !== undefined && !(await store.whenReady(STORE_CONNECT_WAIT_MS))) {
    logger.warn({ waitedMs: STORE_CONNECT_WAIT_MS }, 'idempotency store (Redis) not reachable at start: writes are refused until it is');
  }
  const runner = createRunnerFromConfig(config, store, logger);
  const { server, operations, createContext } = createCommandsServer({
    runner,
    urls: { erp: config.ERP_URL, eshop: config.ESHOP_URL, crm: config.CRM_URL, marketplace: config.MARKETPLACE_URL },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    stepTimeoutMs: config.COMMANDS_STEP_TIMEOUT_MS,
    returnWindowDays: config.COMMANDS_RETURN_WINDOW_DAYS,
    isDev: options.isDev ?? false,
    logger,
  });
  // The subgraph caches nothing; the kit's freshness wiring gets an empty memory cache and no change source.
  const cache = createMemoryCache({ maxEntries: 1 });
  let recovery: { stop(): Promise<void> } | undefined;
  const stopRecovery = async (): Promise<void> => {
    const running = recovery;
    recovery = undefined;
    await running?.stop();
  };
  const running = await bootSubgraph({
    role: 'COMMANDS',
    logger,
    listen: { host: config.COMMANDS_HOST, port: config.COMMANDS_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server,
    createContext: async (identity) => createContext(identity),
    readiness: storeReadiness(runner),
    freshness: { cache, keysOf: () => [], upstreamTimeoutMs: config.COMMANDS_STEP_TIMEOUT_MS },
    // closed after the server: in-flight writes use the store until they end (the recovery loop is stopped first, below)
    resources: [store],
  });
  recovery = runner.startRecovery(operationsByName(operations), config.COMMANDS_RECOVERY_INTERVAL_MS);
  return {
    url: running.url,
    // A draining replica stops taking over PENDING writes: the replicas that stay complete them.
    drain: async (drainOptions) => {
      const result = await running.drain(drainOptions);
      await stopRecovery();
      return result;
    },
    stop: async () => {
      await stopRecovery();
      await running.stop();
    },
  };
}

// Run only when executed directly (`node subgraphs/commands/src/index.ts`), not when imported by the gateway or tests.
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'commands',
    load: loadCommandsConfig,
    settings: (config) => serviceSettingsOf('COMMANDS', config),
    start: async (config, { logger, register }) => {
      const running = await startCommandsSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' });
      register({ name: 'commands', drain: running.drain, close: running.stop });
      logger.info({ url: running.url }, `commands subgraph ready at ${running.url}`);
    },
  });
}
