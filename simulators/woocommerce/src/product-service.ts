/**
 * Product and variation writes: `PUT /products/{id}`, `PUT /products/{id}/variations/{vid}` and the stock moves
 * orders cause. Every save updates `date_modified` and fires `product.updated` (WooCommerce fires it for the
 * variation id on `woocommerce_update_product_variation`, and for the parent when its variations are synced).
 */
import type { WebhookEvent } from './wc-api.ts';
import { parseMoney } from './wc-money.ts';
import { nowPair } from './wp-dates.ts';
import { wpError, type WpError } from './wp-errors.ts';
import { priceHtml, stockStatusFor, variableSummary } from './woocommerce-mappers.ts';
import type { WooCommerceStore } from './woocommerce-store.ts';
import type { WcMeta, WcProduct, WcVariation } from './woocommerce-types.ts';

type Body = Record<string, unknown>;

function touched<T extends { date_modified: string; date_modified_gmt: string }>(record: T): T {
  const now = nowPair();
  return { ...record, date_modified: now.local, date_modified_gmt: now.gmt };
}

/** Active price and sale flags from regular/sale price strings. */
export function pricing(regular: string, sale: string) {
  const r = regular === '' ? null : parseMoney(regular);
  const s = sale === '' ? null : parseMoney(sale);
  const onSale = s !== null && (r === null || s < r);
  return { price: onSale ? sale : regular, on_sale: onSale, price_html: priceHtml(r, onSale ? s : null) };
}

/** Re-derives a variable product's price and stock status from its variations. */
export function syncVariableParent(store: WooCommerceStore, parentId: number, events: WebhookEvent[]): void {
  const parent = store.products.get(parentId);
  if (!parent || parent.type !== 'variable') return;
  const children = [...(store.variationsByParent.get(parentId) ?? [])]
    .map((id) => store.variations.get(id))
    .filter((v): v is WcVariation => v !== undefined);
  store.putProduct(touched({ ...parent, ...variableSummary(children), variations: children.map((c) => c.id).sort((a, b) => a - b) }));
  events.push({ resource: 'product', event: 'updated', id: parentId });
}

/** Moves stock of a product or variation that manages stock (orders reduce it, cancellations put it back). */
export function applyStockChange(store: WooCommerceStore, id: number, delta: number, events: WebhookEvent[]): void {
  const variation = store.variations.get(id);
  if (variation) {
    if (!variation.manage_stock || variation.stock_quantity === null) return;
    const quantity = variation.stock_quantity + delta;
    store.putVariation(touched({ ...variation, stock_quantity: quantity, stock_status: stockStatusFor(quantity, true) }));
    events.push({ resource: 'product', event: 'updated', id });
    syncVariableParent(store, variation.parent_id, events);
    return;
  }
  const product = store.products.get(id);
  if (!product || !product.manage_stock || product.stock_quantity === null) return;
  const quantity = product.stock_quantity + delta;
  store.putProduct(touched({ ...product, stock_quantity: quantity, stock_status: stockStatusFor(quantity, true) }));
  events.push({ resource: 'product', event: 'updated', id });
}

function metaUpsert(store: WooCommerceStore, current: readonly WcMeta[], posted: unknown): WcMeta[] {
  const out = [...current];
  for (const raw of Array.isArray(posted) ? posted : []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const m = raw as Body;
    if (m['key'] === undefined) continue;
    const key = String(m['key']);
    const id = Number(m['id'] ?? 0);
    const index = id ? out.findIndex((x) => x.id === id) : out.findIndex((x) => x.key === key);
    if (index >= 0) out[index] = { id: out[index]!.id, key, value: m['value'] ?? null };
    else out.push({ id: store.meta.next(), key, value: m['value'] ?? null });
  }
  return out;
}

function skuError(store: WooCommerceStore, id: number, sku: string): WpError | null {
  if (sku === '') return null;
  const owner = store.idBySku(sku);
  if (owner === undefined || owner === id) return null;
  return wpError(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: owner, unique_sku: `${sku}-1` });
}

type Stockable = Pick<WcProduct, 'manage_stock' | 'stock_quantity' | 'stock_status'>;

