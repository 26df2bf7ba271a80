import { pathToFileURL } from 'node:url';
import { runSimulators } from '@omnigraph/simulator-core';
import { bootAllegroSimulator } from '@omnigraph/simulator-allegro';
import { bootHubSpotSimulator } from '@omnigraph/simulator-hubspot';
import { bootOdooSimulator } from '@omnigraph/simulator-odoo';
import { bootWooCommerceSimulator } from '@omnigraph/simulator-woocommerce';

export { startSimulatorStack } from './start-simulator-stack.ts';
export type { SimulatorStack, SimulatorStackOptions } from './start-simulator-stack.ts';
export { BASE_URL_VARIABLES, subgraphEnvFor } from './subgraph-env.ts';
export { countUpstreamWrites } from './upstream-writes.ts';

// `npm run simulators`: all four on their default ports, each configured by its own <PRODUCT>_SIMULATOR_* env.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulators(
    [bootOdooSimulator, bootWooCommerceSimulator, bootHubSpotSimulator, bootAllegroSimulator].map((boot) => () => boot(process.env)),
  );
}
