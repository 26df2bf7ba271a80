import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { compactRefs, uniqueIds, type ChangeEvent, type PolledChangeSource } from '@omnigraph/shared/freshness';
import { createAllegroFeedGet } from './allegro-feed-get.ts';
import type { AllegroTokenProvider } from './allegro-token-provider.ts';
import type { OrderEventsJournal } from '../../timeline/order-events-journal.ts';

/**
 * Allegro's order journal as a freshness source. Allegro has no webhooks for orders: `GET /order/events` lists
 * events after an exclusive `from` cursor (the last event id), oldest first, kept 60 days; duplicates and several
 * events per order occur, which is harmless here (an event only drops cache entries).
 * https://developer.allegro.pl/documentation#operation/getOrderEventsUsingGET
 * https://developer.allegro.pl/documentation#operation/getOrderEventsStatisticsUsingGET
 */

/** the largest page Allegro serves (limit 1..1000) */
export const ALLEGRO_ORDER_EVENTS_PAGE_SIZE = 1_000;

/**
 * The event types known today (BUYER_MODIFIED and AUTO_CANCELLED are the newer ones). The poll asks for every type
 * (no `type` filter), so a type Allegro adds later still invalidates its order.
 */
export const ALLEGRO_ORDER_EVENT_TYPES = [
  'BOUGHT',
  'FILLED_IN',
  'READY_FOR_PROCESSING',
  'BUYER_CANCELLED',
  'FULFILLMENT_STATUS_CHANGED',
  'BUYER_MODIFIED',
  'AUTO_CANCELLED',
] as const;

const AllegroOrderEventDto = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  order: z.object({
    // optional in the spec (OrderEventData): an event without it names no form, so it is skipped
    checkoutForm: z.object({ id: z.string() }).nullish(),
    buyer: z.object({ id: z.string().optional(), login: z.string().nullish() }).partial().nullish(),
    lineItems: z
      .array(z.object({ offer: z.object({ id: z.string().optional(), external: z.object({ id: z.string().nullish() }).nullish() }).partial() }))
      .nullish(),
  }),
});
const AllegroOrderEventsDto = z.object({ events: z.array(AllegroOrderEventDto) });
const AllegroEventStatsDto = z.object({ latestEvent: z.object({ id: z.string(), occurredAt: z.string() }).nullish() });

export interface AllegroOrderEventsOptions {
  /** aimed at the API base URL, like the adapter's */
  http: AxiosInstance;
  /** the adapter's token provider: one provider per process, because Allegro rotates refresh tokens */
  tokens: AllegroTokenProvider;
  /** @default 1000 */
  pageSize?: number;
  /** where each polled event is kept per checkout form, for the order timeline; omitted → not kept */
  journal?: OrderEventsJournal | undefined;
}

/**
 * `initialCursor`: `GET /order/event-stats` → the latest event id ("0" when the journal is empty).
 * `poll`: `GET /order/events?from=<cursor>&limit=1000` → one `order` ChangeEvent per Allegro event (checkout-form id,
 * with the line SKUs and the buyer's login and id as refs), the last event id as the new cursor.
 */
export function createAllegroOrderEvents(options: AllegroOrderEventsOptions): PolledChangeSource {
  const pageSize = options.pageSize ?? ALLEGRO_ORDER_EVENTS_PAGE_SIZE;

  const get = createAllegroFeedGet(options.http, options.tokens);

  return {
    name: 'allegro-order-events',
    async initialCursor() {
      const stats = await get('/order/event-stats', {}, AllegroEventStatsDto, 'getOrderEventStats');
      return stats.latestEvent?.id ?? '0';
    },
    async poll(cursor) {
      const page = await get('/order/events', { from: cursor, limit: String(pageSize) }, AllegroOrderEventsDto, 'getOrderEvents');
      const named = page.events.flatMap((e) => (e.order.checkoutForm ? [{ ...e, checkoutFormId: e.order.checkoutForm.id }] : []));
      // Kept before the page counts as read: a failure here polls the page again, and the journal ignores repeats.
      await options.journal?.record(named.map((e) => ({ checkoutFormId: e.checkoutFormId, id: e.id, type: e.type, at: e.occurredAt })));
      const events: ChangeEvent[] = named.map((e) => {
        const refs = compactRefs({
          skus: uniqueIds((e.order.lineItems ?? []).map((l) => l.offer.external?.id)),
          buyerLogins: uniqueIds([e.order.buyer?.login]),
          buyerIds: uniqueIds([e.order.buyer?.id]),
        });
        return {
          system: 'allegro',
          kind: 'order',
          ids: [e.checkoutFormId],
          at: e.occurredAt,
          cause: `allegro:order-events:${e.type}`,
          ...(refs ? { refs } : {}),
        };
      });
      const last = page.events.at(-1);
      return { events, cursor: last ? last.id : cursor, more: page.events.length >= pageSize };
    },
  };
}
