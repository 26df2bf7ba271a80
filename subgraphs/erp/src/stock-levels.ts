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

/** A stock reference's location and that location's position in the list it came from. */
interface PlacedLocation {
  location: ErpLocationModel;
  position: number;
}

/**
 * The location of each stock reference, built once per locations list: a request loads the list once (its DataLoader
 * memo hands every product the same array, and the memory cache every request) and maps the stock of each of its
 * products against it.
 */
const locationByRefOf = new WeakMap<readonly ErpLocationModel[], ReadonlyMap<string, PlacedLocation>>();

function locationsByRef(locations: readonly ErpLocationModel[]): ReadonlyMap<string, PlacedLocation> {
  let byRef = locationByRefOf.get(locations);
  if (byRef === undefined) {
    const built = new Map<string, PlacedLocation>();
    locations.forEach((location, position) => {
      for (const ref of location.stockRefs) built.set(ref, { location, position });
    });
    locationByRefOf.set(locations, built);
    byRef = built;
  }
  return byRef;
}

/**
 * Puts one SKU's stock rows on their locations and sums rows that land on the same location (a warehouse's quants
 * may be reported by warehouse or by stock location). Rows whose reference belongs to no known location (an internal
 * location outside every warehouse) are dropped: the graph can only name locations it knows. Result in the order of
 * `locations` (sorted by position: a SKU has a few rows, the list has every warehouse and store, so the list is not
 * walked per SKU); restricted to `locationCodes` when given.
 */
export function mapStockRowsToStockLevels(
  rows: readonly ErpStockRowModel[],
  locations: readonly ErpLocationModel[],
  locationCodes?: readonly string[] | null,
): StockLevelModel[] {
  const wanted = locationCodes ? new Set(locationCodes) : null;
  const locationByRef = locationsByRef(locations);
  const levels = new Map<string, StockLevelModel>();
  const placedLevels: { position: number; level: StockLevelModel }[] = [];
  for (const row of rows) {
    const placed = locationByRef.get(row.stockRef);
    if (!placed || (wanted && !wanted.has(placed.location.code))) continue;
    const { location, position } = placed;
    const level = levels.get(location.code);
    if (!level) {
      const created = { location, onHand: row.onHand, reserved: row.reserved, available: row.available, asOf: row.asOf };
      levels.set(location.code, created);
      placedLevels.push({ position, level: created });
      continue;
    }
    level.onHand = roundQuantity(level.onHand + row.onHand);
    level.reserved = roundQuantity(level.reserved + row.reserved);
    level.available = roundQuantity(level.available + row.available);
    // ISO strings of the same format sort chronologically
    if (row.asOf > level.asOf) level.asOf = row.asOf;
  }
  if (placedLevels.length > 1) placedLevels.sort((a, b) => a.position - b.position);
  return placedLevels.map((p) => p.level);
}
