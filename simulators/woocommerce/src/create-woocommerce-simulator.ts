/**
 * The WooCommerce REST API v3 simulator (`/wp-json/wc/v3`), built over the canonical dataset.
 */
import { createSimulator, type KnobsState, type RateLimitInfo, type SimRequest, type SimResponse, type Simulator } from '@omnigraph/simulator-core';
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { adminRoutes } from './routes/admin-routes.ts';
import { couponRoutes } from './routes/coupons-routes.ts';
import { customerRoutes } from './routes/customers-routes.ts';
import { orderRoutes } from './routes/orders-routes.ts';
import { productRoutes } from './routes/products-routes.ts';
import { refundRoutes } from './routes/refunds-routes.ts';
import { orderNoteRoutes } from './routes/order-notes-routes.ts';
import { webhookRoutes } from './routes/webhooks-routes.ts';
import { taxRoutes } from './routes/tax-routes.ts';
import { createWcRoutes, decorateWpResponse, namespaceIndexRoute, preDispatch, siteUrlFor, type WebhookEvent } from './wc-api.ts';
import { WebhookDispatcher } from './webhook-dispatcher.ts';
import { errorResponse, htmlPage, invalidJson, JSON_CONTENT_TYPE, noRoute, permissionError } from './wp-errors.ts';
import { variationAsProduct } from './woocommerce-mappers.ts';
import { WooCommerceStore, type WcTaxSettings } from './woocommerce-store.ts';
import type { WooCommerceCredentials } from './woocommerce-types.ts';

/** Fixed defaults so a local setup works without configuration ("ck_"/"cs_" + 40 hex, like real keys). */
export const DEFAULT_CREDENTIALS: WooCommerceCredentials = {
  consumerKey: 'ck_c999a3fe257dd3025f5a8f34cf76b6c89653f5ce',
  consumerSecret: 'cs_a75a5f7c9eb8b336ad12b5f32d6d997984ef93bc',
  readOnlyConsumerKey: 'ck_d5471ee878faef436ffbf566f64066bc9ad75032',
  readOnlyConsumerSecret: 'cs_ded5fd48b94c23db072210a9f9b21ba5bd0f4b93',
};

export interface CreateWooCommerceSimulatorOptions {
  seed?: number;
  scale?: number;
  /** the dataset's PII canary marker (see DatasetOptions.piiCanary); ignored when `dataset` is given */
  piiCanary?: string;
  dataset?: Dataset;
  credentials?: Partial<WooCommerceCredentials>;
  knobs?: Partial<KnobsState>;
  faultSeed?: number;
  /** the shop's URL in links and webhooks; by default the scheme and host each request was sent to */
  siteUrl?: string | null;
  /** how long a webhook delivery may take. @default 5000 */
  webhookTimeoutMs?: number;
  /** order meta keys a plugin made searchable (see WooCommerceStoreOptions.orderSearchMetaKeys). @default [] */
  orderSearchMetaKeys?: readonly string[];
  /** prices entered without tax, a read-only key refused settings (see WcTaxSettings); also `PUT /__simulator/tax-settings` */
  taxSettings?: Partial<WcTaxSettings>;
}

export type WooCommerceSimulator = Simulator & {
  woo: { store: WooCommerceStore; webhooks: WebhookDispatcher; credentials: WooCommerceCredentials };
};

/** WordPress's answer to a PHP fatal error in a REST request (wp_die in JSON). */
const CRITICAL_ERROR = {
  code: 'internal_server_error',
  message:
    '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>',
  data: { status: 500 },
  additional_errors: [],
};

function rateLimited(info: RateLimitInfo): SimResponse {
  // wc/v3 has no limiter of its own; a host or WAF that adds one is modelled on WooCommerce's Store API limiter.
  return {
    status: 429,
    headers: {
      'content-type': JSON_CONTENT_TYPE,
      'retry-after': String(info.retryAfterSeconds),
      'ratelimit-limit': String(info.limit),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Math.ceil(info.resetAtMs / 1000)),
      'ratelimit-retry-after': String(info.retryAfterSeconds),
    },
    body: JSON.stringify({
      code: 'rate_limit_exceeded',
      message: `Too many requests. Please wait ${info.retryAfterSeconds} seconds before trying again.`,
      data: { status: 429 },
    }),
  };
}

