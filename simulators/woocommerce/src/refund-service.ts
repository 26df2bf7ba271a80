/**
 * Order refunds as WooCommerce makes them (`WC_REST_Order_Refunds_Controller` → `RestApiUtil::
 * adjust_create_refund_request_parameters` → `wc_create_refund`):
 *
 * - `line_items: [{id, quantity, refund_total, refund_tax: [{id, refund_total}]}]` is the public format; `amount`, when
 *   absent, is Σ refund_total + Σ refund_tax (all numeric, else no amount). A posted `amount` wins even when the lines
 *   add up to something else.
 * - `api_refund` / `api_restock` default to true (anything not a boolean counts as true).
 * - An amount below zero → 400 `woocommerce_rest_invalid_order_refund`; above what is left to refund →
 *   `wc_create_refund` throws "Invalid refund amount." and the controller answers `WP_Error(…, 500)`: an int as the
 *   error data, so WordPress answers HTTP 500 with `"data": 500` (not `{"status": …}`). The same for a gateway that
 *   cannot refund (`cod`, `bacs`, `cheque` do not declare `refunds` support): "The payment gateway for this order does
 *   not support automatic refunds." — and the refund is deleted again, nothing stays.
 * - The refund's lines carry negative quantities and amounts and the hidden meta `_refunded_item_id`.
 * - `api_restock`: `wc_restock_refunded_items` puts the refunded quantities back on the products' stock, but only for
 *   orders whose stock was reduced.
 * - When nothing is left to refund the order moves to `refunded` (`woocommerce_order_fully_refunded_status`), with
 *   the reason "Order fully refunded" when none was given.
 * - The order's own `refunds` lists `{id, reason, total: "-12.00"}`, newest first.
 *
 * WooCommerce does not check refunded quantities against what was bought or already refunded: only the amount is
 * capped. The simulator does the same.
 */
import { money, parseMoney, rateForClass, rawMoney } from './wc-money.ts';
import type { WebhookEvent, WcResult } from './wc-api.ts';
import { jsonResult } from './wc-api.ts';
import { nowPair } from './wp-dates.ts';
import { SITE_TOKEN } from './wp-json.ts';
import { REST_BASE } from './order-builder.ts';
import { itemMeta } from './woocommerce-mappers.ts';
import { applyStockChange } from './product-service.ts';
import type { WooCommerceStore } from './woocommerce-store.ts';
import type { WcLineItem, WcMeta, WcOrder, WcRefund, WcRefundLineItem } from './woocommerce-types.ts';

type Body = Record<string, unknown>;

/** Gateways of the shop that declare `refunds` support (online payments); cash on delivery and transfers do not. */
const REFUNDING_GATEWAYS = new Set(['przelewy24', 'payu', 'blik', 'stripe', 'ppcp-gateway']);

/** `new WP_Error( code, message, 500 )`: WordPress answers 500 with the bare int as `data`. */
function controllerError(message: string): WcResult {
  return jsonResult(500, { code: 'woocommerce_rest_cannot_create_order_refund', message, data: 500 });
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** Grosze of an amount given as a number or a decimal string. */
function grosze(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : null;
  return typeof value === 'string' ? parseMoney(value) : null;
}

function refundLinks(orderId: number, refundId: number) {
  return {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/refunds/${refundId}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/refunds` }],
    up: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}` }],
  };
}

/**
 * Refunds of an order, newest first. A seed refund (only summarised on the order) is the full refund the shop owner
 * made from the order screen: every line back at its whole quantity, with its money and tax, naming its order line in
 * `_refunded_item_id` (ids derived from the refund's, so they stay the same on every read); the delivery is in the
 * amount only.
 */
export function refundsOf(store: WooCommerceStore, order: WcOrder): WcRefund[] {
  const stored = store.refundsByOrder.get(order.id) ?? [];
  const known = new Set(stored.map((r) => r.id));
  const seeded = order.refunds
    .filter((r) => !known.has(r.id))
    .map((r): WcRefund => ({
      id: r.id,
      date_created: order.date_modified,
      date_created_gmt: order.date_modified_gmt,
      amount: money(Math.abs(parseMoney(r.total) ?? 0)),
      reason: r.reason,
      refunded_by: 1,
      refunded_payment: false,
      meta_data: [],
      line_items: order.line_items.map((item, i) => seedRefundLine(item, r.id * 1000 + i + 1)),
      shipping_lines: [],
      tax_lines: [],
      fee_lines: [],
      _links: refundLinks(order.id, r.id),
    }));
  return [...stored, ...seeded];
}

