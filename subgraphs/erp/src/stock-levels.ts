import type { ErpLocationModel, ErpStockRowModel } from './upstream/erp-client.ts';

/** A `StockLevel` parent: stock of one SKU at one location. */
export interface StockLevelModel {
  location: ErpLocationModel;
  onHand: number;
  reserved: number;
  available: number;
  asOf: string;
}

function roundQuantity(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/**
 * The location of each stock reference, built once per locations list: a request loads the list once (its DataLoader
 * memo hands every product the same array) and maps the stock of each of its products against it.
 */
const locationByRefOf = new WeakMap<readonly ErpLocationModel[], ReadonlyMap<string, ErpLocationModel>>();

function locationsByRef(locations: readonly ErpLocationModel[]): ReadonlyMap<string, ErpLocationModel> {
  let byRef = locationByRefOf.get(locations);
  if (byRef === undefined) {
    const built = new Map<string, ErpLocationModel>();
    for (const location of locations) for (const ref of location.stockRefs) built.set(ref, location);
    locationByRefOf.set(locations, built);
    byRef = built;
  }
  return byRef;
}

/**
 * Puts one SKU's stock rows on their locations and sums rows that land on the same location (a warehouse's quants
 * may be reported by warehouse or by stock location). Rows whose reference belongs to no known location (an internal
 * location outside every warehouse) are dropped: the graph can only name locations it knows. Result in the order of
 * `locations`; restricted to `locationCodes` when given.
 */
export function mapStockRowsToStockLevels(
  rows: readonly ErpStockRowModel[],
  locations: readonly ErpLocationModel[],
  locationCodes?: readonly string[] | null,
): StockLevelModel[] {
  const wanted = locationCodes ? new Set(locationCodes) : null;
  const locationByRef = locationsByRef(locations);
  const levels = new Map<string, StockLevelModel>();
  for (const row of rows) {
    const location = locationByRef.get(row.stockRef);
    if (!location || (wanted && !wanted.has(location.code))) continue;
    const level = levels.get(location.code);
    if (!level) {
      levels.set(location.code, { location, onHand: row.onHand, reserved: row.reserved, available: row.available, asOf: row.asOf });
      continue;
    }
    level.onHand = roundQuantity(level.onHand + row.onHand);
    level.reserved = roundQuantity(level.reserved + row.reserved);
    level.available = roundQuantity(level.available + row.available);
    // ISO strings of the same format sort chronologically
    if (row.asOf > level.asOf) level.asOf = row.asOf;
  }
  return locations.flatMap((location) => {
    const level = levels.get(location.code);
    return level ? [level] : [];
  });
}
