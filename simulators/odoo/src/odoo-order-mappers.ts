import type { Dataset } from '@omnigraph/simulator-dataset';
import type { OdooRecord } from './odoo-domain.ts';

/**
 * The dataset's ERP sale orders (the channel orders the connectors imported, and ERP-only B2B orders), their outgoing
 * pickings and the carriers, as Odoo 19 `search_read` returns them (sale, sale_stock, stock_delivery installed).
 */
export interface OrderMappingContext {
  partnerName(id: number): string;
  companyPair: readonly [number, string];
  currencyPair: readonly [number, string];
  /** warehouse code → its stock.warehouse id, name and `CODE/Stock` location */
  warehouses: ReadonlyMap<string, { id: number; name: string; stockLocationId: number }>;
  /** `Partners/Customers` */
  customersLocationId: number;
  pricelistOf(partnerId: number): unknown;
}

/** ISO → Odoo's `YYYY-MM-DD HH:MM:SS` (UTC, seconds) */
function odooDatetime(iso: string | null): string | false {
  return iso === null ? false : new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

const money = (grosze: number): number => Math.round(grosze) / 100;

export function mapErpOrders(ds: Dataset, ctx: OrderMappingContext): Record<'sale.order' | 'stock.picking' | 'delivery.carrier', OdooRecord[]> {
  const carriers: OdooRecord[] = ds.erpCarriers.map((c, i) => ({
    id: c.id,
    display_name: c.name,
    name: c.name,
    delivery_type: 'fixed',
    sequence: (i + 1) * 10,
    active: true,
    company_id: false,
    create_date: '2022-01-03 09:00:00',
    write_date: '2022-01-03 09:00:00',
  }));
  const carrierName = new Map(ds.erpCarriers.map((c) => [c.id, c.name]));
  const orderById = new Map(ds.erpSaleOrders.map((o) => [o.id, o]));

  const orders: OdooRecord[] = ds.erpSaleOrders.map((o) => {
    const warehouse = ctx.warehouses.get(o.warehouseCode);
    // No lines are generated: the totals are the channel's (VAT 23 % assumed for the split).
    const untaxed = Math.round(o.amountTotalGross / 1.23);
    const partner = [o.partnerId, ctx.partnerName(o.partnerId)];
    const lastChange = odooDatetime(o.createdAt);
    return {
      id: o.id,
      display_name: o.name,
      name: o.name,
      state: o.state,
      partner_id: partner,
      partner_invoice_id: partner,
      partner_shipping_id: partner,
      date_order: odooDatetime(o.dateOrder),
      client_order_ref: o.clientOrderRef ?? false,
      origin: o.origin ?? false,
      pricelist_id: ctx.pricelistOf(o.partnerId),
      currency_id: [...ctx.currencyPair],
      company_id: [...ctx.companyPair],
      user_id: false,
      warehouse_id: warehouse ? [warehouse.id, warehouse.name] : false,
      amount_untaxed: money(untaxed),
      amount_tax: money(o.amountTotalGross - untaxed),
      amount_total: money(o.amountTotalGross),
      note: false,
      carrier_id: false,
      commitment_date: false,
      create_date: lastChange,
      write_date: lastChange,
    };
  });
  const carrierOfOrder = new Map<number, number>();
  const pickings: OdooRecord[] = ds.erpDeliveries.map((d) => {
    const order = orderById.get(d.saleOrderId);
    const warehouse = ctx.warehouses.get(d.warehouseCode);
    if (d.carrierId !== null) carrierOfOrder.set(d.saleOrderId, d.carrierId);
    return {
      id: d.id,
      display_name: d.name,
      name: d.name,
      origin: order?.name ?? false,
      partner_id: [d.partnerId, ctx.partnerName(d.partnerId)],
      state: d.state,
      priority: '0',
      picking_type_code: 'outgoing',
      location_id: warehouse ? [warehouse.stockLocationId, `${d.warehouseCode}/Stock`] : false,
      location_dest_id: [ctx.customersLocationId, 'Partners/Customers'],
      scheduled_date: odooDatetime(d.scheduledDate),
      date_done: odooDatetime(d.dateDone),
      sale_id: order ? [order.id, order.name] : false,
      carrier_id: d.carrierId === null ? false : [d.carrierId, carrierName.get(d.carrierId) ?? String(d.carrierId)],
      carrier_tracking_ref: d.trackingRef ?? false,
      company_id: [...ctx.companyPair],
      create_date: odooDatetime(d.createdAt),
      write_date: odooDatetime(d.dateDone ?? d.createdAt),
    };
  });
  // The delivery method chosen on the order is the picking's carrier.
  for (const order of orders) {
    const carrierId = carrierOfOrder.get(order['id'] as number);
    if (carrierId !== undefined) order['carrier_id'] = [carrierId, carrierName.get(carrierId) ?? String(carrierId)];
  }
  return { 'sale.order': orders, 'stock.picking': pickings, 'delivery.carrier': carriers };
}
