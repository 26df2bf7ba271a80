import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinorUnits } from '../src/money.ts';
import { partnerPriceOf } from '../src/partner-price.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient, ErpProductModel } from '../src/upstream/erp-client.ts';
import { OdooProductDto } from '../src/upstream/odoo/odoo-dtos.ts';
import { CURRENCIES, jsonRpcEnvelope, OdooFixtureError, PRODUCTS, startFakeOdoo, TAXES, type FakeOdoo, type Row } from './odoo-wire-fixtures.ts';

/**
 * Contract tests of the Odoo adapter against answers in Odoo's exact wire format (test/odoo-wire-fixtures.ts), one per
 * documented variant: taxes of Odoo 17 / 18+, several companies, currencies, units, empty values, pricelist rules,
 * picking states. Each fixture goes through the real client (HTTP, validation, mapping).
 */

const credentials = { database: 'odoo', apiKey: 'fixture-key' };
const client = (fake: FakeOdoo, extra: { companyId?: number } = {}): ErpClient =>
  createErpClient({ baseUrl: fake.baseUrl, ...credentials, timeoutMs: 2_000, policies: { retry: { maxRetries: 0 } }, ...extra });
const routes = (fake: FakeOdoo): string[] => fake.calls.map((c) => c.route);

describe('product prices and units, every tax variant (JSON-2)', () => {
  let fake: FakeOdoo;
  beforeAll(async () => {
    fake = await startFakeOdoo({
      'product.product.search_read': PRODUCTS.map((p) => p.row),
      'account.tax.read': TAXES,
      'res.currency.read': CURRENCIES,
      'res.users.context_get': { lang: 'pl_PL', tz: 'Europe/Warsaw', uid: 7 },
      'res.users.read': [{ id: 7, company_id: [1, 'Sklepy Omnigraph Sp. z o.o.'] }],
    });
  });
  afterAll(() => fake.close());

  it('gives the net, gross and VAT Odoo shows, for each variant, in one batch', async () => {
    const products = await client(fake).getProductsBySkus({ skus: PRODUCTS.map((p) => p.row['default_code'] as string) });
    const bySku = new Map(products.map((p) => [p.sku, p]));
    for (const { row, expected } of PRODUCTS) {
      const product = bySku.get(row['default_code'] as string);
      expect({ sku: row['default_code'], ...summary(product!) }).toEqual({ sku: row['default_code'], ...expected });
    }
    // products, taxes (+ one read of the group's children), currencies, and — as taxes of two companies appear —
    // the API user's company, once
    expect(routes(fake).sort()).toEqual(
      ['product.product.search_read', 'account.tax.read', 'account.tax.read', 'res.currency.read', 'res.users.context_get', 'res.users.read'].sort(),
    );
  });

  it("counts ERP_COMPANY_ID's taxes without asking who the user is", async () => {
    fake.calls.length = 0;
    // (the fixture answers every product whatever the domain)
    const product = (await client(fake, { companyId: 2 }).getProductsBySkus({ skus: ['TAX-TWO-COMPANIES'] })).find(
      (p) => p.sku === 'TAX-TWO-COMPANIES',
    );
    expect(summary(product!)).toMatchObject({ net: '100.00', gross: '119.00', vatRate: '19' });
    expect(routes(fake)).not.toContain('res.users.context_get');
  });

  it('reads the same row from a JSON-RPC execute_kw answer (legacy wire format) identically', () => {
    for (const { row } of PRODUCTS) {
      const envelope = JSON.parse(JSON.stringify(jsonRpcEnvelope([row]))) as { result: unknown[] };
      expect(OdooProductDto.parse(envelope.result[0])).toEqual(OdooProductDto.parse(row));
    }
  });
});

function summary(product: ErpProductModel) {
  return {
    net: formatMinorUnits(product.listPrice.netMinor),
    gross: formatMinorUnits(product.listPrice.grossMinor),
    vatRate: product.listPrice.vatRate,
    currency: product.listPrice.currency,
    unit: product.unit,
  };
}

