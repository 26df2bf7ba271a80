import { z } from 'zod';
import { UpstreamError } from '@omnigraph/shared/errors';
import type { ErpClient, ErpDocumentModel, ErpWriteLineModel, ErpWriteRefusal } from '../erp-client.ts';
import { OdooMany2one, OdooOptionalMany2one, OdooOptionalString } from './odoo-dtos.ts';
import { applyTaxes } from '../../taxes.ts';
import { mapOdooTaxes, type OdooTaxDto } from './odoo-taxes.ts';

/**
 * The write steps' Odoo calls (ADR 0011), over JSON-2: a store pickup is a `sale.order` for the store's warehouse,
 * confirmed with `action_confirm` (Odoo's procurement makes the delivery and reserves the goods at that warehouse); a
 * return booked into a store is an incoming `stock.picking` of the warehouse's receipt type, from Partners/Customers
 * into its stock location, validated with `button_validate`. Both are tagged in `origin` (a searchable char field
 * both models have) so a step whose answer was lost finds its document instead of writing it again.
 * Models and methods: https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html,
 * stock.picking / stock.move fields as Odoo 17+ has them (`move_ids`, `quantity`, `picked`).
 */

export type OdooCall = <S extends z.ZodType>(
  operation: string,
  request: { model: string; method: string; body: object },
  schema: S,
  options?: { idempotent?: boolean },
) => Promise<z.infer<S>>;

const OdooIdDto = z.number().int();
const OdooIdListDto = z.array(OdooIdDto);
/** `button_validate`: true, or a wizard's window action (backorder, immediate transfer…) when it needs a person */
const OdooActionResultDto = z.union([z.boolean(), z.record(z.string(), z.unknown())]);

const OdooSaleOrderStateDto = z.object({ id: z.number().int(), name: z.string(), state: z.string() });
const OdooPickingStateDto = z.object({ id: z.number().int(), name: z.string(), state: z.string() });
const OdooWarehouseRefDto = z.object({ id: z.number().int(), lot_stock_id: OdooOptionalMany2one });
const OdooPickingTypeDto = z.object({
  id: z.number().int(),
  default_location_dest_id: OdooOptionalMany2one,
  warehouse_id: OdooOptionalMany2one,
});
const OdooLocationRefDto = z.object({ id: z.number().int() });
const OdooProductRefDto = z.object({ id: z.number().int(), default_code: OdooOptionalString, taxes_id: z.array(z.number().int()) });
const OdooProductUomDto = z.object({ id: z.number().int(), uom_id: OdooMany2one });

/** sale.order states after `action_confirm`: `sale` (17+), `done` (≤ 16 locked orders) */
const CONFIRMED_ORDER_STATES = new Set(['sale', 'done']);

export interface OdooWriteDeps {
  call: OdooCall;
  /** VAT of the products, cached (the same read the catalogue uses) */
  getTaxes(ids: readonly number[]): Promise<Map<number, OdooTaxDto>>;
  /** the company whose taxes count for these taxes (the catalogue's rule); null: every company's */
  companyFor?(taxIds: readonly number[], taxes: ReadonlyMap<number, OdooTaxDto>): Promise<number | null>;
}

function toOrderDocument(row: z.infer<typeof OdooSaleOrderStateDto>): ErpDocumentModel {
  return { id: row.id, name: row.name, state: row.state, final: CONFIRMED_ORDER_STATES.has(row.state) };
}

function toPickingDocument(row: z.infer<typeof OdooPickingStateDto>): ErpDocumentModel {
  return { id: row.id, name: row.name, state: row.state, final: row.state === 'done' };
}

/**
 * The unit price to send for a gross price: the `price_unit` whose taxes, applied the way Odoo applies them
 * (`src/taxes.ts`: price-included, excluded, fixed, division, groups; only `companyId`'s taxes), give `unitGross`
 * to the grosz — the gross itself when every tax is price-included, gross / (1 + VAT) for a percent tax on top. Found
 * by bisection over whole grosze, as the gross only grows with the price; when no price gives the gross exactly
 * (a rounding step), the highest price whose gross does not exceed it.
 */
