/**
 * Order writes with WooCommerce's side effects: totals, coupon validation, `set_paid`, status transitions with
 * their dates, stock reduction and restock, coupon usage, `is_paying_customer`, and the webhook events a real shop
 * fires (a REST-created order fires `order.created` AND `order.updated`: the order is saved twice).
 *
 * WooCommerce has no idempotency key on `POST /orders`: posting the same body twice creates two orders. The
 * simulator does the same on purpose (duplicates are the gateway's problem to handle).
 */
import { createHash } from 'node:crypto';
import {
  buildOrder,
  couponComputation,
  draftFromOrder,
  orderFlags,
  orderLinks,
  WC_VERSION,
  type DraftCoupon,
  type DraftFee,
  type DraftLine,
  type DraftShipping,
  type OrderDraft,
  REST_BASE,
} from './order-builder.ts';
import type { WebhookEvent } from './wc-api.ts';
import { parseMoney, rateForClass } from './wc-money.ts';
import { msFromGmt, nowPair } from './wp-dates.ts';
import { wpError, type WpError } from './wp-errors.ts';
import { EMPTY_BILLING, EMPTY_SHIPPING, itemMeta, lineImage, variationLineMeta } from './woocommerce-mappers.ts';
import { STOCK_REDUCING_STATUSES, type WooCommerceStore } from './woocommerce-store.ts';
import type { WcBilling, WcItemMeta, WcMeta, WcOrder, WcOrderNote, WcProduct, WcShipping, WcVariation } from './woocommerce-types.ts';
import { statusChangeNote } from './order-history.ts';
import { SITE_TOKEN } from './wp-json.ts';
import { applyStockChange } from './product-service.ts';

type Body = Record<string, unknown>;

/** Statuses on which WooCommerce puts stock back (wc_maybe_increase_stock_levels). */
const RESTOCK_STATUSES = new Set(['cancelled', 'pending']);
/** Statuses that count a coupon use (wc_update_coupon_usage_counts). */
const COUPON_COUNTING_STATUSES = new Set(['pending', 'processing', 'on-hold', 'completed']);
/** WC_Order::payment_complete() only moves orders in these statuses. */
const PAYMENT_COMPLETE_FROM = new Set(['on-hold', 'pending', 'failed', 'cancelled']);

class OrderError extends Error {
  readonly error: WpError;

  constructor(error: WpError) {
    super(error.message);
    this.error = error;
  }
}

function fail(status: number, code: string, message: string): never {
  throw new OrderError(wpError(status, code, message));
}

function asObject(value: unknown): Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

function int(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || value === '0' || value === false;
}

function orderKeyFor(id: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const digest = createHash('sha256').update(`wc_order:${id}`).digest();
  let key = '';
  for (let i = 0; i < 13; i += 1) key += alphabet[digest[i]! % alphabet.length];
  return `wc_order_${key}`;
}

/** WC_REST_Orders_V2_Controller::update_address(): only known keys, each set as given. */
function mergeAddress<T extends WcBilling | WcShipping>(base: T, posted: unknown): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(asObject(posted))) {
    if (key in base) out[key] = str(value);
  }
  return out as T;
}

export interface OrderWriteContext {
  store: WooCommerceStore;
  events: WebhookEvent[];
}

function postedItemMeta(store: WooCommerceStore, posted: unknown): WcItemMeta[] {
  return asArray(posted)
    .map(asObject)
    .filter((m) => m['key'] !== undefined)
    .map((m) => itemMeta(store.meta.next(), str(m['key']), m['value'] ?? null));
}

/** WC_Data::update_meta_data(): by id when given, else replaces the first entry with the key, else adds. */
function upsertMeta(store: WooCommerceStore, current: readonly WcMeta[], posted: unknown): WcMeta[] {
  const out = [...current];
  for (const m of asArray(posted).map(asObject)) {
    if (m['key'] === undefined) continue;
    const key = str(m['key']);
    const metaId = int(m['id']);
    const index = metaId ? out.findIndex((x) => x.id === metaId) : out.findIndex((x) => x.key === key);
    if (index >= 0) out[index] = { id: out[index]!.id, key, value: m['value'] ?? null };
    else out.push({ id: store.meta.next(), key, value: m['value'] ?? null });
  }
  return out;
}

