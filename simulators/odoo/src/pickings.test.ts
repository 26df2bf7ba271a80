import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const shipped = ds.erpDeliveries.find((d) => d.trackingRef !== null && d.carrierId === 1)!;
const shippedOrder = ds.erpSaleOrders.find((o) => o.id === shipped.saleOrderId)!;
const waiting = ds.erpDeliveries.find((d) => d.state === 'assigned')!;

describe('channel orders in the ERP: sale orders, deliveries, carriers', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());

  it('finds a delivery by its parcel number, with the fields sale_stock and stock_delivery add, in Odoo wire format', async () => {
    const rows = await h.call<Rec[]>('stock.picking', 'search_read', [[['carrier_tracking_ref', '=', shipped.trackingRef]]], {
      fields: [
        'name',
        'origin',
        'sale_id',
        'partner_id',
        'state',
        'picking_type_code',
        'scheduled_date',
        'date_done',
        'carrier_id',
        'carrier_tracking_ref',
      ],
    });
    expect(rows).toEqual([
      {
        id: shipped.id,
        name: shipped.name,
        origin: shippedOrder.name,
        sale_id: [shippedOrder.id, shippedOrder.name],
        partner_id: [shipped.partnerId, expect.any(String)],
        state: 'done',
        picking_type_code: 'outgoing',
        scheduled_date: expect.stringMatching(/^\d{4}-\d\d-\d\d 07:00:00$/),
        date_done: shipped.dateDone!.slice(0, 19).replace('T', ' '),
        carrier_id: [1, 'InPost Paczkomaty 24/7'],
        carrier_tracking_ref: shipped.trackingRef,
      },
    ]);
    expect(shipped.trackingRef).toMatch(/^\d{24}$/);
    expect(shipped.name).toMatch(/^[A-Z0-9]+\/OUT\/\d{5}$/);
  });

  it('answers false for what a waiting delivery does not have yet', async () => {
    const [row] = await h.call<Rec[]>('stock.picking', 'read', [[waiting.id], ['state', 'date_done', 'carrier_tracking_ref']]);
    expect(row).toEqual({ id: waiting.id, state: 'assigned', date_done: false, carrier_tracking_ref: false });
  });

  it('serves the connector reference convention on sale orders and the order transfers (picking_ids)', async () => {
    const eshop = ds.erpSaleOrders.find((o) => o.channel === 'eshop')!;
    const allegro = ds.erpSaleOrders.find((o) => o.channel === 'allegro')!;
    const offline = ds.erpSaleOrders.find((o) => o.channel === null)!;
    const rows = await h.json2<Rec[]>('sale.order', 'search_read', {
      domain: [['name', 'in', [eshop.name, allegro.name, offline.name]]],
      fields: ['name', 'client_order_ref', 'origin', 'date_order', 'state', 'picking_ids'],
      order: 'id asc',
    });
    expect(rows.status).toBe(200);
    const byName = new Map(rows.body.map((r) => [r['name'], r]));
    expect(byName.get(eshop.name)).toMatchObject({
      client_order_ref: `WC-${eshop.channelOrderId}`,
      origin: expect.stringMatching(/^WooCommerce #\d+$/),
      state: 'sale',
    });
    expect(byName.get(allegro.name)).toMatchObject({ client_order_ref: allegro.channelOrderId, origin: expect.stringMatching(/^Allegro /) });
    expect(byName.get(offline.name)).toMatchObject({ origin: false });
    expect(byName.get(eshop.name)!['picking_ids']).toEqual([ds.erpDeliveries.find((d) => d.saleOrderId === eshop.id)!.id]);
    expect(byName.get(eshop.name)!['date_order']).toBe(eshop.dateOrder.slice(0, 19).replace('T', ' '));
  });

  it('derives phone_sanitized (E.164) from phone and searches on it', async () => {
    const partner = ds.erpPartners.find((p) => p.id === 100)!;
    const [row] = await h.call<Rec[]>('res.partner', 'read', [[100], ['phone', 'phone_sanitized']]);
    expect(row!['phone']).toBe(partner.phone);
    expect(row!['phone_sanitized']).toMatch(/^\+48\d{9}$/);
    const found = await h.call<number[]>('res.partner', 'search', [[['phone_sanitized', '=', row!['phone_sanitized']]]]);
    expect(found).toContain(100);
  });

  it('lists the carriers and refuses writes on deliveries like a bot without stock rights', async () => {
    const carriers = await h.call<Rec[]>('delivery.carrier', 'search_read', [[]], { fields: ['name'] });
    expect(carriers.map((c) => c['name'])).toEqual(ds.erpCarriers.map((c) => c.name));
    const write = await h.executeKw('stock.picking', 'write', [[shipped.id], { carrier_tracking_ref: 'X' }]);
    expect(write.body.error?.data.name).toBe('odoo.exceptions.AccessError');
  });
});
