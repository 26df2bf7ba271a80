import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import {
  ParamErrors,
  USER_MESSAGES,
  choiceParam,
  dateParam,
  enumParam,
  errorsHolder,
  intParam,
  isTimeUuid,
  noContent,
  ok,
  setOrNull,
} from '../allegro-http.ts';
import type { AllegroStore, CheckoutFormSort } from '../allegro-store.ts';
import { CHECKOUT_FORM_STATUSES, FULFILLMENT_STATUSES, LINE_ITEMS_SENT, type FulfillmentStatus, type LineItemsSent } from '../allegro-types.ts';
import { apiRoute } from './api-route.ts';
import { ALLEGRO_CARRIERS } from '../allegro-shipments.ts';

/** Waybill rules of `CheckoutFormAddWaybillRequest`: 1–64 word characters, parentheses and hyphen-minus. */
const WAYBILL = /^[\w()-]{1,64}$/;
const CARRIER_IDS: ReadonlySet<string> = new Set(ALLEGRO_CARRIERS.map((c) => c.id));

/** `POST …/shipments` body problems: 400 ErrorsHolder (missing field, unknown carrier, bad waybill, name too long). */
function parseShipmentBody(
  body: unknown,
):
  | { ok: true; request: { carrierId: string; carrierName: string | null; waybill: string; lineItemIds: string[] } }
  | { ok: false; errors: ParamErrors } {
  const errors = new ParamErrors();
  const b = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const carrierId = b['carrierId'];
  const waybill = b['waybill'];
  const carrierName = b['carrierName'];
  if (typeof carrierId !== 'string' || carrierId === '') errors.add('carrierId', 'must not be null');
  else if (!CARRIER_IDS.has(carrierId)) errors.add('carrierId', 'unknown carrier', `Invalid value: ${carrierId}`);
  if (typeof waybill !== 'string' || waybill === '') errors.add('waybill', 'must not be empty');
  else if (!WAYBILL.test(waybill)) errors.add('waybill', 'invalid tracking number structure', `Invalid value: ${waybill}`);
  if (carrierName !== undefined && carrierName !== null && (typeof carrierName !== 'string' || carrierName.length > 30)) {
    errors.add('carrierName', 'size must be between 0 and 30');
  }
  const items = Array.isArray(b['lineItems']) ? (b['lineItems'] as unknown[]) : [];
  const lineItemIds = items.map((item) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['id'] : undefined));
  lineItemIds.forEach((lineId, i) => {
    if (typeof lineId !== 'string' || lineId === '') errors.add(`lineItems[${i}].id`, 'must not be null');
  });
  if (!errors.empty) return { ok: false, errors };
  return {
    ok: true,
    request: {
      carrierId: carrierId as string,
      waybill: waybill as string,
      carrierName: typeof carrierName === 'string' ? carrierName : null,
      lineItemIds: lineItemIds as string[],
    },
  };
}

/** RETURNED is in the enum, but only Allegro sets it (when a customer return is processed). */
const SELLER_SETTABLE: ReadonlySet<FulfillmentStatus> = new Set(FULFILLMENT_STATUSES.filter((s) => s !== 'RETURNED'));
const SORTS: readonly CheckoutFormSort[] = ['lineItems.boughtAt', '-lineItems.boughtAt', 'updatedAt', '-updatedAt'];

/** offset + limit may not exceed this (Allegro support, allegro/allegro-api#4027; not in the spec itself). */
const MAX_RESULT_WINDOW = 10_000;

/** 422 for an id that is not a time-based UUID, the kind Allegro's order ids are. */
function malformedId(req: SimRequest, id: string, operation: string): SimResponse {
  return errorsHolder(
    422,
    [
      {
        code: 'VALIDATION_ERROR',
        message: 'Not valid time UUID',
        details: `Invalid value: ${id}`,
        path: `${operation}.arg0`,
        userMessage: USER_MESSAGES.invalidParameters,
      },
    ],
    req,
  );
}

function notFound(req: SimRequest, id: string): SimResponse {
  // Real answers carry the English text in userMessage too, whatever Accept-Language says.
  const text = `Checkout form ${id} not found`;
  return errorsHolder(404, [{ code: 'CheckoutFormNotFoundException', message: text, path: `/order/checkout-forms/${id}`, userMessage: text }], req);
}

