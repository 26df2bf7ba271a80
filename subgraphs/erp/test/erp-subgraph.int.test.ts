import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, readWireProducts, startOdoo, type WireProduct } from './odoo-test-support.ts';

let sim: OdooSimulator;
let baseUrl: string;
let client: ErpClient;
let server: ApolloServer<ErpContext>;
let wire: WireProduct[];

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  server = createErpServer();
  await server.start();
  wire = await readWireProducts(sim, baseUrl, 60);
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetCounters();
});

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Runs an operation with a fresh context (new loaders), by default with a fresh cache and the shared client. */
async function execute(
  query: string,
  variables: Record<string, unknown> = {},
  context: Partial<Parameters<typeof createErpContext>[0]> = {},
): Promise<Result> {
  const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60, ...context });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const PRODUCTS_WITH_STOCK = /* GraphQL */ `
  query ($skus: [ID!]!) {
    products(skus: $skus) {
      sku
      name
      listPrice {
        gross {
          amount
        }
      }
      stock {
        available
        location {
          name
        }
      }
    }
  }
`;

/** Gross from the wire's float price, the way a person would check it: round(net × (1 + VAT)) in grosze, half up. */
function expectedGross({ lst_price: price, vatPercent }: WireProduct): string {
  const net = Math.round(price * 100);
  const gross = Math.floor((net * (100 + vatPercent) + 50) / 100);
  return `${Math.trunc(gross / 100)}.${String(gross % 100).padStart(2, '0')}`;
}

