import { z } from 'zod';
import { parseEnv, type Env } from '../config/index.ts';
import type { Logger } from '../logging/index.ts';
import type { UpstreamBudgetGate } from './budget-gate.ts';
import { createUpstreamBudget, type BucketLimit, type UpstreamBudgetOptions } from './create-upstream-budget.ts';

/** The products whose limits the governor knows; a subgraph spends the buckets of the product it calls. */
export type BudgetProduct = 'hubspot' | 'allegro' | 'woocommerce' | 'odoo';

/**
 * A limit variable: a whole number ≥ 1, `off` for no budget, or unset for the default (which is `off` where the
 * product has no limit of its own).
 */
function limitVariable(fallback: number | undefined) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx): number | undefined => {
      if (value === undefined || value === '') return fallback;
      if (value.toLowerCase() === 'off') return undefined;
      const limit = Number(value);
      if (Number.isInteger(limit) && limit >= 1) return limit;
      ctx.addIssue({ code: 'custom', message: 'expected a whole number ≥ 1, or off' });
      return z.NEVER;
    });
}

/** Env variables per product. Limits are the product's own, shared by every replica and subgraph calling it. */
const PRODUCT_ENV = {
  hubspot: {
    /**
     * `hubspot:all`, calls per rolling 10 s for the private app's account. HubSpot's usage guidelines and the
     * changelog "Increasing our API limits": 190 / 10 s on Professional and Enterprise (Free and Starter: 100; the
     * API limit increase pack: 250). Its answers carry X-HubSpot-RateLimit-Max / -Remaining /
     * -Interval-Milliseconds (requests allowed in the rolling window, left in it, its length), which the caller
     * reports through `observe` to tighten this. @default 190
     */
    HUBSPOT_BUDGET_REQUESTS_PER_10S: limitVariable(190),
    /**
     * `hubspot:search`, CRM search calls per second for the whole account, on top of `hubspot:all` (a search also
     * counts there). HubSpot's changelog "CRM Search API Rate Limit Increase" took it from 1 to 4 per second per
     * token, and "Increasing our API limits" raised the search limit again; 5 per second per account is the figure
     * in issue 8 and docs/upstream-apis (not re-checked against the live guidelines page: set it lower if HubSpot
     * answers 429 SECONDLY). Search answers carry no X-HubSpot-RateLimit-* headers (HubSpot community thread under
     * "Rate limit headers will now appear for OAuth authenticated calls": only X-HubSpot-Correlation-Id), so only
     * a 429's Retry-After can tighten it. @default 5
     */
    HUBSPOT_BUDGET_SEARCHES_PER_SECOND: limitVariable(5),
  },
  allegro: {
    /**
     * `allegro:all`, calls per minute for the Client ID (developer.allegro.pl FAQ, "Limits and restrictions": 9000
     * per minute; above it the Client ID is blocked for a minute with 429). Allegro documents no rate-limit headers,
     * so a 429 reports a one-minute block. @default 9000
     */
    ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: limitVariable(9_000),
    /**
     * `allegro:shipments`, calls per second to the parcel-number resources (`/order/checkout-forms/{id}/shipments`,
     * `/order/carriers`), on top of `allegro:all`: the spec limits them to 50 requests per second. @default 50
     */
    ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND: limitVariable(50),
  },
  woocommerce: {
    /**
     * `woocommerce:all`, calls per minute. WooCommerce's wc/v3 REST API has no limit of its own; the host or its WAF
     * may have one. @default off
     */
    WOOCOMMERCE_BUDGET_REQUESTS_PER_MINUTE: limitVariable(undefined),
  },
  odoo: {
    /** `odoo:all`, calls per minute. Odoo has no API limit; its workers do (set this to protect them). @default off */
    ODOO_BUDGET_REQUESTS_PER_MINUTE: limitVariable(undefined),
  },
} as const;

/** Which bucket each limit variable sets, and its window. */
const PRODUCT_BUCKETS: Record<BudgetProduct, ReadonlyArray<{ bucket: string; variable: string; windowMs: number }>> = {
  hubspot: [
    { bucket: 'hubspot:all', variable: 'HUBSPOT_BUDGET_REQUESTS_PER_10S', windowMs: 10_000 },
    { bucket: 'hubspot:search', variable: 'HUBSPOT_BUDGET_SEARCHES_PER_SECOND', windowMs: 1_000 },
  ],
  allegro: [
    { bucket: 'allegro:all', variable: 'ALLEGRO_BUDGET_REQUESTS_PER_MINUTE', windowMs: 60_000 },
    { bucket: 'allegro:shipments', variable: 'ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND', windowMs: 1_000 },
  ],
  woocommerce: [{ bucket: 'woocommerce:all', variable: 'WOOCOMMERCE_BUDGET_REQUESTS_PER_MINUTE', windowMs: 60_000 }],
  odoo: [{ bucket: 'odoo:all', variable: 'ODOO_BUDGET_REQUESTS_PER_MINUTE', windowMs: 60_000 }],
};

