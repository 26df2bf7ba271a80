/**
 * Pure dataset → WooCommerce wire mappers. Money in the dataset is integer grosze incl. VAT; here it becomes the
 * API's decimal strings. Dates become the site-local/GMT pairs. URLs start with SITE_TOKEN.
 */
import { createHash } from 'node:crypto';
import { slugify } from '@omnigraph/simulator-dataset';
import type { Dataset, EshopCoupon, EshopCustomer, EshopOrder, EshopProduct, Product } from '@omnigraph/simulator-dataset';
import { buildOrder, couponComputation, REST_BASE, WC_VERSION, type DraftLine, type DraftShipping, type OrderDraft } from './order-builder.ts';
import { money, netOfGross, rateForPercent } from './wc-money.ts';
import { pairFromIso, type WpDatePair } from './wp-dates.ts';
import { SITE_TOKEN } from './wp-json.ts';
import type {
  WcBilling,
  WcCoupon,
  WcCustomer,
  WcCustomerAddress,
  WcImage,
  WcItemMeta,
  WcLinks,
  WcMeta,
  WcOrder,
  WcProduct,
  WcShipping,
  WcVariation,
} from './woocommerce-types.ts';

/** Hands out ids from a counter (order items, meta rows, posts). */
export interface IdCounter {
  next(): number;
  peek(): number;
}

export function createIdCounter(start: number): IdCounter {
  let value = start;
  return {
    next: () => value++,
    peek: () => value,
  };
}

/** `sanitize_title()` for Polish text ("Czajnik 1,7 l" → "czajnik-1-7-l"), the dataset's own slugs agree. */
export { slugify };

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

// ---------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------

/**
 * Global attributes the shop defines for its variable products. The dataset only knows the variant label, so the
 * attribute is recognised from it (sizes, scents, book covers; colours otherwise).
 */
interface AttributeDef {
  id: number;
  name: string;
  taxonomy: string;
}

const ATTR_COLOUR: AttributeDef = { id: 1, name: 'Kolor', taxonomy: 'pa_kolor' };
const ATTR_SIZE: AttributeDef = { id: 2, name: 'Rozmiar', taxonomy: 'pa_rozmiar' };
const ATTR_SCENT: AttributeDef = { id: 3, name: 'Zapach', taxonomy: 'pa_zapach' };
const ATTR_COVER: AttributeDef = { id: 4, name: 'Oprawa', taxonomy: 'pa_oprawa' };

const SCENTS = new Set(['Wanilia', 'Lawenda', 'Drzewo cedrowe', 'Świeża bawełna', 'Cynamon']);

export function attributeFor(label: string): AttributeDef {
  if (/^(XXS|XS|S|M|L|XL|XXL|\d{2,3})$/.test(label)) return ATTR_SIZE;
  if (SCENTS.has(label)) return ATTR_SCENT;
  if (label.startsWith('Oprawa')) return ATTR_COVER;
  return ATTR_COLOUR;
}

export function taxClassForVat(vat: number): string {
  return rateForPercent(vat).taxClass;
}

/** "246,00" — wc_price() with the Polish decimal comma and no thousands separator. */
function plPrice(grosze: number): string {
  return money(grosze).replace('.', ',');
}

function priceSpan(grosze: number): string {
  return `<span class="woocommerce-Price-amount amount"><bdi>${plPrice(grosze)}&nbsp;<span class="woocommerce-Price-currencySymbol">&#122;&#322;</span></bdi></span>`;
}

/** The `price_html` WooCommerce renders: a plain price, or the struck-through regular price and the sale price. */
export function priceHtml(regular: number | null, sale: number | null): string {
  if (regular === null) return '';
  if (sale === null || sale >= regular) return priceSpan(regular);
  return (
    `<del aria-hidden="true">${priceSpan(regular)}</del> <span class="screen-reader-text">Original price was: ${plPrice(regular)}&nbsp;&#122;&#322;.</span>` +
    `<ins aria-hidden="true">${priceSpan(sale)}</ins><span class="screen-reader-text">Current price is: ${plPrice(sale)}&nbsp;&#122;&#322;.</span>`
  );
}

