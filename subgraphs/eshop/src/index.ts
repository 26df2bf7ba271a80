/**
 * @omnigraph/subgraph-eshop: the e-shop (WooCommerce) subgraph. Importing this module builds nothing; running it
 * (`node subgraphs/eshop/src/index.ts`) loads config from the environment and listens on ESHOP_PORT at `/graphql`.
 */
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck } from '@omnigraph/shared/graphql-server';
import type { OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
import { loadEshopConfig, type EshopConfig } from './config.ts';
import { createEshopServer } from './create-eshop-server.ts';
import { eshopKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createEshopClient } from './upstream/create-eshop-client.ts';
import { compileOrderNumberPattern } from './lookup/eshop-order-numbers.ts';
import { ESHOP_CACHE_KEY_PREFIX } from './upstream/eshop-cache-keys.ts';
import { createWooCommerceWebhookRoute } from './upstream/woocommerce/woocommerce-webhook.ts';
import type { WooCommerceWriteSettings } from './upstream/woocommerce/woocommerce-writes.ts';

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

/**
 * Boots the subgraph from a validated config, listening on ESHOP_HOST:ESHOP_PORT at /graphql. Installs no signal
 * handler and never exits; the process main below wraps it in runService.
 */
export async function startEshopSubgraph(config: EshopConfig, options: StartEshopOptions = {}): Promise<RunningSubgraph> {
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
    nipMetaKey: config.ESHOP_NIP_META_KEY,
    pricesIncludeTax: config.ESHOP_PRICES_INCLUDE_TAX,
    baseCountry: config.WOOCOMMERCE_BASE_COUNTRY,
    pluginOrderNumbers: config.ESHOP_ORDER_NUMBER_PATTERN !== undefined,
    writes: writeSettingsOf(config),
  });
  const { server, createContext } = createEshopServer({
    client,
    cache,
    cacheTtlSeconds: config.ESHOP_CACHE_TTL_SECONDS,
    maxStaleListingSeconds: config.ESHOP_MAX_STALE_STOCK_SECONDS,
    maxStaleOrderSeconds: config.ESHOP_MAX_STALE_ORDERS_SECONDS,
    nipLookup: config.ESHOP_NIP_META_KEY !== undefined,
    orderNumberPattern: compileOrderNumberPattern(config.ESHOP_ORDER_NUMBER_PATTERN),
    shipmentTracking: config.ESHOP_SHIPMENT_TRACKING,
    logger,
    isDev: process.env['NODE_ENV'] === 'development',
  });
  const webhookSecret = config.WOOCOMMERCE_WEBHOOK_SECRET;
  return bootSubgraph({
    role: 'ESHOP',
    logger,
    listen: { host: config.ESHOP_HOST, port: config.ESHOP_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server,
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
    // Verified webhooks drop exactly the cached entries they make wrong, then reach the caller's observer.
    freshness: {
      cache,
      keysOf: eshopKeysOfChange,
      upstreamTimeoutMs: config.ESHOP_TIMEOUT_MS,
      publishTo: config.REDIS_URL,
      observer: options.onChange,
      // POST /webhooks/woocommerce, verified with the shop's webhook secret; mounted only when one is configured.
      webhooks: (onChange) => (webhookSecret ? [createWooCommerceWebhookRoute({ secret: webhookSecret, onChange, logger })] : []),
    },
    resources: [budget, cache],
  });
}

/** The ESHOP_* write settings as the WooCommerce adapter takes them. */
export function writeSettingsOf(config: EshopConfig): WooCommerceWriteSettings {
  return {
    paymentMethod: { id: config.ESHOP_ORDER_PAYMENT_METHOD, title: config.ESHOP_ORDER_PAYMENT_METHOD_TITLE },
    shippingMethods: {
      COURIER: { id: config.ESHOP_COURIER_METHOD_ID, title: config.ESHOP_COURIER_METHOD_TITLE },
      PARCEL_LOCKER: { id: config.ESHOP_PARCEL_LOCKER_METHOD_ID, title: config.ESHOP_PARCEL_LOCKER_METHOD_TITLE },
      STORE_PICKUP: { id: config.ESHOP_STORE_PICKUP_METHOD_ID, title: config.ESHOP_STORE_PICKUP_METHOD_TITLE },
    },
    taxClasses: config.ESHOP_TAX_CLASSES,
    refundViaGateway: config.ESHOP_REFUND_VIA_GATEWAY,
    returnRestock: config.ESHOP_RETURN_RESTOCK,
  };
}

if (isMainModule(import.meta.url)) {
  void runService({
    name: 'eshop',
    load: loadEshopConfig,
    settings: (config) => serviceSettingsOf('ESHOP', config),
    start: async (config, { logger, register }) => {
      const running = await startEshopSubgraph(config);
      register({ name: 'eshop', drain: running.drain, close: running.stop });
      logger.info({ url: running.url }, `eshop subgraph ready at ${running.url}`);
    },
  });
}
