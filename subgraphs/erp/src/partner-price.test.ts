import { describe, expect, it } from 'vitest';
import { partnerPriceOf } from './partner-price.ts';
import type { ErpPartnerPricingModel, ErpPriceRuleModel, ErpProductModel } from './upstream/erp-client.ts';
import type { OdooTaxDto } from './upstream/odoo/odoo-taxes.ts';
import { odooPriceUnitFromGross } from './upstream/odoo/odoo-writes.ts';

const product: ErpProductModel = {
  sku: 'SKU-1',
  name: 'Czajnik',
  ean: null,
  active: true,
  listPrice: { currency: 'PLN', netMinor: 20_000, grossMinor: 24_600, vatRate: '23' },
  unit: 'Units',
  pricingRef: {
    productId: 7,
    templateId: 70,
    categoryId: 12,
    salesPriceMinor: 20_000,
    taxes: [{ kind: 'percent', amount: 2300, priceIncluded: false, includeBaseAmount: false, isBaseAffected: true }],
    roundingMinor: 1,
  },
};
const NOW = '2026-06-01T10:00:00Z';
const rule = (over: Partial<ErpPriceRuleModel>): ErpPriceRuleModel => ({
  appliesTo: { kind: 'global' },
  minQuantity: 0,
  start: null,
  end: null,
  compute: { kind: 'percentage', percent: 10 },
  ...over,
});
const pricing = (...rules: ErpPriceRuleModel[]): ErpPartnerPricingModel => ({ partnerId: 1, pricelistId: 3, rules });
const net = (p: ReturnType<typeof partnerPriceOf>) => ('price' in p ? p.price.netMinor : p.unsupported);

describe('partnerPriceOf', () => {
  it('takes the first applicable rule in the order given (variant before category before global)', () => {
    const rules = pricing(
      rule({ appliesTo: { kind: 'variant', productId: 8 }, compute: { kind: 'fixed', price: 1 } }),
      rule({ appliesTo: { kind: 'variant', productId: 7 }, compute: { kind: 'fixed', price: 150 } }),
      rule({ appliesTo: { kind: 'category', categoryIds: [10, 12] }, compute: { kind: 'percentage', percent: 50 } }),
    );
    expect(partnerPriceOf(product, rules, NOW)).toEqual({
      price: { currency: 'PLN', netMinor: 15_000, grossMinor: 18_450, vatRate: '23' },
      ruleApplied: true,
    });
    expect(net(partnerPriceOf(product, pricing(rules.rules[2]!, rule({})), NOW))).toBe(10_000);
    expect(net(partnerPriceOf(product, pricing(rule({ appliesTo: { kind: 'template', templateId: 70 } })), NOW))).toBe(18_000);
  });

  it('skips rules for more than one unit, outside their dates or for other products; none left → the list price', () => {
    const rules = pricing(
      rule({ minQuantity: 5 }),
      rule({ start: '2026-07-01T00:00:00Z' }),
      rule({ end: '2026-05-31T23:59:59Z' }),
      rule({ appliesTo: { kind: 'category', categoryIds: [13] } }),
    );
    expect(partnerPriceOf(product, rules, NOW)).toEqual({ price: product.listPrice, ruleApplied: false });
    expect(partnerPriceOf(product, pricing(), NOW)).toEqual({ price: product.listPrice, ruleApplied: false });
  });

  it('computes the formula on the list price: discount, rounding, surcharge, margins; other bases are unsupported', () => {
    const formula = (over: object) =>
      pricing(rule({ compute: { kind: 'formula', discount: 15, surcharge: -0.01, round: 1, minMargin: 0, maxMargin: 0, ...over } }));
    expect(net(partnerPriceOf(product, formula({}), NOW))).toBe(16_999);
    expect(net(partnerPriceOf(product, formula({ minMargin: -20 }), NOW))).toBe(18_000);
    expect(partnerPriceOf(product, pricing(rule({ compute: { kind: 'unsupported', base: 'standard_price' } })), NOW)).toEqual({
      unsupported: 'standard_price',
    });
  });
});

describe('odooPriceUnitFromGross', () => {
  const taxes = new Map([
    [1, { id: 1, amount: 23, amount_type: 'percent', price_include: false }],
    [2, { id: 2, amount: 23, amount_type: 'percent', price_include: true }],
  ]);
  it('sends the net price for taxes on top, the gross as it is for price-included taxes', () => {
    expect(odooPriceUnitFromGross('123.00', [1], taxes)).toBe(100);
    expect(odooPriceUnitFromGross('129.99', [1], taxes)).toBe(105.68);
    expect(odooPriceUnitFromGross('129.99', [2], taxes)).toBe(129.99);
    expect(odooPriceUnitFromGross('10.00', [], taxes)).toBe(10);
  });

  it('sends the price whose taxes Odoo applies give the gross: fixed amounts, two companies', () => {
    const more = new Map<number, OdooTaxDto>([
      ...taxes,
      [3, { id: 3, amount: 0.5, amount_type: 'fixed', price_include: false }],
      [4, { id: 4, amount: 23, amount_type: 'percent', price_include: false, company_id: [1, 'PL'] as [number, string] }],
      [5, { id: 5, amount: 19, amount_type: 'percent', price_include: false, company_id: [2, 'DE'] as [number, string] }],
    ]);
    // 10.00 + 23 % + 0.50 = 12.80
    expect(odooPriceUnitFromGross('12.80', [1, 3], more)).toBe(10);
    expect(odooPriceUnitFromGross('123.00', [4, 5], more, 1)).toBe(100);
    expect(odooPriceUnitFromGross('119.00', [4, 5], more, 2)).toBe(100);
  });
});
