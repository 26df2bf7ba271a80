/**
 * Builds the e-shop role client. WooCommerce is the only product today; another shop would add a `<PRODUCT>_…`
 * config and one more branch here, and nothing above this file would change.
 */
import { createHttpClient } from '@omnigraph/shared/http';
import type { EshopClient } from './eshop-client.ts';
import { createWooCommerceClient } from './woocommerce/woocommerce-client.ts';

export interface CreateEshopClientOptions {
  /** the shop's site root, without `/wp-json` */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** per request */
  timeoutMs: number;
  /** the shop's currency; product JSON carries none */
  currency: string;
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
  return createWooCommerceClient({ http, currency: options.currency });
}
