import { readFile } from 'node:fs/promises';
import { createLogger } from '@omnigraph/shared/logging';
import { ConfigError, type SimulatorRuntimeConfig } from './simulator-config.ts';
import type { Simulator } from './create-simulator.ts';

export interface SimulatorBoot {
  config: SimulatorRuntimeConfig;
  simulator: Simulator;
  /** what a human needs to call it, printed at start */
  credentials: Record<string, string>;
}

/**
 * Boots simulators from env: creates every one first (so a configuration error in any of them is reported before
 * anything listens), loads each optional records file, listens, prints where each is and how to authenticate, and
 * stops all of them cleanly on Ctrl-C / SIGTERM.
 */
export async function runSimulators(loads: ReadonlyArray<() => SimulatorBoot>): Promise<Simulator[]> {
  const boots: SimulatorBoot[] = [];
  const problems: string[] = [];
  for (const load of loads) {
    try {
      boots.push(load());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    createLogger({ name: 'simulators' }).fatal({ problems }, 'simulator configuration is invalid');
    process.exit(1);
  }
  for (const { config, simulator, credentials } of boots) {
    const logger = createLogger({ name: `${simulator.name}-simulator` });
    if (config.recordsFile) {
      const payload: unknown = JSON.parse(await readFile(config.recordsFile, 'utf8'));
      const counts = simulator.store.loadRecords(payload);
      logger.info({ recordsFile: config.recordsFile, counts }, 'loaded extra records');
    }
    const url = await simulator.listen(config.port, config.host);
    // What a human needs to call it: the simulator's own test credentials (published in this repository, and shown
    // by GET /__simulator), as `name=value` strings, which the redaction by field name leaves readable. The PII
    // canary's value is not logged: tests grep every log for it.
    logger.info(
      {
        url,
        seed: config.seed,
        scale: config.scale,
        piiCanary: Boolean(config.piiCanary),
        credentials: Object.entries(credentials).map(([k, v]) => `${k}=${v}`),
        admin: `${url}/__simulator`,
      },
      'simulator listening',
    );
  }
  const stop = () => {
    void Promise.all(boots.map((b) => b.simulator.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return boots.map((b) => b.simulator);
}

/** {@link runSimulators} for one simulator: the entry point of `simulators/<product>/src/index.ts`. */
export async function runSimulator(load: () => SimulatorBoot): Promise<Simulator> {
  const [simulator] = await runSimulators([load]);
  return simulator!;
}
