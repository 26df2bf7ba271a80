/**
 * The product-neutral order vocabulary every channel subgraph speaks. It mirrors the `Order` interface and its
 * `@shareable` value types (`Money`, `Address`, `OrderTotals`, `OrderLine`, `Delivery`, `ParcelLocker`,
 * `OrderSummary`) that each channel SDL (`schema/eshop.graphql`, `schema/marketplace.graphql`) declares identically
 * for federation.
 *
 * Why it lives in shared: the `Order` interface is shared by every channel subgraph, so its TypeScript mirror must be
 * too — one definition instead of one copy per channel that can drift from the others. A new channel (another shop,
 * another marketplace) implements this same shape: its role file extends {@link ChannelOrderModel} with its own
 * extras, and its adapter maps the product's wire format onto these types. Nothing here knows about a product.
 */

/** A decimal amount as a string with (at least) two decimals, e.g. "348.09"; never a float. */
export interface MoneyModel {
  amount: string;
  currency: string;
}

export interface AddressModel {
  street: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

/** The SDL's `OrderChannel` enum: which channel subgraph owns an order. */
export type OrderChannelModel = 'ESHOP' | 'MARKETPLACE';

/** The channel-neutral order status (the SDL's `OrderStatus`); each adapter maps its product's statuses onto it. */
export type OrderStatusModel =
  'PENDING_PAYMENT' | 'ON_HOLD' | 'PROCESSING' | 'SHIPPED' | 'READY_FOR_PICKUP' | 'COMPLETED' | 'CANCELLED' | 'REFUNDED' | 'FAILED';

export type PaymentStatusModel = 'PAID' | 'UNPAID' | 'CASH_ON_DELIVERY' | 'REFUNDED';

export type DeliveryMethodModel = 'COURIER' | 'PARCEL_LOCKER' | 'STORE_PICKUP';

export interface OrderTotalsModel {
  total: MoneyModel;
  shipping: MoneyModel;
  /** Σ lines' discount (already inside the line totals) */
  discount: MoneyModel;
  tax: MoneyModel | null;
  /** gross fees on top of lines and shipping (docs/money-model.md) */
  fees: MoneyModel;
}

export interface OrderLineModel {
  /** null when the channel no longer knows the SKU (deleted product, offer without a SKU) */
  sku: string | null;
  name: string;
  quantity: number;
  /** gross unit price before the line's discount: lineTotal = quantity × unitPrice − discount (docs/money-model.md) */
  unitPrice: MoneyModel;
  /** gross unit price before any discount */
  originalUnitPrice: MoneyModel;
  /** the line's discount, gross */
  discount: MoneyModel;
  /** what the buyer pays for the line, gross, as the channel states it */
  lineTotal: MoneyModel;
}

export interface ParcelLockerModel {
  id: string;
  name: string | null;
  address: AddressModel | null;
}

export interface DeliveryModel {
  method: DeliveryMethodModel;
  /** the channel's name of the delivery method, e.g. "Paczkomat InPost 24/7" */
  name: string;
  /** gross */
  cost: MoneyModel;
  /** set for PARCEL_LOCKER */
  parcelLocker: ParcelLockerModel | null;
  /** set for STORE_PICKUP: the reference to the ERP's `Location` */
  store: { code: string } | null;
  address: AddressModel | null;
}

/**
 * The fields of the SDL's `Order` interface. Each channel's order model extends it, narrowing `channel` to its own
 * value and adding what only that channel knows (e-shop: customer id, billing e-mail; marketplace: buyer login).
 */
export interface ChannelOrderModel {
  /** global id: channel prefix and the channel's id, e.g. `eshop:10482` (ADR 0004) */
  id: string;
  channel: OrderChannelModel;
  /** the channel's own order number */
  number: string;
  /** ISO 8601 UTC with `Z` */
  placedAt: string;
  status: OrderStatusModel;
  /** the channel's raw status, e.g. `on-hold` or `READY_FOR_PROCESSING/SENT` */
  channelStatus: string;
  totals: OrderTotalsModel;
  lines: OrderLineModel[];
  /** codes of the coupons applied to the order (empty where the channel has none) */
  couponCodes: string[];
  delivery: DeliveryModel;
  paymentStatus: PaymentStatusModel;
}

/**
 * One entry of a customer's merged order list (the SDL's `OrderSummary`): enough for crm to merge and sort the
 * cross-channel list and to reference the order (ADR 0004). `TTypename` is the channel's order type, e.g. `EshopOrder`.
 */
export interface OrderSummaryModel<TTypename extends string = string> {
  ref: { typename: TTypename; id: string };
  placedAt: string;
}

/** The SDL's `OrderRecordSource`: which system a record about an order comes from. */
export type OrderRecordSourceModel = 'ESHOP' | 'MARKETPLACE' | 'ERP';

/** The SDL's `Carrier` (see ./carriers.ts for how a source's carrier id or name is recognised). */
export type CarrierModel = 'INPOST' | 'POCZTA_POLSKA' | 'DPD' | 'DHL' | 'GLS' | 'UPS' | 'FEDEX' | 'ORLEN_PACZKA' | 'ALLEGRO_ONE' | 'OTHER';

/** The SDL's `Shipment`: one parcel, merged over its sources by tracking number. */
export interface ShipmentModel {
  id: string;
  sources: OrderRecordSourceModel[];
  carrier: CarrierModel;
  carrierName: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** ISO 8601 UTC */
  shippedAt: string | null;
  lineIds: string[];
}

export type OrderEventKindModel = 'PLACED' | 'PAID' | 'STATUS_CHANGED' | 'WAREHOUSE' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REFUNDED' | 'NOTE';

/** The SDL's `OrderEvent`: one entry of an order's timeline. */
export interface OrderEventModel {
  /** ISO 8601 UTC */
  at: string;
  source: OrderRecordSourceModel;
  kind: OrderEventKindModel;
  status: OrderStatusModel | null;
  channelStatus: string | null;
  text: string | null;
}

/** The SDL's `OrderInvoice`: the buyer's invoice data as the channel holds it. */
export interface OrderInvoiceModel {
  required: boolean;
  companyName: string | null;
  /** 10 digits, when the tax id is a Polish NIP */
  nip: string | null;
  /** as the buyer typed it */
  taxId: string | null;
  firstName: string | null;
  lastName: string | null;
  address: AddressModel | null;
}

/** The SDL's `ErpDelivery` as the erp subgraph serves it and the channel subgraphs receive it through `@requires`. */
export interface ErpDeliveryModel {
  name: string;
  state: string;
  carrierName: string | null;
  trackingNumber: string | null;
  createdAt: string;
  scheduledAt: string | null;
  doneAt: string | null;
}
