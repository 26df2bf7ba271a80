import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOdoo, type OdooErrorBody, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const store = ds.locations.find((l) => l.kind === 'store')!;
const customer = ds.erpPartners.find((p) => p.email && !p.isCompany)!;
/** an active product with at least 3 free units in the store */
const product = ds.products.find((p) => {
  const q = ds.stock.find((s) => s.productId === p.id && s.locationId === store.stockLocationId);
  return p.active && q !== undefined && q.quantity - q.reserved >= 3;
})!;
const storeQuant = ds.stock.find((s) => s.productId === product.id && s.locationId === store.stockLocationId)!;
const seededOut = ds.erpDeliveries.filter((d) => d.name.startsWith(`${store.code}/OUT/`)).map((d) => Number(d.name.split('/').at(-1)));
const nextOut = `${store.code}/OUT/${String(Math.max(0, ...seededOut) + 1).padStart(5, '0')}`;

describe('transfers: operation types, deliveries of confirmed orders, receipts validated', () => {
  let h: OdooHarness;
  let customers: number;
  let receiptType: Rec;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.sim.control.reset();
    [receiptType = {}] = await h.call<Rec[]>(
      'stock.picking.type',
      'search_read',
      [
        [
          ['code', '=', 'incoming'],
          ['warehouse_id.code', '=', store.code],
        ],
      ],
      { fields: ['name', 'sequence_code', 'warehouse_id', 'default_location_src_id', 'default_location_dest_id', 'display_name'] },
    );
    const [loc] = await h.call<Rec[]>('stock.location', 'search_read', [[['usage', '=', 'customer']]], { fields: ['complete_name'], limit: 1 });
    customers = loc!['id'] as number;
  });

  it('serves each warehouse receipt and delivery types with their default locations', async () => {
    expect(receiptType).toMatchObject({
      name: 'Receipts',
      sequence_code: 'IN',
      warehouse_id: [store.warehouseId, store.name],
      default_location_dest_id: [store.stockLocationId, `${store.code}/Stock`],
      display_name: `${store.name}: Receipts`,
    });
    const out = await h.call<Rec[]>(
      'stock.picking.type',
      'search_read',
      [
        [
          ['code', '=', 'outgoing'],
          ['warehouse_id', '=', store.warehouseId],
        ],
      ],
      {
        fields: ['sequence_code', 'default_location_src_id', 'default_location_dest_id'],
      },
    );
    expect(out).toEqual([
      {
        id: expect.any(Number),
        sequence_code: 'OUT',
        default_location_src_id: [store.stockLocationId, `${store.code}/Stock`],
        default_location_dest_id: [customers, 'Partners/Customers'],
      },
    ]);
  });

  it("confirming an order for a store's warehouse makes its delivery and reserves the goods there", async () => {
    const id = await h.call<number>('sale.order', 'create', [
      {
        partner_id: customer.id,
        warehouse_id: store.warehouseId,
        origin: 'omnigraph:k-1',
        client_order_ref: 'WC-900001',
        order_line: [[0, 0, { product_id: product.id, product_uom_qty: 2, price_unit: 10 }]],
      },
    ]);
    expect(await h.call('sale.order', 'action_confirm', [[id]])).toBe(true);
    const found = await h.call<Rec[]>('sale.order', 'search_read', [[['origin', '=', 'omnigraph:k-1']]], {
      fields: ['state', 'picking_ids', 'warehouse_id'],
    });
    expect(found).toEqual([{ id, state: 'sale', picking_ids: [expect.any(Number)], warehouse_id: [store.warehouseId, store.name] }]);
    const [picking] = await h.call<Rec[]>('stock.picking', 'read', [
      found[0]!['picking_ids'],
      ['name', 'state', 'origin', 'picking_type_code', 'location_id', 'move_ids'],
    ]);
    expect(picking).toMatchObject({
      name: nextOut,
      state: 'assigned',
      picking_type_code: 'outgoing',
      location_id: [store.stockLocationId, `${store.code}/Stock`],
    });
    const moves = await h.call<Rec[]>('stock.move', 'read', [picking!['move_ids'], ['product_uom_qty', 'quantity', 'state']]);
    expect(moves).toEqual([{ id: expect.any(Number), product_uom_qty: 2, quantity: 2, state: 'assigned' }]);
    const [quant] = await h.call<Rec[]>('stock.quant', 'read', [[storeQuant.id], ['reserved_quantity', 'available_quantity']]);
    expect(quant).toMatchObject({ reserved_quantity: storeQuant.reserved + 2, available_quantity: storeQuant.quantity - storeQuant.reserved - 2 });
  });

  it('creates a receipt with move commands, named from the type sequence, and validating it books the goods in', async () => {
    const cursor = new Date(Date.now() - 1000).toISOString().slice(0, 19).replace('T', ' ');
    const id = await h.call<number>('stock.picking', 'create', [
      {
        picking_type_id: receiptType['id'],
        location_id: customers,
        location_dest_id: store.stockLocationId,
        origin: 'omnigraph:ret-1',
        partner_id: customer.id,
        move_ids: [
          [
            0,
            0,
            {
              product_id: product.id,
              product_uom_qty: 3,
              quantity: 3,
              name: 'zwrot',
              location_id: customers,
              location_dest_id: store.stockLocationId,
            },
          ],
        ],
      },
    ]);
    const [draft] = await h.call<Rec[]>('stock.picking', 'search_read', [[['origin', '=', 'omnigraph:ret-1']]], {
      fields: ['name', 'state', 'picking_type_code'],
    });
    expect(draft).toEqual({ id, name: `${store.code}/IN/00001`, state: 'draft', picking_type_code: 'incoming' });

    const validated = await h.json2('stock.picking', 'button_validate', { ids: [id] });
    expect(validated).toMatchObject({ status: 200, body: true });
    const [picking] = await h.call<Rec[]>('stock.picking', 'read', [[id], ['state', 'date_done', 'move_ids']]);
    expect(picking).toMatchObject({ state: 'done', date_done: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    const moves = await h.call<Rec[]>('stock.move', 'read', [picking!['move_ids'], ['state', 'quantity', 'picked']]);
    expect(moves).toEqual([{ id: expect.any(Number), state: 'done', quantity: 3, picked: true }]);
    const [quant] = await h.call<Rec[]>('stock.quant', 'read', [[storeQuant.id], ['quantity', 'write_date']]);
    expect(quant!['quantity']).toBe(storeQuant.quantity + 3);
    // change polling sees the stock change
    const changed = await h.call<number[]>('stock.quant', 'search', [
      [
        ['write_date', '>=', cursor],
        ['location_id.usage', '=', 'internal'],
      ],
    ]);
    expect(changed).toEqual([storeQuant.id]);
    // validating again changes nothing
    expect(await h.call('stock.picking', 'button_validate', [[id]])).toBe(true);
    const [again] = await h.call<Rec[]>('stock.quant', 'read', [[storeQuant.id], ['quantity']]);
    expect(again!['quantity']).toBe(storeQuant.quantity + 3);
    // the next receipt continues the sequence
    const second = await h.call<number>('stock.picking', 'create', [{ picking_type_id: receiptType['id'], location_id: customers }]);
    const [s2] = await h.call<Rec[]>('stock.picking', 'read', [[second], ['name', 'location_dest_id']]);
    expect(s2).toMatchObject({ name: `${store.code}/IN/00002`, location_dest_id: [store.stockLocationId, `${store.code}/Stock`] });
  });

  it('answers the backorder wizard when less than the demand is available, and UserError when nothing is', async () => {
    const free = storeQuant.quantity - storeQuant.reserved;
    const order = await h.call<number>('sale.order', 'create', [
      { partner_id: customer.id, warehouse_id: store.warehouseId, order_line: [[0, 0, { product_id: product.id, product_uom_qty: free + 5 }]] },
    ]);
    await h.call('sale.order', 'action_confirm', [[order]]);
    const [
      {
        picking_ids: [delivery],
      },
    ] = (await h.call<Rec[]>('sale.order', 'read', [[order], ['picking_ids']])) as [{ picking_ids: number[] }];
    const wizard = await h.call<Rec>('stock.picking', 'button_validate', [[delivery]]);
    expect(wizard).toMatchObject({ type: 'ir.actions.act_window', res_model: 'stock.backorder.confirmation', target: 'new' });
    const [quant] = await h.call<Rec[]>('stock.quant', 'read', [[storeQuant.id], ['quantity']]);
    expect(quant!['quantity']).toBe(storeQuant.quantity);

    const [empty] = await h.call<number[]>('stock.picking', 'create', [
      [{ picking_type_id: receiptType['id'], location_id: customers, move_ids: [[0, 0, { product_id: product.id, product_uom_qty: 0 }]] }],
    ]);
    const refused = await h.json2<OdooErrorBody>('stock.picking', 'button_validate', { ids: [empty] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: expect.stringContaining('no quantities are reserved nor done'),
    });
  });

  it('refuses a transfer without an operation type as Odoo does, and writes on quants stay forbidden', async () => {
    const reply = await h.executeKw('stock.picking', 'create', [{ location_id: customers, location_dest_id: store.stockLocationId }]);
    expect(reply.body.error?.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: expect.stringContaining('Field: Operation Type (picking_type_id)'),
    });
    const quant = await h.executeKw('stock.quant', 'create', [{ product_id: product.id, location_id: store.stockLocationId }]);
    expect(quant.body.error?.data.name).toBe('odoo.exceptions.AccessError');
    expect(await h.call<number>('stock.picking', 'search_count', [[['origin', '=like', 'omnigraph:%']]])).toBe(0);
  });
});
