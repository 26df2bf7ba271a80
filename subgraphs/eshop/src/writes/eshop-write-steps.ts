/**
 * The e-shop's write steps (ADR 0011), called by the commands subgraph only. Each is idempotent by its tag: it first
 * looks for the document it may already have written for the idempotency key (WooCommerce cannot filter by meta, so
 * the candidates are listed and matched here) and answers it with `created: false`; only when there is none does it
 * write, tagged with the key. A step re-sent after a lost answer (timeout, reset) therefore never writes twice.
 *
 * After a write the cached order, its refunds and the customer's order list are dropped, so the graph shows the effect
 * at once (the new order first in the customer's list, the refund on the order).
 *
 * The input was validated by the commands subgraph; what would be dangerous to send anyway (non-positive quantities,
 * lines of another order, malformed ids) is refused here with BAD_USER_INPUT, before any write.
 */
import { invalidate, type Cache } from '@omnigraph/shared/cache';
import { badUserInput, clientError, notFound } from '@omnigraph/shared/errors';
import type { Logger } from '@omnigraph/shared/logging';
import {
  ESHOP_BATCH_LIMIT,
  isShopId,
  parseEshopOrderGlobalId,
  type EshopClient,
  type EshopNewOrderModel,
  type EshopOrderId,
  type EshopOrderModel,
  type EshopRefundModel,
} from '../upstream/eshop-client.ts';
import { eshopCacheKeys } from '../upstream/eshop-cache-keys.ts';
import { WC_WRITE_META, WcWriteInputError } from '../upstream/woocommerce/woocommerce-writes.ts';
import { parseDecimalToMinorUnits } from '../upstream/money.ts';
import { reportDuplicate, validateIdempotencyKey } from '@omnigraph/shared/writes';

/** How far back a step looks for the order it may have placed: longer than any retry or recovery of one write. */
export const ORDER_TAG_LOOKBACK_MS = 48 * 60 * 60 * 1000;
const MAX_QUANTITY = 100_000;

export interface EshopWriteResultModel {
  orderId: string;
  number: string;
  created: boolean;
}

export interface EshopRefundResultModel {
  refundId: string;
  amount: { amount: string; currency: string };
  status: string;
  created: boolean;
}

export interface EshopWriteSteps {
  createOrder(idempotencyKey: string, input: EshopNewOrderModel): Promise<EshopWriteResultModel>;
  linkReservation(idempotencyKey: string, orderGlobalId: string, erpOrderName: string): Promise<EshopWriteResultModel>;
  createRefund(
    idempotencyKey: string,
    input: { orderId: string; lines: { lineId: string; quantity: number }[]; reason: string | null; storeCode: string },
  ): Promise<EshopRefundResultModel>;
}

export interface EshopWriteStepsDeps {
  client: EshopClient;
  cache?: Cache | undefined;
  logger?: Pick<Logger, 'error' | 'info'> | undefined;
  now?: (() => number) | undefined;
}

function checkQuantity(quantity: number, where: string): void {
  if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
    throw badUserInput(`${where}: quantity must be a whole number from 1 to ${MAX_QUANTITY}.`, 'input');
  }
}

function orderIdOf(globalId: string, argumentName: string): EshopOrderId {
  const orderId = parseEshopOrderGlobalId(globalId);
  if (orderId === null) throw badUserInput(`${argumentName} must be an e-shop order id (eshop:<id>).`, argumentName);
  return orderId;
}

/**
 * The oldest of the documents found for one key. More than one is a write that happened twice (should never be): the
 * step goes on with the oldest and reports it, ids only, so someone reconciles the shop by hand.
 */
function firstOf<T extends { id: string }>(
  found: readonly T[],
  step: 'eshop.createOrder' | 'eshop.createRefund',
  idempotencyKey: string,
  logger: EshopWriteStepsDeps['logger'],
): T | undefined {
  const sorted = [...found].sort((a, b) => Number(a.id.replace(/\D/g, '')) - Number(b.id.replace(/\D/g, '')));
  if (sorted.length > 1)
    reportDuplicate(step, { service: 'eshop', ...(logger ? { logger } : {}), idempotencyKey, upstreamIds: sorted.map((d) => d.id) });
  return sorted[0];
}

