/**
 * @omnigraph/subgraph-eshop: the e-shop (WooCommerce) subgraph. Importing this module builds nothing; running it
 * (`tsx subgraphs/eshop/src/index.ts`) loads config from the environment and listens on ESHOP_PORT at `/graphql`.
 */
import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck, serveSubgraph } from '@omnigraph/shared/graphql-server';
import type { OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadEshopConfig, type EshopConfig } from './config.ts';
import { createEshopServer } from './create-eshop-server.ts';
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
   * Receives every verified WooCommerce webhook as a ChangeEvent (freshness, issue 8). WIRING POINT: drop the cache
   * entries of the order (id; refs.customerIds → that customer's order lists), product (refs.skus → listings) or
   * customer here. @default logs the event (debug)
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
  // only requests the gateway signed get through
  const served = await serveSubgraph(server, {
    port: config.ESHOP_PORT,
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
            onChange: options.onChange ?? ((event) => logger.debug({ event }, 'upstream change')),
            logger,
          }),
        ]
      : [],
  });
  return {
    url: served.url,
    stop: async () => {
      await served.stop();
      await cache.close();
      await budget.close();
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadEshopConfig(process.env);
  const { url } = await startEshopSubgraph(config);
  console.log(`eshop subgraph ready at ${url}`);
}
