/**
 * Listing prices of a shop that enters prices excluding tax (`woocommerce_prices_include_tax` = `no`): the product
 * JSON's `regular_price`, `sale_price` and `price` are then net, while the graph's listing prices are what the shopper
 * pays. WooCommerce turns a net price into the gross one it shows with `wc_get_price_including_tax()`:
 *
 *   taxable product (`tax_status` = `taxable`; `shipping` and `none` are not taxable) →
 *   rates = WC_Tax::get_rates(tax_class) (the shop's base location for a shopper without an address),
 *   taxes = WC_Tax::calc_tax(price, rates, false) (exclusive; compound rates on price + the taxes before them),
 *   total tax = Σ taxes, each rounded to the price decimals first unless `woocommerce_tax_round_at_subtotal` = yes,
 *   gross = round(price + total tax, woocommerce_price_num_decimals).
 *
 * Done here on integers (BigInt over the exact decimal digits of the price and the rate), never through floats.
 * Net prices are often entered with 4 decimals (81.3008) precisely so that the gross comes out round: all of them
 * are kept until the final rounding.
 * Docs: https://woocommerce.github.io/woocommerce-rest-api-docs/#setting-options, #tax-rates; WooCommerce
 * includes/wc-product-functions.php wc_get_price_including_tax, includes/class-wc-tax.php calc_exclusive_tax.
 */
import { divideRoundingHalfAway } from '@omnigraph/shared/models';
import { z } from 'zod';

/** One option of `GET /settings/{group}` (WC_REST_Setting_Options_Controller): only what is read here. */
export const WcSettingOptionDto = z.object({
  id: z.string(),
  // a string for select/checkbox options; a plugin's option may hold anything
  value: z.unknown(),
});
export const WcSettingOptionListDto = z.array(WcSettingOptionDto);

/** One rate of `GET /taxes` (WC_REST_Taxes_Controller). */
export const WcTaxRateDto = z.object({
  id: z.number().int(),
  /** ISO 3166 code, '' for every country */
  country: z.string().optional().default(''),
  state: z.string().optional().default(''),
  /** WooCommerce ≥ 5.3 lists every postcode / city; the older singular fields hold the first one */
  postcode: z.string().optional().default(''),
  city: z.string().optional().default(''),
  postcodes: z.array(z.string()).optional().default([]),
  cities: z.array(z.string()).optional().default([]),
  /** percent as a decimal string, "23.0000" */
  rate: z.string().regex(/^\d+(\.\d+)?$/, 'not a rate'),
  priority: z.number().int().optional().default(1),
  compound: z.boolean().optional().default(false),
  order: z.number().int().optional().default(0),
  /** tax class slug, `standard` for the standard class */
  class: z.string().optional().default('standard'),
});
export type WcTaxRateDto = z.infer<typeof WcTaxRateDto>;
export const WcTaxRateListDto = z.array(WcTaxRateDto);

/** What the listing prices need to know about the shop's taxes. */
export interface ShopTaxes {
  /** prices as entered include tax: listing prices are read as they are */
  pricesIncludeTax: boolean;
  /** `woocommerce_tax_round_at_subtotal` = yes: taxes are summed unrounded */
  roundAtSubtotal: boolean;
  /** the base location's rates per tax class slug ('' = standard), in the order WooCommerce applies them */
  ratesByClass: ReadonlyMap<string, readonly WcTaxRateDto[]>;
}

/** A shop whose prices include tax: nothing to convert (also the fallback when the settings cannot be read). */
export const PRICES_INCLUDE_TAX: ShopTaxes = { pricesIncludeTax: true, roundAtSubtotal: false, ratesByClass: new Map() };

/** WooCommerce names the standard class `standard` in `/taxes` and '' on products. */
export function taxClassSlug(value: string): string {
  return value === 'standard' ? '' : value;
}

/**
 * The rates WC_Tax::get_base_tax_rates() finds for the base country: rates of that country or of every country,
 * without a state, postcode or city restriction (the base address is a country here), the most specific rate first
 * within a priority and one rate per priority, priorities ascending (WC_Tax::find_rates).
 */
