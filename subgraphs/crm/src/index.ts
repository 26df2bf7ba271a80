import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createLogger } from '@omnigraph/shared/logging';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadCrmConfig, type CrmConfig } from './config.ts';
import { createCrmServer } from './create-crm-server.ts';
import { createCrmClient } from './upstream/create-crm-client.ts';

export { CRM_CONFIG_KEYS, CrmConfigSchema, loadCrmConfig } from './config.ts';
export type { CrmConfig } from './config.ts';
export { createCrmContext } from './context.ts';
export type { CrmContext } from './context.ts';
export { createCrmServer } from './create-crm-server.ts';
export type { CrmServer, CreateCrmServerOptions } from './create-crm-server.ts';
export { createCrmClient } from './upstream/create-crm-client.ts';
export type { CrmClient, CrmContact, CrmContactModel } from './upstream/crm-client.ts';

/** Boots the subgraph from a validated config: HubSpot client, cache, server listening on CRM_PORT at /graphql. */
export async function startCrmSubgraph(
  config: CrmConfig,
  options: { isDev?: boolean } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ name: 'crm' });
  const client = createCrmClient({
    baseUrl: config.HUBSPOT_BASE_URL,
    accessToken: config.HUBSPOT_ACCESS_TOKEN,
    timeoutMs: config.CRM_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('CRM', config), logger },
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    // bump the version when CrmContact changes shape: old entries must not be read as the new one
    keyPrefix: 'crm:v1:',
    onError: (error, context) => logger.warn({ err: error, ...context }, 'crm cache failure; serving from HubSpot'),
  });
  const { server, createContext } = createCrmServer({
    client,
    cache,
    cacheTtlSeconds: config.CRM_CACHE_TTL_SECONDS,
    isDev: options.isDev ?? false,
    logger,
  });
  // Answers on every path, /graphql included, which is the path the supergraph routes to; only requests the gateway
  // signed get through.
  const served = await serveSubgraph(server, {
    port: config.CRM_PORT,
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createContext(),
  });
  return {
    url: served.url,
    stop: async () => {
      await served.stop();
      await cache.close();
    },
  };
}

// Run only when executed directly (`tsx subgraphs/crm/src/index.ts`), not when imported by the gateway or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startCrmSubgraph(loadCrmConfig(process.env), { isDev: process.env['NODE_ENV'] === 'development' }).then(
    ({ url }) => {
      console.log(`crm subgraph ready at ${url}`);
    },
    (error: unknown) => {
      console.error('crm subgraph failed to start', error);
      process.exit(1);
    },
  );
}
