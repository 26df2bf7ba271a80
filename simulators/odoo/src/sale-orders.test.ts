import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOdoo, type OdooErrorBody, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const central = ds.locations.find((l) => l.kind === 'warehouse')!;
const customer = ds.erpPartners.find((p) => p.email && !p.isCompany && p.pricelistId === null)!;
const defaultPricelist = Math.min(...ds.pricelists.map((pl) => pl.id));
/** an active product with free stock at the central warehouse and no rule in the default pricelist */
const product = ds.products.find((p) => {
  const q = ds.stock.find((s) => s.productId === p.id && s.locationId === central.stockLocationId);
  const ruled = ds.pricelistItems.some(
    (i) => i.pricelistId === defaultPricelist && (i.productId === p.id || i.categoryId === p.categoryId || i.appliedOn === '3_global'),
  );
  return p.active && q !== undefined && q.quantity - q.reserved >= 5 && !ruled;
})!;
/** the dataset's channel orders are seeded, so the first order created continues Odoo's sequence after them */
const seededOrders = ds.erpSaleOrders.length;
const orderName = (n: number): string => `S${String(seededOrders + n).padStart(5, '0')}`;
const centralQuant = ds.stock.find((s) => s.productId === product.id && s.locationId === central.stockLocationId)!;

describe('sale orders', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.control.reset());

  it('creates a quotation with lines priced from the product, numbered after the seeded orders, with amounts and taxes', async () => {
    const id = await h.call<number>('sale.order', 'create', [
      { partner_id: customer.id, order_line: [[0, 0, { product_id: product.id, product_uom_qty: 2 }]] },
    ]);
    expect(typeof id).toBe('number');
    const [order] = await h.call<Rec[]>('sale.order', 'read', [
      [id],
      ['name', 'state', 'partner_id', 'order_line', 'amount_untaxed', 'amount_tax', 'amount_total', 'warehouse_id', 'date_order', 'pricelist_id'],
    ]);
    const net = product.listPriceNet / 100;
    const untaxed = Math.round(net * 2 * 100) / 100;
    const tax = Math.round(untaxed * product.vatRate) / 100;
    expect(order).toMatchObject({
      id,
      name: orderName(1),
      state: 'draft',
      partner_id: [customer.id, customer.name],
      amount_untaxed: untaxed,
      amount_tax: tax,
      amount_total: Math.round((untaxed + tax) * 100) / 100,
      warehouse_id: [central.warehouseId, central.name],
    });
    expect(order!['date_order']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const lines = await h.call<Rec[]>('sale.order.line', 'read', [
      order!['order_line'],
      ['order_id', 'product_id', 'name', 'product_uom_qty', 'product_uom_id', 'price_unit', 'tax_ids', 'price_subtotal', 'state'],
    ]);
    expect(lines).toEqual([
      {
        id: (order!['order_line'] as number[])[0],
        order_id: [id, orderName(1)],
        product_id: [product.id, `[${product.sku}] ${product.name}`],
        name: `[${product.sku}] ${product.name}`,
        product_uom_qty: 2,
        product_uom_id: [1, 'Units'],
        price_unit: net,
        tax_ids: [expect.any(Number)],
        price_subtotal: untaxed,
        state: 'draft',
      },
    ]);
    const second = await h.call<number>('sale.order', 'create', [{ partner_id: customer.id }]);
    const [s2] = await h.call<Rec[]>('sale.order', 'read', [[second], ['name', 'amount_total', 'order_line']]);
    expect(s2).toEqual({ id: second, name: orderName(2), amount_total: 0, order_line: [] });
  });

  it('confirms an order, reserving stock in the central warehouse, and refuses to confirm it twice', async () => {
    const cursor = new Date(Date.now() - 1000).toISOString().slice(0, 19).replace('T', ' ');
    const id = await h.call<number>('sale.order', 'create', [
      { partner_id: customer.id, order_line: [[0, 0, { product_id: product.id, product_uom_qty: 3, price_unit: 10 }]] },
    ]);
    expect(await h.call('sale.order', 'action_confirm', [[id]])).toBe(true);
    const [order] = await h.call<Rec[]>('sale.order', 'read', [[id], ['state', 'amount_untaxed']]);
    expect(order).toEqual({ id, state: 'sale', amount_untaxed: 30 });

    const [quant] = await h.call<Rec[]>('stock.quant', 'read', [
      [centralQuant.id],
      ['quantity', 'reserved_quantity', 'available_quantity', 'write_date'],
    ]);
    expect(quant).toMatchObject({
      quantity: centralQuant.quantity,
      reserved_quantity: centralQuant.reserved + 3,
      available_quantity: centralQuant.quantity - centralQuant.reserved - 3,
    });
    // stock polling sees the reservation
    const changed = await h.call<number[]>('stock.quant', 'search', [[['write_date', '>=', cursor]]]);
    expect(changed).toEqual([centralQuant.id]);
    const [p] = await h.call<Rec[]>('product.product', 'read', [[product.id], ['qty_available', 'free_qty', 'outgoing_qty', 'virtual_available']], {
      context: { warehouse_id: central.warehouseId },
    });
    expect(p).toMatchObject({
      qty_available: centralQuant.quantity,
      free_qty: centralQuant.quantity - centralQuant.reserved - 3,
      outgoing_qty: centralQuant.reserved + 3,
      virtual_available: centralQuant.quantity - centralQuant.reserved - 3,
    });

    const again = await h.executeKw('sale.order', 'action_confirm', [[id]]);
    expect(again.status).toBe(200);
    expect(again.body.error?.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'Some orders are not in a state requiring confirmation.',
      arguments: ['Some orders are not in a state requiring confirmation.'],
    });
    const againJson2 = await h.json2<OdooErrorBody>('sale.order', 'action_confirm', { ids: [id] });
    expect(againJson2.status).toBe(422);
    expect(againJson2.body.name).toBe('odoo.exceptions.UserError');
    // the failed confirmation reserved nothing more
    const [after] = await h.call<Rec[]>('stock.quant', 'read', [[centralQuant.id], ['reserved_quantity']]);
    expect(after!['reserved_quantity']).toBe(centralQuant.reserved + 3);
  });

  it('never reserves more than is free', async () => {
    const free = centralQuant.quantity - centralQuant.reserved;
    const id = await h.call<number>('sale.order', 'create', [
      { partner_id: customer.id, order_line: [[0, 0, { product_id: product.id, product_uom_qty: free + 50 }]] },
    ]);
    await h.call('sale.order', 'action_confirm', [[id]]);
    const [quant] = await h.call<Rec[]>('stock.quant', 'read', [[centralQuant.id], ['reserved_quantity', 'available_quantity']]);
    expect(quant).toMatchObject({ reserved_quantity: centralQuant.quantity, available_quantity: 0 });
  });

  it('creates and confirms over JSON-2 with vals_list and ids', async () => {
    const created = await h.json2<number[]>('sale.order', 'create', {
      vals_list: [{ partner_id: customer.id, client_order_ref: 'WC-5001', order_line: [[0, 0, { product_id: product.id, product_uom_qty: 1 }]] }],
    });
    expect(created.status).toBe(200);
    expect(created.body).toHaveLength(1);
    const confirmed = await h.json2('sale.order', 'action_confirm', { ids: created.body });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toBe(true);
    const rows = await h.json2<Rec[]>('sale.order', 'search_read', { domain: [['client_order_ref', '=', 'WC-5001']], fields: ['name', 'state'] });
    expect(rows.body).toEqual([{ id: created.body[0], name: orderName(1), state: 'sale' }]);
    const lines = await h.json2<Rec[]>('sale.order.line', 'search_read', {
      domain: [['order_id', '=', created.body[0]]],
      fields: ['product_uom_qty', 'state'],
    });
    expect(lines.body).toEqual([{ id: expect.any(Number), product_uom_qty: 1, state: 'sale' }]);
  });

  it('prices lines from the customer pricelist when a rule applies', async () => {
    const item = ds.pricelistItems.find((i) => i.appliedOn === '0_product_variant' && i.minQuantity <= 1 && i.dateEnd === null);
    expect(item, 'the dataset has a variant pricelist rule').toBeDefined();
    const buyer = await h.call<number>('res.partner', 'create', [{ name: 'Stały Klient', property_product_pricelist: item!.pricelistId }]);
    const ruled = ds.products.find((p) => p.id === item!.productId)!;
    const id = await h.call<number>('sale.order', 'create', [{ partner_id: buyer, order_line: [[0, 0, { product_id: ruled.id }]] }]);
    const lines = await h.call<Rec[]>('sale.order.line', 'search_read', [[['order_id', '=', id]]], { fields: ['price_unit', 'product_uom_qty'] });
    const expected =
      item!.computePrice === 'fixed' ? item!.fixedPriceNet! / 100 : Math.round(ruled.listPriceNet * (1 - item!.percentPrice! / 100)) / 100;
    expect(lines).toEqual([{ id: expect.any(Number), price_unit: expected, product_uom_qty: 1 }]);
  });

  it('edits lines with write commands and recomputes the amounts', async () => {
    const id = await h.call<number>('sale.order', 'create', [
      { partner_id: customer.id, order_line: [[0, 0, { product_id: product.id, product_uom_qty: 1, price_unit: 100 }]] },
    ]);
    const [created] = await h.call<Array<{ order_line: number[] }>>('sale.order', 'read', [[id], ['order_line']]);
    const lineId = created!.order_line[0]!;
    await h.call('sale.order', 'write', [
      [id],
      {
        order_line: [
          [1, lineId, { product_uom_qty: 4 }],
          [0, 0, { product_id: product.id, price_unit: 50 }],
        ],
      },
    ]);
    const [order] = await h.call<Rec[]>('sale.order', 'read', [[id], ['amount_untaxed', 'order_line']]);
    expect(order).toMatchObject({ amount_untaxed: 450 });
    expect(order!['order_line']).toHaveLength(2);
    await h.call('sale.order', 'write', [[id], { order_line: [[2, lineId, 0]] }]);
    const [after] = await h.call<Rec[]>('sale.order', 'read', [[id], ['amount_untaxed', 'order_line']]);
    expect(after).toMatchObject({ amount_untaxed: 50 });
  });

  it('adds lines directly, deletes quotations but not confirmed orders or their customers', async () => {
    const id = await h.call<number>('sale.order', 'create', [{ partner_id: customer.id }]);
    const added = await h.json2<number[]>('sale.order.line', 'create', { vals_list: [{ order_id: id, product_id: product.id, price_unit: 20 }] });
    expect(added.status).toBe(200);
    const [order] = await h.call<Rec[]>('sale.order', 'read', [[id], ['order_line', 'amount_untaxed']]);
    expect(order).toEqual({ id, order_line: added.body, amount_untaxed: 20 });
    await h.call('sale.order.line', 'write', [added.body, { product_uom_qty: 2 }]);
    expect((await h.call<Rec[]>('sale.order', 'read', [[id], ['amount_untaxed']]))[0]!['amount_untaxed']).toBe(40);

    const draft = await h.call<number>('sale.order', 'create', [{ partner_id: customer.id }]);
    expect(await h.call('sale.order', 'unlink', [[draft]])).toBe(true);
    expect(await h.call<Rec[]>('sale.order', 'read', [[draft], ['name']])).toEqual([]);
    await h.call('sale.order', 'action_confirm', [[id]]);
    const refused = await h.json2<OdooErrorBody>('sale.order', 'unlink', { ids: [id] });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
    const partner = await h.json2<OdooErrorBody>('res.partner', 'unlink', { ids: [customer.id] });
    expect(partner.status).toBe(422);
    expect(partner.body.name).toBe('odoo.exceptions.ValidationError');
  });

  it('validates orders like Odoo and applies nothing from a failing call', async () => {
    const noPartner = await h.executeKw('sale.order', 'create', [{ order_line: [[0, 0, { product_id: product.id }]] }]);
    expect(noPartner.body.error?.data.name).toBe('odoo.exceptions.ValidationError');
    expect(noPartner.body.error?.data.message).toContain('Field: Customer (partner_id)');
    const oldField = await h.executeKw('sale.order', 'create', [
      { partner_id: customer.id, order_line: [[0, 0, { product_id: product.id, product_uom: 1 }]] },
    ]);
    expect(oldField.body.error?.data.message).toBe("Invalid field 'product_uom' in 'sale.order.line'");
    const noProduct = await h.json2<OdooErrorBody>('sale.order', 'create', {
      vals_list: [{ partner_id: customer.id, order_line: [[0, 0, { product_id: 999_999 }]] }],
    });
    expect(noProduct.status).toBe(404);
    expect(noProduct.body.name).toBe('odoo.exceptions.MissingError');
    expect(await h.call<number>('sale.order', 'search_count', [[]])).toBe(seededOrders);
    expect(await h.call<number>('sale.order.line', 'search_count', [[]])).toBe(0);
    const confirmMissing = await h.json2<OdooErrorBody>('sale.order', 'action_confirm', { ids: [424_242] });
    expect(confirmMissing.status).toBe(404);
  });
});
