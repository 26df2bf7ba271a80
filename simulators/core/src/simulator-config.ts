import { z } from 'zod';
import { PII_CANARY_PATTERN } from '@omnigraph/simulator-dataset';
import type { KnobsState, SimulatorName } from './simulator-types.ts';

const faultKind = z.enum(['status', 'rate_limit', 'hang', 'reset', 'garbage']);
const nonNegative = z.coerce.number().nonnegative();

/** The env prefix of a simulator: `ODOO`, `WOOCOMMERCE`, `HUBSPOT`, `ALLEGRO`. */
export function envPrefix(name: SimulatorName): string {
  return name.toUpperCase();
}

/** Default ports, one per simulator, documented in the README. */
export const DEFAULT_PORTS: Record<SimulatorName, number> = {
  odoo: 8069,
  woocommerce: 8070,
  hubspot: 8071,
  allegro: 8072,
};

/**
 * Knobs every simulator reads at start, as `<PRODUCT>_SIMULATOR_<KNOB>` (e.g. `ALLEGRO_SIMULATOR_LATENCY_MS`),
 * plus the dataset settings shared by all four (`SIMULATOR_SEED`, `SIMULATOR_SCALE`, `SIMULATOR_PII_CANARY`).
 */
export function simulatorEnvSchema(name: SimulatorName) {
  const p = `${envPrefix(name)}_SIMULATOR_`;
  return z
    .object({
      [`${p}PORT`]: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORTS[name]),
      [`${p}HOST`]: z.string().min(1).default('127.0.0.1'),
      [`${p}LATENCY_MS`]: nonNegative.default(0),
      [`${p}LATENCY_JITTER_MS`]: nonNegative.default(0),
      [`${p}FAULT_RATE`]: z.coerce.number().min(0).max(1).default(0),
      [`${p}FAULT_KIND`]: faultKind.default('status'),
      [`${p}FAULT_STATUS`]: z.coerce.number().int().min(400).max(599).default(503),
      // 'off' switches off the budget the real API enforces by default (benchmarks of the gateway itself).
      [`${p}RATE_LIMIT`]: z.union([z.literal('off'), z.coerce.number().int().positive()]).optional(),
      [`${p}RATE_LIMIT_WINDOW_MS`]: z.coerce.number().int().positive().optional(),
      [`${p}RECORDS_FILE`]: z.string().min(1).optional(),
      SIMULATOR_SEED: z.coerce.number().int().default(20_261_123),
      SIMULATOR_SCALE: z.coerce.number().positive().max(50).default(1),
      // Empty means unset, so a blank line in an env file does not switch the canaries on.
      SIMULATOR_PII_CANARY: z.preprocess(
        (v) => (v === '' ? undefined : v),
        z.string().regex(PII_CANARY_PATTERN, 'lower-case letters and digits, 4–16 characters').optional(),
      ),
    })
    .passthrough();
}

export interface SimulatorRuntimeConfig {
  port: number;
  host: string;
  seed: number;
  scale: number;
  /** marker every piece of personal data in the dataset then carries (`SIMULATOR_PII_CANARY`); undefined: off */
  piiCanary: string | undefined;
  /** JSON file of extra records in the upstream's format, loaded after the seed */
  recordsFile: string | undefined;
  knobs: Partial<KnobsState>;
}

export class ConfigError extends Error {
  readonly service: string;
  readonly issues: string[];

  constructor(service: string, issues: string[]) {
    super(`Invalid configuration for ${service}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.service = service;
    this.issues = issues;
    this.name = 'ConfigError';
  }
}

/** zod's issues as `path: message` lines (never the received value, which may be a secret in the wrong variable). */
export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Parses env with a zod schema and reports every problem at once, not only the first. */
export function parseEnv<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(service, zodProblems(result.error));
}

/**
 * Reads the common simulator knobs. `defaultRateLimit` is the budget the real API enforces out of the box
 * (null for Odoo and WooCommerce, which have none).
 */
export function loadSimulatorConfig(
  name: SimulatorName,
  env: NodeJS.ProcessEnv,
  defaultRateLimit: { limit: number; windowMs: number; blockMs?: number } | null,
): SimulatorRuntimeConfig {
  const parsed = parseEnv(`${name} simulator`, simulatorEnvSchema(name), env) as Record<string, unknown>;
  const p = `${envPrefix(name)}_SIMULATOR_`;
  const get = <T>(k: string) => parsed[`${p}${k}`] as T;
  const limit = get<number | 'off' | undefined>('RATE_LIMIT');
  const windowMs = get<number | undefined>('RATE_LIMIT_WINDOW_MS');
  const rateLimit =
    limit === 'off'
      ? null
      : limit !== undefined || windowMs !== undefined
        ? {
            ...defaultRateLimit,
            limit: limit ?? defaultRateLimit?.limit ?? 100,
            windowMs: windowMs ?? defaultRateLimit?.windowMs ?? 60_000,
          }
        : defaultRateLimit;
  const faultRate = get<number>('FAULT_RATE');
  return {
    port: get('PORT'),
    host: get('HOST'),
    seed: parsed['SIMULATOR_SEED'] as number,
    scale: parsed['SIMULATOR_SCALE'] as number,
    piiCanary: parsed['SIMULATOR_PII_CANARY'] as string | undefined,
    recordsFile: get('RECORDS_FILE'),
    knobs: {
      latency: { fixedMs: get('LATENCY_MS'), jitterMs: get('LATENCY_JITTER_MS') },
      rateLimit,
      faults: faultRate > 0 ? [{ kind: get('FAULT_KIND'), status: get('FAULT_STATUS'), ratio: faultRate }] : [],
    },
  };
}
