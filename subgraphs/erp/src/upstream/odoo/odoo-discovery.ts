import { z } from 'zod';
import type { ErpCatalogueEntryModel, ErpCategoryModel, ErpClient } from '../erp-client.ts';
import { OdooDatetime, OdooOptionalMany2one, OdooOptionalString } from './odoo-dtos.ts';
import { mapOdooDatetimeToIso, mapOdooProductVariantName } from './odoo-mappers.ts';
import type { OdooCall } from './odoo-writes.ts';

/**
 * Product discovery over Odoo: the catalogue in compact pages for the subgraph's search index, and the category tree.
 * Odoo's own `ilike` ignores case but not accents unless the server runs with `unaccent` (most do not), so text is
 * never searched in the domain: "zolty" would not find "Żółty". The index folds it instead (ADR 0012).
 */

/** `product.product` row of the index: the fields a search filters and sorts on, nothing else. */
const OdooCatalogueRowDto = z.object({
  id: z.number().int(),
  default_code: OdooOptionalString,
  display_name: z.string(),
  name: z.string(),
  barcode: OdooOptionalString,
  categ_id: OdooOptionalMany2one,
  active: z.boolean(),
  write_date: OdooDatetime,
});
const OdooCatalogueRowListDto = z.array(OdooCatalogueRowDto);
const CATALOGUE_FIELDS = Object.keys(OdooCatalogueRowDto.shape).filter((f) => f !== 'id');

/**
 * `product.category` row (Odoo 17/18/19: `name`, `complete_name` stored and recomputed on renames, `parent_id`;
 * `parent_path` exists too but the tree is built from `parent_id`, which every version has).
 */
const OdooCategoryRowDto = z.object({
  id: z.number().int(),
  name: z.string(),
  complete_name: OdooOptionalString,
  parent_id: OdooOptionalMany2one,
});
const OdooCategoryRowListDto = z.array(OdooCategoryRowDto);

/** ISO 8601 → Odoo's `YYYY-MM-DD HH:MM:SS` (UTC). */
function toOdooDatetime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

export function mapOdooCatalogueRow(row: z.infer<typeof OdooCatalogueRowDto>): ErpCatalogueEntryModel {
  const sku = row.default_code === false || row.default_code.trim() === '' ? null : row.default_code;
  return {
    productId: row.id,
    sku,
    name: mapOdooProductVariantName({ display_name: row.display_name, name: row.name, default_code: sku ?? false }),
    ean: row.barcode === false || row.barcode.trim() === '' ? null : row.barcode.trim(),
    categoryId: row.categ_id === false ? null : row.categ_id[0],
    active: row.active,
    changedAt: mapOdooDatetimeToIso(row.write_date),
  };
}

export function mapOdooCategoryRow(row: z.infer<typeof OdooCategoryRowDto>): ErpCategoryModel {
  const parentId = row.parent_id === false ? null : row.parent_id[0];
  // complete_name is stored since Odoo 12; the parent's display name + own name stands in where a module hides it
  const path =
    row.complete_name !== false && row.complete_name !== ''
      ? row.complete_name
      : row.parent_id === false
        ? row.name
        : `${row.parent_id[1]} / ${row.name}`;
  return { id: row.id, name: row.name, path, parentId };
}

export function createOdooDiscovery(call: OdooCall): Pick<ErpClient, 'listCatalogue' | 'listCategories'> {
  return {
    /**
     * `product.product/search_read` keyset-paged on id. Archived variants are included (`active in [true, false]`) so
     * archiving one reaches the index. A template's rename changes its variants' names without touching their
     * `write_date`, hence the `product_tmpl_id.write_date` branch of the change domain.
     */
    async listCatalogue({ afterProductId, limit, changedSince }) {
      const domain: unknown[] = [
        ['id', '>', afterProductId],
        ['active', 'in', [true, false]],
      ];
      if (changedSince !== undefined) {
        const since = toOdooDatetime(changedSince);
        domain.push('|', ['write_date', '>=', since], ['product_tmpl_id.write_date', '>=', since]);
      }
      const rows = await call(
        'listCatalogue',
        { model: 'product.product', method: 'search_read', body: { domain, fields: CATALOGUE_FIELDS, order: 'id asc', limit } },
        OdooCatalogueRowListDto,
      );
      return rows.map(mapOdooCatalogueRow);
    },

    /** `product.category/search_read`, every category in one call (a catalogue has tens to a few thousand). */
    async listCategories() {
      const rows = await call(
        'listCategories',
        { model: 'product.category', method: 'search_read', body: { domain: [], fields: ['name', 'complete_name', 'parent_id'], order: 'id asc' } },
        OdooCategoryRowListDto,
      );
      return rows.map(mapOdooCategoryRow);
    },
  };
}
