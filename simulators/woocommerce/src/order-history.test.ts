import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startHarness, type Harness } from './test-support.ts';

const SCALE = 0.2;
const SLUGS: Record<string, string> = { inpost_locker: 'inpost', inpost_courier: 'inpost', dpd: 'dpd-pl', pocztex: 'poczta-polska' };
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scale: SCALE });
});
afterAll(() => h.close());

interface Note {
  id: number;
  date_created_gmt: string;
  note: string;
}
interface Order {
  id: number;
  status: string;
  meta_data: { key: string; value: unknown }[];
}

describe('seed order history', () => {
  const dataset = getDataset({ scale: SCALE });

  it('a completed order carries the ERP parcel as Shipment Tracking meta and its status changes as Polish notes', async () => {
    const carriers = new Map(dataset.erpCarriers.map((c) => [c.id, c]));
    const shipped = dataset.erpDeliveries.filter((d) => d.state === 'done' && d.trackingRef !== null);
    const eshopShipped = shipped.flatMap((d) => {
      const sale = dataset.erpSaleOrders.find((s) => s.id === d.saleOrderId && s.channel === 'eshop');
      return sale ? [{ delivery: d, orderId: Number(sale.channelOrderId) }] : [];
    });
    expect(eshopShipped.length).toBeGreaterThan(0);
    const { delivery, orderId } = eshopShipped[0]!;
    const order = (await (await h.api(`/orders/${orderId}`)).json()) as Order;
    const tracking = order.meta_data.find((m) => m.key === '_wc_shipment_tracking_items');
    expect(tracking?.value).toEqual([
      {
        tracking_provider: SLUGS[carriers.get(delivery.carrierId!)!.code],
        custom_tracking_provider: '',
        custom_tracking_link: '',
        tracking_number: delivery.trackingRef,
        date_shipped: String(Date.parse(delivery.dateDone!) / 1000),
        tracking_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    const notes = (await (await h.api(`/orders/${orderId}/notes`)).json()) as Note[];
    expect(order.status).toBe('completed');
    // newest first, as the controller lists them
    expect(notes.map((n) => n.note)).toEqual([
      'Status zamówienia zmieniony z W trakcie realizacji na Zrealizowane.',
      'Status zamówienia zmieniony z Oczekujące na płatność na W trakcie realizacji.',
    ]);
  });

  it('orders whose delivery has not shipped carry no tracking; a status write adds its note', async () => {
    const unshipped = dataset.eshopOrders.find((o) => o.status === 'pending')!;
    const order = (await (await h.api(`/orders/${unshipped.id}`)).json()) as Order;
    expect(order.meta_data.some((m) => m.key === '_wc_shipment_tracking_items')).toBe(false);
    expect(await (await h.api(`/orders/${unshipped.id}/notes`)).json()).toEqual([]);
    await h.api(`/orders/${unshipped.id}`, { method: 'PUT', json: { status: 'cancelled' } });
    const notes = (await (await h.api(`/orders/${unshipped.id}/notes`)).json()) as Note[];
    expect(notes.map((n) => n.note)).toEqual(['Status zamówienia zmieniony z Oczekujące na płatność na Anulowane.']);
    await fetch(`${h.base}/__simulator/reset`, { method: 'POST' });
  });

  it('the B2B account’s company orders carry the NIP field and the invoice checkbox', async () => {
    const partner = dataset.erpPartners.find((p) => p.ref === 'WC-2002')!;
    const order = dataset.eshopOrders.find((o) => o.customerId === 2002 && o.billing.company !== '')!;
    const wc = (await (await h.api(`/orders/${order.id}`)).json()) as Order;
    const digits = partner.vat!.replace(/\D/g, '');
    expect(wc.meta_data.filter((m) => m.key === '_billing_nip' || m.key === '_billing_faktura').map((m) => [m.key, m.value])).toEqual([
      ['_billing_nip', `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`],
      ['_billing_faktura', '1'],
    ]);
  });
});
