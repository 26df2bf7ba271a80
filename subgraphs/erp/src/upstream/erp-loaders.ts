import DataLoader from 'dataloader';
import { createCachedLoader, type Cache, type CachePolicy, type SingleFlight } from '@omnigraph/shared/cache';
import type { ErpCategoryModel, ErpClient, ErpLocationModel, ErpPartnerPricingModel, ErpProductModel, ErpStockRowModel } from './erp-client.ts';
import { erpCacheKeys } from './erp-cache-keys.ts';

/**
 * SKUs per batch: the Odoo adapter's `default_code in [...]` limit, so one DataLoader batch is one upstream call.
 * (The adapter also chunks, so a larger batch would still work, just as several calls.)
 */
export const ERP_MAX_BATCH_SIZE = 200;

/** Stores and warehouses rarely change (opening a store is an event), so they are cached much longer than products. */
export const DEFAULT_LOCATIONS_TTL_SECONDS = 3_600;

/**
 * The stock micro-cache's default (ERP_STOCK_CACHE_TTL_SECONDS): long enough that a burst of catalogue queries costs
 * one `stock.quant` read, short enough that a move the change feed misses is late by seconds only.
 */
export const DEFAULT_STOCK_CACHE_TTL_SECONDS = 5;

/**
 * How the ERP's data is cached, per kind (see DEFAULT_MAX_STALE_SECONDS in @omnigraph/shared/cache for the max ages).
 * Stock is served from a micro-cache (a few seconds, dropped by the `stock.quant` change feed); a read in a
 * freshReads scope (a write deciding on availability) always asks Odoo, and the rows' `asOf` stays the time Odoo
 * reported, so a cached figure never looks fresher than it is.
 */
export interface ErpCachePolicies {
  product: CachePolicy;
  stock: CachePolicy;
  locations: CachePolicy;
}

export interface ErpLoaders {
  /** product by SKU; null when the ERP has no product with that SKU */
  productBySku: DataLoader<string, ErpProductModel | null, string>;
  /** stock rows of a SKU (one per ERP stock reference); [] when it has none (never null: the type is the loader's) */
  stockBySku: DataLoader<string, ErpStockRowModel[] | null, string>;
  /** location by warehouse code; null when unknown */
  locationByCode: DataLoader<string, ErpLocationModel | null>;
  /** every store and warehouse, loaded at most once per request */
  allLocations(): Promise<ErpLocationModel[]>;
  /** a partner's pricelist rules by partner id; null when the ERP has no such partner */
  partnerPricing: DataLoader<string, ErpPartnerPricingModel | null, string>;
  /** every product category, loaded at most once per request and cached like the catalogue */
  allCategories(): Promise<ErpCategoryModel[]>;
}

export interface CreateErpLoadersOptions {
  client: ErpClient;
  /** cross-request cache of mapped models (memory or Redis), under ERP_CACHE_KEY_PREFIX */
  cache: Cache;
  policies: ErpCachePolicies;
  /** process-wide in-flight reads, so concurrent requests missing the same SKU cost one Odoo call */
  singleFlight?: SingleFlight | undefined;
  /** receives failures of a Cache implementation that throws (the shared caches report their own) */
  onCacheError?: ((error: unknown) => void) | undefined;
  /** @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * New DataLoaders for one request (a module-level loader would leak one request's memo into the next), all on the
 * shared cached loader: fresh entries answer without a call, misses are batched, and while Odoo fails the last good
 * value is served up to its max age, flagged STALE.
 */
export function createErpLoaders(options: CreateErpLoadersOptions): ErpLoaders {
  const { client, cache, policies } = options;
  const common = {
    source: 'erp' as const,
    cache,
    ...(options.singleFlight === undefined ? {} : { singleFlight: options.singleFlight }),
    ...(options.onCacheError === undefined ? {} : { onCacheError: options.onCacheError }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };

  const productBySku = createCachedLoader<string, ErpProductModel>({
    ...common,
    name: 'productBySku',
    policy: policies.product,
    cacheKey: erpCacheKeys.productBySku,
    maxBatchSize: ERP_MAX_BATCH_SIZE,
    async fetch(skus) {
      const bySku = new Map((await client.getProductsBySkus({ skus })).map((product) => [product.sku, product]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    },
  });

  const stockBySku = createCachedLoader<string, ErpStockRowModel[]>({
    ...common,
    name: 'stockBySku',
    policy: policies.stock,
    cacheKey: erpCacheKeys.stockBySku,
    maxBatchSize: ERP_MAX_BATCH_SIZE,
    async fetch(skus) {
      const bySku = new Map<string, ErpStockRowModel[]>(skus.map((sku) => [sku, []]));
      for (const row of await client.getStockBySkus({ skus })) bySku.get(row.sku)?.push(row);
      return skus.map((sku) => bySku.get(sku) ?? []);
    },
  });

  // One key: the whole list is one Odoo read, and every location lookup of the request is answered from it.
  const locations = createCachedLoader<'all', ErpLocationModel[]>({
    ...common,
    name: 'listLocations',
    policy: policies.locations,
    cacheKey: erpCacheKeys.locations,
    fetch: async () => [await client.listLocations()],
  });
  const allLocations = async (): Promise<ErpLocationModel[]> => (await locations.load('all')) ?? [];

  const locationByCode = new DataLoader<string, ErpLocationModel | null>(async (codes) => {
    const byCode = new Map((await allLocations()).map((location) => [location.code, location]));
    return codes.map((code) => byCode.get(code) ?? null);
  });

  // Keyed by partner: every product of the request asking for the same partner's price shares one read of its rules.
  const partnerPricing = createCachedLoader<string, ErpPartnerPricingModel>({
    ...common,
    name: 'partnerPricing',
    policy: policies.product,
    cacheKey: erpCacheKeys.partnerPricing,
    maxBatchSize: ERP_MAX_BATCH_SIZE,
    async fetch(partnerIds) {
      const byId = new Map((await client.getPartnerPricing({ partnerIds: partnerIds.map(Number) })).map((p) => [String(p.partnerId), p]));
      return partnerIds.map((id) => byId.get(id) ?? null);
    },
  });

  // One key, like the locations: the tree is one Odoo read, and every Category / Product.category of the request uses it.
  const categories = createCachedLoader<'all', ErpCategoryModel[]>({
    ...common,
    name: 'listCategories',
    policy: policies.product,
    cacheKey: erpCacheKeys.categories,
    fetch: async () => [await client.listCategories()],
  });
  const allCategories = async (): Promise<ErpCategoryModel[]> => (await categories.load('all')) ?? [];

  return { productBySku, stockBySku, locationByCode, allLocations, partnerPricing, allCategories };
}