export function priceRangeHtml(min: number, max: number): string {
  if (min === max) return priceSpan(min);
  return `${priceSpan(min)} &ndash; ${priceSpan(max)}`;
}

/** `stock_status` of a product that manages stock and does not allow backorders. */
export function stockStatusFor(quantity: number | null, manageStock: boolean, current = 'instock'): string {
  if (!manageStock || quantity === null) return current;
  return quantity > 0 ? 'instock' : 'outofstock';
}

function image(id: number, slug: string, alt: string, created: WpDatePair): WcImage {
  const [year, month] = created.local.split('-');
  return {
    id,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: created.local,
    date_modified_gmt: created.gmt,
    src: `${SITE_TOKEN}/wp-content/uploads/${year}/${month}/${slug}.jpg`,
    name: slug,
    alt,
  };
}

/** Attachment ids live in the same posts table as products and orders; this range stays clear of both. */
export const IMAGE_ID_OFFSET = 500_000;

export function productLinks(id: number, parentId = 0): WcLinks {
  const links: WcLinks = {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/products/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/products` }],
  };
  if (parentId !== 0) links['up'] = [{ href: `${SITE_TOKEN}${REST_BASE}/products/${parentId}` }];
  return links;
}

export function variationLinks(id: number, parentId: number): WcLinks {
  return {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/products/${parentId}/variations/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/products/${parentId}/variations` }],
    up: [{ href: `${SITE_TOKEN}${REST_BASE}/products/${parentId}` }],
  };
}

interface CatalogueContext {
  erpBySku: Map<string, Product>;
  offerIdBySku: Map<string, string>;
  categoryByName: Map<string, { id: number; name: string; slug: string }>;
  meta: IdCounter;
}

function catalogueContext(dataset: Dataset, meta: IdCounter): CatalogueContext {
  const erpBySku = new Map(dataset.products.map((p) => [p.sku, p]));
  const offerIdBySku = new Map<string, string>();
  for (const offer of dataset.allegroOffers) {
    if (offer.sku !== null && offer.status === 'ACTIVE' && !offerIdBySku.has(offer.sku)) offerIdBySku.set(offer.sku, offer.id);
  }
  const names = [...new Set(dataset.eshopProducts.map((p) => p.categoryName))].sort((a, b) => a.localeCompare(b, 'pl'));
  // WooCommerce term ids: "Bez kategorii" (Uncategorized) is 15 on a fresh shop, the shop's own ones follow.
  const categoryByName = new Map(names.map((name, i) => [name, { id: 16 + i, name, slug: slugify(name) }]));
  return { erpBySku, offerIdBySku, categoryByName, meta };
}

function vatOf(ctx: CatalogueContext, sku: string | null): number {
  return (sku !== null ? ctx.erpBySku.get(sku)?.vatRate : undefined) ?? 23;
}

function weightOf(ctx: CatalogueContext, sku: string | null): string {
  const kg = sku !== null ? ctx.erpBySku.get(sku)?.weightKg : undefined;
  return kg === undefined ? '' : String(kg);
}

function productMeta(ctx: CatalogueContext, sku: string | null): WcMeta[] {
  const offerId = sku !== null ? ctx.offerIdBySku.get(sku) : undefined;
  return offerId === undefined ? [] : [{ id: ctx.meta.next(), key: '_allegro_offer_id', value: offerId }];
}

/** What each product builder sets itself; `withProductDefaults` has no default for these. */
type ProductIdentity = Pick<
  WcProduct,
  'id' | 'name' | 'slug' | 'permalink' | 'date_created' | 'date_created_gmt' | 'date_modified' | 'date_modified_gmt' | '_links'
>;

/**
 * A product: WooCommerce's default for every field not given, in the order the API emits the fields (the given
 * values are spread over the template, which keeps the template's key order). Shared by the seed mapping, loaded records and
 * variations answered through the products endpoint.
 */
