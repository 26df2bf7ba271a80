import { describe, expect, it } from 'vitest';
import {
  buildDriftReport,
  compareListings,
  formatMinorUnits,
  percentBasisPoints,
  productStatus,
  thresholdBasisPoints,
  toMinorUnits,
  type EshopListingRead,
  type MarketplaceOfferRead,
} from './price-rules.ts';

const pln = (amount: string) => ({ amount, currency: 'PLN' });
const NOW = Date.parse('2026-11-23T12:00:00Z');

function listing(overrides: Partial<EshopListingRead> = {}): EshopListingRead {
  return {
    productId: '172',
    regularPrice: pln('129.99'),
    salePrice: null,
    onSale: false,
    saleStartsAt: null,
    saleEndsAt: null,
    status: 'PUBLISHED',
    ...overrides,
  };
}

const offer = (price: string, status = 'ACTIVE', currency = 'PLN', offerId = '17000000001'): MarketplaceOfferRead => ({
  offerId,
  price: { amount: price, currency },
  status,
});

describe('money on integers', () => {
  it('reads amounts to the grosz, rounding a third decimal half away from zero', () => {
    expect(toMinorUnits('129.99')).toBe(12_999);
    expect(toMinorUnits('130')).toBe(13_000);
    expect(toMinorUnits('0.1')).toBe(10);
    expect(toMinorUnits('10.005')).toBe(1_001);
    expect(toMinorUnits('10.0049')).toBe(1_000);
    expect(toMinorUnits('-10.005')).toBe(-1_001);
    expect(() => toMinorUnits('12,99')).toThrow(RangeError);
    expect(formatMinorUnits(-5)).toBe('-0.05');
    expect(formatMinorUnits(12_999)).toBe('129.99');
  });

  it('computes a percent in hundredths, half away from zero, without floats', () => {
    // 0.01 / 3.00 = 0.3333… % → 0.33
    expect(percentBasisPoints(1, 300)).toBe(33);
    // 1.00 / 8.00 = 12.5 % exactly; 0.01 / 8.00 = 0.125 % → 0.13 (half away from zero), −0.125 % → −0.13
    expect(percentBasisPoints(100, 800)).toBe(1_250);
    expect(percentBasisPoints(1, 800)).toBe(13);
    expect(percentBasisPoints(-1, 800)).toBe(-13);
    // 0.1 + 0.2 style traps: 10.00 over 129.99 = 7.6929… % → 7.69
    expect(percentBasisPoints(1_000, 12_999)).toBe(769);
    // an unpriced ERP product: any price is a full drift
    expect(percentBasisPoints(500, 0)).toBe(10_000);
    expect(percentBasisPoints(0, 0)).toBe(0);
  });

  it('reads a threshold in hundredths, rounded up (|p| ≥ t ⇔ |p| ≥ ceil(t) for two-decimal p), and refuses a negative one', () => {
    expect(thresholdBasisPoints('0')).toBe(0);
    expect(thresholdBasisPoints('5')).toBe(500);
    expect(thresholdBasisPoints('2.5')).toBe(250);
    expect(thresholdBasisPoints('0.125')).toBe(13);
    expect(thresholdBasisPoints('0.1200')).toBe(12);
    expect(thresholdBasisPoints('-1')).toBeNull();
    expect(thresholdBasisPoints('abc')).toBeNull();
  });
});

