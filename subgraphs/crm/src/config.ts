/**
 * The crm subgraph's configuration, read from the environment once at start (only `index.ts` passes `process.env`).
 * Every problem is reported at once.
 */
import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnvOrExit } from '@omnigraph/shared/config';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';

export const CrmConfigSchema = z.object({
  /** HubSpot API base URL, e.g. https://api.hubapi.com. Intentionally no default: it must point somewhere real. */
  HUBSPOT_BASE_URL: z.url(),
  /** private-app / service-key token (`Authorization: Bearer …`). Intentionally no default: it is a secret. */
  HUBSPOT_ACCESS_TOKEN: z.string().trim().min(1),
  /** port the subgraph listens on. @default 4003 */
  CRM_PORT: z.coerce.number().int().min(0).max(65_535).default(4003),
  /** one request (attempt) towards HubSpot, in ms; always capped by what is left of the gateway's deadline. @default 5000 */
  CRM_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** CRM_MAX_RETRIES, CRM_BREAKER_FAILURES, CRM_BREAKER_HALF_OPEN_MS, CRM_MAX_CONCURRENT_CALLS (see the shape's docs) */
  ...upstreamPolicyEnvShape('CRM'),
  /** how long a read contact stays cached, in seconds; 0 turns the cache off. @default 60 */
  CRM_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /** Redis for the contact cache; an in-memory cache per process when unset. */
  REDIS_URL: z.url().optional(),
  ...subgraphSecretEnvShape,
}).check(subgraphSecretCheck);

export type CrmConfig = z.infer<typeof CrmConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const CRM_CONFIG_KEYS = Object.keys(CrmConfigSchema.shape) as (keyof CrmConfig)[];

export function loadCrmConfig(env: NodeJS.ProcessEnv): CrmConfig {
  return parseEnvOrExit('crm', CrmConfigSchema, env);
}
