import type { ErpPartnerPricingModel, ErpPriceModel, ErpPriceRuleModel, ErpProductModel } from './upstream/erp-client.ts';
import { toMinorUnits } from './money.ts';
import { applyTaxes, vatRateOf } from './taxes.ts';

/** The quantity partner prices are quoted for: one unit (rules with a larger minimum quantity do not apply). */
const QUANTITY = 1;

/** Pricelists based on pricelists based on…: Odoo refuses cycles, this only guards against a broken answer. */
const MAX_BASE_DEPTH = 10;

function applies(rule: ErpPriceRuleModel, product: ErpProductModel, at: string): boolean {
  const ref = product.pricingRef;
  switch (rule.appliesTo.kind) {
    case 'variant':
      if (rule.appliesTo.productId !== ref.productId) return false;
      break;
    case 'template':
      if (rule.appliesTo.templateId !== ref.templateId) return false;
      break;
    case 'category':
      if (ref.categoryId === null || !rule.appliesTo.categoryIds.includes(ref.categoryId)) return false;
      break;
    default:
      break;
  }
  if (rule.minQuantity > QUANTITY) return false;
  if (rule.start !== null && rule.start > at) return false;
  if (rule.end !== null && rule.end < at) return false;
  return true;
}

/** Odoo's formula (`_compute_price` of a `formula` rule) on its base price. */
function formula(compute: Extract<ErpPriceRuleModel['compute'], { kind: 'formula' }>, base: number): number {
  let price = base - base * (compute.discount / 100);
  if (compute.round) price = Math.round(price / compute.round) * compute.round;
  price += compute.surcharge;
  if (compute.minMargin) price = Math.max(price, base + compute.minMargin);
  if (compute.maxMargin) price = Math.min(price, base + compute.maxMargin);
  return price;
}

export type PartnerPriceOutcome = { price: ErpPriceModel; ruleApplied: boolean } | { unsupported: string };

type Evaluated = { price: number; ruleApplied: boolean } | { unsupported: string };

/**
 * The price (as the ERP stores prices: with its price-included taxes, if any) of one unit under `rules`: the first
 * rule that applies, computed from its base (the sales price, or the product's price under another pricelist),
 * else the sales price.
 */
function evaluate(
  product: ErpProductModel,
  pricing: ErpPartnerPricingModel,
  rules: readonly ErpPriceRuleModel[],
  at: string,
  depth: number,
): Evaluated {
  const salesPrice = product.pricingRef.salesPriceMinor / 100;
  const rule = rules.find((r) => applies(r, product, at));
  if (!rule) return { price: salesPrice, ruleApplied: false };
  if (rule.compute.kind === 'fixed') return { price: rule.compute.price, ruleApplied: true };
  if (rule.compute.kind === 'unsupported') return { unsupported: rule.compute.base };
  let base = salesPrice;
  if (rule.basePricelistId !== undefined && rule.basePricelistId !== null) {
    const baseRules = pricing.basePricelists?.[String(rule.basePricelistId)];
    if (baseRules === undefined || depth >= MAX_BASE_DEPTH) return { unsupported: `pricelist ${rule.basePricelistId}` };
    const inner = evaluate(product, pricing, baseRules, at, depth + 1);
    if ('unsupported' in inner) return inner;
    base = inner.price;
  }
  const price = rule.compute.kind === 'percentage' ? base - base * (rule.compute.percent / 100) : formula(rule.compute, base);
  return { price, ruleApplied: true };
}

/** One unit's price (as the ERP stores it, in minor units) with the product's taxes applied, as `listPrice` is. */
export function taxedPrice(product: ErpProductModel, priceMinor: number): ErpPriceModel {
  const taxed = applyTaxes(priceMinor, product.pricingRef.taxes, product.pricingRef.roundingMinor);
  return { currency: product.listPrice.currency, netMinor: taxed.netMinor, grossMinor: taxed.grossMinor, vatRate: vatRateOf(taxed) };
}

/**
 * What the partner pays for one unit of `product` at `at` (ISO UTC): the first of the pricelist's rules (already in the
 * ERP's order: variant, template, category, global) that applies — fixed price, a percentage off its base, or the
 * formula on it; the base is the sales price or, for a rule based on another pricelist, the product's price there —
 * else the list price. The pricelist price is what Odoo puts on an order line's `price_unit`, so it holds the product's
 * price-included taxes exactly as the sales price does; net, gross and VAT then come out as for `listPrice`.
 */
export function partnerPriceOf(product: ErpProductModel, pricing: ErpPartnerPricingModel, at: string): PartnerPriceOutcome {
  const outcome = evaluate(product, pricing, pricing.rules, at, 0);
  if ('unsupported' in outcome) return outcome;
  if (!outcome.ruleApplied) return { price: product.listPrice, ruleApplied: false };
  return { price: taxedPrice(product, toMinorUnits(outcome.price)), ruleApplied: true };
}
