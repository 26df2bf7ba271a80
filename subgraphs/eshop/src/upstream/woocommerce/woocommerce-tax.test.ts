import { describe, expect, it } from 'vitest';
import { baseRates, grossMinorOfNet, PRICES_INCLUDE_TAX, ratesForProduct, WcTaxRateDto, type ShopTaxes } from './woocommerce-tax.ts';

/** A rate of `GET /taxes` (WooCommerce REST v3 "Tax rate properties"). */
const rate = (overrides: Record<string, unknown>) =>
  WcTaxRateDto.parse({
    id: 1,
    country: 'PL',
    state: '',
    postcodes: [],
    cities: [],
    rate: '23.0000',
    name: 'VAT',
    priority: 1,
    compound: false,
    shipping: true,
    order: 0,
    class: 'standard',
    ...overrides,
  });

const VAT23 = rate({ id: 1 });
const VAT8 = rate({ id: 2, rate: '8.0000', name: 'VAT 8%', class: 'reduced-rate' });
const VAT5 = rate({ id: 3, rate: '5.0000', name: 'VAT 5%', class: 'super-reduced-rate' });

describe('grossMinorOfNet (wc_get_price_including_tax on integers)', () => {
  it.each([
    // net, rate, gross grosze
    ['81.3008', VAT23, 10000], // 4-decimal net entered so the gross is round: 99.999984 → 100.00
    ['65.0407', VAT23, 8000],
    ['8.13', VAT23, 1000], // 9.9999 → 10.00
    ['199', VAT23, 24477], // 244.77
    ['45.37', VAT8, 4900], // 48.9996 → 49.00
    ['0.01', VAT8, 1], // 0.0108 → 0.01
    ['37.9', VAT5, 3980], // 39.795 → 39.80 (half up)
    ['0', VAT23, 0],
  ])('%s at %s%% → %i gr', (net, r, gross) => {
    expect(grossMinorOfNet(net, [r], false)).toBe(gross);
  });

  it('rounds half up where a float would not: 1.15 at 23 % is 1.4145 → 1.41, 2.5 at 5 % is 2.625 → 2.63', () => {
    expect(grossMinorOfNet('1.15', [VAT23], false)).toBe(141);
    // 2.5 × 1.05 is 2.6249999999999996 in doubles; WooCommerce rounds the tax (0.125 → 0.13) first
    expect(grossMinorOfNet('2.5', [VAT5], false)).toBe(263);
  });

  it('two rates: each tax rounded before the sum, unless the shop rounds at subtotal', () => {
    const a = rate({ id: 10, rate: '2.5000', priority: 1 });
    const b = rate({ id: 11, rate: '2.5000', priority: 2 });
    // 10.10: taxes 0.2525 + 0.2525; rounded each 0.25 + 0.25 → 10.60; at subtotal 0.505 → 10.605 → 10.61
    expect(grossMinorOfNet('10.10', [a, b], false)).toBe(1060);
    expect(grossMinorOfNet('10.10', [a, b], true)).toBe(1061);
  });

  it('a compound rate taxes the price plus the taxes before it', () => {
    const gst = rate({ id: 20, country: 'CA', rate: '5.0000', priority: 1 });
    const qst = rate({ id: 21, country: 'CA', rate: '9.9750', priority: 2, compound: true });
    // 100 + 5 = 105; 105 × 9.975 % = 10.47375 → 10.47; 115.47
    expect(grossMinorOfNet('100.00', [gst, qst], false)).toBe(11547);
  });

  it('keeps every decimal of a long net price and never goes through floats', () => {
    expect(grossMinorOfNet('123456789.1234', [VAT23], false)).toBe(15185185062); // 151851850.621782 → .62
  });
});

describe('baseRates (WC_Tax::get_base_tax_rates for a country)', () => {
  it('keeps the base country and every-country rates without a state, postcode or city, one per priority', () => {
    const rates = [
      VAT23,
      rate({ id: 4, country: 'DE', rate: '19.0000' }),
      rate({ id: 5, country: '', rate: '99.0000', order: 1 }), // every country, same priority: the country's own wins
      rate({ id: 6, country: 'PL', postcodes: ['00-001'], rate: '50.0000' }),
      VAT8,
      rate({ id: 7, country: '', rate: '0.0000', class: 'zero-rate' }),
    ];
    const byClass = baseRates(rates, 'pl');
    expect(byClass.get('')!.map((r) => r.id)).toEqual([1]);
    expect(byClass.get('reduced-rate')!.map((r) => r.id)).toEqual([2]);
    expect(byClass.get('zero-rate')!.map((r) => r.id)).toEqual([7]);
  });
});

describe('ratesForProduct', () => {
  const taxes: ShopTaxes = { pricesIncludeTax: false, roundAtSubtotal: false, ratesByClass: baseRates([VAT23, VAT8], 'PL') };

  it('taxable products get their class rates; shipping-only and none are shown as entered', () => {
    expect(ratesForProduct(taxes, { tax_status: 'taxable', tax_class: '' })).toEqual([VAT23]);
    expect(ratesForProduct(taxes, { tax_status: 'taxable', tax_class: 'reduced-rate' })).toEqual([VAT8]);
    expect(ratesForProduct(taxes, {})).toEqual([VAT23]);
    expect(ratesForProduct(taxes, { tax_status: 'shipping', tax_class: '' })).toBeNull();
    expect(ratesForProduct(taxes, { tax_status: 'none', tax_class: '' })).toBeNull();
  });

  it('a class without base rates adds no tax (and is reported), prices including tax convert nothing', () => {
    const unknown: string[] = [];
    expect(ratesForProduct(taxes, { tax_status: 'taxable', tax_class: 'zero-rate' }, (c) => unknown.push(c))).toBeNull();
    expect(unknown).toEqual(['zero-rate']);
    expect(ratesForProduct(PRICES_INCLUDE_TAX, { tax_status: 'taxable', tax_class: '' })).toBeNull();
  });
});