export function withProductDefaults(own: ProductIdentity & Partial<WcProduct>): WcProduct {
  const { id, name, slug, permalink, date_created, date_created_gmt, date_modified, date_modified_gmt, _links, ...given } = own;
  return {
    id,
    name,
    slug,
    permalink,
    date_created,
    date_created_gmt,
    date_modified,
    date_modified_gmt,
    type: 'simple',
    status: 'publish',
    featured: false,
    catalog_visibility: 'visible',
    description: '',
    short_description: '',
    sku: '',
    price: '',
    regular_price: '',
    sale_price: '',
    date_on_sale_from: null,
    date_on_sale_from_gmt: null,
    date_on_sale_to: null,
    date_on_sale_to_gmt: null,
    price_html: '',
    on_sale: false,
    purchasable: false,
    total_sales: 0,
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    external_url: '',
    button_text: '',
    tax_status: 'taxable',
    tax_class: '',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    backorders: 'no',
    backorders_allowed: false,
    backordered: false,
    sold_individually: false,
    weight: '',
    dimensions: { length: '', width: '', height: '' },
    shipping_required: true,
    shipping_taxable: true,
    shipping_class: '',
    shipping_class_id: 0,
    reviews_allowed: true,
    average_rating: '0.00',
    rating_count: 0,
    related_ids: [],
    upsell_ids: [],
    cross_sell_ids: [],
    parent_id: 0,
    purchase_note: '',
    categories: [],
    tags: [],
    images: [],
    attributes: [],
    default_attributes: [],
    variations: [],
    grouped_products: [],
    menu_order: 0,
    meta_data: [],
    _links,
    ...given,
  };
}

/** What each variation builder sets itself; `withVariationDefaults` has no default for these. */
type VariationIdentity = Pick<
  WcVariation,
  'id' | 'name' | 'parent_id' | 'date_created' | 'date_created_gmt' | 'date_modified' | 'date_modified_gmt' | 'permalink' | '_links'
>;

/** A variation: WooCommerce's default for every field not given, in the variations endpoint's field order. */
export function withVariationDefaults(own: VariationIdentity & Partial<WcVariation>): WcVariation {
  const { id, name, parent_id, date_created, date_created_gmt, date_modified, date_modified_gmt, permalink, _links, ...given } = own;
  return {
    id,
    type: 'variation',
    name,
    parent_id,
    date_created,
    date_created_gmt,
    date_modified,
    date_modified_gmt,
    description: '',
    permalink,
    sku: '',
    price: '',
    regular_price: '',
    sale_price: '',
    date_on_sale_from: null,
    date_on_sale_from_gmt: null,
    date_on_sale_to: null,
    date_on_sale_to_gmt: null,
    on_sale: false,
    status: 'publish',
    purchasable: false,
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    tax_status: 'taxable',
    tax_class: '',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    backorders: 'no',
    backorders_allowed: false,
    backordered: false,
    low_stock_amount: null,
    weight: '',
    dimensions: { length: '', width: '', height: '' },
    shipping_class: '',
    shipping_class_id: 0,
    image: null,
    attributes: [],
    menu_order: 0,
    meta_data: [],
    _links,
    ...given,
  };
}

function simpleOrParent(
  p: EshopProduct,
  ctx: CatalogueContext,
  extra: Pick<
    WcProduct,
    | 'price'
    | 'regular_price'
    | 'sale_price'
    | 'price_html'
    | 'on_sale'
    | 'manage_stock'
    | 'stock_quantity'
    | 'stock_status'
    | 'tax_class'
    | 'weight'
    | 'attributes'
    | 'variations'
    | 'sku'
    | 'purchasable'
  >,
): WcProduct {
  const created = pairFromIso(p.createdAt);
  const modified = pairFromIso(p.updatedAt);
  const category = ctx.categoryByName.get(p.categoryName);
  return withProductDefaults({
    id: p.id,
    name: p.name,
    slug: p.slug,
    permalink: `${SITE_TOKEN}/produkt/${p.slug}/`,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: modified.local,
    date_modified_gmt: modified.gmt,
    type: p.type,
    status: p.status,
    description: `<p>${p.name}. Produkt z kategorii ${p.categoryName}.</p>\n`,
    short_description: `<p>${p.name}.</p>\n`,
    ...extra,
    total_sales: p.totalSales,
    categories: category ? [category] : [],
    images: [image(IMAGE_ID_OFFSET + p.id, p.slug, p.name, created)],
    meta_data: productMeta(ctx, p.sku),
    _links: productLinks(p.id),
  });
}

