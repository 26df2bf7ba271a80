/**
 * registerReturn: the refund through the order's channel first (the customer's money is what they came for), then
 * the goods booked into the store's stock in the ERP. Ownership, status, window and quantities are checked in
 * `prepare`, from the order as its channel shows it now.
 */
import { notFound, badUserInput } from '@omnigraph/shared/errors';
import type { WriteOperation } from '@omnigraph/shared/writes';
import type { GraphReads, Money } from '../graph-reads.ts';
import { allocateReturn, checkReturnWindow, isOrderOfCustomer, orderOfAnotherCustomer, type ReturnAllocation } from '../return-eligibility.ts';
import type { StepCalls } from '../step-calls.ts';
import type { RegisterReturnInput } from '../validation.ts';
import { stepKey } from './step-key.ts';

export interface RegisterReturnPrepared {
  /** the order's reference in the ERP receipt: the e-shop order number or the Allegro checkout-form id */
  orderRef: string;
  allocations: ReturnAllocation[];
}

export interface RegisterReturnResult {
  orderId: string;
  channel: 'eshop' | 'marketplace';
  refund: { id: string; amount: Money; status: string };
  stockReceipt: string;
}

export interface RegisterReturnOptions {
  /** COMMANDS_RETURN_WINDOW_DAYS */
  windowDays: number;
  now?: () => number;
}

export function registerReturnOperation(
  reads: GraphReads,
  steps: StepCalls,
  options: RegisterReturnOptions,
): WriteOperation<RegisterReturnInput, RegisterReturnPrepared, RegisterReturnResult> {
  const now = options.now ?? Date.now;
  return {
    name: 'registerReturn',
    async prepare(input, identity) {
      const [order, customer, stores] = await Promise.all([
        reads.order(input.channel, input.orderId, identity),
        input.customerId === undefined ? Promise.resolve(undefined) : reads.customer(input.customerId, identity),
        reads.stores(identity),
      ]);
      if (order === null) throw notFound('No order has this id.');
      if (customer === null) throw notFound('No CRM customer has this id.');
      if (customer !== undefined && !isOrderOfCustomer(input.channel, order, customer)) throw orderOfAnotherCustomer();
      checkReturnWindow(order, now(), options.windowDays);
      const allocations = allocateReturn(order, input.lines);
      const store = stores.find((s) => s.code === input.storeCode);
      if (store === undefined || store.kind !== 'STORE') throw badUserInput('`storeCode` is not a store that takes returns.', 'input.storeCode');
      const orderRef = input.channel === 'eshop' ? order.number : input.orderId.slice('marketplace:'.length);
      return { orderRef, allocations };
    },
    async run(input, prepared, ctx, identity) {
      const key = stepKey(ctx.record);
      const refundLines = prepared.allocations.map((a) => ({ lineId: a.lineId, quantity: a.quantity }));
      const reason = input.reason === undefined ? {} : { reason: input.reason };
      const refund =
        input.channel === 'eshop'
          ? await ctx.step(
              'eshop.createRefund',
              () => steps.eshopCreateRefund(key, { orderId: input.orderId, lines: refundLines, storeCode: input.storeCode, ...reason }, identity),
              (r) => r.refundId,
            )
          : await ctx.step(
              'marketplace.createRefund',
              () => steps.marketplaceCreateRefund(key, { orderId: input.orderId, lines: refundLines, ...reason }, identity),
              (r) => r.refundId,
            );
      const receipt = await ctx.step(
        'erp.receiveReturn',
        () => steps.erpReceiveReturn(key, { storeCode: input.storeCode, orderRef: prepared.orderRef, lines: input.lines }, identity),
        (r) => r.name,
      );
      return {
        orderId: input.orderId,
        channel: input.channel,
        refund: { id: refund.refundId, amount: refund.amount, status: refund.status },
        stockReceipt: receipt.name,
      };
    },
  };
}