/** Variables of the governor itself, the same for every product. */
const COMMON_ENV = {
  /**
   * Share of every upstream limit partners (bulk callers) may fill in any window, counting everybody's calls; the
   * rest stays free for the call center and in-store staff. @default 0.6
   */
  UPSTREAM_BUDGET_BULK_SHARE: z.coerce.number().min(0).max(1).default(0.6),
  /**
   * Replicas of this subgraph. Only used while Redis is unreachable: each replica then spends
   * max(1, floor(limit / replicas)) of every limit from memory. @default 1
   */
  UPSTREAM_BUDGET_REPLICAS: z.coerce.number().int().positive().default(1),
  /**
   * Added to every bucket's window when counting our grants, so the jitter between a grant (timed at Redis) and the
   * request's arrival at the upstream cannot put limit + 1 calls into one of the upstream's windows. Costs
   * limit × margin / (window + margin) per window: HubSpot search runs at 5 per 1.1 s (4.5/s) with the default.
   * e2e/upstream-budget measured the jitter in process on a loaded 2-core machine; over a network, raise it if the
   * upstream still answers 429. @default 100
   */
  UPSTREAM_BUDGET_WINDOW_MARGIN_MS: z.coerce.number().int().nonnegative().default(100),
  /** How long a budget decision may wait for Redis before the local share decides. @default 100 */
  UPSTREAM_BUDGET_REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(100),
  /** Longest a partner's call waits for a unit before a 429 with Retry-After. @default 250 */
  UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: z.coerce.number().int().nonnegative().default(250),
  /** Longest an interactive call waits for a unit (the request's deadline may cut it shorter). @default 2000 */
  UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS: z.coerce.number().int().nonnegative().default(2_000),
};

/**
 * The env shape a subgraph's `config.ts` spreads into its schema for the product it calls (so every variable is
 * checked once at start and listed by the `.env.example` check), e.g. `...upstreamBudgetEnvShape('hubspot')`.
 */
export function upstreamBudgetEnvShape<P extends BudgetProduct>(product: P): (typeof PRODUCT_ENV)[P] & typeof COMMON_ENV {
  return { ...PRODUCT_ENV[product], ...COMMON_ENV };
}

type ParsedBudgetEnv = z.infer<z.ZodObject<typeof COMMON_ENV>> & Record<string, unknown>;

/** Options for `createUpstreamBudget` from a config parsed with `upstreamBudgetEnvShape` (Redis and logger apart). */
export function upstreamBudgetOptionsFromConfig(
  products: readonly BudgetProduct[],
  config: ParsedBudgetEnv,
): Pick<UpstreamBudgetOptions, 'buckets' | 'bulkShare' | 'replicas' | 'timeoutMs' | 'maxWaitMs' | 'windowMarginMs'> {
  const buckets: Record<string, BucketLimit> = {};
  for (const product of products) {
    for (const { bucket, variable, windowMs } of PRODUCT_BUCKETS[product]) {
      const limit = config[variable];
      if (typeof limit === 'number') buckets[bucket] = { limit, windowMs };
    }
  }
  return {
    buckets,
    bulkShare: config.UPSTREAM_BUDGET_BULK_SHARE,
    replicas: config.UPSTREAM_BUDGET_REPLICAS,
    timeoutMs: config.UPSTREAM_BUDGET_REDIS_TIMEOUT_MS,
    windowMarginMs: config.UPSTREAM_BUDGET_WINDOW_MARGIN_MS,
    maxWaitMs: { interactive: config.UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS, bulk: config.UPSTREAM_BUDGET_BULK_MAX_WAIT_MS },
  };
}

export interface UpstreamBudgetFromEnvOptions {
  /** The products this process calls. */
  products: readonly BudgetProduct[];
  env: Env;
  /** The deployable's REDIS_URL; absent ⇒ one replica, budget in memory. */
  redisUrl?: string | undefined;
  logger?: Pick<Logger, 'warn' | 'info'> | undefined;
  /** @default 'budget:v1:' */
  keyPrefix?: string | undefined;
}

/**
 * The governor for `products`, configured from env (throws ConfigError listing every bad variable). Deployables
 * that already parsed their env with `upstreamBudgetEnvShape` use `upstreamBudgetOptionsFromConfig` instead.
 */
export async function createUpstreamBudgetFromEnv(options: UpstreamBudgetFromEnvOptions): Promise<UpstreamBudgetGate> {
  const shape = Object.assign({}, ...options.products.map((p) => upstreamBudgetEnvShape(p))) as typeof COMMON_ENV;
  const config = parseEnv('upstream budget', z.object(shape), options.env) as ParsedBudgetEnv;
  return createUpstreamBudget({
    ...upstreamBudgetOptionsFromConfig(options.products, config),
    redisUrl: options.redisUrl,
    logger: options.logger,
    keyPrefix: options.keyPrefix,
  });
}
