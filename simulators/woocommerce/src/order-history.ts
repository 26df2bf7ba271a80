/**
 * What a seed order's history left in the shop besides the order itself:
 * - the order notes WooCommerce wrote as the order moved from status to status (`WC_Order::status_transition`:
 *   "Order status changed from %1$s to %2$s.", here in the shop's language, Polish, with the pl_PL status labels),
 *   after the gateway's own sentence where a gateway writes one;
 * - the parcel the warehouse shipped, written back by the ERP connector as the WooCommerce Shipment Tracking order meta
 *   `_wc_shipment_tracking_items` (`tracking_provider` a slug of the plugin's Polish list: `inpost`, `dpd-pl`,
 *   `poczta-polska`; `date_shipped` Unix seconds as a string; `tracking_id` an md5), for every order whose ERP delivery
 *   (`erpDeliveries` → `erpSaleOrders.channelOrderId`) is done with a parcel number.
 * Both are derived from the dataset as it is, drawing no randomness, so no generated value changes.
 */
import { createHash } from 'node:crypto';
import type { Dataset, EshopOrder } from '@omnigraph/simulator-dataset';
import { REST_BASE } from './order-builder.ts';
import type { IdCounter } from './woocommerce-mappers.ts';
import type { WcOrder, WcOrderNote } from './woocommerce-types.ts';
import { pairFromIso } from './wp-dates.ts';
import { SITE_TOKEN } from './wp-json.ts';

/** wc_get_order_statuses() in the pl_PL translation of WooCommerce. */
export const POLISH_STATUS_LABELS: Record<string, string> = {
  pending: 'Oczekujące na płatność',
  processing: 'W trakcie realizacji',
  'on-hold': 'Wstrzymane (oczekujące na płatność)',
  completed: 'Zrealizowane',
  cancelled: 'Anulowane',
  refunded: 'Zwrócone',
  failed: 'Nieudane',
};

/** The status-change note WooCommerce writes in a Polish shop. */
export function statusChangeNote(from: string, to: string): string {
  return `Status zamówienia zmieniony z ${POLISH_STATUS_LABELS[from] ?? from} na ${POLISH_STATUS_LABELS[to] ?? to}.`;
}

/** The ERP carrier codes → the Shipment Tracking plugin's provider slugs (sanitize_title of its list's names). */
const TRACKING_PROVIDERS: Record<string, string> = {
  inpost_locker: 'inpost',
  inpost_courier: 'inpost',
  dpd: 'dpd-pl',
  pocztex: 'poczta-polska',
};

interface Transition {
  at: string;
  note: string;
}

const MINUTE_MS = 60_000;

function after(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE_MS).toISOString();
}

/** The status transitions an order of this status went through, each dated. */
function transitionsOf(o: EshopOrder): Transition[] {
  const paidAt = o.paidAt ?? after(o.createdAt, 1);
  const toProcessing: Transition = { at: paidAt, note: statusChangeNote('pending', 'processing') };
  switch (o.status) {
    case 'processing':
      return [toProcessing];
    case 'completed':
      return [toProcessing, { at: o.completedAt ?? o.updatedAt, note: statusChangeNote('processing', 'completed') }];
    case 'refunded':
      return [toProcessing, { at: o.updatedAt, note: statusChangeNote('processing', 'refunded') }];
    case 'on-hold':
      return [{ at: after(o.createdAt, 1), note: `Oczekiwanie na płatność przelewem ${statusChangeNote('pending', 'on-hold')}` }];
    case 'cancelled':
      return [{ at: o.updatedAt, note: `Anulowane nieopłacone zamówienie - osiągnięto limit czasu. ${statusChangeNote('pending', 'cancelled')}` }];
    case 'failed':
      return [{ at: o.updatedAt, note: statusChangeNote('pending', 'failed') }];
    case 'pending':
      return [];
  }
}

/** Every seed order's notes, newest first as the store keeps them, and the next comment id. */
export function seedOrderNotes(dataset: Dataset): { notes: [number, WcOrderNote[]][]; nextCommentId: number } {
  let id = 1;
  const notes: [number, WcOrderNote[]][] = [];
  for (const o of dataset.eshopOrders) {
    const list = transitionsOf(o).map((t): WcOrderNote => {
      const date = pairFromIso(t.at);
      const noteId = id++;
      return {
        id: noteId,
        author: 'WooCommerce',
        date_created: date.local,
        date_created_gmt: date.gmt,
        note: t.note,
        customer_note: false,
        _links: {
          self: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${o.id}/notes/${noteId}` }],
          collection: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${o.id}/notes` }],
          up: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${o.id}` }],
        },
      };
    });
    if (list.length > 0) notes.push([o.id, list.reverse()]);
  }
  return { notes, nextCommentId: id };
}

/**
 * Adds `_wc_shipment_tracking_items` to the orders whose ERP delivery shipped a parcel. Meta ids are drawn after
 * every other seed meta, so the ids already given do not move.
 */
export function addShipmentTracking(dataset: Dataset, orders: readonly WcOrder[], meta: IdCounter): void {
  const carrierById = new Map(dataset.erpCarriers.map((c) => [c.id, c]));
  const saleOrderById = new Map(dataset.erpSaleOrders.map((s) => [s.id, s]));
  const ordersById = new Map(orders.map((o) => [o.id, o]));
  for (const delivery of dataset.erpDeliveries) {
    if (delivery.state !== 'done' || delivery.trackingRef === null || delivery.dateDone === null || delivery.carrierId === null) continue;
    const sale = saleOrderById.get(delivery.saleOrderId);
    if (sale?.channel !== 'eshop' || sale.channelOrderId === null) continue;
    const order = ordersById.get(Number(sale.channelOrderId));
    const carrier = carrierById.get(delivery.carrierId);
    if (!order || !carrier) continue;
    const provider = TRACKING_PROVIDERS[carrier.code];
    const item = {
      tracking_provider: provider ?? '',
      custom_tracking_provider: provider === undefined ? carrier.name : '',
      custom_tracking_link: '',
      tracking_number: delivery.trackingRef,
      date_shipped: String(Math.floor(Date.parse(delivery.dateDone) / 1000)),
      tracking_id: createHash('md5')
        .update(`${provider ?? carrier.name}-${delivery.trackingRef}`)
        .digest('hex'),
    };
    order.meta_data.push({ id: meta.next(), key: '_wc_shipment_tracking_items', value: [item] });
  }
}

/**
 * A company's orders carry the NIP the buyer typed into the shop's invoice fields (a Flexible Checkout Fields billing
 * field `billing_nip`, stored as `_billing_nip`, typed with dashes) and the "I want a VAT invoice" checkbox
 * (`_billing_faktura` = "1"): for orders with a billing company whose account the ERP knows as a partner with a VAT
 * number (`ref` `WC-<customer id>`). Meta ids are drawn after every other seed meta.
 */
export function addInvoiceFields(dataset: Dataset, orders: readonly WcOrder[], meta: IdCounter): void {
  const vatByRef = new Map(dataset.erpPartners.flatMap((p) => (p.ref !== null && p.vat ? [[p.ref, p.vat] as const] : [])));
  for (const order of orders) {
    if (order.customer_id === 0 || order.billing.company.trim() === '') continue;
    const vat = vatByRef.get(`WC-${order.customer_id}`);
    const digits = vat?.replace(/^PL/i, '').replace(/\D/g, '');
    if (!digits || digits.length !== 10) continue;
    const typed = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
    order.meta_data.push({ id: meta.next(), key: '_billing_nip', value: typed }, { id: meta.next(), key: '_billing_faktura', value: '1' });
  }
}
