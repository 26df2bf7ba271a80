import { readFile } from 'node:fs/promises';
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
    console.error(problems.join('\n'));
    process.exit(1);
  }
  for (const { config, simulator, credentials } of boots) {
    if (config.recordsFile) {
      const payload: unknown = JSON.parse(await readFile(config.recordsFile, 'utf8'));
      const counts = simulator.store.loadRecords(payload);
      console.log(`${simulator.name} simulator: loaded extra records from ${config.recordsFile}: ${JSON.stringify(counts)}`);
    }
    const url = await simulator.listen(config.port, config.host);
    console.log(`${simulator.name} simulator listening on ${url} (seed ${config.seed}, scale ${config.scale}${config.piiCanary ? `, PII canary ${config.piiCanary}` : ''})`);
    for (const [k, v] of Object.entries(credentials)) console.log(`  ${k}: ${v}`);
    console.log(`  admin: ${url}/__simulator`);
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
