/**
 * `POST /__simulator/records`: extra records in WooCommerce's own JSON, as a GET returns them, so that a payload
 * seen on a real shop can be replayed here. Records are validated (ids, required fields, value formats, unique
 * SKUs), completed with WooCommerce's defaults for fields left out, and upserted by id. Amounts are kept exactly as
 * given (a loaded order's totals are not recomputed: reproducing a shop's numbers is the point).
 *
 *   { "products": [ <product JSON, or a variation with "type": "variation" and "parent_id"> ],
 *     "customers": [ <customer JSON> ], "orders": [ <order JSON> ], "coupons": [ <coupon JSON> ] }
 */
import { z } from 'zod';
import { RecordsError } from '@omnigraph/simulator-core';
import { orderFlags, orderLinks, WC_VERSION } from './order-builder.ts';
import { parseMoney } from './wc-money.ts';
import { gmtFromMs, localFromMs, msFromGmt, msFromLocal, nowPair } from './wp-dates.ts';
import { SITE_TOKEN } from './wp-json.ts';
import { isEmail } from './wp-params.ts';
import {
  avatarUrl,
  couponLinks,
  customerLinks,
  EMPTY_CUSTOMER_ADDRESS,
  EMPTY_SHIPPING,
  priceHtml,
  productLinks,
  slugify,
  stockStatusFor,
  variationLinks,
  withProductDefaults,
  withVariationDefaults,
} from './woocommerce-mappers.ts';
import type { WooCommerceStore } from './woocommerce-store.ts';
import type { WcBilling, WcCoupon, WcCustomer, WcCustomerAddress, WcOrder, WcProduct, WcShipping, WcVariation } from './woocommerce-types.ts';

export interface NormalizedRecords {
  products: WcProduct[];
  variations: WcVariation[];
  customers: WcCustomer[];
  orders: WcOrder[];
  coupons: WcCoupon[];
}

const id = z.number().int().positive();
const wpDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'expected a WooCommerce date "YYYY-MM-DDTHH:MM:SS"');
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "246.00"');
const decimalOrEmpty = z.union([decimal, z.literal('')]);
const email = z.string().refine((v) => v === '' || isEmail(v), 'expected an email address');

const orderSchema = z.looseObject({
  id,
  status: z.string().min(1),
  currency: z.string().length(3).optional(),
  customer_id: z.number().int().nonnegative().optional(),
  date_created: wpDate.optional(),
  date_created_gmt: wpDate.optional(),
  date_modified: wpDate.optional(),
  date_modified_gmt: wpDate.optional(),
  total: decimal.optional(),
  billing: z.looseObject({ email }),
  shipping: z.looseObject({}).optional(),
  line_items: z.array(
    z.looseObject({
      id,
      name: z.string(),
      product_id: z.number().int().nonnegative(),
      variation_id: z.number().int().nonnegative().optional(),
      quantity: z.number().int(),
      subtotal: decimal.optional(),
      total: decimal.optional(),
    }),
  ),
});

const productSchema = z.looseObject({
  id,
  name: z.string(),
  type: z.enum(['simple', 'variable', 'grouped', 'external', 'variation']).optional(),
  parent_id: z.number().int().nonnegative().optional(),
  sku: z.string().optional(),
  status: z.enum(['publish', 'draft', 'pending', 'private', 'future', 'trash']).optional(),
  regular_price: decimalOrEmpty.optional(),
  sale_price: decimalOrEmpty.optional(),
  price: decimalOrEmpty.optional(),
  stock_quantity: z.number().int().nullable().optional(),
  manage_stock: z.boolean().optional(),
  date_created: wpDate.optional(),
  date_created_gmt: wpDate.optional(),
});

const customerSchema = z.looseObject({
  id,
  email: z.string().refine(isEmail, 'expected an email address'),
  username: z.string().min(1).optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  role: z.string().min(1).optional(),
  date_created: wpDate.optional(),
  date_created_gmt: wpDate.optional(),
});

const couponSchema = z.looseObject({
  id,
  code: z.string().min(1),
  discount_type: z.enum(['percent', 'fixed_cart', 'fixed_product']),
  amount: decimal,
  date_expires_gmt: wpDate.nullable().optional(),
  date_expires: wpDate.nullable().optional(),
  usage_limit: z.number().int().nullable().optional(),
  usage_count: z.number().int().nonnegative().optional(),
});

