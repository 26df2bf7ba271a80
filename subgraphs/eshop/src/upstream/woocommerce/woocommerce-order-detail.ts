/**
 * An order's detail as WooCommerce and its common plugins record it: parcels (core order fulfillments, the
 * WooCommerce Shipment Tracking / Advanced Shipment Tracking meta), order notes (status changes in English and
 * Polish), the buyer's invoice data (Polish invoice plugins' meta). Pure mapping, no I/O.
 *
 * Sources (shared/upstream-apis.md §2; checked against the code):
 * - Fulfillments (WooCommerce ≥ 10.1, feature `woocommerce_feature_fulfillments_enabled`): `GET
 *   /orders/{id}/fulfillments` → `[{id, entity_type, entity_id, status, is_fulfilled, date_updated, date_deleted,
 *   meta_data}]`; tracking in meta `_tracking_number`, `_shipping_provider` (10.7+; `_shipment_provider` before),
 *   `_tracking_url`, `_date_fulfilled`, items in `_items` `[{item_id, qty}]`. The order carries meta
 *   `_fulfillment_status` (fulfilled, partially_fulfilled, unfulfilled) while it has any (FulfillmentsManager).
 * - WooCommerce Shipment Tracking and zorem's Advanced Shipment Tracking: order meta `_wc_shipment_tracking_items`
 *   `[{tracking_provider (a slug of its list: inpost, dpd-pl, poczta-polska…), custom_tracking_provider,
 *   custom_tracking_link, tracking_number, date_shipped (Unix seconds), tracking_id}]`; AST adds `products_list`
 *   `[{product, item_id, qty}]`. Shipment Tracking before 1.4 kept one parcel in `_tracking_provider`,
 *   `_custom_tracking_provider`, `_tracking_number`, `_custom_tracking_link`, `_date_shipped`.
 * - Order notes (WC_REST_Order_Notes_Controller): `{id, author, date_created_gmt, note, customer_note,
 *   added_by_user}`. WooCommerce writes "Order status changed from Pending payment to Processing." in the site
 *   language; Polish: "Status zamówienia zmieniony z Oczekujące na płatność na W trakcie realizacji.", often after a
 *   gateway's own sentence in the same note.
 */
import type { ChannelParcel } from '@omnigraph/shared/models';
import type { OrderEventModel, OrderInvoiceModel, OrderStatusModel } from '@omnigraph/shared/models';
import { normaliseNip } from '@omnigraph/shared/lookup';
import type { WcAddressDto } from './woocommerce-dtos.ts';
import { mapWcAddress } from './woocommerce-mappers.ts';

interface Meta {
  key: string;
  value: unknown;
}

/** Which parcel data a shop keeps (ESHOP_SHIPMENT_TRACKING). */
export type ShipmentTrackingMode = 'auto' | 'fulfillments' | 'meta';

