import { ConfigError, type ConfigIssue, type Env } from '../config/index.ts';
import { createLogger, flushLogs, type Logger } from '../logging/index.ts';
import type { DrainOptions, DrainResult } from './drain.ts';
import { applyHeapGrowing, heapGrowingPercentOf } from './heap.ts';
import { ListenError } from './listen.ts';
import { collectProcessMetrics } from '../metrics/index.ts';
import { startTracing, TracingConfigError, type Tracing } from '../tracing/index.ts';
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
  /**
   * Start OpenTelemetry tracing from the standard `OTEL_*` variables (off unless an exporter is configured), as
   * `name`; the simulators stand in for third-party systems and are not traced. @default true
   */
  tracing?: boolean;
}

const REPEAT_SIGNAL_MS = 1_000;

/** Exit codes of a service process: anything that keeps it from serving (config, port, start) is 1. */
export const EXIT = { ok: 0, failed: 1 } as const;

/**
 * The one `main` of every process: validate the config (every problem in one log line, no stack trace, exit 1 before
 * anything listens), start the metrics listener and the units (a port in use names its variable, exit 1), then on
 * SIGTERM/SIGINT drain the units front to back, close them in reverse order and exit 0. A second signal exits at once (1);
 * so does a drain that outlives its delay and grace by 10 s.
 */
export async function runService<C>(options: RunServiceOptions<C>): Promise<void> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger({ name: options.name, level: logLevelOf(env) });
  let config: C;
  let settings: ServiceSettings;
  let tracing: Tracing | undefined;
  try {
    const heap = heapGrowingPercentOf(env);
    // every problem in one message: the role's own variables and the process-wide one
    const issues = 'issue' in heap ? [heap.issue] : [];
    try {
      config = options.load(env);
    } catch (error) {
      if (error instanceof ConfigError && issues.length > 0) throw new ConfigError(error.service, [...error.issues, ...issues]);
      throw error;
    }
    if ('issue' in heap) throw new ConfigError(options.name, issues);
    settings = options.settings(config);
    // before the units allocate: the old generation's growth between collections (docs/adr/0016-heap-sizing.md)
    applyHeapGrowing(heap.percent);
    // One tracer provider per process, before any unit makes a span; its configuration was validated with the rest.
    if (options.tracing !== false) tracing = startTracing({ role: options.name, env });
  } catch (error) {
    if (!reportStartFailure(logger, error)) throw error;
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
      logger.debug({ unit: unit.name }, 'closed');
    }
    await metrics?.close();
    // last: the spans of the drain itself are exported too
    await tracing?.shutdown();
  };

  const shutdown = async (signal: string): Promise<void> => {
    const { delayMs, graceMs } = settings.shutdown;
    logger.info({ signal, delayMs, graceMs }, 'draining: readiness is 503, in-flight requests finish');
    const force = setTimeout(
      () => {
        logger.error({ delayMs, graceMs }, 'shutdown took longer than its delay and grace; exiting');
        exit(EXIT.failed);
      },
      delayMs + graceMs + 10_000,
    );
    force.unref();
    // Front to back (units in reverse order of start): in `npm start` the gateway's in-flight requests still need
    // the subgraphs, and theirs the simulators, so a unit drains only once the one in front of it has. The delay is
    // the front unit's; the grace is one budget for all.
    const deadline = performance.now() + delayMs + graceMs;
    const results: { unit: string; result: DrainResult | undefined }[] = [];
    for (const [index, unit] of [...units].reverse().entries()) {
      const options = index === 0 ? settings.shutdown : { delayMs: 0, graceMs: Math.max(0, Math.round(deadline - performance.now())) };
      results.push({ unit: unit.name, result: await unit.drain?.(options).catch(() => undefined) });
      logger.debug({ unit: unit.name, result: results.at(-1)?.result }, 'drained');
    }
    const cut = results.reduce((sum, r) => sum + (r.result?.cut ?? 0), 0);
    await closeAll();
    if (cut > 0) logger.warn({ cut, graceMs }, `shutdown cut ${cut} request(s) still in flight after the grace`);
    logger.info({ units: results.map((r) => ({ name: r.unit, ...r.result })) }, 'stopped');
    exit(EXIT.ok);
  };

  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    // One Ctrl-C can arrive twice: the terminal signals the whole process group and a wrapper (tsx, npm) relays it
    // again. Only a signal sent at least a second later is a deliberate "stop now".
    if (firstSignalAt !== undefined && performance.now() - firstSignalAt < REPEAT_SIGNAL_MS) return;
    if (stopping !== undefined || stopRequested) {
      logger.warn({ signal }, 'second signal: exiting without waiting for the drain');
      exit(EXIT.failed);
      return;
    }
    firstSignalAt = performance.now();
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
    // Node's own figures once per process, under the name of the process's main (a container's service, or `stack`)
    collectProcessMetrics(options.name);
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
    if (!reportStartFailure(logger, error)) logger.fatal({ err: error }, 'failed to start');
    await closeAll();
    return exit(EXIT.failed);
  }
  starting = false;
  if (metrics !== undefined) logger.info({ metrics: metrics.url }, 'metrics listener ready');
  if (stopRequested) stopping = shutdown('SIGTERM');
}

/**
 * The failures an operator fixes in the environment (a variable's value, a port in use): one line saying which and
 * why, without a stack trace. False for anything else, which the caller reports as the bug it is.
 */
function reportStartFailure(logger: Logger, error: unknown): boolean {
  if (error instanceof ConfigError) logger.fatal({ service: error.service, issues: error.issues }, configErrorMessage(error.issues));
  else if (error instanceof ListenError) logger.fatal({ variable: error.variable, code: error.code }, error.message);
  else if (error instanceof TracingConfigError) logger.fatal({}, error.message);
  else return false;
  return true;
}

/** One line naming every variable at fault and what is wrong with it. */
export function configErrorMessage(issues: readonly ConfigIssue[]): string {
  return `invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL when it names a level (the gateway's schema validates it; the kit's own lines must not fail before that) */
function logLevelOf(env: Env): (typeof LEVELS)[number] {
  const level = env['LOG_LEVEL'];
  return (LEVELS as readonly (string | undefined)[]).includes(level) ? (level as (typeof LEVELS)[number]) : 'info';
}

// The one place a service process ends itself: mains call runService, library code throws. The log lines still in
// the stdout buffer (the last "stopped", a fatal config error) are written first.
function exit(code: number): never {
  flushLogs();
  process.exit(code);
}
