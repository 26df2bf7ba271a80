import { createHttpClient } from '@omnigraph/shared/http';
import { z } from 'zod';

/**
 * Registers Omnigraph's webhooks in a shop through the REST API (`POST /wp-json/wc/v3/webhooks`), the scripted
 * equivalent of WooCommerce → Settings → Advanced → Webhooks → Add webhook. Needs a read/write key. Idempotent: a
 * topic already delivered to `deliveryUrl` is left alone (and re-activated if WooCommerce disabled it after failed
 * deliveries). `npm start` uses it for the bundled simulator; against a real shop it is a one-off admin step.
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#create-a-webhook
 */

export const WOOCOMMERCE_WEBHOOK_TOPICS = [
  'order.created',
  'order.updated',
  'order.deleted',
  'order.restored',
  'product.updated',
  'product.deleted',
  'customer.updated',
] as const;

const WebhookListDto = z.array(z.object({ id: z.number(), topic: z.string(), delivery_url: z.string(), status: z.string() }));

export interface RegisterWooCommerceWebhooksOptions {
  /** the shop's site root (WOOCOMMERCE_BASE_URL) */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** where WooCommerce should POST, e.g. https://omnigraph.example.pl/webhooks/woocommerce */
  deliveryUrl: string;
  /** WOOCOMMERCE_WEBHOOK_SECRET */
  secret: string;
  topics?: readonly string[];
  timeoutMs?: number;
}

/** Resolves to the topics it created or re-activated. */
export async function registerWooCommerceWebhooks(options: RegisterWooCommerceWebhooksOptions): Promise<string[]> {
  const http = createHttpClient({ baseUrl: `${options.baseUrl.replace(/\/$/, '')}/wp-json/wc/v3`, timeoutMs: options.timeoutMs ?? 10_000 });
  const auth = { username: options.consumerKey, password: options.consumerSecret };
  const existing = WebhookListDto.parse((await http.get('/webhooks', { auth, params: { per_page: 100 } })).data);
  const done: string[] = [];
  for (const topic of options.topics ?? WOOCOMMERCE_WEBHOOK_TOPICS) {
    const same = existing.find((w) => w.topic === topic && w.delivery_url === options.deliveryUrl);
    if (same && same.status === 'active') continue;
    if (same) await http.put(`/webhooks/${same.id}`, { status: 'active', secret: options.secret }, { auth });
    else
      await http.post(
        '/webhooks',
        { name: `Omnigraph ${topic}`, topic, delivery_url: options.deliveryUrl, secret: options.secret, status: 'active' },
        { auth },
      );
    done.push(topic);
  }
  return done;
}