/** The product a posted line refers to: `sku` first, then `product_id` (without variation), then `variation_id`. */
function resolveProduct(store: WooCommerceStore, posted: Body, action: 'create' | 'update'): { product?: WcProduct; variation?: WcVariation } | null {
  let id: number;
  if (!isEmptyValue(posted['sku'])) {
    id = store.idBySku(str(posted['sku'])) ?? 0;
  } else if (!isEmptyValue(posted['product_id']) && isEmptyValue(posted['variation_id'])) {
    id = int(posted['product_id']);
  } else if (!isEmptyValue(posted['variation_id'])) {
    id = int(posted['variation_id']);
  } else if (action === 'update') {
    return null;
  } else {
    fail(400, 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.');
  }
  const variation = store.variations.get(id);
  if (variation) return { variation, product: store.products.get(variation.parent_id) };
  const product = store.products.get(id);
  return product ? { product } : {};
}

function unitGross(product: WcProduct | undefined, variation: WcVariation | undefined): number {
  return parseMoney((variation ?? product)?.price ?? '') ?? 0;
}

/** A new line item: WooCommerce prices it from the product (wc_get_price_excluding_tax × quantity). */
function newLine(store: WooCommerceStore, posted: Body): DraftLine {
  const found = resolveProduct(store, posted, 'create') ?? {};
  const { product, variation } = found;
  const quantity = posted['quantity'] === undefined ? 1 : int(posted['quantity']);
  const taxClass = posted['tax_class'] !== undefined ? str(posted['tax_class']) : ((variation ?? product)?.tax_class ?? '');
  let gross = unitGross(product, variation) * quantity;
  // A posted net subtotal/total replaces the product price.
  const postedNet = posted['subtotal'] ?? posted['total'];
  if (postedNet !== undefined) gross = grossOfPostedNet(postedNet, taxClass);
  if (!product && !variation && postedNet === undefined) gross = 0;
  const label = variation?.attributes[0]?.option;
  return {
    id: store.items.next(),
    name: posted['name'] !== undefined ? str(posted['name']) : ((variation ?? product)?.name ?? ''),
    productId: variation ? variation.parent_id : (product?.id ?? 0),
    variationId: variation?.id ?? 0,
    quantity,
    taxClass,
    gross,
    sku: variation ? variation.sku : product ? product.sku : null,
    image: product || variation ? lineImage(product, variation) : { id: 0, src: '' },
    parentName: variation ? (product?.name ?? null) : null,
    meta: [...(label === undefined ? [] : [variationLineMeta(store.meta.next(), label)]), ...postedItemMeta(store, posted['meta_data'])],
  };
}

function isNullItem(item: Body): boolean {
  return ['product_id', 'method_id', 'method_title', 'name', 'code'].some((k) => k in item && item[k] === null);
}

/**
 * WC_REST_Orders_V2_Controller::set_item() for line, shipping and fee items: a removing item (a null key, see
 * isNullItem) drops the item with its id, an `id` updates that item, anything else adds a new one.
 */
function applyItems<T extends { id: number }>(
  items: T[],
  posted: unknown,
  handlers: { removes: (item: Body) => boolean; update: (current: T, item: Body) => T; create: (item: Body) => T },
): T[] {
  let out = items;
  for (const raw of asArray(posted)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const item = raw as Body;
    const itemId = int(item['id']);
    if (handlers.removes(item)) {
      out = out.filter((x) => x.id !== itemId);
      continue;
    }
    if (itemId) {
      const index = out.findIndex((x) => x.id === itemId);
      if (index < 0) fail(400, 'woocommerce_rest_invalid_item_id', 'Order item ID provided is not associated with order.');
      out[index] = handlers.update({ ...out[index]! }, item);
      continue;
    }
    out.push(handlers.create(item));
  }
  return out;
}

/**
 * A posted net subtotal/total as the gross the draft keeps. WooCommerce stores line totals as given, excluding tax and
 * unrounded (`wc_format_decimal` without a precision: "105.682927" stays so), computes the line's VAT on that net and
 * rounds the line's tax to the grosz. A shop whose prices include VAT therefore gets a line of exactly G gross by
 * posting the net as G / (1 + rate) with enough decimals; the draft keeps net + VAT rounded half up to the grosz.
 */
function grossOfPostedNet(postedNet: unknown, taxClass: string): number {
  const micros = parseMicros(str(postedNet));
  if (micros === null) return 0;
  const percent = rateForClass(taxClass).percent;
  // micros × (100 + percent) is the gross in 1e-6 grosze; half up to whole grosze, exactly (integers only)
  const scaled = micros * (100 + percent);
  const sign = scaled < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(scaled) + 1_000_000) / 2_000_000);
}

