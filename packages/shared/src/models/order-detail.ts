/**
 * Order detail shared by the channel subgraphs: a channel's own parcels merged with the ERP's outgoing deliveries of
 * the same order (`Shipment`, one per tracking number), and the ERP deliveries' states as timeline events. Pure: the
 * channel subgraph hands in what it read and what the gateway passed through `@requires(fields: "erpDeliveries …")`.
 */
import { recogniseCarrier, trackingUrl } from './carriers.ts';
import type { ErpDeliveryModel, OrderEventModel, ShipmentModel } from './order-model.ts';

/** Tracking numbers are compared without spaces and case: "6200 0012 34" typed in Odoo is the carrier's 6200001234. */
function trackingKey(trackingNumber: string | null): string | null {
  const key = trackingNumber?.replace(/\s+/g, '').toUpperCase() ?? '';
  return key === '' ? null : key;
}

/** Odoo's cancelled pickings never leave the warehouse, so they are no parcel. */
function isParcel(delivery: ErpDeliveryModel): boolean {
  if (delivery.state === 'cancel') return false;
  // a picking with neither carrier nor number is a hand-over (click-and-collect), not a parcel; its states still
  // reach the timeline through erpDeliveryEvents
  return delivery.carrierName !== null || trackingKey(delivery.trackingNumber) !== null;
}

function shipmentOfErpDelivery(delivery: ErpDeliveryModel): ShipmentModel {
  const carrier = recogniseCarrier(delivery.carrierName);
  const trackingNumber = delivery.trackingNumber?.trim() || null;
  return {
    id: delivery.name,
    sources: ['ERP'],
    carrier,
    carrierName: delivery.carrierName ?? '',
    trackingNumber,
    trackingUrl: trackingUrl(carrier, trackingNumber),
    // validated (done) is when Odoo handed the parcel over; before that it has not been shipped
    shippedAt: delivery.state === 'done' ? delivery.doneAt : null,
    lineIds: [],
  };
}

/** Oldest first; parcels not shipped yet (no date) last, in the order they came. */
function byShippedAt(a: ShipmentModel, b: ShipmentModel): number {
  if (a.shippedAt === b.shippedAt) return 0;
  if (a.shippedAt === null) return 1;
  if (b.shippedAt === null) return -1;
  return Date.parse(a.shippedAt) - Date.parse(b.shippedAt);
}

/**
 * The order's parcels: the channel's own (first, they give `id`, carrier and lines) merged with the ERP's deliveries by
 * tracking number. A delivery with a number the channel knows adds `ERP` to that parcel's sources and fills what the
 * channel left empty (shipping date, carrier); one with a new number, or none yet, is a parcel of its own. Deliveries
 * repeating a number are one parcel. `erpDeliveries` null (the ERP could not be asked, or the order never reached it)
 * → the channel's parcels only.
 */
export function mergeShipments(channel: ShipmentModel[], erpDeliveries: ErpDeliveryModel[] | null): ShipmentModel[] {
  const merged = channel.map((shipment) => ({ ...shipment, sources: [...shipment.sources], lineIds: [...shipment.lineIds] }));
  const byNumber = new Map<string, ShipmentModel>();
  for (const shipment of merged) {
    const key = trackingKey(shipment.trackingNumber);
    if (key !== null && !byNumber.has(key)) byNumber.set(key, shipment);
  }
  for (const delivery of erpDeliveries ?? []) {
    if (!isParcel(delivery)) continue;
    const fromErp = shipmentOfErpDelivery(delivery);
    const key = trackingKey(delivery.trackingNumber);
    const known = key === null ? undefined : byNumber.get(key);
    if (known === undefined) {
      merged.push(fromErp);
      if (key !== null) byNumber.set(key, fromErp);
      continue;
    }
    if (!known.sources.includes('ERP')) known.sources.push('ERP');
    known.shippedAt ??= fromErp.shippedAt;
    if (known.carrier === 'OTHER' && fromErp.carrier !== 'OTHER') {
      known.carrier = fromErp.carrier;
      known.trackingUrl ??= trackingUrl(fromErp.carrier, known.trackingNumber);
    }
    if (known.carrierName === '') known.carrierName = fromErp.carrierName;
  }
  return merged.sort(byShippedAt);
}

/**
 * The ERP deliveries as WAREHOUSE events. Odoo keeps two dates per picking: when it was created (`createdAt`, in the
 * state it is still in unless done) and when it was validated (`doneAt`, state `done`); the times of the states in
 * between are not kept, so they are not invented. `status` stays null: a picking's state does not set the order's.
 */
export function erpDeliveryEvents(erpDeliveries: ErpDeliveryModel[] | null): OrderEventModel[] {
  const events: OrderEventModel[] = [];
  for (const delivery of erpDeliveries ?? []) {
    events.push({
      at: delivery.createdAt,
      source: 'ERP',
      kind: 'WAREHOUSE',
      status: null,
      channelStatus: delivery.state === 'done' ? null : delivery.state,
      text: delivery.name,
    });
    if (delivery.state === 'done' && delivery.doneAt !== null) {
      events.push({ at: delivery.doneAt, source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: delivery.name });
    }
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
