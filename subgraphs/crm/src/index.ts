import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck, serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import { createCacheInvalidator, startChangePollers, type OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { startTracing } from '@omnigraph/shared/tracing';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadCrmConfig, type CrmConfig } from './config.ts';
import { createCrmServer } from './create-crm-server.ts';
import { crmKeysOfChange } from './freshness/invalidate-on-change.ts';
import { createCrmClient } from './upstream/create-crm-client.ts';
import { CRM_CACHE_KEY_PREFIX } from './upstream/crm-cache-keys.ts';
import { createHubSpotJournalSource } from './upstream/hubspot/hubspot-journal.ts';
import { createHubSpotWebhookRoute } from './upstream/hubspot/hubspot-webhook.ts';

export { CRM_CONFIG_KEYS, CrmConfigSchema, loadCrmConfig } from './config.ts';
export type { CrmConfig } from './config.ts';
export { createCrmContext } from './context.ts';
export { CRM_CACHE_KEY_PREFIX, crmCacheKeys, type CrmLookup } from './upstream/crm-cache-keys.ts';
export type { CrmContext } from './context.ts';
export { createCrmServer } from './create-crm-server.ts';
export type { CrmServer, CreateCrmServerOptions } from './create-crm-server.ts';
export { createCrmClient } from './upstream/create-crm-client.ts';
export type { CrmClient, CrmContact, CrmContactModel } from './upstream/crm-client.ts';

export interface StartCrmOptions {
  isDev?: boolean;
  /**
   * Observes every HubSpot contact change (freshness, issue 8), called after the subgraph has dropped the cache entries it
   * makes wrong (every key of the contact, and of each contact of a merge or deletion; see `freshness/invalidate-on-change.ts`). Tests watch events here; it never replaces the
   * invalidation.
   */
  onChange?: OnChange;
}

/** Boots the subgraph from a validated config: HubSpot client, cache, server listening on CRM_PORT at /graphql. */
export async function startCrmSubgraph(
  config: CrmConfig,
  options: StartCrmOptions = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'crm' });
  // hubspot's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['hubspot'], config), redisUrl: config.REDIS_URL, logger });
  const client = createCrmClient({
    baseUrl: config.HUBSPOT_BASE_URL,
    accessToken: config.HUBSPOT_ACCESS_TOKEN,
    timeoutMs: config.CRM_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('CRM', config), logger, budget },
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: CRM_CACHE_KEY_PREFIX,
    onError: (error, context) => logger.warn({ err: error, ...context }, 'crm cache failure; serving from HubSpot'),
  });
  const { server, createContext } = createCrmServer({
    client,
    cache,
    cacheTtlSeconds: config.CRM_CACHE_TTL_SECONDS,
    maxStaleSeconds: config.CRM_MAX_STALE_CONTACTS_SECONDS,
    lookupTtlSeconds: config.CRM_LOOKUP_CACHE_TTL_SECONDS,
    isDev: options.isDev ?? false,
    logger,
  });
  // Answers on every path, /graphql included, which is the path the supergraph routes to; only requests the gateway
  // signed get through.
  // Contact changes, merges and deletions (journal or webhooks) drop every cached entry of the people involved, then
  // reach the caller's observer.
  const invalidator = createCacheInvalidator({ cache, keysOf: crmKeysOfChange, logger, upstreamTimeoutMs: config.CRM_TIMEOUT_MS, observer: options.onChange });
  const onChange: OnChange = invalidator.onChange;
  const served = await serveSubgraph(server, {
    port: config.CRM_PORT,
    name: 'crm',
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createContext(),
    // /readyz: one contact page of one (not a search: searches have their own 5/s budget)
    readiness: createCachedReadiness(
      createHttpReadinessCheck({
        url: `${config.HUBSPOT_BASE_URL.replace(/\/+$/, '')}/crm/v3/objects/contacts?limit=1`,
        headers: { Authorization: `Bearer ${config.HUBSPOT_ACCESS_TOKEN}` },
      }),
    ),
    // POST /webhooks/hubspot, verified with the app's client secret; mounted only when one is configured.
    webhooks: config.HUBSPOT_WEBHOOK_CLIENT_SECRET
      ? [createHubSpotWebhookRoute({ clientSecret: config.HUBSPOT_WEBHOOK_CLIENT_SECRET, targetUrl: config.HUBSPOT_WEBHOOK_TARGET_URL, onChange, logger })]
      : [],
  });
  const freshness = config.CRM_FRESHNESS_ENABLED
    ? await startChangePollers({
        sources: [
          createHubSpotJournalSource({
            http: createHttpClient({ baseUrl: config.HUBSPOT_BASE_URL, timeoutMs: config.CRM_TIMEOUT_MS }),
            accessToken: config.HUBSPOT_JOURNAL_ACCESS_TOKEN ?? config.HUBSPOT_ACCESS_TOKEN,
            installPortalId: config.HUBSPOT_JOURNAL_PORTAL_ID,
            logger,
          }),
        ],
        intervalMs: config.CRM_FRESHNESS_POLL_INTERVAL_MS,
        redisUrl: config.REDIS_URL,
        keyPrefix: 'crm:freshness:',
        cursorFile: config.CRM_FRESHNESS_CURSOR_FILE,
        onChange,
        logger,
      })
    : undefined;
  return {
    url: served.url,
    stop: async () => {
      await freshness?.stop();
      await served.stop();
      invalidator.stop();
      await cache.close();
      await budget.close();
    },
  };
}

// Run only when executed directly (`tsx subgraphs/crm/src/index.ts`), not when imported by the gateway or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const logger = createLogger({ name: 'crm' });
  const config = loadCrmConfig(process.env);
  startTracing({ role: 'crm' });
  startCrmSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' }).then(
    ({ url }) => {
      logger.info({ url }, `crm subgraph ready at ${url}`);
    },
    (error: unknown) => {
      logger.fatal({ err: error }, 'crm subgraph failed to start');
      process.exit(1);
    },
  );
}