describe('compareListings', () => {
  it('OK when the regular price is the ERP price to the grosz', () => {
    const { channels } = compareListings(pln('129.99'), listing(), [], NOW);
    expect(channels).toEqual([
      expect.objectContaining({
        channel: 'ESHOP',
        listingId: '172',
        active: true,
        status: 'OK',
        drift: pln('0.00'),
        driftPercent: '0.00',
        promotion: null,
      }),
    ]);
    expect(productStatus(channels)).toBe('OK');
  });

  it('DRIFT when the regular price differs by even one grosz: drift = regular − ERP, percent of the ERP price', () => {
    const { channels } = compareListings(pln('129.99'), listing({ regularPrice: pln('129.98') }), [], NOW);
    expect(channels[0]).toMatchObject({ status: 'DRIFT', drift: pln('-0.01'), driftPercent: '-0.01', currentPrice: pln('129.98') });
    const higher = compareListings(pln('100.00'), listing({ regularPrice: pln('112.35') }), [], NOW).channels[0];
    expect(higher).toMatchObject({ status: 'DRIFT', drift: pln('12.35'), driftPercent: '12.35' });
  });

  it('PROMOTION when the regular price is the ERP price and a sale is on now, with its price and dates', () => {
    const sale = listing({
      salePrice: pln('99.99'),
      onSale: true,
      saleStartsAt: '2026-11-20T00:00:00Z',
      saleEndsAt: '2026-11-30T23:59:59Z',
    });
    const { channels } = compareListings(pln('129.99'), sale, [], NOW);
    expect(channels[0]).toMatchObject({
      status: 'PROMOTION',
      drift: pln('0.00'),
      regularPrice: pln('129.99'),
      currentPrice: pln('99.99'),
      promotion: { price: pln('99.99'), startsAt: '2026-11-20T00:00:00Z', endsAt: '2026-11-30T23:59:59Z' },
    });
    expect(productStatus(channels)).toBe('PROMOTION');
  });

  it('a sale outside its dates, or one WooCommerce does not say is on, is no promotion', () => {
    const ended = listing({ salePrice: pln('99.99'), onSale: true, saleEndsAt: '2026-11-22T23:59:59Z' });
    const future = listing({ salePrice: pln('99.99'), onSale: true, saleStartsAt: '2026-12-01T00:00:00Z' });
    const off = listing({ salePrice: pln('99.99'), onSale: false });
    for (const l of [ended, future, off]) {
      expect(compareListings(pln('129.99'), l, [], NOW).channels[0]).toMatchObject({ status: 'OK', currentPrice: pln('129.99'), promotion: null });
    }
  });

  it('a sale on a drifting regular price is a DRIFT (the regular price is wrong whatever the sale)', () => {
    const l = listing({ regularPrice: pln('139.99'), salePrice: pln('99.99'), onSale: true });
    expect(compareListings(pln('129.99'), l, [], NOW).channels[0]).toMatchObject({
      status: 'DRIFT',
      drift: pln('10.00'),
      currentPrice: pln('99.99'),
      promotion: null,
    });
  });

  it('an Allegro offer has one price: any difference is a DRIFT, also for an inactive offer', () => {
    const { channels } = compareListings(
      pln('129.99'),
      null,
      [offer('129.99'), offer('119.99', 'ACTIVE', 'PLN', '2'), offer('149.99', 'ENDED', 'PLN', '3')],
      NOW,
    );
    expect(channels.map((c) => [c.listingId, c.active, c.status, c.driftPercent])).toEqual([
      ['17000000001', true, 'OK', '0.00'],
      ['2', true, 'DRIFT', '-7.69'],
      ['3', false, 'DRIFT', '15.39'],
    ]);
  });

  it('never compares a price in another currency: an allegro.cz offer in CZK is skipped with its reason', () => {
    const { channels, skipped } = compareListings(pln('129.99'), null, [offer('749.00', 'ACTIVE', 'CZK', 'cz1'), offer('129.99')], NOW);
    expect(channels.map((c) => c.listingId)).toEqual(['17000000001']);
    expect(skipped).toEqual([{ channel: 'MARKETPLACE', listingId: 'cz1', reason: 'CURRENCY_MISMATCH', currency: 'CZK' }]);
  });

  it('the product drifts when any live listing drifts; a draft listing or an ended offer does not move it', () => {
    const draftDrift = compareListings(pln('129.99'), listing({ status: 'DRAFT', regularPrice: pln('1.00') }), [offer('149.99', 'ENDED')], NOW);
    expect(draftDrift.channels.map((c) => c.status)).toEqual(['DRIFT', 'DRIFT']);
    expect(productStatus(draftDrift.channels)).toBe('OK');
    const mixed = compareListings(pln('129.99'), listing({ salePrice: pln('99.99'), onSale: true }), [offer('130.00')], NOW);
    expect(productStatus(mixed.channels)).toBe('DRIFT');
  });
});

describe('buildDriftReport', () => {
  const compared = (sku: string, erp: string, eshop: EshopListingRead | null, offers: MarketplaceOfferRead[]) => ({
    sku,
    erpPrice: pln(erp),
    channels: compareListings(pln(erp), eshop, offers, NOW).channels,
  });
  const skus = [
    compared('A', '100.00', listing({ regularPrice: pln('103.00') }), [offer('100.00')]),
    compared('B', '100.00', listing({ regularPrice: pln('100.00'), salePrice: pln('80.00'), onSale: true }), [
      offer('110.00', 'ACTIVE', 'PLN', 'b1'),
    ]),
    compared('C', '100.00', listing({ regularPrice: pln('90.00') }), [offer('90.00', 'ACTIVE', 'PLN', 'c1'), offer('50.00', 'ENDED', 'PLN', 'c2')]),
    compared('D', '100.00', null, []),
    compared('E', '100.00', listing({ regularPrice: pln('100.00') }), []),
  ];

  it('threshold 0: every live drift and promotion, largest |driftPercent| first, then by SKU and channel; counts drifted SKUs per channel', () => {
    const report = buildDriftReport(skus, 0, ['ESHOP', 'MARKETPLACE']);
    expect(report.entries.map((e) => [e.sku, e.price.channel, e.price.status, e.price.driftPercent])).toEqual([
      ['B', 'MARKETPLACE', 'DRIFT', '10.00'],
      ['C', 'ESHOP', 'DRIFT', '-10.00'],
      ['C', 'MARKETPLACE', 'DRIFT', '-10.00'],
      ['A', 'ESHOP', 'DRIFT', '3.00'],
      ['B', 'ESHOP', 'PROMOTION', '0.00'],
    ]);
    // D has no listing; E is listed and OK
    expect(report.skusChecked).toBe(4);
    expect(report.driftedPerChannel).toEqual([
      { channel: 'ESHOP', skus: 2 },
      { channel: 'MARKETPLACE', skus: 2 },
    ]);
  });

  it('a threshold keeps |driftPercent| ≥ it (a promotion by how far its price is from the ERP price); a channel limits it', () => {
    const five = buildDriftReport(skus, 500, ['ESHOP', 'MARKETPLACE']);
    expect(five.entries.map((e) => [e.sku, e.price.channel])).toEqual([
      ['B', 'MARKETPLACE'],
      ['C', 'ESHOP'],
      ['C', 'MARKETPLACE'],
      ['B', 'ESHOP'],
    ]);
    const eshopOnly = buildDriftReport(skus, 2_500, ['ESHOP']);
    expect(eshopOnly.entries).toEqual([]);
    expect(eshopOnly.driftedPerChannel).toEqual([{ channel: 'ESHOP', skus: 0 }]);
    expect(buildDriftReport(skus, 0, ['MARKETPLACE']).skusChecked).toBe(3);
  });
});
