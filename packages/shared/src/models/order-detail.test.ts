import { describe, expect, it } from 'vitest';
import { erpDeliveryEvents, mergeShipments, shipmentEvents, sortTimeline } from './order-detail.ts';
import type { ErpDeliveryModel, ShipmentModel } from './order-model.ts';

const delivery = (over: Partial<ErpDeliveryModel>): ErpDeliveryModel => ({
  name: 'CEN/OUT/00012',
  state: 'done',
  carrierName: 'InPost Paczkomaty 24/7',
  trackingNumber: '620000000000000000000001',
  createdAt: '2026-05-11T18:00:00Z',
  scheduledAt: '2026-05-12T07:00:00Z',
  doneAt: '2026-05-12T09:30:00Z',
  ...over,
});

describe('mergeShipments', () => {
  it('one shipment per tracking number: a parcel the shop and the ERP both know lists both sources', () => {
    const merged = mergeShipments({
      source: 'ESHOP',
      channel: [{ id: 'ab12', carrierName: 'inpost', trackingNumber: '6200 0000 0000 0000 0000 0001', shippedAt: null, lineIds: [] }],
      erpDeliveries: [delivery({})],
    });
    expect(merged).toEqual([
      {
        id: 'ab12',
        sources: ['ESHOP', 'ERP'],
        carrier: 'INPOST',
        carrierName: 'inpost',
        trackingNumber: '6200 0000 0000 0000 0000 0001',
        trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=6200%200000%200000%200000%200000%200001',
        // the shop did not date it: the ERP's validation does
        shippedAt: '2026-05-12T09:30:00Z',
        lineIds: [],
      },
    ]);
  });

  it('keeps parcels only one side knows, oldest first, the unshipped ERP delivery (no number yet) last', () => {
    const merged = mergeShipments({
      source: 'MARKETPLACE',
      channel: [{ id: 's-2', carrierName: 'DPD Polska', trackingNumber: '1000000000001U', shippedAt: '2026-05-13T10:00:00Z', lineIds: ['7'] }],
      erpDeliveries: [
        delivery({ name: 'CEN/OUT/00013', state: 'assigned', trackingNumber: null, doneAt: null, createdAt: '2026-05-14T08:00:00Z' }),
        delivery({}),
      ],
    });
    expect(merged.map((s) => [s.id, s.sources, s.trackingNumber, s.shippedAt])).toEqual([
      ['CEN/OUT/00012', ['ERP'], '620000000000000000000001', '2026-05-12T09:30:00Z'],
      ['s-2', ['MARKETPLACE'], '1000000000001U', '2026-05-13T10:00:00Z'],
      ['CEN/OUT/00013', ['ERP'], null, null],
    ]);
    expect(merged[1]!.lineIds).toEqual(['7']);
  });

  it('without the ERP (null) the channel parcels only; click-and-collect and cancelled pickings are no parcels', () => {
    const channel = [
      { id: '1', carrierName: 'Kurier Zenek', trackingNumber: 'Z1', trackingLink: 'https://zenek.example/t/Z1', shippedAt: null, lineIds: [] },
    ];
    expect(mergeShipments({ source: 'ESHOP', channel, erpDeliveries: null })).toEqual([
      {
        id: '1',
        sources: ['ESHOP'],
        carrier: 'OTHER',
        carrierName: 'Kurier Zenek',
        trackingNumber: 'Z1',
        trackingUrl: 'https://zenek.example/t/Z1',
        shippedAt: null,
        lineIds: [],
      },
    ]);
    expect(
      mergeShipments({
        source: 'ESHOP',
        channel: [],
        erpDeliveries: [delivery({ carrierName: null, trackingNumber: null }), delivery({ state: 'cancel', trackingNumber: 'X' })],
      }),
    ).toEqual([]);
  });
});

