import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { CheckoutFormShipment } from './allegro-shipments.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

const dataset = getDataset({ scale: 0.2 });
const carrierById = new Map(dataset.erpCarriers.map((c) => [c.id, c]));
const saleOrderById = new Map(dataset.erpSaleOrders.map((so) => [so.id, so]));

/** The dataset's shipped Allegro orders: the ERP's done delivery of each, with its parcel number. */
const shipped = dataset.erpDeliveries.flatMap((d) => {
  const so = saleOrderById.get(d.saleOrderId);
  return so?.channel === 'allegro' && d.state === 'done' && d.trackingRef !== null ? [{ formId: so.channelOrderId!, delivery: d }] : [];
});
const unshipped = dataset.allegroCheckoutForms.find((f) => !shipped.some((s) => s.formId === f.id))!;

describe('Allegro simulator: /order/checkout-forms/{id}/shipments and /order/carriers', () => {
  let h: Harness;
  const shipmentsOf = async (id: string) => {
    const res = await h.api(`/order/checkout-forms/${id}/shipments`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { shipments: CheckoutFormShipment[] }).shipments;
  };
  const post = (id: string, body: unknown) =>
    h.api(`/order/checkout-forms/${id}/shipments`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.allegro.public.v1+json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('lists, for every shipped order, the parcel number and carrier the ERP shipped it with, on every line', async () => {
    expect(shipped.length).toBeGreaterThan(10);
    for (const { formId, delivery } of shipped.slice(0, 10)) {
      const [shipment, ...more] = await shipmentsOf(formId);
      expect(more).toEqual([]);
      const carrier = carrierById.get(delivery.carrierId!)!;
      expect(shipment).toMatchObject({ waybill: delivery.trackingRef, createdAt: delivery.dateDone, carrierName: null });
      expect({ inpost_locker: 'INPOST', inpost_courier: 'INPOST', dpd: 'DPD', pocztex: 'POCZTA_POLSKA', allegro_one: 'ALLEGRO' }[carrier.code]).toBe(
        shipment!.carrierId,
      );
      expect(Buffer.from(shipment!.id, 'base64').toString()).toBe(`${shipment!.carrierId}:${delivery.trackingRef}`);
      const form = dataset.allegroCheckoutForms.find((f) => f.id === formId)!;
      expect(shipment!.lineItems).toEqual(form.lines.map((l) => ({ id: l.id })));
    }
  });

  it('lists none for an order not shipped, 404 ErrorsHolder for an unknown one, 422 for a malformed id', async () => {
    expect(await shipmentsOf(unshipped.id)).toEqual([]);
    const missing = await h.api('/order/checkout-forms/00000000-0000-1000-8000-000000000000/shipments');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorsHolderBody).errors[0]?.code).toBe('CheckoutFormNotFoundException');
    expect((await h.api('/order/checkout-forms/not-a-uuid/shipments')).status).toBe(422);
  });

  it('adds a parcel number (201), keeps the name only for OTHER, and refuses bad bodies (400) and foreign lines (422)', async () => {
    const line = unshipped.lines[0]!.id;
    const created = await post(unshipped.id, { carrierId: 'OTHER', carrierName: 'Kurier Zenek', waybill: 'ZEN-123(4)', lineItems: [{ id: line }] });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ carrierId: 'OTHER', carrierName: 'Kurier Zenek', waybill: 'ZEN-123(4)', lineItems: [{ id: line }] });
    expect((await shipmentsOf(unshipped.id)).map((s) => s.waybill)).toEqual(['ZEN-123(4)']);
    expect((await post(unshipped.id, { carrierId: 'NOPE', waybill: 'X1' })).status).toBe(400);
    expect((await post(unshipped.id, { carrierId: 'DPD', waybill: 'bad waybill!' })).status).toBe(400);
    expect((await post(unshipped.id, { carrierId: 'DPD', waybill: 'X1', lineItems: [{ id: shipped[0]!.delivery.name }] })).status).toBe(422);
  });

  it('lists the carriers, OTHER among them', async () => {
    const res = await h.api('/order/carriers');
    const body = (await res.json()) as { carriers: { id: string }[] };
    expect(body.carriers.map((c) => c.id)).toEqual(expect.arrayContaining(['ALLEGRO', 'INPOST', 'DPD', 'POCZTA_POLSKA', 'OTHER']));
  });
});
