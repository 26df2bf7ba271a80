import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { createCachedReadiness, createHttpReadinessCheck } from '@omnigraph/shared/graphql-server';
import { createHttpClient } from '@omnigraph/shared/http';
import type { OnChange } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { createUpstreamBudget, upstreamBudgetOptionsFromConfig } from '@omnigraph/shared/budget';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
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

/**
 * Boots the subgraph from a validated config: HubSpot client, cache, server listening on CRM_HOST:CRM_PORT at
 * /graphql. Installs no signal handler and never exits; the process main below wraps it in runService.
 */
export async function startCrmSubgraph(config: CrmConfig, options: StartCrmOptions = {}): Promise<RunningSubgraph> {
  const logger = createLogger({ name: 'crm' });
  // hubspot's published request budget, shared by every replica through Redis; interactive callers first
  const budget = await createUpstreamBudget({ ...upstreamBudgetOptionsFromConfig(['hubspot'], config), redisUrl: config.REDIS_URL, logger });
  const client = createCrmClient({
    baseUrl: config.HUBSPOT_BASE_URL,
    accessToken: config.HUBSPOT_ACCESS_TOKEN,
    timeoutMs: config.CRM_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('CRM', config), logger, budget },
    numberLocale: config.CRM_NUMBER_LOCALE,
    loyaltyTierValues: config.CRM_LOYALTY_TIER_VALUES,
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
  const webhookSecret = config.HUBSPOT_WEBHOOK_CLIENT_SECRET;
  return bootSubgraph({
    role: 'CRM',
    logger,
    listen: { host: config.CRM_HOST, port: config.CRM_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server,
    createContext: async () => createContext(),
    // /readyz: one contact page of one (not a search: searches have their own 5/s budget)
    readiness: createCachedReadiness(
      createHttpReadinessCheck({
        url: `${config.HUBSPOT_BASE_URL.replace(/\/+$/, '')}/crm/v3/objects/contacts?limit=1`,
        headers: { Authorization: `Bearer ${config.HUBSPOT_ACCESS_TOKEN}` },
      }),
    ),
    // Contact changes, merges and deletions (journal or webhooks) drop every cached entry of the people involved,
    // then reach the caller's observer.
    freshness: {
      cache,
      keysOf: crmKeysOfChange,
      upstreamTimeoutMs: config.CRM_TIMEOUT_MS,
      observer: options.onChange,
      // POST /webhooks/hubspot, verified with the app's client secret; mounted only when one is configured.
      webhooks: (onChange) =>
        webhookSecret
          ? [createHubSpotWebhookRoute({ clientSecret: webhookSecret, targetUrl: config.HUBSPOT_WEBHOOK_TARGET_URL, onChange, logger })]
          : [],
      polling: config.CRM_FRESHNESS_ENABLED
        ? {
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
          }
        : undefined,
    },
    resources: [budget, cache],
  });
}

// Run only when executed directly (`node subgraphs/crm/src/index.ts`), not when imported by the gateway or tests.
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'crm',
    load: loadCrmConfig,
    settings: (config) => serviceSettingsOf('CRM', config),
    start: async (config, { logger, register }) => {
      const running = await startCrmSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' });
      register({ name: 'crm', drain: running.drain, close: running.stop });
      logger.info({ url: running.url }, `crm subgraph ready at ${running.url}`);
    },
  });
}
