import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnv, type Env } from '@omnigraph/shared/config';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { maxStaleSecondsEnv } from '@omnigraph/shared/cache';
import { enabledByDefault, pollIntervalMs } from '@omnigraph/shared/freshness';
import { upstreamBudgetEnvShape } from '@omnigraph/shared/budget';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';
import { DEFAULT_CHANNEL_ORDER_REFS, DEFAULT_SALE_ORDER_NAME_PATTERN, parseChannelOrderRules } from './order-references.ts';
import { PARTNER_PHONE_FIELDS, type PartnerPhoneField } from './upstream/odoo/odoo-lookup.ts';
import { ODOO_PROTOCOLS, type OdooProtocol } from './upstream/odoo/odoo-transport.ts';

const isRegExp = (value: string): boolean => {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
};

/** Environment of the `erp` subgraph; every problem is reported at once at start. */
export const ErpConfigSchema = z
  .object({
    /** Odoo server, e.g. https://erp.example.pl. Intentionally no default: `npm start` sets it to the simulator. */
    ODOO_BASE_URL: z.url(),
    /** Odoo database name, sent as `X-Odoo-Database`. Intentionally no default. */
    ODOO_DATABASE: z.string().min(1),
    /** API key of the Odoo bot user (JSON-2 bearer; the password of JSON-RPC). A secret: intentionally no default. */
    ODOO_API_KEY: z.string().min(1),
    /**
     * The wire format: `json2` (Odoo 19+, `POST /json/2/<model>/<method>`) or `jsonrpc` (Odoo ≤ 18, `POST /jsonrpc`
     * `execute_kw`; deprecated in 19, removal planned for 22). @default json2
     */
    ODOO_PROTOCOL: z.enum(ODOO_PROTOCOLS as [OdooProtocol, ...OdooProtocol[]]).default('json2'),
    /** The API user's login, which JSON-RPC authenticates with (`common.authenticate`); needed for `jsonrpc` only. */
    ODOO_LOGIN: z.string().min(1).optional(),
    /** @default 4001 */
    ERP_PORT: listenPortEnv(4001),
    /** ERP_HOST, ERP_METRICS_HOST, ERP_METRICS_PORT, ERP_SHUTDOWN_DELAY_MS, ERP_SHUTDOWN_GRACE_MS (see serviceEnvShape) */
    ...serviceEnvShape('ERP', { metricsPort: DEFAULT_METRICS_PORTS.ERP }),
    /** Timeout of one Odoo request (one attempt), ms; always capped by what is left of the gateway's deadline. @default 5000 */
    ERP_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** ERP_MAX_RETRIES, ERP_BREAKER_FAILURES, ERP_BREAKER_HALF_OPEN_MS, ERP_MAX_CONCURRENT_CALLS (see the shape's docs) */
    ...upstreamPolicyEnvShape('ERP'),
    /** odoo's request budget shared by every replica (see packages/shared/src/budget/README.md) */
    ...upstreamBudgetEnvShape('odoo'),
    /** how long a cached product is served without asking Odoo, seconds; 0: always ask. @default 60 */
    ERP_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
    /**
     * The stock micro-cache: how long Odoo's stock rows of a SKU (`stock.quant`) are served without asking Odoo,
     * seconds; 0: read live on every request. The trade-off: a repeated catalogue query costs no Odoo call, but a
     * stock move the change feed has not reported yet (ERP_FRESHNESS_POLL_INTERVAL_MS, or the feed off) shows up to
     * this late. The figure keeps its own `asOf`, and writes that decide on stock (freshReads) always read live.
     * @default 5
     */
    ERP_STOCK_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().max(300).default(5),
    /**
     * How old a cached product (name, EAN, price) or the location list may be when it is served, flagged STALE, while
     * Odoo fails; 0 turns that off. Catalogue data changes a few times a day at most. @default 21600 (6 h)
     */
    ERP_MAX_STALE_CATALOGUE_SECONDS: maxStaleSecondsEnv('catalogue'),
    /**
     * How old stock may be when it is served, flagged STALE, while Odoo fails (otherwise it is read live once older than
     * ERP_STOCK_CACHE_TTL_SECONDS);
     * 0 turns that off. Every sale moves it. @default 600 (10 min)
     */
    ERP_MAX_STALE_STOCK_SECONDS: maxStaleSecondsEnv('stock'),
    /**
     * Poll Odoo for changed products, templates and stock quants (`write_date`) and report them to the cache, so a
     * change shows within seconds (issue 8). One replica polls at a time (Redis lock). @default true
     */
    ERP_FRESHNESS_ENABLED: enabledByDefault,
    /** pause between `write_date` polls (one `search_read` per model and poll), ms. @default 1000 */
    ERP_FRESHNESS_POLL_INTERVAL_MS: pollIntervalMs,
    /**
     * How far behind its cursor each poll looks again, seconds: Odoo dates rows with their transaction's start, so a
     * transaction longer than this can still slip through (the cache TTL then bounds it). @default 30
     */
    ERP_FRESHNESS_OVERLAP_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
    /** Without Redis: a JSON file keeping the cursors across restarts; unset and no Redis → memory. */
    ERP_FRESHNESS_CURSOR_FILE: z.string().min(1).optional(),
    /**
     * The ERP's sale-order names, a regular expression tested on the upper-cased reference (Odoo's default sequence
     * `S00042`; a database with another prefix or padding sets its own). @default ^S\d{5,}$
     */
    ERP_SALE_ORDER_NAME_PATTERN: z.string().min(1).refine(isRegExp, 'must be a regular expression').default(DEFAULT_SALE_ORDER_NAME_PATTERN),
    /**
     * Where the channel connectors keep the channel's order id on a sale order: `;`-separated
     * `<eshop|marketplace>=<client_order_ref|origin|name>:<regex with one capture group>` rules, first match wins.
     * @default eshop=client_order_ref:^WC-(\d{1,18})$;marketplace=client_order_ref:^(<UUID>)$
     */
    ERP_CHANNEL_ORDER_REFS: z
      .string()
      .default(DEFAULT_CHANNEL_ORDER_REFS)
      .superRefine((value, ctx) => {
        const rules = parseChannelOrderRules(value);
        if (!Array.isArray(rules)) ctx.addIssue({ code: 'custom', message: rules.error });
      }),
    /**
     * Partner fields searched for a phone number, comma-separated: `phone` (every Odoo), `phone_sanitized`
     * (E.164, where phone_validation is installed, e.g. with CRM or SMS), `mobile` (Odoo ≤ 18.1 only). @default phone
     */
    ERP_PARTNER_PHONE_FIELDS: z
      .string()
      .default('phone')
      .transform((value) => [
        ...new Set(
          value
            .split(',')
            .map((f) => f.trim())
            .filter((f) => f !== ''),
        ),
      ])
      .refine((fields) => fields.length > 0 && fields.every((f) => (PARTNER_PHONE_FIELDS as readonly string[]).includes(f)), {
        message: `must list one or more of ${PARTNER_PHONE_FIELDS.join(', ')}`,
      })
      .transform((fields) => fields as PartnerPhoneField[]),
    /** How long an order-reference or customer look-up answer is reused, seconds; never served stale. @default 30 */
    ERP_LOOKUP_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().max(3_600).default(30),
    /**
     * The Odoo partner (`res.partner` id) a store pickup reservation is made for when the customer has no linked ERP
     * partner (`erpReservePickup` without `erpPartnerId`), e.g. a "Sklep internetowy – klienci detaliczni" partner.
     * Unset: such a reservation is refused with BAD_USER_INPUT.
     */
    ERP_DEFAULT_PARTNER_ID: z.coerce.number().int().positive().optional(),
    /**
     * Product search's in-process catalogue index (ADR 0012): variants per Odoo read when it is built. Keep it within
     * Odoo's advice of a few thousand compact rows per call. @default 2000
     */
    ERP_SEARCH_INDEX_PAGE_SIZE: z.coerce.number().int().min(100).max(10_000).default(2_000),
    /**
     * The most variants the index holds (about 0.45 KB each, so the default bounds it near 135 MB); a larger catalogue
     * turns product search off with an error instead of exhausting memory. @default 300000
     */
    ERP_SEARCH_INDEX_MAX_ENTRIES: z.coerce.number().int().positive().default(300_000),
    /**
     * A search first reads what changed in Odoo (`write_date`) when the index is older than this, seconds; a product
     * change reported by the change feed does the same at once. @default 30
     */
    ERP_SEARCH_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
    /**
     * The Odoo company (`res.company` id) whose sales taxes price the products: a product's `taxes_id` holds the taxes
     * of every company, and only one company's apply (Odoo's `_filter_taxes_by_company`). Unset: the API user's
     * company (`res.users` `company_id`), asked once, and only when a product holds several companies' taxes.
     */
    ERP_COMPANY_ID: z.coerce.number().int().positive().optional(),
    /** Redis for the shared cache and the freshness cursors; an in-memory cache per process when unset. */
    REDIS_URL: z.url().optional(),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck)
  .superRefine((config, ctx) => {
    if (config.ODOO_PROTOCOL === 'jsonrpc' && config.ODOO_LOGIN === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ODOO_LOGIN'],
        message: 'is required with ODOO_PROTOCOL=jsonrpc (the login JSON-RPC authenticates with)',
      });
    }
  });

export type ErpConfig = z.infer<typeof ErpConfigSchema>;

/** Every variable this subgraph reads, for the root `.env.example` check. */
export const ERP_CONFIG_KEYS = Object.keys(ErpConfigSchema.shape) as (keyof ErpConfig)[];

/** Validates `env`; throws a ConfigError listing every issue (for tests and embedding). */
export function parseErpConfig(env: Env): ErpConfig {
  return parseEnv('erp', ErpConfigSchema, env);
}

/** Validates `env`; throws one ConfigError naming every problem (the process main reports it and exits). */
export function loadErpConfig(env: Env): ErpConfig {
  return parseEnv('erp', ErpConfigSchema, env);
}
