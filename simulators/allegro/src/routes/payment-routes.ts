import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import { ParamErrors, dateParam, enumParam, errorsHolder, intParam, ok, setOrNull } from '../allegro-http.ts';
import { minorOf, type RefundLineRequest, type RefundRequest } from '../allegro-refunds.ts';
import type { AllegroStore } from '../allegro-store.ts';
import { REFUND_REASONS, REFUND_STATUS_FILTERS, type RefundReason } from '../allegro-types.ts';
import { apiRoute } from './api-route.ts';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
/** `sellerComment` maxLength in the spec */
const SELLER_COMMENT_MAX = 250;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ value: { amount, currency } }` (delivery, overpaid, additionalServices) → grosze; null when absent. */
function valueOf(body: Json, name: string, errors: ParamErrors): number | null {
  const holder = body[name];
  if (holder === undefined || holder === null) return null;
  const value = isObject(holder) ? holder['value'] : undefined;
  if (!isObject(value) || typeof value['amount'] !== 'string' || !AMOUNT.test(value['amount']) || typeof value['currency'] !== 'string') {
    errors.add(`${name}.value`, 'Niewłaściwy format parametru', `Invalid value: ${JSON.stringify(value ?? null)}`);
    return null;
  }
  return minorOf(value['amount']);
}

/**
 * The InitializeRefund body, every problem at once in one 422 (the way Allegro lists VALIDATION_ERRORs): required
 * `payment.id`, `order.id`, `commandId` (both required since 2025-12-15, allegro/allegro-api#12208), `reason`; each
 * line item an `id` and a `type`, with `quantity` (QUANTITY) or `value` (AMOUNT, allegro/allegro-api#4755).
 */
function parseRefundBody(body: unknown): { ok: true; request: RefundRequest } | { ok: false; errors: ParamErrors } {
  const errors = new ParamErrors();
  const b: Json = isObject(body) ? body : {};
  const idAt = (holder: unknown, path: string): string => {
    const id = isObject(holder) ? holder['id'] : undefined;
    if (id === undefined || id === null) errors.add(path, 'must not be null');
    else if (typeof id !== 'string' || !UUID.test(id)) errors.add(path, 'must be a valid UUID', `Invalid value: ${String(id)}`);
    else return id;
    return '';
  };
  const paymentId = idAt(b['payment'], 'payment.id');
  const orderId = idAt(b['order'], 'order.id');
  let commandId: string | null = null;
  if (b['commandId'] === undefined || b['commandId'] === null) errors.add('commandId', 'must not be null');
  else if (typeof b['commandId'] !== 'string' || !UUID.test(b['commandId']))
    errors.add('commandId', 'must be a valid UUID', `Invalid value: ${String(b['commandId'])}`);
  else commandId = b['commandId'].toLowerCase();
  let reason: RefundReason = 'REFUND';
  if (typeof b['reason'] !== 'string' || !(REFUND_REASONS as readonly string[]).includes(b['reason'])) {
    errors.add('reason', `must be one of [${REFUND_REASONS.join(', ')}]`, `Invalid value: ${String(b['reason'] ?? null)}`);
  } else reason = b['reason'] as RefundReason;
  const lineItems: RefundLineRequest[] = [];
  const rawLines = b['lineItems'] ?? [];
  if (!Array.isArray(rawLines)) errors.add('lineItems', 'must be an array');
  else {
    rawLines.forEach((raw: unknown, i) => {
      const path = `lineItems[${i}]`;
      const line: Json = isObject(raw) ? raw : {};
      const id = idAt(line, `${path}.id`);
      const type = line['type'];
      if (type === 'QUANTITY') {
        const q = line['quantity'];
        if (typeof q !== 'number' || !Number.isInteger(q) || q < 0)
          errors.add(`${path}.quantity`, 'Niewłaściwy format parametru', `Invalid value: ${String(q ?? null)}`);
        else lineItems.push({ id, type, quantity: q, valueMinor: 0 });
      } else if (type === 'AMOUNT') {
        const v = line['value'];
        if (!isObject(v) || typeof v['amount'] !== 'string' || !AMOUNT.test(v['amount']) || typeof v['currency'] !== 'string') {
          errors.add(`${path}.value`, 'Niewłaściwy format parametru', `Invalid value: ${JSON.stringify(v ?? null)}`);
        } else lineItems.push({ id, type, quantity: 0, valueMinor: minorOf(v['amount']) });
      } else {
        errors.add(`${path}.type`, 'must be one of [AMOUNT, QUANTITY]', `Invalid value: ${String(type ?? null)}`);
      }
    });
  }
  const deliveryMinor = valueOf(b, 'delivery', errors);
  const overpaidMinor = valueOf(b, 'overpaid', errors);
  const additionalServicesMinor = valueOf(b, 'additionalServices', errors);
  const surcharges: { id: string; minor: number }[] = [];
  const rawSurcharges = b['surcharges'] ?? [];
  if (!Array.isArray(rawSurcharges)) errors.add('surcharges', 'must be an array');
  else {
    rawSurcharges.forEach((raw: unknown, i) => {
      const s: Json = isObject(raw) ? raw : {};
      const id = idAt(s, `surcharges[${i}].id`);
      const minor = valueOf(s, 'value', errors) ?? 0;
      surcharges.push({ id, minor });
    });
  }
  let sellerComment: string | null = null;
  const comment = b['sellerComment'];
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string' || comment.length > SELLER_COMMENT_MAX) {
      errors.add('sellerComment', `size must be between 0 and ${SELLER_COMMENT_MAX}`);
    } else sellerComment = comment;
  }
  if (!errors.empty) return { ok: false, errors };
  return {
    ok: true,
    request: {
      paymentId,
      orderId,
      commandId,
      reason,
      lineItems,
      deliveryMinor,
      overpaidMinor,
      surcharges,
      additionalServicesMinor,
      sellerComment,
    },
  };
}

export function createPaymentRoutes(store: AllegroStore, auth: AllegroAuth): Route[] {
  return [
    apiRoute(auth, {
      method: 'POST',
      path: '/payments/refunds',
      scope: 'allegro:api:payments:write',
      handler: (req: SimRequest): SimResponse => {
        const parsed = parseRefundBody(req.json());
        if (!parsed.ok) return parsed.errors.response(req);
        const { request } = parsed;
        const outcome = store.refunds.create(request, store.getCheckoutFormByPayment(request.paymentId));
        // The spec answers 200 (not 201) with the RefundDetails.
        return outcome.ok ? ok(outcome.refund) : errorsHolder(outcome.status, outcome.errors, req);
      },
    }),
    apiRoute(auth, {
      method: 'GET',
      path: '/payments/refunds',
      scope: 'allegro:api:payments:read',
      handler: (req) => {
        const q = req.query;
        const errors = new ParamErrors();
        const limit = intParam(q, 'limit', 50, 1, 100, errors);
        const offset = intParam(q, 'offset', 0, 0, null, errors);
        const uuid = (name: string): string | null => {
          const v = q.get(name);
          if (v === null || v === '') return null;
          if (!UUID.test(v)) errors.add(name, 'must be a valid UUID', `Invalid value: ${v}`);
          return v.toLowerCase();
        };
        const id = uuid('id');
        const paymentId = uuid('payment.id');
        const orderId = uuid('order.id');
        const occurredAtGte = dateParam(q, 'occurredAt.gte', errors);
        const occurredAtLte = dateParam(q, 'occurredAt.lte', errors);
        const statuses = enumParam(q, 'status', REFUND_STATUS_FILTERS, errors);
        if (!errors.empty) return errors.response(req);
        const { refunds, totalCount } = store.refunds.list({
          id,
          paymentId,
          orderId,
          occurredAtGte,
          occurredAtLte,
          statuses: setOrNull(statuses),
          offset: offset!,
          limit: limit!,
        });
        return ok({ refunds, count: refunds.length, totalCount });
      },
    }),
  ];
}
