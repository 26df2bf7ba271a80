/**
 * WooCommerce webhook delivery (WC_Webhook::deliver), after the API response has been sent.
 *
 * - Body: the resource exactly as `GET /wp-json/wc/v3/<resource>s/<id>` returns it, built when the delivery runs
 *   (Action Scheduler builds it in the background too), encoded by wp_json_encode (escaped slashes and unicode);
 *   `{"id": N}` for `*.deleted`.
 * - Headers: X-WC-Webhook-Source (site URL with a trailing slash), -Topic, -Resource, -Event, -Signature
 *   (base64 HMAC-SHA256 of the raw body with the secret), -ID, -Delivery-ID; User-Agent
 *   "WooCommerce/<v> Hookshot (WordPress/<v>)".
 * - Success is a 2xx, 301 or 302 answer (redirects are not followed). Failures increase `failure_count`; a failure
 *   that finds the count already above 5 disables the webhook. So the docs' "disabled after 5 consecutive failures"
 *   is, in the code, the 7th consecutive failure (counts 1…6, then disable); a success resets the count.
 * - Each webhook delivers a resource once per API request (WC_Webhook::is_already_processed), and deliveries of one
 *   webhook run one after another.
 * - A new webhook gets a ping: POST `webhook_id=<id>` as a form. Real WooCommerce sends it synchronously while the
 *   create request waits; here it is queued like a delivery (first in line) and never counts as a failure.
 */
import { createHash, createHmac } from 'node:crypto';
import { WC_VERSION, WP_VERSION } from './order-builder.ts';
import type { WebhookEvent } from './wc-api.ts';
import { nowPair } from './wp-dates.ts';
import { wpJsonEncode } from './wp-json.ts';
import type { WooCommerceStore } from './woocommerce-store.ts';
import type { WebhookRecord, WebhookStatus } from './woocommerce-types.ts';

export const WEBHOOK_USER_AGENT = `WooCommerce/${WC_VERSION} Hookshot (WordPress/${WP_VERSION})`;
/** `woocommerce_max_webhook_delivery_failures` */
export const MAX_DELIVERY_FAILURES = 5;

export interface DeliveryLogEntry {
  deliveryId: string;
  webhookId: number;
  kind: 'ping' | 'delivery';
  topic: string;
  resource: string;
  event: string;
  resourceId: number | null;
  url: string;
  requestedAt: string;
  durationMs: number;
  /** HTTP status, or null when the receiver could not be reached */
  status: number | null;
  success: boolean;
  error?: string;
  headers: Record<string, string>;
  body: string;
  /** the webhook after this delivery was accounted for */
  webhookStatus: WebhookStatus;
  failureCount: number;
}

interface Job {
  webhookId: number;
  kind: 'ping' | 'delivery';
  resourceId: number | null;
  site: string;
  generation: number;
}

export type ResourceRenderer = (resource: WebhookEvent['resource'], id: number) => unknown;

export interface WebhookDispatcherOptions {
  store: WooCommerceStore;
  render: ResourceRenderer;
  /** WooCommerce waits up to 60 s; tests want less. @default 5000 */
  timeoutMs?: number;
  /** entries kept in the delivery log. @default 1000 */
  logLimit?: number;
}

export function generateSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

function isSuccess(status: number | null): boolean {
  // WC_Webhook::log_delivery(): "a 2xx, 301 or 302 Response Code"
  return status !== null && status >= 200 && status < 303;
}

export class WebhookDispatcher {
  private readonly store: WooCommerceStore;
  private readonly render: ResourceRenderer;
  private readonly timeoutMs: number;
  private readonly logLimit: number;
  private chains = new Map<number, Promise<void>>();
  private deliverySeq = 0;
  log: DeliveryLogEntry[] = [];

  constructor(options: WebhookDispatcherOptions) {
    this.store = options.store;
    this.render = options.render;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.logLimit = options.logLimit ?? 1_000;
    options.store.onReset(() => {
      this.log = [];
      this.chains = new Map();
    });
  }

