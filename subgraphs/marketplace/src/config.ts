/**
 * The marketplace subgraph's configuration, read from the environment once at start (only `index.ts` passes
 * `process.env`). Every problem is reported at once.
 */
import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnvOrExit } from '@omnigraph/shared/config';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';

/** Hosts of the real Allegro API (prod and sandbox), whose token endpoint lives on another host. */
const REAL_ALLEGRO_HOST = /(^|\.)allegro\.pl$|(^|\.)allegrosandbox\.pl$/;

export const MarketplaceConfigSchema = z
  .object({
    /** Allegro REST API base URL, e.g. https://api.allegro.pl. Intentionally no default: it must point somewhere real. */
    ALLEGRO_BASE_URL: z.url(),
    /**
     * Base URL of the OAuth token endpoint (`<auth>/auth/oauth/token`): https://allegro.pl for real Allegro (not the
     * API host), https://allegro.pl.allegrosandbox.pl for the sandbox. Defaults to ALLEGRO_BASE_URL because the
     * simulator serves both on one host and the dev orchestrator only sets ALLEGRO_BASE_URL; refused when
     * ALLEGRO_BASE_URL is a real Allegro host, where that default would be wrong.
     */
    ALLEGRO_AUTH_URL: z.url().optional(),
    /** the application's Client_ID (HTTP Basic user on the token endpoint). Intentionally no default. */
    ALLEGRO_CLIENT_ID: z.string().trim().min(1),
    /** the application's secret. Intentionally no default: it is a secret. */
    ALLEGRO_CLIENT_SECRET: z.string().trim().min(1),
    /**
     * The seller's refresh token to start from. Allegro rotates it on every refresh; the subgraph keeps the latest
     * in memory only (see allegro-token-provider.ts). Intentionally no default: it is a secret.
     */
    ALLEGRO_REFRESH_TOKEN: z.string().trim().min(1),
    /** port the subgraph listens on. @default 4004 */
    MARKETPLACE_PORT: z.coerce.number().int().min(0).max(65_535).default(4004),
    /** one request (attempt) towards Allegro, in ms; always capped by what is left of the gateway's deadline. @default 5000 */
    MARKETPLACE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** MARKETPLACE_MAX_RETRIES, _BREAKER_FAILURES, _BREAKER_HALF_OPEN_MS, _MAX_CONCURRENT_CALLS (see the shape's docs) */
    ...upstreamPolicyEnvShape('MARKETPLACE'),
    /**
     * How long a read or listed checkout form stays cached, in seconds; short, because it only bridges the gateway's
     * "list the buyer's orders" and "read those orders" steps. 0 turns the cache off. @default 60
     */
    MARKETPLACE_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
    /** at most this many `GET /order/checkout-forms/{id}` in flight per process (Allegro has no batch read). @default 8 */
    MARKETPLACE_MAX_CONCURRENT_READS: z.coerce.number().int().positive().default(8),
    /** Redis for the checkout-form cache; an in-memory cache per process when unset. */
    REDIS_URL: z.url().optional(),
    ...subgraphSecretEnvShape,
  })
  .superRefine((env, ctx) => {
    if (env.ALLEGRO_AUTH_URL !== undefined) return;
    if (REAL_ALLEGRO_HOST.test(new URL(env.ALLEGRO_BASE_URL).hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLEGRO_AUTH_URL'],
        message:
          'required when ALLEGRO_BASE_URL is a real Allegro host: the token endpoint is on https://allegro.pl, not the API host',
      });
    }
  })
  .check(subgraphSecretCheck);

export type MarketplaceConfig = z.infer<typeof MarketplaceConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const MARKETPLACE_CONFIG_KEYS = Object.keys(MarketplaceConfigSchema.shape) as (keyof MarketplaceConfig)[];

export function loadMarketplaceConfig(env: NodeJS.ProcessEnv): MarketplaceConfig {
  return parseEnvOrExit('marketplace', MarketplaceConfigSchema, env);
}

/** The token endpoint base actually used (see ALLEGRO_AUTH_URL). */
export function allegroAuthUrlOf(config: MarketplaceConfig): string {
  return config.ALLEGRO_AUTH_URL ?? config.ALLEGRO_BASE_URL;
}
