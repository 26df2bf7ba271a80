import { deliverWebhook, hmacSha256Base64 } from '@omnigraph/simulator-core';
import type { HubSpotCredentials } from './hubspot-context.ts';
import { OBJECT_TYPES } from './hubspot-properties.ts';
import type { StoreEvent } from './hubspot-store.ts';

/**
 * HubSpot app webhooks: API writes become events, batched (≤ 100 per request) into a JSON array POSTed to the app's
 * target URL, signed with X-HubSpot-Signature-v3, retried with backoff on connection failures, timeouts, 429 and 5xx.
 */

export const SUBSCRIPTION_TYPES = [
  'contact.creation',
  'contact.propertyChange',
  'contact.deletion',
  'contact.merge',
  'contact.privacyDeletion',
  'object.creation',
  'object.propertyChange',
  'object.deletion',
] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

export const MAX_EVENTS_PER_REQUEST = 100;

export interface WebhookSettings {
  /** null: webhooks off */
  targetUrl: string | null;
  appSecret: string;
  /** `contact.propertyChange` covers every property; `contact.propertyChange:loyalty_points` only that one */
  subscriptions: string[];
  maxConcurrentRequests: number;
  /** one entry per retry: the wait before attempt 1, 2, … */
  retryDelaysMs: number[];
  timeoutMs: number;
}

export const DEFAULT_SUBSCRIPTIONS = ['contact.creation', 'contact.propertyChange', 'contact.deletion'];
/** HubSpot retries failed deliveries over hours; the simulator keeps the pattern (3 retries, ×5 backoff) but fast. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 25_000];

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: SubscriptionType;
  attemptNumber: number;
  objectId: number;
  objectTypeId?: string;
  propertyName?: string;
  propertyValue?: string;
  changeFlag?: 'CREATED' | 'DELETED';
  /** contact.merge: the surviving contact and the ones merged into it */
  primaryObjectId?: number;
  mergedObjectIds?: number[];
  changeSource: string;
  sourceId: string;
}

export interface DeliveryLogEntry {
  deliveryId: number;
  targetUrl: string;
  attemptNumber: number;
  eventCount: number;
  eventIds: number[];
  subscriptionTypes: string[];
  status: number | null;
  error?: string;
  sentAt: string;
  durationMs: number;
  willRetry: boolean;
  events: WebhookEvent[];
}

interface Subscription {
  id: number;
  type: SubscriptionType;
  propertyName: string | null;
}

interface Batch {
  events: WebhookEvent[];
  attempt: number;
}

/** System properties that change on every write; HubSpot does not offer them as propertyChange subscriptions. */
const UNSUBSCRIBABLE = new Set(['createdate', 'lastmodifieddate', 'hs_object_id', 'hs_createdate', 'hs_lastmodifieddate']);
const MAX_LOG = 2_000;

export function parseSubscription(raw: string): { type: SubscriptionType; propertyName: string | null } | null {
  const [type, propertyName] = raw.split(':', 2) as [string, string | undefined];
  if (!(SUBSCRIPTION_TYPES as readonly string[]).includes(type)) return null;
  if (propertyName !== undefined && !type.endsWith('propertyChange')) return null;
  return { type: type as SubscriptionType, propertyName: propertyName ?? null };
}

export class WebhookDispatcher {
  private settings: WebhookSettings;
  private subscriptions: Subscription[] = [];
  private pending: WebhookEvent[] = [];
  private queue: Batch[] = [];
  private inFlight = 0;
  private flushScheduled = false;
  private timers = new Set<NodeJS.Timeout>();
  private log: DeliveryLogEntry[] = [];
  private nextEventId = 1;
  private nextDeliveryId = 1;
  private stopped = false;
  /** bumps on reset so deliveries started before it do not log or retry into the new state */
  private generation = 0;

  private readonly initial: WebhookSettings;
  private readonly credentials: HubSpotCredentials;

  constructor(initial: WebhookSettings, credentials: HubSpotCredentials) {
    this.initial = initial;
    this.credentials = credentials;
    this.settings = { ...initial };
    this.configure(initial);
  }

  configure(settings: WebhookSettings): void {
    this.settings = { ...settings, subscriptions: [...settings.subscriptions], retryDelaysMs: [...settings.retryDelaysMs] };
    this.subscriptions = settings.subscriptions.flatMap((raw, i) => {
      const parsed = parseSubscription(raw);
      // Deterministic subscription ids in configuration order, like the ids an app's subscriptions get.
      return parsed ? [{ id: 2_433_000 + i, ...parsed }] : [];
    });
  }

  current(): WebhookSettings {
    return { ...this.settings, subscriptions: [...this.settings.subscriptions], retryDelaysMs: [...this.settings.retryDelaysMs] };
  }

  deliveries(): DeliveryLogEntry[] {
    return [...this.log];
  }

