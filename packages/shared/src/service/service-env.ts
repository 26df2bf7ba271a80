import { z } from 'zod';
import type { DrainOptions } from './drain.ts';

/** The metrics port of each role when `<ROLE>_METRICS_PORT` is unset (one per process on one machine). */
export const DEFAULT_METRICS_PORTS = { GATEWAY: 9400, ERP: 9401, ESHOP: 9402, CRM: 9403, MARKETPLACE: 9404, COMMANDS: 9405, PRICING: 9406 } as const;

/** Loopback: reachable from this machine only. Containers set `0.0.0.0` explicitly. */
export const DEFAULT_LISTEN_HOST = '127.0.0.1';

export type ServiceEnvKey<R extends string> =
  `${R}_HOST` | `${R}_METRICS_HOST` | `${R}_METRICS_PORT` | `${R}_SHUTDOWN_DELAY_MS` | `${R}_SHUTDOWN_GRACE_MS`;

const PORT_MESSAGE = 'must be a port number, 0–65535 (0 = any free port)';

/** `<ROLE>_PORT`: the public listener's port, with a message an operator can act on. */
export const listenPortEnv = (fallback: number) =>
  z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(0, PORT_MESSAGE).max(65_535, PORT_MESSAGE).default(fallback);

const host = z.string().trim().min(1, 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0').default(DEFAULT_LISTEN_HOST);
const MS_MESSAGE = 'must be a whole number of milliseconds, 0–600000';
const millis = (fallback: number) =>
  z.coerce.number({ error: MS_MESSAGE }).int(MS_MESSAGE).min(0, MS_MESSAGE).max(600_000, MS_MESSAGE).default(fallback);
const metricsPort = (fallback: number | 'off') =>
  z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)], { error: `${PORT_MESSAGE}, or \`off\`` }).default(fallback);

/**
 * The variables every process reads to listen and stop (issue 9):
 * - `<ROLE>_HOST`: the public listener's address. @default 127.0.0.1
 * - `<ROLE>_METRICS_HOST`, `<ROLE>_METRICS_PORT`: the Prometheus listener (`GET /metrics` only); `off` disables it, 0
 *   picks a free port. @default 127.0.0.1, {@link DEFAULT_METRICS_PORTS}
 * - `<ROLE>_SHUTDOWN_DELAY_MS`: after SIGTERM, how long the process keeps serving with `/readyz` at 503 while load
 *   balancers stop routing to it. @default 5000
 * - `<ROLE>_SHUTDOWN_GRACE_MS`: then, how long in-flight requests get to finish before they are cut. @default 20000
 */
export function serviceEnvShape<R extends string>(role: R, defaults: { metricsPort: number | 'off' }) {
  return {
    [`${role}_HOST`]: host,
    [`${role}_METRICS_HOST`]: host,
    [`${role}_METRICS_PORT`]: metricsPort(defaults.metricsPort),
    [`${role}_SHUTDOWN_DELAY_MS`]: millis(5_000),
    [`${role}_SHUTDOWN_GRACE_MS`]: millis(20_000),
  } as {
    [K in `${R}_HOST` | `${R}_METRICS_HOST`]: typeof host;
  } & { [K in `${R}_METRICS_PORT`]: ReturnType<typeof metricsPort> } & {
    [K in `${R}_SHUTDOWN_DELAY_MS` | `${R}_SHUTDOWN_GRACE_MS`]: ReturnType<typeof millis>;
  };
}

/** How one process listens and stops, from its parsed config. */
export interface ServiceSettings {
  /** the env prefix, e.g. `GATEWAY`: error messages name `<role>_PORT`, `<role>_METRICS_PORT` … */
  role: string;
  host: string;
  /** undefined: `<ROLE>_METRICS_PORT=off` */
  metrics: { host: string; port: number } | undefined;
  shutdown: DrainOptions;
}

export type ServiceEnv<R extends string> = { [K in `${R}_HOST` | `${R}_METRICS_HOST`]: string } & {
  [K in `${R}_METRICS_PORT`]: number | 'off';
} & { [K in `${R}_SHUTDOWN_DELAY_MS` | `${R}_SHUTDOWN_GRACE_MS`]: number };

export function serviceSettingsOf<R extends string>(role: R, config: ServiceEnv<R>): ServiceSettings {
  // the mapped keys do not narrow inside a generic; the schema from serviceEnvShape guarantees these types
  const env = config as unknown as Record<string, string | number>;
  const metricsPortValue = env[`${role}_METRICS_PORT`] as number | 'off';
  return {
    role,
    host: env[`${role}_HOST`] as string,
    metrics: metricsPortValue === 'off' ? undefined : { host: env[`${role}_METRICS_HOST`] as string, port: metricsPortValue },
    shutdown: { delayMs: env[`${role}_SHUTDOWN_DELAY_MS`] as number, graceMs: env[`${role}_SHUTDOWN_GRACE_MS`] as number },
  };
}