/** A decimal string in millionths (at most 6 decimals kept, the rest cut); null when it is not a decimal. */
function parseMicros(text: string): number | null {
  const m = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const value = Number(m[2] || '0') * 1_000_000 + Number((m[3] ?? '').slice(0, 6).padEnd(6, '0'));
  return m[1] ? -value : value;
}

function applyLineItems(store: WooCommerceStore, draft: OrderDraft, posted: unknown): void {
  draft.lines = applyItems(draft.lines, posted, {
    removes: (item) => isNullItem(item) || item['quantity'] === 0,
    update: (line, item) => {
      // WooCommerce does not reprice an existing line on a quantity change: its totals stay unless posted.
      if (item['quantity'] !== undefined) line.quantity = int(item['quantity']);
      if (item['name'] !== undefined) line.name = str(item['name']);
      const postedNet = item['subtotal'] ?? item['total'];
      if (postedNet !== undefined) line.gross = grossOfPostedNet(postedNet, line.taxClass);
      if (item['meta_data'] !== undefined) line.meta = [...line.meta, ...postedItemMeta(store, item['meta_data'])];
      return line;
    },
    create: (item) => newLine(store, item),
  });
}

function applyShippingLines(store: WooCommerceStore, draft: OrderDraft, posted: unknown): void {
  draft.shipping = applyItems(draft.shipping, posted, {
    removes: isNullItem,
    update: (line: DraftShipping, item) => {
      if (item['method_id'] !== undefined) line.methodId = str(item['method_id']);
      if (item['method_title'] !== undefined) line.methodTitle = str(item['method_title']);
      if (item['instance_id'] !== undefined) line.instanceId = str(item['instance_id']);
      if (item['total'] !== undefined) {
        line.net = parseMoney(str(item['total'])) ?? 0;
        delete line.tax;
      }
      return line;
    },
    create: (item) => {
      if (isEmptyValue(item['method_id'])) fail(400, 'woocommerce_rest_invalid_shipping_item', 'Shipping method ID is required.');
      return {
        id: store.items.next(),
        methodTitle: str(item['method_title']),
        methodId: str(item['method_id']),
        instanceId: str(item['instance_id']),
        net: parseMoney(str(item['total'], '0')) ?? 0,
        meta: postedItemMeta(store, item['meta_data']),
      };
    },
  });
}

function applyFeeLines(store: WooCommerceStore, draft: OrderDraft, posted: unknown): void {
  draft.fees = applyItems(draft.fees, posted, {
    removes: isNullItem,
    update: (fee: DraftFee, item) => {
      if (item['name'] !== undefined) fee.name = str(item['name']);
      if (item['total'] !== undefined) fee.net = parseMoney(str(item['total'])) ?? 0;
      return fee;
    },
    create: (item) => {
      if (isEmptyValue(item['name'])) fail(400, 'woocommerce_rest_invalid_fee_item', 'Fee name is required.');
      return {
        id: store.items.next(),
        name: str(item['name']),
        taxClass: str(item['tax_class']),
        taxStatus: str(item['tax_status'], 'taxable'),
        net: parseMoney(str(item['total'], '0')) ?? 0,
        meta: postedItemMeta(store, item['meta_data']),
      };
    },
  });
}

/**
 * WC_REST_Orders_Controller::calculate_coupons(): every posted code is validated (WC_Discounts::is_coupon_valid),
 * then the order's coupons are replaced by the posted ones.
 */