const payloadSchema = z.strictObject({
  products: z.array(z.unknown()).optional(),
  customers: z.array(z.unknown()).optional(),
  orders: z.array(z.unknown()).optional(),
  coupons: z.array(z.unknown()).optional(),
});

function invalid(detail: string): never {
  throw new RecordsError(`invalid WooCommerce records: ${detail}`);
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map(
    (i) => `${where}${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`,
  );
  return invalid(issues.join('; '));
}

/** Both dates of a pair from whichever the record gives. */
function datePair(local: string | undefined, gmt: string | undefined, fallbackMs: number): { local: string; gmt: string } {
  if (gmt !== undefined) return { local: local ?? localFromMs(msFromGmt(gmt)), gmt };
  if (local !== undefined) return { local, gmt: gmtFromMs(msFromLocal(local)) };
  return { local: localFromMs(fallbackMs), gmt: gmtFromMs(fallbackMs) };
}

/** The created and modified pairs of a product or order record; modified falls back to created, created to now. */
function recordDates(raw: { date_created?: string | undefined; date_created_gmt?: string | undefined } & Record<string, unknown>) {
  const created = datePair(raw.date_created, raw.date_created_gmt, Date.now());
  const modified = datePair(raw['date_modified'] as string | undefined, raw['date_modified_gmt'] as string | undefined, msFromGmt(created.gmt));
  return {
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: modified.local,
    date_modified_gmt: modified.gmt,
  };
}

function normalizeOrder(raw: z.infer<typeof orderSchema>): WcOrder {
  const dates = recordDates(raw);
  const customerId = raw.customer_id ?? 0;
  const r = raw as Record<string, unknown>;
  const total = raw.total ?? '0.00';
  // From EMPTY_SHIPPING, not EMPTY_BILLING: a loaded billing address keeps its key order (`phone`, then `email`).
  const billing: WcBilling = { ...EMPTY_SHIPPING, ...(raw.billing as Partial<WcBilling>), email: raw.billing.email };
  const shipping: WcShipping = { ...EMPTY_SHIPPING, ...((raw.shipping ?? {}) as Partial<WcShipping>) };
  const lineItems = raw.line_items.map((l) => ({
    tax_class: '',
    subtotal: l.total ?? '0.00',
    subtotal_tax: '0.00',
    total: l.subtotal ?? '0.00',
    total_tax: '0.00',
    taxes: [],
    meta_data: [],
    sku: null,
    image: { id: 0, src: '' },
    parent_name: null,
    ...l,
    variation_id: l.variation_id ?? 0,
    price: l.quantity ? (parseMoney(l.total ?? '0') ?? 0) / l.quantity / 100 : 0,
    ...(typeof (l as Record<string, unknown>)['price'] === 'number' ? { price: (l as Record<string, unknown>)['price'] as number } : {}),
  }));
  const defaults: WcOrder = {
    id: raw.id,
    parent_id: 0,
    number: String(raw.id),
    order_key: `wc_order_${raw.id}`,
    created_via: 'rest-api',
    version: WC_VERSION,
    status: raw.status,
    currency: 'PLN',
    ...dates,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total,
    total_tax: '0.00',
    prices_include_tax: true,
    customer_id: customerId,
    customer_ip_address: '',
    customer_user_agent: '',
    customer_note: '',
    billing,
    shipping,
    payment_method: '',
    payment_method_title: '',
    transaction_id: '',
    date_paid: null,
    date_paid_gmt: null,
    date_completed: null,
    date_completed_gmt: null,
    cart_hash: '',
    meta_data: [],
    line_items: lineItems,
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    payment_url: `${SITE_TOKEN}/zamowienie/order-pay/${raw.id}/?pay_for_order=true&key=wc_order_${raw.id}`,
    ...orderFlags(raw.status, parseMoney(total) ?? 0, lineItems),
    _links: orderLinks(raw.id, customerId, 0),
  };
  return {
    ...defaults,
    ...(r as Partial<WcOrder>),
    ...dates,
    customer_id: customerId,
    billing,
    shipping,
    line_items: lineItems,
  };
}

