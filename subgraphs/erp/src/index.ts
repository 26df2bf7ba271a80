import { pathToFileURL } from 'node:url';
import { createCacheFromEnv } from '@omnigraph/shared/cache';
import { serveSubgraph } from '@omnigraph/shared/graphql-server';
import { createLogger } from '@omnigraph/shared/logging';
import { upstreamPoliciesFromEnv } from '@omnigraph/shared/upstream';
import { loadErpConfig, type ErpConfig } from './config.ts';
import { createErpContext } from './context.ts';
import { createErpServer } from './create-erp-server.ts';
import { createErpClient } from './upstream/create-erp-client.ts';
import { ERP_CACHE_KEY_PREFIX } from './upstream/erp-loaders.ts';

export { ERP_CONFIG_KEYS, ErpConfigSchema, loadErpConfig, parseErpConfig } from './config.ts';
export type { ErpConfig } from './config.ts';
export { createErpContext } from './context.ts';
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

/** Boots the subgraph from a validated config: Odoo client + cache → Apollo server listening on ERP_PORT at /graphql. */
export async function startErpSubgraph(config: ErpConfig, options: { isDev?: boolean } = {}): Promise<RunningErpSubgraph> {
  const logger = createLogger({ name: 'erp' });
  const client = createErpClient({
    baseUrl: config.ODOO_BASE_URL,
    database: config.ODOO_DATABASE,
    apiKey: config.ODOO_API_KEY,
    timeoutMs: config.ERP_TIMEOUT_MS,
    policies: { ...upstreamPoliciesFromEnv('ERP', config), logger },
  });
  const cache = await createCacheFromEnv({
    redisUrl: config.REDIS_URL,
    keyPrefix: ERP_CACHE_KEY_PREFIX,
    onError: (error, context) => logger.warn({ err: error, ...context }, 'erp cache failure; serving from the ERP'),
  });
  const server = createErpServer({ isDev: options.isDev ?? false, logger });
  // answers on every path, so /graphql is simply the path we advertise; only requests the gateway signed get through
  const served = await serveSubgraph(server, {
    port: config.ERP_PORT,
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    logger,
    createContext: async () => createErpContext({ client, cache, cacheTtlSeconds: config.ERP_CACHE_TTL_SECONDS, logger }),
  });
  return {
    url: served.url,
    async stop() {
      await served.stop();
      await cache.close();
    },
  };
}

// Run only when executed directly (`tsx subgraphs/erp/src/index.ts`), not when imported by the gateway or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const logger = createLogger({ name: 'erp' });
  startErpSubgraph(loadErpConfig(process.env), { isDev: process.env['NODE_ENV'] === 'development' }).then(
    (running) => {
      logger.info({ url: running.url }, `erp subgraph ready at ${running.url}`);
      const shutdown = (): void => {
        running.stop().then(
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
