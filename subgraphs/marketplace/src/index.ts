import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { allegroAuthUrlOf, loadMarketplaceConfig, type MarketplaceConfig } from './config.ts';
import { createMarketplaceServer, type MarketplaceServer } from './create-marketplace-server.ts';
import { createMarketplaceClient } from './upstream/create-marketplace-client.ts';
import { MARKETPLACE_CACHE_KEY_PREFIX } from './upstream/marketplace-loaders.ts';

export { createMarketplaceServer } from './create-marketplace-server.ts';
export type { MarketplaceServer, MarketplaceServerOptions } from './create-marketplace-server.ts';
export { loadMarketplaceConfig, MarketplaceConfigSchema, MARKETPLACE_CONFIG_KEYS } from './config.ts';
export type { MarketplaceConfig } from './config.ts';
export type { MarketplaceContext } from './context.ts';

/** Wires the whole subgraph from a validated config: HTTP clients, Allegro adapter, cache, server. */
export async function createMarketplaceServerFromConfig(config: MarketplaceConfig, logger: Logger): Promise<MarketplaceServer> {
  const apiHttp = createHttpClient({ baseUrl: config.ALLEGRO_BASE_URL, timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  const authHttp = createHttpClient({ baseUrl: allegroAuthUrlOf(config), timeoutMs: config.MARKETPLACE_TIMEOUT_MS });
  const client = createMarketplaceClient({
    apiHttp,
    authHttp,
    timeoutMs: config.MARKETPLACE_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('MARKETPLACE', config), logger },
    clientId: config.ALLEGRO_CLIENT_ID,
    clientSecret: config.ALLEGRO_CLIENT_SECRET,
    refreshToken: config.ALLEGRO_REFRESH_TOKEN,
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: MARKETPLACE_CACHE_KEY_PREFIX,
    // A cache failure is a miss (the request goes upstream); it is logged so an outage shows.
    onError: (error, context) => logger.warn({ err: error, ...context }, 'marketplace cache failure'),
  });
  return createMarketplaceServer({
    client,
    cache,
    cacheTtlSeconds: config.MARKETPLACE_CACHE_TTL_SECONDS,
    maxConcurrentReads: config.MARKETPLACE_MAX_CONCURRENT_READS,
    logger,
  });
}

/** Boots the subgraph from a validated config and listens on MARKETPLACE_PORT; resolves to its /graphql URL. */
export async function startMarketplaceSubgraph(config: MarketplaceConfig): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'marketplace' });
  const { server, createContext } = await createMarketplaceServerFromConfig(config, logger);
  // Answers on every path; /graphql is the one the supergraph's routing_url names. Only requests the gateway signed
  // get through.
  const served = await serveSubgraph(server, {
    port: config.MARKETPLACE_PORT,
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createContext(),
  });
  logger.info({ url: served.url }, 'marketplace subgraph ready');
  return { url: served.url, stop: () => served.stop() };
}

// `tsx subgraphs/marketplace/src/index.ts`: the only place that reads process.env and listens.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startMarketplaceSubgraph(loadMarketplaceConfig(process.env));
  process.stdout.write(`marketplace subgraph listening on ${url}\n`);
}
