import type { ErrorSpec } from './allegro-http.ts';
import { money, uuidOf } from './allegro-mappers.ts';
import type { CheckoutForm, RefundDetails, RefundLineItem, RefundReason, RefundStatus, RefundStatusFilter } from './allegro-types.ts';

/**
 * Payment refunds (`POST` / `GET /payments/refunds`, developer.allegro.pl operations initiateRefund and
 * getRefundedPayments): what Allegro keeps per refund and the checks it makes before paying one out.
 *
 * Documented: `order.id` must belong to the payment; `commandId` (a UUID the seller generates) makes the creation
 * idempotent (allegro/allegro-api#11668, required since 2025-12-15, #12208); nothing to refund → 422 (#6878); asking
 * for more items than are left → 422 `VALIDATION_ERROR` "Oferta: <line id> ilość przekroczona, dostępna: 0, żądana:
 * 1", where refunds still being processed count as made (#8840); the same for a value ("wartość przekroczona …
 * PLN", #12680). Simulator choices (undocumented): a repeated commandId answers the refund it created (whatever the
 * body), a refund is NEW when created and SUCCESS once {@link SETTLE_MS} have passed, and a cash-on-delivery or unpaid
 * payment cannot be refunded (Allegro only pays back what went through its own payments).
 */

/** How long a new refund stays NEW before it reads SUCCESS (Allegro pays refunds out asynchronously). */
export const SETTLE_MS = 1_000;

export interface RefundLineRequest {
  id: string;
  type: 'QUANTITY' | 'AMOUNT';
  quantity: number;
  /** AMOUNT: the value in grosze */
  valueMinor: number;
}

export interface RefundRequest {
  paymentId: string;
  orderId: string;
  commandId: string | null;
  reason: RefundReason;
  lineItems: RefundLineRequest[];
  /** grosze, null when not refunded */
  deliveryMinor: number | null;
  overpaidMinor: number | null;
  surcharges: { id: string; minor: number }[];
  additionalServicesMinor: number | null;
  sellerComment: string | null;
}

export type RefundOutcome = { ok: true; refund: RefundDetails } | { ok: false; status: number; errors: ErrorSpec[] };

export interface RefundQuery {
  id: string | null;
  paymentId: string | null;
  orderId: string | null;
  occurredAtGte: number | null;
  occurredAtLte: number | null;
  statuses: ReadonlySet<RefundStatusFilter> | null;
  offset: number;
  limit: number;
}

interface StoredRefund {
  refund: RefundDetails;
  createdAtMs: number;
  /** grosze refunded per line item id, and items for QUANTITY lines */
  perLine: Map<string, { quantity: number; minor: number }>;
  deliveryMinor: number;
}

/** "179.99" → 17999; the simulator only stores two-decimal amounts. */
export function minorOf(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)));
}

/** 5041 → "50,41": the Polish decimal comma Allegro's refund messages use. */
function plText(minor: number): string {
  return money(minor).amount.replace('.', ',');
}

/** Refunds that did not pay anything out do not count against what is left to refund. */
function counts(status: RefundStatus): boolean {
  return status !== 'CANCELED' && status !== 'VALIDATE_FAILED';
}

function matchesFilter(status: RefundStatus, filters: ReadonlySet<RefundStatusFilter>): boolean {
  // WAITING is a filter value that no refund answers with; it is read as "not processed yet" (NEW, VALIDATED).
  for (const f of filters) {
    if (f === status) return true;
    if (f === 'WAITING' && (status === 'NEW' || status === 'VALIDATED')) return true;
  }
  return false;
}

function validation(message: string, path: string | null = null): ErrorSpec {
  // Allegro's refund refusals carry the Polish text in both message and userMessage (allegro/allegro-api#8840).
  return { code: 'VALIDATION_ERROR', message, path, userMessage: message };
}

export class AllegroRefunds {
  private refunds: StoredRefund[] = [];
  private byCommand = new Map<string, StoredRefund>();
  private created = 0;
  private readonly clock: () => number;

  constructor(clock: () => number) {
    this.clock = clock;
  }

  reset(): void {
    this.refunds = [];
    this.byCommand = new Map();
    this.created = 0;
  }

  get size(): number {
    return this.refunds.length;
  }

  /** The refund as read now: NEW turns SUCCESS once it has settled. */
  private render(stored: StoredRefund): RefundDetails {
    if (stored.refund.status === 'NEW' && this.clock() - stored.createdAtMs >= SETTLE_MS) {
      stored.refund = { ...stored.refund, status: 'SUCCESS' };
    }
    return stored.refund;
  }

