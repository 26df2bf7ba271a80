import { describe, expect, it } from 'vitest';
import type { ErpDeliveryModel, ShipmentModel } from './order-model.ts';
import { erpDeliveryEvents, mergeShipments } from './order-detail.ts';

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

function delivery(overrides: Partial<ErpDeliveryModel>): ErpDeliveryModel {
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

describe('mergeShipments', () => {
  it('keeps the channel parcels alone when the ERP could not be asked', () => {
    expect(mergeShipments([allegroInpost], null)).toEqual([allegroInpost]);
  });

  it('merges an ERP delivery with the same tracking number (spaces and case ignored) into the channel parcel', () => {
    const [merged, ...rest] = mergeShipments([allegroInpost], [delivery({})]);
    expect(rest).toEqual([]);
    expect(merged).toEqual({ ...allegroInpost, sources: ['MARKETPLACE', 'ERP'] });
  });

  it('fills what the channel left empty from the ERP delivery', () => {
    const bare: ShipmentModel = { ...allegroInpost, carrier: 'OTHER', carrierName: '', trackingUrl: null, shippedAt: null };
    const [merged] = mergeShipments([bare], [delivery({})]);
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
    const shipments = mergeShipments(
      [allegroInpost],
      [
        delivery({ name: 'WAW1/OUT/00013', carrierName: 'DPD Polska', trackingNumber: '1000123456789U', doneAt: '2026-05-12T15:00:00.000Z' }),
        delivery({ name: 'WAW1/OUT/00014', carrierName: 'DPD Polska', trackingNumber: '1000123456789u', doneAt: '2026-05-12T16:00:00.000Z' }),
        delivery({ name: 'WAW1/OUT/00015', state: 'assigned', carrierName: 'DHL Parcel', trackingNumber: null, doneAt: null }),
      ],
    );
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
      mergeShipments(
        [],
        [delivery({ state: 'cancel' }), delivery({ name: 'WAW1/OUT/00016', carrierName: null, trackingNumber: null, state: 'assigned' })],
      ),
    ).toEqual([]);
  });

  it('does not change the arrays it is given', () => {
    const channel = [allegroInpost];
    mergeShipments(channel, [delivery({})]);
    expect(channel[0]?.sources).toEqual(['MARKETPLACE']);
  });
});

describe('erpDeliveryEvents', () => {
  it('is empty without the ERP', () => {
    expect(erpDeliveryEvents(null)).toEqual([]);
  });

  it('gives each delivery its creation and, when validated, its done event, oldest first', () => {
    expect(
      erpDeliveryEvents([delivery({ name: 'WAW1/OUT/00020', state: 'assigned', createdAt: '2026-05-14T10:00:00.000Z', doneAt: null }), delivery({})]),
    ).toEqual([
      { at: '2026-05-12T10:00:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: null, text: 'WAW1/OUT/00012' },
      { at: '2026-05-13T08:30:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'done', text: 'WAW1/OUT/00012' },
      { at: '2026-05-14T10:00:00.000Z', source: 'ERP', kind: 'WAREHOUSE', status: null, channelStatus: 'assigned', text: 'WAW1/OUT/00020' },
    ]);
  });
});
