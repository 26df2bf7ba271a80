import { describe, expect, it } from 'vitest';
import { applyTaxes, roundToStep, type ErpTaxModel } from './taxes.ts';

const tax = (kind: ErpTaxModel['kind'], amount: number, over: Partial<ErpTaxModel> = {}): ErpTaxModel => ({
  kind,
  amount,
  priceIncluded: false,
  includeBaseAmount: false,
  isBaseAffected: true,
  ...over,
});
const included = { priceIncluded: true };

describe('applyTaxes (Odoo account.tax semantics, one unit)', () => {
  it('adds an excluded percent tax on the net price, half away from zero to the grosz', () => {
    expect(applyTaxes(10_000, [tax('percent', 2300)])).toEqual({ netMinor: 10_000, grossMinor: 12_300, vatBasisPoints: 2300 });
    // 0.50 × 23 % = 0.115 → 0.12
    expect(applyTaxes(50, [tax('percent', 2300)]).grossMinor).toBe(62);
  });

  it('takes a price-included tax out of the price and keeps the gross exactly the stored price', () => {
    expect(applyTaxes(12_300, [tax('percent', 2300, included)])).toEqual({ netMinor: 10_000, grossMinor: 12_300, vatBasisPoints: 2300 });
    // 99.99 / 1.23 = 81.2926… → 81.29; the tax is what is left (18.70), as Odoo's total-included checkpoint does
    expect(applyTaxes(9_999, [tax('percent', 2300, included)])).toEqual({ netMinor: 8_129, grossMinor: 9_999, vatBasisPoints: 2300 });
  });

  it('adds fixed amounts (no rate) and takes included fixed amounts out before the percentages', () => {
    expect(applyTaxes(5_000, [tax('percent', 800), tax('fixed', 100)])).toEqual({ netMinor: 5_000, grossMinor: 5_500, vatBasisPoints: 800 });
    // (124.00 − 1.00) / 1.23 = 100.00
    expect(applyTaxes(12_400, [tax('fixed', 100, included), tax('percent', 2300, included)])).toEqual({
      netMinor: 10_000,
      grossMinor: 12_400,
      vatBasisPoints: 2300,
    });
  });

  it('computes division taxes as a share of the gross ("percentage tax included")', () => {
    // excluded: 90 / (1 − 10 %) − 90 = 10
    expect(applyTaxes(9_000, [tax('division', 1000)]).grossMinor).toBe(10_000);
    // included: 100 × (1 − 10 %) = 90
    expect(applyTaxes(10_000, [tax('division', 1000, included)]).netMinor).toBe(9_000);
  });

  it('raises the base of later taxes after one that includes its amount in the base', () => {
    // 100 + 10 (excise, include_base_amount) + 23 % of 110 = 135.30
    expect(applyTaxes(10_000, [tax('percent', 1000, { includeBaseAmount: true }), tax('percent', 2300)]).grossMinor).toBe(13_530);
    expect(applyTaxes(10_000, [tax('percent', 1000, { includeBaseAmount: true }), tax('percent', 2300, { isBaseAffected: false })]).grossMinor).toBe(
      13_300,
    );
  });

  it("rounds to the currency's rounding: whole yen, 0.05 franc", () => {
    // ¥1000 with 10 % included: 909.09 → ¥909
    expect(applyTaxes(100_000, [tax('percent', 1000, included)], 100)).toEqual({ netMinor: 90_900, grossMinor: 100_000, vatBasisPoints: 1000 });
    // 10.00 + 7.7 % = 0.77 → 0.75 at a 0.05 rounding
    expect(applyTaxes(1_000, [tax('percent', 770)], 5).grossMinor).toBe(1_075);
    expect(roundToStep(-250, 100)).toBe(-300);
  });

  it('leaves the price as it is without taxes (rate 0)', () => {
    expect(applyTaxes(1_234, [])).toEqual({ netMinor: 1_234, grossMinor: 1_234, vatBasisPoints: 0 });
  });
});