function mapVariation(v: EshopProduct, parent: EshopProduct, ctx: CatalogueContext): WcVariation {
  const created = pairFromIso(v.createdAt);
  const modified = pairFromIso(v.updatedAt);
  const label = v.variantLabel ?? '';
  const attr = attributeFor(label);
  const sale = v.salePriceGross;
  const stock = v.stockQuantity;
  return withVariationDefaults({
    id: v.id,
    name: v.name,
    parent_id: parent.id,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: modified.local,
    date_modified_gmt: modified.gmt,
    permalink: `${SITE_TOKEN}/produkt/${parent.slug}/?attribute_${attr.taxonomy}=${slugify(label)}`,
    sku: v.sku ?? '',
    price: money(sale ?? v.regularPriceGross),
    regular_price: money(v.regularPriceGross),
    sale_price: sale === null ? '' : money(sale),
    on_sale: sale !== null && sale < v.regularPriceGross,
    status: v.status,
    purchasable: v.status === 'publish',
    tax_class: taxClassForVat(vatOf(ctx, v.sku)),
    manage_stock: true,
    stock_quantity: stock,
    stock_status: stockStatusFor(stock, true),
    weight: weightOf(ctx, v.sku),
    image: image(IMAGE_ID_OFFSET + v.id, v.slug, v.name, created),
    attributes: [{ id: attr.id, name: attr.name, option: label }],
    meta_data: productMeta(ctx, v.sku),
    _links: variationLinks(v.id, parent.id),
  });
}

/**
 * Price fields of a variable product from its variations: the cheapest active price, `on_sale` when any variation
 * is, in stock when any variation is.
 */
export function variableSummary(
  variations: readonly WcVariation[],
): Pick<WcProduct, 'price' | 'regular_price' | 'sale_price' | 'price_html' | 'on_sale' | 'stock_status' | 'purchasable'> {
  const live = variations.filter((v) => v.status === 'publish');
  const prices = live.map((v) => Number(v.price)).filter((n) => Number.isFinite(n));
  const regulars = live.map((v) => Number(v.regular_price)).filter((n) => Number.isFinite(n));
  if (prices.length === 0) {
    return { price: '', regular_price: '', sale_price: '', price_html: '', on_sale: false, stock_status: 'outofstock', purchasable: false };
  }
  const min = Math.round(Math.min(...prices) * 100);
  const max = Math.round(Math.max(...prices) * 100);
  const onSale = live.some((v) => v.on_sale);
  return {
    price: money(min),
    regular_price: money(Math.round(Math.min(...regulars) * 100)),
    sale_price: onSale ? money(min) : '',
    price_html: priceRangeHtml(min, max),
    on_sale: onSale,
    stock_status: live.some((v) => v.stock_status === 'instock') ? 'instock' : 'outofstock',
    purchasable: true,
  };
}

