import { createCacheFromEnv, type Cache } from '@omnigraph/shared/cache';
import { createCachedReadiness, type ReadinessCheck } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import type { OnChange, PolledChangeSource } from '@omnigraph/shared/freshness';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
import { allegroAuthUrlOf, allegroTokenStoreOf, loadMarketplaceConfig, type MarketplaceConfig } from './config.ts';
import { createMarketplaceServer, type MarketplaceServer } from './create-marketplace-server.ts';
import { marketplaceKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createAllegroTokenStore, createMarketplaceClient, type AllegroTokenStore } from './upstream/create-marketplace-client.ts';
import { MARKETPLACE_CACHE_KEY_PREFIX } from './upstream/marketplace-cache-keys.ts';
import { createAllegroOfferEvents } from './upstream/allegro/allegro-offer-events.ts';
import { createAllegroOrderEvents } from './upstream/allegro/allegro-order-events.ts';
import { createBuyerDirectoryRefresher, type BuyerDirectoryRefresher } from './lookup/buyer-directory.ts';

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
  /** fills the phone → buyer directory: a start-up backfill, then one page after order events */
  directoryRefresher: BuyerDirectoryRefresher;
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
    offerCacheTtlSeconds: config.MARKETPLACE_OFFER_CACHE_TTL_SECONDS,
    maxStaleOfferSeconds: config.MARKETPLACE_MAX_STALE_STOCK_SECONDS,
    maxStaleOrderSeconds: config.MARKETPLACE_MAX_STALE_ORDERS_SECONDS,
    maxConcurrentReads: config.MARKETPLACE_MAX_CONCURRENT_READS,
    buyerDirectoryTtlSeconds: config.MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS,
    logger,
  });
  const directoryRefresher = createBuyerDirectoryRefresher({ client, directory: served.buyerDirectory, logger });
  return {
    ...served,
    directoryRefresher,
    readiness: createCachedReadiness(client.readiness, { ttlMs: options.readinessTtlMs ?? 5_000 }),
    tokenStoreKind: tokenStore.kind,
    cache,
    changeSources: [
      createAllegroOrderEvents({ http: apiHttp, tokens: client.tokens, journal: served.journal }),
      createAllegroOfferEvents({ http: apiHttp, tokens: client.tokens }),
    ],
    async close() {
      await directoryRefresher.idle();
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

/**
 * Boots the subgraph from a validated config and listens on MARKETPLACE_HOST:MARKETPLACE_PORT; resolves to its
 * /graphql URL. Installs no signal handler and never exits; the process main below wraps it in runService.
 */
export async function startMarketplaceSubgraph(config: MarketplaceConfig, options: StartMarketplaceOptions = {}): Promise<RunningSubgraph> {
  const logger = createLogger({ name: 'marketplace' });
  const wired = await createMarketplaceServerFromConfig(config, logger, options);
  const running = await bootSubgraph({
    role: 'MARKETPLACE',
    logger,
    listen: { host: config.MARKETPLACE_HOST, port: config.MARKETPLACE_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server: wired.server,
    createContext: async () => wired.createContext(),
    readiness: wired.readiness,
    // Order events drop exactly the cached entries they make wrong, then reach the caller's observer.
    freshness: {
      cache: wired.cache,
      keysOf: marketplaceKeysOfChange,
      upstreamTimeoutMs: config.MARKETPLACE_TIMEOUT_MS,
      publishTo: config.REDIS_URL,
      observer: async (event) => {
        // a new or changed form may carry a buyer's phone the directory does not know yet
        if (event.system === 'allegro' && event.kind === 'order') wired.directoryRefresher.onOrderEvent();
        await options.onChange?.(event);
      },
      polling: config.MARKETPLACE_FRESHNESS_ENABLED
        ? {
            sources: wired.changeSources,
            intervalMs: config.MARKETPLACE_FRESHNESS_POLL_INTERVAL_MS,
            redisUrl: config.REDIS_URL,
            keyPrefix: 'marketplace:freshness:',
            cursorFile: config.MARKETPLACE_FRESHNESS_CURSOR_FILE,
          }
        : undefined,
    },
    // the cache, the budget and the token store the wiring opened
    resources: [wired],
  });
  // The directory's start-up fill, waited for up to one upstream timeout so that a healthy Allegro's newest buyers are
  // findable by phone as soon as the subgraph is up; a slow Allegro does not hold the start: the fill goes on, and a
  // phone lookup arriving meanwhile waits for it (one upstream timeout at most).
  const backfill = wired.directoryRefresher.backfill(config.MARKETPLACE_BUYER_DIRECTORY_BACKFILL_PAGES, config.MARKETPLACE_TIMEOUT_MS);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([backfill, new Promise<void>((resolve) => (timer = setTimeout(resolve, config.MARKETPLACE_TIMEOUT_MS).unref()))]);
  clearTimeout(timer);
  logger.info({ url: running.url, tokenStore: wired.tokenStoreKind }, 'marketplace subgraph ready');
  return running;
}

// `node subgraphs/marketplace/src/index.ts`: the only place that reads process.env and listens.
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'marketplace',
    load: loadMarketplaceConfig,
    settings: (config) => serviceSettingsOf('MARKETPLACE', config),
    start: async (config, { register }) => {
      const running = await startMarketplaceSubgraph(config);
      register({ name: 'marketplace', drain: running.drain, close: running.stop });
    },
  });
}
