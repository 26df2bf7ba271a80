import { z } from 'zod';
import type { ErpClient, ErpPartnerPricingModel, ErpPriceRuleModel } from '../erp-client.ts';
import { OdooDatetime, OdooFalse, OdooMany2one, OdooOptionalMany2one } from './odoo-dtos.ts';
import { mapOdooDatetimeToIso } from './odoo-mappers.ts';
import type { OdooCall } from './odoo-writes.ts';

/**
 * Partner prices: Odoo's price computation (`_get_product_price`, `_compute_price_rule`) is private, not callable over
 * the external API (upstream-apis.md §4.2), so the rules are read and evaluated here the way Odoo 17+ does:
 * `res.partner.property_product_pricelist` → its `product.pricelist.item`s in the model's `_order` (`applied_on,
 * min_quantity desc, categ_id desc, id desc`: variant, template, category, global) → the first that applies.
 */

const OdooPartnerPricelistDto = z.object({ id: z.number().int(), property_product_pricelist: OdooOptionalMany2one });
const OdooPricelistItemDto = z.object({
  id: z.number().int(),
  pricelist_id: OdooMany2one,
  applied_on: z.string(),
  product_id: OdooOptionalMany2one,
  product_tmpl_id: OdooOptionalMany2one,
  categ_id: OdooOptionalMany2one,
  compute_price: z.string(),
  base: z.union([z.string(), OdooFalse]),
  /** the pricelist a `base = 'pricelist'` rule starts from */
  base_pricelist_id: OdooOptionalMany2one.optional(),
  fixed_price: z.number(),
  percent_price: z.number(),
  price_discount: z.number(),
  price_surcharge: z.number(),
  price_round: z.number(),
  price_min_margin: z.number(),
  price_max_margin: z.number(),
  min_quantity: z.number(),
  date_start: z.union([OdooDatetime, OdooFalse]),
  date_end: z.union([OdooDatetime, OdooFalse]),
});
type OdooPricelistItemDto = z.infer<typeof OdooPricelistItemDto>;
const OdooCategoryDto = z.object({ id: z.number().int(), parent_id: OdooOptionalMany2one });

const ITEM_FIELDS = Object.keys(OdooPricelistItemDto.shape).filter((f) => f !== 'id');
/** Pricelists based on pricelists based on…: how many levels are read. */
const MAX_BASE_LEVELS = 5;

/**
 * A pricelist's name from its many2one display name: Odoo 17+ shows `name (currency)` (`Stali klienci (PLN)`,
 * product.pricelist `_compute_display_name`), the graph gives the name.
 */
export function mapOdooPricelistName(displayName: string): string {
  return displayName.replace(/ \([A-Z]{3}\)$/, '');
}

export const ODOO_PRICELIST_ITEM_ORDER = 'applied_on, min_quantity desc, categ_id desc, id desc';

/** One pricelist rule row → the domain rule; null for a rule that names nothing (a variant rule without a variant). */
export function mapOdooPricelistItem(item: OdooPricelistItemDto, descendants: ReadonlyMap<number, number[]>): ErpPriceRuleModel | null {
  let appliesTo: ErpPriceRuleModel['appliesTo'];
  switch (item.applied_on) {
    case '0_product_variant':
      if (item.product_id === false) return null;
      appliesTo = { kind: 'variant', productId: item.product_id[0] };
      break;
    case '1_product':
      if (item.product_tmpl_id === false) return null;
      appliesTo = { kind: 'template', templateId: item.product_tmpl_id[0] };
      break;
    case '2_product_category':
      if (item.categ_id === false) return null;
      appliesTo = { kind: 'category', categoryIds: descendants.get(item.categ_id[0]) ?? [item.categ_id[0]] };
      break;
    default:
      appliesTo = { kind: 'global' };
  }
  // Odoo 17+: `base` is where both a percentage and a formula start (`_compute_base_price`): the sales price, another
  // pricelist's price, or the cost (`standard_price`, not read by the graph → unsupported)
  let basePricelistId: number | null = null;
  let unsupportedBase: string | null = null;
  if (item.compute_price !== 'fixed') {
    if (item.base === 'pricelist') {
      if (item.base_pricelist_id === undefined || item.base_pricelist_id === false) unsupportedBase = 'pricelist';
      else basePricelistId = item.base_pricelist_id[0];
    } else if (item.base !== 'list_price' && item.base !== false) unsupportedBase = item.base;
  }
  let compute: ErpPriceRuleModel['compute'];
  if (item.compute_price === 'fixed') compute = { kind: 'fixed', price: item.fixed_price };
  else if (unsupportedBase !== null) compute = { kind: 'unsupported', base: unsupportedBase };
  else if (item.compute_price === 'percentage') compute = { kind: 'percentage', percent: item.percent_price };
  else {
    compute = {
      kind: 'formula',
      discount: item.price_discount,
      surcharge: item.price_surcharge,
      round: item.price_round,
      minMargin: item.price_min_margin,
      maxMargin: item.price_max_margin,
    };
  }
  return {
    appliesTo,
    minQuantity: item.min_quantity,
    start: item.date_start === false ? null : mapOdooDatetimeToIso(item.date_start),
    end: item.date_end === false ? null : mapOdooDatetimeToIso(item.date_end),
    compute,
    basePricelistId,
  };
}

