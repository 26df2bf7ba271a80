import DataLoader from 'dataloader';
import type { Cache } from '@omnigraph/shared/cache';
import type { ErpClient, ErpLocationModel, ErpProductModel, ErpStockRowModel } from './erp-client.ts';

/**
 * SKUs per batch: the Odoo adapter's `default_code in [...]` limit, so one DataLoader batch is one upstream call.
 * (The adapter also chunks, so a larger batch would still work, just as several calls.)
 */
export const ERP_MAX_BATCH_SIZE = 200;

/**
 * Cache keys, under the prefix given to the cache (`ERP_CACHE_KEY_PREFIX`, i.e. `erp:v1:` → `erp:v1:product:SKU-1`).
 * Bump the version there when a cached model's shape changes, so old entries are never read as the new shape.
 */
export const ERP_CACHE_KEY_PREFIX = 'erp:v1:';
const productKey = (sku: string): string => `product:${sku}`;
const LOCATIONS_KEY = 'locations';

/** Stores and warehouses rarely change (opening a store is an event), so they are cached much longer than products. */
export const DEFAULT_LOCATIONS_TTL_SECONDS = 3_600;

export interface ErpLoaders {
  /** product by SKU; null when the ERP has no product with that SKU */
  productBySku: DataLoader<string, ErpProductModel | null>;
  /**
   * stock rows of a SKU (one per ERP stock reference). Never cached across requests: availability for
   * click-and-collect must be as fresh as the ERP.
   */
  stockBySku: DataLoader<string, ErpStockRowModel[]>;
  /** location by warehouse code; null when unknown */
  locationByCode: DataLoader<string, ErpLocationModel | null>;
  /** every store and warehouse, loaded at most once per request */
  allLocations(): Promise<ErpLocationModel[]>;
}

/** What the loaders need to log; the shared logger satisfies it. */
export interface ErpLoadersLogger {
  warn(obj: object, msg?: string): void;
}

export interface CreateErpLoadersOptions {
  client: ErpClient;
  /** cross-request cache of mapped models (memory or Redis) */
  cache: Cache;
  /** TTL of cached products; 0 disables product caching. */
  productTtlSeconds: number;
  /** TTL of the cached location list; 0 disables it. @default 3600 */
  locationsTtlSeconds?: number;
  logger?: ErpLoadersLogger;
}

/**
 * New DataLoaders for one request (a module-level loader would leak one request's memo into the next). Batch
 * functions return one result per key, in key order. Cache reads and writes are best effort: a cache outage logs and
 * falls through to the ERP, so it makes the subgraph slower, never broken (the shared caches already swallow their
 * failures; the guards here also cover any other `Cache` implementation).
 */
export function createErpLoaders(options: CreateErpLoadersOptions): ErpLoaders {
  const { client, cache, logger } = options;
  const locationsTtl = options.locationsTtlSeconds ?? DEFAULT_LOCATIONS_TTL_SECONDS;

  async function cacheGet<T>(key: string, ttlSeconds: number): Promise<T | undefined> {
    if (ttlSeconds <= 0) return undefined;
    try {
      return (await cache.get<T>(key)) ?? undefined;
    } catch (error) {
      logger?.warn({ err: error, key }, 'erp cache read failed; falling back to the ERP');
      return undefined;
    }
  }

  async function cacheGetMany<T>(keys: readonly string[], ttlSeconds: number): Promise<(T | undefined)[]> {
    if (ttlSeconds <= 0) return keys.map(() => undefined);
    try {
      return (await cache.getMany<T>(keys)).map((value) => value ?? undefined);
    } catch (error) {
      logger?.warn({ err: error }, 'erp cache read failed; falling back to the ERP');
      return keys.map(() => undefined);
    }
  }

  async function cacheSet(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    try {
      await cache.set(key, value, ttlSeconds);
    } catch (error) {
      logger?.warn({ err: error, key }, 'erp cache write failed');
    }
  }

  const productBySku = new DataLoader<string, ErpProductModel | null>(
    async (skus) => {
      const cached = await cacheGetMany<ErpProductModel>(skus.map(productKey), options.productTtlSeconds);
      const misses = skus.filter((_, i) => cached[i] === undefined);
      const fetched = new Map<string, ErpProductModel>();
      if (misses.length > 0) {
        for (const product of await client.getProductsBySkus({ skus: misses })) fetched.set(product.sku, product);
        await Promise.all(
          [...fetched.values()].map((product) => cacheSet(productKey(product.sku), product, options.productTtlSeconds)),
        );
      }
      return skus.map((sku, i) => cached[i] ?? fetched.get(sku) ?? null);
    },
    { maxBatchSize: ERP_MAX_BATCH_SIZE },
  );

  const stockBySku = new DataLoader<string, ErpStockRowModel[]>(
    async (skus) => {
      const rows = await client.getStockBySkus({ skus });
      const bySku = new Map<string, ErpStockRowModel[]>();
      for (const row of rows) {
        const list = bySku.get(row.sku);
        if (list) list.push(row);
        else bySku.set(row.sku, [row]);
      }
      return skus.map((sku) => bySku.get(sku) ?? []);
    },
    { maxBatchSize: ERP_MAX_BATCH_SIZE },
  );

  let locationsPromise: Promise<ErpLocationModel[]> | undefined;
  function allLocations(): Promise<ErpLocationModel[]> {
    locationsPromise ??= (async () => {
      const cached = await cacheGet<ErpLocationModel[]>(LOCATIONS_KEY, locationsTtl);
      if (cached) return cached;
      const locations = await client.listLocations();
      await cacheSet(LOCATIONS_KEY, locations, locationsTtl);
      return locations;
    })();
    // a failure is this request's error, not a memo for the rest of it
    locationsPromise.catch(() => {
      locationsPromise = undefined;
    });
    return locationsPromise;
  }

  const locationByCode = new DataLoader<string, ErpLocationModel | null>(async (codes) => {
    const locations = await allLocations();
    const byCode = new Map(locations.map((location) => [location.code, location]));
    return codes.map((code) => byCode.get(code) ?? null);
  });

  return { productBySku, stockBySku, locationByCode, allLocations };
}
