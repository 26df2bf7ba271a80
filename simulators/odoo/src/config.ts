import { ConfigError, envPrefix, loadSimulatorConfig, type SimulatorRuntimeConfig, zodProblems } from '@omnigraph/simulator-core';
import { z } from 'zod';
import { DEFAULT_CREDENTIALS, type OdooCredentials } from './odoo-store.ts';

export interface OdooSimulatorConfig extends SimulatorRuntimeConfig {
  credentials: OdooCredentials;
}

const P = `${envPrefix('odoo')}_SIMULATOR_`;

const odooEnvSchema = z
  .object({
    [`${P}DATABASE`]: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'a PostgreSQL database name: letters, digits, _ . -')
      .default(DEFAULT_CREDENTIALS.database),
    [`${P}LOGIN`]: z.string().min(1).default(DEFAULT_CREDENTIALS.login),
    [`${P}API_KEY`]: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_CREDENTIALS.apiKey),
    [`${P}UID`]: z.coerce.number().int().positive().default(DEFAULT_CREDENTIALS.uid),
  })
  .passthrough();

/**
 * Reads the core knobs (`ODOO_SIMULATOR_PORT`, `_LATENCY_MS`, `_FAULT_RATE`, …; Odoo has no rate limit, so none by
 * default) and the bot user's credentials (`ODOO_SIMULATOR_DATABASE`, `_LOGIN`, `_API_KEY`, `_UID`). Reports every
 * problem at once.
 */
export function loadOdooSimulatorConfig(env: NodeJS.ProcessEnv): OdooSimulatorConfig {
  const problems: string[] = [];
  let core: SimulatorRuntimeConfig | null = null;
  try {
    core = loadSimulatorConfig('odoo', env, null);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.issues);
  }
  const own = odooEnvSchema.safeParse(env);
  if (!own.success) problems.push(...zodProblems(own.error));
  if (problems.length > 0 || !core || !own.success) throw new ConfigError('odoo simulator', problems);
  const e = own.data as Record<string, unknown>;
  return {
    ...core,
    credentials: {
      database: e[`${P}DATABASE`] as string,
      login: e[`${P}LOGIN`] as string,
      apiKey: e[`${P}API_KEY`] as string,
      uid: e[`${P}UID`] as number,
    },
  };
}
