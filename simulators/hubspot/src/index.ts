import { pathToFileURL } from 'node:url';
import { runSimulator, type SimulatorBoot } from '@omnigraph/simulator-core';
import { loadHubSpotSimulatorConfig } from './config.ts';
import { createHubSpotSimulator } from './create-hubspot-simulator.ts';

export { createHubSpotSimulator, OBJECT_PREFIXES } from './create-hubspot-simulator.ts';
export type { CreateHubSpotSimulatorOptions } from './create-hubspot-simulator.ts';
export {
  DEFAULT_CREDENTIALS,
  HUBSPOT_DEFAULT_DAILY_LIMIT,
  HUBSPOT_DEFAULT_RATE_LIMIT,
  HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT,
  loadHubSpotSimulatorConfig,
} from './config.ts';
export type { HubSpotSimulatorConfig } from './config.ts';
export type { HubSpotCredentials } from './hubspot-context.ts';
export type { PortalVariant } from './hubspot-properties.ts';

/** Reads `HUBSPOT_SIMULATOR_*` (and the shared dataset settings) from env and creates the simulator, not listening yet. */
export function bootHubSpotSimulator(env: NodeJS.ProcessEnv): SimulatorBoot {
  const config = loadHubSpotSimulatorConfig(env);
  const simulator = createHubSpotSimulator({
    seed: config.seed,
    scale: config.scale,
    piiCanary: config.piiCanary,
    credentials: config.credentials,
    knobs: config.knobs,
    searchRateLimit: config.searchRateLimit,
    dailyLimit: config.dailyLimit,
    webhooks: config.webhooks,
    portalVariant: config.portalVariant,
  });
  const c = config.credentials;
  return {
    config,
    simulator,
    credentials: {
      authorization: `Bearer ${c.token}`,
      portalId: String(c.portalId),
      appId: String(c.appId),
      appSecret: `${c.appSecret} (X-HubSpot-Signature-v3 key)`,
      webhooks: config.webhooks.targetUrl
        ? `${config.webhooks.targetUrl} (${config.webhooks.subscriptions?.join(', ')})`
        : 'off (PUT /__simulator/webhooks)',
    },
  };
}

// Started directly (`tsx simulators/hubspot/src/index.ts`), not imported by run-all or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulator(() => bootHubSpotSimulator(process.env));
}
