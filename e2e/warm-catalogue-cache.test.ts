import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import type { AllegroSimulator } from '@omnigraph/simulator-allegro';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 13 item 3 through the gateway: the 50-SKU catalogue query of performance.md S5, asked twice, costs no
 * upstream call the second time (ERP stock and Allegro offers in their micro-caches, "not listed in the e-shop" and
 * "no Allegro offer" cached like positive answers), and a stock change in Odoo or Allegro shows in the next answer
 * once its change event arrived. The micro-caches are set to 10 min here, so only the events can make the change show.
 * Calls are counted per request from the subgraphs' access lines: the change pollers run in the background and their
 * calls land in the simulators' counters at any moment.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const LIMIT_MS = 10_000;

const listed = new Set(ds.eshopProducts.flatMap((p) => (p.sku === null ? [] : [p.sku])));
const offered = new Set(ds.allegroOffers.flatMap((o) => (o.sku === null ? [] : [o.sku])));
const active = ds.products.filter((p) => p.active);
// 50 SKUs with every kind of answer: listed and offered, not listed in the e-shop, without an Allegro offer
const both = active.filter((p) => listed.has(p.sku) && offered.has(p.sku)).slice(0, 40);
const unlisted = active.filter((p) => !listed.has(p.sku)).slice(0, 5);
const unoffered = active.filter((p) => !offered.has(p.sku) && !unlisted.includes(p)).slice(0, 5);
const SKUS = [...both, ...unlisted, ...unoffered].map((p) => p.sku);

const CATALOGUE = /* GraphQL */ `
  query ($skus: [ID!]!) {
    products(skus: $skus) {
      sku
      name
      ean
      listPrice {
        net {
          amount
        }
        gross {
          amount
        }
        vatRate
      }
      stock {
        location {
          code
        }
        available
        asOf
      }
      eshopListing {
        price {
          amount
        }
        stockQuantity
      }
      marketplaceOffers {
        offerId
        price {
          amount
        }
        availableQuantity
        stockAsOf
      }
    }
  }
`;
type Offer = { offerId: string; availableQuantity: number; stockAsOf: string };
type Product = {
  sku: string;
  stock: Array<{ location: { code: string }; available: number; asOf: string }>;
  marketplaceOffers: Offer[] | null;
  eshopListing: unknown;
};

let stack: E2eStack;
const events: ChangeEvent[] = [];

beforeAll(async () => {
  stack = await startE2eStack({
    scale: SCALE,
    subgraphEnv: { ERP_STOCK_CACHE_TTL_SECONDS: '300', MARKETPLACE_OFFER_CACHE_TTL_SECONDS: '300' },
    freshness: { onChange: (event) => void events.push(event) },
  });
  // the pollers' first round stores their starting cursors; a change before it would count as history
  await new Promise((r) => setTimeout(r, 1_500));
}, 60_000);
afterAll(() => stack?.close());

