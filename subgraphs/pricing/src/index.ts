import { createLogger } from '@omnigraph/shared/logging';
import { bootSubgraph, isMainModule, runService, serviceSettingsOf, type RunningSubgraph } from '@omnigraph/shared/service';
import { loadPricingConfig, type PricingConfig } from './config.ts';
import { createPricingServer } from './create-pricing-server.ts';

export { loadPricingConfig, PRICING_CONFIG_KEYS, PricingConfigSchema } from './config.ts';
export type { PricingConfig } from './config.ts';
export type { PricingContext } from './context.ts';
export { createPricingServer } from './create-pricing-server.ts';

export interface StartPricingOptions {
  isDev?: boolean;
}

/**
 * Boots the subgraph from a validated config on PRICING_HOST:PRICING_PORT at /graphql. It has no upstream of its own:
 * ready as soon as it listens (a subgraph it reads that is down shows as `unavailableChannels` or an error, and in the
 * gateway's readiness under that subgraph's name).
 */
export async function startPricingSubgraph(config: PricingConfig, options: StartPricingOptions = {}): Promise<RunningSubgraph> {
  const logger = createLogger({ name: 'pricing' });
  const { server, cache, createContext } = createPricingServer({
    urls: { erp: config.ERP_URL, eshop: config.ESHOP_URL, marketplace: config.MARKETPLACE_URL },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    callTimeoutMs: config.PRICING_CALL_TIMEOUT_MS,
    reportTtlSeconds: config.PRICING_REPORT_TTL_SECONDS,
    isDev: options.isDev ?? false,
    logger,
  });
  return bootSubgraph({
    role: 'PRICING',
    logger,
    listen: { host: config.PRICING_HOST, port: config.PRICING_PORT },
    secret: config.OMNIGRAPH_SUBGRAPH_SECRET,
    server,
    createContext: async (identity) => createContext(identity),
    readiness: async () => ({ status: 'ready' }),
    // no change source: the report's copy simply expires (PRICING_REPORT_TTL_SECONDS)
    freshness: { cache, keysOf: () => [], upstreamTimeoutMs: config.PRICING_CALL_TIMEOUT_MS },
    resources: [],
  });
}

// Run only when executed directly (`node subgraphs/pricing/src/index.ts`), not when imported by the gateway or tests.
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'pricing',
    load: loadPricingConfig,
    settings: (config) => serviceSettingsOf('PRICING', config),
    start: async (config, { logger, register }) => {
      const running = await startPricingSubgraph(config, { isDev: process.env['NODE_ENV'] === 'development' });
      register({ name: 'pricing', drain: running.drain, close: running.stop });
      logger.info({ url: running.url }, `pricing subgraph ready at ${running.url}`);
    },
  });
}
