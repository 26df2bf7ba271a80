/**
 * The shop's data in WooCommerce wire format, with the indexes the hot paths need.
 *
 * Records are immutable: a write stores a new object (copy-on-write), so `reset()` only rebuilds maps over the
 * pristine seed objects (built once per dataset and shared) and a webhook payload captured before a later write
 * stays what it was.
 */
import { RecordsError, type SimulatorStore } from '@omnigraph/simulator-core';
import type { Dataset, EshopCoupon } from '@omnigraph/simulator-dataset';
import { apiKeysFrom, type ApiKey } from './wc-auth.ts';
import { createIdCounter, mapCoupon, mapCustomer, mapOrders, mapProducts, shopAdministrator, type IdCounter } from './woocommerce-mappers.ts';
import { normalizeRecords, type NormalizedRecords } from './woocommerce-records.ts';
import { addInvoiceFields, addShipmentTracking, seedOrderNotes } from './order-history.ts';
import type {
  WcCoupon,
  WcCustomer,
  WcOrder,
  WcOrderNote,
  WcProduct,
  WcRefund,
  WcVariation,
  WebhookRecord,
  WooCommerceCredentials,
} from './woocommerce-types.ts';

interface Pristine {
  products: WcProduct[];
  variations: WcVariation[];
  customers: WcCustomer[];
  orders: WcOrder[];
  coupons: WcCoupon[];
  /** orders whose stock was already taken from the products (paid or on hold) */
  stockReduced: number[];
  couponsCounted: number[];
  /** the seed orders' notes (status changes), newest first per order */
  notes: [number, WcOrderNote[]][];
  nextCommentId: number;
}

const pristineCache = new WeakMap<Dataset, Pristine>();

/** Statuses on which WooCommerce reduces stock (wc_maybe_reduce_stock_levels) and counts coupon usage. */
export const STOCK_REDUCING_STATUSES: ReadonlySet<string> = new Set(['processing', 'completed', 'on-hold']);

function buildPristine(dataset: Dataset): Pristine {
  const meta = createIdCounter(1);
  const { products, variations } = mapProducts(dataset, meta);
  const maxLineId = dataset.eshopOrders.reduce((max, o) => o.lines.reduce((m, l) => Math.max(m, l.id), max), 0);
  const maxPostId = [...dataset.eshopProducts, ...dataset.eshopOrders, ...dataset.eshopCoupons].reduce((max, r) => Math.max(max, r.id), 0);
  const couponsByCode = new Map<string, EshopCoupon>(dataset.eshopCoupons.map((c) => [c.code, c]));
  const orders = mapOrders(dataset, {
    productsById: new Map(products.map((p) => [p.id, p])),
    variationsById: new Map(variations.map((v) => [v.id, v])),
    couponsByCode,
    storeNames: new Map(dataset.locations.map((l) => [l.code, l.name])),
    items: createIdCounter(maxLineId + 1),
    meta,
    posts: createIdCounter(maxPostId + 1),
  });
  addShipmentTracking(dataset, orders, meta);
  addInvoiceFields(dataset, orders, meta);
  const { notes, nextCommentId } = seedOrderNotes(dataset);

  const paying = new Set<number>();
  const usedBy = new Map<string, string[]>();
  for (const o of orders) {
    if (o.customer_id !== 0 && o.date_paid !== null) paying.add(o.customer_id);
    for (const c of o.coupon_lines) {
      if (!STOCK_REDUCING_STATUSES.has(o.status) && o.status !== 'refunded') continue;
      const list = usedBy.get(c.code) ?? [];
      list.push(o.customer_id !== 0 ? String(o.customer_id) : o.billing.email);
      usedBy.set(c.code, list);
    }
  }
  const customers = [
    shopAdministrator(dataset.eshopCustomers.reduce((min, c) => (c.createdAt < min ? c.createdAt : min), dataset.generatedAt)),
    ...dataset.eshopCustomers.map((c) => mapCustomer(c, paying.has(c.id))),
  ];
  const coupons = dataset.eshopCoupons.map((c) => mapCoupon(c, usedBy.get(c.code) ?? []));
  const stockReduced = orders.filter((o) => STOCK_REDUCING_STATUSES.has(o.status)).map((o) => o.id);
  const couponsCounted = orders
    .filter((o) => o.coupon_lines.length > 0 && (STOCK_REDUCING_STATUSES.has(o.status) || o.status === 'refunded'))
    .map((o) => o.id);
  return { products, variations, customers, orders, coupons, stockReduced, couponsCounted, notes, nextCommentId };
}