/** Runs the catalogue query; its products and the upstream calls each subgraph logged for this request. */
async function catalogue(): Promise<{ products: Product[]; calls: Record<string, number> }> {
  const res = await stack.query<{ products: Product[] }>(CATALOGUE, { skus: SKUS });
  expect(res.body.errors).toBeUndefined();
  const requestId = res.headers.get('x-request-id');
  const calls: Record<string, number> = {};
  for (const raw of stack.logLines()) {
    const line = JSON.parse(raw) as { msg?: string; requestId?: string; service?: string; upstreamCalls?: number };
    if (line.msg !== 'subgraph request' || line.requestId !== requestId || line.service === undefined) continue;
    calls[line.service] = (calls[line.service] ?? 0) + (line.upstreamCalls ?? 0);
  }
  expect(Object.keys(calls).sort()).toEqual(expect.arrayContaining(['erp', 'eshop', 'marketplace']));
  return { products: res.body.data!.products, calls };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const since = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - since > LIMIT_MS) throw new Error(`no change ${LIMIT_MS} ms after the write: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const totalOf = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
const odooNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

describe('warm catalogue query (S5)', () => {
  it('costs upstream calls when cold and none when warm, every answer kind included', async () => {
    expect(SKUS).toHaveLength(50);
    const cold = await catalogue();
    const byKind = new Map(cold.products.map((p) => [p.sku, p]));
    for (const p of unlisted) expect(byKind.get(p.sku)!.eshopListing).toBeNull();
    for (const p of unoffered) expect(byKind.get(p.sku)!.marketplaceOffers).toEqual([]);
    expect(cold.calls['erp']).toBeGreaterThan(0);
    expect(cold.calls['marketplace']).toBeGreaterThan(0);

    const warm = await catalogue();
    console.info(`S5 upstream calls: cold ${JSON.stringify(cold.calls)}, warm ${JSON.stringify(warm.calls)}`);
    expect(warm.calls).toEqual(Object.fromEntries(Object.keys(warm.calls).map((k) => [k, 0])));
    expect(totalOf(warm.calls)).toBe(0);
    // the same answer, with the same dates: a cached figure is not presented as fresher than when it was read
    expect(warm.products).toEqual(cold.products);
  });

  it('shows an Odoo stock change in the next answer once the stock event arrived', async () => {
    const sku = both[0]!.sku;
    const { apiKey, database } = stack.simulators.odoo.odoo.credentials;
    const odoo = async <T>(path: string, body: object): Promise<T> => {
      const res = await fetch(`${stack.simulators.urls.odoo}${path}`, {
        method: 'POST',
        headers: { authorization: `bearer ${apiKey}`, 'x-odoo-database': database, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as T;
    };
    const [quant] = await odoo<Array<{ id: number; quantity: number }>>('/json/2/stock.quant/search_read', {
      domain: [
        ['product_id.default_code', '=', sku],
        ['location_id.usage', '=', 'internal'],
      ],
      fields: ['quantity'],
      limit: 1,
    });
    expect(quant).toBeDefined();
    const stockOf = (products: Product[]) => products.find((p) => p.sku === sku)!.stock.reduce((sum, s) => sum + s.available, 0);
    await catalogue();
    const warm = await catalogue();
    expect(totalOf(warm.calls)).toBe(0);
    const before = stockOf(warm.products);

    const loaded = await fetch(`${stack.simulators.urls.odoo}/__simulator/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'stock.quant': [{ id: quant!.id, quantity: quant!.quantity + 3, write_date: odooNow() }] }),
    });
    expect(loaded.ok).toBe(true);
    const after = await until(catalogue, (r) => stockOf(r.products) !== before);
    expect(stockOf(after.products)).toBe(before + 3);
    expect(events.some((e) => e.system === 'odoo' && e.kind === 'stock' && e.refs?.skus?.includes(sku))).toBe(true);
    // only the changed SKU was read again
    expect(after.calls['erp']).toBe(1);
  });

  it('shows an Allegro offer stock change in the next answer once the offer event arrived', async () => {
    const sku = both[1]!.sku;
    const allegro = stack.simulators.allegro as AllegroSimulator;
    const token = allegro.allegro.auth.sellerAccessToken();
    const media = 'application/vnd.allegro.public.v1+json';
    const listing = (await (
      await fetch(`${stack.simulators.urls.allegro}/sale/offers?external.id=${encodeURIComponent(sku)}`, {
        headers: { authorization: `Bearer ${token}`, accept: media },
      })
    ).json()) as { offers: Array<{ id: string; stock: { available: number; sold: number } } & Record<string, unknown>> };
    const offer = listing.offers[0]!;
    const quantityOf = (products: Product[]) =>
      products.find((p) => p.sku === sku)!.marketplaceOffers!.find((o) => o.offerId === offer.id)!.availableQuantity;
    await catalogue();
    const warm = await catalogue();
    expect(totalOf(warm.calls)).toBe(0);
    const before = quantityOf(warm.products);

    const loaded = await fetch(`${stack.simulators.urls.allegro}/__simulator/records`, {
      method: 'POST',
      body: JSON.stringify({ offers: [{ ...offer, stock: { ...offer.stock, available: offer.stock.available + 7 } }] }),
    });
    expect(loaded.ok).toBe(true);
    const after = await until(catalogue, (r) => quantityOf(r.products) !== before);
    expect(quantityOf(after.products)).toBe(before + 7);
    expect(events.some((e) => e.system === 'allegro' && e.kind === 'product' && e.refs?.skus?.includes(sku))).toBe(true);
    expect(after.calls['marketplace']).toBe(1);
  });
});
