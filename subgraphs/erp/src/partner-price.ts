import type { ErpPartnerPricingModel, ErpPriceModel, ErpPriceRuleModel, ErpProductModel } from './upstream/erp-client.ts';
import { grossFromNet, parsePercentToBasisPoints, toMinorUnits } from './money.ts';

/** The quantity partner prices are quoted for: one unit (rules with a larger minimum quantity do not apply). */
const QUANTITY = 1;

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

/** Odoo's formula on the sales price (`_compute_price` of a `formula` rule based on `list_price`). */
function formula(compute: Extract<ErpPriceRuleModel['compute'], { kind: 'formula' }>, base: number): number {
  let price = base - base * (compute.discount / 100);
  if (compute.round) price = Math.round(price / compute.round) * compute.round;
  price += compute.surcharge;
  if (compute.minMargin) price = Math.max(price, base + compute.minMargin);
  if (compute.maxMargin) price = Math.min(price, base + compute.maxMargin);
  return price;
}

export type PartnerPriceOutcome = { price: ErpPriceModel } | { unsupported: string };

/**
 * What the partner pays for one unit of `product` at `at` (ISO UTC): the first of the pricelist's rules (already in the
 * ERP's order: variant, template, category, global) that applies — fixed price, a percentage off the list price, or
 * the formula on it — else the list price. Net like the list price (the taxes are not price-included), gross with the
 * product's VAT, rounded to the grosz as `listPrice` is.
 */
export function partnerPriceOf(product: ErpProductModel, pricing: ErpPartnerPricingModel, at: string): PartnerPriceOutcome {
  const list = product.listPrice;
  const rule = pricing.rules.find((r) => applies(r, product, at));
  if (!rule) return { price: list };
  const base = list.netMinor / 100;
  let net: number;
  switch (rule.compute.kind) {
    case 'fixed':
      net = rule.compute.price;
      break;
    case 'percentage':
      net = base - base * (rule.compute.percent / 100);
      break;
    case 'formula':
      net = formula(rule.compute, base);
      break;
    default:
      return { unsupported: rule.compute.base };
  }
  const netMinor = toMinorUnits(net);
  return {
    price: { currency: list.currency, netMinor, grossMinor: grossFromNet(netMinor, parsePercentToBasisPoints(list.vatRate)), vatRate: list.vatRate },
  };
}
