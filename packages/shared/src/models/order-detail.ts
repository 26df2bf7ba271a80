/**
 * The channel-neutral half of an order's detail: a channel's own parcels merged with the ERP's outgoing deliveries
 * (received through `@requires(fields: "erpDeliveries {…}")`), and the timeline events both give. Pure: no I/O, no
 * clock. Every channel subgraph (eshop, marketplace) maps its product's tracking data to {@link ChannelParcel} and
 * hands it here, so a parcel known to the shop and to the warehouse is one `Shipment` everywhere.
 */
import { recogniseCarrier, trackingUrl } from './carriers.ts';
import type { CarrierModel, ErpDeliveryModel, OrderEventKindModel, OrderEventModel, OrderRecordSourceModel, ShipmentModel } from './order-model.ts';

/** A parcel as a channel records it, before the merge. */
export interface ChannelParcel {
  /** the record's id at the channel (Allegro shipment id, WooCommerce fulfillment or tracking item id) */
  id: string;
  /** the carrier as the channel writes it (a provider slug or a name), e.g. "inpost", "DPD Polska" */
  carrierName: string;
  /** what to recognise the carrier from when it is not the name (an Allegro carrier id); default: `carrierName` */
  carrierId?: string | null | undefined;
  /** the carrier when the channel's adapter has recognised it already (a cached parcel); wins over `carrierId` */
  carrier?: CarrierModel | undefined;
  trackingNumber: string | null;
  /** the channel's own tracking link (a custom carrier's); used when it is an https URL */
  trackingLink?: string | null | undefined;
  /** ISO 8601 UTC */
  shippedAt: string | null;
  lineIds: readonly string[];
}

/**
 * A cancelled picking never leaves the warehouse; one with neither carrier nor number is a hand-over
 * (click-and-collect). Neither is a parcel; their states still reach the timeline through {@link erpDeliveryEvents}.
 */
function isParcel(delivery: ErpDeliveryModel): boolean {
  if (delivery.state === 'cancel') return false;
  return delivery.carrierName !== null || normaliseTrackingNumber(delivery.trackingNumber) !== null;
}

/** Tracking numbers compared as carriers print them: case, spaces and dashes do not matter. */
export function normaliseTrackingNumber(value: string | null | undefined): string | null {
  const folded = (value ?? '').replace(/[\s-]/g, '').toUpperCase();
  return folded === '' ? null : folded;
}

interface Draft {
  shipment: ShipmentModel;
  /** for ordering: when it shipped, else when the source first knew it */
  sortAt: string | null;
  order: number;
}

/**
 * One `Shipment` per tracking number, oldest first. A channel parcel whose number an ERP delivery also carries gets
 * `ERP` added to its sources (and the ERP's carrier or ship date where the channel has none); an ERP delivery with a
 * number the channel does not know, or without a number yet (not shipped), is a parcel of its own named by the picking.
 * Deliveries with neither carrier nor number (click-and-collect: the goods are handed over in the store) and cancelled
 * ones are no parcels; the timeline still shows them. `erpDeliveries` null or undefined: the ERP could not be asked (or the order
 * never reached it): the channel's parcels only.
 */
