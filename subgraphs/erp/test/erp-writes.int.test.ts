import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache, type Cache } from '@omnigraph/shared/cache';
import { writeDuplicatesDetected } from '@omnigraph/shared/metrics';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { grossFromNet, formatMinorUnits } from '../src/money.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { createErpWriteSteps } from '../src/writes/erp-write-steps.ts';
import { odooCalls, odooCredentials, startOdoo } from './odoo-test-support.ts';

const ds = getDataset({ scale: 0.3 });
const stores = ds.locations.filter((l) => l.kind === 'store');
const freeAt = (productId: number, stockLocationId: number) => {
  const q = ds.stock.find((s) => s.productId === productId && s.locationId === stockLocationId);
  return q ? q.quantity - q.reserved : 0;
};
const store = stores[0]!;
const otherStore = stores[1]!;
/** two active products with at least 4 free units in the store */
const [product, product2] = ds.products.filter((p) => p.active && p.sku && freeAt(p.id, store.stockLocationId) >= 4);
const customer = ds.erpPartners.find((p) => !p.isCompany && p.pricelistId === null)!;

let sim: OdooSimulator;
let baseUrl: string;
let client: ErpClient;
let server: ApolloServer<ErpContext>;
let cache: Cache;

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  server = createErpServer();
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
  sim.control.clearFaults();
  sim.control.resetCounters();
  // one cache for every request of a test, as in a running subgraph: the steps must drop what they make wrong
  cache = createMemoryCache();
});

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

