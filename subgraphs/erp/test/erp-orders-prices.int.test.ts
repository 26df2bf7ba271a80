import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { getDataset, type Product } from '@omnigraph/simulator-dataset';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, startOdoo } from './odoo-test-support.ts';

// the simulator of odoo-test-support.ts serves this dataset
const ds = getDataset({ scale: 0.3 });
const iso = (value: string | null): string | null => (value === null ? null : value.replace(/\.\d{3}Z$/, 'Z'));

let sim: OdooSimulator;
let baseUrl: string;
let client: ErpClient;
let server: ApolloServer<ErpContext>;

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000, policies: { retry: { maxRetries: 0 } } });
  server = createErpServer();
  await server.start();
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
  data?: { _entities?: Array<Record<string, unknown> | null> } | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function entities(representations: object[], selection: string): Promise<Result> {
  const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60 });
  const response = await server.executeOperation(
    { query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`, variables: { representations } },
    { contextValue },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const DELIVERY = `erpDeliveries { name state carrierName trackingNumber createdAt scheduledAt doneAt warehouse { code } }`;
const carrierName = new Map(ds.erpCarriers.map((c) => [c.id, c.name]));

/** A channel order's graph id and the deliveries the dataset gave its ERP sale order, as the graph should show them. */
function expectedOf(order: (typeof ds.erpSaleOrders)[number]) {
  const id = order.channel === 'eshop' ? `eshop:${order.channelOrderId}` : `marketplace:${order.channelOrderId}`;
  const deliveries = ds.erpDeliveries
    .filter((d) => d.saleOrderId === order.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
    .map((d) => ({
      name: d.name,
      state: d.state,
      carrierName: d.carrierId === null ? null : carrierName.get(d.carrierId),
      trackingNumber: d.trackingRef,
      createdAt: iso(d.createdAt),
      scheduledAt: iso(d.scheduledDate),
      doneAt: iso(d.dateDone),
      warehouse: { code: d.warehouseCode },
    }));
  return { typename: order.channel === 'eshop' ? 'EshopOrder' : 'MarketplaceOrder', id, deliveries };
}

describe('EshopOrder / MarketplaceOrder erpDeliveries', () => {
  const channelOrders = ds.erpSaleOrders.filter((o) => o.channel !== null);

  it("gives each channel order the ERP's outgoing deliveries of its sale order, with carrier and tracking number, in two calls for 60 orders", async () => {
    const orders = [
      ...channelOrders.filter((o) => o.channel === 'eshop').slice(0, 30),
      ...channelOrders.filter((o) => o.channel === 'allegro').slice(0, 30),
    ];
    const expected = orders.map(expectedOf);
    const result = await entities(
      expected.map((e) => ({ __typename: e.typename, id: e.id })),
      `... on EshopOrder { id ${DELIVERY} } ... on MarketplaceOrder { id ${DELIVERY} }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities!.map((e) => e!['erpDeliveries'])).toEqual(expected.map((e) => e.deliveries));
    // a delivery with a carrier and a parcel number is among them (the "where is my parcel" case)
    expect(expected.some((e) => e.deliveries.some((d) => d.carrierName && d.trackingNumber))).toBe(true);
    const calls = odooCalls(sim);
    expect(calls['sale.order.search_read']).toBe(1);
    expect(calls['stock.picking.search_read']).toBe(1);
    expect(calls['stock.picking.type.search_read'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('asks the same two calls for 2 orders as for 60 (the location list only when the warehouse is asked)', async () => {
    const two = channelOrders.slice(0, 2).map(expectedOf);
    const result = await entities(
      two.map((e) => ({ __typename: e.typename, id: e.id })),
      `... on EshopOrder { erpDeliveries { name trackingNumber } } ... on MarketplaceOrder { erpDeliveries { name trackingNumber } }`,
    );
    expect(result.errors).toBeUndefined();
    const calls = odooCalls(sim);
    expect(calls['sale.order.search_read']).toBe(1);
    expect(calls['stock.picking.search_read']).toBe(1);
    expect(calls['stock.warehouse.search_read']).toBeUndefined();
  });

  it('has none for an order that never reached the ERP, and asks nothing for an id of another shape', async () => {
    const inErp = new Set(channelOrders.filter((o) => o.channel === 'eshop').map((o) => o.channelOrderId));
    const missing = ds.eshopOrders.find((o) => !inErp.has(String(o.id)))!;
    const result = await entities(
      [
        { __typename: 'EshopOrder', id: `eshop:${missing.id}` },
        { __typename: 'MarketplaceOrder', id: 'marketplace:00000000-0000-4000-8000-000000000000' },
      ],
      `... on EshopOrder { erpDeliveries { name } } ... on MarketplaceOrder { erpDeliveries { name } }`,
    );
    expect(result.data!._entities).toEqual([{ erpDeliveries: [] }, { erpDeliveries: [] }]);
    sim.control.resetCounters();
    const odd = await entities([{ __typename: 'EshopOrder', id: 'woo-15' }], `... on EshopOrder { erpDeliveries { name } }`);
    expect(odd.data!._entities).toEqual([{ erpDeliveries: [] }]);
    expect(odooCalls(sim)).toEqual({});
  });

  it('nulls the list with the source error when Odoo cannot be asked', async () => {
    sim.control.addFaults([{ kind: 'status', status: 503, count: 5 }]);
    const e = expectedOf(channelOrders[0]!);
    const result = await entities(
      [{ __typename: e.typename, id: e.id }],
      `... on EshopOrder { erpDeliveries { name } } ... on MarketplaceOrder { erpDeliveries { name } }`,
    );
    expect(result.data!._entities).toEqual([{ erpDeliveries: null }]);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('Customer.erpPrices', () => {
  const b2bContact = ds.crmContacts.find((c) => c.erpPartnerId === 100)!;
  const partner = ds.erpPartners.find((p) => p.id === 100)!;
  const pricelist = ds.pricelists.find((p) => p.id === partner.pricelistId)!;
  const categoryById = new Map(ds.categories.map((c) => [c.id, c]));

  /** The category and its ancestors, from the complete names ("All / Saleable / AGD drobne"). */
  function categoryChain(id: number): number[] {
    const name = categoryById.get(id)!.completeName;
    return ds.categories.filter((c) => name === c.completeName || name.startsWith(`${c.completeName} / `)).map((c) => c.id);
  }

  /** Independently of the adapter: Odoo's rule order and matching on the dataset's items, net → gross at the VAT. */
  function expectedGross(product: Product, at: string): { gross: string; pricelist: string | null } {
    const chain = categoryChain(product.categoryId);
    const rank = { '0_product_variant': 0, '1_product': 1, '2_product_category': 2, '3_global': 3 } as const;
    const rules = ds.pricelistItems
      .filter((i) => i.pricelistId === pricelist.id)
      .sort(
        (a, b) => rank[a.appliedOn] - rank[b.appliedOn] || b.minQuantity - a.minQuantity || (b.categoryId ?? 0) - (a.categoryId ?? 0) || b.id - a.id,
      );
    const rule = rules.find(
      (r) =>
        r.minQuantity <= 1 &&
        (r.dateStart === null || r.dateStart <= at) &&
        (r.dateEnd === null || r.dateEnd >= at) &&
        (r.appliedOn === '3_global' ||
          (r.appliedOn === '0_product_variant' && r.productId === product.id) ||
          (r.appliedOn === '2_product_category' && chain.includes(r.categoryId!))),
    );
    const net =
      rule === undefined
        ? product.listPriceNet
        : rule.computePrice === 'fixed'
          ? rule.fixedPriceNet!
          : Math.round(product.listPriceNet * (1 - rule.percentPrice! / 100));
    const gross = Math.round((net * (100 + product.vatRate)) / 100);
    return { gross: (gross / 100).toFixed(2), pricelist: rule === undefined ? null : pricelist.name.replace(/ \(PLN\)$/, '') };
  }

  it('gives the B2B customer its "Stali klienci" prices, as the dataset\'s pricelist items make them, in a fixed number of calls', async () => {
    const products = ds.products.filter((p) => p.active).slice(0, 80);
    const result = await entities(
      [{ __typename: 'Customer', id: b2bContact.id, erpPartnerId: '100' }],
      `... on Customer { erpPrices(skus: ${JSON.stringify(products.map((p) => p.sku))}) { sku pricelist price { gross { amount } } listPrice { gross { amount } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const at = new Date().toISOString();
    const prices = result.data!._entities![0]!['erpPrices'] as { sku: string; pricelist: string | null; price: { gross: { amount: string } } }[];
    expect(prices.map((p) => ({ gross: p.price.gross.amount, pricelist: p.pricelist }))).toEqual(products.map((p) => expectedGross(p, at)));
    expect(prices.some((p) => p.pricelist === 'Stali klienci')).toBe(true);
    const calls = odooCalls(sim);
    expect(calls['product.product.search_read']).toBe(1);
    expect(calls['res.partner.read']).toBe(1);
    expect(calls['product.pricelist.item.search_read']).toBe(1);
    expect(calls['product.category.search_read'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('is null for a customer without a linked ERP partner, and null items for SKUs the ERP does not know', async () => {
    const result = await entities(
      [
        { __typename: 'Customer', id: '1', erpPartnerId: null },
        { __typename: 'Customer', id: b2bContact.id, erpPartnerId: '100' },
      ],
      `... on Customer { erpPrices(skus: ["SKU-DOES-NOT-EXIST"]) { sku } }`,
    );
    expect(result.data!._entities).toEqual([{ erpPrices: null }, { erpPrices: [null] }]);
  });
});

describe('two companies and price-included taxes in the simulator (Odoo 18+ semantics)', () => {
  it("prices a product holding both companies' taxes with the API user's company's, included as Odoo computes it", async () => {
    const load = await fetch(new URL('/__simulator/records', baseUrl), {
      method: 'POST',
      body: JSON.stringify({
        'res.company': [{ id: 2, name: 'Omnigraph GmbH', currency_id: 17, account_price_include: 'tax_included', sequence: 20 }],
        'uom.uom': [{ id: 900020, name: 'kg', display_name: 'kg', sequence: 5, active: true }],
        'account.tax': [
          // company 2's default makes it price-included (no override): Odoo computes price_include = true
          {
            id: 900001,
            name: '19%',
            amount: 19,
            amount_type: 'percent',
            type_tax_use: 'sale',
            price_include_override: false,
            company_id: 2,
            sequence: 1,
            active: true,
          },
          {
            id: 900002,
            name: '23% incl.',
            amount: 23,
            amount_type: 'percent',
            type_tax_use: 'sale',
            price_include_override: 'tax_included',
            company_id: 1,
            sequence: 1,
            active: true,
          },
        ],
        'product.template': [{ id: 900010, name: 'Kawa ziarnista' }],
        'product.product': [
          {
            id: 900010,
            name: 'Kawa ziarnista',
            default_code: 'SKU-2CO-KG',
            product_tmpl_id: 900010,
            lst_price: 123.0,
            list_price: 123.0,
            taxes_id: [900002, 900001],
            uom_id: 900020,
            active: true,
          },
        ],
      }),
    });
    expect(load.status, await load.text()).toBe(201);
    const taxes = (await (
      await fetch(new URL('/json/2/account.tax/read', baseUrl), {
        method: 'POST',
        headers: {
          Authorization: `bearer ${odooCredentials.apiKey}`,
          'Content-Type': 'application/json',
          'X-Odoo-Database': odooCredentials.database,
        },
        body: JSON.stringify({ ids: [900001, 900002], fields: ['price_include', 'price_include_override'] }),
      })
    ).json()) as { id: number; price_include: boolean }[];
    expect(taxes.map((t) => [t.id, t.price_include])).toEqual([
      [900001, true],
      [900002, true],
    ]);
    sim.control.resetCounters();
    const fresh = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
    const [product] = await fresh.getProductsBySkus({ skus: ['SKU-2CO-KG'] });
    expect(product).toMatchObject({ unit: 'kg', listPrice: { currency: 'PLN', netMinor: 10_000, grossMinor: 12_300, vatRate: '23' } });
    // whose taxes count was asked once: the bot's company (1)
    expect(odooCalls(sim)).toMatchObject({ 'res.users.context_get': 1, 'res.users.read': 1 });
  });
});
