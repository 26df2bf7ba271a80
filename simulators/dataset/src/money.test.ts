import { describe, expect, it } from 'vitest';
import type { VatRate } from './dataset-types.ts';
import { formatPln, grossFromNet, isExactGross, netFromGross, parsePln, vatFromGross } from './money.ts';

const RATES: readonly VatRate[] = [23, 8, 5];

describe('grossFromNet', () => {
  it('adds VAT and rounds half up on grosze', () => {
    expect(grossFromNet(20000, 23)).toBe(24600);
    expect(grossFromNet(4065, 23)).toBe(5000); // 49.9995 → 50.00
    expect(grossFromNet(50, 23)).toBe(62); // 61.5 → 62
    expect(grossFromNet(150, 5)).toBe(158); // 157.5 → 158
    expect(grossFromNet(1, 8)).toBe(1);
    expect(grossFromNet(0, 23)).toBe(0);
  });

  it('rounds negative amounts symmetrically (corrections, refunds)', () => {
    expect(grossFromNet(-50, 23)).toBe(-62);
    expect(Object.is(grossFromNet(-0, 23), 0)).toBe(true);
  });

  it('refuses non-integer grosze', () => {
    expect(() => grossFromNet(12.5, 23)).toThrow(RangeError);
    expect(() => netFromGross(Number.NaN, 23)).toThrow(RangeError);
  });
});

describe('netFromGross', () => {
  it('removes VAT and rounds half up', () => {
    expect(netFromGross(24600, 23)).toBe(20000);
    expect(netFromGross(4999, 23)).toBe(4064); // 40.6423
    expect(netFromGross(19900, 8)).toBe(18426); // 184.259
    expect(netFromGross(105, 5)).toBe(100);
    expect(netFromGross(123, 23)).toBe(100);
  });

  it('recovers the net of every gross it produced', () => {
    for (const vat of RATES) {
      for (let net = 0; net < 20_000; net += 7) expect(netFromGross(grossFromNet(net, vat), vat)).toBe(net);
    }
  });

  it('splits a gross amount into net and VAT exactly', () => {
    for (const vat of RATES) {
      for (const gross of [1, 99, 4999, 19900, 123456]) expect(netFromGross(gross, vat) + vatFromGross(gross, vat)).toBe(gross);
    }
  });
});

describe('isExactGross', () => {
  it('knows which gross prices an ERP net price can reach', () => {
    expect(isExactGross(4999, 23)).toBe(true);
    expect(isExactGross(24600, 23)).toBe(true);
    // 1.23 gr per net grosz leaves gaps: net 2 gr → 2 gr gross, net 3 gr → 4 gr, so 3 gr gross is out of reach.
    expect(isExactGross(3, 23)).toBe(false);
    for (let gross = 0; gross < 5_000; gross++) {
      expect(isExactGross(gross, 23)).toBe(grossFromNet(netFromGross(gross, 23), 23) === gross);
    }
  });
});

describe('formatPln / parsePln', () => {
  it('formats grosze the way WooCommerce and Allegro send amounts', () => {
    expect(formatPln(24600)).toBe('246.00');
    expect(formatPln(4999)).toBe('49.99');
    expect(formatPln(5)).toBe('0.05');
    expect(formatPln(0)).toBe('0.00');
    expect(formatPln(-150)).toBe('-1.50');
    expect(formatPln(123456789)).toBe('1234567.89');
  });

  it('parses decimal strings back to grosze', () => {
    expect(parsePln('246.00')).toBe(24600);
    expect(parsePln('19.9')).toBe(1990);
    expect(parsePln('5')).toBe(500);
    expect(parsePln('12,50')).toBe(1250);
    expect(parsePln('-1.50')).toBe(-150);
    expect(() => parsePln('1.234')).toThrow(RangeError);
    expect(() => parsePln('abc')).toThrow(RangeError);
    for (const g of [0, 1, 99, 100, 4999, 123456]) expect(parsePln(formatPln(g))).toBe(g);
  });
});