  /** Queues the deliveries one API request caused. */
  enqueue(events: readonly WebhookEvent[], site: string): void {
    const seen = new Set<string>();
    for (const webhook of this.store.webhooks.values()) {
      if (webhook.wire.status !== 'active') continue;
      for (const e of events) {
        if (webhook.wire.resource !== e.resource || webhook.wire.event !== e.event) continue;
        const key = `${webhook.wire.id}:${e.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        this.schedule({ webhookId: webhook.wire.id, kind: 'delivery', resourceId: e.id, site, generation: this.store.generation });
      }
    }
  }

  ping(webhookId: number, site: string): void {
    this.schedule({ webhookId, kind: 'ping', resourceId: null, site, generation: this.store.generation });
  }

  /** Resolves once every queued delivery has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    let pending = [...this.chains.values()];
    while (pending.length > 0) {
      await Promise.all(pending);
      const next = [...this.chains.values()];
      if (next.length === pending.length && next.every((p, i) => p === pending[i])) return;
      pending = next;
    }
  }

  private schedule(job: Job): void {
    const previous = this.chains.get(job.webhookId) ?? Promise.resolve();
    // setImmediate: the API response is written before the first delivery starts.
    const next = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => this.run(job));
    this.chains.set(job.webhookId, next);
  }

  private async run(job: Job): Promise<void> {
    if (job.generation !== this.store.generation) return;
    const webhook = this.store.webhooks.get(job.webhookId);
    if (!webhook) return;
    this.deliverySeq += 1;
    const deliveryId = createHash('md5').update(`${job.webhookId}:${this.deliverySeq}`).digest('hex');
    const { resource, event, topic } = webhook.wire;
    let body: string;
    let headers: Record<string, string>;
    if (job.kind === 'ping') {
      body = `webhook_id=${job.webhookId}`;
      headers = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': WEBHOOK_USER_AGENT };
    } else {
      const payload =
        event === 'deleted'
          ? { id: job.resourceId }
          : (this.render(resource as WebhookEvent['resource'], job.resourceId ?? 0) ?? { id: job.resourceId });
      body = wpJsonEncode(payload, job.site).trim();
      headers = {
        'content-type': 'application/json',
        'user-agent': WEBHOOK_USER_AGENT,
        'x-wc-webhook-source': `${job.site}/`,
        'x-wc-webhook-topic': topic,
        'x-wc-webhook-resource': resource,
        'x-wc-webhook-event': event,
        'x-wc-webhook-signature': generateSignature(body, webhook.secret),
        'x-wc-webhook-id': String(webhook.wire.id),
        'x-wc-webhook-delivery-id': deliveryId,
      };
    }
    const started = performance.now();
    const requestedAt = new Date().toISOString();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(webhook.wire.delivery_url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
    }
    if (job.generation !== this.store.generation) return;
    const current = this.store.webhooks.get(job.webhookId);
    const success = isSuccess(status);
    if (current && job.kind === 'delivery') this.account(current, success);
    const after = this.store.webhooks.get(job.webhookId) ?? webhook;
    this.log.push({
      deliveryId,
      webhookId: job.webhookId,
      kind: job.kind,
      topic,
      resource,
      event,
      resourceId: job.resourceId,
      url: webhook.wire.delivery_url,
      requestedAt,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      status,
      success,
      ...(error === undefined ? {} : { error }),
      headers,
      body,
      webhookStatus: after.wire.status,
      failureCount: after.failureCount,
    });
    if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
  }

  /** WC_Webhook::log_delivery() / failed_delivery(). */
  private account(webhook: WebhookRecord, success: boolean): void {
    if (success) {
      if (webhook.failureCount !== 0) this.store.webhooks.set(webhook.wire.id, { ...webhook, failureCount: 0 });
      return;
    }
    if (webhook.failureCount > MAX_DELIVERY_FAILURES) {
      const now = nowPair();
      this.store.webhooks.set(webhook.wire.id, {
        ...webhook,
        wire: { ...webhook.wire, status: 'disabled', date_modified: now.local, date_modified_gmt: now.gmt },
      });
    } else {
      this.store.webhooks.set(webhook.wire.id, { ...webhook, failureCount: webhook.failureCount + 1 });
    }
  }
}
