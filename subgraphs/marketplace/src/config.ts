/**
 * The marketplace subgraph's configuration, read from the environment once at start (only `index.ts` passes
 * `process.env`). Every problem is reported at once.
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
     * The seller's refresh token to start from. Allegro rotates it on every refresh, so it only seeds the token store
     * (ALLEGRO_TOKEN_STORE): when the store holds nothing, or when this value was never applied before (set a new one
     * and restart to replace the grant). Intentionally no default: it is a secret.
     */
    ALLEGRO_REFRESH_TOKEN: z.string().trim().min(1),
    /**
     * Where the rotating Allegro grant (refresh + access token) is kept: `redis` (shared by every replica, with a
     * refresh lock), `file` (ALLEGRO_TOKEN_FILE, one process), `memory` (lost on restart: only for the bundled
     * simulator, which forgets its grants on restart too). @default redis when REDIS_URL is set, else file
     */
    ALLEGRO_TOKEN_STORE: z.enum(['redis', 'file', 'memory']).optional(),
    /** the token file of ALLEGRO_TOKEN_STORE=file (written atomically, mode 0600). @default ./.omnigraph-allegro-token.json */
    ALLEGRO_TOKEN_FILE: z.string().trim().min(1).default('./.omnigraph-allegro-token.json'),
    /** port the subgraph listens on. @default 4004 */
    MARKETPLACE_PORT: listenPortEnv(4004),
    /** MARKETPLACE_HOST, MARKETPLACE_METRICS_HOST, MARKETPLACE_METRICS_PORT, MARKETPLACE_SHUTDOWN_DELAY_MS, MARKETPLACE_SHUTDOWN_GRACE_MS (see serviceEnvShape) */
    ...serviceEnvShape('MARKETPLACE', { metricsPort: DEFAULT_METRICS_PORTS.MARKETPLACE }),
    /** one request (attempt) towards Allegro, in ms; always capped by what is left of the gateway's deadline. @default 5000 */
    MARKETPLACE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** MARKETPLACE_MAX_RETRIES, _BREAKER_FAILURES, _BREAKER_HALF_OPEN_MS, _MAX_CONCURRENT_CALLS (see the shape's docs) */
    ...upstreamPolicyEnvShape('MARKETPLACE'),
    /** allegro's request budget shared by every replica (see packages/shared/src/budget/README.md) */
    ...upstreamBudgetEnvShape('allegro'),
    /**
     * How long a read or listed checkout form stays cached, in seconds; short, because it only bridges the gateway's
     * "list the buyer's orders" and "read those orders" steps. 0: always ask Allegro. @default 60
     */
    MARKETPLACE_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
    /**
     * The offer micro-cache: how long the seller's offers of a SKU (price, quantity; "no offer" too) are served
     * without asking Allegro, seconds; 0: read live on every request. The trade-off: a repeated catalogue query costs
     * no Allegro call, but a change the offer-event feed (`GET /sale/offer-events`) has not reported yet shows up to
     * this late. Each offer keeps its own `stockAsOf`. @default 5
     */
    MARKETPLACE_OFFER_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().max(300).default(5),
    /**
     * How old the seller's offers of a SKU may be when they are served, flagged STALE, while Allegro fails (they are
     * otherwise read live once older than MARKETPLACE_OFFER_CACHE_TTL_SECONDS); an offer carries a price and a quantity, so it takes stock's max age. 0 turns that off.
     * @default 600 (10 min)
     */
    MARKETPLACE_MAX_STALE_STOCK_SECONDS: maxStaleSecondsEnv('stock'),
    /**
     * How old a cached checkout form or a buyer's order list may be when it is served, flagged STALE, while Allegro
     * fails (the lists are otherwise read live); 0 turns that off. @default 3600 (1 h)
     */
    MARKETPLACE_MAX_STALE_ORDERS_SECONDS: maxStaleSecondsEnv('orders'),
    /** at most this many `GET /order/checkout-forms/{id}` in flight per process (Allegro has no batch read). @default 8 */
    MARKETPLACE_MAX_CONCURRENT_READS: z.coerce.number().int().positive().default(8),
    /**
     * How long the phone → Allegro buyer directory keeps a buyer after their last form seen, in seconds (Allegro
     * cannot search buyers by phone; the directory answers phone lookups). 0 turns it off. @default 2592000 (30 days)
     */
    MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS: z.coerce
      .number()
      .int()
      .nonnegative()
      .default(30 * 24 * 3600),
    /**
     * Pages of 100 newest checkout forms read at start to fill the buyer directory (one list call each, in the
     * background); after order events one page is re-read. 0: only forms read anyway are indexed. @default 10
     */
    MARKETPLACE_BUYER_DIRECTORY_BACKFILL_PAGES: z.coerce.number().int().min(0).max(100).default(10),
    /**
     * Poll Allegro's order journal (`GET /order/events`) and offer journal (`GET /sale/offer-events`) and report each
     * changed order and offer to the cache (issue 8: a change shows within seconds, not at TTL expiry). One replica
     * polls at a time (Redis lock). @default true
     */
    MARKETPLACE_FRESHNESS_ENABLED: enabledByDefault,
    /** pause between journal polls, in ms. @default 1000 */
    MARKETPLACE_FRESHNESS_POLL_INTERVAL_MS: pollIntervalMs,
    /**
     * Without Redis: a JSON file keeping the journal cursor across restarts (e.g. `./.omnigraph-freshness.json`).
     * Unset and no Redis → memory: a restart starts again at the latest event.
     */
    MARKETPLACE_FRESHNESS_CURSOR_FILE: z.string().min(1).optional(),
    /** Redis for the checkout-form cache and the freshness cursor; an in-memory cache per process when unset. */
    REDIS_URL: z.url().optional(),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .superRefine((env, ctx) => {
    if (env.ALLEGRO_AUTH_URL !== undefined) return;
    if (REAL_ALLEGRO_HOST.test(new URL(env.ALLEGRO_BASE_URL).hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLEGRO_AUTH_URL'],
        message: 'required when ALLEGRO_BASE_URL is a real Allegro host: the token endpoint is on https://allegro.pl, not the API host',
      });
    }
  })
  .superRefine((env, ctx) => {
    if (env.ALLEGRO_TOKEN_STORE === 'redis' && env.REDIS_URL === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ALLEGRO_TOKEN_STORE'], message: 'redis needs REDIS_URL' });
    }
  })
  .check(subgraphSecretCheck);

export type MarketplaceConfig = z.infer<typeof MarketplaceConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const MARKETPLACE_CONFIG_KEYS = Object.keys(MarketplaceConfigSchema.shape) as (keyof MarketplaceConfig)[];

export function loadMarketplaceConfig(env: NodeJS.ProcessEnv): MarketplaceConfig {
  return parseEnv('marketplace', MarketplaceConfigSchema, env);
}

/** The token store actually used (see ALLEGRO_TOKEN_STORE). */
export function allegroTokenStoreOf(config: MarketplaceConfig): 'redis' | 'file' | 'memory' {
  return config.ALLEGRO_TOKEN_STORE ?? (config.REDIS_URL === undefined ? 'file' : 'redis');
}

/** The token endpoint base actually used (see ALLEGRO_AUTH_URL). */
export function allegroAuthUrlOf(config: MarketplaceConfig): string {
  return config.ALLEGRO_AUTH_URL ?? config.ALLEGRO_BASE_URL;
}