describe('pricelist rules (product.pricelist.item variants)', () => {
  const item = (id: number, pricelist: number, over: Record<string, unknown>): Row => ({
    id,
    pricelist_id: [pricelist, pricelist === 3 ? 'Stali klienci (PLN)' : 'Hurt (PLN)'],
    applied_on: '3_global',
    product_id: false,
    product_tmpl_id: false,
    categ_id: false,
    compute_price: 'percentage',
    base: 'list_price',
    base_pricelist_id: false,
    fixed_price: 0,
    percent_price: 0,
    price_discount: 0,
    price_surcharge: 0,
    price_round: 0,
    price_min_margin: 0,
    price_max_margin: 0,
    min_quantity: 0,
    date_start: false,
    date_end: false,
    ...over,
  });
  const NOW = '2026-06-01T10:00:00Z';
  let fake: FakeOdoo;
  let products: Map<string, ErpProductModel>;
  beforeAll(async () => {
    const items: Row[] = [
      // in Odoo's _order (applied_on, min_quantity desc, categ_id desc, id desc)
      item(1, 3, {
        applied_on: '0_product_variant',
        product_id: [1, '[TAX-EXCL] Produkt'],
        compute_price: 'fixed',
        fixed_price: 80,
        min_quantity: 10,
      }),
      item(2, 3, {
        applied_on: '0_product_variant',
        product_id: [1, '[TAX-EXCL] Produkt'],
        compute_price: 'fixed',
        fixed_price: 90,
        date_end: '2026-05-31 23:59:59',
      }),
      item(3, 3, {
        applied_on: '1_product',
        product_tmpl_id: [501, 'Szablon'],
        compute_price: 'formula',
        price_discount: 15,
        price_round: 1,
        price_surcharge: -0.01,
      }),
      item(4, 3, { applied_on: '2_product_category', categ_id: [10, 'All / Saleable'], compute_price: 'percentage', percent_price: 10 }),
      item(5, 3, { applied_on: '3_global', compute_price: 'formula', base: 'pricelist', base_pricelist_id: [4, 'Hurt (PLN)'], price_discount: 5 }),
      item(6, 4, { applied_on: '3_global', compute_price: 'percentage', percent_price: 20 }),
    ];
    fake = await startFakeOdoo({
      'product.product.search_read': [
        PRODUCTS[0]!.row,
        { ...PRODUCTS[1]!.row, product_tmpl_id: [501, 'Szablon'] },
        { ...PRODUCTS[7]!.row, categ_id: [99, 'Elsewhere'] },
        PRODUCTS[4]!.row,
      ],
      'account.tax.read': TAXES,
      'res.currency.read': CURRENCIES,
      'res.partner.read': [{ id: 42, property_product_pricelist: [3, 'Stali klienci (PLN)'] }],
      'product.pricelist.item.search_read': (body: Record<string, unknown>) => {
        const ids = ((body['domain'] as unknown[][])[0]![2] as number[]) ?? [];
        return items.filter((i) => ids.includes((i['pricelist_id'] as [number])[0]));
      },
      // category 12 (the products') is below 10
      'product.category.search_read': [
        { id: 10, parent_id: false },
        { id: 12, parent_id: [10, 'All / Saleable'] },
      ],
    });
    const erp = client(fake);
    products = new Map((await erp.getProductsBySkus({ skus: ['TAX-EXCL', 'TAX-INCL-17', 'TAX-NONE', 'TAX-OVERRIDE-EXCL'] })).map((p) => [p.sku, p]));
  });
  afterAll(() => fake.close());

  it('applies the first rule that applies: min quantity and dates skip, template formula, parent category, based on another pricelist', async () => {
    const [pricing] = await client(fake).getPartnerPricing({ partnerIds: [42] });
    expect(pricing).toMatchObject({ pricelistId: 3, pricelistName: 'Stali klienci' });
    const gross = (sku: string) => {
      const outcome = partnerPriceOf(products.get(sku)!, pricing!, NOW);
      return 'price' in outcome ? formatMinorUnits(outcome.price.grossMinor) : outcome.unsupported;
    };
    // variant rules skipped (min 10, expired) → category 12 under 10: 100 − 10 % = 90 net → 110.70 gross
    expect(gross('TAX-EXCL')).toBe('110.70');
    // template formula on the price-included price 123: 123 − 15 % = 104.55 → round 1 → 105 − 0.01 = 104.99 (gross, VAT inside)
    expect(gross('TAX-INCL-17')).toBe('104.99');
    // no category match → global, based on "Hurt" (−20 %) then −5 %: 49.90 × 0.8 × 0.95 = 37.924 → 37.92 (no tax)
    expect(gross('TAX-NONE')).toBe('37.92');
    // the pricelist rules were read in two calls: the partner's pricelist, then the one it is based on
    expect(fake.calls.filter((c) => c.route === 'product.pricelist.item.search_read')).toHaveLength(2);
  });
});

