import type { Route } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import { journalParams, ok } from '../allegro-http.ts';
import type { AllegroStore } from '../allegro-store.ts';
import type { OrderEventType } from '../allegro-types.ts';
import { apiRoute } from './api-route.ts';

const EVENT_TYPES: readonly OrderEventType[] = [
  'BOUGHT',
  'FILLED_IN',
  'READY_FOR_PROCESSING',
  'BUYER_CANCELLED',
  'FULFILLMENT_STATUS_CHANGED',
  'BUYER_MODIFIED',
  'AUTO_CANCELLED',
];

/**
 * The order journal. `from` is an exclusive cursor compared as a number: Allegro's event ids are increasing numbers
 * (occurredAt in microseconds), and `from=0` returns the oldest events (allegro/allegro-api#10347), so an id that
 * was never issued is not an error, it just positions the cursor.
 */
export function createEventRoutes(store: AllegroStore, auth: AllegroAuth): Route[] {
  return [
    apiRoute(auth, {
      method: 'GET',
      path: '/order/events',
      scope: 'allegro:api:orders:read',
      handler: (req) => {
        const q = journalParams(req, EVENT_TYPES, (raw) => (/^\d{1,16}$/.test(raw) ? Number(raw) : null), 'must be an event id');
        if (!q.ok) return q.response;
        return ok({ events: store.listEvents(q.from, q.types, q.limit) });
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/order/event-stats',
      scope: 'allegro:api:orders:read',
      handler: () => ok({ latestEvent: store.latestEvent() }),
    }),
  ];
}
