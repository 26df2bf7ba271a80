import { describe, expect, it } from 'vitest';
import { GENERATED_AT } from './clock.ts';
import { getDataset } from './index.ts';

const d = getDataset();

describe('channel orders in the ERP', () => {
  it('imports exactly the paid, non-cancelled channel orders, once each, named S00001… by order date', () => {
    const eshop = d.eshopOrders.filter((o) => o.status === 'processing' || o.status === 'completed');
    const allegro = d.allegroCheckoutForms.filter((f) => f.status === 'READY_FOR_PROCESSING' && f.fulfillmentStatus !== 'CANCELLED');
    const fromEshop = d.erpSaleOrders.filter((o) => o.channel === 'eshop');
    const fromAllegro = d.erpSaleOrders.filter((o) => o.channel === 'allegro');
    expect(new Set(fromEshop.map((o) => o.channelOrderId))).toEqual(new Set(eshop.map((o) => String(o.id))));
    expect(new Set(fromAllegro.map((o) => o.channelOrderId))).toEqual(new Set(allegro.map((f) => f.id)));
    expect(fromEshop.every((o) => o.clientOrderRef === `WC-${o.channelOrderId}`)).toBe(true);
    expect(fromAllegro.every((o) => o.clientOrderRef === o.channelOrderId)).toBe(true);
    const offline = d.erpSaleOrders.filter((o) => o.channel === null);
    expect(offline.length).toBeGreaterThan(20);
    expect(offline.every((o) => o.origin === null && (o.clientOrderRef === null || /^ZAM\/\d{4}\/\d{4}$/.test(o.clientOrderRef)))).toBe(true);
    d.erpSaleOrders.forEach((o, i) => {
      expect(o.id).toBe(i + 1);
      expect(o.name).toBe(`S${String(i + 1).padStart(5, '0')}`);
      if (i > 0) expect(o.dateOrder >= d.erpSaleOrders[i - 1]!.dateOrder).toBe(true);
    });
  });

  it('gives every sale order one outgoing delivery; shipped ones have a parcel number in the carrier format', () => {
    expect(d.erpDeliveries).toHaveLength(d.erpSaleOrders.length);
    const formats: Record<string, RegExp> = {
      inpost_locker: /^\d{24}$/,
      inpost_courier: /^\d{24}$/,
      dpd: /^\d{13}U$/,
      pocztex: /^00\d{18}$/,
      allegro_one: /^A1\d{16}$/,
    };
    const carrierCode = new Map(d.erpCarriers.map((c) => [c.id, c.code]));
    const refs = new Set<string>();
    for (const delivery of d.erpDeliveries) {
      expect(delivery.name).toMatch(/^[A-Z0-9]+\/OUT\/\d{5}$/);
      expect(delivery.state === 'done').toBe(delivery.dateDone !== null);
      if (delivery.trackingRef !== null) {
        expect(delivery.state).toBe('done');
        expect(delivery.trackingRef).toMatch(formats[carrierCode.get(delivery.carrierId!)!]!);
        refs.add(delivery.trackingRef);
      }
      if (delivery.dateDone) expect(delivery.dateDone < GENERATED_AT).toBe(true);
      if (delivery.carrierId === null) expect(delivery.warehouseCode).not.toBe('CEN');
    }
    expect(refs.size).toBe(d.erpDeliveries.filter((x) => x.trackingRef !== null).length);
    expect(refs.size).toBeGreaterThan(d.erpDeliveries.length * 0.8);
  });

  it('books the demo B2B partner 100 on its e-shop orders and gives connector partners ids after the known ones', () => {
    const b2b = d.erpSaleOrders.filter((o) => o.partnerId === 100 && o.channel === 'eshop');
    const demo = d.eshopOrders.filter((o) => o.customerId === 2002 && (o.status === 'processing' || o.status === 'completed'));
    expect(b2b.map((o) => o.channelOrderId).sort()).toEqual(demo.map((o) => String(o.id)).sort());
    const maxKnown = Math.max(...d.erpPartners.map((p) => p.id));
    expect(d.erpChannelPartners.every((p) => p.id > maxKnown)).toBe(true);
    const anna = d.erpChannelPartners.filter((p) => p.email?.toLowerCase() === 'anna.kowalska@example.pl');
    expect(anna).toHaveLength(1);
    expect(anna[0]!.ref).toBe('WC-2000');
  });
});
