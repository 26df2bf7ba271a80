/**
 * Assembles a WooCommerce order (wire format) from its items: runs the calculator and writes every money field the
 * way the REST API prints it. Used for the seed orders, for `POST /orders` and for updates that change items.
 */
import { calculateOrder, type CouponComputation } from './order-calculator.ts';
import { money, parseMoney, rateForClass, rateForPercent, rawMoney, type TaxRate } from './wc-money.ts';
import { SITE_TOKEN } from './wp-json.ts';
import type { WcCouponLine, WcFeeLine, WcItemMeta, WcItemTax, WcLineItem, WcOrder, WcShippingLine, WcTaxLine } from './woocommerce-types.ts';

export const WC_VERSION = '9.8.2';
export const WP_VERSION = '6.8.1';
export const REST_BASE = '/wp-json/wc/v3';

export interface DraftLine {
  id: number;
  name: string;
  productId: number;
  variationId: number;
  quantity: number;
  taxClass: string;
  /** unit price incl. VAT × quantity, before coupons */
  gross: number;
  sku: string | null;
  image: { id: number; src: string };
  parentName: string | null;
  meta: WcItemMeta[];
}

export interface DraftShipping {
  id: number;
  methodTitle: string;
  methodId: string;
  instanceId: string;
  net: number;
  /** fixed VAT (seed orders, whose gross shipping price is a fact); computed from `net` when absent */
  tax?: number;
  meta: WcItemMeta[];
}

export interface DraftFee {
  id: number;
  name: string;
  taxClass: string;
  taxStatus: string;
  net: number;
  meta: WcItemMeta[];
}

export interface DraftCoupon {
  id: number;
  code: string;
  discountType: string;
  nominalAmount: number;
  freeShipping: boolean;
  computation: CouponComputation;
  meta: WcItemMeta[];
}

/** Everything of an order that is not derived from its items. */
export type OrderHeader = Omit<
  WcOrder,
  | 'discount_total'
  | 'discount_tax'
  | 'shipping_total'
  | 'shipping_tax'
  | 'cart_tax'
  | 'total'
  | 'total_tax'
  | 'line_items'
  | 'tax_lines'
  | 'shipping_lines'
  | 'fee_lines'
  | 'coupon_lines'
  | 'refunds'
  | 'payment_url'
  | 'is_editable'
  | 'needs_payment'
  | 'needs_processing'
  | '_links'
>;

export interface OrderDraft {
  header: OrderHeader;
  lines: DraftLine[];
  shipping: DraftShipping[];
  fees: DraftFee[];
  coupons: DraftCoupon[];
  /** ids of the tax items per tax rate id; missing ones are allocated with `nextItemId` */
  taxItemIds: Map<number, number>;
}

const EDITABLE_STATUSES = new Set(['pending', 'on-hold', 'auto-draft', 'checkout-draft']);
const PAYABLE_STATUSES = new Set(['pending', 'failed']);

/** WC_Abstract_Order::get_tax_location(): shipping country, else billing, else the shop's base country. */
export function isTaxable(header: Pick<OrderHeader, 'billing' | 'shipping'>): boolean {
  const country = header.shipping.country || header.billing.country || 'PL';
  return country.toUpperCase() === 'PL';
}

function itemTaxes(rate: TaxRate, total: number, subtotal: number | null, taxable: boolean): WcItemTax[] {
  if (!taxable) return [];
  return [{ id: rate.id, total: rawMoney(total), subtotal: subtotal === null ? '' : rawMoney(subtotal) }];
}

export function orderLinks(id: number, customerId: number, parentId: number) {
  const links: Record<string, { href: string }[]> = {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/orders` }],
  };
  if (customerId !== 0) links['customer'] = [{ href: `${SITE_TOKEN}${REST_BASE}/customers/${customerId}` }];
  if (parentId !== 0) links['up'] = [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${parentId}` }];
  return links;
}

