/**
 * The e-shop role: what the graph needs from an online shop, in product-neutral domain models. WooCommerce is one
 * adapter (`upstream/woocommerce/`); another shop would be one more folder implementing {@link EshopClient}.
 * Resolvers and loaders only ever see these types, never wire DTOs. The channel-neutral order vocabulary
 * (`MoneyModel`, `OrderStatusModel`, `DeliveryModel` …) is not defined here but in `@omnigraph/shared/models`,
 * because every channel subgraph shares the `Order` interface it mirrors.
 */
import type {
  ChannelOrderModel,
  ChannelParcel,
  DeliveryMethodModel,
  ErpDeliveryModel,
  MoneyModel,
  OrderEventModel,
  OrderInvoiceModel,
  OrderLineModel,
} from '@omnigraph/shared/models';

/** The shop's own order id (WooCommerce post / HPOS id), digits only. Created only by the adapter and `parseEshopOrderGlobalId`. */
export type EshopOrderId = string & { readonly __brand: 'EshopOrderId' };

export type EshopListingStatus = 'PUBLISHED' | 'DRAFT' | 'PRIVATE';
export type EshopStockStatus = 'IN_STOCK' | 'OUT_OF_STOCK' | 'ON_BACKORDER';

/** A shop listing of one SKU (a simple product or a variation). */
export interface EshopListingModel {
  sku: string;
  productId: string;
  name: string;
  /** what a shopper pays now: the sale price while on sale */
  price: MoneyModel;
  regularPrice: MoneyModel;
  salePrice: MoneyModel | null;
  onSale: boolean;
  /** ISO 8601 UTC: the scheduled sale's start; null without a sale or a start date */
  saleStartsAt: string | null;
  /** ISO 8601 UTC: the scheduled sale's end; null without a sale or for an open-ended one */
  saleEndsAt: string | null;
  status: EshopListingStatus;
  url: string;
  stockStatus: EshopStockStatus;
  /** null when the shop does not track stock for the SKU */
  stockQuantity: number | null;
  /** ISO 8601 UTC: when the stock figures were read from the shop (cached copies keep it), never a later time */
  stockAsOf: string;
  // ---- listing content (issue 12): the product's or variation's own (a variation's parent's is read only when asked) ----
  /** HTML as stored; null when empty */
  description: string | null;
  /** HTML as stored; null when empty */
  shortDescription: string | null;
  /** main image first */
  images: EshopImageModel[];
  /** category names */
  categories: string[];
  /** the parent product's id when the listing is a variation (the rest of its content is there), else null */
  parentProductId: string | null;
}

/** The content of a shop product (a variation's parent). */
export interface EshopProductContentModel {
  productId: string;
  description: string | null;
  shortDescription: string | null;
  images: EshopImageModel[];
  categories: string[];
}

export interface EshopImageModel {
  url: string;
  alt: string | null;
}

/** A line of a shop order: the shared line plus the shop's line item id (what a refund names). */
export interface EshopOrderLineModel extends OrderLineModel {
  /** the WooCommerce line item id */
  id: string;
  /** the order it belongs to (returnedQuantity reads that order's refunds) */
  orderId: EshopOrderId;
  /** the order has refunds: only then are they read for returnedQuantity */
  orderHasRefunds: boolean;
  /** the line's VAT rate in percent ("23"), from the order's tax lines; null when the shop does not say */
  vatRate: string | null;
}

/** An order placed in the shop: the shared {@link ChannelOrderModel} plus what only the shop knows. */
export interface EshopOrderModel extends ChannelOrderModel {
  /** global id `eshop:<shop id>` (the GraphQL `EshopOrder.id`) */
  id: string;
  orderId: EshopOrderId;
  channel: 'ESHOP';
  lines: EshopOrderLineModel[];
  /** when the order was completed (delivered or collected), ISO 8601 UTC; null before */
  completedAt: string | null;
  /** ids of the order's refunds, newest first (their lines are read only when asked for) */
  refundIds: string[];
  /** the write tag (`_omnigraph_idempotency_key`) when Omnigraph placed the order */
  idempotencyKey: string | null;
  /** the ERP reservation linked to a store pickup (`_omnigraph_erp_order`) */
  erpOrderName: string | null;
  billingEmail: string | null;
  /** the shop's registered customer id; null for guest orders */
  customerId: string | null;
  /** the buyer as the billing address shows them (what links the order to a person) */
  buyer: EshopBuyerModel;
  /** the parcels the shop's shipment-tracking plugin keeps in the order's meta (empty without one) */
  trackingParcels: ChannelParcel[];
  /** the shop keeps core fulfillments for this order (read through their own endpoint) */
  hasFulfillments: boolean;
  /** the buyer's invoice data; null when the order carries none */
  invoice: OrderInvoiceModel | null;
  /** what the order itself dates: PLACED, PAID, DELIVERED (completion); notes and refunds add the rest */
  events: OrderEventModel[];
  /**
   * The ERP's deliveries of this order, from the entity representation (`@requires`); null when the ERP could not
   * be asked, undefined outside an entity fetch.
   */
  erpDeliveries?: ErpDeliveryModel[] | null;
}

