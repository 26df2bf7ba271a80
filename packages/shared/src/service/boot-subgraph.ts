import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Cache } from '../cache/index.ts';
import {
  createCacheInvalidator,
  createChangePublisher,
  startChangePollers,
  type KeysOfChange,
  type OnChange,
  type PolledChangeSource,
} from '../freshness/index.ts';
import type { WebhookRoute } from '../freshness/webhook-route.ts';
import type { ReadinessCheck } from '../graphql-server/readiness.ts';
import { serveSubgraph } from '../graphql-server/serve-subgraph.ts';
import type { RequestIdentity } from '../identity/index.ts';
import type { Logger } from '../logging/index.ts';
import type { RequestScope } from '../sources/index.ts';
import type { DrainOptions, DrainResult } from './drain.ts';

/** Something a subgraph opened and must close on stop (cache, upstream budget, token store …). */
export interface Closeable {
  close(): Promise<void> | void;
}

/** What one subgraph brings to the boot kit: its own parts only; listening, drain, health and freshness are shared. */
export interface SubgraphParts<TContext extends BaseContext> {
  /** the env prefix, e.g. `ERP` (names the variables in listen errors) */
  role: string;
  logger: Logger;
  listen: { host: string; port: number };
  /** OMNIGRAPH_SUBGRAPH_SECRET */
  secret: string;
  server: ApolloServer<TContext>;
  createContext: (identity: RequestIdentity, scope: RequestScope) => Promise<TContext>;
  /** the upstream's state for /readyz (cached: see createCachedReadiness) */
  readiness: ReadinessCheck;
  /** change events drop the cache entries they make wrong (freshness) */
  freshness: {
    cache: Cache;
    keysOf: KeysOfChange;
    upstreamTimeoutMs: number;
    /** observes every change after its entries are dropped (tests) */
    observer?: OnChange | undefined;
    /**
     * REDIS_URL: catalogue, stock and order changes are published (after this subgraph's entries are gone) for the
     * gateway's response cache (ADR 0015); unset, only this process's observers hear of them
     */
    publishTo?: string | undefined;
    /** upstream webhook receivers, given the subgraph's onChange */
    webhooks?: (onChange: OnChange) => readonly WebhookRoute[];
    /** polled change sources; undefined when polling is off */
    polling?:
      | {
          sources: readonly PolledChangeSource[];
          intervalMs: number;
          redisUrl: string | undefined;
          keyPrefix: string;
          cursorFile: string | undefined;
        }
      | undefined;
  };
  /** what the wiring opened, closed in reverse order after the server stopped (the cache last if listed first) */
  resources: readonly Closeable[];
}

export interface RunningSubgraph {
  /** e.g. http://127.0.0.1:4001/graphql */
  url: string;
  /** graceful: `/readyz` 503 at once, in-flight requests finish within the grace (the process main calls it) */
  drain(options: DrainOptions): Promise<DrainResult>;
  /**
   * Stops polling, cuts what is still in flight (call drain() first for a graceful stop), stops the server and closes
   * every resource. Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * The one way every subgraph starts: serve the gateway-signed GraphQL endpoint with /healthz and /readyz, wire the
 * cache invalidator to webhooks and polled change sources, and close everything in order on stop. No signal handler,
 * no exit: mains wrap it in runService, tests and `npm start` call stop().
 */
export async function bootSubgraph<TContext extends BaseContext>(parts: SubgraphParts<TContext>): Promise<RunningSubgraph> {
  const { logger, freshness } = parts;
  const publisher =
    freshness.publishTo === undefined
      ? undefined
      : createChangePublisher({
          redisUrl: freshness.publishTo,
          onError: (error) => logger.warn({ err: error }, 'change events channel: publish failed; the gateway keeps cached answers until their TTL'),
        });
  // closed in reverse: the publisher last, after whatever could still report a change
  const resources = publisher === undefined ? parts.resources : [publisher, ...parts.resources];
  const closeResources = async (): Promise<void> => {
    for (const resource of [...resources].reverse()) {
      try {
        await resource.close();
      } catch (error) {
        logger.warn({ err: error }, 'closing a subgraph resource failed');
      }
    }
  };
  const observer: OnChange | undefined =
    publisher === undefined
      ? freshness.observer
      : async (event) => {
          await publisher.publish(event);
          await freshness.observer?.(event);
        };
  const invalidator = createCacheInvalidator({
    cache: freshness.cache,
    keysOf: freshness.keysOf,
    logger,
    upstreamTimeoutMs: freshness.upstreamTimeoutMs,
    observer,
  });
  let served;
  try {
    served = await serveSubgraph(parts.server, {
      role: parts.role,
      name: parts.role.toLowerCase(),
      host: parts.listen.host,
      port: parts.listen.port,
      secret: parts.secret,
      logger,
      createContext: parts.createContext,
      readiness: parts.readiness,
      webhooks: freshness.webhooks?.(invalidator.onChange) ?? [],
    });
  } catch (error) {
    invalidator.stop();
    await closeResources();
    throw error;
  }
  let pollers;
  try {
    pollers =
      freshness.polling === undefined ? undefined : await startChangePollers({ ...freshness.polling, onChange: invalidator.onChange, logger });
  } catch (error) {
    await served.stop();
    invalidator.stop();
    await closeResources();
    throw error;
  }
  let pollersStopped: Promise<void> | undefined;
  const stopPollers = (): Promise<void> => (pollersStopped ??= pollers?.stop() ?? Promise.resolve());
  let stopped: Promise<void> | undefined;
  return {
    url: served.url,
    // A draining replica stops polling too: the single-runner lock passes to a replica that stays.
    drain: async (options) => {
      const result = await served.drain(options);
      await stopPollers();
      return result;
    },
    stop() {
      stopped ??= (async () => {
        await stopPollers();
        await served.stop();
        invalidator.stop();
        await closeResources();
      })();
      return stopped;
    },
  };
}
