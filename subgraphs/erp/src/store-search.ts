import type { ErpLocationModel } from './upstream/erp-client.ts';
import type { StockLevelModel } from './stock-levels.ts';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6_371.0088;

/** Great-circle distance by the haversine formula, in km. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRad = (deg: number): number => (deg * Math.PI) / 180;
  const dLat = toRad(b.latitude - a.latitude);
  const dLon = toRad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * City names compared case- and diacritics-insensitively, so "Lodz" finds "Łódź". NFD splits "ó" into "o" + a
 * combining mark, but Polish "ł" has no decomposition and needs its own rule.
 */
export function normalizeCityName(city: string): string {
  return city.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface StoreAvailabilityModel {
  store: ErpLocationModel;
  distanceKm: number | null;
  items: { sku: string; available: number; asOf: string; source: 'ERP' }[];
  allAvailable: boolean;
}

export interface FindStoresWithStockArgs {
  skus: readonly string[];
  stores: readonly ErpLocationModel[];
  /** stock levels per SKU, in the order of `skus` */
  stockBySku: readonly (readonly StockLevelModel[])[];
  near: { latitude: number; longitude: number } | null;
  city: string | null;
  first: number;
}

/**
 * A store holding none of a SKU has no quant to date its 0. Odoo deletes emptied quants, so the best honest date is
 * the SKU's latest stock change anywhere (never newer than the read); with no stock at all, the epoch.
 */
function latestAsOf(levels: readonly StockLevelModel[]): string {
  // ISO strings of the same format sort chronologically
  return levels.reduce((latest, level) => (level.asOf > latest ? level.asOf : latest), EPOCH_ISO);
}

const EPOCH_ISO = '1970-01-01T00:00:00Z';

/**
 * Click-and-collect search over already loaded data: stores in `city` (or all, ranked by distance from `near`) that
 * have at least one of the SKUs available, with each SKU's available quantity (0 when the store has none; a negative
 * ERP figure, i.e. over-reservation, also shows as 0). Nearest first; by city, alphabetically by store name.
 */
export function findStoresWithStock(args: FindStoresWithStockArgs): StoreAvailabilityModel[] {
  const cityKey = args.city === null ? null : normalizeCityName(args.city);
  const results: StoreAvailabilityModel[] = [];
  for (const store of args.stores) {
    if (cityKey !== null && normalizeCityName(store.address.city) !== cityKey) continue;
    const items = args.skus.map((sku, i) => {
      const levels = args.stockBySku[i] ?? [];
      const level = levels.find((l) => l.location.code === store.code);
      return { sku, available: Math.max(0, level?.available ?? 0), asOf: level?.asOf ?? latestAsOf(levels), source: 'ERP' as const };
    });
    if (!items.some((item) => item.available > 0)) continue;
    results.push({
      store,
      distanceKm: args.near === null ? null : Math.round(haversineKm(args.near, store.coordinates) * 100) / 100,
      items,
      allAvailable: items.every((item) => item.available > 0),
    });
  }
  results.sort((a, b) =>
    a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm
      ? a.distanceKm - b.distanceKm
      : a.store.name.localeCompare(b.store.name, 'pl') || a.store.code.localeCompare(b.store.code),
  );
  return results.slice(0, args.first);
}