export function createEshopWriteSteps(deps: EshopWriteStepsDeps): EshopWriteSteps {
  const { client, logger } = deps;
  const now = deps.now ?? Date.now;

  async function dropCached(order: Pick<EshopOrderModel, 'orderId' | 'customerId' | 'billingEmail'>, extra: string[] = []): Promise<void> {
    if (deps.cache === undefined) return;
    const keys = eshopCacheKeys.orderKeysOf(order);
    // a guest order placed for an account-less customer shows in the e-mail's list; an account order in both lists
    // the CRM merges, so both go
    if (order.customerId !== null && order.billingEmail !== null) keys.push(eshopCacheKeys.guestOrders(order.billingEmail));
    await invalidate(deps.cache, [...keys, ...extra]);
  }

  async function freshOrder(orderId: EshopOrderId): Promise<EshopOrderModel> {
    const [order] = await client.getOrdersByIds({ ids: [orderId] });
    if (order === undefined) throw notFound(`The e-shop has no order ${orderId}.`);
    return order;
  }

  return {
    async createOrder(idempotencyKey, input) {
      validateIdempotencyKey(idempotencyKey);
      if (input.lines.length === 0) throw badUserInput('An order needs at least one line.', 'input');
      if (input.lines.length > ESHOP_BATCH_LIMIT) throw badUserInput(`An order takes at most ${ESHOP_BATCH_LIMIT} lines.`, 'input');
      input.lines.forEach((line, i) => {
        checkQuantity(line.quantity, `lines[${i}]`);
        let gross: number;
        try {
          gross = parseDecimalToMinorUnits(line.unitGross);
        } catch {
          throw badUserInput(`lines[${i}]: unitGross is not a decimal amount.`, 'input');
        }
        if (gross <= 0) throw badUserInput(`lines[${i}]: unitGross must be above zero.`, 'input');
        const rate = Number(line.vatRate);
        if (!Number.isFinite(rate) || rate < 0 || rate >= 100) throw badUserInput(`lines[${i}]: vatRate must be a percentage.`, 'input');
      });
      if (input.eshopCustomerId !== null && !isShopId(input.eshopCustomerId))
        throw badUserInput('eshopCustomerId is not a shop customer id.', 'input');
      if (input.billing.email.trim() === '') throw badUserInput('billing.email is required.', 'input');
      const { delivery } = input;
      if (delivery.method === 'PARCEL_LOCKER' && (delivery.parcelLockerId ?? '').trim() === '') {
        throw badUserInput('A parcel locker delivery needs delivery.parcelLockerId.', 'input');
      }
      if (delivery.method === 'STORE_PICKUP' && (delivery.storeCode ?? '').trim() === '') {
        throw badUserInput('A store pickup needs delivery.storeCode.', 'input');
      }

      const since = new Date(now() - ORDER_TAG_LOOKBACK_MS).toISOString();
      const tagged = await client.findOrdersByTag({
        idempotencyKey,
        eshopCustomerId: input.eshopCustomerId,
        email: input.billing.email,
        sinceIso: since,
      });
      const existing = firstOf(tagged, 'eshop.createOrder', idempotencyKey, logger);
      if (existing !== undefined) {
        // the first attempt's answer was lost before it could drop the caches
        await dropCached(existing);
        return { orderId: existing.id, number: existing.number, created: false };
      }

      // WooCommerce takes an unknown SKU silently (a line without a product): ask for the listings first, fresh.
      const skus = [...new Set(input.lines.map((line) => line.sku))];
      const listed = new Set((await client.getListingsBySkus({ skus })).map((listing) => listing.sku.toLowerCase()));
      const unknown = skus.filter((sku) => !listed.has(sku.toLowerCase()));
      if (unknown.length > 0) throw clientError('UNKNOWN_PRODUCT', `The e-shop does not list ${unknown.join(', ')}.`, { argumentName: 'input' });

      let order: EshopOrderModel;
      try {
        order = await client.createOrder({ order: { ...input, idempotencyKey } });
      } catch (error) {
        if (error instanceof WcWriteInputError) throw badUserInput(error.message, 'input');
        throw error;
      }
      logger?.info({ idempotencyKey, orderId: order.orderId }, 'e-shop order created');
      await dropCached(order);
      return { orderId: order.id, number: order.number, created: true };
    },

    async linkReservation(idempotencyKey, orderGlobalId, erpOrderName) {
      validateIdempotencyKey(idempotencyKey);
      const orderId = orderIdOf(orderGlobalId, 'orderId');
      const name = erpOrderName.trim();
      if (name === '' || name.length > 64) throw badUserInput('erpOrderName must be 1 to 64 characters.', 'erpOrderName');
      const order = await freshOrder(orderId);
      if (order.erpOrderName === name) {
        await dropCached(order);
        return { orderId: order.id, number: order.number, created: false };
      }
      // PUT with the key updates the one entry in place: repeating it changes nothing
      const updated = await client.setOrderMeta({ orderId, key: WC_WRITE_META.erpOrder, value: name });
      await dropCached(updated);
      return { orderId: updated.id, number: updated.number, created: true };
    },

    async createRefund(idempotencyKey, input) {
      validateIdempotencyKey(idempotencyKey);
      const orderId = orderIdOf(input.orderId, 'input');
      if (input.lines.length === 0) throw badUserInput('A refund needs at least one line.', 'input');
      if (input.storeCode.trim() === '') throw badUserInput('storeCode is required.', 'input');
      const byLine = new Map<string, number>();
      input.lines.forEach((line, i) => {
        checkQuantity(line.quantity, `lines[${i}]`);
        if (!/^\d{1,18}$/.test(line.lineId)) throw badUserInput(`lines[${i}]: lineId is not an order line id.`, 'input');
        byLine.set(line.lineId, (byLine.get(line.lineId) ?? 0) + line.quantity);
      });

      const order = await freshOrder(orderId);
      const refunds = await client.listRefunds({ orderId });
      const existing = firstOf(
        refunds.filter((r) => r.idempotencyKey === idempotencyKey),
        'eshop.createRefund',
        idempotencyKey,
        logger,
      );
      if (existing !== undefined) {
        await dropCached(order);
        return refundResult(existing, false);
      }

      const lines: { lineId: string; quantity: number; returnedBefore: number }[] = [];
      for (const [lineId, quantity] of byLine) {
        const line = order.lines.find((l) => l.id === lineId);
        if (line === undefined) throw badUserInput(`Line ${lineId} is not a line of order ${order.number}.`, 'input');
        const returnedBefore = returnedOf(line, refunds);
        const left = line.quantity - returnedBefore;
        if (quantity > left) {
          throw clientError('RETURN_QUANTITY_EXCEEDED', `Line ${lineId} has ${left} of ${line.quantity} left to return; ${quantity} asked.`);
        }
        lines.push({ lineId, quantity, returnedBefore });
      }

      const refund = await client.createRefund({
        refund: {
          idempotencyKey,
          orderId,
          lines,
          reason: input.reason,
          storeCode: input.storeCode.trim(),
        },
      });
      logger?.info({ idempotencyKey, orderId, refundId: refund.id }, 'e-shop refund created');
      await dropCached(order);
      return refundResult(refund, true);
    },
  };
}

function refundResult(refund: EshopRefundModel, created: boolean): EshopRefundResultModel {
  return { refundId: refund.id, amount: refund.amount, status: refund.status, created };
}

/**
 * How many units of an order line its refunds took back: refund lines name the order line (`_refunded_item_id`);
 * one that does not (a plugin's refund) counts for the line with its SKU.
 */
export function returnedOf(line: { id: string; sku: string | null }, refunds: readonly EshopRefundModel[]): number {
  let returned = 0;
  for (const refund of refunds) {
    for (const refunded of refund.lines) {
      if (refunded.lineId === line.id || (refunded.lineId === null && line.sku !== null && refunded.sku === line.sku)) returned += refunded.quantity;
    }
  }
  return returned;
}
