import type { Route } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import {
  ParamErrors,
  USER_MESSAGES,
  choiceParam,
  enumParam,
  errorsHolder,
  intParam,
  journalParams,
  multiParam,
  ok,
  setOrNull,
} from '../allegro-http.ts';
import type { AllegroStore, OfferSort } from '../allegro-store.ts';
import type { OfferEventType, OfferPublicationStatus } from '../allegro-types.ts';
import { apiRoute } from './api-route.ts';

const PUBLICATION_STATUSES: readonly OfferPublicationStatus[] = ['INACTIVE', 'ACTIVATING', 'ACTIVE', 'ENDED'];
const SELLING_FORMATS = ['BUY_NOW', 'AUCTION', 'ADVERTISEMENT'] as const;
const SORTS: readonly OfferSort[] = [
  'sellingMode.price.amount',
  '-sellingMode.price.amount',
  'stock.available',
  '-stock.available',
  'stock.sold',
  '-stock.sold',
];
const OFFER_EVENT_TYPES: readonly OfferEventType[] = [
  'OFFER_ACTIVATED',
  'OFFER_CHANGED',
  'OFFER_ENDED',
  'OFFER_STOCK_CHANGED',
  'OFFER_PRICE_CHANGED',
  'OFFER_ARCHIVED',
  'OFFER_BID_PLACED',
  'OFFER_BID_CANCELED',
  'OFFER_TRANSLATION_UPDATED',
  'OFFER_VISIBILITY_CHANGED',
];
/** external.id takes at most 100 values of at most 100 characters each (spec of searchOffersUsingGET). */
const MAX_EXTERNAL_IDS = 100;
const MAX_EXTERNAL_ID_LENGTH = 100;
const MAX_OFFSET_PLUS_LIMIT = 10_000_000;

function decimalParam(query: URLSearchParams, name: string, errors: ParamErrors): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    errors.add(name, 'must be a decimal number', `Invalid value: ${raw}`);
    return null;
  }
  return Number(raw);
}

export function createOfferRoutes(store: AllegroStore, auth: AllegroAuth): Route[] {
  return [
    apiRoute(auth, {
      method: 'GET',
      path: '/sale/offers',
      scope: 'allegro:api:sale:offers:read',
      handler: (req) => {
        const q = req.query;
        const errors = new ParamErrors();
        const externalIds = multiParam(q, 'external.id');
        if (externalIds.length > MAX_EXTERNAL_IDS) {
          errors.add('external.id', `size must be between 0 and ${MAX_EXTERNAL_IDS}`, `Given: ${externalIds.length} values`);
        }
        const tooLong = externalIds.find((id) => id.length > MAX_EXTERNAL_ID_LENGTH);
        if (tooLong !== undefined) {
          errors.add('external.id', `length must be between 0 and ${MAX_EXTERNAL_ID_LENGTH}`, `Invalid value: ${tooLong}`);
        }
        const offerIds = multiParam(q, 'offer.id');
        const statuses = enumParam(q, 'publication.status', PUBLICATION_STATUSES, errors);
        const formats = enumParam(q, 'sellingMode.format', SELLING_FORMATS, errors);
        const priceGte = decimalParam(q, 'sellingMode.price.amount.gte', errors);
        const priceLte = decimalParam(q, 'sellingMode.price.amount.lte', errors);
        const limit = intParam(q, 'limit', 20, 1, 1000, errors);
        const offset = intParam(q, 'offset', 0, 0, null, errors);
        const sort = choiceParam(q, 'sort', SORTS, errors);
        if (errors.empty && offset! + limit! > MAX_OFFSET_PLUS_LIMIT) {
          errors.add('offset', `sum of offset and limit must be less than or equal to ${MAX_OFFSET_PLUS_LIMIT}`);
        }
        if (!errors.empty) return errors.response(req);
        const name = q.get('name');
        const { offers, totalCount } = store.searchOffers({
          externalIds,
          offerIds,
          name: name === null || name === '' ? null : name,
          publicationStatuses: setOrNull(statuses),
          sellingModeFormats: setOrNull(formats),
          priceGte,
          priceLte,
          sort,
          offset: offset!,
          limit: limit!,
        });
        return ok({ offers, count: offers.length, totalCount });
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/sale/product-offers/:offerId',
      scope: 'allegro:api:sale:offers:read',
      handler: (req) => {
        const id = req.params['offerId'] ?? '';
        const offer = store.productOffer(id);
        if (offer) return ok(offer);
        return errorsHolder(
          404,
          [{ code: 'NOT_FOUND', message: `Offer ${id} not found`, path: `/sale/product-offers/${id}`, userMessage: USER_MESSAGES.notFound }],
          req,
        );
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/sale/offer-events',
      scope: 'allegro:api:sale:offers:read',
      handler: (req) => {
        const q = journalParams(req, OFFER_EVENT_TYPES, (raw) => store.offerEventSeq(raw), 'must be the id of an offer event');
        if (!q.ok) return q.response;
        return ok({ offerEvents: store.listOfferEvents(q.from, q.types, q.limit) });
      },
    }),
  ];
}
