/**
 * Parcel numbers on checkout forms (`GET`/`POST /order/checkout-forms/{id}/shipments`) and the carrier list
 * (`GET /order/carriers`). The dataset's forms carry the numbers the ERP's warehouse shipped them with: the outgoing
 * delivery of the ERP sale order whose `channelOrderId` is the form, once done, with its carrier and `trackingRef`,
 * registered when the delivery was validated, for every line of the form. Derived from the dataset's ERP records
 * only (no random draw), so the simulators agree and no generated value moves.
 */
import type { Dataset, ErpCarrier } from '@omnigraph/simulator-dataset';
import type { CheckoutForm } from './allegro-types.ts';

/** `CheckoutFormAddWaybillCreated`, as GET lists it and POST answers it. */
export interface CheckoutFormShipment {
  id: string;
  waybill: string;
  carrierId: string;
  carrierName: string | null;
  lineItems: { id: string }[];
  createdAt: string;
}

/**
 * `GET /order/carriers`: ids Allegro lists (its example names POCZTA_POLSKA, DHL, YUN_EXPRESS, OTHER; ALLEGRO is the
 * spec's own example carrier id); names as Allegro shows them.
 */
export const ALLEGRO_CARRIERS: readonly { id: string; name?: string }[] = [
  { id: 'ALLEGRO', name: 'Allegro One Kurier' },
  { id: 'DHL', name: 'DHL' },
  { id: 'DPD', name: 'DPD' },
  { id: 'FEDEX', name: 'FedEx' },
  { id: 'GLS', name: 'GLS' },
  { id: 'INPOST', name: 'InPost' },
  { id: 'ORLEN_PACZKA', name: 'ORLEN Paczka' },
  { id: 'POCZTA_POLSKA', name: 'Poczta Polska' },
  { id: 'UPS', name: 'UPS' },
  { id: 'YUN_EXPRESS', name: 'Yun Express' },
  { id: 'OTHER' },
];

const CARRIER_OF_ERP: Readonly<Record<ErpCarrier['code'], string>> = {
  inpost_locker: 'INPOST',
  inpost_courier: 'INPOST',
  dpd: 'DPD',
  pocztex: 'POCZTA_POLSKA',
  allegro_one: 'ALLEGRO',
};

/** Allegro's shipment ids are base64 of `<carrier>:<waybill>` (the spec's example `REhMOjEyMzQ1Njc4OTEwUEw=` is `DHL:12345678910PL`). */
export function shipmentIdOf(carrierId: string, waybill: string): string {
  return Buffer.from(`${carrierId}:${waybill}`, 'utf8').toString('base64');
}

/** Checkout-form id → its parcels, from the ERP deliveries of the dataset. */
export function shipmentsFromDataset(dataset: Dataset, formsById: (id: string) => CheckoutForm | undefined): Map<string, CheckoutFormShipment[]> {
  const carriers = new Map(dataset.erpCarriers.map((c) => [c.id, c]));
  const formOfSaleOrder = new Map(
    dataset.erpSaleOrders.flatMap((so) => (so.channel === 'allegro' && so.channelOrderId !== null ? [[so.id, so.channelOrderId] as const] : [])),
  );
  const out = new Map<string, CheckoutFormShipment[]>();
  for (const delivery of dataset.erpDeliveries) {
    const formId = formOfSaleOrder.get(delivery.saleOrderId);
    if (formId === undefined || delivery.state !== 'done' || delivery.trackingRef === null || delivery.carrierId === null) continue;
    const carrier = carriers.get(delivery.carrierId);
    const form = formsById(formId);
    if (!carrier || !form) continue;
    const carrierId = CARRIER_OF_ERP[carrier.code];
    const list = out.get(formId) ?? [];
    list.push({
      id: shipmentIdOf(carrierId, delivery.trackingRef),
      waybill: delivery.trackingRef,
      carrierId,
      carrierName: null,
      lineItems: form.lineItems.map((line) => ({ id: line.id })),
      createdAt: delivery.dateDone ?? delivery.createdAt,
    });
    out.set(formId, list);
  }
  return out;
}
