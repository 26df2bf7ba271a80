import { z } from 'zod';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { parseEnv } from '@omnigraph/shared/config';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { maxStaleSecondsEnv } from '@omnigraph/shared/cache';
import { upstreamBudgetEnvShape } from '@omnigraph/shared/budget';
import { upstreamPolicyEnvShape } from '@omnigraph/shared/upstream';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Environment of the eshop subgraph. Secrets and the shop URL have no defaults: they must point somewhere real. */
export const EshopConfigSchema = z
  .object({
    /** the shop's site root, e.g. `https://sklep.example.pl` (the adapter appends `/wp-json/wc/v3`); intentionally no default */
    WOOCOMMERCE_BASE_URL: z.url(),
    /** REST API consumer key (`ck_…`), read permission is enough; intentionally no default */
    WOOCOMMERCE_CONSUMER_KEY: z.string().min(1),
    /** REST API consumer secret (`cs_…`); intentionally no default */
    WOOCOMMERCE_CONSUMER_SECRET: z.string().min(1),
    /** the shop's currency (WooCommerce setting): product JSON carries none. @default 'PLN' */
    WOOCOMMERCE_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. PLN')
      .default('PLN'),
    /**
     * The shop's base country (WooCommerce → Settings → General → Store address, `woocommerce_default_country`, the
     * country part): its tax rates turn net listing prices into what the shopper pays. @default 'PL'
     */
    WOOCOMMERCE_BASE_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. PL')
      .default('PL'),
    /**
     * Whether the shop's product prices are entered including tax (WooCommerce → Settings → Tax, "Prices entered with
     * tax", `woocommerce_prices_include_tax`). `no`: listing prices are net and get the base country's rate of the
     * product's tax class. `auto` reads the setting (and then the rates) once an hour per process, which needs a key
     * whose user may read settings (manage_woocommerce, e.g. an administrator's or shop manager's key); a key refused
     * reads prices as including tax and says so once. @default 'auto'
     */
    ESHOP_PRICES_INCLUDE_TAX: z.enum(['auto', 'yes', 'no']).default('auto'),
    /**
     * Secret of the shop's webhooks (WooCommerce → Settings → Advanced → Webhooks → Secret), used to verify
     * `X-WC-Webhook-Signature` on `POST /webhooks/woocommerce`. Unset → the endpoint is not mounted (no freshness from
     * the shop; caches expire by TTL). Intentionally no default: it is a secret.
     */
    WOOCOMMERCE_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    /** @default 4002 */
    ESHOP_PORT: listenPortEnv(4002),
    /** ESHOP_HOST, ESHOP_METRICS_HOST, ESHOP_METRICS_PORT, ESHOP_SHUTDOWN_DELAY_MS, ESHOP_SHUTDOWN_GRACE_MS (see serviceEnvShape) */
    ...serviceEnvShape('ESHOP', { metricsPort: DEFAULT_METRICS_PORTS.ESHOP }),
    /** one upstream request (attempt), in ms; always capped by what is left of the gateway's deadline. @default 5000 */
    ESHOP_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** ESHOP_MAX_RETRIES, ESHOP_BREAKER_FAILURES, ESHOP_BREAKER_HALF_OPEN_MS, ESHOP_MAX_CONCURRENT_CALLS (see the shape's docs) */
    ...upstreamPolicyEnvShape('ESHOP'),
    /** woocommerce's request budget shared by every replica (see packages/shared/src/budget/README.md) */
    ...upstreamBudgetEnvShape('woocommerce'),
    /**
     * How long cached orders and listings are served without asking WooCommerce, in seconds; 0: always ask. Short: it only has to bridge the gateway's
     * summaries step and the order entity step of one query. @default 60
     */
    ESHOP_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
    /**
     * How old a cached listing may be when it is served, flagged STALE, while WooCommerce fails; 0 turns that off.
     * A listing carries a price and a stock quantity, so it takes stock's max age. @default 600 (10 min)
     */
    ESHOP_MAX_STALE_STOCK_SECONDS: maxStaleSecondsEnv('stock'),
    /**
     * How old a cached order or a customer's order list may be when it is served, flagged STALE, while WooCommerce
     * fails (the lists are otherwise always read live); 0 turns that off. @default 3600 (1 h)
     */
    ESHOP_MAX_STALE_ORDERS_SECONDS: maxStaleSecondsEnv('orders'),
    /**
     * The order meta key under which the shop's checkout plugin stores the buyer's NIP (e.g. `_billing_nip`);
     * WooCommerce core has no tax-id field. Set, NIP lookups search the orders for it (the plugin must make the key
     * searchable, as NIP plugins do), and an order's buyer NIP reads it before the known plugins' keys. Unset → NIP
     * lookups answer nothing; orders still carry a NIP kept under a known plugin key.
     * Intentionally no default: the key differs per plugin.
     */
    ESHOP_NIP_META_KEY: z
      .string()
      .regex(/^[\w.-]{1,64}$/, 'a meta key: letters, digits, _ . -')
      .optional(),
    /**
     * What the shop's order numbers look like when a numbering plugin (Sequential Order Numbers, Custom Order Numbers)
     * gives them instead of the order id: a regular expression over the whole number, e.g. `ZAM/\d{4}/\d+` or
     * `\d{4,8}`. Set, references of that form are looked up through the order search; unset, numbers are order ids.
     */
    ESHOP_ORDER_NUMBER_PATTERN: z
      .string()
      .max(200)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    /**
     * Where the shop keeps parcel tracking: `fulfillments` (WooCommerce ≥ 10.1 core order fulfillments, one
     * `GET /orders/{id}/fulfillments` per order whose parcels are asked), `meta` (the WooCommerce Shipment Tracking /
     * Advanced Shipment Tracking order meta `_wc_shipment_tracking_items`, already in the order: no extra call), or
     * `auto`: the meta, plus the fulfillments endpoint only for orders whose meta `_fulfillment_status` says they have
     * fulfillments. @default 'auto'
     */
    ESHOP_SHIPMENT_TRACKING: z.enum(['auto', 'fulfillments', 'meta']).default('auto'),
    // ---- writes (ADR 0011): how orders and refunds written for the call center and the stores look in the shop ----
    /** payment method of orders placed for a customer (a WooCommerce gateway id). @default 'cod' (cash on delivery / at pickup) */
    ESHOP_ORDER_PAYMENT_METHOD: z.string().min(1).default('cod'),
    /** its title on the order. @default 'Płatność przy odbiorze' */
    ESHOP_ORDER_PAYMENT_METHOD_TITLE: z.string().min(1).default('Płatność przy odbiorze'),
    /** shipping method id of a COURIER delivery (a shipping zone's method). @default 'flat_rate' */
    ESHOP_COURIER_METHOD_ID: z.string().min(1).default('flat_rate'),
    /** @default 'Kurier' */
    ESHOP_COURIER_METHOD_TITLE: z.string().min(1).default('Kurier'),
    /**
     * Shipping method id of a PARCEL_LOCKER delivery; the locker id goes into the shipping line's meta
     * `_parcel_machine_id` as InPost's plugin stores it. @default 'easypack_parcel_machines' (InPost for WooCommerce)
     */
    ESHOP_PARCEL_LOCKER_METHOD_ID: z.string().min(1).default('easypack_parcel_machines'),
    /** @default 'Paczkomat InPost 24/7' */
    ESHOP_PARCEL_LOCKER_METHOD_TITLE: z.string().min(1).default('Paczkomat InPost 24/7'),
    /**
     * Shipping method id of a STORE_PICKUP (click-and-collect); the store code goes into meta `_pickup_location_code`.
     * `local_pickup` or `pickup_location` (Blocks checkout): the read mapper knows both. @default 'local_pickup'
     */
    ESHOP_STORE_PICKUP_METHOD_ID: z.enum(['local_pickup', 'pickup_location']).default('local_pickup'),
    /** the title, followed by " – <store name>" when the store's name is known. @default 'Odbiór osobisty' */
    ESHOP_STORE_PICKUP_METHOD_TITLE: z.string().min(1).default('Odbiór osobisty'),
    /**
     * VAT rate (percent) → the shop's tax class slug, so a line is taxed at the rate its price was decided with:
     * `rate=class` pairs, the standard class is empty. @default '23=,8=reduced-rate,5=super-reduced-rate,0=zero-rate'
     */
    ESHOP_TAX_CLASSES: z
      .string()
      .default('23=,8=reduced-rate,5=super-reduced-rate,0=zero-rate')
      .transform((raw, ctx) => {
        const map = new Map<string, string>();
        for (const pair of raw
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '')) {
          const match = /^(\d{1,2}(?:\.\d{1,2})?)=([\w-]*)$/.exec(pair);
          if (!match) {
            ctx.addIssue({ code: 'custom', message: `not a rate=class pair: ${pair}` });
            return z.NEVER;
          }
          map.set(String(Number(match[1])), match[2]!);
        }
        return map;
      }),
    /**
     * Refund returns through the payment gateway (`api_refund`): true sends the money back online, which gateways
     * without refunds (cod, bacs) refuse. @default false: the store pays the customer back at the till
     */
    ESHOP_REFUND_VIA_GATEWAY: booleanFlag.default(false),
    /**
     * Put returned goods back on the shop's stock (`api_restock`). @default false: the goods are booked into the
     * store's stock in the ERP, which feeds the shop's stock itself
     */
    ESHOP_RETURN_RESTOCK: booleanFlag.default(false),
    /** Redis for the shared cache; unset → an in-process memory cache */
    REDIS_URL: z.url().optional(),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck);
export type EshopConfig = z.infer<typeof EshopConfigSchema>;

/** Every variable this subgraph reads, for the root `.env.example` check. */
export const ESHOP_CONFIG_KEYS = Object.keys(EshopConfigSchema.shape) as (keyof EshopConfig)[];

/** Validates `env`; throws one ConfigError naming every problem (the process main reports it and exits). */
export function loadEshopConfig(env: NodeJS.ProcessEnv): EshopConfig {
  return parseEnv('eshop', EshopConfigSchema, env);
}
