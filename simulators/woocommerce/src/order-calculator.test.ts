import { describe, expect, it } from 'vitest';
import { calculateOrder } from './order-calculator.ts';

describe('calculateOrder', () => {
  it('reproduces the A.2.1 order to the grosz', () => {
    const r = calculateOrder({
      taxable: true,
      lines: [
        { gross: 24_600, percent: 23, quantity: 1 },
        { gross: 12_300, percent: 23, quantity: 2 },
      ],
      coupons: [{ type: 'percent', amount: 10 }],
      shipping: [{ net: 1_300, percent: 23 }],
      fees: [],
    });
    expect(r.lines).toEqual([
      { subtotal: 20_000, subtotalTax: 4_600, total: 18_000, totalTax: 4_140 },
      { subtotal: 10_000, subtotalTax: 2_300, total: 9_000, totalTax: 2_070 },
    ]);
    expect(r.coupons).toEqual([{ discount: 3_000, discountTax: 690 }]);
    expect(r.shipping).toEqual([{ total: 1_300, tax: 299 }]);
    expect(r).toMatchObject({ discountTotal: 3_000, discountTax: 690, shippingTax: 299, cartTax: 6_210, totalTax: 6_509, total: 34_809 });
    expect([...r.taxes]).toEqual([[23, { cart: 6_210, shipping: 299 }]]);
  });

  it('splits awkward gross prices so that net + tax is the gross amount', () => {
    const r = calculateOrder({
      taxable: true,
      lines: [{ gross: 29_997, percent: 23, quantity: 3 }],
      coupons: [{ type: 'fixed_cart', amount: 1_000 }],
      shipping: [],
      fees: [],
    });
    expect(r.lines[0]).toEqual({ subtotal: 24_388, subtotalTax: 5_609, total: 23_575, totalTax: 5_422 });
    expect(r.coupons[0]).toEqual({ discount: 813, discountTax: 187 });
    expect(r.total).toBe(28_997);
  });

  it('spreads a percent coupon’s rounding remainder so the lines add up to the cart-level discount', () => {
    const lines = [1_001, 1_001, 1_001].map((gross) => ({ gross, percent: 8, quantity: 1 }));
    const r = calculateOrder({ taxable: true, lines, coupons: [{ type: 'percent', amount: 15 }], shipping: [], fees: [] });
    const discountGross = r.lines.reduce((sum, l, i) => sum + lines[i]!.gross - (l.total + l.totalTax), 0);
    expect(discountGross).toBe(Math.round(3_003 * 0.15));
    expect(r.total).toBe(3_003 - discountGross);
    expect([...r.taxes.keys()]).toEqual([8]);
  });

  it('applies fixed_product per unit and never below zero', () => {
    const r = calculateOrder({
      taxable: true,
      lines: [
        { gross: 3_000, percent: 5, quantity: 3 },
        { gross: 400, percent: 23, quantity: 1 },
      ],
      coupons: [{ type: 'fixed_product', amount: 500 }],
      shipping: [],
      fees: [],
    });
    expect(r.lines[0]!.total + r.lines[0]!.totalTax).toBe(1_500);
    expect(r.lines[1]!.total + r.lines[1]!.totalTax).toBe(0);
  });

  it('charges no tax outside Poland and discounts the net price', () => {
    const r = calculateOrder({
      taxable: false,
      lines: [{ gross: 24_600, percent: 23, quantity: 1 }],
      coupons: [{ type: 'percent', amount: 10 }],
      shipping: [{ net: 1_300, percent: 23 }],
      fees: [],
    });
    expect(r.lines[0]).toEqual({ subtotal: 20_000, subtotalTax: 0, total: 18_000, totalTax: 0 });
    expect(r.total).toBe(19_300);
    expect(r.taxes.size).toBe(0);
  });

  it('taxes fees on top of their net amount', () => {
    const r = calculateOrder({ taxable: true, lines: [], coupons: [], shipping: [], fees: [{ net: 1_000, percent: 23 }] });
    expect(r.fees).toEqual([{ total: 1_000, tax: 230 }]);
    expect(r.cartTax).toBe(230);
    expect(r.total).toBe(1_230);
  });
});
