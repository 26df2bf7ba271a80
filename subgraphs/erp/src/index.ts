import { pathToFileURL } from 'node:url';
import { createCacheFromEnv, createSingleFlight } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck, serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createCacheInvalidator, startChangePollers, type OnChange } from '@omnigraph/shared/freshness';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger } from '@omnigraph/shared/logging';
import { startTracing } from '@omnigraph/shared/tracing';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadErpConfig, type ErpConfig } from './config.ts';
import { createErpContext } from './context.ts';
import { createErpServer } from './create-erp-server.ts';
import { erpKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createErpClient } from './upstream/create-erp-client.ts';
import { ERP_CACHE_KEY_PREFIX } from './upstream/erp-cache-keys.ts';
import { createOdooChangeFeeds } from './upstream/odoo/odoo-change-feed.ts';

export { ERP_CONFIG_KEYS, ErpConfigSchema, loadErpConfig, parseErpConfig } from './config.ts';
export type { ErpConfig } from './config.ts';
export { createErpContext, erpCachePolicies } from './context.ts';
export { ERP_CACHE_KEY_PREFIX, erpCacheKeys } from './upstream/erp-cache-keys.ts';
export type { ErpContext, ErpContextDeps } from './context.ts';
export { createErpServer } from './create-erp-server.ts';
export type { CreateErpServerOptions } from './create-erp-server.ts';
export { createErpClient } from './upstream/create-erp-client.ts';
export type { ErpClient, ErpLocationModel, ErpProductModel } from './upstream/erp-client.ts';

export interface RunningErpSubgraph {
  /** e.g. http://localhost:4001/graphql */
  url: string;
  stop(): Promise<void>;
}

export interface StartErpOptions {
  isDev?: boolean;
  /**
   * Observes every Odoo change (freshness, issue 8), called after the subgraph has dropped the cache entries it
   * makes wrong (products and stock of `refs.skus`; see `freshness/invalidate-on-change.ts`). Tests watch events here; it never replaces the
   * invalidation.
   */
  onChange?: OnChange;
}

/** Boots the subgraph from a validated config: Odoo client + cache → Apollo server listening on ERP_PORT at /graphql. */
export async function startErpSubgraph(config: ErpConfig, options: StartErpOptions = {}): Promise<RunningErpSubgraph> {
  const logger = createLogger({ name: 'erp' });
  // odoo's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['odoo'], config), redisUrl: config.REDIS_URL, logger });
  const client = createErpClient({
    baseUrl: config.ODOO_BASE_URL,
    database: config.ODOO_DATABASE,
    apiKey: config.ODOO_API_KEY,
    timeoutMs: config.ERP_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('ERP', config), logger, budget },
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: ERP_CACHE_KEY_PREFIX,
    onError: (error, context) => logger.warn({ err: error, ...context }, 'erp cache failure; serving from the ERP'),
  });
  const server = createErpServer({ isDev: options.isDev ?? false, logger });
  // one per process: concurrent requests missing the same SKU share one Odoo call
  const singleFlight = createSingleFlight();
  // answers on every path, so /graphql is simply the path we advertise; only requests the gateway signed get through
  const served = await serveSubgraph(server, {
    port: config.ERP_PORT,
    name: 'erp',
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () =>
      createErpContext({
        client,
        cache,
        cacheTtlSeconds: config.ERP_CACHE_TTL_SECONDS,
        maxStaleCatalogueSeconds: config.ERP_MAX_STALE_CATALOGUE_SECONDS,
        maxStaleStockSeconds: config.ERP_MAX_STALE_STOCK_SECONDS,
        singleFlight,
      }),
    // /readyz: a count of products with an impossible id, the cheapest JSON-2 call under the ACL the ERP reads need
    readiness: createCachedReadiness(
      createHttpReadinessCheck({
        url: `${config.ODOO_BASE_URL.replace(/\/+$/, '')}/json/2/product.product/search_count`,
        method: 'POST',
        headers: { 'content-type': 'application/json', Authorization: `bearer ${config.ODOO_API_KEY}`, 'X-Odoo-Database': config.ODOO_DATABASE },
        body: JSON.stringify({ domain: [['id', '=', 0]] }),
      }),
    ),
  });
  // Odoo changes drop exactly the cached entries they make wrong, then reach the caller's observer.
  const invalidator = createCacheInvalidator({ cache, keysOf: erpKeysOfChange, logger, upstreamTimeoutMs: config.ERP_TIMEOUT_MS, observer: options.onChange });
  const freshness = config.ERP_FRESHNESS_ENABLED
    ? await startChangePollers({
        sources: createOdooChangeFeeds({
          http: createHttpClient({ baseUrl: config.ODOO_BASE_URL, timeoutMs: config.ERP_TIMEOUT_MS }),
          database: config.ODOO_DATABASE,
          apiKey: config.ODOO_API_KEY,
          overlapSeconds: config.ERP_FRESHNESS_OVERLAP_SECONDS,
        }),
        intervalMs: config.ERP_FRESHNESS_POLL_INTERVAL_MS,
        redisUrl: config.REDIS_URL,
        keyPrefix: 'erp:freshness:',
        cursorFile: config.ERP_FRESHNESS_CURSOR_FILE,
        onChange: invalidator.onChange,
        logger,
      })
    : undefined;
  return {
    url: served.url,
    async stop() {
      await freshness?.stop();
      await served.stop();
      invalidator.stop();
      await cache.close();
      await budget.close();
    },
  };
}

// Run only when executed directly (`tsx subgraphs/erp/src/index.ts`), not when imported by the gateway or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const logger = createLogger({ name: 'erp' });
  const config = loadErpConfig(process.env);
  const tracing = startTracing({ role: 'erp' });
  startErpSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' }).then(
    (running) => {
      logger.info({ url: running.url }, `erp subgraph ready at ${running.url}`);
      const shutdown = (): void => {
        running.stop().then(() => tracing.shutdown()).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      logger.fatal({ err: error }, 'erp subgraph failed to start');
      process.exit(1);
    },
  );
}