describe('deliveries (stock.picking variants)', () => {
  const picking = (id: number, state: string, over: Record<string, unknown> = {}): Row => ({
    id,
    name: `WAW1/OUT/0000${id}`,
    state,
    carrier_id: [3, 'InPost Paczkomaty 24/7'],
    carrier_tracking_ref: `62${String(id).padStart(22, '0')}`,
    create_date: `2026-05-0${id} 08:00:00`,
    scheduled_date: `2026-05-0${id} 12:00:00`,
    date_done: false,
    picking_type_id: [21, 'Sklep Warszawa: Delivery Orders'],
    sale_id: [501, 'S00501'],
    ...over,
  });
  let fake: FakeOdoo;
  beforeAll(async () => {
    fake = await startFakeOdoo({
      'sale.order.search_read': [
        { id: 501, name: 'S00501', client_order_ref: 'WC-15228', origin: 'WooCommerce #15228', date_order: '2026-05-01 07:59:00' },
      ],
      'stock.picking.search_read': [
        picking(1, 'draft'),
        picking(2, 'waiting', { carrier_tracking_ref: false }),
        picking(3, 'confirmed', { carrier_id: false, carrier_tracking_ref: false, scheduled_date: false }),
        picking(4, 'assigned'),
        picking(5, 'done', { date_done: '2026-05-05 15:30:00' }),
        picking(6, 'cancel'),
        // a state of a custom module: passed on, logged once
        picking(7, 'quality_check', { picking_type_id: false }),
        // a parcel number typed with spaces around it
        picking(8, 'done', { carrier_tracking_ref: '  RR123456785PL ', date_done: '2026-05-08 10:00:00' }),
      ],
      'stock.picking.type.search_read': [{ id: 21, warehouse_id: [4, 'Sklep Warszawa'] }],
    });
  });
  afterAll(() => fake.close());

  it('passes on every state, no carrier / no tracking as null, the warehouse through the picking type', async () => {
    const { orders, deliveries } = await client(fake).findSaleOrderDeliveries({
      query: { exact: [{ field: 'client_order_ref', values: ['WC-15228'] }], contains: [] },
    });
    expect(orders.map((o) => o.clientOrderRef)).toEqual(['WC-15228']);
    expect(deliveries.map((d) => [d.state, d.carrierName, d.trackingNumber, d.scheduledAt, d.doneAt, d.warehouseRef])).toEqual([
      ['draft', 'InPost Paczkomaty 24/7', '620000000000000000000001', '2026-05-01T12:00:00Z', null, 'odoo:warehouse:4'],
      ['waiting', 'InPost Paczkomaty 24/7', null, '2026-05-02T12:00:00Z', null, 'odoo:warehouse:4'],
      ['confirmed', null, null, null, null, 'odoo:warehouse:4'],
      ['assigned', 'InPost Paczkomaty 24/7', '620000000000000000000004', '2026-05-04T12:00:00Z', null, 'odoo:warehouse:4'],
      ['done', 'InPost Paczkomaty 24/7', '620000000000000000000005', '2026-05-05T12:00:00Z', '2026-05-05T15:30:00Z', 'odoo:warehouse:4'],
      ['cancel', 'InPost Paczkomaty 24/7', '620000000000000000000006', '2026-05-06T12:00:00Z', null, 'odoo:warehouse:4'],
      ['quality_check', 'InPost Paczkomaty 24/7', '620000000000000000000007', '2026-05-07T12:00:00Z', null, null],
      ['done', 'InPost Paczkomaty 24/7', 'RR123456785PL', '2026-05-08T12:00:00Z', '2026-05-08T10:00:00Z', 'odoo:warehouse:4'],
    ]);
    // the sale orders by the convention's exact value, their outgoing pickings, the delivery types' warehouses
    expect(fake.calls.map((c) => c.route)).toEqual(['sale.order.search_read', 'stock.picking.search_read', 'stock.picking.type.search_read']);
    expect(fake.calls[0]!.body['domain']).toEqual([['client_order_ref', 'in', ['WC-15228']]]);
    expect(fake.calls[1]!.body['domain']).toEqual([
      ['sale_id', 'in', [501]],
      ['picking_type_code', '=', 'outgoing'],
    ]);
  });

  it('asks nothing more when no sale order matches', async () => {
    fake.calls.length = 0;
    const empty = await startFakeOdoo({ 'sale.order.search_read': [] });
    try {
      const found = await client(empty).findSaleOrderDeliveries({ query: { exact: [], contains: [{ field: 'origin', value: '15228' }] } });
      expect(found).toEqual({ orders: [], deliveries: [] });
      expect(empty.calls.map((c) => c.route)).toEqual(['sale.order.search_read']);
      expect(empty.calls[0]!.body['domain']).toEqual([['origin', 'ilike', '15228']]);
    } finally {
      await empty.close();
    }
  });
});

