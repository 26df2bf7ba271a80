import { z } from 'zod';
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import type { ErpTaxModel } from '../../taxes.ts';
import { OdooFalse, OdooOptionalMany2one } from './odoo-dtos.ts';

/**
 * `account.tax` as Odoo 17, 18 and 19 send it, and which of a product's taxes apply (odoo/addons/account/models/
 * account_tax.py):
 * - `amount_type`: `percent`, `fixed`, `division` ("Percentage Tax Included"), `group` (its `children_tax_ids` apply
 *   in its place); `code` (account_tax_python) and anything else cannot be evaluated here: left out, logged once.
 * - price inclusion: Odoo ≤ 17 stores `price_include`; 18+ stores `price_include_override` (`tax_included` /
 *   `tax_excluded` / false) and computes `price_include` from it, falling back to the company's
 *   `account_price_include` — so the override wins when set, else the `price_include` Odoo computed.
 * - several companies: a product's `taxes_id` holds the taxes of every company; only the configured company's count
 *   (Odoo's `_filter_taxes_by_company`), a tax without a company counts for all.
 */
export const OdooTaxDto = z.object({
  id: z.number().int(),
  amount: z.number(),
  /** `percent` | `fixed` | `division` | `group` | `code` */
  amount_type: z.string(),
  /** stored ≤ 17, computed 18+ */
  price_include: z.boolean().optional(),
  /** 18+: `tax_included` | `tax_excluded` | false */
  price_include_override: z.union([z.string(), OdooFalse]).optional(),
  children_tax_ids: z.array(z.number().int()).optional(),
  company_id: OdooOptionalMany2one.optional(),
  sequence: z.number().int().optional(),
  include_base_amount: z.boolean().optional(),
  is_base_affected: z.boolean().optional(),
});
export type OdooTaxDto = z.infer<typeof OdooTaxDto>;
export const OdooTaxListDto = z.array(OdooTaxDto);

/** The fields read (JSON-2 is Odoo 19+, where every one of them exists). */
export const ODOO_TAX_FIELDS = [
  'amount',
  'amount_type',
  'price_include',
  'price_include_override',
  'children_tax_ids',
  'company_id',
  'sequence',
  'include_base_amount',
  'is_base_affected',
];

const logUnknownTaxType = oncePerKey((type) =>
  createLogger({ name: 'erp' }).warn({ amountType: type }, 'account.tax amount_type not understood; the tax is left out of prices'),
);
const logUnknownOverride = oncePerKey((value) =>
  createLogger({ name: 'erp' }).warn({ priceIncludeOverride: value }, 'account.tax price_include_override not understood; price_include is used'),
);

/** Whether the tax is included in the price (see the module doc). */
export function odooTaxPriceIncluded(tax: OdooTaxDto): boolean {
  const override = tax.price_include_override;
  if (override === 'tax_included') return true;
  if (override === 'tax_excluded') return false;
  if (override !== undefined && override !== false) logUnknownOverride(override);
  return tax.price_include ?? false;
}

function bySequence(a: OdooTaxDto, b: OdooTaxDto): number {
  return (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id;
}

/** Children of the groups among `ids` that `taxes` does not hold yet (they are read in a second round). */
export function missingOdooGroupChildren(ids: readonly number[], taxes: ReadonlyMap<number, OdooTaxDto>): number[] {
  const missing = new Set<number>();
  const seen = new Set<number>();
  const visit = (id: number): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const tax = taxes.get(id);
    if (!tax) return;
    if (tax.amount_type !== 'group') return;
    for (const child of tax.children_tax_ids ?? []) {
      if (taxes.has(child)) visit(child);
      else missing.add(child);
    }
  };
  ids.forEach(visit);
  return [...missing];
}

/**
 * A product's `taxes_id` → the taxes that apply, in Odoo's order: the company's taxes sorted by `sequence, id`, each
 * group replaced by its children (sorted the same way). `companyId` null: every company's (single-company databases).
 */
export function mapOdooTaxes(taxIds: readonly number[], taxes: ReadonlyMap<number, OdooTaxDto>, companyId: number | null): ErpTaxModel[] {
  const own = taxIds
    .map((id) => taxes.get(id))
    .filter((t): t is OdooTaxDto => t !== undefined)
    .filter((t) => companyId === null || t.company_id === undefined || t.company_id === false || t.company_id[0] === companyId);
  const out: ErpTaxModel[] = [];
  const flatten = (list: readonly OdooTaxDto[], depth: number): void => {
    for (const tax of [...list].sort(bySequence)) {
      if (tax.amount_type === 'group') {
        if (depth < 5)
          flatten(
            (tax.children_tax_ids ?? []).flatMap((id) => taxes.get(id) ?? []),
            depth + 1,
          );
        continue;
      }
      const kind = tax.amount_type === 'percent' || tax.amount_type === 'division' || tax.amount_type === 'fixed' ? tax.amount_type : null;
      if (kind === null) {
        logUnknownTaxType(tax.amount_type);
        continue;
      }
      out.push({
        kind,
        amount: Math.round(tax.amount * 100),
        priceIncluded: odooTaxPriceIncluded(tax),
        includeBaseAmount: tax.include_base_amount ?? false,
        isBaseAffected: tax.is_base_affected ?? true,
      });
    }
  };
  flatten(own, 0);
  return out;
}
