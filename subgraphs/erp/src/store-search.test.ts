import { describe, expect, it } from 'vitest';
import type { ErpLocationModel } from './upstream/erp-client.ts';
import { findStoresWithStock, haversineKm, normalizeCityName } from './store-search.ts';

const store = (code: string, city: string, latitude: number, longitude: number): ErpLocationModel => ({
  code,
  name: `Sklep ${code}`,
  kind: 'STORE',
  address: { street: 'x', city, postalCode: '00-000', countryCode: 'PL' },
  coordinates: { latitude, longitude },
  phone: null,
  openingHours: null,
  stockRefs: [code],
});

describe('store search', () => {
  it('measures great-circle distances', () => {
    // Warszawa centre → Kraków centre ≈ 252 km
    expect(haversineKm({ latitude: 52.2297, longitude: 21.0122 }, { latitude: 50.0647, longitude: 19.945 })).toBeCloseTo(252, 0);
  });

  it('compares city names case- and diacritics-insensitively', () => {
    expect(normalizeCityName('Łódź')).toBe(normalizeCityName('lodz'));
    expect(normalizeCityName('  Gdańsk ')).toBe('gdansk');
    expect(normalizeCityName('Kraków')).not.toBe(normalizeCityName('Krakow Wschód'));
  });

  const waw = store('WAW1', 'Warszawa', 52.2572, 20.9845);
  const krk = store('KRK1', 'Kraków', 50.0677, 19.9475);
  const lod = store('LOD1', 'Łódź', 51.7797, 19.4474);
  const T1 = '2026-05-01T08:00:00Z';
  const T2 = '2026-05-02T09:00:00Z';
  const level = (location: ErpLocationModel, available: number, asOf = T1) => ({ location, onHand: available, reserved: 0, available, asOf });

  it('lists stores with at least one SKU, nearest first, with per-SKU quantities', () => {
    const result = findStoresWithStock({
      skus: ['A', 'B'],
      stores: [waw, krk, lod],
      stockBySku: [
        [level(waw, 2), level(krk, 1), level(lod, 0)],
        [level(krk, 3, T2), level(lod, -1)],
      ],
      near: { latitude: 50.06, longitude: 19.94 },
      city: null,
      first: 5,
    });
    expect(result.map((r) => [r.store.code, r.allAvailable, r.items])).toEqual([
      [
        'KRK1',
        true,
        [
          { sku: 'A', available: 1, asOf: T1, source: 'ERP' },
          { sku: 'B', available: 3, asOf: T2, source: 'ERP' },
        ],
      ],
      [
        'WAW1',
        false,
        [
          { sku: 'A', available: 2, asOf: T1, source: 'ERP' },
          // WAW1 holds no B: dated by B's latest change at any store, never by the request
          { sku: 'B', available: 0, asOf: T2, source: 'ERP' },
        ],
      ],
    ]);
    expect(result[0]?.distanceKm).toBeLessThan(2);
  });

  it('filters by city without distances and honours first', () => {
    const result = findStoresWithStock({
      skus: ['A'],
      stores: [waw, krk, lod],
      stockBySku: [[level(waw, 2), level(krk, 1), level(lod, 4)]],
      near: null,
      city: 'LODZ',
      first: 5,
    });
    expect(result).toEqual([{ store: lod, distanceKm: null, items: [{ sku: 'A', available: 4, asOf: T1, source: 'ERP' }], allAvailable: true }]);
    const firstOne = findStoresWithStock({
      skus: ['A'],
      stores: [waw, krk, lod],
      stockBySku: [[level(waw, 2), level(krk, 1), level(lod, 4)]],
      near: { latitude: 52.23, longitude: 21.01 },
      city: null,
      first: 1,
    });
    expect(firstOne.map((r) => r.store.code)).toEqual(['WAW1']);
  });

  it('dates a SKU with no stock at any store at the epoch, never at the time of the request', () => {
    const [only] = findStoresWithStock({
      skus: ['A', 'B'],
      stores: [waw],
      stockBySku: [[level(waw, 1)], []],
      near: null,
      city: 'Warszawa',
      first: 5,
    });
    expect(only?.items[1]).toEqual({ sku: 'B', available: 0, asOf: '1970-01-01T00:00:00Z', source: 'ERP' });
  });
});
