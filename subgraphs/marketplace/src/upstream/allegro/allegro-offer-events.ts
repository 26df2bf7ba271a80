import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { uniqueIds, type ChangeEvent, type PolledChangeSource } from '@omnigraph/shared/freshness';
import { createAllegroFeedGet } from './allegro-feed-get.ts';
import type { AllegroTokenProvider } from './allegro-token-provider.ts';

/**
 * Allegro's offer journal as a freshness source, so the offer micro-cache (MARKETPLACE_OFFER_CACHE_TTL_SECONDS) drops
 * a SKU's offers when their price, quantity or publication changes, including the seller's own edits, which the order
 * journal never shows. `GET /sale/offer-events` lists the seller's offer events after an exclusive `from` (an event id,
 * opaque), oldest first, for the last 24 hours; without `from` it starts at the oldest one it keeps. Each event names
 * the offer and its `external.id` (the seller's SKU; null when the offer has none, then there is nothing to drop).
 * https://developer.allegro.pl/documentation#operation/getOfferEvents
 */

/** the largest page Allegro serves (limit 1..1000) */
export const ALLEGRO_OFFER_EVENTS_PAGE_SIZE = 1_000;

const AllegroOfferEventDto = z.object({
  id: z.string(),
  // every type invalidates (OFFER_ACTIVATED, OFFER_CHANGED, OFFER_ENDED, OFFER_STOCK_CHANGED, OFFER_PRICE_CHANGED,
  // OFFER_ARCHIVED, OFFER_BID_PLACED, OFFER_BID_CANCELED, OFFER_TRANSLATION_UPDATED, OFFER_VISIBILITY_CHANGED, and
  // any type added later), so the type is not an enum here
  type: z.string(),
  occurredAt: z.string(),
  offer: z
    .object({ id: z.string().optional(), external: z.object({ id: z.string().nullish() }).nullish() })
    .partial()
    .nullish(),
});
const AllegroOfferEventsDto = z.object({ offerEvents: z.array(AllegroOfferEventDto) });

export interface AllegroOfferEventsOptions {
  /** aimed at the API base URL, like the adapter's */
  http: AxiosInstance;
  /** the adapter's token provider: one per process, because Allegro rotates refresh tokens */
  tokens: AllegroTokenProvider;
  /** @default 1000 */
  pageSize?: number;
}

/**
 * `initialCursor`: the newest event id (Allegro has no event-stats for offers, so the kept journal is paged through
 * once; "" when it is empty). `poll`: `GET /sale/offer-events?from=<cursor>&limit=1000` → one `allegro` `product`
 * ChangeEvent per event naming a SKU (ids: the offer id; refs.skus: its external id).
 */
export function createAllegroOfferEvents(options: AllegroOfferEventsOptions): PolledChangeSource {
  const pageSize = options.pageSize ?? ALLEGRO_OFFER_EVENTS_PAGE_SIZE;

  const get = createAllegroFeedGet(options.http, options.tokens);
  // "" (an empty journal when we started): no `from`, which starts at the oldest kept event
  const page = async (cursor: string) =>
    (
      await get(
        '/sale/offer-events',
        { limit: String(pageSize), ...(cursor === '' ? {} : { from: cursor }) },
        AllegroOfferEventsDto,
        'getOfferEvents',
      )
    ).offerEvents;

  return {
    name: 'allegro-offer-events',
    async initialCursor() {
      let cursor = '';
      for (;;) {
        const events = await page(cursor);
        cursor = events.at(-1)?.id ?? cursor;
        if (events.length < pageSize) return cursor;
      }
    },
    async poll(cursor) {
      const events = await page(cursor);
      const changes: ChangeEvent[] = events.flatMap((e) => {
        const skus = uniqueIds([e.offer?.external?.id]);
        if (skus.length === 0) return [];
        return [
          {
            system: 'allegro',
            kind: 'product',
            ids: uniqueIds([e.offer?.id]),
            at: e.occurredAt,
            cause: `allegro:offer-events:${e.type}`,
            refs: { skus },
          },
        ];
      });
      return { events: changes, cursor: events.at(-1)?.id ?? cursor, more: events.length >= pageSize };
    },
  };
}
