import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnv, parseEnvOrExit, type Env } from '@omnigraph/shared/config';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';

/** Environment of the `erp` subgraph; every problem is reported at once at start. */
export const ErpConfigSchema = z.object({
  /** Odoo server, e.g. https://erp.example.pl. Intentionally no default: `npm start` sets it to the simulator. */
  ODOO_BASE_URL: z.url(),
  /** Odoo database name, sent as `X-Odoo-Database`. Intentionally no default. */
  ODOO_DATABASE: z.string().min(1),
  /** API key of the Odoo bot user (JSON-2 bearer). A secret: intentionally no default. */
  ODOO_API_KEY: z.string().min(1),
  /** @default 4001 */
  ERP_PORT: z.coerce.number().int().min(0).max(65_535).default(4001),
  /** Timeout of one Odoo request (one attempt), ms; always capped by what is left of the gateway's deadline. @default 5000 */
  ERP_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** ERP_MAX_RETRIES, ERP_BREAKER_FAILURES, ERP_BREAKER_HALF_OPEN_MS, ERP_MAX_CONCURRENT_CALLS (see the shape's docs) */
  ...upstreamPolicyEnvShape('ERP'),
  /** TTL of cached products, seconds; 0 disables the cache. @default 60 */
  ERP_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /** Redis for the shared cache; an in-memory cache per process when unset. */
  REDIS_URL: z.url().optional(),
  ...subgraphSecretEnvShape,
}).check(subgraphSecretCheck);

export type ErpConfig = z.infer<typeof ErpConfigSchema>;

/** Every variable this subgraph reads, for the root `.env.example` check. */
export const ERP_CONFIG_KEYS = Object.keys(ErpConfigSchema.shape) as (keyof ErpConfig)[];

/** Validates `env`; throws a ConfigError listing every issue (for tests and embedding). */
export function parseErpConfig(env: Env): ErpConfig {
  return parseEnv('erp', ErpConfigSchema, env);
}

/** Validates `env`, printing every issue and exiting 1 when invalid. Only `index.ts` passes `process.env`. */
export function loadErpConfig(env: Env): ErpConfig {
  return parseEnvOrExit('erp', ErpConfigSchema, env);
}
