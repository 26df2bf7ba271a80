import { ConfigError, type ConfigIssue, type Env } from '../config/index.ts';
import { createLogger, type Logger } from '../logging/index.ts';
import type { DrainOptions, DrainResult } from './drain.ts';
import { ListenError } from './listen.ts';
import { startMetricsListener, type MetricsListener } from './metrics-listener.ts';
import type { ServiceSettings } from './service-env.ts';

/** One started part of a process (a subgraph, the gateway, a simulator): drained first, then closed. */
export interface ServiceUnit {
  name: string;
  /** drains the unit's public listener (see createHttpDrain); units without one are only closed */
  drain?(options: DrainOptions): Promise<DrainResult>;
  /** closes the listener and everything the unit opened (caches, Redis connections, pollers) */
  close(): Promise<void>;
}

export interface ServiceContext {
  logger: Logger;
  settings: ServiceSettings;
  /** the metrics listener's URL, when one runs (for a banner) */
  metricsUrl: string | undefined;
  /** adds a started unit: drained on SIGTERM/SIGINT, closed in reverse order of registration */
  register(unit: ServiceUnit): void;
}

export interface RunServiceOptions<C> {
  /** the logger name, e.g. `erp`, `gateway`, `stack` */
  name: string;
  /** validates the whole configuration; throws one ConfigError naming every problem */
  load(env: Env): C;
  settings(config: C): ServiceSettings;
  /** starts and registers the process's units; throws to abort the start (everything registered is closed) */
  start(config: C, context: ServiceContext): Promise<void>;
  /** @default process.env */
  env?: Env;
  logger?: Logger;
}

/** Exit codes of a service process: anything that keeps it from serving (config, port, start) is 1. */
export const EXIT = { ok: 0, failed: 1 } as const;

/**
 * The one `main` of every process: validate the config (every problem in one log line, no stack trace, exit 1 before
 * anything listens), start the metrics listener and the units (a port in use names its variable, exit 1), then on
 * SIGTERM/SIGINT drain every unit at once, close them in reverse order and exit 0. A second signal exits at once (1);
 * so does a drain that outlives its delay and grace by 10 s.
 */
export async function runService<C>(options: RunServiceOptions<C>): Promise<void> {
  const logger = options.logger ?? createLogger({ name: options.name });
  let config: C;
  let settings: ServiceSettings;
  try {
    config = options.load(options.env ?? process.env);
    settings = options.settings(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal({ service: error.service, issues: error.issues }, configErrorMessage(error.issues));
    return exit(EXIT.failed);
  }

  const units: ServiceUnit[] = [];
  let metrics: MetricsListener | undefined;
  let stopping: Promise<void> | undefined;
  let starting = true;
  let stopRequested = false;

  const closeAll = async (): Promise<void> => {
    for (const unit of [...units].reverse()) {
      await unit.close().catch((error: unknown) => logger.error({ err: error, unit: unit.name }, 'close failed'));
    }
    await metrics?.close();
  };

  const shutdown = async (signal: string): Promise<void> => {
    const { delayMs, graceMs } = settings.shutdown;
    logger.info({ signal, delayMs, graceMs }, 'draining: readiness is 503, in-flight requests finish');
    const force = setTimeout(() => {
      logger.error({ delayMs, graceMs }, 'shutdown took longer than its delay and grace; exiting');
      exit(EXIT.failed);
    }, delayMs + graceMs + 10_000);
    force.unref();
    const results = await Promise.all(
      units.map(async (unit) => ({ unit: unit.name, result: await unit.drain?.(settings.shutdown).catch(() => undefined) })),
    );
    const cut = results.reduce((sum, r) => sum + (r.result?.cut ?? 0), 0);
    await closeAll();
    if (cut > 0) logger.warn({ cut, graceMs }, `shutdown cut ${cut} request(s) still in flight after the grace`);
    logger.info({ units: results.map((r) => ({ name: r.unit, ...r.result })) }, 'stopped');
    exit(EXIT.ok);
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping !== undefined || stopRequested) {
      logger.warn({ signal }, 'second signal: exiting without waiting for the drain');
      exit(EXIT.failed);
      return;
    }
    if (starting) {
      // finish starting first, so what is half-started is closed too
      stopRequested = true;
      logger.info({ signal }, 'signal during start: stopping once started');
      return;
    }
    stopping = shutdown(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    if (settings.metrics !== undefined) {
      metrics = await startMetricsListener({ ...settings.metrics, role: settings.role });
    }
    await options.start(config, {
      logger,
      settings,
      metricsUrl: metrics?.url,
      register: (unit) => void units.push(unit),
    });
  } catch (error) {
    if (error instanceof ListenError || error instanceof ConfigError) {
      logger.fatal(
        error instanceof ListenError ? { variable: error.variable, code: error.code } : { issues: error.issues },
        error instanceof ListenError ? error.message : configErrorMessage(error.issues),
      );
    } else {
      logger.fatal({ err: error }, 'failed to start');
    }
    await closeAll();
    return exit(EXIT.failed);
  }
  starting = false;
  if (metrics !== undefined) logger.info({ metrics: metrics.url }, 'metrics listener ready');
  if (stopRequested) stopping = shutdown('SIGTERM');
}

/** One line naming every variable at fault and what is wrong with it. */
export function configErrorMessage(issues: readonly ConfigIssue[]): string {
  return `invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
}

// The one place a service process ends itself: mains call runService, library code throws.
function exit(code: number): never {
  process.exit(code);
}