function stockFields(current: Stockable, body: Body): Stockable {
  const manage = body['manage_stock'] !== undefined ? body['manage_stock'] === true : current.manage_stock;
  if (!manage) {
    return {
      manage_stock: false,
      stock_quantity: null,
      stock_status: body['stock_status'] !== undefined ? String(body['stock_status']) : current.stock_status,
    };
  }
  const quantity =
    body['stock_quantity'] !== undefined && body['stock_quantity'] !== null ? Number(body['stock_quantity']) : (current.stock_quantity ?? 0);
  return { manage_stock: true, stock_quantity: quantity, stock_status: stockStatusFor(quantity, true) };
}

const TEXT_FIELDS = [
  'name',
  'slug',
  'status',
  'description',
  'short_description',
  'tax_class',
  'weight',
  'catalog_visibility',
  'purchase_note',
] as const;

export function updateProduct(store: WooCommerceStore, id: number, body: Body, events: WebhookEvent[]): WcProduct | WpError {
  if (store.variations.has(id)) {
    return wpError(
      404,
      'woocommerce_rest_invalid_product_id',
      'To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.',
    );
  }
  const current = store.products.get(id);
  if (!current) return wpError(400, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  const sku = body['sku'] !== undefined ? String(body['sku']) : current.sku;
  const invalidSku = skuError(store, id, sku);
  if (invalidSku) return invalidSku;
  let next: WcProduct = { ...current, sku };
  for (const field of TEXT_FIELDS) if (body[field] !== undefined) next = { ...next, [field]: String(body[field]) };
  if (body['featured'] !== undefined) next = { ...next, featured: body['featured'] === true };
  if (current.type !== 'variable' && (body['regular_price'] !== undefined || body['sale_price'] !== undefined)) {
    const regular = body['regular_price'] !== undefined ? String(body['regular_price']) : current.regular_price;
    const sale = body['sale_price'] !== undefined ? String(body['sale_price']) : current.sale_price;
    next = { ...next, regular_price: regular, sale_price: sale, ...pricing(regular, sale) };
  }
  if (body['manage_stock'] !== undefined || body['stock_quantity'] !== undefined || body['stock_status'] !== undefined) {
    next = { ...next, ...stockFields(current, body) };
  }
  if (body['meta_data'] !== undefined) next = { ...next, meta_data: metaUpsert(store, current.meta_data, body['meta_data']) };
  next = { ...next, purchasable: next.status === 'publish' && next.price !== '' };
  store.putProduct(touched(next));
  events.push({ resource: 'product', event: 'updated', id });
  return store.products.get(id)!;
}

export function updateVariation(store: WooCommerceStore, parentId: number, id: number, body: Body, events: WebhookEvent[]): WcVariation | WpError {
  const current = store.variations.get(id);
  if (!current || current.parent_id !== parentId) return wpError(400, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
  const sku = body['sku'] !== undefined ? String(body['sku']) : current.sku;
  const invalidSku = skuError(store, id, sku);
  if (invalidSku) return invalidSku;
  let next: WcVariation = { ...current, sku };
  for (const field of ['description', 'status', 'tax_class', 'weight'] as const) {
    if (body[field] !== undefined) next = { ...next, [field]: String(body[field]) };
  }
  if (body['regular_price'] !== undefined || body['sale_price'] !== undefined) {
    const regular = body['regular_price'] !== undefined ? String(body['regular_price']) : current.regular_price;
    const sale = body['sale_price'] !== undefined ? String(body['sale_price']) : current.sale_price;
    const { price, on_sale } = pricing(regular, sale);
    next = { ...next, regular_price: regular, sale_price: sale, price, on_sale };
  }
  if (body['manage_stock'] !== undefined || body['stock_quantity'] !== undefined || body['stock_status'] !== undefined) {
    next = { ...next, ...stockFields(current, body) };
  }
  if (body['meta_data'] !== undefined) next = { ...next, meta_data: metaUpsert(store, current.meta_data, body['meta_data']) };
  next = { ...next, purchasable: next.status === 'publish' && next.price !== '' };
  store.putVariation(touched(next));
  events.push({ resource: 'product', event: 'updated', id });
  syncVariableParent(store, parentId, events);
  return store.variations.get(id)!;
}
