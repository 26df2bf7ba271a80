import { describe, expect, it } from 'vitest';
import type { ErpLocationModel, ErpStockRowModel } from './upstream/erp-client.ts';
import { mapStockRowsToStockLevels } from './stock-levels.ts';

const location = (code: string, refs: string[]): ErpLocationModel => ({
  code,
  name: code,
  kind: 'STORE',
  address: { street: '', city: '', postalCode: '', countryCode: 'PL' },
  coordinates: { latitude: 0, longitude: 0 },
  phone: null,
  openingHours: null,
  stockRefs: refs,
});
const row = (stockRef: string, onHand: number, reserved: number, asOf: string): ErpStockRowModel => ({
  sku: 'A',
  stockRef,
  onHand,
  reserved,
  available: onHand - reserved,
  asOf,
});

describe('mapStockRowsToStockLevels', () => {
  const cen = location('CEN', ['wh:1', 'loc:12']);
  const waw = location('WAW1', ['wh:2', 'loc:22']);

  it('puts rows on locations in location order, merging refs of the same location, dropping unknown refs', () => {
    const levels = mapStockRowsToStockLevels(
      [
        row('wh:2', 3, 0, '2026-01-01T00:00:00Z'),
        row('wh:1', 10, 2, '2026-01-01T00:00:00Z'),
        row('loc:12', 1, 0, '2026-02-01T00:00:00Z'),
        row('wh:9', 5, 0, 'x'),
      ],
      [cen, waw],
    );
    expect(levels).toEqual([
      { location: cen, onHand: 11, reserved: 2, available: 9, asOf: '2026-02-01T00:00:00Z' },
      { location: waw, onHand: 3, reserved: 0, available: 3, asOf: '2026-01-01T00:00:00Z' },
    ]);
  });

  it('restricts to the given location codes', () => {
    const levels = mapStockRowsToStockLevels([row('wh:2', 3, 0, 't'), row('wh:1', 10, 2, 't')], [cen, waw], ['WAW1']);
    expect(levels.map((l) => l.location.code)).toEqual(['WAW1']);
    expect(mapStockRowsToStockLevels([row('wh:2', 3, 0, 't')], [cen, waw], [])).toEqual([]);
  });

  it('maps rows and locations as the memory cache hands them out (deep-frozen), into levels of its own', () => {
    const frozen = <T>(value: T): T =>
      JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'object' && v !== null ? Object.freeze(v) : v)) as T;
    const locations = frozen([cen, waw]);
    const rows = frozen([row('wh:2', 3, 0, 't'), row('loc:22', 1, 0, 'u'), row('wh:1', 10, 2, 't')]);
    const levels = mapStockRowsToStockLevels(rows, locations);
    expect(levels).toEqual([
      { location: cen, onHand: 10, reserved: 2, available: 8, asOf: 't' },
      { location: waw, onHand: 4, reserved: 0, available: 4, asOf: 'u' },
    ]);
    expect(levels[0]!.location).toBe(locations[0]);
  });

  it('maps each locations list by its own references, also when several lists are in use', () => {
    // two requests' lists: the same code moved to another stock reference between them
    const before = [location('CEN', ['wh:1'])];
    const after = [location('CEN', ['wh:7'])];
    for (let i = 0; i < 2; i++) {
      expect(mapStockRowsToStockLevels([row('wh:1', 4, 0, 't')], before).map((l) => l.onHand)).toEqual([4]);
      expect(mapStockRowsToStockLevels([row('wh:1', 4, 0, 't')], after)).toEqual([]);
      expect(mapStockRowsToStockLevels([row('wh:7', 2, 0, 't')], after).map((l) => l.onHand)).toEqual([2]);
    }
  });
});
