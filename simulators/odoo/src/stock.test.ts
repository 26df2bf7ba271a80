import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const QUANT_FIELDS = [
  'product_id',
  'location_id',
  'warehouse_id',
  'lot_id',
  'package_id',
  'owner_id',
  'company_id',
  'quantity',
  'reserved_quantity',
  'available_quantity',
  'product_uom_id',
  'in_date',
  'write_date',
];

/** products with stock in at least two locations, one of them also delivered to customers (a customer quant) */
function stockedProducts(n: number) {
  const locationsPerProduct = new Map<number, number>();
  for (const q of ds.stock) locationsPerProduct.set(q.productId, (locationsPerProduct.get(q.productId) ?? 0) + 1);
  return ds.products.filter((p) => p.active && p.id % 3 === 0 && (locationsPerProduct.get(p.id) ?? 0) >= 2).slice(0, n);
}

describe('stock', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());

  it('lists stock per location through stock.quant with dotted domains, as in A.4.1', async () => {
    const products = stockedProducts(2);
    const skus = products.map((p) => p.sku);
    const rows = await h.call<Rec[]>(
      'stock.quant',
      'search_read',
      [
        [
          ['product_id.default_code', 'in', skus],
          ['location_id.usage', '=', 'internal'],
        ],
      ],
      {
        fields: QUANT_FIELDS,
        offset: 0,
        limit: 500,
        order: 'id asc',
        context: { lang: 'pl_PL' },
      },
    );
    const expected = ds.stock.filter((q) => products.some((p) => p.id === q.productId)).sort((a, b) => a.id - b.id);
    expect(rows.map((r) => r['id'])).toEqual(expected.map((q) => q.id));
    for (const [i, q] of expected.entries()) {
      const row = rows[i]!;
      const loc = ds.locations.find((l) => l.stockLocationId === q.locationId)!;
      const product = ds.products.find((p) => p.id === q.productId)!;
      expect(row).toEqual({
        id: q.id,
        product_id: [product.id, `[${product.sku}] ${product.name}`],
        location_id: [loc.stockLocationId, `${loc.code}/Stock`],
        warehouse_id: [loc.warehouseId, loc.name],
        lot_id: false,
        package_id: false,
        owner_id: false,
        company_id: [1, ds.company.name],
        quantity: q.quantity,
        reserved_quantity: q.reserved,
        available_quantity: q.quantity - q.reserved,
        product_uom_id: [1, 'Units'],
        in_date: q.inDate.slice(0, 19).replace('T', ' '),
        write_date: q.updatedAt.slice(0, 19).replace('T', ' '),
      });
    }
    // without the usage filter the goods delivered to customers show up too
    const all = await h.call<Rec[]>('stock.quant', 'search_read', [[['product_id.default_code', 'in', skus]]], { fields: ['location_id'] });
    expect(all.length).toBeGreaterThan(rows.length);
    expect(all.some((r) => (r['location_id'] as [number, string])[1] === 'Partners/Customers')).toBe(true);
  });

  it('filters quants by warehouse code through the related warehouse', async () => {
    const shop = ds.locations.find((l) => l.kind === 'store')!;
    const rows = await h.call<Rec[]>('stock.quant', 'search_read', [[['location_id.warehouse_id.code', '=', shop.code]]], {
      fields: ['location_id'],
    });
    expect(rows.length).toBe(ds.stock.filter((q) => q.locationId === shop.stockLocationId).length);
    expect(rows.every((r) => (r['location_id'] as [number, string])[0] === shop.stockLocationId)).toBe(true);
    const viaWarehouse = await h.call<number>('stock.quant', 'search_count', [[['warehouse_id.code', '=', shop.code]]]);
    expect(viaWarehouse).toBe(rows.length);
  });

  it('aggregates product quantities over all warehouses and per warehouse_id / location / warehouse context', async () => {
    const [product] = stockedProducts(1);
    const quants = ds.stock.filter((q) => q.productId === product!.id);
    const total = quants.reduce((s, q) => s + q.quantity, 0);
    const free = quants.reduce((s, q) => s + q.quantity - q.reserved, 0);
    const fields = ['qty_available', 'free_qty', 'virtual_available', 'outgoing_qty', 'incoming_qty'];
    const [all] = await h.call<Rec[]>('product.product', 'search_read', [[['default_code', '=', product!.sku]]], { fields });
    expect(all).toMatchObject({ qty_available: total, free_qty: free, incoming_qty: 0 });
    expect(all!['virtual_available']).toBe(total - (all!['outgoing_qty'] as number));

    const q = quants[0]!;
    const loc = ds.locations.find((l) => l.stockLocationId === q.locationId)!;
    const expected = { qty_available: q.quantity, free_qty: q.quantity - q.reserved };
    for (const context of [
      { warehouse_id: loc.warehouseId },
      { location: loc.stockLocationId },
      { warehouse: loc.warehouseId },
      { warehouse_id: loc.name },
    ]) {
      const [row] = await h.call<Rec[]>('product.product', 'search_read', [[['id', '=', product!.id]]], { fields, context });
      expect(row, JSON.stringify(context)).toMatchObject(expected);
    }
    const json2 = await h.json2<Rec[]>('product.product', 'read', { ids: [product!.id], fields, context: { warehouse_id: loc.warehouseId } });
    expect(json2.body[0]).toMatchObject(expected);
  });

  it('searches on computed quantities with the context applied', async () => {
    const shop = ds.locations.find((l) => l.kind === 'store')!;
    const inShop = new Set(ds.stock.filter((q) => q.locationId === shop.stockLocationId && q.quantity > 0).map((q) => q.productId));
    const activeInShop = ds.products
      .filter((p) => p.active && inShop.has(p.id))
      .map((p) => p.id)
      .sort((a, b) => a - b);
    const ids = await h.call<number[]>('product.product', 'search', [[['qty_available', '>', 0]]], {
      order: 'id',
      context: { warehouse_id: shop.warehouseId },
    });
    expect(ids).toEqual(activeInShop);
  });

  it('hides archived products unless the domain mentions active or active_test is off', async () => {
    // archive one product the way a real ERP user would have, through the records admin endpoint
    const target = ds.products.filter((p) => p.active).at(-1)!;
    const load = await fetch(`${h.base}/__simulator/records`, {
      method: 'POST',
      body: JSON.stringify({ 'product.product': [{ id: target.id, active: false }] }),
    });
    expect(load.status).toBe(201);
    try {
      const archivedCount = ds.products.filter((p) => !p.active).length + 1;
      const bySku = await h.call<Rec[]>('product.product', 'search_read', [[['default_code', '=', target.sku]]], { fields: ['active'] });
      expect(bySku).toEqual([]);
      const withActive = await h.call<Rec[]>(
        'product.product',
        'search_read',
        [
          [
            ['default_code', '=', target.sku],
            ['active', 'in', [true, false]],
          ],
        ],
        {
          fields: ['active'],
        },
      );
      expect(withActive).toEqual([{ id: target.id, active: false }]);
      const onlyArchived = await h.call<number>('product.product', 'search_count', [[['active', '=', false]]]);
      expect(onlyArchived).toBe(archivedCount);
      const visible = await h.call<number>('product.product', 'search_count', [[]]);
      expect(visible).toBe(ds.products.length - archivedCount);
      const noTest = await h.call<number>('product.product', 'search_count', [[]], { context: { active_test: false } });
      expect(noTest).toBe(ds.products.length);
      // read by id is not a search: archived records are returned
      const read = await h.call<Rec[]>('product.product', 'read', [[target.id], ['active']]);
      expect(read).toEqual([{ id: target.id, active: false }]);
    } finally {
      h.sim.control.reset();
    }
  });

  it('lists warehouses and locations with their Odoo shapes', async () => {
    const warehouses = await h.call<Rec[]>('stock.warehouse', 'search_read', [[]], {
      fields: ['name', 'code', 'lot_stock_id', 'view_location_id', 'partner_id', 'company_id', 'active'],
    });
    expect(warehouses).toHaveLength(ds.locations.length);
    const central = ds.locations.find((l) => l.kind === 'warehouse')!;
    expect(warehouses.find((w) => w['id'] === central.warehouseId)).toEqual({
      id: central.warehouseId,
      name: central.name,
      code: central.code,
      lot_stock_id: [central.stockLocationId, `${central.code}/Stock`],
      view_location_id: [central.viewLocationId, central.code],
      partner_id: [central.partnerId, `${ds.company.name}, ${central.name}`],
      company_id: [1, ds.company.name],
      active: true,
    });
    const internal = await h.call<Rec[]>('stock.location', 'search_read', [[['usage', '=', 'internal']]], {
      fields: ['complete_name', 'warehouse_id', 'location_id'],
    });
    expect(internal).toHaveLength(ds.locations.length);
    expect(internal.find((l) => l['id'] === central.stockLocationId)).toEqual({
      id: central.stockLocationId,
      complete_name: `${central.code}/Stock`,
      warehouse_id: [central.warehouseId, central.name],
      location_id: [central.viewLocationId, central.code],
    });
    const children = await h.call<number>('stock.location', 'search_count', [[['id', 'child_of', central.viewLocationId]]]);
    expect(children).toBe(2);
  });

  it('keeps store coordinates and opening hours on the warehouse partner', async () => {
    const shop = ds.locations.find((l) => l.openingHours)!;
    const [partner] = await h.call<Rec[]>('res.partner', 'read', [
      [shop.partnerId],
      ['street', 'zip', 'city', 'country_id', 'partner_latitude', 'partner_longitude', 'phone', 'comment'],
    ]);
    expect(partner).toEqual({
      id: shop.partnerId,
      street: shop.address.street,
      zip: shop.address.zip,
      city: shop.address.city,
      country_id: [179, 'Poland'],
      partner_latitude: shop.latitude,
      partner_longitude: shop.longitude,
      phone: shop.phone,
      comment: `<p>${shop.openingHours}</p>`,
    });
  });

  it('exposes the VAT rate of a product through taxes_id and account.tax', async () => {
    const product = ds.products.find((p) => p.active && p.vatRate === 8) ?? ds.products[0]!;
    const [row] = await h.call<Rec[]>('product.product', 'read', [[product.id], ['taxes_id']]);
    const taxes = await h.call<Rec[]>('account.tax', 'read', [row!['taxes_id'], ['name', 'amount', 'amount_type', 'price_include']]);
    expect(taxes).toEqual([
      { id: (row!['taxes_id'] as number[])[0], name: `${product.vatRate}%`, amount: product.vatRate, amount_type: 'percent', price_include: false },
    ]);
  });
});