export function baseRates(rates: readonly WcTaxRateDto[], baseCountry: string): Map<string, WcTaxRateDto[]> {
  const country = baseCountry.toUpperCase();
  const eligible = rates.filter(
    (r) =>
      (r.country.toUpperCase() === country || r.country === '') &&
      r.state === '' &&
      r.postcode === '' &&
      r.city === '' &&
      r.postcodes.length === 0 &&
      r.cities.length === 0,
  );
  const byClass = new Map<string, WcTaxRateDto[]>();
  for (const rate of eligible) {
    const slug = taxClassSlug(rate.class);
    byClass.set(slug, [...(byClass.get(slug) ?? []), rate]);
  }
  for (const [slug, list] of byClass) {
    const sorted = [...list].sort(
      (a, b) => a.priority - b.priority || (a.country === '' ? 1 : 0) - (b.country === '' ? 1 : 0) || a.order - b.order || a.id - b.id,
    );
    const seen = new Set<number>();
    byClass.set(
      slug,
      sorted.filter((r) => (seen.has(r.priority) ? false : (seen.add(r.priority), true))),
    );
  }
  return byClass;
}

/** An exact decimal: digits × 10^-scale. */
interface Exact {
  digits: bigint;
  scale: number;
}

function exact(value: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[2]}${fraction}`);
  return { digits: match[1] === '-' ? -digits : digits, scale: fraction.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * The gross price in minor units (grosze) of a net price, as wc_get_price_including_tax() computes it with 2 price
 * decimals. `rates` are the product's class rates in application order (see {@link baseRates}); none → the price.
 */
export function grossMinorOfNet(net: string, rates: readonly WcTaxRateDto[], roundAtSubtotal: boolean): number {
  const price = exact(net);
  // Everything below is in units of 10^-S currency units; a rate "23.0000" is percent with up to 4+ decimals.
  const rateScale = Math.max(0, ...rates.map((r) => exact(r.rate).scale));
  const S = Math.max(price.scale, 2) + rateScale + 6;
  const base = price.digits * pow10(S - price.scale);
  const taxOf = (amount: bigint, rate: WcTaxRateDto): bigint => {
    const r = exact(rate.rate);
    // amount × rate / 100, kept exact to 10^-S (S leaves room for every digit of the product)
    return divideRoundingHalfAway(amount * r.digits, pow10(r.scale) * 100n);
  };
  const taxes: bigint[] = [];
  for (const rate of rates.filter((r) => !r.compound)) taxes.push(taxOf(base, rate));
  for (const rate of rates.filter((r) => r.compound)) taxes.push(taxOf(base + taxes.reduce((a, b) => a + b, 0n), rate));
  // calc_tax hands the taxes back rounded to wc_get_rounding_precision() (price decimals + 4)
  const toRoundingPrecision = pow10(S - 6);
  for (let i = 0; i < taxes.length; i += 1) taxes[i] = divideRoundingHalfAway(taxes[i]!, toRoundingPrecision) * toRoundingPrecision;
  const toPriceDecimals = pow10(S - 2);
  const total = roundAtSubtotal
    ? taxes.reduce((a, b) => a + b, 0n)
    : // wc_round_tax_total: each tax to the price decimals before the sum
      taxes.reduce((a, b) => a + divideRoundingHalfAway(b, toPriceDecimals) * toPriceDecimals, 0n);
  const gross = divideRoundingHalfAway(base + total, toPriceDecimals);
  const minor = Number(gross);
  if (!Number.isSafeInteger(minor)) throw new Error(`amount out of range: ${JSON.stringify(net)}`);
  return minor;
}

/** The product fields the conversion reads; missing in a trimmed answer → WooCommerce's defaults. */
export interface TaxedProductFields {
  tax_status?: string | undefined;
  tax_class?: string | undefined;
}

/**
 * The rates a product's listing prices carry, or null when its prices are shown as entered: the shop's prices include
 * tax, or the product is not taxable (`shipping`, `none`). `unknownClass` hears a class without base rates (WooCommerce
 * then adds no tax either).
 */
export function ratesForProduct(
  taxes: ShopTaxes,
  product: TaxedProductFields,
  unknownClass?: (slug: string) => void,
): readonly WcTaxRateDto[] | null {
  if (taxes.pricesIncludeTax) return null;
  if ((product.tax_status ?? 'taxable') !== 'taxable') return null;
  const slug = taxClassSlug(product.tax_class ?? '');
  const rates = taxes.ratesByClass.get(slug);
  if (rates === undefined || rates.length === 0) {
    unknownClass?.(slug);
    return null;
  }
  return rates;
}

/** `yes`/`no` of a checkbox setting, null when the option is absent or holds something else. */
export function settingFlag(options: readonly { id: string; value: unknown }[], id: string): boolean | null {
  const value = options.find((o) => o.id === id)?.value;
  return value === 'yes' ? true : value === 'no' ? false : null;
}
