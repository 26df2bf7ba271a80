import { z } from 'zod';
import type { ErpClient } from '../erp-client.ts';
import { OdooFalse } from './odoo-dtos.ts';
import type { OdooCall } from './odoo-writes.ts';

/**
 * The active SKUs in id order, a page at a time: one `product.product/search_read` with `[('active','=',True)]`,
 * `order: 'id'`, `limit` and a keyset cursor on the id (`('id','>',after)`) rather than an `offset`, so a product
 * created or archived between two pages neither repeats nor skips another. Variants without an internal reference
 * (`default_code` is `false` in Odoo) sell in no channel under a SKU and are left out, but still advance the cursor.
 */
const OdooSkuRowDto = z.object({ id: z.number().int(), default_code: z.union([z.string(), OdooFalse]) });
const OdooSkuRowListDto = z.array(OdooSkuRowDto);

export function createOdooCatalogueSkus(call: OdooCall): Pick<ErpClient, 'listActiveSkus'> {
  return {
    async listActiveSkus({ afterId, limit }) {
      const rows = await call(
        'listActiveSkus',
        {
          model: 'product.product',
          method: 'search_read',
          body: {
            domain: [['active', '=', true], ...(afterId === null ? [] : [['id', '>', afterId]])],
            fields: ['default_code'],
            order: 'id',
            limit,
          },
        },
        OdooSkuRowListDto,
      );
      const skus = rows.flatMap((row) => (row.default_code === false || row.default_code === '' ? [] : [row.default_code]));
      // a full page may have a next one; a short page is the last
      const lastId = rows.at(-1)?.id;
      return { skus, nextAfterId: rows.length === limit && lastId !== undefined ? lastId : null };
    },
  };
}