export function mapProducts(dataset: Dataset, meta: IdCounter): { products: WcProduct[]; variations: WcVariation[] } {
  const ctx = catalogueContext(dataset, meta);
  const products: WcProduct[] = [];
  const variations: WcVariation[] = [];
  const children = new Map<number, EshopProduct[]>();
  for (const p of dataset.eshopProducts) {
    if (p.type === 'variation') children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  }
  for (const p of dataset.eshopProducts) {
    if (p.type === 'simple') {
      const sale = p.salePriceGross;
      products.push(
        simpleOrParent(p, ctx, {
          sku: p.sku ?? '',
          price: money(sale ?? p.regularPriceGross),
          regular_price: money(p.regularPriceGross),
          sale_price: sale === null ? '' : money(sale),
          price_html: priceHtml(p.regularPriceGross, sale),
          on_sale: sale !== null && sale < p.regularPriceGross,
          purchasable: p.status === 'publish',
          manage_stock: true,
          stock_quantity: p.stockQuantity,
          stock_status: stockStatusFor(p.stockQuantity, true),
          tax_class: taxClassForVat(vatOf(ctx, p.sku)),
          weight: weightOf(ctx, p.sku),
          attributes: [],
          variations: [],
        }),
      );
    } else if (p.type === 'variable') {
      const kids = (children.get(p.id) ?? []).map((v) => mapVariation(v, p, ctx));
      variations.push(...kids);
      const first = kids[0]?.attributes[0];
      const attr = attributeFor(first?.option ?? '');
      products.push(
        simpleOrParent(p, ctx, {
          sku: '',
          ...variableSummary(kids),
          manage_stock: false,
          stock_quantity: null,
          tax_class: kids[0]?.tax_class ?? '',
          weight: '',
          attributes: [
            { id: attr.id, name: attr.name, position: 0, visible: true, variation: true, options: kids.map((k) => k.attributes[0]?.option ?? '') },
          ],
          variations: kids.map((k) => k.id),
        }),
      );
    }
  }
  return { products, variations };
}

/**
 * A variation answered through the products endpoint (`GET /products?sku=` matching a variation,
 * `GET /products/{variation_id}`): the products schema with `type: "variation"` and `parent_id`.
 */
export function variationAsProduct(v: WcVariation, parent: WcProduct | undefined): WcProduct {
  const regular = v.regular_price === '' ? null : Math.round(Number(v.regular_price) * 100);
  const sale = v.sale_price === '' ? null : Math.round(Number(v.sale_price) * 100);
  return withProductDefaults({
    id: v.id,
    name: v.name,
    slug: slugify(v.name),
    permalink: v.permalink,
    date_created: v.date_created,
    date_created_gmt: v.date_created_gmt,
    date_modified: v.date_modified,
    date_modified_gmt: v.date_modified_gmt,
    type: 'variation',
    status: v.status,
    description: v.description,
    short_description: parent?.short_description ?? '',
    sku: v.sku,
    price: v.price,
    regular_price: v.regular_price,
    sale_price: v.sale_price,
    date_on_sale_from: v.date_on_sale_from,
    date_on_sale_from_gmt: v.date_on_sale_from_gmt,
    date_on_sale_to: v.date_on_sale_to,
    date_on_sale_to_gmt: v.date_on_sale_to_gmt,
    price_html: priceHtml(regular, sale),
    on_sale: v.on_sale,
    purchasable: v.purchasable,
    // WooCommerce counts sales on the parent product only.
    total_sales: 0,
    virtual: v.virtual,
    downloadable: v.downloadable,
    downloads: v.downloads,
    download_limit: v.download_limit,
    download_expiry: v.download_expiry,
    tax_status: v.tax_status,
    tax_class: v.tax_class,
    manage_stock: v.manage_stock,
    stock_quantity: v.stock_quantity,
    stock_status: v.stock_status,
    backorders: v.backorders,
    backorders_allowed: v.backorders_allowed,
    backordered: v.backordered,
    weight: v.weight,
    dimensions: v.dimensions,
    shipping_class: v.shipping_class,
    shipping_class_id: v.shipping_class_id,
    reviews_allowed: false,
    parent_id: v.parent_id,
    images: v.image ? [v.image] : [],
    attributes: v.attributes,
    menu_order: v.menu_order,
    meta_data: v.meta_data,
    _links: productLinks(v.id, v.parent_id),
  });
}

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

export function avatarUrl(email: string): string {
  return `https://secure.gravatar.com/avatar/${md5(email.trim().toLowerCase())}?s=96&d=mm&r=g`;
}

