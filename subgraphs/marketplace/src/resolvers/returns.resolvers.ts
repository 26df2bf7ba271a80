/**
 * Returns on Allegro orders: the refund step (`Mutation.marketplaceCreateRefund`, ADR 0011) and what it leaves on the
 * order (`MarketplaceOrder.returns`, `OrderLine.returnedQuantity`), both read through one per-request loader.
 */
import type { MarketplaceOrderResolvers, MutationResolvers, OrderLineResolvers, OrderReturn } from '../__generated__/resolvers-types.ts';
import { formatMinorUnits, type MoneyModel } from '@omnigraph/shared/models';
import type { MarketplaceOrderModel, MarketplaceRefundModel } from '../upstream/marketplace-client.ts';

/** Integer grosze of a decimal string with at most two decimals; null otherwise (money never goes through floats). */
function toMinorUnits(amount: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

/** Refunds that paid nothing out (cancelled, failed validation) returned nothing either. */
function returnedGoods(refund: MarketplaceRefundModel): boolean {
  return refund.status !== 'CANCELED' && refund.status !== 'VALIDATE_FAILED';
}

/**
 * Whole items refunded: Allegro pays back the price the buyer paid per item (the line total ÷ quantity, exact, as the
 * line total is price × quantity) and states no value for them; null when the order no longer has the line.
 */
function refundedValueOf(line: MarketplaceRefundModel['lines'][number], order: MarketplaceOrderModel): MoneyModel | null {
  const orderLine = order.lines.find((candidate) => candidate.id === line.lineId);
  if (!orderLine || orderLine.quantity <= 0 || line.quantity <= 0) return null;
  const total = toMinorUnits(orderLine.lineTotal.amount);
  if (total === null || total % orderLine.quantity !== 0) return null;
  return { amount: formatMinorUnits((total / orderLine.quantity) * line.quantity), currency: orderLine.lineTotal.currency };
}

function toOrderReturn(refund: MarketplaceRefundModel, order: MarketplaceOrderModel): OrderReturn {
  const skuOf = new Map(order.lines.map((line) => [line.id, line.sku]));
  return {
    id: refund.id,
    createdAt: refund.createdAt,
    amount: refund.amount,
    status: refund.status,
    lines: refund.lines.map((line) => ({
      sku: skuOf.get(line.lineId) ?? null,
      quantity: line.quantity,
      lineId: line.lineId,
      amount: line.value ?? refundedValueOf(line, order),
    })),
    // Allegro keeps no store on a refund
    store: null,
  };
}

export const returnsMutationResolvers: MutationResolvers = {
  /** Reads the form and the order's refunds, then at most one `POST /payments/refunds` (see create-refund-step.ts). */
  marketplaceCreateRefund: (_parent, { idempotencyKey, input }, { createRefund }) => createRefund(idempotencyKey, input),
};

export const marketplaceOrderReturnsResolvers: Pick<MarketplaceOrderResolvers, 'returns'> = {
  /** Only when asked for: one `GET /payments/refunds?order.id=…` per order (cached like the order), newest first. */
  async returns(order, _args, { loaders }) {
    const refunds = (await loaders.refundsByOrderNumber.load(order.number)) ?? [];
    return refunds.map((refund) => toOrderReturn(refund, order));
  },
};

export const orderLineResolvers: OrderLineResolvers = {
  /** Σ whole items of this line in the order's refunds: the same loaded list as `returns`, so no extra call. */
  async returnedQuantity(line, _args, { loaders }) {
    if (line.id === null) return 0;
    const refunds = (await loaders.refundsByOrderNumber.load(line.orderNumber)) ?? [];
    let quantity = 0;
    for (const refund of refunds) {
      if (!returnedGoods(refund)) continue;
      for (const refunded of refund.lines) if (refunded.lineId === line.id) quantity += refunded.quantity;
    }
    return quantity;
  },
};