function seedRefundLine(item: WcLineItem, id: number): WcRefundLineItem {
  const total = parseMoney(item.total) ?? 0;
  const tax = parseMoney(item.total_tax) ?? 0;
  const rate = rateForClass(item.tax_class);
  return {
    id,
    name: item.name,
    product_id: item.product_id,
    variation_id: item.variation_id,
    quantity: -item.quantity,
    tax_class: item.tax_class,
    subtotal: money(-total),
    subtotal_tax: money(-tax),
    total: money(-total),
    total_tax: money(-tax),
    taxes: tax === 0 ? [] : [{ id: rate.id, total: rawMoney(-tax), subtotal: rawMoney(-tax) }],
    meta_data: [itemMeta(id * 10, '_refunded_item_id', String(item.id))],
    sku: item.sku,
    price: item.quantity ? -total / item.quantity / 100 : 0,
  };
}

interface PostedLine {
  item: WcLineItem;
  quantity: number;
  /** grosze, net */
  total: number;
  /** grosze */
  tax: number;
}

function postedLines(order: WcOrder, posted: unknown): PostedLine[] {
  const out: PostedLine[] = [];
  for (const raw of Array.isArray(posted) ? posted : []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const line = raw as Body;
    // wc_create_refund walks the order's items and skips ids it does not have
    const item = order.line_items.find((l) => l.id === Number(line['id']));
    if (!item) continue;
    const quantity = numeric(line['quantity'] ?? line['qty']) ?? 0;
    const total = grosze(line['refund_total']) ?? 0;
    const taxes = Array.isArray(line['refund_tax']) ? (line['refund_tax'] as unknown[]) : [];
    const tax = taxes.reduce<number>((sum, t) => sum + (grosze(typeof t === 'object' && t !== null ? (t as Body)['refund_total'] : t) ?? 0), 0);
    out.push({ item, quantity: Math.trunc(quantity), total, tax });
  }
  return out;
}

/** `RestApiUtil::calculate_refund_amount_from_line_items`: only when every line has a numeric refund_total and taxes. */
function amountFromLines(posted: unknown): number | null {
  if (!Array.isArray(posted) || posted.length === 0) return null;
  let sum = 0;
  for (const raw of posted) {
    if (typeof raw !== 'object' || raw === null) return null;
    const line = raw as Body;
    const total = grosze(line['refund_total']);
    if (total === null || numeric(line['refund_total']) === null) return null;
    sum += total;
    for (const t of Array.isArray(line['refund_tax']) ? (line['refund_tax'] as unknown[]) : []) {
      const value = typeof t === 'object' && t !== null ? (t as Body)['refund_total'] : t;
      if (numeric(value) === null) return null;
      sum += grosze(value) ?? 0;
    }
  }
  return sum;
}

function refundLine(store: WooCommerceStore, line: PostedLine): WcRefundLineItem {
  const rate = rateForClass(line.item.tax_class);
  const unitNet = line.item.quantity > 0 ? (parseMoney(line.item.total) ?? 0) / line.item.quantity : 0;
  return {
    id: store.items.next(),
    name: line.item.name,
    product_id: line.item.product_id,
    variation_id: line.item.variation_id,
    quantity: -line.quantity,
    tax_class: line.item.tax_class,
    subtotal: money(-line.total),
    subtotal_tax: money(-line.tax),
    total: money(-line.total),
    total_tax: money(-line.tax),
    taxes: line.tax === 0 ? [] : [{ id: rate.id, total: rawMoney(-line.tax), subtotal: rawMoney(-line.tax) }],
    meta_data: [itemMeta(store.meta.next(), '_refunded_item_id', String(line.item.id))],
    sku: line.item.sku,
    price: line.quantity ? -unitNet / 100 : 0,
  };
}

