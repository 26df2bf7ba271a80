/**
 * Order totals the way WooCommerce computes them for a shop with prices entered including VAT.
 *
 * - A line starts from its gross subtotal (unit price incl. VAT × quantity); its net `subtotal` and `subtotal_tax`
 *   split that gross amount so that net + tax is exactly the gross price.
 * - Coupons discount the gross amounts (WC_Discounts works on prices incl. tax when prices include tax), per line,
 *   in whole grosze, with the rounding remainder handed out one grosz at a time to the most expensive lines first.
 * - Line `total`/`total_tax` split the discounted gross amount the same way.
 * - Shipping and fees are net amounts with VAT on top (standard rate).
 * - When the tax location is not Poland, no Polish VAT applies: lines keep their net price and carry no tax.
 *
 * Everything is integer grosze; formatting to strings happens in the order builder.
 */
import { vatInGross, netOfGross, vatOnNet } from './wc-money.ts';

export interface CalcLineInput {
  /** unit price incl. VAT × quantity, in grosze */
  gross: number;
  /** VAT percent of the product's tax class */
  percent: number;
  quantity: number;
}

export type CouponComputation =
  | { type: 'percent'; amount: number }
  /** amount in grosze incl. VAT, spread over the lines in proportion to their price */
  | { type: 'fixed_cart'; amount: number }
  /** amount in grosze incl. VAT per unit */
  | { type: 'fixed_product'; amount: number };

export interface CalcShippingInput {
  net: number;
  /** VAT on the shipping; computed on `net` at the standard rate when omitted */
  tax?: number;
  percent: number;
}

export interface CalcFeeInput {
  net: number;
  percent: number;
}

export interface CalcInput {
  lines: readonly CalcLineInput[];
  coupons: readonly CouponComputation[];
  shipping: readonly CalcShippingInput[];
  fees: readonly CalcFeeInput[];
  /** false when the tax location is outside Poland */
  taxable: boolean;
}

export interface CalcLineResult {
  subtotal: number;
  subtotalTax: number;
  total: number;
  totalTax: number;
}

export interface CalcCouponResult {
  /** net discount */
  discount: number;
  discountTax: number;
}

export interface CalcAmountResult {
  total: number;
  tax: number;
}

export interface CalcResult {
  lines: CalcLineResult[];
  coupons: CalcCouponResult[];
  shipping: CalcAmountResult[];
  fees: CalcAmountResult[];
  /** per VAT percent: tax on lines and fees, and tax on shipping */
  taxes: Map<number, { cart: number; shipping: number }>;
  discountTotal: number;
  discountTax: number;
  shippingTotal: number;
  shippingTax: number;
  cartTax: number;
  totalTax: number;
  total: number;
}

/** Splits a line amount into net + tax under the order's tax situation. */
function split(gross: number, percent: number, taxable: boolean): { net: number; tax: number } {
  if (!taxable) return { net: netOfGross(gross, percent), tax: 0 };
  const tax = vatInGross(gross, percent);
  return { net: gross - tax, tax };
}

/** Hands `remainder` grosze out one at a time, most expensive lines first, within each line's room. */
function spreadRemainder(discounts: number[], bases: readonly number[], room: readonly number[], remainder: number): void {
  const order = bases.map((_, i) => i).sort((a, b) => bases[b]! - bases[a]! || a - b);
  let left = remainder;
  while (left > 0) {
    let gave = false;
    for (const i of order) {
      if (left === 0) break;
      if (discounts[i]! < room[i]!) {
        discounts[i]! += 1;
        left -= 1;
        gave = true;
      }
    }
    if (!gave) break;
  }
}