function metaValue(meta: readonly Meta[], key: string): unknown {
  return meta.find((m) => m.key === key)?.value;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** `2026-05-12 09:30:00`, `2026-05-12T09:30:00`(GMT) or with a zone, or Unix seconds → ISO 8601 UTC; null otherwise. */
export function wcDateToIso(value: unknown): string | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,11}$/.test(value.trim()))) {
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : null;
  }
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : null;
  const ms = Date.parse(`${match[1]}T${match[2]}${match[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function lineIdsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const id = scalarText((item as Record<string, unknown>)['item_id']);
    return id === null || id === '0' ? [] : [id];
  });
  return [...new Set(ids)];
}

/** The shop has core fulfillments for this order (FulfillmentsManager keeps `_fulfillment_status` while it has any). */
export function hasWcFulfillments(meta: readonly Meta[]): boolean {
  const status = scalarText(metaValue(meta, '_fulfillment_status'));
  return status !== null && status !== 'no_fulfillments';
}

/**
 * Parcels from the shipment-tracking extensions' order meta. Unreadable entries (no number, not an object) are
 * skipped, never an error: a shop's meta is whatever its plugins wrote.
 */
export function mapWcTrackingMeta(meta: readonly Meta[]): ChannelParcel[] {
  const items = metaValue(meta, '_wc_shipment_tracking_items');
  const parcels: ChannelParcel[] = [];
  if (Array.isArray(items)) {
    items.forEach((raw: unknown, index) => {
      if (typeof raw !== 'object' || raw === null) return;
      const item = raw as Record<string, unknown>;
      const number = scalarText(item['tracking_number']);
      if (number === null) return;
      const custom = scalarText(item['custom_tracking_provider']);
      const slug = scalarText(item['tracking_provider']);
      // AST also stores the provider's display name
      const formatted = scalarText(item['formatted_tracking_provider']);
      parcels.push({
        id: scalarText(item['tracking_id']) ?? `tracking-${index + 1}`,
        carrierName: custom ?? formatted ?? slug ?? '',
        carrierId: custom ?? slug ?? formatted,
        trackingNumber: number,
        trackingLink: custom !== null ? scalarText(item['custom_tracking_link']) : null,
        shippedAt: wcDateToIso(item['date_shipped']),
        lineIds: lineIdsOf(item['products_list']),
      });
    });
    return parcels;
  }
  // Shipment Tracking < 1.4: one parcel in flat keys
  const number = scalarText(metaValue(meta, '_tracking_number'));
  if (number === null) return [];
  const custom = scalarText(metaValue(meta, '_custom_tracking_provider'));
  const slug = scalarText(metaValue(meta, '_tracking_provider'));
  return [
    {
      id: 'tracking-1',
      carrierName: custom ?? slug ?? '',
      carrierId: custom ?? slug,
      trackingNumber: number,
      trackingLink: custom !== null ? scalarText(metaValue(meta, '_custom_tracking_link')) : null,
      shippedAt: wcDateToIso(metaValue(meta, '_date_shipped')),
      lineIds: [],
    },
  ];
}

/** A fulfillment as `GET /orders/{id}/fulfillments` answers it (validated loosely: the feature is still young). */
export interface WcFulfillment {
  id: number;
  is_fulfilled: boolean;
  date_updated: string | null;
  date_deleted: string | null;
  meta_data: Meta[];
}

/**
 * Core fulfillments as parcels: deleted ones are dropped; a draft (not fulfilled) one is a parcel only when it already
 * has a tracking number, and is undated. Shipped at `_date_fulfilled`, else (fulfilled) its last update.
 */
export function mapWcFulfillments(fulfillments: readonly WcFulfillment[]): ChannelParcel[] {
  return fulfillments.flatMap((f) => {
    if (f.date_deleted !== null) return [];
    const number = scalarText(metaValue(f.meta_data, '_tracking_number'));
    if (!f.is_fulfilled && number === null) return [];
    const provider = scalarText(metaValue(f.meta_data, '_shipping_provider')) ?? scalarText(metaValue(f.meta_data, '_shipment_provider'));
    const providerName = scalarText(metaValue(f.meta_data, '_provider_name'));
    return [
      {
        id: String(f.id),
        carrierName: providerName ?? provider ?? '',
        carrierId: provider ?? providerName,
        trackingNumber: number,
        trackingLink: scalarText(metaValue(f.meta_data, '_tracking_url')),
        shippedAt: f.is_fulfilled ? (wcDateToIso(metaValue(f.meta_data, '_date_fulfilled')) ?? wcDateToIso(f.date_updated)) : null,
        lineIds: lineIdsOf(metaValue(f.meta_data, '_items')),
      },
    ];
  });
}

/** WooCommerce's status labels (wc_get_order_statuses) in English and in the pl_PL translation → the status slug. */
const STATUS_LABELS: Record<string, string> = {
  'pending payment': 'pending',
  processing: 'processing',
  'on hold': 'on-hold',
  completed: 'completed',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  draft: 'checkout-draft',
  'oczekujące na płatność': 'pending',
  'w trakcie realizacji': 'processing',
  'wstrzymane (oczekujące na płatność)': 'on-hold',
  wstrzymane: 'on-hold',
  zrealizowane: 'completed',
  anulowane: 'cancelled',
  zwrócone: 'refunded',
  nieudane: 'failed',
  szkic: 'checkout-draft',
};

/** The sentence WooCommerce writes, per language: its lead-in and the word between the two labels. */
const STATUS_CHANGE_SENTENCES = [
  { lead: /Order status changed from /, between: ' to ' },
  { lead: /Status zamówienia zmieniony z /, between: ' na ' },
];

/**
 * The new status's label of a status-change note, or null. Labels may hold the separating word themselves
 * ("Oczekujące na płatność na W trakcie realizacji"), so the split is chosen where the old label is a known one,
 * else where the new one is, else at the last separator.
 */
function newStatusLabel(text: string): string | null {
  for (const { lead, between } of STATUS_CHANGE_SENTENCES) {
    const match = lead.exec(text);
    if (!match) continue;
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(/\.(\s|$)/);
    const body = end === -1 ? rest : rest.slice(0, end);
    const splits: number[] = [];
    for (let i = body.indexOf(between); i !== -1; i = body.indexOf(between, i + 1)) splits.push(i);
    if (splits.length === 0) continue;
    const label = (i: number) => body.slice(i + between.length).trim();
    const known = (value: string) => STATUS_LABELS[value.trim().toLowerCase()] !== undefined;
    const at = splits.find((i) => known(body.slice(0, i))) ?? splits.find((i) => known(label(i))) ?? splits[splits.length - 1]!;
    return label(at);
  }
  // WooCommerce's note for an order created straight into a status
  const set = /Order status set to (.+?)\.(?:\s|$)/.exec(text);
  return set ? set[1]!.trim() : null;
}

export interface WcOrderNoteDto {
  id: number;
  date_created_gmt: string;
  note: string;
  customer_note: boolean;
}

/**
 * An order note as a timeline event: a status change WooCommerce wrote (English or Polish) is STATUS_CHANGED with the
 * new status (CANCELLED for a cancellation), its `channelStatus` the status slug, or the label as written when it is a
 * plugin's status (the graph status then falls back like the order's: PROCESSING); any other note is a NOTE.
 */
export function mapWcNoteToEvent(note: WcOrderNoteDto, mapStatus: (slug: string) => OrderStatusModel): OrderEventModel {
  const at = wcDateToIso(note.date_created_gmt) ?? `${note.date_created_gmt}Z`;
  const text = note.note.replace(/<[^>]*>/g, '').trim();
  const label = newStatusLabel(text);
  if (label !== null) {
    const slug = STATUS_LABELS[label.toLowerCase()] ?? null;
    const status = mapStatus(slug ?? label);
    return { at, source: 'ESHOP', kind: status === 'CANCELLED' ? 'CANCELLED' : 'STATUS_CHANGED', status, channelStatus: slug ?? label, text };
  }
  return { at, source: 'ESHOP', kind: 'NOTE', status: null, channelStatus: null, text };
}

/**
 * Meta keys of the buyer's tax id, first found wins after the configured ESHOP_NIP_META_KEY: `_billing_nip` /
 * `billing_nip` (Flexible Checkout Fields and most Polish checkout snippets: a billing field `billing_nip` is stored
 * as `_billing_nip`), `_billing_vat_number` (WP Desk Flexible Invoices / "Faktury WooCommerce", WooCommerce EU VAT
 * Number), `_vat_number` and `vat_number` (EU VAT Number before 2.3, Aelia EU VAT Assistant), `_billing_vat_id`
 * (Germanized), `nip` / `_nip` (WooCommerce NIP plugins).
 */
export const WC_TAX_ID_META_KEYS = [
  '_billing_nip',
  'billing_nip',
  '_billing_vat_number',
  '_vat_number',
  'vat_number',
  '_billing_vat_id',
  'nip',
  '_nip',
] as const;

/**
 * Meta keys of a "I want a VAT invoice" checkbox: `_billing_invoice_ask` (WP Desk Flexible Invoices, "1"),
 * `_billing_faktura` / `billing_faktura` and `_billing_invoice` (Flexible Checkout Fields checkboxes as Polish shops
 * name them), `_invoice_request`.
 */
export const WC_INVOICE_FLAG_META_KEYS = [
  '_billing_invoice_ask',
  '_billing_faktura',
  'billing_faktura',
  '_billing_invoice',
  '_invoice_request',
] as const;

/**
 * The buyer's tax id as typed, from the order meta: ESHOP_NIP_META_KEY's key first, then the known plugins' keys
 * ({@link WC_TAX_ID_META_KEYS}); null when none holds one. The one reader of it: the buyer's NIP and the invoice data.
 */
export function wcBuyerTaxId(metaData: readonly Meta[], nipMetaKey: string | null | undefined): string | null {
  const keys = nipMetaKey ? [nipMetaKey, ...WC_TAX_ID_META_KEYS.filter((k) => k !== nipMetaKey)] : WC_TAX_ID_META_KEYS;
  for (const key of keys) {
    const taxId = scalarText(metaValue(metaData, key));
    if (taxId !== null) return taxId;
  }
  return null;
}

const TRUTHY = new Set(['1', 'yes', 'true', 'on', 'tak', 'y']);

/**
 * The buyer's invoice data: billing company, name and address, the tax id from the configured key or the known
 * plugins' keys. Required when a tax id or the invoice checkbox is present. Null when the order has none of it (no
 * company, no tax id, no flag): a consumer's receipt order.
 */
export function mapWcInvoice(
  dto: { billing: WcAddressDto; meta_data: readonly Meta[] },
  nipMetaKey: string | null | undefined,
): OrderInvoiceModel | null {
  const taxId = wcBuyerTaxId(dto.meta_data, nipMetaKey);
  const flag = WC_INVOICE_FLAG_META_KEYS.some((key) => {
    const value = metaValue(dto.meta_data, key);
    return value === true || value === 1 || TRUTHY.has((scalarText(value) ?? '').toLowerCase());
  });
  const companyName = dto.billing.company.trim() || null;
  if (taxId === null && !flag && companyName === null) return null;
  return {
    required: taxId !== null || flag,
    companyName,
    nip: taxId === null ? null : normaliseNip(taxId),
    taxId,
    firstName: dto.billing.first_name.trim() || null,
    lastName: dto.billing.last_name.trim() || null,
    address: mapWcAddress(dto.billing),
  };
}
