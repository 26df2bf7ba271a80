import { pathToFileURL } from 'node:url';
import { runSimulator } from '@omnigraph/simulator-core';
import { loadHubspotSimulatorConfig } from './config.ts';
import { createHubspotSimulator } from './create-hubspot-simulator.ts';

export { createHubspotSimulator, OBJECT_PREFIXES } from './create-hubspot-simulator.ts';
export type { CreateHubspotSimulatorOptions } from './create-hubspot-simulator.ts';
export {
  DEFAULT_CREDENTIALS,
  HUBSPOT_DEFAULT_DAILY_LIMIT,
  HUBSPOT_DEFAULT_RATE_LIMIT,
  HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT,
  loadHubspotSimulatorConfig,
} from './config.ts';
export type { HubspotSimulatorConfig } from './config.ts';
export type { HubspotCredentials } from './hubspot-context.ts';

// Started directly (`tsx simulators/hubspot/src/index.ts`), not imported by run-all or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulator(() => {
    const config = loadHubspotSimulatorConfig(process.env);
    const simulator = createHubspotSimulator({
      seed: config.seed,
      scale: config.scale,
      credentials: config.credentials,
      knobs: config.knobs,
      searchRateLimit: config.searchRateLimit,
      dailyLimit: config.dailyLimit,
      webhooks: config.webhooks,
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
        webhooks: config.webhooks.targetUrl ? `${config.webhooks.targetUrl} (${config.webhooks.subscriptions?.join(', ')})` : 'off (PUT /__simulator/webhooks)',
      },
    };
  });
}