function applyCoupons(store: WooCommerceStore, draft: OrderDraft, posted: unknown): void {
  const current = new Set(draft.coupons.map((c) => c.code));
  const next: DraftCoupon[] = [];
  for (const raw of asArray(posted)) {
    const item = asObject(raw);
    if (!isEmptyValue(item['id'])) fail(400, 'woocommerce_rest_coupon_item_id_readonly', 'Coupon item ID is readonly.');
    const code = str(item['code']).trim().toLowerCase();
    if (code === '') fail(400, 'woocommerce_rest_invalid_coupon', 'Coupon code is required.');
    const coupon = store.couponByCodeLookup(code);
    if (!coupon || coupon.status === 'trash') {
      fail(400, 'woocommerce_rest_invalid_coupon', `Coupon &quot;${code}&quot; cannot be applied because it does not exist.`);
    }
    // Codes already on the order skip validation, so a single-use coupon does not fail its own order.
    if (!current.has(code)) {
      if (coupon.date_expires_gmt !== null && msFromGmt(coupon.date_expires_gmt) < Date.now()) {
        fail(400, 'woocommerce_rest_invalid_coupon', 'This coupon has expired.');
      }
      if (coupon.usage_limit !== null && coupon.usage_limit > 0 && coupon.usage_count >= coupon.usage_limit) {
        fail(400, 'woocommerce_rest_invalid_coupon', 'Coupon usage limit has been reached.');
      }
    }
    const nominal = Number(coupon.amount);
    next.push({
      id: draft.coupons.find((c) => c.code === code)?.id ?? store.items.next(),
      code,
      discountType: coupon.discount_type,
      nominalAmount: nominal,
      freeShipping: coupon.free_shipping,
      computation: couponComputation(coupon.discount_type, nominal),
      meta: [],
    });
  }
  draft.coupons = next;
}

// ---------------------------------------------------------------------------
// Side effects of status changes
// ---------------------------------------------------------------------------

function adjustStock(ctx: OrderWriteContext, order: WcOrder, direction: -1 | 1): void {
  for (const line of order.line_items) {
    const targetId = line.variation_id || line.product_id;
    if (targetId) applyStockChange(ctx.store, targetId, direction * line.quantity, ctx.events);
  }
}

function recordSales(ctx: OrderWriteContext, order: WcOrder): void {
  for (const line of order.line_items) {
    const product = ctx.store.products.get(line.product_id);
    if (!product) continue;
    ctx.store.putProduct({ ...product, total_sales: product.total_sales + line.quantity });
  }
}

function countCouponUse(ctx: OrderWriteContext, order: WcOrder, direction: 1 | -1): void {
  for (const line of order.coupon_lines) {
    const coupon = ctx.store.couponByCodeLookup(line.code);
    if (!coupon) continue;
    const user = order.customer_id !== 0 ? String(order.customer_id) : order.billing.email;
    const usedBy = [...coupon.used_by];
    if (direction === 1) usedBy.push(user);
    else {
      const index = usedBy.lastIndexOf(user);
      if (index >= 0) usedBy.splice(index, 1);
    }
    const now = nowPair();
    ctx.store.putCoupon({
      ...coupon,
      usage_count: Math.max(0, coupon.usage_count + direction),
      used_by: usedBy,
      date_modified: now.local,
      date_modified_gmt: now.gmt,
    });
    ctx.events.push({ resource: 'coupon', event: 'updated', id: coupon.id });
  }
}

function markPayingCustomer(ctx: OrderWriteContext, order: WcOrder): void {
  if (order.customer_id === 0 || order.date_paid === null) return;
  const customer = ctx.store.customers.get(order.customer_id);
  if (!customer || customer.is_paying_customer) return;
  const now = nowPair();
  ctx.store.putCustomer({ ...customer, is_paying_customer: true, date_modified: now.local, date_modified_gmt: now.gmt });
  ctx.events.push({ resource: 'customer', event: 'updated', id: customer.id });
}

/** Dates and flags WooCommerce sets on status transitions (maybe_set_date_paid / maybe_set_date_completed). */
function withStatus(order: WcOrder, status: string): WcOrder {
  const now = nowPair();
  const out: WcOrder = { ...order, status };
  if ((status === 'processing' || status === 'completed') && out.date_paid === null) {
    out.date_paid = now.local;
    out.date_paid_gmt = now.gmt;
  }
  if (status === 'completed' && out.date_completed === null) {
    out.date_completed = now.local;
    out.date_completed_gmt = now.gmt;
  }
  return { ...out, ...orderFlags(status, parseMoney(out.total) ?? 0, out.line_items) };
}

