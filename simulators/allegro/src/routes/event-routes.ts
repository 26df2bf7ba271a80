import type { Route } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import { ParamErrors, enumParam, intParam, ok } from '../allegro-http.ts';
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
        const errors = new ParamErrors();
        const fromRaw = req.query.get('from');
        let from: number | null = null;
        if (fromRaw !== null && fromRaw !== '') {
          if (/^\d{1,16}$/.test(fromRaw)) from = Number(fromRaw);
          else errors.add('from', 'must be an event id', `Invalid value: ${fromRaw}`);
        }
        const types = enumParam(req.query, 'type', EVENT_TYPES, errors);
        const limit = intParam(req.query, 'limit', 100, 1, 1000, errors);
        if (!errors.empty) return errors.response(req);
        return ok({ events: store.listEvents(from, types.length > 0 ? new Set(types) : null, limit!) });
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