export function odooPriceUnitFromGross(
  unitGross: string,
  taxIds: readonly number[],
  taxes: ReadonlyMap<number, OdooTaxDto>,
  companyId: number | null = null,
): number {
  const grossMinor = Math.round(Number(unitGross) * 100);
  const productTaxes = mapOdooTaxes(taxIds, taxes, companyId);
  let low = 0;
  let high = Math.max(grossMinor, 0);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (applyTaxes(mid, productTaxes).grossMinor <= grossMinor) low = mid;
    else high = mid - 1;
  }
  return low / 100;
}

export function createOdooWrites(
  deps: OdooWriteDeps,
): Pick<
  ErpClient,
  'findReservations' | 'createReservation' | 'confirmReservation' | 'findReturnReceipts' | 'createReturnReceipt' | 'validateReturnReceipt'
> {
  const { call } = deps;
  const write = { idempotent: false } as const;

  async function productsBySku(operation: string, lines: readonly ErpWriteLineModel[]) {
    const skus = [...new Set(lines.map((l) => l.sku))];
    const rows = await call(
      operation,
      { model: 'product.product', method: 'search_read', body: { domain: [['default_code', 'in', skus]], fields: ['default_code', 'taxes_id'] } },
      z.array(OdooProductRefDto),
    );
    const bySku = new Map(rows.flatMap((r) => (r.default_code === false ? [] : [[r.default_code, r] as const])));
    return { bySku, unknown: skus.filter((sku) => !bySku.has(sku)) };
  }

  async function warehouseByCode(operation: string, code: string) {
    const [warehouse] = await call(
      operation,
      { model: 'stock.warehouse', method: 'search_read', body: { domain: [['code', '=', code]], fields: ['lot_stock_id'], limit: 1 } },
      z.array(OdooWarehouseRefDto),
    );
    return warehouse;
  }

  return {
    async findReservations({ tag }) {
      const rows = await call(
        'findReservations',
        {
          model: 'sale.order',
          method: 'search_read',
          body: { domain: [['origin', '=', tag]], fields: ['name', 'state'], order: 'id asc', context: { active_test: false } },
        },
        z.array(OdooSaleOrderStateDto),
      );
      return rows.map(toOrderDocument);
    },

    async createReservation({ tag, storeCode, partnerId, channelOrderRef, lines }): Promise<{ id: number } | ErpWriteRefusal> {
      const [warehouse, products] = await Promise.all([warehouseByCode('createReservation', storeCode), productsBySku('createReservation', lines)]);
      if (!warehouse) return { refused: 'UNKNOWN_STORE', storeCode };
      if (products.unknown.length > 0) return { refused: 'UNKNOWN_PRODUCT', skus: products.unknown };
      const taxIds = [...products.bySku.values()].flatMap((p) => p.taxes_id);
      const taxes = await deps.getTaxes(taxIds);
      const companyId = deps.companyFor ? await deps.companyFor(taxIds, taxes) : null;
      const orderLines = lines.map((line) => {
        const product = products.bySku.get(line.sku)!;
        const vals: Record<string, unknown> = { product_id: product.id, product_uom_qty: line.quantity };
        if (line.unitGross !== null) vals['price_unit'] = odooPriceUnitFromGross(line.unitGross, product.taxes_id, taxes, companyId);
        return [0, 0, vals];
      });
      const ids = await call(
        'createReservation',
        {
          model: 'sale.order',
          method: 'create',
          body: {
            vals_list: [
              { partner_id: partnerId, warehouse_id: warehouse.id, origin: tag, client_order_ref: channelOrderRef, order_line: orderLines },
            ],
          },
        },
        OdooIdListDto,
        write,
      );
      return { id: ids[0]! };
    },

    async confirmReservation({ id }) {
      await call('confirmReservation', { model: 'sale.order', method: 'action_confirm', body: { ids: [id] } }, OdooActionResultDto, write);
    },

    async findReturnReceipts({ tag }) {
      const rows = await call(
        'findReturnReceipts',
        {
          model: 'stock.picking',
          method: 'search_read',
          body: {
            domain: [
              ['origin', '=', tag],
              ['picking_type_code', '=', 'incoming'],
            ],
            fields: ['name', 'state'],
            order: 'id asc',
          },
        },
        z.array(OdooPickingStateDto),
      );
      return rows.map(toPickingDocument);
    },

    async createReturnReceipt({ tag, storeCode, orderRef, lines }): Promise<{ id: number } | ErpWriteRefusal> {
      const [types, customers, products] = await Promise.all([
        call(
          'createReturnReceipt',
          {
            model: 'stock.picking.type',
            method: 'search_read',
            body: {
              domain: [
                ['code', '=', 'incoming'],
                ['warehouse_id.code', '=', storeCode],
              ],
              fields: ['default_location_dest_id', 'warehouse_id'],
              limit: 1,
            },
          },
          z.array(OdooPickingTypeDto),
        ),
        // Partners/Customers (stock.stock_location_customers): where delivered goods are, so where returns come from
        call(
          'createReturnReceipt',
          {
            model: 'stock.location',
            method: 'search_read',
            body: { domain: [['usage', '=', 'customer']], fields: ['id'], order: 'id asc', limit: 1 },
          },
          z.array(OdooLocationRefDto),
        ),
        productsBySku('createReturnReceipt', lines),
      ]);
      const type = types[0];
      if (!type) return { refused: 'UNKNOWN_STORE', storeCode };
      if (products.unknown.length > 0) return { refused: 'UNKNOWN_PRODUCT', skus: products.unknown };
      let dest = type.default_location_dest_id === false ? undefined : type.default_location_dest_id[0];
      if (dest === undefined) {
        const warehouse = await warehouseByCode('createReturnReceipt', storeCode);
        dest = warehouse && warehouse.lot_stock_id !== false ? warehouse.lot_stock_id[0] : undefined;
      }
      const source = customers[0]?.id;
      if (dest === undefined || source === undefined) return { refused: 'UNKNOWN_STORE', storeCode };
      const uoms = await call(
        'createReturnReceipt',
        { model: 'product.product', method: 'read', body: { ids: [...products.bySku.values()].map((p) => p.id), fields: ['uom_id'] } },
        z.array(OdooProductUomDto),
      );
      const uomOf = new Map(uoms.map((u) => [u.id, u.uom_id[0]]));
      const moves = lines.map((line) => {
        const product = products.bySku.get(line.sku)!;
        return [
          0,
          0,
          {
            name: `${line.sku}: ${orderRef}`,
            product_id: product.id,
            product_uom: uomOf.get(product.id),
            product_uom_qty: line.quantity,
            quantity: line.quantity,
            location_id: source,
            location_dest_id: dest,
          },
        ];
      });
      const ids = await call(
        'createReturnReceipt',
        {
          model: 'stock.picking',
          method: 'create',
          body: {
            vals_list: [
              {
                picking_type_id: type.id,
                location_id: source,
                location_dest_id: dest,
                origin: tag,
                // the returned order's reference, for the people working the store's receipts
                note: `<p>${escapeHtml(`Return of ${orderRef}`)}</p>`,
                move_ids: moves,
              },
            ],
          },
        },
        OdooIdListDto,
        write,
      );
      return { id: ids[0]! };
    },

    async validateReturnReceipt({ id }) {
      const answer = await call(
        'validateReturnReceipt',
        { model: 'stock.picking', method: 'button_validate', body: { ids: [id] } },
        OdooActionResultDto,
        write,
      );
      // A wizard (backorder, missing quantities) would need a person; the quantities sent are the demand, so it
      // means the receipt was changed in the ERP meanwhile.
      if (answer !== true) {
        const wizard = typeof answer === 'object' ? String(answer['res_model'] ?? 'a wizard') : 'false';
        throw new UpstreamError({
          code: 'UPSTREAM_REJECTED',
          serviceName: 'erp',
          operation: 'validateReturnReceipt',
          cause: new Error(`button_validate on stock.picking ${id} answered ${wizard} instead of validating`),
        });
      }
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