/**
 * Injected failures: WordPress renders a fatal error (500) as JSON; 502/503/504 come from the web server in front
 * of PHP as HTML (what a client really gets when PHP-FPM is down or slow), 403 from a WAF as HTML.
 */
export function faultResponse(status: number): SimResponse {
  switch (status) {
    case 400:
      return errorResponse(invalidJson());
    case 401:
      return errorResponse(permissionError('list'));
    case 403:
      return htmlPage(403, 'Forbidden');
    case 404:
      return errorResponse(noRoute());
    case 429:
      return rateLimited({ limit: 0, remaining: 0, windowMs: 1000, resetAtMs: Date.now() + 1000, retryAfterSeconds: 1, key: 'fault' });
    case 500:
      return { status: 500, headers: { 'content-type': JSON_CONTENT_TYPE }, body: JSON.stringify(CRITICAL_ERROR) };
    case 502:
      return htmlPage(502, 'Bad Gateway');
    case 503:
      return htmlPage(503, 'Service Temporarily Unavailable');
    case 504:
      return htmlPage(504, 'Gateway Time-out');
    default:
      return {
        status,
        headers: { 'content-type': JSON_CONTENT_TYPE },
        body: JSON.stringify({ code: 'http_request_failed', message: `HTTP ${status}`, data: { status } }),
      };
  }
}

function consumerKeyOf(req: SimRequest): string {
  const fromQuery = req.query.get('consumer_key');
  if (fromQuery) return fromQuery;
  const m = /^Basic\s+(\S+)/i.exec(req.headers.authorization ?? '');
  if (!m) return 'anonymous';
  return Buffer.from(m[1]!, 'base64').toString('utf8').split(':')[0] || 'anonymous';
}

export function createWooCommerceSimulator(options: CreateWooCommerceSimulatorOptions = {}): WooCommerceSimulator {
  const credentials: WooCommerceCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const dataset = options.dataset ?? getDataset({ seed: options.seed, scale: options.scale, piiCanary: options.piiCanary });
  const store = new WooCommerceStore({
    dataset: () => dataset,
    credentials,
    ...(options.orderSearchMetaKeys ? { orderSearchMetaKeys: options.orderSearchMetaKeys } : {}),
    taxSettings: options.taxSettings,
  });
  const siteUrl = options.siteUrl ?? null;
  const dispatcher = new WebhookDispatcher({
    store,
    ...(options.webhookTimeoutMs === undefined ? {} : { timeoutMs: options.webhookTimeoutMs }),
    render: (resource, id) => {
      switch (resource) {
        case 'order':
          return store.orders.get(id) ?? null;
        case 'customer':
          return store.customers.get(id) ?? null;
        case 'coupon':
          return store.coupons.get(id) ?? null;
        case 'product': {
          const product = store.products.get(id);
          if (product) return product;
          const variation = store.variations.get(id);
          return variation ? variationAsProduct(variation, store.products.get(variation.parent_id)) : null;
        }
      }
    },
  });

  const specs = [
    ...productRoutes(store),
    ...customerRoutes(store),
    ...orderRoutes(store),
    ...refundRoutes(store),
    ...orderNoteRoutes(store),
    ...couponRoutes(store),
    ...webhookRoutes(store, dispatcher),
    ...taxRoutes(store),
  ];
  const deps = { apiKeys: () => store.apiKeys, siteUrl, onEvents: (events: WebhookEvent[], site: string) => dispatcher.enqueue(events, site) };
  const routes = [namespaceIndexRoute(specs, deps), ...createWcRoutes(specs, deps)];

  const simulator = createSimulator({
    name: 'woocommerce',
    routes,
    store,
    knobs: { rateLimit: null, ...options.knobs },
    faultSeed: options.faultSeed ?? 1,
    adminRoutes: adminRoutes(store, dispatcher),
    hooks: {
      errorResponse: (status) => faultResponse(status),
      rateLimitResponse: (info) => rateLimited(info),
      notFoundResponse: (req) => {
        const pre = preDispatch(req, store.apiKeys);
        return 'response' in pre ? pre.response : errorResponse(noRoute());
      },
      rateLimitKey: consumerKeyOf,
      decorate: (res, _info, req) => decorateWpResponse(res, siteUrlFor(req, siteUrl)),
    },
  });
  return Object.assign(simulator, { woo: { store, webhooks: dispatcher, credentials } });
}
