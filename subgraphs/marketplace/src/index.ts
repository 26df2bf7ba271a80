import { pathToFileURL } from 'node:url';
import { createCacheFromEnv, type Cache } from '@omnigraph/shared/cache';
import { createCachedReadiness, serveSubgraph, type ReadinessCheck } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { startTracing } from '@omnigraph/shared/tracing';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { createCacheInvalidator, startChangePollers, type OnChange, type PolledChangeSource } from '@omnigraph/shared/freshness';
import { allegroAuthUrlOf, allegroTokenStoreOf, loadMarketplaceConfig, type MarketplaceConfig } from './config.ts';
import { createMarketplaceServer, type MarketplaceServer } from './create-marketplace-server.ts';
import { marketplaceKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createAllegroTokenStore, createMarketplaceClient, type AllegroTokenStore } from './upstream/create-marketplace-client.ts';
import { MARKETPLACE_CACHE_KEY_PREFIX } from './upstream/marketplace-cache-keys.ts';
import { createAllegroOrderEvents } from './upstream/allegro/allegro-order-events.ts';

export { createMarketplaceServer } from './create-marketplace-server.ts';
export type { MarketplaceServer, MarketplaceServerOptions } from './create-marketplace-server.ts';
export { loadMarketplaceConfig, MarketplaceConfigSchema, MARKETPLACE_CONFIG_KEYS } from './config.ts';
export type { MarketplaceConfig } from './config.ts';
export type { AllegroTokenStore } from './upstream/create-marketplace-client.ts';
export type { MarketplaceContext } from './context.ts';
export { MARKETPLACE_CACHE_KEY_PREFIX, marketplaceCacheKeys } from './upstream/marketplace-cache-keys.ts';

export interface MarketplaceBootOptions {
  /** replaces the token store ALLEGRO_TOKEN_STORE names (tests: a Redis store under a random key) */
  tokenStore?: AllegroTokenStore;
  /** how long a /readyz answer is reused. @default 5_000 */
  readinessTtlMs?: number;
}

export interface WiredMarketplace extends MarketplaceServer {
  /** Allegro's order journal as a polled change source, on the adapter's token provider (see startMarketplaceSubgraph) */
  changeSources: PolledChangeSource[];
  /** Allegro's state for /readyz (cached) */
  readiness: ReadinessCheck;
  /** where the Allegro grant lives (ALLEGRO_TOKEN_STORE, or the injected store) */
  tokenStoreKind: AllegroTokenStore['kind'];
  /** the process-wide cache the loaders store in (change events drop entries from it) */
  cache: Cache;
  /** closes what the wiring opened (cache, token store) */
  close(): Promise<void>;
}

/**
 * Wires the whole subgraph from a validated config: HTTP clients, token store, Allegro adapter, cache, server, and
 * the order-events source, which shares the adapter's token provider (Allegro rotates refresh tokens on every refresh,
 * so two providers would retire each other's).
 */
