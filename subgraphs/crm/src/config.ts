/**
 * The crm subgraph's configuration, read from the environment once at start (only `index.ts` passes `process.env`).
 * Every problem is reported at once.
 */
import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnvOrExit } from '@omnigraph/shared/config';
import { maxStaleSecondsEnv } from '@omnigraph/shared/cache';

export const CrmConfigSchema = z.object({
  /** HubSpot API base URL, e.g. https://api.hubapi.com. Intentionally no default: it must point somewhere real. */
  HUBSPOT_BASE_URL: z.url(),
  /** private-app / service-key token (`Authorization: Bearer …`). Intentionally no default: it is a secret. */
  HUBSPOT_ACCESS_TOKEN: z.string().trim().min(1),
  /** port the subgraph listens on. @default 4003 */
  CRM_PORT: z.coerce.number().int().min(0).max(65_535).default(4003),
  /** per-request timeout towards HubSpot, in ms. @default 5000 */
  CRM_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** how long a read contact is served from the cache without asking HubSpot, in seconds; 0: always ask. @default 60 */
  CRM_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /**
   * How old a cached contact or look-up may be when it is served, flagged STALE, while HubSpot fails (or its budget
   * is spent); 0 turns that off. Personal data: kept short so a withdrawn consent or an erased person does not live
   * on in the cache. @default 900 (15 min)
   */
  CRM_MAX_STALE_CONTACTS_SECONDS: maxStaleSecondsEnv('contacts'),
  /**
   * How long an identical `findCustomers` look-up (same e-mail, phone or name, same `first`) is answered from the
   * cache without a HubSpot search; concurrent identical look-ups share one search regardless. HubSpot allows 5
   * searches per second for the whole portal. 0 turns the look-up cache off. @default 10
   */
  CRM_LOOKUP_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().max(300).default(10),
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