export function mergeShipments(args: {
  source: OrderRecordSourceModel;
  channel: readonly ChannelParcel[];
  erpDeliveries: readonly ErpDeliveryModel[] | null | undefined;
}): ShipmentModel[] {
  const drafts: Draft[] = [];
  const byNumber = new Map<string, Draft>();
  for (const parcel of args.channel) {
    const carrier = parcel.carrier ?? recogniseCarrier(parcel.carrierId ?? parcel.carrierName);
    const number = parcel.trackingNumber?.trim() || null;
    const draft: Draft = {
      shipment: {
        id: parcel.id,
        sources: [args.source],
        carrier,
        carrierName: parcel.carrierName,
        trackingNumber: number,
        trackingUrl: trackingUrl(carrier, number, parcel.trackingLink ?? null),
        shippedAt: parcel.shippedAt,
        lineIds: [...parcel.lineIds],
      },
      sortAt: parcel.shippedAt,
      order: drafts.length,
    };
    const key = normaliseTrackingNumber(number);
    // the same number twice at the channel (a plugin that re-saved it): one parcel
    if (key !== null && byNumber.has(key)) continue;
    if (key !== null) byNumber.set(key, draft);
    drafts.push(draft);
  }
  for (const delivery of args.erpDeliveries ?? []) {
    if (!isParcel(delivery)) continue;
    const key = normaliseTrackingNumber(delivery.trackingNumber);
    const known = key === null ? undefined : byNumber.get(key);
    const erpCarrier = recogniseCarrier(delivery.carrierName);
    if (known !== undefined) {
      const s = known.shipment;
      if (!s.sources.includes('ERP')) s.sources.push('ERP');
      if (s.carrier === 'OTHER' && erpCarrier !== 'OTHER') {
        s.carrier = erpCarrier;
        s.trackingUrl = s.trackingUrl ?? trackingUrl(erpCarrier, s.trackingNumber);
      }
      if (s.carrierName === '' && delivery.carrierName) s.carrierName = delivery.carrierName;
      if (s.shippedAt === null && delivery.state === 'done' && delivery.doneAt) {
        s.shippedAt = delivery.doneAt;
        known.sortAt = delivery.doneAt;
      }
      continue;
    }
    const number = delivery.trackingNumber?.trim() || null;
    const draft: Draft = {
      shipment: {
        id: delivery.name,
        sources: ['ERP'],
        carrier: erpCarrier,
        carrierName: delivery.carrierName ?? '',
        trackingNumber: number,
        trackingUrl: trackingUrl(erpCarrier, number),
        shippedAt: delivery.state === 'done' ? (delivery.doneAt ?? null) : null,
        lineIds: [],
      },
      // not shipped yet: no date, so after every shipped parcel
      sortAt: delivery.state === 'done' ? (delivery.doneAt ?? null) : null,
      order: drafts.length,
    };
    if (key !== null) byNumber.set(key, draft);
    drafts.push(draft);
  }
  // undated parcels last, otherwise by time; ties keep the sources' order
  return drafts
    .sort((a, b) => {
      if (a.sortAt === b.sortAt) return a.order - b.order;
      if (a.sortAt === null) return 1;
      if (b.sortAt === null) return -1;
      return Date.parse(a.sortAt) - Date.parse(b.sortAt) || a.order - b.order;
    })
    .map((d) => d.shipment);
}

/**
 * The ERP's side of the timeline: each outgoing delivery's creation (with the state it is in now while it waits) and
 * its validation (`done`: shipped or handed over), as WAREHOUSE events. The picking's name is the text.
 */
export function erpDeliveryEvents(erpDeliveries: readonly ErpDeliveryModel[] | null | undefined): OrderEventModel[] {
  const events: OrderEventModel[] = [];
  for (const delivery of erpDeliveries ?? []) {
    const waiting = delivery.state !== 'done' && delivery.state !== 'cancel';
    events.push({
      at: delivery.createdAt,
      source: 'ERP',
      kind: 'WAREHOUSE',
      status: null,
      channelStatus: waiting ? delivery.state : null,
      text: delivery.name,
    });
    if (delivery.state === 'done' && delivery.doneAt) {
      events.push({ at: delivery.doneAt, source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: delivery.name });
    }
  }
  return sortTimeline(events);
}

/** A SHIPPED event per shipped parcel, credited to the parcel's first source. */
export function shipmentEvents(shipments: readonly ShipmentModel[]): OrderEventModel[] {
  return shipments.flatMap((s) =>
    s.shippedAt === null
      ? []
      : [{ at: s.shippedAt, source: s.sources[0] ?? 'ERP', kind: 'SHIPPED' as const, status: null, channelStatus: null, text: s.trackingNumber }],
  );
}

/** At the same instant, events read in the order an order lives them. */
const KIND_ORDER: Record<OrderEventKindModel, number> = {
  PLACED: 0,
  PAID: 1,
  STATUS_CHANGED: 2,
  NOTE: 3,
  WAREHOUSE: 4,
  SHIPPED: 5,
  DELIVERED: 6,
  CANCELLED: 7,
  REFUNDED: 8,
};

/** Oldest first; at the same instant by {@link KIND_ORDER}, then as given. */
export function sortTimeline(events: readonly OrderEventModel[]): OrderEventModel[] {
  return events
    .map((event, index) => ({ event, index, ms: Date.parse(event.at) }))
    .sort((a, b) => a.ms - b.ms || KIND_ORDER[a.event.kind] - KIND_ORDER[b.event.kind] || a.index - b.index)
    .map((e) => e.event);
}
