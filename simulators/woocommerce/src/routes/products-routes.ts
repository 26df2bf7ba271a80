/**
 * /wp-json/wc/v3/products and /products/{id}/variations.
 *
 * `sku` takes a comma-separated list (split on commas exactly, no trimming, plus the whole string as one more SKU,
 * as WooCommerce does) and, unlike every other filter, also matches variations, which then come back in the
 * products schema with `type: "variation"`. SKUs compare case-insensitively (MySQL collation).
 */
import { updateProduct, updateVariation } from '../product-service.ts';
import { jsonResult, pagedResult, isWpError, editableRoutes, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { wpError } from '../wp-errors.ts';
import type { ArgSpecs, ParamSchema } from '../wp-params.ts';
import { variationAsProduct } from '../woocommerce-mappers.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import type { WcProduct, WcVariation } from '../woocommerce-types.ts';
import { asServedPrices } from '../net-prices.ts';
import { compareText, dateFilter, DATE_ARGS, ID_LIST_ARGS, idList, PAGE_ARGS, walk } from './list-support.ts';

const PRODUCT_STATUSES = ['any', 'future', 'trash', 'draft', 'pending', 'private', 'publish'];
const PRODUCT_ORDERBY = ['date', 'modified', 'id', 'include', 'title', 'slug', 'price', 'popularity', 'rating', 'menu_order'];

function collectionArgs(forVariations: boolean): ArgSpecs {
  return {
    ...PAGE_ARGS,
    ...DATE_ARGS,
    ...ID_LIST_ARGS,
    offset: { schema: { type: 'integer' } },
    order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'desc' },
    orderby: { schema: { type: 'string', enum: PRODUCT_ORDERBY }, default: 'date' },
    parent: { schema: { type: 'any' } },
    parent_exclude: { schema: { type: 'any' } },
    slug: { schema: { type: 'string' } },
    status: { schema: { type: 'string', enum: PRODUCT_STATUSES }, default: 'any' },
    ...(forVariations ? {} : { type: { schema: { type: 'string', enum: ['simple', 'grouped', 'external', 'variable'] } } }),
    sku: { schema: { type: 'string' } },
    ...(forVariations ? {} : { featured: { schema: { type: 'boolean' } }, category: { schema: { type: 'string' } } }),
    tax_class: { schema: { type: 'string', enum: ['standard', 'reduced-rate', 'super-reduced-rate', 'zero-rate'] } },
    on_sale: { schema: { type: 'boolean' } },
    min_price: { schema: { type: 'string' } },
    max_price: { schema: { type: 'string' } },
    stock_status: { schema: { type: 'string', enum: ['instock', 'outofstock', 'onbackorder'] } },
  };
}

const PRODUCT_COLLECTION_ARGS = collectionArgs(false);
const VARIATION_COLLECTION_ARGS = collectionArgs(true);

const text: ParamSchema = { type: 'string' };

const PRODUCT_BODY_ARGS: ArgSpecs = {
  name: { schema: text },
  slug: { schema: text },
  status: { schema: { type: 'string', enum: ['draft', 'pending', 'private', 'publish', 'future'] } },
  featured: { schema: { type: 'boolean' } },
  catalog_visibility: { schema: { type: 'string', enum: ['visible', 'catalog', 'search', 'hidden'] } },
  description: { schema: text },
  short_description: { schema: text },
  sku: { schema: text },
  regular_price: { schema: text },
  sale_price: { schema: text },
  tax_status: { schema: { type: 'string', enum: ['taxable', 'shipping', 'none'] } },
  tax_class: { schema: text },
  manage_stock: { schema: { type: 'boolean' } },
  stock_quantity: { schema: { type: 'integer' } },
  stock_status: { schema: { type: 'string', enum: ['instock', 'outofstock', 'onbackorder'] } },
  backorders: { schema: { type: 'string', enum: ['no', 'notify', 'yes'] } },
  weight: { schema: text },
  meta_data: { schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, key: text } } } },
};

/** Anything a product list can hold: products, and variations when `sku` matched one. */
type Listed = WcProduct;

function asListed(store: WooCommerceStore, id: number): Listed | undefined {
  const product = store.products.get(id);
  if (product) return product;
  const variation = store.variations.get(id);
  return variation ? variationAsProduct(variation, store.products.get(variation.parent_id)) : undefined;
}

function priceOf(p: { price: string }): number {
  const n = Number.parseFloat(p.price);
  return Number.isFinite(n) ? n : 0;
}