/** Stock, sales, coupon usage and paying-customer effects of moving from `before` to the order's current state. */
function afterTransition(ctx: OrderWriteContext, before: { status: string; couponsCounted: boolean } | null, order: WcOrder): void {
  const { store } = ctx;
  if (STOCK_REDUCING_STATUSES.has(order.status) && !store.stockReduced.has(order.id)) {
    adjustStock(ctx, order, -1);
    store.stockReduced.add(order.id);
    if (!store.salesRecorded.has(order.id)) {
      recordSales(ctx, order);
      store.salesRecorded.add(order.id);
    }
  } else if (RESTOCK_STATUSES.has(order.status) && store.stockReduced.has(order.id)) {
    adjustStock(ctx, order, 1);
    store.stockReduced.delete(order.id);
  }
  const counted = before?.couponsCounted ?? false;
  if (COUPON_COUNTING_STATUSES.has(order.status) && !counted && order.coupon_lines.length > 0) {
    countCouponUse(ctx, order, 1);
    store.couponsCounted.add(order.id);
  } else if (order.status === 'cancelled' && counted) {
    countCouponUse(ctx, order, -1);
    store.couponsCounted.delete(order.id);
  }
  markPayingCustomer(ctx, order);
  // WC_Order::status_transition() writes the change as an order note (a new order starts from pending)
  const from = before?.status ?? 'pending';
  if (from !== order.status) addSystemNote(store, order.id, statusChangeNote(from, order.status));
}