/** Per-line discount (in the amounts the coupon applies to) of one coupon. */
function couponDiscounts(coupon: CouponComputation, bases: readonly number[], remaining: readonly number[], quantities: readonly number[]): number[] {
  const discounts = bases.map(() => 0);
  switch (coupon.type) {
    case 'percent': {
      let given = 0;
      bases.forEach((base, i) => {
        discounts[i] = Math.min(remaining[i]!, Math.floor((base * coupon.amount) / 100));
        given += discounts[i]!;
      });
      const cartLevel = Math.round((bases.reduce((a, b) => a + b, 0) * coupon.amount) / 100);
      if (cartLevel > given) spreadRemainder(discounts, bases, remaining, cartLevel - given);
      return discounts;
    }
    case 'fixed_cart': {
      const total = remaining.reduce((a, b) => a + b, 0);
      if (total <= 0) return discounts;
      const amount = Math.min(coupon.amount, total);
      let given = 0;
      remaining.forEach((r, i) => {
        discounts[i] = Math.min(r, Math.floor((r * amount) / total));
        given += discounts[i]!;
      });
      if (amount > given) spreadRemainder(discounts, remaining, remaining, amount - given);
      return discounts;
    }
    case 'fixed_product':
      remaining.forEach((r, i) => {
        discounts[i] = Math.min(r, coupon.amount * quantities[i]!);
      });
      return discounts;
  }
}

export function calculateOrder(input: CalcInput): CalcResult {
  const { taxable } = input;
  const subtotals = input.lines.map((line) => split(line.gross, line.percent, taxable));
  // With tax the coupon discounts the gross price; without, the net price (subtotal_tax is 0).
  const bases = input.lines.map((line, i) => (taxable ? line.gross : subtotals[i]!.net));
  const remaining = [...bases];
  const quantities = input.lines.map((l) => l.quantity);

  const coupons: CalcCouponResult[] = input.coupons.map((coupon) => {
    const discounts = couponDiscounts(coupon, bases, remaining, quantities);
    let discount = 0;
    let discountTax = 0;
    discounts.forEach((d, i) => {
      if (d === 0) return;
      const percent = input.lines[i]!.percent;
      const before = taxable ? vatInGross(remaining[i]!, percent) : 0;
      remaining[i]! -= d;
      const after = taxable ? vatInGross(remaining[i]!, percent) : 0;
      discountTax += before - after;
      discount += d - (before - after);
    });
    return { discount, discountTax };
  });

  const lines: CalcLineResult[] = input.lines.map((line, i) => {
    const sub = subtotals[i]!;
    const totalTax = taxable ? vatInGross(remaining[i]!, line.percent) : 0;
    return { subtotal: sub.net, subtotalTax: sub.tax, total: remaining[i]! - totalTax, totalTax };
  });

  const taxes = new Map<number, { cart: number; shipping: number }>();
  const addTax = (percent: number, kind: 'cart' | 'shipping', amount: number) => {
    if (!taxable) return;
    const entry = taxes.get(percent) ?? { cart: 0, shipping: 0 };
    entry[kind] += amount;
    taxes.set(percent, entry);
  };
  lines.forEach((l, i) => addTax(input.lines[i]!.percent, 'cart', l.totalTax));

  const shipping = input.shipping.map((s) => {
    const tax = taxable ? (s.tax ?? vatOnNet(s.net, s.percent)) : 0;
    addTax(s.percent, 'shipping', tax);
    return { total: s.net, tax };
  });
  const fees = input.fees.map((f) => {
    const tax = taxable ? vatOnNet(f.net, f.percent) : 0;
    addTax(f.percent, 'cart', tax);
    return { total: f.net, tax };
  });

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const discountTotal = sum(lines.map((l) => l.subtotal - l.total));
  const discountTax = sum(lines.map((l) => l.subtotalTax - l.totalTax));
  const shippingTotal = sum(shipping.map((s) => s.total));
  const shippingTax = sum(shipping.map((s) => s.tax));
  const cartTax = sum(lines.map((l) => l.totalTax)) + sum(fees.map((f) => f.tax));
  const totalTax = cartTax + shippingTax;
  const total = sum(lines.map((l) => l.total)) + sum(fees.map((f) => f.total)) + shippingTotal + totalTax;
  return { lines, coupons, shipping, fees, taxes, discountTotal, discountTax, shippingTotal, shippingTax, cartTax, totalTax, total };
}
