import { z } from 'zod';
import {
  compactRefs,
  headerValue,
  hmacSha256Base64,
  signatureMatches,
  uniqueIds,
  type ChangeEvent,
  type OnChange,
  type WebhookRoute,
} from '@omnigraph/shared/freshness';
import type { Logger } from '@omnigraph/shared/logging';

/**
 * The WooCommerce webhook receiver (Settings → Advanced → Webhooks, or `POST /wp-json/wc/v3/webhooks`).
 *
 * WooCommerce POSTs the resource JSON with `X-WC-Webhook-Topic` (`order.updated` …) and `X-WC-Webhook-Signature`:
 * base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret (WC_Webhook::generate_signature). The body is
 * PHP-encoded JSON (`\/`, `\u0144`), so the signature is checked over the bytes received, never over re-encoded JSON.
 * A new or re-activated webhook first sends an unsigned ping, `webhook_id=<id>` as a form body, and WooCommerce only
 * saves the webhook when the ping gets a 200: it is answered 200 and changes nothing.
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks
 */

export const WOOCOMMERCE_WEBHOOK_PATH = '/webhooks/woocommerce';
/** An order with a few hundred lines is well below this; anything larger is not a WooCommerce delivery. */
export const WOOCOMMERCE_WEBHOOK_MAX_BODY_BYTES = 1_000_000;

const PING_BODY = /^webhook_id=\d+$/;

const WcLineDto = z.object({ sku: z.string().nullish(), product_id: z.number().nullish(), variation_id: z.number().nullish() });
const WcOrderDto = z.object({
  id: z.number(),
  customer_id: z.number().nullish(),
  billing: z.object({ email: z.string().nullish() }).nullish(),
  line_items: z.array(WcLineDto).nullish(),
  date_modified_gmt: z.string().nullish(),
});
const WcProductDto = z.object({
  id: z.number(),
  sku: z.string().nullish(),
  parent_id: z.number().nullish(),
  date_modified_gmt: z.string().nullish(),
});
const WcCustomerDto = z.object({ id: z.number(), email: z.string().nullish(), date_modified_gmt: z.string().nullish() });

export interface WooCommerceWebhookOptions {
  /** the secret entered for the webhooks in WooCommerce (the same for every topic) */
  secret: string;
  onChange: OnChange;
  logger: Logger;
  /** @default now */
  clock?: () => Date;
}

export function createWooCommerceWebhookRoute(options: WooCommerceWebhookOptions): WebhookRoute {
  const clock = options.clock ?? (() => new Date());
  return {
    path: WOOCOMMERCE_WEBHOOK_PATH,
    maxBodyBytes: WOOCOMMERCE_WEBHOOK_MAX_BODY_BYTES,
    async handle({ headers, rawBody }) {
      const signature = headerValue(headers, 'x-wc-webhook-signature');
      if (signature === undefined && PING_BODY.test(rawBody.toString('latin1'))) return { status: 200, body: { ok: true } };
      if (!signatureMatches(signature, hmacSha256Base64(options.secret, rawBody))) {
        return { status: 401, body: { error: 'invalid signature' } };
      }
      const topic = headerValue(headers, 'x-wc-webhook-topic') ?? '';
      let event: ChangeEvent | null;
      try {
        event = mapWooCommerceDelivery(topic, JSON.parse(rawBody.toString('utf8')) as unknown, clock());
      } catch (error) {
        // Signed by the shop but not what the topic promises: nothing to invalidate, and a retry would not help.
        options.logger.warn({ err: error, topic }, 'woocommerce webhook body not understood');
        return { status: 200, body: { ok: true, ignored: true } };
      }
      if (event) {
        try {
          await options.onChange(event);
        } catch (error) {
          // WooCommerce does not retry a failed delivery, it disables the webhook after repeated failures; a 200
          // keeps the webhook alive, and the cache TTL still bounds how stale this entry can get.
          options.logger.error({ err: error, topic, ids: event.ids }, 'woocommerce change not applied');
        }
      }
      return { status: 200, body: { ok: true } };
    },
  };
}

/** Maps one signed delivery to a ChangeEvent; null for topics that touch nothing we cache (coupons, actions). */
export function mapWooCommerceDelivery(topic: string, body: unknown, receivedAt: Date): ChangeEvent | null {
  const [resource, action] = topic.split('.', 2) as [string, string | undefined];
  const cause = `woocommerce:webhook:${topic}`;
  const at = (gmt: string | null | undefined) => (gmt ? new Date(`${gmt}Z`).toISOString() : receivedAt.toISOString());
  if (action === undefined) return null;
  switch (resource) {
    case 'order': {
      // `*.deleted` carries only `{id}`.
      const order = WcOrderDto.parse(body);
      const refs = compactRefs({
        skus: uniqueIds((order.line_items ?? []).map((l) => l.sku)),
        customerIds: order.customer_id ? [String(order.customer_id)] : [],
        emails: order.billing?.email ? [order.billing.email.toLowerCase()] : [],
      });
      return { system: 'woocommerce', kind: 'order', ids: [String(order.id)], at: at(order.date_modified_gmt), cause, ...(refs ? { refs } : {}) };
    }
    case 'product': {
      // product.updated also fires on every stock move an order causes (for the variation and its parent).
      const product = WcProductDto.parse(body);
      const refs = compactRefs({ skus: uniqueIds([product.sku]) });
      return {
        system: 'woocommerce',
        kind: 'product',
        ids: uniqueIds([product.id, product.parent_id || null]),
        at: at(product.date_modified_gmt),
        cause,
        ...(refs ? { refs } : {}),
      };
    }
    case 'customer': {
      const customer = WcCustomerDto.parse(body);
      const refs = compactRefs({ emails: customer.email ? [customer.email.toLowerCase()] : [] });
      return {
        system: 'woocommerce',
        kind: 'customer',
        ids: [String(customer.id)],
        at: at(customer.date_modified_gmt),
        cause,
        ...(refs ? { refs } : {}),
      };
    }
    default:
      return null;
  }
}