function addSystemNote(store: WooCommerceStore, orderId: number, text: string): void {
  const now = nowPair();
  const id = store.commentIds.next();
  const note: WcOrderNote = {
    id,
    author: 'WooCommerce',
    date_created: now.local,
    date_created_gmt: now.gmt,
    note: text,
    customer_note: false,
    _links: {
      self: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/notes/${id}` }],
      collection: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/notes` }],
      up: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}` }],
    },
  };
  store.notesByOrder.set(orderId, [note, ...(store.notesByOrder.get(orderId) ?? [])]);
}

/** `set_paid: true`: WC_Order::payment_complete(). */
function paymentComplete(order: WcOrder, transactionId: string | undefined): WcOrder {
  let out = order;
  if (transactionId) out = { ...out, transaction_id: transactionId };
  if (PAYMENT_COMPLETE_FROM.has(out.status)) {
    out = withStatus(out, out.needs_processing ? 'processing' : 'completed');
  }
  if (out.date_paid === null) {
    const now = nowPair();
    out = { ...out, date_paid: now.local, date_paid_gmt: now.gmt };
  }
  return { ...out, ...orderFlags(out.status, parseMoney(out.total) ?? 0, out.line_items) };
}

// ---------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------

export function createOrder(ctx: OrderWriteContext, body: Body): WcOrder | WpError {
  const { store } = ctx;
  try {
    if (!isEmptyValue(body['id'])) fail(400, 'woocommerce_rest_shop_order_exists', 'Cannot create existing shop_order.');
    const now = nowPair();
    const draft: OrderDraft = {
      header: {
        id: 0,
        parent_id: int(body['parent_id']),
        number: '',
        order_key: '',
        created_via: 'rest-api',
        version: WC_VERSION,
        status: 'pending',
        currency: str(body['currency'], 'PLN') || 'PLN',
        date_created: now.local,
        date_created_gmt: now.gmt,
        date_modified: now.local,
        date_modified_gmt: now.gmt,
        prices_include_tax: true,
        customer_id: int(body['customer_id']),
        customer_ip_address: '',
        customer_user_agent: '',
        customer_note: str(body['customer_note']),
        billing: mergeAddress(EMPTY_BILLING, body['billing']),
        shipping: mergeAddress(EMPTY_SHIPPING, body['shipping']),
        payment_method: str(body['payment_method']),
        payment_method_title: str(body['payment_method_title']),
        transaction_id: str(body['transaction_id']),
        date_paid: null,
        date_paid_gmt: null,
        date_completed: null,
        date_completed_gmt: null,
        cart_hash: '',
        meta_data: [],
      },
      lines: [],
      shipping: [],
      fees: [],
      coupons: [],
      taxItemIds: new Map(),
    };
    applyLineItems(store, draft, body['line_items']);
    applyShippingLines(store, draft, body['shipping_lines']);
    applyFeeLines(store, draft, body['fee_lines']);
    const customerId = draft.header.customer_id;
    if (customerId !== 0 && !store.customers.has(customerId)) fail(400, 'woocommerce_rest_invalid_customer_id', 'Customer ID is invalid.');
    if (body['coupon_lines'] !== undefined) applyCoupons(store, draft, body['coupon_lines']);

    const id = store.posts.next();
    const orderKey = orderKeyFor(id);
    draft.header = { ...draft.header, id, number: String(id), order_key: orderKey, meta_data: upsertMeta(store, [], body['meta_data']) };
    let order = buildOrder(draft, () => store.items.next());
    const status = str(body['status']) || 'pending';
    order = withStatus(order, status);
    if (body['set_paid'] === true) order = paymentComplete(order, str(body['transaction_id']) || undefined);
    store.putOrder(order);
    afterTransition(ctx, null, order);
    ctx.events.push({ resource: 'order', event: 'created', id }, { resource: 'order', event: 'updated', id });
    return order;
  } catch (error) {
    if (error instanceof OrderError) return error.error;
    throw error;
  }
}

const RECALC_KEYS = ['billing', 'shipping', 'line_items', 'shipping_lines', 'fee_lines', 'coupon_lines'];

export function updateOrder(ctx: OrderWriteContext, id: number, body: Body): WcOrder | WpError {
  const { store } = ctx;
  const existing = store.orders.get(id);
  if (!existing) return wpError(400, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  try {
    const before = { status: existing.status, couponsCounted: store.couponsCounted.has(id) };
    let order: WcOrder = existing;
    if (RECALC_KEYS.some((k) => body[k] !== undefined)) {
      const draft = draftFromOrder(existing);
      draft.header = {
        ...draft.header,
        billing: body['billing'] !== undefined ? mergeAddress(existing.billing, body['billing']) : existing.billing,
        shipping: body['shipping'] !== undefined ? mergeAddress(existing.shipping, body['shipping']) : existing.shipping,
      };
      applyLineItems(store, draft, body['line_items']);
      applyShippingLines(store, draft, body['shipping_lines']);
      applyFeeLines(store, draft, body['fee_lines']);
      if (body['coupon_lines'] !== undefined) applyCoupons(store, draft, body['coupon_lines']);
      order = { ...buildOrder(draft, () => store.items.next()), refunds: existing.refunds };
    }
    if (body['customer_id'] !== undefined) {
      const customerId = int(body['customer_id']);
      if (customerId !== 0 && !store.customers.has(customerId)) fail(400, 'woocommerce_rest_invalid_customer_id', 'Customer ID is invalid.');
      order = { ...order, customer_id: customerId };
    }
    const scalar: Record<string, keyof WcOrder> = {
      customer_note: 'customer_note',
      payment_method: 'payment_method',
      payment_method_title: 'payment_method_title',
      transaction_id: 'transaction_id',
      currency: 'currency',
    };
    for (const [key, field] of Object.entries(scalar)) {
      if (body[key] !== undefined && body[key] !== null) order = { ...order, [field]: str(body[key]) };
    }
    if (body['parent_id'] !== undefined) order = { ...order, parent_id: int(body['parent_id']) };
    if (body['meta_data'] !== undefined) order = { ...order, meta_data: upsertMeta(store, order.meta_data, body['meta_data']) };
    const status = str(body['status']);
    if (status !== '' && status !== order.status) order = withStatus(order, status);
    if (body['set_paid'] === true && order.needs_payment) order = paymentComplete(order, str(body['transaction_id']) || undefined);
    const now = nowPair();
    order = {
      ...order,
      date_modified: now.local,
      date_modified_gmt: now.gmt,
      _links: existing._links,
    };
    if (order.customer_id !== existing.customer_id || order.parent_id !== existing.parent_id) {
      order = { ...order, _links: orderLinks(order.id, order.customer_id, order.parent_id) };
    }
    store.putOrder(order);
    if (order.status !== before.status || body['set_paid'] === true) afterTransition(ctx, before, order);
    ctx.events.push({ resource: 'order', event: 'updated', id });
    return order;
  } catch (error) {
    if (error instanceof OrderError) return error.error;
    throw error;
  }
}

/**
 * DELETE /orders/{id}: without `force` the order goes to the trash (`order.deleted` fires, as the webhook listens
 * to trashing); with `force=true` it is removed for good and, as in WooCommerce, no `order.deleted` webhook fires.
 * The answer is the order as it was before.
 */
export function deleteOrder(ctx: OrderWriteContext, id: number, force: boolean): WcOrder | WpError {
  const { store } = ctx;
  const existing = store.orders.get(id);
  if (!existing) return wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  if (force) {
    store.deleteOrder(id);
    store.couponsCounted.delete(id);
    store.salesRecorded.delete(id);
    return existing;
  }
  if (existing.status === 'trash') {
    return wpError(410, 'woocommerce_rest_already_trashed', 'The shop_order has already been deleted.');
  }
  const now = nowPair();
  store.putOrder({
    ...existing,
    status: 'trash',
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    ...orderFlags('trash', 0, existing.line_items),
  });
  ctx.events.push({ resource: 'order', event: 'deleted', id });
  return existing;
}
