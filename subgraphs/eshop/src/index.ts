/**
 * @omnigraph/subgraph-eshop: the e-shop (WooCommerce) subgraph. Importing this module builds nothing; running it
 * (`tsx subgraphs/eshop/src/index.ts`) loads config from the environment and listens on ESHOP_PORT at `/graphql`.
 */
import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck, serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createCacheInvalidator, type OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { startTracing } from '@omnigraph/shared/tracing';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadEshopConfig, type EshopConfig } from './config.ts';
import { createEshopServer } from './create-eshop-server.ts';
import { eshopKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createEshopClient } from './upstream/create-eshop-client.ts';
import { ESHOP_CACHE_KEY_PREFIX } from './upstream/eshop-cache-keys.ts';
import { createWooCommerceWebhookRoute } from './upstream/woocommerce/woocommerce-webhook.ts';

export { ESHOP_CONFIG_KEYS, EshopConfigSchema, loadEshopConfig, type EshopConfig } from './config.ts';
export { createEshopServer, type EshopServer, type EshopServerOptions } from './create-eshop-server.ts';
export { createEshopContext, type EshopContext } from './context.ts';
export { ESHOP_CACHE_KEY_PREFIX, eshopCacheKeys } from './upstream/eshop-cache-keys.ts';
export { createEshopClient } from './upstream/create-eshop-client.ts';
export type { EshopClient } from './upstream/eshop-client.ts';
export { registerWooCommerceWebhooks, WOOCOMMERCE_WEBHOOK_TOPICS } from './upstream/woocommerce/register-woocommerce-webhooks.ts';
export { WOOCOMMERCE_WEBHOOK_PATH } from './upstream/woocommerce/woocommerce-webhook.ts';

export interface StartEshopOptions {
  /**
   * Observes every verified WooCommerce webhook change (freshness, issue 8), called after the subgraph has dropped the cache entries it
   * makes wrong (the order and its lists, or the listings of `refs.skus`; see `freshness/invalidate-on-change.ts`). Tests watch events here; it never replaces the
   * invalidation.
   */
  onChange?: OnChange;
}

/** Boots the subgraph from a validated config; resolves to the URL it listens on. */
export async function startEshopSubgraph(config: EshopConfig, options: StartEshopOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'eshop' });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: ESHOP_CACHE_KEY_PREFIX,
    onError: (error, context) => logger.warn({ err: error, ...context }, 'cache failure; reading upstream'),
  });
  // woocommerce's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['woocommerce'], config), redisUrl: config.REDIS_URL, logger });
  const client = createEshopClient({
    baseUrl: config.WOOCOMMERCE_BASE_URL,
    consumerKey: config.WOOCOMMERCE_CONSUMER_KEY,
    consumerSecret: config.WOOCOMMERCE_CONSUMER_SECRET,
    timeoutMs: config.ESHOP_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('ESHOP', config), logger, budget },
    currency: config.WOOCOMMERCE_CURRENCY,
  });
  const { server, createContext } = createEshopServer({
    client,
    cache,
    cacheTtlSeconds: config.ESHOP_CACHE_TTL_SECONDS,
    maxStaleListingSeconds: config.ESHOP_MAX_STALE_STOCK_SECONDS,
    maxStaleOrderSeconds: config.ESHOP_MAX_STALE_ORDERS_SECONDS,
    logger,
    isDev: process.env['NODE_ENV'] === 'development',
  });
  // Verified webhooks drop exactly the cached entries they make wrong, then reach the caller's observer.
  const invalidator = createCacheInvalidator({ cache, keysOf: eshopKeysOfChange, logger, upstreamTimeoutMs: config.ESHOP_TIMEOUT_MS, observer: options.onChange });
  // only requests the gateway signed get through
  const served = await serveSubgraph(server, {
    port: config.ESHOP_PORT,
    name: 'eshop',
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createContext(),
    // /readyz: one product, with the read key the adapter uses
    readiness: createCachedReadiness(
      createHttpReadinessCheck({
        url: `${config.WOOCOMMERCE_BASE_URL.replace(/\/+$/, '')}/wp-json/wc/v3/products?per_page=1`,
        headers: {
          Authorization: `Basic ${Buffer.from(`${config.WOOCOMMERCE_CONSUMER_KEY}:${config.WOOCOMMERCE_CONSUMER_SECRET}`).toString('base64')}`,
        },
      }),
    ),
    // POST /webhooks/woocommerce, verified with the shop's webhook secret; mounted only when one is configured.
    webhooks: config.WOOCOMMERCE_WEBHOOK_SECRET
      ? [
          createWooCommerceWebhookRoute({
            secret: config.WOOCOMMERCE_WEBHOOK_SECRET,
            onChange: invalidator.onChange,
            logger,
          }),
        ]
      : [],
  });
  return {
    url: served.url,
    stop: async () => {
      await served.stop();
      invalidator.stop();
      await cache.close();
      await budget.close();
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadEshopConfig(process.env);
  startTracing({ role: 'eshop' });
  const { url } = await startEshopSubgraph(config);
  createLogger({ name: 'eshop' }).info({ url }, `eshop subgraph ready at ${url}`);
}
