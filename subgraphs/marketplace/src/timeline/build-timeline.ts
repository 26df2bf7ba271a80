/**
 * An Allegro order's timeline, oldest first, from everything the subgraph knows without a history endpoint (Allegro
 * has none per order): the polled order events kept in the journal, what the checkout form itself states, the parcels
 * (SHIPPED), the payment refunds (REFUNDED) and the ERP deliveries' states (WAREHOUSE). Pure.
 *
 * Allegro delivers events at least once and out of order, and the form repeats what its events said (its boughtAt is
 * the BOUGHT event's time, payment.finishedAt the READY_FOR_PROCESSING one's): events of the same kind at the same
 * time are one, the one that says more (a status) wins; an order is placed, paid and cancelled once (the earliest).
 */
import { erpDeliveryEvents, type ErpDeliveryModel, type OrderEventModel, type ShipmentModel } from '@omnigraph/shared/models';
import type { MarketplaceOrderModel, MarketplaceRefundModel } from '../upstream/marketplace-client.ts';
import type { JournalEntry } from './order-events-journal.ts';

/** Refunds that paid nothing out returned no money: not on the timeline. */
const UNPAID_REFUND_STATUSES = new Set(['CANCELED', 'VALIDATE_FAILED', 'FAILED']);
/** At most one of each per order: the earliest (READY_FOR_PROCESSING can repeat, upstream-apis.md §1.6). */
const ONCE: ReadonlySet<OrderEventModel['kind']> = new Set(['PLACED', 'PAID', 'CANCELLED']);
/** Ties in time read in this order. */
const KIND_ORDER: readonly OrderEventModel['kind'][] = [
  'PLACED',
  'PAID',
  'STATUS_CHANGED',
  'WAREHOUSE',
  'SHIPPED',
  'DELIVERED',
  'NOTE',
  'REFUNDED',
  'CANCELLED',
];

/**
 * An Allegro order event → a timeline event. Types: BOUGHT, FILLED_IN, READY_FOR_PROCESSING (paid, or accepted for
 * cash on delivery), BUYER_CANCELLED, AUTO_CANCELLED, FULFILLMENT_STATUS_CHANGED and BUYER_MODIFIED (neither says
 * the new state), and any type added later (STATUS_CHANGED with its name).
 */
export function mapJournalEntry(entry: JournalEntry, order: Pick<MarketplaceOrderModel, 'paymentStatus'>): OrderEventModel {
  const event = (kind: OrderEventModel['kind'], status: OrderEventModel['status']): OrderEventModel => ({
    at: entry.at,
    source: 'MARKETPLACE',
    kind,
    status,
    channelStatus: entry.type,
    text: null,
  });
  switch (entry.type) {
    case 'BOUGHT':
      return event('PLACED', 'PENDING_PAYMENT');
    case 'FILLED_IN':
      return event('STATUS_CHANGED', 'PENDING_PAYMENT');
    case 'READY_FOR_PROCESSING':
      // cash on delivery is ready for processing unpaid
      return event(order.paymentStatus === 'CASH_ON_DELIVERY' ? 'STATUS_CHANGED' : 'PAID', 'PROCESSING');
    case 'BUYER_CANCELLED':
    case 'AUTO_CANCELLED':
      return event('CANCELLED', 'CANCELLED');
    default:
      return event('STATUS_CHANGED', null);
  }
}

export interface MarketplaceTimelineSources {
  order: Pick<MarketplaceOrderModel, 'formEvents' | 'paymentStatus'>;
  journal: readonly JournalEntry[];
  /** the merged parcels (channel and ERP) */
  shipments: readonly ShipmentModel[];
  refunds: readonly MarketplaceRefundModel[];
  erpDeliveries: ErpDeliveryModel[] | null;
}

function rank(kind: OrderEventModel['kind']): number {
  return KIND_ORDER.indexOf(kind);
}

export function buildMarketplaceTimeline(sources: MarketplaceTimelineSources): OrderEventModel[] {
  const candidates: OrderEventModel[] = [
    ...sources.order.formEvents,
    ...sources.journal.map((entry) => mapJournalEntry(entry, sources.order)),
    ...sources.shipments.flatMap((shipment): OrderEventModel[] =>
      shipment.shippedAt === null
        ? []
        : [
            {
              at: shipment.shippedAt,
              source: shipment.sources[0] ?? 'MARKETPLACE',
              kind: 'SHIPPED',
              status: null,
              channelStatus: null,
              text: shipment.trackingNumber,
            },
          ],
    ),
    ...sources.refunds.flatMap((refund): OrderEventModel[] =>
      UNPAID_REFUND_STATUSES.has(refund.status)
        ? []
        : [{ at: refund.createdAt, source: 'MARKETPLACE', kind: 'REFUNDED', status: null, channelStatus: refund.status, text: null }],
    ),
    ...erpDeliveryEvents(sources.erpDeliveries),
  ];
  const sorted = candidates
    .map((event) => ({ ...event, at: new Date(Date.parse(event.at)).toISOString() }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || rank(a.kind) - rank(b.kind));
  const timeline: OrderEventModel[] = [];
  const seenOnce = new Set<OrderEventModel['kind']>();
  const byKindAndTime = new Map<string, number>();
  for (const event of sorted) {
    const key = `${event.source}|${event.kind}|${event.at}|${event.kind === 'SHIPPED' || event.kind === 'WAREHOUSE' ? (event.text ?? '') : ''}`;
    const index = byKindAndTime.get(key);
    if (index !== undefined) {
      // the same moment told twice (the form and its event): keep the telling that states the status
      if ((timeline[index] as OrderEventModel).status === null && event.status !== null) timeline[index] = event;
      continue;
    }
    if (ONCE.has(event.kind)) {
      if (seenOnce.has(event.kind)) continue;
      seenOnce.add(event.kind);
    }
    byKindAndTime.set(key, timeline.length);
    timeline.push(event);
  }
  return timeline;
}