/** The buyer's details of one order's billing address, as typed at checkout; empty fields are null. */
export interface EshopBuyerModel {
  /** the billing e-mail; an Allegro relay address is kept here (it is the order's data) and dropped only by identities */
  email: string | null;
  /** the billing phone as typed ("600-100-200") */
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  postalCode: string | null;
  companyName: string | null;
  /** the NIP a checkout plugin stored in order meta (ESHOP_NIP_META_KEY), as typed; null when not configured */
  nip: string | null;
}

/** A registered shop customer (a WordPress user with an account). */
export interface EshopCustomerModel {
  customerId: string;
  email: string;
  /** when the account was created (UTC, ISO 8601) */
  createdAt: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  postalCode: string | null;
  companyName: string | null;
}

/** A refund of (part of) a shop order, as the shop records it. */
export interface EshopRefundModel {
  id: string;
  orderId: EshopOrderId;
  /** ISO 8601 UTC */
  createdAt: string;
  /** what the customer gets back (positive) */
  amount: MoneyModel;
  /** WooCommerce refunds are final when they exist */
  status: 'completed';
  lines: EshopRefundLineModel[];
  /** the store that took the goods back (meta `_omnigraph_return_store`); null for refunds made elsewhere */
  storeCode: string | null;
  /** the write tag (`_omnigraph_idempotency_key`) when Omnigraph made the refund */
  idempotencyKey: string | null;
}

export interface EshopRefundLineModel {
  /** the order line refunded (`_refunded_item_id`); null when the shop did not say */
  lineId: string | null;
  sku: string | null;
  /** positive: how many units were refunded */
  quantity: number;
  /** the money refunded for the line, gross (positive); null when the refund does not split by line */
  amount: MoneyModel | null;
}