export interface RefundWriteContext {
  store: WooCommerceStore;
  events: WebhookEvent[];
}

export function createRefund(ctx: RefundWriteContext, orderId: number, body: Body): WcResult {
  const { store } = ctx;
  const order = store.orders.get(orderId);
  // WP_Error( …, 404 ): the int data again, so the HTTP status is 500 too.
  if (!order) return jsonResult(500, { code: 'woocommerce_rest_invalid_order_id', message: 'Invalid order ID.', data: 404 });

  const postedAmount = body['amount'];
  let amount: number | null = postedAmount === undefined || postedAmount === null ? amountFromLines(body['line_items']) : grosze(postedAmount);
  if (amount !== null && amount < 0) {
    return jsonResult(400, {
      code: 'woocommerce_rest_invalid_order_refund',
      message: 'Refund amount must be greater than zero.',
      data: { status: 400 },
    });
  }
  amount ??= 0;
  const refunded = refundsOf(store, order).reduce((sum, r) => sum + (parseMoney(r.amount) ?? 0), 0);
  const remaining = (parseMoney(order.total) ?? 0) - refunded;
  if (amount > remaining) return controllerError('Invalid refund amount.');

  const apiRefund = typeof body['api_refund'] === 'boolean' ? body['api_refund'] : true;
  const apiRestock = typeof body['api_restock'] === 'boolean' ? body['api_restock'] : true;
  if (apiRefund) {
    // wc_refund_payment(): the refund is created, then deleted again when the gateway cannot refund
    if (order.payment_method === '') return controllerError('The payment gateway for this order does not exist.');
    if (!REFUNDING_GATEWAYS.has(order.payment_method))
      return controllerError('The payment gateway for this order does not support automatic refunds.');
  }

  const lines = postedLines(order, body['line_items']);
  const now = nowPair();
  const id = store.posts.next();
  const fully = remaining - amount <= 0;
  const reason = typeof body['reason'] === 'string' && body['reason'] !== '' ? body['reason'] : fully ? 'Order fully refunded' : '';
  const meta: WcMeta[] = [];
  for (const raw of Array.isArray(body['meta_data']) ? body['meta_data'] : []) {
    if (typeof raw !== 'object' || raw === null || (raw as Body)['key'] === undefined) continue;
    const m = raw as Body;
    const key = String(m['key']);
    const index = meta.findIndex((x) => x.key === key);
    if (index >= 0) meta[index] = { id: meta[index]!.id, key, value: m['value'] ?? null };
    else meta.push({ id: store.meta.next(), key, value: m['value'] ?? null });
  }
  const refund: WcRefund = {
    id,
    date_created: now.local,
    date_created_gmt: now.gmt,
    amount: money(amount),
    reason,
    refunded_by: 1,
    refunded_payment: apiRefund,
    meta_data: meta,
    line_items: lines.filter((l) => l.quantity !== 0 || l.total !== 0 || l.tax !== 0).map((l) => refundLine(store, l)),
    shipping_lines: [],
    tax_lines: [],
    fee_lines: [],
    _links: refundLinks(order.id, id),
  };
  store.refundsByOrder.set(order.id, [refund, ...(store.refundsByOrder.get(order.id) ?? [])]);

  if (apiRestock && store.stockReduced.has(order.id)) {
    for (const line of lines) {
      const target = line.item.variation_id || line.item.product_id;
      if (target && line.quantity > 0) applyStockChange(store, target, line.quantity, ctx.events);
    }
  }

  let updated: WcOrder = {
    ...order,
    refunds: [{ id, reason, total: money(-amount) }, ...order.refunds],
    date_modified: now.local,
    date_modified_gmt: now.gmt,
  };
  if (fully && updated.status !== 'refunded') {
    // stock is not put back by the status change: only refunded lines with api_restock are
    updated = { ...updated, status: 'refunded', needs_payment: false };
  }
  store.putOrder(updated);
  ctx.events.push({ resource: 'order', event: 'updated', id: order.id });
  return jsonResult(201, refund);
}