function comparatorFor(orderby: string, get: (id: number) => Listed): { key: string; compare: (a: number, b: number) => number } {
  switch (orderby) {
    case 'id':
      return { key: 'id', compare: (a, b) => a - b };
    case 'modified':
      return { key: 'modified', compare: (a, b) => compareText(get(a).date_modified_gmt, get(b).date_modified_gmt) };
    case 'title':
      return { key: 'title', compare: (a, b) => get(a).name.localeCompare(get(b).name, 'pl', { sensitivity: 'base' }) };
    case 'slug':
      return { key: 'slug', compare: (a, b) => compareText(get(a).slug, get(b).slug) };
    case 'price':
      return { key: 'price', compare: (a, b) => priceOf(get(a)) - priceOf(get(b)) };
    case 'popularity':
      return { key: 'popularity', compare: (a, b) => get(a).total_sales - get(b).total_sales };
    case 'rating':
      return { key: 'rating', compare: (a, b) => Number(get(a).average_rating) - Number(get(b).average_rating) };
    case 'menu_order':
      return { key: 'menu_order', compare: (a, b) => get(a).menu_order - get(b).menu_order || get(a).name.localeCompare(get(b).name, 'pl') };
    default:
      return { key: 'date', compare: (a, b) => compareText(get(a).date_created_gmt, get(b).date_created_gmt) };
  }
}

interface ListFilters {
  status: string;
  type: string | undefined;
  include: Set<number> | null;
  exclude: Set<number>;
  parents: number[];
  parentExclude: Set<number>;
  slug: string | undefined;
  terms: string[];
  byDate: ReturnType<typeof dateFilter>;
  stockStatus: string | undefined;
  onSale: boolean | undefined;
  featured: boolean | undefined;
  category: number[];
  taxClass: string | undefined;
  minPrice: number | null;
  maxPrice: number | null;
}

