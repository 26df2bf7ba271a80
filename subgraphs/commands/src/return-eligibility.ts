/**
 * Whether (and how) an order can be taken back, decided from the order as its channel shows it now: pure, so the
 * rules are tested without a stack. Refusals carry the registry codes; nothing is written when one is thrown.
 */
import type { GraphQLError } from 'graphql';
import { clientError } from '@omnigraph/shared/errors';
import type { ChannelOrder, CrmCustomer } from './graph-reads.ts';
import type { LineInput } from './validation.ts';

export type NotEligibleReason = 'NOT_DELIVERED' | 'WINDOW_EXPIRED' | 'CANCELLED';

export function returnNotEligible(reason: NotEligibleReason, message: string): GraphQLError {
  return clientError('RETURN_NOT_ELIGIBLE', message, { reason });
}

const DAY_MS = 86_400_000;
/** The goods are with the customer: delivered by a carrier (SHIPPED) or done (COMPLETED, collected in a store). */
const RETURNABLE = new Set(['COMPLETED', 'SHIPPED']);
const CANCELLED = new Set(['CANCELLED', 'FAILED']);

/** Status first (a cancelled order is not "expired"), then the window from delivery, or from placing when unknown. */
export function checkReturnWindow(order: Pick<ChannelOrder, 'status' | 'placedAt' | 'completedAt'>, now: number, windowDays: number): void {
  if (CANCELLED.has(order.status)) throw returnNotEligible('CANCELLED', 'The order was cancelled: there is nothing to return.');
  if (!RETURNABLE.has(order.status)) {
    throw returnNotEligible('NOT_DELIVERED', 'The order has not been delivered or collected yet: it cannot be returned.');
  }
  const from = Date.parse(order.completedAt ?? order.placedAt);
  if (!Number.isFinite(from) || now > from + windowDays * DAY_MS) {
    throw returnNotEligible('WINDOW_EXPIRED', `The ${windowDays}-day return window of this order has passed.`);
  }
}

export interface ReturnAllocation {
  /** the channel's line id, as its refund API wants it */
  lineId: string;
  sku: string;
  quantity: number;
}

/**
 * Spreads each returned SKU over the order's lines of that SKU (an order may list one SKU twice), never above what a
 * line has left (bought minus already refunded). RETURN_QUANTITY_EXCEEDED when the order cannot take it back: more
 * than is left (including a second return of the same goods), or a SKU the order does not have.
 */
export function allocateReturn(order: Pick<ChannelOrder, 'lines'>, lines: readonly LineInput[]): ReturnAllocation[] {
  const allocations: ReturnAllocation[] = [];
  for (const [index, line] of lines.entries()) {
    let wanted = line.quantity;
    for (const orderLine of order.lines) {
      if (wanted === 0) break;
      if (orderLine.sku !== line.sku || orderLine.id === null) continue;
      const left = orderLine.quantity - orderLine.returnedQuantity;
      if (left <= 0) continue;
      const take = Math.min(left, wanted);
      allocations.push({ lineId: orderLine.id, sku: line.sku, quantity: take });
      wanted -= take;
    }
    if (wanted > 0) {
      throw clientError(
        'RETURN_QUANTITY_EXCEEDED',
        `Return line ${index + 1} asks for more than the order has left to return of that SKU (bought minus already returned).`,
        { argumentName: `input.lines[${index}].quantity` },
      );
    }
  }
  return allocations;
}

const normalise = (value: string | null | undefined): string | undefined => value?.trim().toLowerCase() || undefined;

/**
 * Whether the order's buyer is this CRM customer: the channel's customer id the CRM links (WooCommerce customer,
 * Allegro buyer), else the same e-mail (an e-shop guest) or Allegro login. An order whose buyer the channel does not
 * say is not proven to be theirs: refused, like one of another customer.
 */
export function isOrderOfCustomer(channel: 'eshop' | 'marketplace', order: Pick<ChannelOrder, 'buyerIdentity'>, customer: CrmCustomer): boolean {
  const buyer = order.buyerIdentity;
  if (buyer === null) return false;
  if (channel === 'eshop') {
    if (buyer.id !== null && customer.eshopCustomerId !== null) return buyer.id === customer.eshopCustomerId;
    const email = normalise(buyer.email);
    if (email === undefined) return false;
    return [customer.email, ...customer.additionalEmails].some((candidate) => normalise(candidate) === email);
  }
  if (buyer.id !== null && customer.allegroBuyerId !== null && buyer.id === customer.allegroBuyerId) return true;
  const login = normalise(buyer.login);
  return login !== undefined && login === normalise(customer.allegroBuyerLogin);
}

export function orderOfAnotherCustomer(): GraphQLError {
  return clientError('ORDER_OF_ANOTHER_CUSTOMER', 'The order does not belong to this customer.');
}
