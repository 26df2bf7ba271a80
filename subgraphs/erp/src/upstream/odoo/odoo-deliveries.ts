import { z } from 'zod';
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import type { ErpClient, ErpDeliveryRowModel } from '../erp-client.ts';
import { OdooDatetime, OdooFalse, OdooOptionalMany2one, OdooOptionalString } from './odoo-dtos.ts';
import { OdooSaleOrderRefListDto, toSaleOrder } from './odoo-lookup.ts';
import { mapOdooDatetimeToIso } from './odoo-mappers.ts';
import type { OdooCall } from './odoo-writes.ts';

/**
 * The ERP's deliveries of channel orders over JSON-2: the sale orders the connector created (`sale.order search_read`
 * by the convention's field values), then their outgoing transfers (`stock.picking search_read [sale_id in …,
 * picking_type_code = outgoing]`, sale_stock's `sale_id`, stock_delivery's `carrier_id` / `carrier_tracking_ref`).
 * Two calls for any number of orders; the warehouses of the delivery types (`stock.picking.type` `warehouse_id`) are
 * read once and kept in process, as operation types do not move between warehouses.
 * Fields: https://github.com/odoo/odoo/blob/17.0/addons/stock/models/stock_picking.py (state selection, scheduled_date,
 * date_done), addons/stock_delivery (carrier_id, carrier_tracking_ref; `delivery` before 17.0).
 */

/** `stock.picking` `state` (Odoo 17–19). */
export const ODOO_PICKING_STATES = ['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'] as const;

export const OdooPickingDeliveryDto = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  carrier_id: OdooOptionalMany2one,
  carrier_tracking_ref: OdooOptionalString,
  create_date: OdooDatetime,
  scheduled_date: z.union([OdooDatetime, OdooFalse]),
  date_done: z.union([OdooDatetime, OdooFalse]),
  picking_type_id: OdooOptionalMany2one,
  sale_id: OdooOptionalMany2one,
});
export type OdooPickingDeliveryDto = z.infer<typeof OdooPickingDeliveryDto>;
const PICKING_FIELDS = Object.keys(OdooPickingDeliveryDto.shape).filter((f) => f !== 'id');

const OdooPickingTypeWarehouseDto = z.object({ id: z.number().int(), warehouse_id: OdooOptionalMany2one });

const logUnknownState = oncePerKey((state) =>
  createLogger({ name: 'erp' }).warn({ state }, 'stock.picking state not one of Odoo 17–19; passed on as it is'),
);

const text = (value: string | false): string | null => (value === false || value.trim() === '' ? null : value.trim());

/**
 * A picking → delivery row. The state is passed on as Odoo names it (the graph documents Odoo's values); a value
 * Odoo 17–19 does not have (a custom module's) is passed on too, and logged once.
 */
export function mapOdooPickingToDelivery(dto: OdooPickingDeliveryDto, warehouseOfType: ReadonlyMap<number, number>): ErpDeliveryRowModel | null {
  if (dto.sale_id === false) return null;
  if (!(ODOO_PICKING_STATES as readonly string[]).includes(dto.state)) logUnknownState(dto.state);
  const warehouseId = dto.picking_type_id === false ? undefined : warehouseOfType.get(dto.picking_type_id[0]);
  return {
    saleOrderId: dto.sale_id[0],
    name: dto.name,
    state: dto.state,
    carrierName: dto.carrier_id === false ? null : dto.carrier_id[1],
    trackingNumber: text(dto.carrier_tracking_ref),
    createdAt: mapOdooDatetimeToIso(dto.create_date),
    scheduledAt: dto.scheduled_date === false ? null : mapOdooDatetimeToIso(dto.scheduled_date),
    doneAt: dto.date_done === false ? null : mapOdooDatetimeToIso(dto.date_done),
    warehouseRef: warehouseId === undefined ? null : `odoo:warehouse:${warehouseId}`,
  };
}

type Domain = unknown[];
function anyOf(parts: readonly Domain[]): Domain {
  if (parts.length === 0) return [];
  return [...Array.from({ length: parts.length - 1 }, () => '|'), ...parts.flat()];
}

export interface OdooDeliveriesDeps {
  call: OdooCall;
  now: () => number;
  /** how long a picking type's warehouse is kept in process */
  cacheTtlMs: number;
}

export function createOdooDeliveries(deps: OdooDeliveriesDeps): Pick<ErpClient, 'findSaleOrderDeliveries'> {
  const { call } = deps;
  const warehouseOfType = new Map<number, { warehouseId: number | null; expiresAtMs: number }>();

  /**
   * Picking type → warehouse. Every delivery type is read at once (a handful per warehouse, archived ones too) the
   * first time one is needed and again only when a type appears that the map does not know, or after the TTL.
   */
  async function warehousesOfTypes(typeIds: readonly number[]): Promise<Map<number, number>> {
    const at = deps.now();
    if (typeIds.some((id) => (warehouseOfType.get(id)?.expiresAtMs ?? 0) <= at)) {
      const rows = await call(
        'findSaleOrderDeliveries',
        {
          model: 'stock.picking.type',
          method: 'search_read',
          body: { domain: [['code', '=', 'outgoing']], fields: ['warehouse_id'], context: { active_test: false } },
        },
        z.array(OdooPickingTypeWarehouseDto),
      );
      for (const row of rows) {
        warehouseOfType.set(row.id, { warehouseId: row.warehouse_id === false ? null : row.warehouse_id[0], expiresAtMs: at + deps.cacheTtlMs });
      }
      // a type that is not a delivery type (a picking moved by hand): known to have no warehouse here, until the TTL
      for (const id of typeIds) if (!warehouseOfType.has(id)) warehouseOfType.set(id, { warehouseId: null, expiresAtMs: at + deps.cacheTtlMs });
    }
    const out = new Map<number, number>();
    for (const id of typeIds) {
      const known = warehouseOfType.get(id);
      if (known && known.warehouseId !== null) out.set(id, known.warehouseId);
    }
    return out;
  }

  return {
    async findSaleOrderDeliveries({ query }) {
      const parts: Domain[] = [];
      for (const { field, values } of query.exact) if (values.length > 0) parts.push([[field, 'in', [...new Set(values)]]]);
      for (const { field, value } of query.contains) parts.push([[field, 'ilike', value]]);
      if (parts.length === 0) return { orders: [], deliveries: [] };
      const orders = (
        await call(
          'findSaleOrderDeliveries',
          {
            model: 'sale.order',
            method: 'search_read',
            body: { domain: anyOf(parts), fields: ['name', 'client_order_ref', 'origin', 'date_order'] },
          },
          OdooSaleOrderRefListDto,
        )
      ).map(toSaleOrder);
      if (orders.length === 0) return { orders, deliveries: [] };
      const pickings = await call(
        'findSaleOrderDeliveries',
        {
          model: 'stock.picking',
          method: 'search_read',
          body: {
            domain: [
              ['sale_id', 'in', orders.map((o) => o.id)],
              ['picking_type_code', '=', 'outgoing'],
            ],
            fields: PICKING_FIELDS,
            order: 'create_date asc, id asc',
          },
        },
        z.array(OdooPickingDeliveryDto),
      );
      const types = await warehousesOfTypes(pickings.flatMap((p) => (p.picking_type_id === false ? [] : [p.picking_type_id[0]])));
      const deliveries = pickings.flatMap((p) => mapOdooPickingToDelivery(p, types) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { orders, deliveries };
    },
  };
}