function priceDefaults(raw: z.infer<typeof productSchema>) {
  const regular = raw.regular_price ?? raw.price ?? '';
  const sale = raw.sale_price ?? '';
  const price = raw.price ?? (sale !== '' ? sale : regular);
  const regularGrosze = regular === '' ? null : parseMoney(regular);
  const saleGrosze = sale === '' ? null : parseMoney(sale);
  const onSale = saleGrosze !== null && regularGrosze !== null && saleGrosze < regularGrosze;
  const manageStock = raw.manage_stock ?? (raw.stock_quantity !== undefined && raw.stock_quantity !== null);
  const stock = raw.stock_quantity ?? null;
  return {
    regular,
    sale,
    price,
    onSale,
    html: priceHtml(regularGrosze, saleGrosze),
    manageStock,
    stock,
    stockStatus: stockStatusFor(stock, manageStock),
  };
}

function normalizeVariation(raw: z.infer<typeof productSchema>, parentSlug: string): WcVariation {
  const p = priceDefaults(raw);
  const defaults = withVariationDefaults({
    id: raw.id,
    name: raw.name,
    parent_id: raw.parent_id ?? 0,
    ...recordDates(raw),
    permalink: `${SITE_TOKEN}/produkt/${parentSlug}/`,
    sku: raw.sku ?? '',
    price: p.price,
    regular_price: p.regular,
    sale_price: p.sale,
    on_sale: p.onSale,
    status: raw.status ?? 'publish',
    purchasable: p.price !== '',
    manage_stock: p.manageStock,
    stock_quantity: p.stock,
    stock_status: p.stockStatus,
    _links: variationLinks(raw.id, raw.parent_id ?? 0),
  });
  // Fields only the products schema has are dropped so the variation keeps the variations endpoint's shape.
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => k in defaults));
  return { ...defaults, ...(kept as Partial<WcVariation>), type: 'variation', parent_id: raw.parent_id ?? 0 };
}

function normalizeProduct(raw: z.infer<typeof productSchema>): WcProduct {
  const p = priceDefaults(raw);
  const slug = (raw['slug'] as string | undefined) ?? slugify(raw.name);
  const defaults = withProductDefaults({
    id: raw.id,
    name: raw.name,
    slug,
    permalink: `${SITE_TOKEN}/produkt/${slug}/`,
    ...recordDates(raw),
    type: raw.type ?? 'simple',
    status: raw.status ?? 'publish',
    sku: raw.sku ?? '',
    price: p.price,
    regular_price: p.regular,
    sale_price: p.sale,
    price_html: p.html,
    on_sale: p.onSale,
    purchasable: p.price !== '' && (raw.status ?? 'publish') === 'publish',
    manage_stock: p.manageStock,
    stock_quantity: p.stock,
    stock_status: p.stockStatus,
    _links: productLinks(raw.id),
  });
  return { ...defaults, ...(raw as Partial<WcProduct>), ...recordDates(raw) };
}

function normalizeCustomer(raw: z.infer<typeof customerSchema>): WcCustomer {
  const created = datePair(raw.date_created, raw.date_created_gmt, Date.now());
  const r = raw as Record<string, unknown>;
  const defaults: WcCustomer = {
    id: raw.id,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: created.local,
    date_modified_gmt: created.gmt,
    email: raw.email,
    first_name: raw.first_name ?? '',
    last_name: raw.last_name ?? '',
    role: raw.role ?? 'customer',
    username: raw.username ?? raw.email.split('@')[0]!,
    billing: { ...EMPTY_CUSTOMER_ADDRESS, email: '' },
    shipping: EMPTY_CUSTOMER_ADDRESS,
    is_paying_customer: false,
    avatar_url: avatarUrl(raw.email),
    meta_data: [],
    _links: customerLinks(raw.id),
  };
  return {
    ...defaults,
    ...(r as Partial<WcCustomer>),
    billing: { ...defaults.billing, ...((r['billing'] ?? {}) as Partial<WcCustomerAddress>) },
    shipping: { ...defaults.shipping, ...((r['shipping'] ?? {}) as Partial<WcCustomerAddress>) },
    date_created: created.local,
    date_created_gmt: created.gmt,
  };
}