  /**
   * `POST /payments/refunds` once the body is well-formed: `form` is the checkout form the payment belongs to
   * (undefined: the payment is unknown → 404). A known commandId answers the refund it created.
   */
  create(req: RefundRequest, form: CheckoutForm | undefined): RefundOutcome {
    if (req.commandId !== null) {
      const done = this.byCommand.get(req.commandId);
      if (done) return { ok: true, refund: this.render(done) };
    }
    if (!form || !form.payment) {
      return {
        ok: false,
        status: 404,
        errors: [
          { code: 'NOT_FOUND', message: `Payment ${req.paymentId} not found`, path: 'payment.id', userMessage: `Payment ${req.paymentId} not found` },
        ],
      };
    }
    if (req.orderId !== form.id) {
      return { ok: false, status: 422, errors: [validation(`Order ${req.orderId} is not associated with payment ${req.paymentId}`, 'order.id')] };
    }
    const payment = form.payment;
    if (payment.type === 'CASH_ON_DELIVERY' || payment.paidAmount === null) {
      return {
        ok: false,
        status: 422,
        errors: [validation(`Payment ${payment.id} cannot be refunded: it was not paid through Allegro`, 'payment.id')],
      };
    }
    const currency = form.summary.totalToPay.currency;
    const errors: ErrorSpec[] = [];
    const perLine = new Map<string, { quantity: number; minor: number }>();
    const lineItems: RefundLineItem[] = [];
    let totalMinor = 0;
    const seen = new Set<string>();
    for (const [i, item] of req.lineItems.entries()) {
      const line = form.lineItems.find((li) => li.id === item.id);
      if (!line) {
        errors.push(validation(`Line item ${item.id} does not belong to order ${form.id}`, `lineItems[${i}].id`));
        continue;
      }
      if (seen.has(item.id)) {
        errors.push(validation(`Line item ${item.id} is given more than once`, `lineItems[${i}].id`));
        continue;
      }
      seen.add(item.id);
      const priceMinor = minorOf(line.price.amount);
      const done = this.refundedOfLine(form.id, item.id);
      if (item.type === 'QUANTITY') {
        const left = line.quantity - done.quantity;
        if (item.quantity > left) {
          errors.push(validation(`Oferta: ${item.id} ilość przekroczona, dostępna: ${left}, żądana: ${item.quantity}`));
          continue;
        }
        const minor = priceMinor * item.quantity;
        perLine.set(item.id, { quantity: item.quantity, minor });
        totalMinor += minor;
        lineItems.push({ id: item.id, type: 'QUANTITY', quantity: item.quantity, value: null });
      } else {
        const left = priceMinor * line.quantity - done.minor;
        if (item.valueMinor > left) {
          errors.push(
            validation(
              `Oferta: ${item.id} wartość przekroczona, dostępna: ${plText(left)} ${currency}, żądana: ${plText(item.valueMinor)} ${currency}`,
            ),
          );
          continue;
        }
        perLine.set(item.id, { quantity: 0, minor: item.valueMinor });
        totalMinor += item.valueMinor;
        lineItems.push({ id: item.id, type: 'AMOUNT', value: money(item.valueMinor, currency) });
      }
    }
    let deliveryMinor = 0;
    if (req.deliveryMinor !== null) {
      const cost = form.delivery ? minorOf(form.delivery.cost.amount) : 0;
      const left =
        cost - this.refunds.filter((r) => r.refund.order.id === form.id && counts(r.refund.status)).reduce((sum, r) => sum + r.deliveryMinor, 0);
      if (req.deliveryMinor > left) {
        errors.push(
          validation(
            `Dostawa: wartość przekroczona, dostępna: ${plText(left)} ${currency}, żądana: ${plText(req.deliveryMinor)} ${currency}`,
            'delivery.value',
          ),
        );
      } else {
        deliveryMinor = req.deliveryMinor;
        totalMinor += deliveryMinor;
      }
    }
    if (errors.length > 0) return { ok: false, status: 422, errors };
    // Overpayments, surcharges and additional services are taken as asked (not checked against the payment).
    totalMinor += (req.overpaidMinor ?? 0) + (req.additionalServicesMinor ?? 0) + req.surcharges.reduce((sum, s) => sum + s.minor, 0);
    if (totalMinor <= 0) {
      return {
        ok: false,
        status: 422,
        errors: [validation('Nothing to refund: give line items, delivery, overpaid, surcharges or additional services')],
      };
    }
    this.created += 1;
    const nowMs = this.clock();
    const refund: RefundDetails = {
      id: uuidOf('refund', form.id, this.created),
      payment: { id: payment.id },
      order: { id: form.id },
      reason: req.reason,
      status: 'NEW',
      createdAt: new Date(nowMs).toISOString(),
      totalValue: money(totalMinor, currency),
      lineItems,
      delivery: req.deliveryMinor === null ? null : { value: money(deliveryMinor, currency) },
      overpaid: req.overpaidMinor === null ? null : { value: money(req.overpaidMinor, currency) },
      surcharges: req.surcharges.map((s) => ({ id: s.id, value: money(s.minor, currency) })),
      additionalServices: req.additionalServicesMinor === null ? null : { value: money(req.additionalServicesMinor, currency) },
      sellerComment: req.sellerComment,
    };
    const stored: StoredRefund = { refund, createdAtMs: nowMs, perLine, deliveryMinor };
    this.refunds.push(stored);
    if (req.commandId !== null) this.byCommand.set(req.commandId, stored);
    return { ok: true, refund };
  }

  private refundedOfLine(orderId: string, lineId: string): { quantity: number; minor: number } {
    let quantity = 0;
    let minor = 0;
    for (const r of this.refunds) {
      if (r.refund.order.id !== orderId || !counts(r.refund.status)) continue;
      const line = r.perLine.get(lineId);
      if (line) {
        quantity += line.quantity;
        minor += line.minor;
      }
    }
    return { quantity, minor };
  }

  /** `GET /payments/refunds`: newest first (the order Allegro's other payment listings use). */
  list(q: RefundQuery): { refunds: RefundDetails[]; totalCount: number } {
    const matching: RefundDetails[] = [];
    for (let i = this.refunds.length - 1; i >= 0; i--) {
      const stored = this.refunds[i]!;
      const r = this.render(stored);
      if (q.id !== null && r.id !== q.id) continue;
      if (q.paymentId !== null && r.payment.id !== q.paymentId) continue;
      if (q.orderId !== null && r.order.id !== q.orderId) continue;
      if (q.occurredAtGte !== null && stored.createdAtMs < q.occurredAtGte) continue;
      if (q.occurredAtLte !== null && stored.createdAtMs > q.occurredAtLte) continue;
      if (q.statuses !== null && !matchesFilter(r.status, q.statuses)) continue;
      matching.push(r);
    }
    return { refunds: matching.slice(q.offset, q.offset + q.limit), totalCount: matching.length };
  }
}
