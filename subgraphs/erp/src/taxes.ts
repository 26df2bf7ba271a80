/**
 * Sales taxes applied to one unit's price, the way Odoo 17+ does it (`account.tax` `_compute_taxes_for_single_line` /
 * the older `compute_all`), in integer minor units so nothing goes through a float after the upstream's price:
 *
 * - taxes are applied in their order (`sequence, id`), a group already replaced by its children;
 * - price-included taxes are taken out of the price first, together: net = (price − Σ included fixed) /
 *   (1 + Σ included percent %) × (1 − Σ included division %); their tax is what the price holds above the net, so the
 *   gross stays exactly the stored price (Odoo's "total included checkpoint");
 * - excluded taxes are added on the net: percent → net × %, division → net / (1 − %) − net, fixed → the amount;
 *   a tax with `includeBaseAmount` raises the base of the later taxes that are `isBaseAffected`;
 * - every amount is rounded to the currency's rounding, half away from zero (`float_round`, the company's default
 *   `round_per_line`).
 *
 * Sources: odoo/addons/account/models/account_tax.py (17.0 `compute_all`, 18.0/19.0 `_get_tax_details` and
 * `_eval_tax_amount_*`), https://www.odoo.com/documentation/17.0/applications/finance/accounting/taxes.html
 */
import { divideRoundingHalfAway } from '@omnigraph/shared/models';
import { formatBasisPointsAsPercent } from './money.ts';

/** One sales tax as it applies to a price (a group is never one: the adapter replaces it by its children). */
export interface ErpTaxModel {
  /** Odoo `amount_type` (a `group` is flattened by the adapter) */
  kind: 'percent' | 'division' | 'fixed';
  /** percent / division: the rate in basis points (23 % → 2300); fixed: the amount in minor units */
  amount: number;
  /** Odoo `price_include` (17) / `price_include_override` falling back to the company's `account_price_include` (18+) */
  priceIncluded: boolean;
  /** Odoo `include_base_amount`: the later taxes are computed on the price plus this tax */
  includeBaseAmount: boolean;
  /** Odoo `is_base_affected`: this tax's base grows by earlier taxes that `includeBaseAmount` */
  isBaseAffected: boolean;
}

export interface TaxedPrice {
  netMinor: number;
  grossMinor: number;
  /** the sum of the percent and division rates, basis points (fixed amounts have no rate) */
  vatBasisPoints: number;
}

/** `numerator / denominator` rounded half away from zero to a multiple of `step` (all integers, BigInt-exact). */
function roundRatio(numerator: bigint, denominator: bigint, step: number): number {
  const stepN = BigInt(step);
  return Number(divideRoundingHalfAway(numerator, denominator * stepN) * stepN);
}

/** `value` (minor units) rounded to a multiple of `step`, half away from zero. */
export function roundToStep(value: number, step: number): number {
  return roundRatio(BigInt(value), 1n, step);
}

/**
 * The net and gross of one unit priced `priceMinor` (the ERP's stored sales price, which holds the price-included
 * taxes), with `taxes` in the order the ERP applies them. `roundingMinor` is the currency's rounding in minor units
 * (0.01 → 1, 1.0 → 100, 0.05 → 5).
 */
export function applyTaxes(priceMinor: number, taxes: readonly ErpTaxModel[], roundingMinor = 1): TaxedPrice {
  const step = Math.max(1, roundingMinor);
  let fixedIncluded = 0;
  let percentIncluded = 0;
  let divisionIncluded = 0;
  let vatBasisPoints = 0;
  for (const tax of taxes) {
    if (tax.kind !== 'fixed') vatBasisPoints += tax.amount;
    if (!tax.priceIncluded) continue;
    if (tax.kind === 'fixed') fixedIncluded += tax.amount;
    else if (tax.kind === 'percent') percentIncluded += tax.amount;
    else divisionIncluded += tax.amount;
  }
  // net = (price − fixed) × 10000 / (10000 + percent) × (10000 − division) / 10000
  const netMinor = roundRatio(
    BigInt(priceMinor - fixedIncluded) * 10_000n * BigInt(10_000 - divisionIncluded),
    BigInt(10_000 + percentIncluded) * 10_000n,
    step,
  );
  const hasIncluded = taxes.some((t) => t.priceIncluded);
  let gross = hasIncluded ? priceMinor : netMinor;
  let extraBase = 0;
  for (const tax of taxes) {
    if (tax.priceIncluded) continue;
    const base = BigInt(netMinor + (tax.isBaseAffected ? extraBase : 0));
    let amount: number;
    if (tax.kind === 'fixed') amount = roundToStep(tax.amount, step);
    else if (tax.kind === 'percent') amount = roundRatio(base * BigInt(tax.amount), 10_000n, step);
    // base / (1 − rate) − base = base × rate / (1 − rate)
    else amount = tax.amount >= 10_000 ? 0 : roundRatio(base * BigInt(tax.amount), BigInt(10_000 - tax.amount), step);
    gross += amount;
    if (tax.includeBaseAmount) extraBase += amount;
  }
  return { netMinor, grossMinor: gross, vatBasisPoints };
}

/** The graph's `vatRate` string of a {@link TaxedPrice}. */
export function vatRateOf(price: TaxedPrice): string {
  return formatBasisPointsAsPercent(price.vatBasisPoints);
}