export function pristineFor(dataset: Dataset): Pristine {
  let pristine = pristineCache.get(dataset);
  if (!pristine) {
    pristine = buildPristine(dataset);
    pristineCache.set(dataset, pristine);
  }
  return pristine;
}

function addToIndex<K>(index: Map<K, Set<number>>, key: K, id: number): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(id);
}

function removeFromIndex<K>(index: Map<K, Set<number>>, key: K, id: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

/**
 * The text `search=` matches an order against: its billing and shipping address indexes (every address field as
 * typed, e-mail and phone included: "600-100-200" is found by "100-200", not by "600100200"), item names, id, and the
 * meta keys plugins add to `woocommerce_shop_order_search_fields` (a NIP field, a numbering plugin's number).
 */
function orderHaystack(o: WcOrder, searchMetaKeys: readonly string[]): string {
  const b = o.billing;
  const s = o.shipping;
  return foldSearchText(
    [
      o.id,
      o.number,
      b.first_name,
      b.last_name,
      b.company,
      b.address_1,
      b.address_2,
      b.city,
      b.state,
      b.postcode,
      b.country,
      b.email,
      b.phone,
      '|',
      s.first_name,
      s.last_name,
      s.company,
      s.address_1,
      s.address_2,
      s.city,
      s.state,
      s.postcode,
      s.country,
      s.phone,
      '|',
      ...o.line_items.map((l) => l.name),
      ...(searchMetaKeys.length === 0
        ? []
        : [
            '|',
            ...o.meta_data
              .filter((m) => searchMetaKeys.includes(m.key) && (typeof m.value === 'string' || typeof m.value === 'number'))
              .map((m) => String(m.value)),
          ]),
    ].join(' '),
  );
}

/**
 * A search term as MySQL compares it with WordPress's default collation (utf8mb4_unicode_520_ci): case- and
 * accent-insensitively, so "zaklad" finds "Zakład"; letters without a canonical decomposition (ł) stay themselves
 * here. Applied to the order haystack and to `search=` alike.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export type SortKind = 'orders' | 'products' | 'customers' | 'coupons';

/** Billing emails of orders, by domain then local part, so `search=<email>` needs no scan. */
interface DomainEntry {
  locals: Map<string, Set<number>>;
  /** local parts reversed and sorted, for suffix lookups; rebuilt lazily */
  reversed: string[] | null;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

/** First index in a sorted array whose value is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WooCommerceStoreOptions {
  dataset: () => Dataset;
  credentials: WooCommerceCredentials;
  /** @default { pricesIncludeTax: true, settingsReadableBy: 'all' } */
  taxSettings?: Partial<WcTaxSettings> | undefined;
  /**
   * Order meta keys the order search also matches, as a plugin adds them through the
   * `woocommerce_shop_order_search_fields` filter (posts storage) / `woocommerce_order_table_search_query_meta_keys`
   * (HPOS), e.g. a checkout plugin's `_billing_nip`. @default [] (core searches no custom meta)
   */
  orderSearchMetaKeys?: readonly string[];
}

/**
 * The shop's tax settings the simulator can vary (a knob, kept across resets): `pricesIncludeTax: false` makes the
 * products and variations endpoints serve net prices (see net-prices.ts); `settingsReadableBy: 'read_write'` gives the
 * read-only key to a user without manage_woocommerce, so settings and taxes answer it 403.
 */
export interface WcTaxSettings {
  pricesIncludeTax: boolean;
  settingsReadableBy: 'all' | 'read_write';
}

export class WooCommerceStore implements SimulatorStore {
  readonly apiKeys: ApiKey[];
  taxSettings: WcTaxSettings = { pricesIncludeTax: true, settingsReadableBy: 'all' };
  private readonly datasetOf: () => Dataset;
  private readonly orderSearchMetaKeys: readonly string[];

  orders = new Map<number, WcOrder>();
  ordersByCustomer = new Map<number, Set<number>>();
  ordersByProduct = new Map<number, Set<number>>();
  orderSearchText = new Map<number, string>();
  private emailDomains = new Map<string, DomainEntry>();
  /** orders with an "@" outside a well-formed billing email: the email index cannot vouch for them */
  private atOutsideEmail = new Set<number>();
  stockReduced = new Set<number>();
  /** orders whose units were added to the products' total_sales */
  salesRecorded = new Set<number>();
  /** orders whose coupons count in usage_count / used_by */
  couponsCounted = new Set<number>();

  products = new Map<number, WcProduct>();
  variations = new Map<number, WcVariation>();
  variationsByParent = new Map<number, Set<number>>();
  /** lower-cased SKU → product or variation id (MySQL compares SKUs case-insensitively) */
  skuIndex = new Map<string, number>();

  customers = new Map<number, WcCustomer>();
  customerByEmail = new Map<string, number>();

  coupons = new Map<number, WcCoupon>();
  couponByCode = new Map<string, number>();

  webhooks = new Map<number, WebhookRecord>();
  /** refunds created through the API, per order, newest first (seed refunds exist only as the order's `refunds` summary) */
  refundsByOrder = new Map<number, WcRefund[]>();
  /** order notes (comments) per order, newest first */
  notesByOrder = new Map<number, WcOrderNote[]>();
  /** comment ids (notes live in wp_comments, their own id sequence) */
  commentIds: IdCounter = createIdCounter(1);

  posts: IdCounter = createIdCounter(1);
  items: IdCounter = createIdCounter(1);
  meta: IdCounter = createIdCounter(1);
  webhookIds: IdCounter = createIdCounter(1);

  /** bumped on every reset so that queued work from before a reset can tell it is stale */
  generation = 0;
  private versions: Record<SortKind, number> = { orders: 0, products: 0, customers: 0, coupons: 0 };
  private sortCache = new Map<string, { version: number; ids: number[] }>();
  private resetListeners: (() => void)[] = [];

  constructor(options: WooCommerceStoreOptions) {
    this.datasetOf = options.dataset;
    this.orderSearchMetaKeys = options.orderSearchMetaKeys ?? [];
    this.apiKeys = apiKeysFrom(options.credentials);
    if (options.taxSettings) this.taxSettings = { ...this.taxSettings, ...options.taxSettings };
    this.reset();
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  reset(): void {
    const pristine = pristineFor(this.datasetOf());
    this.generation += 1;
    this.orders = new Map();
    this.ordersByCustomer = new Map();
    this.ordersByProduct = new Map();
    this.orderSearchText = new Map();
    this.emailDomains = new Map();
    this.atOutsideEmail = new Set();
    this.products = new Map();
    this.variations = new Map();
    this.variationsByParent = new Map();
    this.skuIndex = new Map();
    this.customers = new Map();
    this.customerByEmail = new Map();
    this.coupons = new Map();
    this.couponByCode = new Map();
    this.webhooks = new Map();
    this.refundsByOrder = new Map();
    this.notesByOrder = new Map(pristine.notes.map(([orderId, list]) => [orderId, [...list]]));
    this.commentIds = createIdCounter(pristine.nextCommentId);
    this.sortCache = new Map();
    for (const kind of Object.keys(this.versions) as SortKind[]) this.versions[kind] += 1;
    for (const p of pristine.products) this.putProduct(p);
    for (const v of pristine.variations) this.putVariation(v);
    for (const c of pristine.customers) this.putCustomer(c);
    for (const c of pristine.coupons) this.putCoupon(c);
    for (const o of pristine.orders) this.putOrder(o);
    this.stockReduced = new Set(pristine.stockReduced);
    this.salesRecorded = new Set(pristine.stockReduced);
    this.couponsCounted = new Set(pristine.couponsCounted);
    this.recomputeCounters();
    this.webhookIds = createIdCounter(1);
    for (const listener of this.resetListeners) listener();
  }

  /** Next ids continue after everything stored, as MySQL auto-increment does. */
  private recomputeCounters(): void {
    let maxPost = 0;
    let maxItem = 0;
    let maxMeta = 0;
    const seeMeta = (list: readonly { id: number }[]) => {
      for (const m of list) if (m.id > maxMeta) maxMeta = m.id;
    };
    for (const p of this.products.values()) {
      maxPost = Math.max(maxPost, p.id);
      seeMeta(p.meta_data);
    }
    for (const v of this.variations.values()) {
      maxPost = Math.max(maxPost, v.id);
      seeMeta(v.meta_data);
    }
    for (const c of this.coupons.values()) maxPost = Math.max(maxPost, c.id);
    for (const o of this.orders.values()) {
      maxPost = Math.max(maxPost, o.id, ...o.refunds.map((r) => r.id));
      seeMeta(o.meta_data);
      for (const group of [o.line_items, o.shipping_lines, o.fee_lines, o.coupon_lines, o.tax_lines] as const) {
        for (const item of group) {
          maxItem = Math.max(maxItem, item.id);
          seeMeta(item.meta_data);
        }
      }
    }
    this.posts = createIdCounter(maxPost + 1);
    this.items = createIdCounter(maxItem + 1);
    this.meta = createIdCounter(maxMeta + 1);
  }

  // -------------------------------------------------------------------------
  // Writes (indexes kept in step)
  // -------------------------------------------------------------------------

  putOrder(order: WcOrder): void {
    const previous = this.orders.get(order.id);
    if (previous) this.unindexOrder(previous);
    this.orders.set(order.id, order);
    addToIndex(this.ordersByCustomer, order.customer_id, order.id);
    for (const line of order.line_items) addToIndex(this.ordersByProduct, line.product_id, order.id);
    const haystack = orderHaystack(order, this.orderSearchMetaKeys);
    this.orderSearchText.set(order.id, haystack);
    this.indexEmail(order, haystack, 1);
    this.versions.orders += 1;
  }

  deleteOrder(id: number): void {
    const previous = this.orders.get(id);
    if (!previous) return;
    this.unindexOrder(previous);
    this.orders.delete(id);
    this.stockReduced.delete(id);
    this.versions.orders += 1;
  }

  private unindexOrder(order: WcOrder): void {
    removeFromIndex(this.ordersByCustomer, order.customer_id, order.id);
    for (const line of order.line_items) removeFromIndex(this.ordersByProduct, line.product_id, order.id);
    this.indexEmail(order, this.orderSearchText.get(order.id) ?? '', -1);
    this.orderSearchText.delete(order.id);
  }

  private indexEmail(order: WcOrder, haystack: string, direction: 1 | -1): void {
    const email = order.billing.email.toLowerCase();
    const at = email.indexOf('@');
    const wellFormed = at > 0 && email.indexOf('@', at + 1) < 0;
    const atElsewhere = haystack.split('@').length - 1 !== (wellFormed ? 1 : 0);
    if (!wellFormed || atElsewhere) {
      if (direction === 1) this.atOutsideEmail.add(order.id);
      else this.atOutsideEmail.delete(order.id);
      if (!wellFormed) return;
    }
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    let entry = this.emailDomains.get(domain);
    if (!entry) {
      if (direction === -1) return;
      entry = { locals: new Map(), reversed: null };
      this.emailDomains.set(domain, entry);
    }
    if (direction === 1) {
      if (!entry.locals.has(local)) entry.reversed = null;
      addToIndex(entry.locals, local, order.id);
    } else {
      removeFromIndex(entry.locals, local, order.id);
      if (!entry.locals.has(local)) entry.reversed = null;
    }
  }

  /**
   * Orders whose search text contains `term`, for a term with an "@" and no whitespace: such a term can only match
   * inside the billing email (L@D contains l@d exactly when L ends with l and D starts with d), so the email index
   * answers it without a scan. Orders with an "@" anywhere else are checked one by one.
   */
  ordersMatchingEmailTerm(term: string): Set<number> {
    const found = new Set<number>();
    for (const id of this.atOutsideEmail) if ((this.orderSearchText.get(id) ?? '').includes(term)) found.add(id);
    const at = term.indexOf('@');
    if (at < 0 || term.indexOf('@', at + 1) >= 0) return found;
    const localSuffix = reverse(term.slice(0, at));
    const domainPrefix = term.slice(at + 1);
    for (const [domain, entry] of this.emailDomains) {
      if (!domain.startsWith(domainPrefix)) continue;
      if (localSuffix === '') {
        for (const ids of entry.locals.values()) for (const id of ids) found.add(id);
        continue;
      }
      entry.reversed ??= [...entry.locals.keys()].map(reverse).sort();
      for (let i = lowerBound(entry.reversed, localSuffix); i < entry.reversed.length && entry.reversed[i]!.startsWith(localSuffix); i += 1) {
        for (const id of entry.locals.get(reverse(entry.reversed[i]!)) ?? []) found.add(id);
      }
    }
    return found;
  }

  putProduct(product: WcProduct): void {
    const previous = this.products.get(product.id);
    if (previous && previous.sku !== '' && this.skuIndex.get(previous.sku.toLowerCase()) === previous.id) {
      this.skuIndex.delete(previous.sku.toLowerCase());
    }
    this.products.set(product.id, product);
    if (product.sku !== '') this.skuIndex.set(product.sku.toLowerCase(), product.id);
    this.versions.products += 1;
  }

  putVariation(variation: WcVariation): void {
    const previous = this.variations.get(variation.id);
    if (previous) {
      if (previous.sku !== '' && this.skuIndex.get(previous.sku.toLowerCase()) === previous.id) this.skuIndex.delete(previous.sku.toLowerCase());
      removeFromIndex(this.variationsByParent, previous.parent_id, previous.id);
    }
    this.variations.set(variation.id, variation);
    addToIndex(this.variationsByParent, variation.parent_id, variation.id);
    if (variation.sku !== '') this.skuIndex.set(variation.sku.toLowerCase(), variation.id);
  }

  putCustomer(customer: WcCustomer): void {
    const previous = this.customers.get(customer.id);
    if (previous && this.customerByEmail.get(previous.email.toLowerCase()) === previous.id) {
      this.customerByEmail.delete(previous.email.toLowerCase());
    }
    this.customers.set(customer.id, customer);
    this.customerByEmail.set(customer.email.toLowerCase(), customer.id);
    this.versions.customers += 1;
  }

  putCoupon(coupon: WcCoupon): void {
    const previous = this.coupons.get(coupon.id);
    if (previous && this.couponByCode.get(previous.code.toLowerCase()) === previous.id) this.couponByCode.delete(previous.code.toLowerCase());
    this.coupons.set(coupon.id, coupon);
    this.couponByCode.set(coupon.code.toLowerCase(), coupon.id);
    this.versions.coupons += 1;
  }

  // -------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------

  /** Product or variation id of a SKU (exact, case-insensitive), as wc_get_product_id_by_sku() finds it. */
  idBySku(sku: string): number | undefined {
    return this.skuIndex.get(sku.toLowerCase());
  }

  couponByCodeLookup(code: string): WcCoupon | undefined {
    const id = this.couponByCode.get(code.trim().toLowerCase());
    return id === undefined ? undefined : this.coupons.get(id);
  }

  /**
   * Ids of a collection sorted ascending by one ordering (ties by id), cached until the collection changes; list
   * endpoints filter this array instead of sorting per request.
   */
  sortedIds(kind: SortKind, key: string, compare: (a: number, b: number) => number): number[] {
    const cacheKey = `${kind}:${key}`;
    const cached = this.sortCache.get(cacheKey);
    if (cached && cached.version === this.versions[kind]) return cached.ids;
    const source: Map<number, unknown> =
      kind === 'orders' ? this.orders : kind === 'products' ? this.products : kind === 'customers' ? this.customers : this.coupons;
    const ids = [...source.keys()].sort((a, b) => compare(a, b) || a - b);
    this.sortCache.set(cacheKey, { version: this.versions[kind], ids });
    return ids;
  }

  // -------------------------------------------------------------------------
  // SimulatorStore
  // -------------------------------------------------------------------------

  loadRecords(payload: unknown): Record<string, number> {
    let records: NormalizedRecords;
    try {
      records = normalizeRecords(payload, this);
    } catch (error) {
      if (error instanceof RecordsError) throw error;
      throw new RecordsError(error instanceof Error ? error.message : String(error));
    }
    for (const p of records.products) this.putProduct(p);
    for (const v of records.variations) this.putVariation(v);
    for (const c of records.customers) this.putCustomer(c);
    for (const c of records.coupons) this.putCoupon(c);
    for (const o of records.orders) {
      // A loaded order is taken as already accounted for: loading it does not move stock, sales or coupon usage,
      // and a later status change only moves what WooCommerce would move from that state.
      if (STOCK_REDUCING_STATUSES.has(o.status)) this.stockReduced.add(o.id);
      else this.stockReduced.delete(o.id);
      this.salesRecorded.add(o.id);
      if (o.coupon_lines.length > 0 && o.status !== 'cancelled' && o.status !== 'failed') this.couponsCounted.add(o.id);
      else this.couponsCounted.delete(o.id);
      this.putOrder(o);
    }
    this.recomputeCounters();
    return {
      products: records.products.length + records.variations.length,
      customers: records.customers.length,
      orders: records.orders.length,
      coupons: records.coupons.length,
    };
  }

  describe(): Record<string, unknown> {
    const dataset = this.datasetOf();
    const [rw, ro] = this.apiKeys;
    let guestOrders = 0;
    for (const o of this.orders.values()) if (o.customer_id === 0) guestOrders += 1;
    return {
      api: {
        base: '/wp-json/wc/v3',
        auth: 'HTTP Basic consumer_key:consumer_secret, or ?consumer_key=…&consumer_secret=…',
      },
      credentials: {
        read_write: { consumer_key: rw?.consumerKey, consumer_secret: rw?.consumerSecret },
        read: { consumer_key: ro?.consumerKey, consumer_secret: ro?.consumerSecret },
      },
      counts: {
        products: this.products.size,
        variations: this.variations.size,
        customers: this.customers.size,
        orders: this.orders.size,
        guestOrders,
        coupons: this.coupons.size,
        webhooks: this.webhooks.size,
      },
      demoCustomers: dataset.demoCustomers.map((d) => {
        const byCustomer = d.eshopCustomerId === null ? 0 : (this.ordersByCustomer.get(d.eshopCustomerId)?.size ?? 0);
        return {
          key: d.key,
          description: d.description,
          customerId: d.eshopCustomerId,
          email: d.email,
          orders: byCustomer,
          lookup:
            d.eshopCustomerId !== null
              ? `GET /wp-json/wc/v3/orders?customer=${d.eshopCustomerId}`
              : d.email
                ? `GET /wp-json/wc/v3/orders?search=${d.email}`
                : null,
        };
      }),
    };
  }
}