export function buildOrder(draft: OrderDraft, nextItemId: () => number): WcOrder {
  const { header } = draft;
  const taxable = isTaxable(header);
  const lineRates = draft.lines.map((l) => rateForClass(l.taxClass));
  const calc = calculateOrder({
    taxable,
    lines: draft.lines.map((l, i) => ({ gross: l.gross, percent: lineRates[i]!.percent, quantity: l.quantity })),
    coupons: draft.coupons.map((c) => c.computation),
    shipping: draft.shipping.map((s) => ({ net: s.net, ...(s.tax === undefined ? {} : { tax: s.tax }), percent: 23 })),
    fees: draft.fees.map((f) => ({ net: f.net, percent: rateForClass(f.taxClass).percent })),
  });

  const lineItems: WcLineItem[] = draft.lines.map((l, i) => {
    const r = calc.lines[i]!;
    const rate = lineRates[i]!;
    return {
      id: l.id,
      name: l.name,
      product_id: l.productId,
      variation_id: l.variationId,
      quantity: l.quantity,
      tax_class: l.taxClass,
      subtotal: money(r.subtotal),
      subtotal_tax: money(r.subtotalTax),
      total: money(r.total),
      total_tax: money(r.totalTax),
      taxes: itemTaxes(rate, r.totalTax, r.subtotalTax, taxable),
      meta_data: l.meta,
      sku: l.sku,
      price: l.quantity ? r.total / l.quantity / 100 : 0,
      image: l.image,
      parent_name: l.parentName,
    };
  });

  const shippingLines: WcShippingLine[] = draft.shipping.map((s, i) => {
    const r = calc.shipping[i]!;
    return {
      id: s.id,
      method_title: s.methodTitle,
      method_id: s.methodId,
      instance_id: s.instanceId,
      total: money(r.total),
      total_tax: money(r.tax),
      taxes: itemTaxes(rateForPercent(23), r.tax, null, taxable),
      meta_data: s.meta,
    };
  });

  const feeLines: WcFeeLine[] = draft.fees.map((f, i) => {
    const r = calc.fees[i]!;
    return {
      id: f.id,
      name: f.name,
      tax_class: f.taxClass,
      tax_status: f.taxStatus,
      total: money(r.total),
      total_tax: money(r.tax),
      taxes: itemTaxes(rateForClass(f.taxClass), r.tax, r.tax, taxable),
      meta_data: f.meta,
    };
  });

  const couponLines: WcCouponLine[] = draft.coupons.map((c, i) => {
    const r = calc.coupons[i]!;
    return {
      id: c.id,
      code: c.code,
      discount: rawMoney(r.discount),
      discount_tax: rawMoney(r.discountTax),
      meta_data: c.meta,
      discount_type: c.discountType,
      nominal_amount: c.nominalAmount,
      free_shipping: c.freeShipping,
    };
  });

  const taxLines: WcTaxLine[] = [...calc.taxes.entries()]
    .sort(([a], [b]) => b - a)
    .map(([percent, amounts]) => {
      const rate = rateForPercent(percent);
      let id = draft.taxItemIds.get(rate.id);
      if (id === undefined) {
        id = nextItemId();
        draft.taxItemIds.set(rate.id, id);
      }
      return {
        id,
        rate_code: rate.rateCode,
        rate_id: rate.id,
        label: rate.label,
        compound: false,
        tax_total: money(amounts.cart),
        shipping_tax_total: money(amounts.shipping),
        rate_percent: rate.percent,
        meta_data: [],
      };
    });

  const h = header;
  return {
    id: h.id,
    parent_id: h.parent_id,
    number: h.number,
    order_key: h.order_key,
    created_via: h.created_via,
    version: h.version,
    status: h.status,
    currency: h.currency,
    date_created: h.date_created,
    date_created_gmt: h.date_created_gmt,
    date_modified: h.date_modified,
    date_modified_gmt: h.date_modified_gmt,
    discount_total: money(calc.discountTotal),
    discount_tax: money(calc.discountTax),
    shipping_total: money(calc.shippingTotal),
    shipping_tax: money(calc.shippingTax),
    cart_tax: money(calc.cartTax),
    total: money(calc.total),
    total_tax: money(calc.totalTax),
    prices_include_tax: h.prices_include_tax,
    customer_id: h.customer_id,
    customer_ip_address: h.customer_ip_address,
    customer_user_agent: h.customer_user_agent,
    customer_note: h.customer_note,
    billing: h.billing,
    shipping: h.shipping,
    payment_method: h.payment_method,
    payment_method_title: h.payment_method_title,
    transaction_id: h.transaction_id,
    date_paid: h.date_paid,
    date_paid_gmt: h.date_paid_gmt,
    date_completed: h.date_completed,
    date_completed_gmt: h.date_completed_gmt,
    cart_hash: h.cart_hash,
    meta_data: h.meta_data,
    line_items: lineItems,
    tax_lines: taxLines,
    shipping_lines: shippingLines,
    fee_lines: feeLines,
    coupon_lines: couponLines,
    refunds: [],
    payment_url: `${SITE_TOKEN}/zamowienie/order-pay/${h.id}/?pay_for_order=true&key=${h.order_key}`,
    ...orderFlags(h.status, calc.total, lineItems),
    _links: orderLinks(h.id, h.customer_id, h.parent_id),
  };
}

