/**
 * Entry point: `npx tsx simulators/woocommerce/src/index.ts` (or `npm run sim:woocommerce`).
 */
import { pathToFileURL } from 'node:url';
import { runSimulator, type SimulatorBoot } from '@omnigraph/simulator-core';
import { loadWooCommerceSimulatorConfig } from './config.ts';
import { createWooCommerceSimulator } from './create-woocommerce-simulator.ts';

export { createWooCommerceSimulator, DEFAULT_CREDENTIALS } from './create-woocommerce-simulator.ts';
export type { CreateWooCommerceSimulatorOptions, WooCommerceSimulator } from './create-woocommerce-simulator.ts';
export { loadWooCommerceSimulatorConfig } from './config.ts';
export type { WooCommerceCredentials } from './woocommerce-types.ts';

/** Reads `WOOCOMMERCE_SIMULATOR_*` (and the shared dataset settings) from env and creates the simulator, not listening yet. */
export function bootWooCommerceSimulator(env: NodeJS.ProcessEnv): SimulatorBoot {
  const config = loadWooCommerceSimulatorConfig(env);
  const simulator = createWooCommerceSimulator({
    seed: config.runtime.seed,
    scale: config.runtime.scale,
    piiCanary: config.runtime.piiCanary,
    credentials: config.credentials,
    knobs: config.runtime.knobs,
    siteUrl: config.siteUrl,
    webhookTimeoutMs: config.webhookTimeoutMs,
  });
  const c = config.credentials;
  return {
    config: config.runtime,
    simulator,
    credentials: {
      'API base': '/wp-json/wc/v3',
      'consumer key (read/write)': c.consumerKey,
      'consumer secret (read/write)': c.consumerSecret,
      'consumer key (read)': c.readOnlyConsumerKey,
      'consumer secret (read)': c.readOnlyConsumerSecret,
    },
  };
}

// Run only when executed directly (`tsx simulators/woocommerce/src/index.ts`), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulator(() => bootWooCommerceSimulator(process.env));
}
