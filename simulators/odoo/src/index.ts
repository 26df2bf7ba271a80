import { pathToFileURL } from 'node:url';
import { runSimulator, type SimulatorBoot } from '@omnigraph/simulator-core';
import { loadOdooSimulatorConfig } from './config.ts';
import { createOdooSimulator } from './create-odoo-simulator.ts';

export { createOdooSimulator } from './create-odoo-simulator.ts';
export type { CreateOdooSimulatorOptions, OdooSimulator } from './create-odoo-simulator.ts';
export { loadOdooSimulatorConfig } from './config.ts';
export type { OdooSimulatorConfig } from './config.ts';
export { DEFAULT_CREDENTIALS } from './odoo-store.ts';
export type { OdooCredentials } from './odoo-store.ts';

/** Reads `ODOO_SIMULATOR_*` (and the shared dataset settings) from env and creates the simulator, not listening yet. */
export function bootOdooSimulator(env: NodeJS.ProcessEnv): SimulatorBoot {
  const config = loadOdooSimulatorConfig(env);
  const simulator = createOdooSimulator({
    seed: config.seed,
    scale: config.scale,
    piiCanary: config.piiCanary,
    credentials: config.credentials,
    knobs: config.knobs,
  });
  const c = config.credentials;
  return {
    config,
    simulator,
    credentials: {
      database: c.database,
      login: c.login,
      'api key (JSON-RPC password, JSON-2 bearer)': c.apiKey,
      uid: String(c.uid),
      'JSON-RPC':
        'POST /jsonrpc  {"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":[db, uid, key, model, method, args, kwargs]}}',
      'JSON-2': `POST /json/2/<model>/<method>  Authorization: bearer ${c.apiKey}`,
    },
  };
}

// Run only when executed directly (`tsx simulators/odoo/src/index.ts`), not when imported by run-all or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulator(() => bootOdooSimulator(process.env));
}