/** Every category id below each of `roots` (itself included), from the `child_of` answer's parent links. */
function categoryDescendants(roots: readonly number[], rows: readonly z.infer<typeof OdooCategoryDto>[]): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.parent_id === false) continue;
    const list = children.get(row.parent_id[0]) ?? [];
    list.push(row.id);
    children.set(row.parent_id[0], list);
  }
  const out = new Map<number, number[]>();
  for (const root of roots) {
    const seen = new Set([root]);
    const queue = [root];
    while (queue.length > 0) {
      for (const child of children.get(queue.pop()!) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
      }
    }
    out.set(root, [...seen]);
  }
  return out;
}

/** At most three reads for any number of partners: partners, their pricelists' rules, the rule categories' subtrees. */
export function createOdooPricing(call: OdooCall): Pick<ErpClient, 'getPartnerPricing'> {
  return {
    async getPartnerPricing({ partnerIds }) {
      const ids = [...new Set(partnerIds)];
      if (ids.length === 0) return [];
      const partners = await call(
        'getPartnerPricing',
        { model: 'res.partner', method: 'read', body: { ids, fields: ['property_product_pricelist'], context: { active_test: false } } },
        z.array(OdooPartnerPricelistDto),
      );
      const pricelistIds = [...new Set(partners.flatMap((p) => (p.property_product_pricelist === false ? [] : [p.property_product_pricelist[0]])))];
      const readItems = (ids: number[]) =>
        call(
          'getPartnerPricing',
          {
            model: 'product.pricelist.item',
            method: 'search_read',
            body: { domain: [['pricelist_id', 'in', ids]], fields: ITEM_FIELDS, order: ODOO_PRICELIST_ITEM_ORDER },
          },
          z.array(OdooPricelistItemDto),
        );
      const items = pricelistIds.length === 0 ? [] : await readItems(pricelistIds);
      // rules based on other pricelists: their rules too, one more read per level (Odoo forbids cycles)
      const read = new Set(pricelistIds);
      for (let level = 0; level < MAX_BASE_LEVELS; level += 1) {
        const bases = [
          ...new Set(
            items.flatMap((i) => {
              const base = i.base === 'pricelist' ? i.base_pricelist_id : undefined;
              return base !== undefined && base !== false && !read.has(base[0]) ? [base[0]] : [];
            }),
          ),
        ];
        if (bases.length === 0) break;
        bases.forEach((id) => read.add(id));
        items.push(...(await readItems(bases)));
      }
      const roots = [...new Set(items.flatMap((i) => (i.applied_on === '2_product_category' && i.categ_id !== false ? [i.categ_id[0]] : [])))];
      const categories =
        roots.length === 0
          ? []
          : await call(
              'getPartnerPricing',
              { model: 'product.category', method: 'search_read', body: { domain: [['id', 'child_of', roots]], fields: ['parent_id'] } },
              z.array(OdooCategoryDto),
            );
      const descendants = categoryDescendants(roots, categories);
      const rulesOf = new Map<number, ErpPriceRuleModel[]>();
      for (const item of items) {
        const rule = mapOdooPricelistItem(item, descendants);
        if (!rule) continue;
        const list = rulesOf.get(item.pricelist_id[0]) ?? [];
        list.push(rule);
        rulesOf.set(item.pricelist_id[0], list);
      }
      const basePricelists: Record<string, ErpPriceRuleModel[]> = {};
      // every pricelist read, as any of them may be the base of a rule (a pricelist based on a partner's own)
      for (const id of read) basePricelists[String(id)] = rulesOf.get(id) ?? [];
      return partners.map((p): ErpPartnerPricingModel => {
        const pricelistId = p.property_product_pricelist === false ? null : p.property_product_pricelist[0];
        return {
          partnerId: p.id,
          pricelistId,
          pricelistName: p.property_product_pricelist === false ? null : mapOdooPricelistName(p.property_product_pricelist[1]),
          rules: pricelistId === null ? [] : (rulesOf.get(pricelistId) ?? []),
          basePricelists,
        };
      });
    },
  };
}
