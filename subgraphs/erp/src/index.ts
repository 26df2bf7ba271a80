import { createCacheFromEnv, createSingleFlight } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck } from '@omnigraph/shared/graphql-server';
import type { OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
import { parseErpConfig, type ErpConfig } from './config.ts';
import { createErpContext, type ErpContextDeps } from './context.ts';
import { createErpServer } from './create-erp-server.ts';
import { erpKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createErpClient, createOdooConnection } from './upstream/create-erp-client.ts';
import { ERP_CACHE_KEY_PREFIX } from './upstream/erp-cache-keys.ts';
import { createOdooChangeFeeds } from './upstream/odoo/odoo-change-feed.ts';
import { createErpWriteSteps } from './writes/erp-write-steps.ts';
import { createCatalogueIndex } from './discovery/catalogue-index.ts';

export { ERP_CONFIG_KEYS, ErpConfigSchema, loadErpConfig, parseErpConfig } from './config.ts';
export type { ErpConfig } from './config.ts';
export { createErpContext, erpCachePolicies } from './context.ts';
export { ERP_CACHE_KEY_PREFIX, erpCacheKeys } from './upstream/erp-cache-keys.ts';
export type { ErpContext, ErpContextDeps } from './context.ts';
export { createErpServer } from './create-erp-server.ts';
export type { CreateErpServerOptions } from './create-erp-server.ts';
export { createErpClient } from './upstream/create-erp-client.ts';
export type { ErpClient, ErpLocationModel, ErpProductModel } from './upstream/erp-client.ts';

export type RunningErpSubgraph = RunningSubgraph;

export interface StartErpOptions {
  isDev?: boolean;
  /**
   * Observes every Odoo change (freshness, issue 8), called after the subgraph has dropped the cache entries it
   * makes wrong (products and stock of `refs.skus`; see `freshness/invalidate-on-change.ts`). Tests watch events here; it never replaces the
   * invalidation.
   */
  onChange?: OnChange;
}

/**
 * Boots the subgraph from a validated config: Odoo client + cache → Apollo server listening on ERP_HOST:ERP_PORT at
 * /graphql. Installs no signal handler and never exits (`npm start`, e2e and benches call it); the process main below
 * wraps it in runService.
 */
export async function startErpSubgraph(config: ErpConfig, options: StartErpOptions = {}): Promise<RunningErpSubgraph> {
  const logger = createLogger({ name: 'erp' });
  // odoo's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['odoo'], config), redisUrl: config.REDIS_URL, logger });
  const connection = {
    baseUrl: config.ODOO_BASE_URL,
    database: config.ODOO_DATABASE,
    apiKey: config.ODOO_API_KEY,
    protocol: config.ODOO_PROTOCOL,
    login: config.ODOO_LOGIN,
    timeoutMs: config.ERP_TIMEOUT_MS,
  };
  // one connection for the reads, the writes and the change feeds: one socket pool, one JSON-RPC login
  const odoo = createOdooConnection(connection);
  const client = createErpClient({
    ...connection,
    transport: odoo,
    partnerPhoneFields: config.ERP_PARTNER_PHONE_FIELDS,
    companyId: config.ERP_COMPANY_ID,
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
  const writes = createErpWriteSteps({ client, cache, defaultPartnerId: config.ERP_DEFAULT_PARTNER_ID, logger });
  // product search's catalogue copy: one per process, kept current by write_date deltas (ADR 0012)
  const catalogueIndex = createCatalogueIndex({
    client,
    pageSize: config.ERP_SEARCH_INDEX_PAGE_SIZE,
    maxEntries: config.ERP_SEARCH_INDEX_MAX_ENTRIES,
    refreshSeconds: config.ERP_SEARCH_INDEX_REFRESH_SECONDS,
  });
  const contextDeps: ErpContextDeps = {
    client,
    cache,
    cacheTtlSeconds: config.ERP_CACHE_TTL_SECONDS,
    maxStaleCatalogueSeconds: config.ERP_MAX_STALE_CATALOGUE_SECONDS,
    stockCacheTtlSeconds: config.ERP_STOCK_CACHE_TTL_SECONDS,
    maxStaleStockSeconds: config.ERP_MAX_STALE_STOCK_SECONDS,
    lookup: {
      saleOrderNamePattern: config.ERP_SALE_ORDER_NAME_PATTERN,
      channelOrderRefs: config.ERP_CHANNEL_ORDER_REFS,
      cacheTtlSeconds: config.ERP_LOOKUP_CACHE_TTL_SECONDS,
    },
    singleFlight,
    writes,
    catalogueIndex,
  };
  return bootSubgraph({
    role: 'ERP',
    logger,
    listen: { host: config.ERP_HOST, port: config.ERP_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server,
    // built once: the per-request context reuses what derives from it (cache policies, lookup rules)
    createContext: async () => createErpContext(contextDeps),
    // /readyz: a count of products with an impossible id, the cheapest JSON-2 call under the ACL the ERP reads need;
    // over JSON-RPC (which answers errors with HTTP 200) the server's `common.version`
    readiness: createCachedReadiness(
      createHttpReadinessCheck(
        config.ODOO_PROTOCOL === 'jsonrpc'
          ? {
              url: `${config.ODOO_BASE_URL.replace(/\/+$/, '')}/jsonrpc`,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service: 'common', method: 'version', args: [] }, id: 1 }),
            }
          : {
              url: `${config.ODOO_BASE_URL.replace(/\/+$/, '')}/json/2/product.product/search_count`,
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                Authorization: `bearer ${config.ODOO_API_KEY}`,
                'X-Odoo-Database': config.ODOO_DATABASE,
              },
              body: JSON.stringify({ domain: [['id', '=', 0]] }),
            },
      ),
    ),
    // Odoo changes drop exactly the cached entries they make wrong, then reach the caller's observer.
    freshness: {
      cache,
      keysOf: erpKeysOfChange,
      upstreamTimeoutMs: config.ERP_TIMEOUT_MS,
      publishTo: config.REDIS_URL,
      // a product change also makes the next search read the index's delta first
      observer: async (event) => {
        if (event.system === 'odoo' && event.kind === 'product') catalogueIndex.markStale();
        await options.onChange?.(event);
      },
      polling: config.ERP_FRESHNESS_ENABLED
        ? {
            sources: createOdooChangeFeeds({
              transport: odoo,
              overlapSeconds: config.ERP_FRESHNESS_OVERLAP_SECONDS,
            }),
            intervalMs: config.ERP_FRESHNESS_POLL_INTERVAL_MS,
            redisUrl: config.REDIS_URL,
            keyPrefix: 'erp:freshness:',
            cursorFile: config.ERP_FRESHNESS_CURSOR_FILE,
          }
        : undefined,
    },
    resources: [budget, cache],
  });
}

// Run only when executed directly (`node subgraphs/erp/src/index.ts`), not when imported by the gateway or tests.
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'erp',
    load: parseErpConfig,
    settings: (config) => serviceSettingsOf('ERP', config),
    start: async (config, { logger, register }) => {
      const running = await startErpSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' });
      register({ name: 'erp', drain: running.drain, close: running.stop });
      logger.info({ url: running.url }, `erp subgraph ready at ${running.url}`);
    },
  });
}