/** `is_editable`, `needs_payment`, `needs_processing` for a status and total. */
export function orderFlags(status: string, totalGrosze: number, lines: readonly Pick<WcLineItem, 'product_id'>[]) {
  return {
    is_editable: EDITABLE_STATUSES.has(status),
    needs_payment: PAYABLE_STATUSES.has(status) && totalGrosze > 0,
    needs_processing: lines.some((l) => l.product_id > 0),
  };
}

function headerOf(order: WcOrder): OrderHeader {
  const {
    discount_total: _dt,
    discount_tax: _dx,
    shipping_total: _st,
    shipping_tax: _sx,
    cart_tax: _ct,
    total: _t,
    total_tax: _tt,
    line_items: _li,
    tax_lines: _tl,
    shipping_lines: _sl,
    fee_lines: _fl,
    coupon_lines: _cl,
    refunds: _r,
    payment_url: _pu,
    is_editable: _ie,
    needs_payment: _np,
    needs_processing: _npr,
    _links: _l,
    ...header
  } = order;
  return header;
}

function nominalToComputation(type: string, nominal: number): CouponComputation {
  if (type === 'fixed_cart') return { type: 'fixed_cart', amount: Math.round(nominal * 100) };
  if (type === 'fixed_product') return { type: 'fixed_product', amount: Math.round(nominal * 100) };
  return { type: 'percent', amount: nominal };
}

export function couponComputation(type: string, nominal: number): CouponComputation {
  return nominalToComputation(type, nominal);
}

/** The draft an existing order would be rebuilt from (item amounts taken from the wire values). */
export function draftFromOrder(order: WcOrder): OrderDraft {
  const amount = (text: string) => parseMoney(text) ?? 0;
  return {
    header: headerOf(order),
    lines: order.line_items.map((l) => ({
      id: l.id,
      name: l.name,
      productId: l.product_id,
      variationId: l.variation_id,
      quantity: l.quantity,
      taxClass: l.tax_class,
      gross: amount(l.subtotal) + amount(l.subtotal_tax),
      sku: l.sku,
      image: l.image,
      parentName: l.parent_name,
      meta: l.meta_data,
    })),
    shipping: order.shipping_lines.map((s) => ({
      id: s.id,
      methodTitle: s.method_title,
      methodId: s.method_id,
      instanceId: s.instance_id,
      net: amount(s.total),
      meta: s.meta_data,
    })),
    fees: order.fee_lines.map((f) => ({
      id: f.id,
      name: f.name,
      taxClass: f.tax_class,
      taxStatus: f.tax_status,
      net: amount(f.total),
      meta: f.meta_data,
    })),
    coupons: order.coupon_lines.map((c) => ({
      id: c.id,
      code: c.code,
      discountType: c.discount_type,
      nominalAmount: c.nominal_amount,
      freeShipping: c.free_shipping,
      computation: nominalToComputation(c.discount_type, c.nominal_amount),
      meta: c.meta_data,
    })),
    taxItemIds: new Map(order.tax_lines.map((t) => [t.rate_id, t.id])),
  };
}