describe('erp subgraph', () => {
  it('resolves 60 products with prices and stock in a constant number of upstream calls', async () => {
    const skus = wire.map((p) => p.default_code);
    expect(skus).toHaveLength(60);
    // the process-wide reference reads (VAT rates, currency rounding: kept for an hour) happen once per process
    await execute(PRODUCTS_WITH_STOCK, { skus });
    sim.control.resetCounters();

    const small = await execute(PRODUCTS_WITH_STOCK, { skus: skus.slice(0, 2) });
    expect(small.errors).toBeUndefined();
    const callsForTwo = odooCalls(sim);
    sim.control.resetCounters();

    const large = await execute(PRODUCTS_WITH_STOCK, { skus });
    expect(large.errors).toBeUndefined();
    const callsForSixty = odooCalls(sim);

    expect(callsForSixty).toEqual(callsForTwo);
    expect(callsForSixty['product.product.search_read']).toBe(1);
    expect(callsForSixty['stock.quant.search_read']).toBe(1);
    expect(callsForSixty['account.tax.read'] ?? 0).toBeLessThanOrEqual(1);
    const warehouseLoading =
      (callsForSixty['stock.warehouse.search_read'] ?? 0) + (callsForSixty['res.partner.read'] ?? 0) + (callsForSixty['res.country.read'] ?? 0);
    expect(warehouseLoading).toBeLessThanOrEqual(3);

    const products = large.data!['products'] as { sku: string; listPrice: { gross: { amount: string } }; stock: unknown[] }[];
    expect(products.map((p) => p.sku)).toEqual(skus);
    for (const [i, product] of products.entries()) {
      expect(product.listPrice.gross.amount).toBe(expectedGross(wire[i]!));
    }
    expect(products.some((p) => p.stock.length > 0)).toBe(true);
  });

  it('keeps positions and returns null for unknown SKUs; product(sku) is null when unknown', async () => {
    const sku = wire[3]!.default_code;
    const result = await execute(
      /* GraphQL */ `
        query ($skus: [ID!]!, $unknown: ID!) {
          products(skus: $skus) {
            sku
          }
          product(sku: $unknown) {
            sku
          }
        }
      `,
      { skus: ['NOPE-1', sku, 'NOPE-2'], unknown: 'NOPE-3' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ products: [null, { sku }, null], product: null });
  });

  it('maps a product with its list price and per-location stock, restricted to locationCodes', async () => {
    const product = wire[0]!;
    const result = await execute(
      /* GraphQL */ `
        query ($sku: ID!) {
          product(sku: $sku) {
            sku
            ean
            active
            listPrice {
              net {
                amount
                currency
              }
              gross {
                amount
                currency
              }
              vatRate
            }
            all: stock {
              location {
                code
                kind
              }
              onHand
              reserved
              available
              asOf
            }
            some: stock(locationCodes: ["CEN"]) {
              location {
                code
              }
            }
          }
        }
      `,
      { sku: product.default_code },
    );
    expect(result.errors).toBeUndefined();
    const p = result.data!['product'] as {
      listPrice: unknown;
      all: { location: { code: string }; onHand: number; reserved: number; available: number; asOf: string }[];
      some: { location: { code: string } }[];
    };
    expect(p.listPrice).toEqual({
      net: { amount: (Math.round(product.lst_price * 100) / 100).toFixed(2), currency: 'PLN' },
      gross: { amount: expectedGross(product), currency: 'PLN' },
      vatRate: String(product.vatPercent),
    });
    for (const level of p.all) {
      expect(level.available).toBeCloseTo(level.onHand - level.reserved, 6);
      expect(level.asOf).toMatch(/Z$/);
    }
    expect(p.some.every((l) => l.location.code === 'CEN')).toBe(true);
  });

  it('lists locations, filtered by kind', async () => {
    const result = await execute(/* GraphQL */ `
      {
        all: locations {
          code
          kind
        }
        stores: locations(kind: STORE) {
          code
          kind
          address {
            city
            countryCode
          }
          coordinates {
            latitude
            longitude
          }
          openingHours
        }
        warehouses: locations(kind: WAREHOUSE) {
          code
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    const data = result.data as { all: { code: string }[]; stores: { kind: string; openingHours: string | null }[]; warehouses: { code: string }[] };
    expect(data.warehouses).toEqual([{ code: 'CEN' }]);
    expect(data.stores.length).toBe(data.all.length - 1);
    expect(data.stores.every((s) => s.kind === 'STORE' && s.openingHours !== null)).toBe(true);
    // three queries, one location load
    expect(odooCalls(sim)['stock.warehouse.search_read']).toBe(1);
  });

  describe('storesWithStock', () => {
    const QUERY = /* GraphQL */ `
      query ($skus: [ID!]!, $near: GeoPointInput, $city: String, $first: Int) {
        storesWithStock(skus: $skus, near: $near, city: $city, first: $first) {
          store {
            code
            kind
            address {
              city
            }
          }
          distanceKm
          items {
            sku
            available
            asOf
            source
          }
          allAvailable
        }
      }
    `;
    type Row = {
      store: { code: string; kind: string; address: { city: string } };
      distanceKm: number | null;
      items: { sku: string; available: number; asOf: string; source: string }[];
      allAvailable: boolean;
    };

    it('finds stores by city, ignoring case and diacritics ("Lodz" finds "Łódź")', async () => {
      const skus = wire.slice(0, 20).map((p) => p.default_code);
      const result = await execute(QUERY, { skus, city: 'lodz' });
      expect(result.errors).toBeUndefined();
      const rows = result.data!['storesWithStock'] as Row[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.store.address.city).toBe('Łódź');
        expect(row.distanceKm).toBeNull();
        expect(row.items.map((i) => i.sku)).toEqual(skus);
        expect(row.items.some((i) => i.available > 0)).toBe(true);
        expect(row.allAvailable).toBe(row.items.every((i) => i.available > 0));
        for (const item of row.items) {
          expect(item.source).toBe('ERP');
          // an Odoo write_date (whole seconds, UTC), never later than the answer
          expect(item.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          expect(Date.parse(item.asOf)).toBeLessThanOrEqual(Date.now());
        }
      }
    });

    it('ranks stores by distance from near, stores only, at most `first`', async () => {
      const skus = wire.slice(0, 20).map((p) => p.default_code);
      // Warsaw centre
      const result = await execute(QUERY, { skus, near: { latitude: 52.2297, longitude: 21.0122 }, first: 3 });
      expect(result.errors).toBeUndefined();
      const rows = result.data!['storesWithStock'] as Row[];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.store.kind === 'STORE')).toBe(true);
      const distances = rows.map((r) => r.distanceKm!);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(rows[0]!.store.address.city).toBe('Warszawa');
      expect(odooCalls(sim)['stock.quant.search_read']).toBe(1);
    });

    it.each([
      ['neither near nor city', { skus: ['A'] }],
      ['both near and city', { skus: ['A'], city: 'Łódź', near: { latitude: 52, longitude: 21 } }],
      ['empty skus', { skus: [], city: 'Łódź' }],
      ['first below 1', { skus: ['A'], city: 'Łódź', first: 0 }],
      ['latitude out of range', { skus: ['A'], near: { latitude: 91, longitude: 21 } }],
      ['blank city', { skus: ['A'], city: '  ' }],
    ])('answers BAD_USER_INPUT for %s, without calling the ERP', async (_name, variables) => {
      const result = await execute(QUERY, variables);
      expect(result.data).toEqual({ storesWithStock: null });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(sim.control.counters().total).toBe(0);
    });
  });

  describe('_entities', () => {
    it('resolves Product references by sku, null for unknown', async () => {
      const sku = wire[5]!.default_code;
      const result = await execute(
        /* GraphQL */ `
          query ($representations: [_Any!]!) {
            _entities(representations: $representations) {
              ... on Product {
                sku
                name
                listPrice {
                  gross {
                    amount
                  }
                }
                stock {
                  location {
                    code
                  }
                }
              }
            }
          }
        `,
        {
          representations: [
            { __typename: 'Product', sku },
            { __typename: 'Product', sku: 'NOPE' },
            { __typename: 'Product', sku: wire[6]!.default_code },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      const entities = result.data!['_entities'] as ({ sku: string } | null)[];
      expect(entities[0]).toMatchObject({ sku, listPrice: { gross: { amount: expectedGross(wire[5]!) } } });
      expect(entities[1]).toBeNull();
      expect(entities[2]).toMatchObject({ sku: wire[6]!.default_code });
      expect(odooCalls(sim)['product.product.search_read']).toBe(1);
    });

    it('resolves 250 Product references in Odoo product reads of at most 200 SKUs (200 + 50)', async () => {
      // the simulator's catalogue has 150 products; 100 unknown SKUs make the batch larger than one read
      const known = (await readWireProducts(sim, baseUrl, 250)).map((p) => p.default_code);
      expect(known.length).toBeGreaterThan(100);
      const skus = [...known, ...Array.from({ length: 250 - known.length }, (_, i) => `SKU-UNKNOWN-${i}`)];
      sim.control.resetCounters();
      const result = await execute(
        /* GraphQL */ `
          query ($representations: [_Any!]!) {
            _entities(representations: $representations) {
              ... on Product {
                sku
                stock {
                  available
                }
              }
            }
          }
        `,
        { representations: skus.map((sku) => ({ __typename: 'Product', sku })) },
      );
      expect(result.errors).toBeUndefined();
      expect((result.data!['_entities'] as ({ sku: string } | null)[]).map((e) => e?.sku ?? null)).toEqual([
        ...known,
        ...skus.slice(known.length).map(() => null),
      ]);
      expect(odooCalls(sim)['product.product.search_read']).toBe(2);
      // stock is read for the products found only: 150, one read
      expect(odooCalls(sim)['stock.quant.search_read']).toBe(Math.ceil(known.length / 200));
    });

    it('resolves Location references by code, null for unknown', async () => {
      const result = await execute(
        /* GraphQL */ `
          query ($representations: [_Any!]!) {
            _entities(representations: $representations) {
              ... on Location {
                code
                name
                kind
                address {
                  city
                  postalCode
                  countryCode
                  street
                }
                phone
                openingHours
              }
            }
          }
        `,
        {
          representations: [
            { __typename: 'Location', code: 'LOD1' },
            { __typename: 'Location', code: 'NOPE' },
            { __typename: 'Location', code: 'CEN' },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      const entities = result.data!['_entities'] as unknown[];
      expect(entities[0]).toMatchObject({ code: 'LOD1', kind: 'STORE', address: { city: 'Łódź', countryCode: 'PL' } });
      expect(entities[1]).toBeNull();
      expect(entities[2]).toMatchObject({ code: 'CEN', kind: 'WAREHOUSE', openingHours: null });
    });
  });

  describe('caching', () => {
    it('serves products and stock (the stock micro-cache) from the cache on the next request', async () => {
      const cache = createMemoryCache();
      const skus = wire.slice(0, 5).map((p) => p.default_code);
      await execute(PRODUCTS_WITH_STOCK, { skus }, { cache });
      sim.control.resetCounters();
      const again = await execute(PRODUCTS_WITH_STOCK, { skus }, { cache });
      expect(again.errors).toBeUndefined();
      // 1 → 0: stock is in the micro-cache (ERP_STOCK_CACHE_TTL_SECONDS, 5 s) since issue 13
      expect(odooCalls(sim)).toEqual({});
    });

    it('falls back to the ERP when the cache is down', async () => {
      const broken = createMemoryCache();
      const fail = async (): Promise<never> => {
        throw new Error('ECONNREFUSED redis');
      };
      Object.assign(broken, { get: fail, getMany: fail, set: fail, delete: fail });
      const result = await execute(PRODUCTS_WITH_STOCK, { skus: [wire[0]!.default_code] }, { cache: broken });
      expect(result.errors).toBeUndefined();
      expect(result.data!['products']).toHaveLength(1);
    });
  });

  describe('upstream faults', () => {
    const noLeaks = (result: Result): void => {
      const text = JSON.stringify(result.errors);
      expect(text).not.toContain(baseUrl);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain('nginx');
      expect(text).not.toContain('stacktrace');
    };

    it('answers UPSTREAM_UNAVAILABLE with serviceName erp when Odoo answers 503 to the read and both retries', async () => {
      sim.control.addFaults([{ kind: 'status', status: 503, count: 3 }]);
      const result = await execute(`{ product(sku: "${wire[0]!.default_code}") { sku name } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' });
      noLeaks(result);
    });

    it('answers UPSTREAM_TIMEOUT when Odoo hangs past ERP_TIMEOUT_MS', async () => {
      const fast = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 200 });
      // without a request deadline the call gets one attempt's timeout, so one hang is enough
      sim.control.addFaults([{ kind: 'hang', count: 1 }]);
      const result = await execute('{ locations { code } }', {}, { client: fast });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', serviceName: 'erp' });
      noLeaks(result);
    });

    it('answers UPSTREAM_BAD_RESPONSE on a garbage body', async () => {
      sim.control.addFaults([{ kind: 'garbage', count: 1 }]);
      const result = await execute(`{ products(skus: ["${wire[0]!.default_code}"]) { sku } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'erp' });
      noLeaks(result);
    });
  });
});