function normalizeCoupon(raw: z.infer<typeof couponSchema>): WcCoupon {
  const r = raw as Record<string, unknown>;
  const now = nowPair();
  const expiresGmt = raw.date_expires_gmt ?? (raw.date_expires ? gmtFromMs(msFromLocal(raw.date_expires)) : null);
  const defaults: WcCoupon = {
    id: raw.id,
    code: raw.code.toLowerCase(),
    amount: raw.amount,
    status: 'publish',
    date_created: now.local,
    date_created_gmt: now.gmt,
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    discount_type: raw.discount_type,
    description: '',
    date_expires: expiresGmt === null ? null : localFromMs(msFromGmt(expiresGmt)),
    date_expires_gmt: expiresGmt,
    usage_count: 0,
    individual_use: false,
    product_ids: [],
    excluded_product_ids: [],
    usage_limit: null,
    usage_limit_per_user: null,
    limit_usage_to_x_items: null,
    free_shipping: false,
    product_categories: [],
    excluded_product_categories: [],
    exclude_sale_items: false,
    minimum_amount: '0.00',
    maximum_amount: '0.00',
    email_restrictions: [],
    used_by: [],
    meta_data: [],
    _links: couponLinks(raw.id),
  };
  return {
    ...defaults,
    ...(r as Partial<WcCoupon>),
    code: raw.code.toLowerCase(),
    date_expires: defaults.date_expires,
    date_expires_gmt: expiresGmt,
  };
}

export function normalizeRecords(payload: unknown, store: WooCommerceStore): NormalizedRecords {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new RecordsError('records must be a JSON object such as { "products": [...], "customers": [...], "orders": [...], "coupons": [...] }');
  }
  const unknownKeys = Object.keys(payload).filter((k) => !['products', 'customers', 'orders', 'coupons'].includes(k));
  if (unknownKeys.length > 0) {
    throw new RecordsError(`unknown record kind(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}; expected products, customers, orders, coupons`);
  }
  const top = parseWith(payloadSchema, payload, '');
  const out: NormalizedRecords = { products: [], variations: [], customers: [], orders: [], coupons: [] };

  const rawProducts = (top.products ?? []).map((p, i) => parseWith(productSchema, p, `products[${i}]`));
  const parentsInPayload = new Map(rawProducts.filter((p) => p.type !== 'variation').map((p) => [p.id, p]));
  const skuOwners = new Map<string, number>();
  rawProducts.forEach((raw, i) => {
    const sku = (raw.sku ?? '').toLowerCase();
    if (sku === '') return;
    const owner = skuOwners.get(sku) ?? store.idBySku(sku);
    if (owner !== undefined && owner !== raw.id) {
      invalid(`products[${i}].sku: "${raw.sku}" is already used by product ${owner} (WooCommerce keeps SKUs unique)`);
    }
    skuOwners.set(sku, raw.id);
  });
  const touchedParents = new Map<number, WcProduct>();
  rawProducts.forEach((raw, i) => {
    if (raw.type !== 'variation') {
      const product = normalizeProduct(raw);
      out.products.push(product);
      touchedParents.set(product.id, product);
      return;
    }
    const parentId = raw.parent_id ?? 0;
    const parent = touchedParents.get(parentId) ?? store.products.get(parentId);
    if (!parent && !parentsInPayload.has(parentId)) {
      invalid(`products[${i}].parent_id: a variation needs an existing parent product, ${parentId} is not one`);
    }
    const parentSlug = parent?.slug ?? slugify(parentsInPayload.get(parentId)?.name ?? '');
    out.variations.push(normalizeVariation(raw, parentSlug));
    if (parent && !parent.variations.includes(raw.id)) {
      const updated = { ...parent, variations: [...parent.variations, raw.id] };
      touchedParents.set(parentId, updated);
      const index = out.products.findIndex((p) => p.id === parentId);
      if (index >= 0) out.products[index] = updated;
      else out.products.push(updated);
    }
  });

  out.customers = (top.customers ?? []).map((c, i) => normalizeCustomer(parseWith(customerSchema, c, `customers[${i}]`)));
  out.orders = (top.orders ?? []).map((o, i) => normalizeOrder(parseWith(orderSchema, o, `orders[${i}]`)));
  out.coupons = (top.coupons ?? []).map((c, i) => normalizeCoupon(parseWith(couponSchema, c, `coupons[${i}]`)));
  return out;
}