async function execute(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const writes = createErpWriteSteps({ client, cache, defaultPartnerId: customer.id });
  const contextValue = createErpContext({ client, cache, cacheTtlSeconds: 60, writes });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

async function wire<T>(model: string, method: string, body: object): Promise<T> {
  const response = await fetch(new URL(`/json/2/${model}/${method}`, baseUrl), {
    method: 'POST',
    headers: { Authorization: `bearer ${odooCredentials.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

const STOCK = /* GraphQL */ `
  query ($skus: [ID!]!, $codes: [ID!]) {
    products(skus: $skus) {
      sku
      stock(locationCodes: $codes) {
        onHand
        reserved
        available
        location {
          code
        }
      }
    }
  }
`;

async function stockAt(code: string, skus: string[]): Promise<Map<string, { onHand: number; reserved: number; available: number }>> {
  const result = await execute(STOCK, { skus, codes: [code] });
  expect(result.errors).toBeUndefined();
  const products = result.data!['products'] as { sku: string; stock: { onHand: number; reserved: number; available: number }[] }[];
  return new Map(products.map((p) => [p.sku, p.stock[0] ?? { onHand: 0, reserved: 0, available: 0 }]));
}

const RESERVE = /* GraphQL */ `
  mutation ($key: String!, $input: ErpReservePickupInput!) {
    erpReservePickup(idempotencyKey: $key, input: $input) {
      id
      name
      state
      created
    }
  }
`;
const RECEIVE = /* GraphQL */ `
  mutation ($key: String!, $input: ErpReceiveReturnInput!) {
    erpReceiveReturn(idempotencyKey: $key, input: $input) {
      id
      name
      state
      created
    }
  }
`;

const vatOf = (p: typeof product) => p!.vatRate;
const grossOf = (netMinor: number, vat: number) => formatMinorUnits(grossFromNet(netMinor, vat * 100));

describe('erpReservePickup', () => {
  const input = () => ({
    storeCode: store.code,
    erpPartnerId: String(customer.id),
    channelOrderRef: 'WC-990001',
    lines: [
      { sku: product!.sku, quantity: 2, unitGross: grossOf(10_000, vatOf(product)) },
      { sku: product2!.sku, quantity: 1, unitGross: null },
    ],
  });

  it("confirms a sale order for the store's warehouse: the store's availability falls at once; a retry finds it", async () => {
    const before = await stockAt(store.code, [product!.sku, product2!.sku]);
    sim.control.resetCounters();
    const first = await execute(RESERVE, { key: 'res-1', input: input() });
    expect(first.errors).toBeUndefined();
    expect(first.data!['erpReservePickup']).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: expect.stringMatching(/^S\d{5}$/),
      state: 'sale',
      created: true,
    });
    const calls = odooCalls(sim);
    expect(calls['sale.order.create']).toBe(1);
    expect(calls['sale.order.action_confirm']).toBe(1);

    const after = await stockAt(store.code, [product!.sku, product2!.sku]);
    expect(after.get(product!.sku)!.available).toBe(before.get(product!.sku)!.available - 2);
    expect(after.get(product!.sku)!.reserved).toBe(before.get(product!.sku)!.reserved + 2);
    expect(after.get(product2!.sku)!.available).toBe(before.get(product2!.sku)!.available - 1);
    // another store is untouched
    const elsewhere = await stockAt(otherStore.code, [product!.sku]);
    expect(elsewhere.get(product!.sku)!.reserved).toBe(
      ds.stock.find((s) => s.productId === product!.id && s.locationId === otherStore.stockLocationId)?.reserved ?? 0,
    );

    // what Odoo holds: the tag, the warehouse, the channel reference, the net price from the gross
    const id = Number((first.data!['erpReservePickup'] as { id: string }).id);
    const [order] = await wire<Record<string, unknown>[]>('sale.order', 'read', {
      ids: [id],
      fields: ['origin', 'warehouse_id', 'client_order_ref', 'partner_id', 'order_line'],
    });
    expect(order).toMatchObject({
      origin: 'omnigraph:res-1',
      warehouse_id: [store.warehouseId, store.name],
      client_order_ref: 'WC-990001',
      partner_id: [customer.id, expect.any(String)],
    });
    const lines = await wire<Record<string, unknown>[]>('sale.order.line', 'read', {
      ids: order!['order_line'],
      fields: ['product_uom_qty', 'price_unit'],
    });
    expect(lines[0]).toMatchObject({ product_uom_qty: 2, price_unit: 100 });

    sim.control.resetCounters();
    const retry = await execute(RESERVE, { key: 'res-1', input: input() });
    expect(retry.data!['erpReservePickup']).toEqual({ ...(first.data!['erpReservePickup'] as object), created: false });
    expect(odooCalls(sim)['sale.order.create'] ?? 0).toBe(0);
    expect(odooCalls(sim)['sale.order.action_confirm'] ?? 0).toBe(0);
    const again = await stockAt(store.code, [product!.sku]);
    expect(again.get(product!.sku)!.available).toBe(before.get(product!.sku)!.available - 2);
  });

  it('a create whose answer was lost (commit, then reset) is found and confirmed by the re-sent step: exactly one order', async () => {
    sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: '/json/2/sale.order/create' }]);
    const lost = await execute(RESERVE, { key: 'res-lost', input: input() });
    expect(lost.errors?.[0]?.extensions?.['code']).toMatch(/^UPSTREAM_(UNAVAILABLE|TIMEOUT)$/);
    const resent = await execute(RESERVE, { key: 'res-lost', input: input() });
    expect(resent.errors).toBeUndefined();
    expect(resent.data!['erpReservePickup']).toMatchObject({ state: 'sale', created: false });
    expect(await wire<number>('sale.order', 'search_count', { domain: [['origin', '=', 'omnigraph:res-lost']] })).toBe(1);
    expect(odooCalls(sim)['sale.order.create']).toBe(1);
    expect(odooCalls(sim)['sale.order.action_confirm']).toBe(1);
  });

  it('a confirmation whose answer was lost is not sent again', async () => {
    sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: '/json/2/sale.order/action_confirm' }]);
    expect((await execute(RESERVE, { key: 'res-confirm', input: input() })).errors).toBeDefined();
    const resent = await execute(RESERVE, { key: 'res-confirm', input: input() });
    expect(resent.data!['erpReservePickup']).toMatchObject({ state: 'sale', created: false });
    expect(odooCalls(sim)['sale.order.action_confirm']).toBe(1);
  });

  it('two orders with one tag (a duplicate written elsewhere): uses the oldest, logs and counts it', async () => {
    const duplicates = async () => (await writeDuplicatesDetected.get()).values.find((v) => v.labels['step'] === 'erp.reservePickup')?.value ?? 0;
    const before = await duplicates();
    const vals = { partner_id: customer.id, warehouse_id: store.warehouseId, origin: 'omnigraph:res-dup' };
    const [oldest] = await wire<number[]>('sale.order', 'create', { vals_list: [vals, vals] });
    const found = await execute(RESERVE, { key: 'res-dup', input: input() });
    expect(found.data!['erpReservePickup']).toMatchObject({ id: String(oldest), state: 'sale', created: false });
    expect(await duplicates()).toBe(before + 1);
    expect(odooCalls(sim)['sale.order.create']).toBe(1);
  });

  it('refuses an unknown SKU or store with stable codes and writes nothing', async () => {
    const unknown = await execute(RESERVE, { key: 'res-bad', input: { ...input(), lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_PRODUCT' });
    const store = await execute(RESERVE, { key: 'res-bad', input: { ...input(), storeCode: 'NOPE1' } });
    expect(store.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.storeCode' });
    const quantity = await execute(RESERVE, { key: 'res-bad', input: { ...input(), lines: [{ sku: product!.sku, quantity: 0 }] } });
    expect(quantity.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(odooCalls(sim)['sale.order.create'] ?? 0).toBe(0);
  });
});

describe('erpReceiveReturn', () => {
  const input = () => ({ storeCode: store.code, orderRef: 'WC-990002', lines: [{ sku: product!.sku, quantity: 3 }] });

  it("books the goods into the store's stock, visible at once through Product.stock; a retry finds the receipt", async () => {
    const before = await stockAt(store.code, [product!.sku]);
    const first = await execute(RECEIVE, { key: 'ret-1', input: input() });
    expect(first.errors).toBeUndefined();
    expect(first.data!['erpReceiveReturn']).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: `${store.code}/IN/00001`,
      state: 'done',
      created: true,
    });
    const after = await stockAt(store.code, [product!.sku]);
    expect(after.get(product!.sku)!.onHand).toBe(before.get(product!.sku)!.onHand + 3);
    expect(after.get(product!.sku)!.available).toBe(before.get(product!.sku)!.available + 3);

    sim.control.resetCounters();
    const retry = await execute(RECEIVE, { key: 'ret-1', input: input() });
    expect(retry.data!['erpReceiveReturn']).toEqual({ ...(first.data!['erpReceiveReturn'] as object), created: false });
    expect(odooCalls(sim)['stock.picking.create'] ?? 0).toBe(0);
    expect(odooCalls(sim)['stock.picking.button_validate'] ?? 0).toBe(0);
    expect((await stockAt(store.code, [product!.sku])).get(product!.sku)!.onHand).toBe(before.get(product!.sku)!.onHand + 3);
  });

  it('lost answers of the create or the validation: the re-sent step completes it once', async () => {
    const before = await stockAt(store.code, [product!.sku]);
    sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: '/json/2/stock.picking/create' }]);
    expect((await execute(RECEIVE, { key: 'ret-lost', input: input() })).errors).toBeDefined();
    sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: '/json/2/stock.picking/button_validate' }]);
    expect((await execute(RECEIVE, { key: 'ret-lost', input: input() })).errors).toBeDefined();
    const done = await execute(RECEIVE, { key: 'ret-lost', input: input() });
    expect(done.data!['erpReceiveReturn']).toMatchObject({ state: 'done', created: false });
    expect(await wire<number>('stock.picking', 'search_count', { domain: [['origin', '=', 'omnigraph:ret-lost']] })).toBe(1);
    expect(odooCalls(sim)['stock.picking.create']).toBe(1);
    expect(odooCalls(sim)['stock.picking.button_validate']).toBe(1);
    expect((await stockAt(store.code, [product!.sku])).get(product!.sku)!.onHand).toBe(before.get(product!.sku)!.onHand + 3);
  });
});

describe('Product.partnerPrice', () => {
  const b2bPricelist = ds.pricelists.find((pl) => pl.name.startsWith('Stali klienci'))!;
  const b2b = ds.erpPartners.find((p) => p.pricelistId === b2bPricelist.id)!;
  /** a category rule of the B2B pricelist for one unit (its variant rules need 5 units) and a product of that category */
  const b2bRule = ds.pricelistItems.find((i) => i.pricelistId === b2bPricelist.id && i.appliedOn === '2_product_category' && i.minQuantity <= 1)!;
  const b2bProduct = ds.products.find((p) => p.active && p.sku && p.categoryId === b2bRule.categoryId)!;
  const b2bNet = Math.round(b2bProduct.listPriceNet * (1 - b2bRule.percentPrice! / 100));
  /** a variant rule with a minimum quantity above one: not the price of one unit */
  const bulkRule = ds.pricelistItems.find((i) => i.pricelistId === b2bPricelist.id && i.appliedOn === '0_product_variant' && i.minQuantity > 1)!;
  const bulkProduct = ds.products.find((p) => p.id === bulkRule.productId)!;
  const publicPricelist = Math.min(...ds.pricelists.map((pl) => pl.id));
  const unruled = ds.products.filter(
    (p) =>
      p.active &&
      p.sku &&
      !ds.pricelistItems.some(
        (i) => i.pricelistId === publicPricelist && (i.productId === p.id || i.categoryId === p.categoryId || i.appliedOn === '3_global'),
      ),
  );
  const PRICES = /* GraphQL */ `
    query ($skus: [ID!]!, $partner: ID!) {
      products(skus: $skus) {
        sku
        listPrice {
          net {
            amount
          }
        }
        partnerPrice(erpPartnerId: $partner) {
          net {
            amount
          }
          gross {
            amount
          }
          vatRate
        }
      }
    }
  `;
  type Row = {
    sku: string;
    listPrice: { net: { amount: string } };
    partnerPrice: { net: { amount: string }; gross: { amount: string }; vatRate: string } | null;
  };

  it('gives a B2B partner its pricelist price, an ordinary partner the list price, and null for an unknown partner', async () => {
    const b2bResult = await execute(PRICES, { skus: [b2bProduct.sku, bulkProduct.sku], partner: String(b2b.id) });
    expect(b2bResult.errors).toBeUndefined();
    const [row, bulk] = b2bResult.data!['products'] as Row[];
    expect(row!.partnerPrice).toEqual({
      net: { amount: formatMinorUnits(b2bNet) },
      gross: { amount: grossOf(b2bNet, b2bProduct.vatRate) },
      vatRate: String(b2bProduct.vatRate),
    });
    expect(row!.partnerPrice!.net.amount).not.toBe(row!.listPrice.net.amount);
    expect(bulk!.partnerPrice!.net.amount).not.toBe(formatMinorUnits(bulkRule.fixedPriceNet!));

    const ordinary = await execute(PRICES, { skus: [unruled[0]!.sku], partner: String(customer.id) });
    const [plain] = ordinary.data!['products'] as Row[];
    expect(plain!.partnerPrice!.net.amount).toBe(plain!.listPrice.net.amount);

    const nobody = await execute(PRICES, { skus: [unruled[0]!.sku], partner: '987654321' });
    expect(nobody.errors).toBeUndefined();
    expect((nobody.data!['products'] as Row[])[0]!.partnerPrice).toBeNull();
  });

  it('costs the same Odoo calls for 2 products as for 30', async () => {
    await execute(PRICES, { skus: unruled.slice(0, 2).map((p) => p.sku), partner: String(b2b.id) });
    const forTwo = odooCalls(sim);
    sim.control.resetCounters();
    cache = createMemoryCache();
    const thirty = await execute(PRICES, { skus: unruled.slice(0, 30).map((p) => p.sku), partner: String(b2b.id) });
    expect(thirty.errors).toBeUndefined();
    expect((thirty.data!['products'] as Row[]).every((r) => r.partnerPrice !== null)).toBe(true);
    const pricing = (calls: Record<string, number>) =>
      ['res.partner.read', 'product.pricelist.item.search_read', 'product.category.search_read', 'product.product.search_read'].map(
        (k) => calls[k] ?? 0,
      );
    expect(pricing(odooCalls(sim))).toEqual(pricing(forTwo));
    expect(forTwo['res.partner.read']).toBe(1);
    expect(forTwo['product.pricelist.item.search_read']).toBe(1);
    // cached like the catalogue: the next request asks Odoo nothing about the pricelist
    sim.control.resetCounters();
    await execute(PRICES, { skus: unruled.slice(0, 30).map((p) => p.sku), partner: String(b2b.id) });
    expect(odooCalls(sim)['product.pricelist.item.search_read'] ?? 0).toBe(0);
  });
});