function filtersFrom(a: Record<string, unknown>): ListFilters {
  const include = idList(a['include']);
  const money = (v: unknown) => (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  const search = typeof a['search'] === 'string' ? a['search'].toLowerCase() : '';
  return {
    status: String(a['status'] ?? 'any'),
    type: a['type'] as string | undefined,
    include: include.length > 0 ? new Set(include) : null,
    exclude: new Set(idList(a['exclude'])),
    parents: idList(a['parent']),
    parentExclude: new Set(idList(a['parent_exclude'])),
    slug: a['slug'] as string | undefined,
    terms: search.split(/\s+/).filter((t) => t !== ''),
    byDate: dateFilter(a),
    stockStatus: a['stock_status'] as string | undefined,
    onSale: a['on_sale'] as boolean | undefined,
    featured: a['featured'] as boolean | undefined,
    category: typeof a['category'] === 'string' ? idList(a['category']) : [],
    taxClass: a['tax_class'] === undefined ? undefined : a['tax_class'] === 'standard' ? '' : String(a['tax_class']),
    minPrice: money(a['min_price']),
    maxPrice: money(a['max_price']),
  };
}

function matches(p: Listed, f: ListFilters): boolean {
  if (f.status === 'any' ? p.status === 'trash' : p.status !== f.status) return false;
  if (f.type !== undefined && p.type !== f.type) return false;
  if (f.include && !f.include.has(p.id)) return false;
  if (f.exclude.has(p.id)) return false;
  if (f.parents.length > 0 && !f.parents.includes(p.parent_id)) return false;
  if (f.parentExclude.has(p.parent_id)) return false;
  if (f.slug !== undefined && p.slug !== f.slug) return false;
  if (f.stockStatus !== undefined && p.stock_status !== f.stockStatus) return false;
  if (f.onSale !== undefined && p.on_sale !== f.onSale) return false;
  if (f.featured !== undefined && p.featured !== f.featured) return false;
  if (f.taxClass !== undefined && p.tax_class !== f.taxClass) return false;
  if (f.category.length > 0 && !p.categories.some((c) => f.category.includes(c.id))) return false;
  if (f.minPrice !== null && priceOf(p) < f.minPrice) return false;
  if (f.maxPrice !== null && priceOf(p) > f.maxPrice) return false;
  if (f.terms.length > 0) {
    // WP_Query search: every word in the title, excerpt or content.
    const haystack = `${p.name} ${p.short_description} ${p.description}`.toLowerCase();
    if (!f.terms.every((t) => haystack.includes(t))) return false;
  }
  if (f.byDate && !f.byDate(p)) return false;
  return true;
}

/** The ids `sku=A,B` asks for: each comma part and the whole string, each matched exactly. */
function skuCandidates(store: WooCommerceStore, sku: string): number[] {
  const parts = sku.split(',');
  if (parts.length > 1) parts.push(sku);
  const ids: number[] = [];
  for (const part of parts) {
    const id = store.idBySku(part);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function listProducts(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const f = filtersFrom(a);
  const orderby = String(a['orderby']);
  const include = idList(a['include']);
  const desc = a['order'] === 'desc' || orderby === 'popularity' || orderby === 'rating';
  const sku = typeof a['sku'] === 'string' && a['sku'] !== '' ? a['sku'] : null;
  const cache = new Map<number, Listed>();
  const get = (id: number): Listed => {
    let found = cache.get(id);
    if (!found) {
      found = asListed(store, id)!;
      cache.set(id, found);
    }
    return found;
  };

  let ordered: Iterable<number>;
  if (orderby === 'include' && include.length > 0) {
    ordered = sku ? include.filter((id) => skuCandidates(store, sku).includes(id)) : include;
  } else {
    const { key, compare } = comparatorFor(orderby, get);
    let subset: number[] | null = null;
    if (sku) subset = skuCandidates(store, sku);
    else if (include.length > 0) subset = include.filter((id) => store.products.has(id));
    const sorted = subset ? subset.sort((x, y) => compare(x, y) || x - y) : store.sortedIds('products', key, compare);
    ordered = walk(sorted, desc);
  }
  const found: Listed[] = [];
  for (const id of ordered) {
    // Without `sku` the query covers the product post type only.
    if (!sku && !store.products.has(id)) continue;
    const p = asListed(store, id);
    if (p && matches(p, f)) found.push(p);
  }
  return pagedResult(
    ctx,
    found.map((p) => served(store, p)),
  );
}

function listVariations(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const parentId = Number(ctx.req.params['id']);
  const f = filtersFrom(a);
  const orderby = String(a['orderby']);
  const include = idList(a['include']);
  const sku = typeof a['sku'] === 'string' && a['sku'] !== '' ? new Set(skuCandidates(store, a['sku'])) : null;
  const get = (id: number) => variationAsProduct(store.variations.get(id)!, undefined);
  const children = [...(store.variationsByParent.get(parentId) ?? [])];
  let ordered: Iterable<number>;
  if (orderby === 'include' && include.length > 0) ordered = include.filter((id) => children.includes(id));
  else {
    const { compare } = comparatorFor(orderby, get);
    ordered = walk(
      children.sort((x, y) => compare(x, y) || x - y),
      a['order'] === 'desc',
    );
  }
  const found: WcVariation[] = [];
  for (const id of ordered) {
    const v = store.variations.get(id);
    if (!v) continue;
    if (sku && !sku.has(id)) continue;
    if (!matches(variationAsProduct(v, undefined), { ...f, type: undefined })) continue;
    found.push(v);
  }
  return pagedResult(
    ctx,
    found.map((v) => served(store, v)),
  );
}

/** Prices as the shop stores them: net when it enters prices without tax (the knob). */
function served<T extends Listed | WcVariation>(store: WooCommerceStore, record: T): T {
  return asServedPrices(record, store.taxSettings.pricesIncludeTax);
}

const CONTEXT_ARG: ArgSpecs = { context: PAGE_ARGS['context']! };

export function productRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    { method: 'GET', path: '/products', permission: 'list', args: PRODUCT_COLLECTION_ARGS, handler: (ctx) => listProducts(store, ctx) },
    {
      method: 'GET',
      path: '/products/:id',
      permission: 'view',
      digitParams: ['id'],
      args: CONTEXT_ARG,
      handler: (ctx) => {
        const found = asListed(store, Number(ctx.req.params['id']));
        return found ? jsonResult(200, served(store, found)) : wpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
      },
    },
    ...editableRoutes({
      path: '/products/:id',
      permission: 'edit',
      digitParams: ['id'],
      args: PRODUCT_BODY_ARGS,
      handler: (ctx) => {
        const result = updateProduct(store, Number(ctx.req.params['id']), { ...ctx.body, ...pick(ctx.args, PRODUCT_BODY_ARGS) }, ctx.events);
        return isWpError(result) ? result : jsonResult(200, result);
      },
    }),
    {
      method: 'GET',
      path: '/products/:id/variations',
      permission: 'list',
      digitParams: ['id'],
      args: VARIATION_COLLECTION_ARGS,
      handler: (ctx) => listVariations(store, ctx),
    },
    {
      method: 'GET',
      path: '/products/:id/variations/:vid',
      permission: 'view',
      digitParams: ['id', 'vid'],
      args: CONTEXT_ARG,
      handler: (ctx) => {
        const v = store.variations.get(Number(ctx.req.params['vid']));
        if (!v || v.parent_id !== Number(ctx.req.params['id'])) {
          return wpError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
        }
        return jsonResult(200, served(store, v));
      },
    },
    ...editableRoutes({
      path: '/products/:id/variations/:vid',
      permission: 'edit',
      digitParams: ['id', 'vid'],
      args: PRODUCT_BODY_ARGS,
      handler: (ctx) => {
        const body = { ...ctx.body, ...pick(ctx.args, PRODUCT_BODY_ARGS) };
        const result = updateVariation(store, Number(ctx.req.params['id']), Number(ctx.req.params['vid']), body, ctx.events);
        return isWpError(result) ? result : jsonResult(200, result);
      },
    }),
  ];
}

/** The validated (coerced) values of the declared arguments only. */
function pick(values: Record<string, unknown>, specs: ArgSpecs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) if (values[key] !== undefined) out[key] = values[key];
  return out;
}