describe('timeline helpers', () => {
  it('ERP deliveries give WAREHOUSE events: created (state while waiting) and done', () => {
    expect(
      erpDeliveryEvents([delivery({}), delivery({ name: 'CEN/OUT/00013', state: 'assigned', doneAt: null, createdAt: '2026-05-14T08:00:00Z' })]),
    ).toEqual([
      { at: '2026-05-11T18:00:00Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: null, text: 'CEN/OUT/00012' },
      { at: '2026-05-12T09:30:00Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: 'CEN/OUT/00012' },
      { at: '2026-05-14T08:00:00Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'assigned', text: 'CEN/OUT/00013' },
    ]);
    expect(erpDeliveryEvents(null)).toEqual([]);
  });

  it('SHIPPED per dated parcel, and the sort is oldest first with a stable order at one instant', () => {
    const shipped = shipmentEvents(mergeShipments({ source: 'ESHOP', channel: [], erpDeliveries: [delivery({})] }));
    expect(shipped).toEqual([
      { at: '2026-05-12T09:30:00Z', source: 'ERP', kind: 'SHIPPED', status: null, channelStatus: null, text: '620000000000000000000001' },
    ]);
    const sorted = sortTimeline([
      ...shipped,
      { at: '2026-05-12T09:30:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: null },
      { at: '2026-05-11T17:00:00Z', source: 'ESHOP', kind: 'PAID', status: null, channelStatus: null, text: null },
      { at: '2026-05-11T17:00:00Z', source: 'ESHOP', kind: 'PLACED', status: 'PENDING_PAYMENT', channelStatus: 'pending', text: null },
    ]);
    expect(sorted.map((e) => e.kind)).toEqual(['PLACED', 'PAID', 'WAREHOUSE', 'SHIPPED']);
  });
});

const allegroInpost: ShipmentModel = {
  id: 'QUxMRUdSTzpJTlBPU1Q=',
  sources: ['MARKETPLACE'],
  carrier: 'INPOST',
  carrierName: 'INPOST',
  trackingNumber: '620000000000000000000001',
  trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=620000000000000000000001',
  shippedAt: '2026-05-13T09:00:00.000Z',
  lineIds: ['62ae358b-8f65-4fc4-9c77-bedf604a2e2b'],
};

function allegroDelivery(overrides: Partial<ErpDeliveryModel>): ErpDeliveryModel {
  return {
    name: 'WAW1/OUT/00012',
    state: 'done',
    carrierName: 'InPost Paczkomaty 24/7',
    trackingNumber: '6200 0000 0000 0000 0000 0001',
    createdAt: '2026-05-12T10:00:00.000Z',
    scheduledAt: '2026-05-13T08:00:00.000Z',
    doneAt: '2026-05-13T08:30:00.000Z',
    ...overrides,
  };
}

describe('mergeShipments with channel parcels already mapped (Allegro)', () => {
  it('keeps the channel parcels alone when the ERP could not be asked', () => {
    expect(mergeShipments({ source: 'MARKETPLACE', channel: [allegroInpost], erpDeliveries: null })).toEqual([allegroInpost]);
  });

  it('merges an ERP delivery with the same tracking number (spaces and case ignored) into the channel parcel', () => {
    const [merged, ...rest] = mergeShipments({ source: 'MARKETPLACE', channel: [allegroInpost], erpDeliveries: [allegroDelivery({})] });
    expect(rest).toEqual([]);
    expect(merged).toEqual({ ...allegroInpost, sources: ['MARKETPLACE', 'ERP'] });
  });

  it('fills what the channel left empty from the ERP delivery', () => {
    const bare: ShipmentModel = { ...allegroInpost, carrier: 'OTHER', carrierName: '', trackingUrl: null, shippedAt: null };
    const [merged] = mergeShipments({ source: 'MARKETPLACE', channel: [bare], erpDeliveries: [allegroDelivery({})] });
    expect(merged).toMatchObject({
      id: allegroInpost.id,
      carrier: 'INPOST',
      carrierName: 'InPost Paczkomaty 24/7',
      trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=620000000000000000000001',
      shippedAt: '2026-05-13T08:30:00.000Z',
      sources: ['MARKETPLACE', 'ERP'],
    });
  });

  it('adds ERP parcels the channel does not know, unshipped ones last, and one parcel per tracking number', () => {
    const shipments = mergeShipments({
      source: 'MARKETPLACE',
      channel: [allegroInpost],
      erpDeliveries: [
        allegroDelivery({ name: 'WAW1/OUT/00013', carrierName: 'DPD Polska', trackingNumber: '1000123456789U', doneAt: '2026-05-12T15:00:00.000Z' }),
        allegroDelivery({ name: 'WAW1/OUT/00014', carrierName: 'DPD Polska', trackingNumber: '1000123456789u', doneAt: '2026-05-12T16:00:00.000Z' }),
        allegroDelivery({ name: 'WAW1/OUT/00015', state: 'assigned', carrierName: 'DHL Parcel', trackingNumber: null, doneAt: null }),
      ],
    });
    expect(shipments.map((s) => [s.id, s.sources, s.carrier, s.trackingNumber, s.shippedAt])).toEqual([
      ['WAW1/OUT/00013', ['ERP'], 'DPD', '1000123456789U', '2026-05-12T15:00:00.000Z'],
      ['QUxMRUdSTzpJTlBPU1Q=', ['MARKETPLACE'], 'INPOST', '620000000000000000000001', '2026-05-13T09:00:00.000Z'],
      ['WAW1/OUT/00015', ['ERP'], 'DHL', null, null],
    ]);
    expect(shipments[0]?.trackingUrl).toBe('https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1=1000123456789U');
    expect(shipments[2]?.trackingUrl).toBeNull();
  });

  it('leaves out cancelled pickings and hand-overs without carrier or number', () => {
    expect(
      mergeShipments({
        source: 'MARKETPLACE',
        channel: [],
        erpDeliveries: [
          allegroDelivery({ state: 'cancel' }),
          allegroDelivery({ name: 'WAW1/OUT/00016', carrierName: null, trackingNumber: null, state: 'assigned' }),
        ],
      }),
    ).toEqual([]);
  });

  it('does not change the arrays it is given', () => {
    const channel = [allegroInpost];
    mergeShipments({ source: 'MARKETPLACE', channel: channel, erpDeliveries: [allegroDelivery({})] });
    expect(channel[0]?.sources).toEqual(['MARKETPLACE']);
  });
});

describe('erpDeliveryEvents (Allegro cases)', () => {
  it('is empty without the ERP', () => {
    expect(erpDeliveryEvents(null)).toEqual([]);
  });

  it('gives each delivery its creation and, when validated, its done event, oldest first', () => {
    expect(
      erpDeliveryEvents([
        allegroDelivery({ name: 'WAW1/OUT/00020', state: 'assigned', createdAt: '2026-05-14T10:00:00.000Z', doneAt: null }),
        allegroDelivery({}),
      ]),
    ).toEqual([
      { at: '2026-05-12T10:00:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: null, text: 'WAW1/OUT/00012' },
      { at: '2026-05-13T08:30:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: 'WAW1/OUT/00012' },
      { at: '2026-05-14T10:00:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'assigned', text: 'WAW1/OUT/00020' },
    ]);
  });
});
