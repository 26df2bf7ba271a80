import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 12 item 4 through the gateway: every stock figure says when it holds and where it comes from. The ERP's
 * figures carry the time Odoo last wrote the summed quants; the e-shop's and the marketplace's, which give no such
 * time, the time they were read.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });

/** Odoo's write_date has whole seconds. */
const toSecond = (iso: string): number => Math.floor(Date.parse(iso) / 1000) * 1000;

// a SKU the stores hold, the e-shop lists and Allegro offers
const stores = ds.locations.filter((l) => l.kind === 'store');
const product = ds.products.find(
  (p) =>
    p.active &&
    ds.eshopProducts.some((e) => e.sku === p.sku) &&
    ds.allegroOffers.some((o) => o.sku === p.sku) &&
    ds.stock.some((q) => q.productId === p.id && q.quantity - q.reserved > 0 && stores.some((s) => s.stockLocationId === q.locationId)),
)!;

let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE });
}, 60_000);
afterAll(() => stack?.close());

describe('stock freshness', () => {
  it('dates click-and-collect figures by the latest quant write at each store, source ERP', async () => {
    expect(product).toBeDefined();
    const store = stores.find((s) =>
      ds.stock.some((q) => q.productId === product.id && q.locationId === s.stockLocationId && q.quantity - q.reserved > 0),
    )!;
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($skus: [ID!]!, $near: GeoPointInput) {
          storesWithStock(skus: $skus, near: $near, first: 100) {
            store {
              code
            }
            items {
              sku
              available
              asOf
              source
            }
          }
        }
      `,
      { skus: [product.sku], near: { latitude: store.latitude, longitude: store.longitude } },
    );
    expect(body.errors).toBeUndefined();
    const rows = body.data.storesWithStock as { store: { code: string }; items: { sku: string; asOf: string; source: string }[] }[];
    expect(rows.map((r) => r.store.code)).toContain(store.code);
    for (const row of rows) {
      const at = stores.find((s) => s.code === row.store.code)!;
      const written = ds.stock.filter((q) => q.productId === product.id && q.locationId === at.stockLocationId).map((q) => toSecond(q.updatedAt));
      const [item] = row.items;
      expect(item).toMatchObject({ sku: product.sku, source: 'ERP' });
      expect(Date.parse(item!.asOf)).toBe(Math.max(...written));
      expect(Date.parse(item!.asOf)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('dates the e-shop listing and the Allegro offers by their read, sources ESHOP and MARKETPLACE', async () => {
    const before = Date.now();
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($sku: ID!) {
          product(sku: $sku) {
            stock {
              available
              asOf
              source
            }
            eshopListing {
              stockQuantity
              stockAsOf
              stockSource
            }
            marketplaceOffers {
              availableQuantity
              stockAsOf
              stockSource
            }
          }
        }
      `,
      { sku: product.sku },
    );
    const after = Date.now();
    expect(body.errors).toBeUndefined();
    const { stock, eshopListing, marketplaceOffers } = body.data.product;
    for (const level of stock) expect(level.source).toBe('ERP');
    expect(eshopListing.stockSource).toBe('ESHOP');
    expect(marketplaceOffers.length).toBeGreaterThan(0);
    for (const read of [eshopListing.stockAsOf, ...marketplaceOffers.map((o: { stockAsOf: string }) => o.stockAsOf)]) {
      expect(Date.parse(read)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(read)).toBeLessThanOrEqual(after);
    }
    for (const offer of marketplaceOffers) expect(offer.stockSource).toBe('MARKETPLACE');
  });
});
