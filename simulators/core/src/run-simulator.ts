import { readFile } from 'node:fs/promises';
import { ConfigError, type SimulatorRuntimeConfig } from './simulator-config.ts';
import type { Simulator } from './create-simulator.ts';

/**
 * Boots one simulator from a loaded config: loads the optional records file, listens, prints where it is and how to
 * authenticate, and stops cleanly on Ctrl-C / SIGTERM.
 */
export async function runSimulator(
  load: () => { config: SimulatorRuntimeConfig; simulator: Simulator; credentials: Record<string, string> },
): Promise<Simulator> {
  let loaded: ReturnType<typeof load>;
  try {
    loaded = load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { config, simulator, credentials } = loaded;
  if (config.recordsFile) {
    const payload: unknown = JSON.parse(await readFile(config.recordsFile, 'utf8'));
    const counts = simulator.store.loadRecords(payload);
    console.log(`${simulator.name} simulator: loaded extra records from ${config.recordsFile}: ${JSON.stringify(counts)}`);
  }
  const url = await simulator.listen(config.port, config.host);
  console.log(`${simulator.name} simulator listening on ${url} (seed ${config.seed}, scale ${config.scale})`);
  for (const [k, v] of Object.entries(credentials)) console.log(`  ${k}: ${v}`);
  console.log(`  admin: ${url}/__simulator`);
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return simulator;
}
