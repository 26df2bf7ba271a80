import { describe, expect, it } from 'vitest';
import type { ErpDeliveryModel, OrderEventModel, ShipmentModel } from '@omnigraph/shared/models';
import type { MarketplaceRefundModel } from '../upstream/marketplace-client.ts';
import { buildMarketplaceTimeline } from './build-timeline.ts';

// The form and journal of upstream-apis.md A.1.1 / A.1.3: the form repeats the events' moments.
const formEvents: OrderEventModel[] = [
  { at: '2026-05-12T08:12:47.101Z', source: 'MARKETPLACE', kind: 'PLACED', status: null, channelStatus: 'BOUGHT', text: null },
  { at: '2026-05-12T08:14:03.512Z', source: 'MARKETPLACE', kind: 'PAID', status: null, channelStatus: 'READY_FOR_PROCESSING', text: null },
  { at: '2026-05-12T09:02:11.640Z', source: 'MARKETPLACE', kind: 'STATUS_CHANGED', status: 'SHIPPED', channelStatus: 'SENT', text: null },
];
const journal = [
  { id: '1778576531640000', type: 'FULFILLMENT_STATUS_CHANGED', at: '2026-05-12T09:02:11.640Z' },
  { id: '1778573567101000', type: 'BOUGHT', at: '2026-05-12T08:12:47.101Z' },
  { id: '1778573643512000', type: 'READY_FOR_PROCESSING', at: '2026-05-12T08:14:03.512Z' },
  // Allegro sends READY_FOR_PROCESSING again after a surcharge: still paid once
  { id: '1778573700000000', type: 'READY_FOR_PROCESSING', at: '2026-05-12T08:15:00.000Z' },
  { id: '1778573800000000', type: 'BUYER_MODIFIED', at: '2026-05-12T08:16:40.000Z' },
];
const shipment: ShipmentModel = {
  id: 'SU5QT1NUOjYy',
  sources: ['MARKETPLACE', 'ERP'],
  carrier: 'INPOST',
  carrierName: 'INPOST',
  trackingNumber: '620000000000000000000001',
  trackingUrl: null,
  shippedAt: '2026-05-12T15:00:00.000Z',
  lineIds: [],
};
const refund = (status: string, createdAt: string): MarketplaceRefundModel => ({
  id: `r-${status}`,
  orderNumber: 'x',
  createdAt,
  amount: { amount: '10.00', currency: 'PLN' },
  status,
  lines: [],
  note: null,
});
const delivery: ErpDeliveryModel = {
  name: 'CEN/OUT/00042',
  state: 'done',
  carrierName: 'InPost Paczkomaty 24/7',
  trackingNumber: '620000000000000000000001',
  createdAt: '2026-05-12T08:30:00.000Z',
  scheduledAt: null,
  doneAt: '2026-05-12T14:00:00.000Z',
};

describe('buildMarketplaceTimeline', () => {
  it('merges form, journal, parcels, refunds and ERP pickings oldest first, each moment once', () => {
    const timeline = buildMarketplaceTimeline({
      order: { formEvents, paymentStatus: 'PAID' },
      journal,
      shipments: [shipment],
      refunds: [refund('SUCCESS', '2026-05-20T10:00:00.000Z'), refund('CANCELED', '2026-05-21T10:00:00.000Z')],
      erpDeliveries: [delivery],
    });
    expect(timeline.map((e) => [e.at, e.source, e.kind, e.status, e.channelStatus])).toEqual([
      ['2026-05-12T08:12:47.101Z', 'MARKETPLACE', 'PLACED', 'PENDING_PAYMENT', 'BOUGHT'],
      ['2026-05-12T08:14:03.512Z', 'MARKETPLACE', 'PAID', 'PROCESSING', 'READY_FOR_PROCESSING'],
      ['2026-05-12T08:16:40.000Z', 'MARKETPLACE', 'STATUS_CHANGED', null, 'BUYER_MODIFIED'],
      ['2026-05-12T08:30:00.000Z', 'ERP', 'WAREHOUSE', null, null],
      // the form's telling (with the status) wins over the event's at the same moment
      ['2026-05-12T09:02:11.640Z', 'MARKETPLACE', 'STATUS_CHANGED', 'SHIPPED', 'SENT'],
      ['2026-05-12T14:00:00.000Z', 'ERP', 'WAREHOUSE', null, 'done'],
      ['2026-05-12T15:00:00.000Z', 'MARKETPLACE', 'SHIPPED', null, null],
      ['2026-05-20T10:00:00.000Z', 'MARKETPLACE', 'REFUNDED', null, 'SUCCESS'],
    ]);
  });

  it('without journal, ERP or parcels still tells what the form states; cash on delivery is not paid by READY_FOR_PROCESSING', () => {
    expect(
      buildMarketplaceTimeline({ order: { formEvents, paymentStatus: 'PAID' }, journal: [], shipments: [], refunds: [], erpDeliveries: null }),
    ).toEqual(formEvents);
    const cod = buildMarketplaceTimeline({
      order: { formEvents: [], paymentStatus: 'CASH_ON_DELIVERY' },
      journal: [{ id: '1', type: 'READY_FOR_PROCESSING', at: '2026-05-12T08:14:03.512Z' }],
      shipments: [],
      refunds: [],
      erpDeliveries: null,
    });
    expect(cod.map((e) => e.kind)).toEqual(['STATUS_CHANGED']);
  });

  it('reads cancellations and event types Allegro adds later', () => {
    const timeline = buildMarketplaceTimeline({
      order: { formEvents: [], paymentStatus: 'UNPAID' },
      journal: [
        { id: '2', type: 'AUTO_CANCELLED', at: '2026-05-13T00:00:00.000Z' },
        { id: '1', type: 'SOMETHING_NEW', at: '2026-05-12T00:00:00.000Z' },
        { id: '3', type: 'BUYER_CANCELLED', at: '2026-05-14T00:00:00.000Z' },
      ],
      shipments: [],
      refunds: [],
      erpDeliveries: null,
    });
    expect(timeline.map((e) => [e.kind, e.channelStatus])).toEqual([
      ['STATUS_CHANGED', 'SOMETHING_NEW'],
      ['CANCELLED', 'AUTO_CANCELLED'],
    ]);
  });
});