describe('Odoo 17 over JSON-RPC (execute_kw, HTTP-200 error envelopes)', () => {
  // Odoo 17's account.tax: stored price_include, no price_include_override (a read naming it is a ValueError)
  const ODOO17_TAX_FIELDS = [
    'amount',
    'amount_type',
    'price_include',
    'children_tax_ids',
    'company_id',
    'sequence',
    'include_base_amount',
    'is_base_affected',
  ];
  let fake: FakeOdoo;
  beforeAll(async () => {
    fake = await startFakeOdoo({
      'product.product.search_read': [PRODUCTS[1]!.row, PRODUCTS[0]!.row],
      'account.tax.fields_get': Object.fromEntries(ODOO17_TAX_FIELDS.map((f) => [f, { type: 'char' }])),
      'account.tax.read': (body: Record<string, unknown>) => {
        const unknown = (body['fields'] as string[]).find((f) => !ODOO17_TAX_FIELDS.includes(f));
        if (unknown) return new OdooFixtureError(422, 'builtins.ValueError', `Invalid field '${unknown}' on model 'account.tax'`);
        const ids = body['ids'] as number[];
        return TAXES.filter((t) => ids.includes(t.id)).map(({ price_include_override: _dropped, ...t }) => t);
      },
      'res.currency.read': CURRENCIES,
      'stock.quant.search_read': new OdooFixtureError(
        403,
        'odoo.exceptions.AccessError',
        'You are not allowed to access Quants (stock.quant) records.',
      ),
    });
  });
  afterAll(() => fake.close());
  const rpcClient = (apiKey = credentials.apiKey) =>
    createErpClient({
      baseUrl: fake.baseUrl,
      database: 'odoo',
      apiKey,
      protocol: 'jsonrpc',
      login: 'bot',
      timeoutMs: 2_000,
      policies: { retry: { maxRetries: 0 } },
    });

  it("reads the taxes with the fields this Odoo has, and prices Odoo 17's price-included tax", async () => {
    const products = await rpcClient().getProductsBySkus({ skus: ['TAX-INCL-17', 'TAX-EXCL'] });
    expect(products.map((p) => [p.sku, summary(p).net, summary(p).gross])).toEqual([
      ['TAX-INCL-17', '100.00', '123.00'],
      ['TAX-EXCL', '100.00', '123.00'],
    ]);
    expect(routes(fake).sort()).toEqual(['account.tax.fields_get', 'account.tax.read', 'product.product.search_read', 'res.currency.read']);
  });

  it('maps an error envelope as JSON-2 maps the same exception, and a refused key to UPSTREAM_REJECTED', async () => {
    await expect(rpcClient().getStockBySkus({ skus: ['TAX-EXCL'] })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_REJECTED' },
    });
    await expect(rpcClient('wrong-key').getProductsBySkus({ skus: ['TAX-EXCL'] })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_REJECTED' },
    });
  });
});