export function createOrderRoutes(store: AllegroStore, auth: AllegroAuth): Route[] {
  return [
    apiRoute(auth, {
      method: 'GET',
      path: '/order/checkout-forms',
      scope: 'allegro:api:orders:read',
      handler: (req) => {
        const q = req.query;
        const errors = new ParamErrors();
        const offset = intParam(q, 'offset', 0, 0, null, errors);
        const limit = intParam(q, 'limit', 100, 1, 100, errors);
        const statuses = enumParam(q, 'status', CHECKOUT_FORM_STATUSES, errors);
        const fulfillment = enumParam(q, 'fulfillment.status', FULFILLMENT_STATUSES, errors);
        const sent = enumParam(q, 'fulfillment.shipmentSummary.lineItemsSent', LINE_ITEMS_SENT, errors);
        const boughtAtGte = dateParam(q, 'lineItems.boughtAt.gte', errors);
        const boughtAtLte = dateParam(q, 'lineItems.boughtAt.lte', errors);
        const updatedAtGte = dateParam(q, 'updatedAt.gte', errors);
        const updatedAtLte = dateParam(q, 'updatedAt.lte', errors);
        const sort = choiceParam(q, 'sort', SORTS, errors) ?? '-lineItems.boughtAt';
        if (!errors.empty) return errors.response(req);
        if (offset! + limit! > MAX_RESULT_WINDOW) {
          return errorsHolder(
            422,
            [
              {
                code: 'VALIDATION_ERROR',
                message: `Offset and limit parameters exceed maximal result size of ${MAX_RESULT_WINDOW} items`,
                path: '/order/checkout-forms',
                userMessage: null,
              },
            ],
            req,
          );
        }
        const text = (name: string) => {
          const v = q.get(name);
          return v === null || v === '' ? null : v;
        };
        const { checkoutForms, totalCount } = store.listCheckoutForms({
          statuses: setOrNull(statuses),
          fulfillmentStatuses: setOrNull(fulfillment),
          lineItemsSent: setOrNull(sent),
          buyerLogin: text('buyer.login'),
          paymentId: text('payment.id'),
          surchargeId: text('surcharges.id'),
          deliveryMethodId: text('delivery.method.id'),
          marketplaceId: text('marketplace.id'),
          boughtAtGte,
          boughtAtLte,
          updatedAtGte,
          updatedAtLte,
          sort,
          offset: offset!,
          limit: limit!,
        });
        return ok({ checkoutForms, count: checkoutForms.length, totalCount });
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/order/checkout-forms/:id',
      scope: 'allegro:api:orders:read',
      handler: (req) => {
        const id = req.params['id'] ?? '';
        if (!isTimeUuid(id)) return malformedId(req, id, 'getCheckoutForm');
        const form = store.getCheckoutForm(id);
        return form ? ok(form) : notFound(req, id);
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/order/carriers',
      // the spec accepts an application or a user token; every token the simulator issues carries this scope
      scope: 'allegro:api:orders:read',
      handler: () => ok({ carriers: ALLEGRO_CARRIERS }),
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/order/checkout-forms/:id/shipments',
      scope: 'allegro:api:orders:read',
      handler: (req) => {
        const id = req.params['id'] ?? '';
        if (!isTimeUuid(id)) return malformedId(req, id, 'getOrderShipments');
        const shipments = store.listShipments(id);
        return shipments ? ok({ shipments }) : notFound(req, id);
      },
    }),
    apiRoute(auth, {
      method: 'POST',
      path: '/order/checkout-forms/:id/shipments',
      scope: 'allegro:api:orders:write',
      handler: (req) => {
        const id = req.params['id'] ?? '';
        if (!isTimeUuid(id)) return malformedId(req, id, 'createOrderShipments');
        const parsed = parseShipmentBody(req.json());
        if (!parsed.ok) return errorsHolder(400, parsed.errors.errors, req);
        const form = store.getCheckoutForm(id);
        if (!form) return notFound(req, id);
        const known = new Set(form.lineItems.map((line) => line.id));
        const foreign = parsed.request.lineItemIds.find((lineId) => !known.has(lineId));
        if (foreign !== undefined) {
          return errorsHolder(
            422,
            [
              {
                code: 'VALIDATION_ERROR',
                message: `Line item ${foreign} does not belong to order ${id}`,
                path: 'lineItems',
                userMessage: USER_MESSAGES.invalidParameters,
              },
            ],
            req,
          );
        }
        return ok(store.addShipment(id, parsed.request), 201);
      },
    }),
    apiRoute(auth, {
      method: 'PUT',
      path: '/order/checkout-forms/:id/fulfillment',
      scope: 'allegro:api:orders:write',
      handler: (req) => {
        const id = req.params['id'] ?? '';
        if (!isTimeUuid(id)) return malformedId(req, id, 'setOrderFulfillment');
        const body = req.json();
        const errors = new ParamErrors();
        let status: FulfillmentStatus | null = null;
        let lineItemsSent: LineItemsSent | null = null;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          errors.add('status', 'must not be null');
        } else {
          const b = body as Record<string, unknown>;
          if (typeof b['status'] !== 'string') errors.add('status', 'must not be null');
          else if (!(FULFILLMENT_STATUSES as readonly string[]).includes(b['status'])) {
            errors.add('status', `must be one of [${FULFILLMENT_STATUSES.join(', ')}]`, `Invalid value: ${b['status']}`);
          } else status = b['status'] as FulfillmentStatus;
          const summary = b['shipmentSummary'];
          if (summary !== undefined && summary !== null) {
            const value = (summary as Record<string, unknown>)['lineItemsSent'];
            if (typeof value === 'string' && (LINE_ITEMS_SENT as readonly string[]).includes(value)) {
              lineItemsSent = value as LineItemsSent;
            } else {
              errors.add('shipmentSummary.lineItemsSent', `must be one of [${LINE_ITEMS_SENT.join(', ')}]`);
            }
          }
        }
        if (!errors.empty || status === null) return errors.response(req);
        if (!SELLER_SETTABLE.has(status)) {
          return errorsHolder(
            422,
            [
              {
                code: 'VALIDATION_ERROR',
                message: `Fulfillment status ${status} cannot be set by the seller`,
                details: `Allowed values: ${[...SELLER_SETTABLE].join(', ')}`,
                path: 'status',
                userMessage: USER_MESSAGES.disallowedStatus,
              },
            ],
            req,
          );
        }
        const revision = req.query.get('checkoutForm.revision');
        const result = store.setFulfillment(id, status, lineItemsSent, revision === '' ? null : revision);
        if (result.ok) return noContent();
        if (result.reason === 'not_found') return notFound(req, id);
        return errorsHolder(
          409,
          [
            {
              code: 'CONFLICT',
              message: `Checkout form ${id} has been modified: checkoutForm.revision ${revision} is not the current revision`,
              path: 'checkoutForm.revision',
              userMessage: USER_MESSAGES.conflict,
            },
          ],
          req,
        );
      },
    }),
  ];
}
