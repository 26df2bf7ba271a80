import { readFile } from 'node:fs/promises';
import { ConfigError as ServiceConfigError, type ConfigIssue } from '@omnigraph/shared/config';
import { createHttpDrain, listenErrorOf, runService } from '@omnigraph/shared/service';
import { ConfigError, envPrefix, type SimulatorRuntimeConfig } from './simulator-config.ts';
import type { Simulator } from './create-simulator.ts';
import type { SimulatorName } from './simulator-types.ts';

export interface SimulatorBoot {
  config: SimulatorRuntimeConfig;
  simulator: Simulator;
  /** what a human needs to call it, printed at start */
  credentials: Record<string, string>;
}

/** A simulator answers in-flight requests within this after SIGTERM (its latency knob stays far below it). */
const SIMULATOR_SHUTDOWN = { delayMs: 0, graceMs: 5_000 };

/**
 * Every simulator's config problems as the service kit's issues (`ODOO_SIMULATOR_PORT: …`), all at once.
 * Throws one ConfigError, or returns every boot.
 */
export function bootSimulators(loads: ReadonlyArray<() => SimulatorBoot>): SimulatorBoot[] {
  const boots: SimulatorBoot[] = [];
  const issues: ConfigIssue[] = [];
  for (const load of loads) {
    try {
      boots.push(load());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const issue of error.issues) {
        const at = issue.indexOf(': ');
        issues.push(at < 0 ? { path: error.service, message: issue } : { path: issue.slice(0, at), message: issue.slice(at + 2) });
      }
    }
  }
  if (issues.length > 0) throw new ServiceConfigError('simulators', issues);
  return boots;
}

/**
 * The process main of simulators (`simulators/<product>/src/index.ts`, `npm run simulators`): validates every
 * simulator's env first (every problem at once, nothing listens), loads each optional records file, listens, logs
 * where each is and how to authenticate, and on SIGTERM/SIGINT lets in-flight requests finish, then exits 0 (the
 * service kit's runService).
 */
export function runSimulators(loads: ReadonlyArray<() => SimulatorBoot>): Promise<void> {
  return runService({
    name: 'simulators',
    tracing: false,
    load: () => bootSimulators(loads),
    settings: (boots) => ({
      role: boots.length === 1 ? `${envPrefix(boots[0]!.simulator.name as SimulatorName)}_SIMULATOR` : 'SIMULATORS',
      host: boots[0]?.config.host ?? '127.0.0.1',
      metrics: undefined,
      shutdown: SIMULATOR_SHUTDOWN,
    }),
    start: async (boots, { logger, register }) => {
      for (const { config, simulator, credentials } of boots) {
        if (config.recordsFile) {
          const payload: unknown = JSON.parse(await readFile(config.recordsFile, 'utf8'));
          const counts = simulator.store.loadRecords(payload);
          logger.info({ simulator: simulator.name, recordsFile: config.recordsFile, counts }, 'loaded extra records');
        }
        const drain = createHttpDrain(simulator.server);
        register({ name: `${simulator.name} simulator`, drain: drain.drain, close: () => simulator.close() });
        const url = await simulator.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => {
          throw listenErrorFor(simulator.name as SimulatorName, config, error);
        });
        // What a human needs to call it: the simulator's own test credentials (published in this repository, and shown
        // by GET /__simulator), as `name=value` strings, which the redaction by field name leaves readable. The PII
        // canary's value is not logged: tests grep every log for it.
        logger.info(
          {
            simulator: simulator.name,
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
    },
  });
}

function listenErrorFor(name: SimulatorName, config: SimulatorRuntimeConfig, error: NodeJS.ErrnoException): Error {
  const prefix = `${envPrefix(name)}_SIMULATOR_`;
  return listenErrorOf(error, { host: config.host, port: config.port, hostVariable: `${prefix}HOST`, portVariable: `${prefix}PORT` });
}

/** {@link runSimulators} for one simulator: the entry point of `simulators/<product>/src/index.ts`. */
export function runSimulator(load: () => SimulatorBoot): Promise<void> {
  return runSimulators([load]);
}