/** A person on an order written by Omnigraph (billing or delivery). */
export interface EshopPartyModel {
  firstName: string;
  lastName: string;
  company: string | null;
  email: string;
  phone: string | null;
  street: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

/** An order for the shop to create: prices are decided by the caller (gross unit price and its VAT rate). */
export interface EshopNewOrderModel {
  /** the write's tag, stored on the order */
  idempotencyKey: string;
  /** the CRM contact it is placed for (stored on the order) */
  crmCustomerId: string;
  /** the shop account; null: a guest order on the billing e-mail */
  eshopCustomerId: string | null;
  billing: EshopPartyModel;
  /** null: ship to the billing address */
  shipping: EshopPartyModel | null;
  lines: { sku: string; quantity: number; unitGross: string; vatRate: string }[];
  delivery: { method: DeliveryMethodModel; parcelLockerId: string | null; storeCode: string | null; storeName: string | null };
  customerNote: string | null;
}

/** A refund for the shop to create: order lines and quantities; the amounts follow from the order's lines. */
export interface EshopNewRefundModel {
  idempotencyKey: string;
  orderId: EshopOrderId;
  /** `returnedBefore`: units of the line refunded already (the new refund's amounts continue from there) */
  lines: { lineId: string; quantity: number; returnedBefore: number }[];
  reason: string | null;
  storeCode: string;
}

export interface EshopClient {
  /** Creates the order (one write, never retried by the helper); the created order. */
  createOrder(args: { order: EshopNewOrderModel }): Promise<EshopOrderModel>;
  /**
   * The orders tagged with `idempotencyKey`, looked for among the recent orders (since `sinceIso`) of the shop
   * account, or, for a guest order, of the billing e-mail. Normally zero or one.
   */
  findOrdersByTag(args: { idempotencyKey: string; eshopCustomerId: string | null; email: string; sinceIso: string }): Promise<EshopOrderModel[]>;
  /** Sets one meta value on an order (update in place by key, so repeating it changes nothing). */
  setOrderMeta(args: { orderId: EshopOrderId; key: string; value: string }): Promise<EshopOrderModel>;
  /** Creates the refund (one write, never retried by the helper). */
  createRefund(args: { refund: EshopNewRefundModel }): Promise<EshopRefundModel>;
  /** The order's refunds, newest first. */
  listRefunds(args: { orderId: EshopOrderId }): Promise<EshopRefundModel[]>;
  /** The order's notes as timeline events (status changes recognised), oldest first. One call per order. */
  listOrderNotes(args: { orderId: EshopOrderId }): Promise<OrderEventModel[]>;
  /** The order's core fulfillments as parcels (empty where the shop has the feature off). One call per order. */
  listFulfillments(args: { orderId: EshopOrderId }): Promise<ChannelParcel[]>;
  /** Listings for up to {@link ESHOP_BATCH_LIMIT} SKUs; SKUs the shop does not list are simply absent. */
  getListingsBySkus(args: { skus: readonly string[] }): Promise<EshopListingModel[]>;
  /** The content of up to {@link ESHOP_BATCH_LIMIT} products by id (variations' parents); unknown ids are absent. */
  getProductContents(args: { productIds: readonly string[] }): Promise<EshopProductContentModel[]>;
  /** Orders for up to {@link ESHOP_BATCH_LIMIT} ids; unknown ids are absent. */
  getOrdersByIds(args: { ids: readonly EshopOrderId[] }): Promise<EshopOrderModel[]>;
  /** One order by the number shoppers see; null when there is none. */
  getOrderByNumber(args: { number: string }): Promise<EshopOrderModel | null>;
  /** Every order of a registered customer, all pages. */
  listCustomerOrders(args: { customerId: string }): Promise<EshopOrderModel[]>;
  /** Every guest order (no registered customer) whose billing e-mail equals `email`, case-insensitively. */
  listGuestOrdersByEmail(args: { email: string }): Promise<EshopOrderModel[]>;
  /**
   * One page of a customer's orders, newest first (one second's orders by id, highest first), registered or guest
   * (re-checked for the exact billing e-mail), optionally placed strictly before `beforeGmt` (`YYYY-MM-DDTHH:MM:SS`).
   * `total`: the shop's count of the query (for guests before the re-check: an upper bound); null when not said.
   * `listed`: orders the shop listed (before the re-check); `lastListedAt`: placedAt of the last of them.
   */
  listOrdersNewestFirst(args: {
    owner: { customerId: string } | { guestEmail: string };
    perPage: number;
    /** orders skipped first */
    offset: number;
    beforeGmt: string | null;
  }): Promise<{ orders: EshopOrderModel[]; listed: number; total: number | null; more: boolean; lastListedAt: string | null }>;
  /** How many orders a registered customer has (null when the shop does not say). */
  countCustomerOrders(args: { customerId: string }): Promise<number | null>;
  /** Registered customers whose account e-mail is `email` (exact, case-insensitive): zero or one. */
  findCustomersByEmail(args: { email: string }): Promise<EshopCustomerModel[]>;
  /** Registered customers by id, up to {@link ESHOP_BATCH_LIMIT}; unknown ids are absent. */
  getCustomersByIds(args: { ids: readonly string[] }): Promise<EshopCustomerModel[]>;
  /**
   * Orders the shop's order search matches for `term` (a substring match over the billing and shipping addresses,
   * e-mail, phone and item names, plus the meta keys plugins add), oldest first, at most `maxPages` pages of
   * {@link ESHOP_BATCH_LIMIT}. The caller re-checks each order: the search is far wider than any one field.
   */
  searchOrders(args: { term: string; maxPages: number }): Promise<EshopOrderModel[]>;
}

/** WooCommerce's `per_page` maximum and the size of an `include=` / `sku=` batch. */
export const ESHOP_BATCH_LIMIT = 100;

const GLOBAL_ID_PREFIX = 'eshop:';

export function toEshopOrderGlobalId(orderId: EshopOrderId): string {
  return `${GLOBAL_ID_PREFIX}${orderId}`;
}

/** `eshop:10482` → `10482`; null for any other prefix or a non-numeric id (those are not ours to resolve). */
export function parseEshopOrderGlobalId(globalId: string): EshopOrderId | null {
  if (!globalId.startsWith(GLOBAL_ID_PREFIX)) return null;
  const raw = globalId.slice(GLOBAL_ID_PREFIX.length);
  return isShopId(raw) ? (raw as EshopOrderId) : null;
}

/** Positive integer without leading zeros: what a shop id looks like. */
export function isShopId(raw: string): boolean {
  return /^[1-9]\d{0,17}$/.test(raw);
}
