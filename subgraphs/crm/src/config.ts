/**
 * The crm subgraph's configuration, read from the environment once at start (only `index.ts` passes `process.env`).
 * Every problem is reported at once.
 */
import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnv } from '@omnigraph/shared/config';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { maxStaleSecondsEnv } from '@omnigraph/shared/cache';
import { enabledByDefault, pollIntervalMs } from '@omnigraph/shared/freshness';
import { upstreamBudgetEnvShape } from '@omnigraph/shared/budget';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';
import type { CrmLoyaltyTier } from './upstream/crm-client.ts';

export const CrmConfigSchema = z
  .object({
    /** HubSpot API base URL, e.g. https://api.hubapi.com. Intentionally no default: it must point somewhere real. */
    HUBSPOT_BASE_URL: z.url(),
    /** private-app / service-key token (`Authorization: Bearer …`). Intentionally no default: it is a secret. */
    HUBSPOT_ACCESS_TOKEN: z.string().trim().min(1),
    /** port the subgraph listens on. @default 4003 */
    CRM_PORT: listenPortEnv(4003),
    /** CRM_HOST, CRM_METRICS_HOST, CRM_METRICS_PORT, CRM_SHUTDOWN_DELAY_MS, CRM_SHUTDOWN_GRACE_MS (see serviceEnvShape) */
    ...serviceEnvShape('CRM', { metricsPort: DEFAULT_METRICS_PORTS.CRM }),
    /** one request (attempt) towards HubSpot, in ms; always capped by what is left of the gateway's deadline. @default 5000 */
    CRM_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** CRM_MAX_RETRIES, CRM_BREAKER_FAILURES, CRM_BREAKER_HALF_OPEN_MS, CRM_MAX_CONCURRENT_CALLS (see the shape's docs) */
    ...upstreamPolicyEnvShape('CRM'),
    /** hubspot's request budget shared by every replica (see packages/shared/src/budget/README.md) */
    ...upstreamBudgetEnvShape('hubspot'),
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
    /**
     * Poll HubSpot's webhooks journal for contact changes, merges and GDPR deletions and report them to the cache
     * (issue 8); needs no public endpoint. One replica polls at a time (Redis lock). @default true
     */
    CRM_FRESHNESS_ENABLED: enabledByDefault,
    /** pause between journal polls, ms. @default 1000 */
    CRM_FRESHNESS_POLL_INTERVAL_MS: pollIntervalMs,
    /** Without Redis: a JSON file keeping the journal offset across restarts; unset and no Redis → memory. */
    CRM_FRESHNESS_CURSOR_FILE: z.string().min(1).optional(),
    /**
     * Token for the journal: on real HubSpot an app's client-credentials token with `developer.webhooks_journal.read`
     * (a private-app token is refused there). Unset → HUBSPOT_ACCESS_TOKEN (what the simulator accepts).
     */
    HUBSPOT_JOURNAL_ACCESS_TOKEN: z.string().trim().min(1).optional(),
    /** the HubSpot account whose journal to read (`installPortalId`); unset → the token's own */
    HUBSPOT_JOURNAL_PORTAL_ID: z.coerce.number().int().positive().optional(),
    /**
     * The app's client secret, which signs webhooks (`X-HubSpot-Signature-v3`). Set → `POST /webhooks/hubspot` is
     * mounted; unset → no webhook endpoint (the journal alone keeps the cache fresh). Intentionally no default.
     */
    HUBSPOT_WEBHOOK_CLIENT_SECRET: z.string().trim().min(8).optional(),
    /**
     * The exact Target URL registered in the HubSpot app (part of what is signed), e.g.
     * `https://omnigraph.example.pl/webhooks/hubspot`. Unset → rebuilt from the request's Host header (local setups).
     */
    HUBSPOT_WEBHOOK_TARGET_URL: z.url().optional(),
    /**
     * How the portal writes numbers it keeps in text properties (our `loyalty_points` created as single-line text):
     * `pl` ("1.250" is 1250, "1,25" is 1.25) or `en` ("1,250" is 1250). Unset: `loyalty_points` is a HubSpot number
     * property, as the README sets it up ("1.250" is HubSpot's 1.25), and a text value whose one separator stands
     * before three digits ("1,250") is ambiguous: shown as null and logged, never guessed. Unambiguous forms ("1 250",
     * "1250,50", "1.250,50") read either way.
     */
    CRM_NUMBER_LOCALE: z.enum(['pl', 'en']).optional(),
    /**
     * The portal's own `loyalty_tier` option values, when they are not ours (standard, silver, gold, platinum, or the
     * Polish standardowy/srebrny/złoty/platynowy): `value=TIER` pairs, comma-separated, e.g. `vip=PLATINUM,stały
     * klient=SILVER`; compared case- and diacritics-insensitively. Other unknown values read as STANDARD and are logged.
     */
    CRM_LOYALTY_TIER_VALUES: z
      .string()
      .trim()
      .regex(
        /^[^=,]+=(STANDARD|SILVER|GOLD|PLATINUM)(\s*,\s*[^=,]+=(STANDARD|SILVER|GOLD|PLATINUM))*$/,
        'value=TIER pairs separated by commas, TIER one of STANDARD, SILVER, GOLD, PLATINUM',
      )
      .transform((list) => new Map(list.split(',').map((pair) => pair.split('=').map((x) => x.trim()) as [string, CrmLoyaltyTier])))
      .optional(),
    /** Redis for the contact cache and the journal offset; an in-memory cache per process when unset. */
    REDIS_URL: z.url().optional(),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck);

export type CrmConfig = z.infer<typeof CrmConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const CRM_CONFIG_KEYS = Object.keys(CrmConfigSchema.shape) as (keyof CrmConfig)[];

export function loadCrmConfig(env: NodeJS.ProcessEnv): CrmConfig {
  return parseEnv('crm', CrmConfigSchema, env);
}