export async function createMarketplaceServerFromConfig(
  config: MarketplaceConfig,
  logger: Logger,
  options: MarketplaceBootOptions = {},
): Promise<WiredMarketplace> {
  const apiHttp = createHttpClient({ baseUrl: config.ALLEGRO_BASE_URL, timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  const authHttp = createHttpClient({ baseUrl: allegroAuthUrlOf(config), timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  const tokenStore =
    options.tokenStore ??
    (await createAllegroTokenStore({
      kind: allegroTokenStoreOf(config),
      redisUrl: config.REDIS_URL,
      filePath: config.ALLEGRO_TOKEN_FILE,
      clientId: config.ALLEGRO_CLIENT_ID,
      // Above the token call's timeout with margin: a lock that expired mid-refresh would let a second replica send
      // the refresh token the first one is rotating.
      lockTtlMs: 2 * config.MARKETPLACE_TIMEOUT_MS + 5_000,
      onRedisError: (error) => logger.warn({ err: error }, 'marketplace token store: Redis connection failure'),
    }));
  // allegro's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['allegro'], config), redisUrl: config.REDIS_URL, logger });
  const client = createMarketplaceClient({
    apiHttp,
    authHttp,
    timeoutMs: config.MARKETPLACE_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('MARKETPLACE', config), logger, budget },
    clientId: config.ALLEGRO_CLIENT_ID,
    clientSecret: config.ALLEGRO_CLIENT_SECRET,
    refreshToken: config.ALLEGRO_REFRESH_TOKEN,
    tokenStore,
    logger,
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: MARKETPLACE_CACHE_KEY_PREFIX,
    // A cache failure is a miss (the request goes upstream); it is logged so an outage shows.
    onError: (error, context) => logger.warn({ err: error, ...context }, 'marketplace cache failure'),
  });
  const served = createMarketplaceServer({
    client,
    cache,
    cacheTtlSeconds: config.MARKETPLACE_CACHE_TTL_SECONDS,
    maxStaleOfferSeconds: config.MARKETPLACE_MAX_STALE_STOCK_SECONDS,
    maxStaleOrderSeconds: config.MARKETPLACE_MAX_STALE_ORDERS_SECONDS,
    maxConcurrentReads: config.MARKETPLACE_MAX_CONCURRENT_READS,
    logger,
  });
  return {
    ...served,
    readiness: createCachedReadiness(client.readiness, { ttlMs: options.readinessTtlMs ?? 5_000 }),
    tokenStoreKind: tokenStore.kind,
    cache,
    changeSources: [createAllegroOrderEvents({ http: apiHttp, tokens: client.tokens })],
    async close() {
      await cache.close();
      await budget.close();
      // an injected store belongs to the caller
      if (options.tokenStore === undefined) await tokenStore.close();
    },
  };
}

export interface StartMarketplaceOptions extends MarketplaceBootOptions {
  /**
   * Observes every Allegro order change (freshness, issue 8), called after the subgraph has dropped the cache entries it
   * makes wrong (the checkout form and its buyer's order list; see `freshness/invalidate-on-change.ts`). Tests watch events here; it never replaces the
   * invalidation.
   */
  onChange?: OnChange;
}

/** Boots the subgraph from a validated config and listens on MARKETPLACE_PORT; resolves to its /graphql URL. */
export async function startMarketplaceSubgraph(
  config: MarketplaceConfig,
  options: StartMarketplaceOptions = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'marketplace' });
  const wired = await createMarketplaceServerFromConfig(config, logger, options);
  // Answers on every path; /graphql is the one the supergraph's routing_url names. Only requests the gateway signed
  // get through, except the unsigned GET /healthz and /readyz probes.
  const served = await serveSubgraph(wired.server, {
    port: config.MARKETPLACE_PORT,
    name: 'marketplace',
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => wired.createContext(),
    readiness: wired.readiness,
  });
  // Order events drop exactly the cached entries they make wrong, then reach the caller's observer.
  const invalidator = createCacheInvalidator({
    cache: wired.cache,
    keysOf: marketplaceKeysOfChange,
    logger,
    upstreamTimeoutMs: config.MARKETPLACE_TIMEOUT_MS,
    observer: options.onChange,
  });
  const freshness = config.MARKETPLACE_FRESHNESS_ENABLED
    ? await startChangePollers({
        sources: wired.changeSources,
        intervalMs: config.MARKETPLACE_FRESHNESS_POLL_INTERVAL_MS,
        redisUrl: config.REDIS_URL,
        keyPrefix: 'marketplace:freshness:',
        cursorFile: config.MARKETPLACE_FRESHNESS_CURSOR_FILE,
        onChange: invalidator.onChange,
        logger,
      })
    : undefined;
  logger.info({ url: served.url, tokenStore: wired.tokenStoreKind }, 'marketplace subgraph ready');
  return {
    url: served.url,
    async stop() {
      await freshness?.stop();
      await served.stop();
      invalidator.stop();
      await wired.close();
    },
  };
}

// `tsx subgraphs/marketplace/src/index.ts`: the only place that reads process.env and listens.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadMarketplaceConfig(process.env);
  startTracing({ role: 'marketplace' });
  // its own JSON line ('marketplace subgraph ready') is the only announcement
  await startMarketplaceSubgraph(config);
}
