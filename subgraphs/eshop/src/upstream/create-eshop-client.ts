/**
 * Builds the e-shop role client. WooCommerce is the only product today; another shop would add a `<PRODUCT>_…`
 * config and one more branch here, and nothing above this file would change.
 */
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { EshopClient } from './eshop-client.ts';
import { createWooCommerceClient } from './woocommerce/woocommerce-client.ts';
import type { WooCommerceWriteSettings } from './woocommerce/woocommerce-writes.ts';

export interface CreateEshopClientOptions {
  /** the shop's site root, without `/wp-json` */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** one request (attempt), capped by the request's deadline */
  timeoutMs: number;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
  /** the shop's currency; product JSON carries none */
  currency: string;
  /** ESHOP_NIP_META_KEY: the order meta key holding the buyer's NIP; unset → none */
  nipMetaKey?: string | undefined;
  /** ESHOP_PRICES_INCLUDE_TAX: whether listing prices are net and need the shop's VAT. @default 'yes' */
  pricesIncludeTax?: 'auto' | 'yes' | 'no' | undefined;
  /** WOOCOMMERCE_BASE_COUNTRY: whose rates turn net listing prices into gross. @default 'PL' */
  baseCountry?: string | undefined;
  /** ESHOP_ORDER_NUMBER_PATTERN is set: orders are found by number through the search. @default false */
  pluginOrderNumbers?: boolean | undefined;
  /** how written orders and refunds look in the shop (payment, shipping methods, tax classes, refund options) */
  writes?: WooCommerceWriteSettings | undefined;
}

export function createEshopClient(options: CreateEshopClientOptions): EshopClient {
  const basic = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64');
  const http = createHttpClient({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs,
    // HTTP Basic with the consumer key and secret: what WooCommerce accepts over HTTPS (OAuth 1.0a is for plain HTTP).
    // Not the `consumer_secret` query variant: query strings end up in access logs.
    headers: { Authorization: `Basic ${basic}` },
  });
  const upstream = createUpstream({ serviceName: 'eshop', product: 'woocommerce', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  return createWooCommerceClient({
    http,
    upstream,
    currency: options.currency,
    nipMetaKey: options.nipMetaKey,
    pricesIncludeTax: options.pricesIncludeTax,
    baseCountry: options.baseCountry,
    pluginOrderNumbers: options.pluginOrderNumbers,
    writes: options.writes,
  });
}