export function customerLinks(id: number): WcLinks {
  return {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/customers/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/customers` }],
  };
}

/** A customer address with every field empty, in the customers endpoint's field order. */
export const EMPTY_CUSTOMER_ADDRESS: WcCustomerAddress = {
  first_name: '',
  last_name: '',
  company: '',
  address_1: '',
  address_2: '',
  city: '',
  postcode: '',
  country: '',
  state: '',
  phone: '',
};

function customerAddress(a: EshopCustomer['billing'] | EshopCustomer['shipping'], email?: string): WcCustomerAddress {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company,
    address_1: a.street,
    address_2: '',
    city: a.city,
    postcode: a.zip,
    country: a.countryCode,
    state: '',
    ...(email === undefined ? {} : { email }),
    phone: a.phone,
  };
}

export function mapCustomer(c: EshopCustomer, payingCustomer: boolean): WcCustomer {
  const created = pairFromIso(c.createdAt);
  const modified = pairFromIso(c.updatedAt);
  return {
    id: c.id,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: modified.local,
    date_modified_gmt: modified.gmt,
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    role: 'customer',
    username: c.username,
    billing: customerAddress(c.billing, c.billing.email),
    shipping: customerAddress(c.shipping),
    is_paying_customer: payingCustomer,
    avatar_url: avatarUrl(c.email),
    meta_data: [],
    _links: customerLinks(c.id),
  };
}

/** The shop owner's account: the WP user the API keys belong to, visible with `role=all`. */
export function shopAdministrator(createdIso: string): WcCustomer {
  const created = pairFromIso(createdIso);
  const email = 'sklep@example.pl';
  return {
    id: 1,
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: null,
    date_modified_gmt: null,
    email,
    first_name: '',
    last_name: '',
    role: 'administrator',
    username: 'admin',
    billing: { ...EMPTY_CUSTOMER_ADDRESS, email: '' },
    shipping: { ...EMPTY_CUSTOMER_ADDRESS },
    is_paying_customer: false,
    avatar_url: avatarUrl(email),
    meta_data: [],
    _links: customerLinks(1),
  };
}

// ---------------------------------------------------------------------------
// Coupons
// ---------------------------------------------------------------------------

export function couponLinks(id: number): WcLinks {
  return {
    self: [{ href: `${SITE_TOKEN}${REST_BASE}/coupons/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${REST_BASE}/coupons` }],
  };
}

/** Coupon amounts: the percent for percentage coupons, PLN otherwise, always with 2 decimals ("10.00"). */
export function couponAmount(c: Pick<EshopCoupon, 'discountType' | 'amount'>): string {
  return c.discountType === 'percent' ? c.amount.toFixed(2) : money(c.amount);
}

export function couponFreeShipping(c: EshopCoupon): boolean {
  return c.freeShipping === true;
}

export function mapCoupon(c: EshopCoupon, usedBy: string[]): WcCoupon {
  const created = pairFromIso(c.createdAt);
  const expires = c.dateExpires === null ? null : pairFromIso(c.dateExpires);
  return {
    id: c.id,
    code: c.code,
    amount: couponAmount(c),
    status: 'publish',
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: created.local,
    date_modified_gmt: created.gmt,
    discount_type: c.discountType,
    description: '',
    date_expires: expires?.local ?? null,
    date_expires_gmt: expires?.gmt ?? null,
    usage_count: c.usageCount,
    individual_use: false,
    product_ids: [],
    excluded_product_ids: [],
    usage_limit: c.usageLimit,
    usage_limit_per_user: c.usageLimitPerUser,
    limit_usage_to_x_items: null,
    free_shipping: couponFreeShipping(c),
    product_categories: [],
    excluded_product_categories: [],
    exclude_sale_items: false,
    minimum_amount: '0.00',
    maximum_amount: '0.00',
    email_restrictions: c.emailRestrictions,
    used_by: usedBy,
    meta_data: [],
    _links: couponLinks(c.id),
  };
}

/** `nominal_amount` of a coupon line: percent, or PLN as a number. */
export function nominalAmount(c: Pick<EshopCoupon, 'discountType' | 'amount'>): number {
  return c.discountType === 'percent' ? c.amount : c.amount / 100;
}

// ---------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:137.0) Gecko/20100101 Firefox/137.0',
];

/** The fields an order's billing and shipping addresses share, up to `country`; billing adds `email` before `phone`. */
function orderAddress(a: EshopOrder['shipping']): Omit<WcShipping, 'phone'> {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company,
    address_1: a.street,
    address_2: '',
    city: a.city,
    state: '',
    postcode: a.zip,
    country: a.countryCode,
  };
}

export function orderBilling(a: EshopOrder['billing']): WcBilling {
  return { ...orderAddress(a), email: a.email, phone: a.phone };
}

export function orderShipping(a: EshopOrder['shipping']): WcShipping {
  return { ...orderAddress(a), phone: a.phone };
}

const EMPTY_ORDER_ADDRESS = {
  first_name: '',
  last_name: '',
  company: '',
  address_1: '',
  address_2: '',
  city: '',
  state: '',
  postcode: '',
  country: '',
};

/** Order addresses with every field empty, in the orders endpoint's field order. */
export const EMPTY_BILLING: WcBilling = { ...EMPTY_ORDER_ADDRESS, email: '', phone: '' };
export const EMPTY_SHIPPING: WcShipping = { ...EMPTY_ORDER_ADDRESS, phone: '' };

export function itemMeta(id: number, key: string, value: unknown, displayKey = key, displayValue: unknown = value): WcItemMeta {
  return { id, key, value, display_key: displayKey, display_value: displayValue };
}

/** The "Produkty" meta WooCommerce writes on every shipping line: "Name &times; 1, Other &times; 2". */
export function shippingItemsMeta(id: number, lines: readonly { name: string; quantity: number }[]): WcItemMeta {
  const text = lines.map((l) => `${l.name} &times; ${l.quantity}`).join(', ');
  return itemMeta(id, 'Produkty', text);
}

/** Meta of a variation line: the attribute slug and its label (`pa_kolor` = `granatowy`, shown as "Kolor: Granatowy"). */
export function variationLineMeta(id: number, label: string): WcItemMeta {
  const attr = attributeFor(label);
  return itemMeta(id, attr.taxonomy, slugify(label), attr.name, label);
}

export interface OrderMappingContext {
  productsById: Map<number, WcProduct>;
  variationsById: Map<number, WcVariation>;
  couponsByCode: Map<string, EshopCoupon>;
  storeNames: Map<string, string>;
  items: IdCounter;
  meta: IdCounter;
  posts: IdCounter;
}

export function lineImage(product: WcProduct | undefined, variation: WcVariation | undefined): { id: number; src: string } {
  const img = variation?.image ?? product?.images[0];
  return img ? { id: img.id, src: img.src } : { id: 0, src: '' };
}

/** Instance ids of the shop's shipping methods in its one shipping zone (Polska). */
export const SHIPPING_INSTANCES: Record<string, string> = {
  'Kurier DPD': '1',
  'Kurier InPost': '2',
  parcel_locker: '3',
  pickup: '5',
};

export function mapOrder(o: EshopOrder, ctx: OrderMappingContext): WcOrder {
  const created = pairFromIso(o.createdAt);
  const modified = pairFromIso(o.updatedAt);
  const paid = o.paidAt === null ? null : pairFromIso(o.paidAt);
  const completed = o.completedAt === null ? null : pairFromIso(o.completedAt);

  const lines: DraftLine[] = o.lines.map((l) => {
    const product = ctx.productsById.get(l.productId);
    const variation = l.variationId !== 0 ? ctx.variationsById.get(l.variationId) : undefined;
    const label = variation?.attributes[0]?.option;
    return {
      id: l.id,
      name: l.name,
      productId: l.productId,
      variationId: l.variationId,
      quantity: l.quantity,
      taxClass: taxClassForVat(l.vatRate),
      gross: l.unitPriceGross * l.quantity,
      sku: l.sku,
      image: lineImage(product, variation),
      parentName: variation ? (product?.name ?? null) : null,
      meta: label === undefined ? [] : [variationLineMeta(ctx.meta.next(), label)],
    };
  });

  const d = o.delivery;
  const shippingMeta: WcItemMeta[] = [shippingItemsMeta(ctx.meta.next(), o.lines)];
  let methodTitle = d.methodTitle;
  let instanceId = SHIPPING_INSTANCES[d.methodTitle] ?? '1';
  if (d.kind === 'parcel_locker') {
    instanceId = SHIPPING_INSTANCES['parcel_locker']!;
    shippingMeta.push(itemMeta(ctx.meta.next(), '_parcel_machine_id', d.lockerId));
  } else if (d.kind === 'pickup') {
    instanceId = SHIPPING_INSTANCES['pickup']!;
    methodTitle = `Odbiór osobisty – ${ctx.storeNames.get(d.storeCode) ?? d.storeCode}`;
    shippingMeta.push(itemMeta(ctx.meta.next(), '_pickup_location_code', d.storeCode));
  }
  const shippingNet = netOfGross(d.costGross, 23);
  const shipping: DraftShipping[] = [
    {
      id: ctx.items.next(),
      methodTitle,
      methodId: d.methodId,
      instanceId,
      net: shippingNet,
      tax: d.costGross - shippingNet,
      meta: shippingMeta,
    },
  ];

  const coupon = o.couponCode === null ? undefined : ctx.couponsByCode.get(o.couponCode);
  const draft: OrderDraft = {
    header: {
      id: o.id,
      parent_id: 0,
      number: o.number,
      order_key: o.orderKey,
      created_via: 'checkout',
      version: WC_VERSION,
      status: o.status,
      currency: 'PLN',
      date_created: created.local,
      date_created_gmt: created.gmt,
      date_modified: modified.local,
      date_modified_gmt: modified.gmt,
      prices_include_tax: true,
      customer_id: o.customerId,
      customer_ip_address: o.customerIp,
      customer_user_agent: USER_AGENTS[o.id % USER_AGENTS.length]!,
      customer_note: o.customerNote,
      billing: orderBilling(o.billing),
      shipping: orderShipping(o.shipping),
      payment_method: o.paymentMethod,
      payment_method_title: o.paymentMethodTitle,
      transaction_id: o.transactionId,
      date_paid: paid?.local ?? null,
      date_paid_gmt: paid?.gmt ?? null,
      date_completed: completed?.local ?? null,
      date_completed_gmt: completed?.gmt ?? null,
      cart_hash: md5(`cart:${o.orderKey}`),
      meta_data: [{ id: ctx.meta.next(), key: 'is_vat_exempt', value: 'no' }],
    },
    lines,
    shipping,
    fees: [],
    coupons:
      o.couponCode === null
        ? []
        : [
            {
              id: ctx.items.next(),
              code: o.couponCode,
              discountType: coupon?.discountType ?? 'fixed_cart',
              nominalAmount: coupon ? nominalAmount(coupon) : o.discountGross / 100,
              freeShipping: coupon ? couponFreeShipping(coupon) : false,
              // The dataset fixed the discount the customer got; spread exactly that amount over the lines.
              computation: couponComputation('fixed_cart', o.discountGross / 100),
              meta: [],
            },
          ],
    taxItemIds: new Map(),
  };
  const order = buildOrder(draft, () => ctx.items.next());
  if (o.status === 'refunded') {
    order.refunds = [{ id: ctx.posts.next(), reason: '', total: `-${order.total}` }];
  }
  return order;
}

/** Every seed order mapped; coupon usage (`used_by`) and paying customers derived from them. */
export function mapOrders(dataset: Dataset, ctx: OrderMappingContext): WcOrder[] {
  return dataset.eshopOrders.map((o) => mapOrder(o, ctx));
}