  clearLog(): void {
    this.log = [];
  }

  reset(): void {
    this.generation += 1;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = [];
    this.queue = [];
    this.log = [];
    this.nextEventId = 1;
    this.nextDeliveryId = 1;
    this.configure(this.initial);
  }

  stop(): void {
    this.stopped = true;
    this.reset();
  }

  /** Turns a store event into webhook events for the matching subscriptions. */
  handle(event: StoreEvent): void {
    if (this.stopped || !this.settings.targetUrl || this.subscriptions.length === 0) return;
    const record = event.record;
    const isContact = record.type === 'contacts';
    const prefix = isContact ? 'contact' : 'object';
    const base = {
      portalId: this.credentials.portalId,
      appId: this.credentials.appId,
      occurredAt: event.at,
      attemptNumber: 0,
      objectId: Number(record.id),
      ...(isContact ? {} : { objectTypeId: OBJECT_TYPES[record.type].objectTypeId }),
      changeSource: 'INTEGRATION',
      sourceId: `app:${this.credentials.appId}`,
    };
    const push = (sub: Subscription, extra: Partial<WebhookEvent>) => {
      this.pending.push({
        eventId: this.nextEventId++,
        subscriptionId: sub.id,
        subscriptionType: sub.type,
        ...base,
        ...extra,
      } as WebhookEvent);
    };
    if (event.kind === 'creation') {
      for (const sub of this.subscriptions) if (sub.type === `${prefix}.creation`) push(sub, { changeFlag: 'CREATED' });
    }
    if (event.kind === 'deletion') {
      for (const sub of this.subscriptions) if (sub.type === `${prefix}.deletion`) push(sub, { changeFlag: 'DELETED' });
    }
    if (event.kind === 'merge' && isContact) {
      const merge = { primaryObjectId: Number(record.id), mergedObjectIds: event.mergedIds.map(Number) };
      for (const sub of this.subscriptions) if (sub.type === 'contact.merge') push(sub, merge);
    }
    if (event.kind === 'gdprDeletion' && isContact) {
      for (const sub of this.subscriptions) if (sub.type === 'contact.privacyDeletion') push(sub, {});
    }
    if (event.kind === 'creation' || event.kind === 'propertyChange') {
      // HubSpot reports the properties set at creation as property changes too, one event per property.
      for (const [name, value] of event.changes) {
        if (UNSUBSCRIBABLE.has(name)) continue;
        for (const sub of this.subscriptions) {
          if (sub.type !== `${prefix}.propertyChange` || (sub.propertyName !== null && sub.propertyName !== name)) continue;
          push(sub, { propertyName: name, propertyValue: value });
        }
      }
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.pending.length === 0) return;
    this.flushScheduled = true;
    // Events of one API call (or one tick) go out together, the way HubSpot batches bursts of changes.
    setImmediate(() => {
      this.flushScheduled = false;
      const events = this.pending;
      this.pending = [];
      for (let i = 0; i < events.length; i += MAX_EVENTS_PER_REQUEST) {
        this.queue.push({ events: events.slice(i, i + MAX_EVENTS_PER_REQUEST), attempt: 0 });
      }
      this.pump();
    });
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.settings.maxConcurrentRequests && this.queue.length > 0) {
      const batch = this.queue.shift()!;
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async send(batch: Batch): Promise<void> {
    const url = this.settings.targetUrl;
    if (!url) return;
    const generation = this.generation;
    const events = batch.events.map((e) => ({ ...e, attemptNumber: batch.attempt }));
    const body = JSON.stringify(events);
    const timestamp = String(Date.now());
    // v3: base64 HMAC-SHA256 over method + full target URI + body + timestamp, keyed with the app secret.
    const signature = hmacSha256Base64(this.settings.appSecret, `POST${url}${body}${timestamp}`);
    const started = Date.now();
    const result = await deliverWebhook({
      url,
      body,
      timeoutMs: this.settings.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon-executor',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-version': 'v3',
      },
    });
    if (generation !== this.generation) return;
    const failed = result.status === null || result.status === 429 || result.status >= 500;
    const willRetry = failed && !this.stopped && batch.attempt < this.settings.retryDelaysMs.length;
    const entry: DeliveryLogEntry = {
      deliveryId: this.nextDeliveryId++,
      targetUrl: url,
      attemptNumber: batch.attempt,
      eventCount: events.length,
      eventIds: events.map((e) => e.eventId),
      subscriptionTypes: [...new Set(events.map((e) => e.subscriptionType))],
      status: result.status,
      sentAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      willRetry,
      events,
    };
    if (result.error) entry.error = result.error;
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    if (willRetry) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.queue.push({ events: batch.events, attempt: batch.attempt + 1 });
        this.pump();
      }, this.settings.retryDelaysMs[batch.attempt]);
      timer.unref();
      this.timers.add(timer);
    }
  }
}
