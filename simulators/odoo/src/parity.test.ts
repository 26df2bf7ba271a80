import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooHarness } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const skus = ds.products
  .filter((p) => p.active)
  .slice(3, 8)
  .map((p) => p.sku);
const shop = ds.locations.find((l) => l.kind === 'store')!;
const trackingRefs = ds.erpDeliveries.flatMap((d) => (d.trackingRef ? [d.trackingRef] : [])).slice(0, 5);
const orderNames = ds.erpSaleOrders.slice(0, 3).map((o) => o.name);

/** the same query, written once as execute_kw (args, kwargs) and once as JSON-2 named parameters */
const QUERIES: Array<{
  label: string;
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  body: Record<string, unknown>;
}> = [
  {
    label: 'products by SKU with per-warehouse quantities',
    model: 'product.product',
    method: 'search_read',
    args: [[['default_code', 'in', skus]]],
    kwargs: {
      fields: ['default_code', 'barcode', 'list_price', 'lst_price', 'qty_available', 'free_qty', 'virtual_available'],
      context: { warehouse_id: shop.warehouseId },
    },
    body: {
      domain: [['default_code', 'in', skus]],
      fields: ['default_code', 'barcode', 'list_price', 'lst_price', 'qty_available', 'free_qty', 'virtual_available'],
      context: { warehouse_id: shop.warehouseId },
    },
  },
  {
    label: 'stock per location',
    model: 'stock.quant',
    method: 'search_read',
    args: [
      [
        ['product_id.default_code', 'in', skus],
        ['location_id.usage', '=', 'internal'],
      ],
    ],
    kwargs: {
      fields: ['product_id', 'location_id', 'warehouse_id', 'quantity', 'reserved_quantity', 'available_quantity', 'write_date'],
      limit: 500,
      order: 'id asc',
    },
    body: {
      domain: [
        ['product_id.default_code', 'in', skus],
        ['location_id.usage', '=', 'internal'],
      ],
      fields: ['product_id', 'location_id', 'warehouse_id', 'quantity', 'reserved_quantity', 'available_quantity', 'write_date'],
      limit: 500,
      order: 'id asc',
    },
  },
  {
    label: 'partners page',
    model: 'res.partner',
    method: 'search_read',
    args: [[['email', '!=', false]]],
    kwargs: { fields: ['name', 'email', 'commercial_partner_id', 'property_product_pricelist'], offset: 5, limit: 10 },
    body: {
      domain: [['email', '!=', false]],
      fields: ['name', 'email', 'commercial_partner_id', 'property_product_pricelist'],
      offset: 5,
      limit: 10,
    },
  },
  {
    label: 'deliveries by tracking number',
    model: 'stock.picking',
    method: 'search_read',
    args: [[['carrier_tracking_ref', 'in', trackingRefs]]],
    kwargs: { fields: ['name', 'origin', 'sale_id', 'partner_id', 'state', 'picking_type_code', 'scheduled_date', 'date_done', 'carrier_id'] },
    body: {
      domain: [['carrier_tracking_ref', 'in', trackingRefs]],
      fields: ['name', 'origin', 'sale_id', 'partner_id', 'state', 'picking_type_code', 'scheduled_date', 'date_done', 'carrier_id'],
    },
  },
  {
    label: 'sale orders by name (all fields)',
    model: 'sale.order',
    method: 'search_read',
    args: [[['name', 'in', orderNames]]],
    kwargs: {},
    body: { domain: [['name', 'in', orderNames]] },
  },
  { label: 'carriers', model: 'delivery.carrier', method: 'search_read', args: [[]], kwargs: {}, body: { domain: [] } },
  { label: 'warehouses (all fields)', model: 'stock.warehouse', method: 'search_read', args: [[]], kwargs: {}, body: { domain: [] } },
  {
    label: 'count',
    model: 'stock.quant',
    method: 'search_count',
    args: [[['quantity', '>', 10]]],
    kwargs: {},
    body: { domain: [['quantity', '>', 10]] },
  },
  {
    label: 'fields_get',
    model: 'product.product',
    method: 'fields_get',
    args: [],
    kwargs: { attributes: ['type', 'string'] },
    body: { attributes: ['type', 'string'] },
  },
];

describe('both wire formats return the same data', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());

  for (const q of QUERIES) {
    it(q.label, async () => {
      const rpc = await h.executeKw(q.model, q.method, q.args, q.kwargs);
      const json2 = await h.json2(q.model, q.method, q.body);
      expect(json2.status).toBe(200);
      expect(rpc.body.error).toBeUndefined();
      expect(json2.body).toEqual(rpc.body.result);
      // byte-identical payloads too (floats written as Python writes them)
      expect(rpc.text).toBe(`{"jsonrpc": "2.0", "id": ${String(rpc.body.id)}, "result": ${json2.text}}`);
      if (Array.isArray(json2.body)) expect(json2.body.length).toBeGreaterThan(0);
    });
  }

  it('reads records by ids (args[0] over JSON-RPC, ids over JSON-2)', async () => {
    const ids = ds.products.slice(0, 4).map((p) => p.id);
    const rpc = await h.call('product.product', 'read', [ids, ['display_name', 'categ_id', 'taxes_id']]);
    const json2 = await h.json2('product.product', 'read', { ids, fields: ['display_name', 'categ_id', 'taxes_id'] });
    expect(json2.body).toEqual(rpc);
  });
});
