import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { startChangePollers, type OnChange, type PolledChangeSource } from '@omnigraph/shared/freshness';
import { allegroAuthUrlOf, loadMarketplaceConfig, type MarketplaceConfig } from './config.ts';
import { createMarketplaceServer, type MarketplaceServer } from './create-marketplace-server.ts';
import { createMarketplaceClient } from './upstream/create-marketplace-client.ts';
import { createAllegroOrderEvents } from './upstream/allegro/allegro-order-events.ts';
import { createAllegroTokenProvider } from './upstream/allegro/allegro-token-provider.ts';
import { MARKETPLACE_CACHE_KEY_PREFIX } from './upstream/marketplace-loaders.ts';

export { createMarketplaceServer } from './create-marketplace-server.ts';
export type { MarketplaceServer, MarketplaceServerOptions } from './create-marketplace-server.ts';
export { loadMarketplaceConfig, MarketplaceConfigSchema, MARKETPLACE_CONFIG_KEYS } from './config.ts';
export type { MarketplaceConfig } from './config.ts';
export type { MarketplaceContext } from './context.ts';

export interface MarketplaceServerFromConfig extends MarketplaceServer {
  /** Allegro's order journal as a polled change source, on the adapter's tokens (see startMarketplaceSubgraph) */
  changeSources: PolledChangeSource[];
}

/** Wires the whole subgraph from a validated config: HTTP clients, Allegro adapter, cache, server. */
export async function createMarketplaceServerFromConfig(config: MarketplaceConfig, logger: Logger): Promise<MarketplaceServerFromConfig> {
  const apiHttp = createHttpClient({ baseUrl: config.ALLEGRO_BASE_URL, timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  const authHttp = createHttpClient({ baseUrl: allegroAuthUrlOf(config), timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  // One token provider for the adapter and the journal poller: Allegro rotates refresh tokens on every refresh.
  const tokens = createAllegroTokenProvider({
    http: authHttp,
    clientId: config.ALLEGRO_CLIENT_ID,
    clientSecret: config.ALLEGRO_CLIENT_SECRET,
    refreshToken: config.ALLEGRO_REFRESH_TOKEN,
  });
  const client = createMarketplaceClient({
    apiHttp,
    authHttp,
    clientId: config.ALLEGRO_CLIENT_ID,
    clientSecret: config.ALLEGRO_CLIENT_SECRET,
    refreshToken: config.ALLEGRO_REFRESH_TOKEN,
    tokens,
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: MARKETPLACE_CACHE_KEY_PREFIX,
    // A cache failure is a miss (the request goes upstream); it is logged so an outage shows.
    onError: (error, context) => logger.warn({ err: error, ...context }, 'marketplace cache failure'),
  });
  const server = createMarketplaceServer({
    client,
    cache,
    cacheTtlSeconds: config.MARKETPLACE_CACHE_TTL_SECONDS,
    maxConcurrentReads: config.MARKETPLACE_MAX_CONCURRENT_READS,
    logger,
  });
  return { ...server, changeSources: [createAllegroOrderEvents({ http: apiHttp, tokens })] };
}

export interface StartMarketplaceOptions {
  /**
   * Receives every Allegro order change (freshness, issue 8). WIRING POINT: drop the order's cache entries here
   * (checkout-form id → its cache key; refs.buyerLogins → the buyer's order lists). @default logs the event (debug)
   */
  onChange?: OnChange;
}

/** Boots the subgraph from a validated config and listens on MARKETPLACE_PORT; resolves to its /graphql URL. */
export async function startMarketplaceSubgraph(
  config: MarketplaceConfig,
  options: StartMarketplaceOptions = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'marketplace' });
  const { server, createContext, changeSources } = await createMarketplaceServerFromConfig(config, logger);
  // Answers on every path; /graphql is the one the supergraph's routing_url names. Only requests the gateway signed
  // get through.
  const served = await serveSubgraph(server, {
    port: config.MARKETPLACE_PORT,
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createContext(),
  });
  const freshness = config.MARKETPLACE_FRESHNESS_ENABLED
    ? await startChangePollers({
        sources: changeSources,
        intervalMs: config.MARKETPLACE_FRESHNESS_POLL_INTERVAL_MS,
        redisUrl: config.REDIS_URL,
        keyPrefix: 'marketplace:freshness:',
        cursorFile: config.MARKETPLACE_FRESHNESS_CURSOR_FILE,
        onChange: options.onChange ?? ((event) => logger.debug({ event }, 'upstream change')),
        logger,
      })
    : undefined;
  logger.info({ url: served.url }, 'marketplace subgraph ready');
  return {
    url: served.url,
    stop: async () => {
      await freshness?.stop();
      await served.stop();
    },
  };
}

// `tsx subgraphs/marketplace/src/index.ts`: the only place that reads process.env and listens.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startMarketplaceSubgraph(loadMarketplaceConfig(process.env));
  process.stdout.write(`marketplace subgraph listening on ${url}\n`);
}
