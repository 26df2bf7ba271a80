/**
 * A shop entering prices without tax, through the eshop subgraph against the WooCommerce simulator with its tax knob
 * (`PUT /__simulator/tax-settings {"pricesIncludeTax": false}`: products answer 4-decimal net prices, the tax
 * settings say `no`): every listing's price, regular price and sale price is the dataset's gross to the grosz, and the
 * tax settings and rates are read once for any number of listings and queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEshopServer, type EshopServer } from '../src/create-eshop-server.ts';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import { formatMinorUnits } from '../src/upstream/money.ts';
import { listedSkus, PRODUCTS_LIST, startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

const SETTINGS = 'GET /wp-json/wc/v3/settings/:group';
const TAXES = 'GET /wp-json/wc/v3/taxes';

let bed: WooCommerceTestBed;

const setKnob = (body: Record<string, unknown>) =>
  fetch(`${bed.baseUrl}/__simulator/tax-settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
});
afterAll(async () => {
  await setKnob({ pricesIncludeTax: true });
  await bed.close();
});

const subgraph = (): EshopServer =>
  createEshopServer({
    client: createEshopClient({
      baseUrl: bed.baseUrl,
      consumerKey: bed.consumerKey,
      consumerSecret: bed.consumerSecret,
      timeoutMs: 5_000,
      currency: 'PLN',
      pricesIncludeTax: 'auto',
      baseCountry: 'PL',
    }),
    cacheTtlSeconds: 0,
  });

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        sku
        eshopListing {
          price {
            amount
          }
          regularPrice {
            amount
          }
          salePrice {
            amount
          }
        }
      }
    }
  }
`;

async function listingPrices(on: EshopServer, skus: string[]): Promise<Record<string, [string, string, string | null]>> {
  const response = await on.server.executeOperation(
    { query: QUERY, variables: { representations: skus.map((sku) => ({ __typename: 'Product', sku })) } },
    { contextValue: on.createContext() },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult as {
    data: {
      _entities: {
        sku: string;
        eshopListing: { price: { amount: string }; regularPrice: { amount: string }; salePrice: { amount: string } | null } | null;
      }[];
    };
    errors?: unknown;
  };
  expect(errors).toBeUndefined();
  return Object.fromEntries(
    data._entities
      .filter((e) => e.eshopListing !== null)
      .map((e) => [e.sku, [e.eshopListing!.price.amount, e.eshopListing!.regularPrice.amount, e.eshopListing!.salePrice?.amount ?? null]]),
  );
}

function datasetGross(skus: string[]): Record<string, [string, string, string | null]> {
  const bySku = new Map(bed.dataset.eshopProducts.filter((p) => p.sku !== null && p.status === 'publish').map((p) => [p.sku!, p]));
  return Object.fromEntries(
    skus.flatMap((sku) => {
      const p = bySku.get(sku);
      if (!p) return [];
      const sale = p.salePriceGross;
      return [
        [sku, [formatMinorUnits(sale ?? p.regularPriceGross), formatMinorUnits(p.regularPriceGross), sale === null ? null : formatMinorUnits(sale)]],
      ];
    }),
  );
}

describe('listing prices of a shop entering prices excluding tax', () => {
  it('are the dataset gross prices, with one settings and one rates read for every listing and query', async () => {
    await setKnob({ pricesIncludeTax: false });
    const skus = listedSkus(bed.dataset, 120);
    const expected = datasetGross(skus);
    const s = subgraph();
    await bed.resetCounters();
    const first = await listingPrices(s, skus);
    const second = await listingPrices(s, skus.slice(0, 40));
    expect(first).toEqual(expected);
    expect(Object.keys(first).length).toBeGreaterThan(90);
    expect(Object.values(first).some(([, , sale]) => sale !== null)).toBe(true);
    expect(second).toEqual(
      Object.fromEntries(
        skus
          .slice(0, 40)
          .filter((sku) => sku in expected)
          .map((sku) => [sku, expected[sku]]),
      ),
    );
    const counters = await bed.counters();
    expect(counters[SETTINGS]).toBe(1);
    expect(counters[TAXES]).toBe(1);
    // 120 SKUs: two product reads (100 a call), 40 more: one
    expect(counters[PRODUCTS_LIST]).toBe(3);
  });

  it('read the same with the knob off (prices including tax: no rates read)', async () => {
    await setKnob({ pricesIncludeTax: true });
    const skus = listedSkus(bed.dataset, 120);
    await bed.resetCounters();
    expect(await listingPrices(subgraph(), skus)).toEqual(datasetGross(skus));
    const counters = await bed.counters();
    expect(counters[SETTINGS]).toBe(1);
    expect(counters[TAXES] ?? 0).toBe(0);
  });
});
