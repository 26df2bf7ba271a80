/**
 * The marketplace role: what the subgraph needs from a marketplace (Allegro today, maybe Amazon later), in
 * product-neutral domain models. Resolvers and loaders see only this file; DTOs and axios stay in `upstream/<product>/`.
 * The channel-neutral order vocabulary (`MoneyModel`, `OrderStatusModel`, `DeliveryModel` …) is not defined here but
 * in `@omnigraph/shared/models`, because every channel subgraph shares the `Order` interface it mirrors.
 */
import type {
  ChannelOrderModel,
  DeliveryModel,
  ErpDeliveryModel,
  MoneyModel,
  OrderEventModel,
  OrderInvoiceModel,
  OrderLineModel,
  OrderSummaryModel,
  ShipmentModel,
} from '@omnigraph/shared/models';

export type MarketplaceOfferStatusModel = 'ACTIVE' | 'INACTIVE' | 'ACTIVATING' | 'ENDED';

/** One listing of the seller's, matched to our catalogue through its external id (= our SKU). */
export interface MarketplaceOfferModel {
  offerId: string;
  /** the SKU the offer carries (Allegro `external.id`); the key the loader groups by */
  sku: string | null;
  title: string;
  price: MoneyModel;
  availableQuantity: number;
  /** ISO 8601 UTC: when `availableQuantity` was read from the marketplace (cached copies keep it), never a later time */
  stockAsOf: string;
  soldQuantity: number;
  status: MarketplaceOfferStatusModel;
  url: string;
}

export interface MarketplaceOrderLineModel extends OrderLineModel {
  /** the marketplace's line id (Allegro line item id), what a refund names; null when the form did not carry it */
  id: string | null;
  /** the order's own id (checkout form id), so that `returnedQuantity` can find the order's refunds */
  orderNumber: string;
  /** the federation reference to the ERP's Product; null without a SKU */
  product: { sku: string } | null;
  /** the line's VAT rate in percent as a decimal string ("23.00"); null when the marketplace states none */
  vatRate: string | null;
}

export interface MarketplaceDeliveryModel extends DeliveryModel {
  /** Allegro has no store pickup; kept for the shared Delivery shape */
  store: null;
}

/** An order placed on the marketplace: the shared {@link ChannelOrderModel} plus the buyer's marketplace login. */
export interface MarketplaceOrderModel extends ChannelOrderModel {
  /** global id `marketplace:<checkout form id>` */
  id: string;
  channel: 'MARKETPLACE';
  /** the marketplace's own order id (Allegro: the checkout form UUID) */
  number: string;
  /** the raw status, e.g. `READY_FOR_PROCESSING/SENT` */
  channelStatus: string;
  lines: MarketplaceOrderLineModel[];
  delivery: MarketplaceDeliveryModel;
  buyerLogin: string;
  /** the buyer as the checkout form shows them; never the relay e-mail */
  buyer: MarketplaceBuyerModel;
  /** the payment a refund names (Allegro `payment.id`); null for a form without one */
  paymentId: string | null;
  /** when the buyer had the goods, where the marketplace tells it (see the mapper); null otherwise */
  completedAt: string | null;
  /** the buyer's invoice request; null when the form carries none */
  invoice: OrderInvoiceModel | null;
  /** what the form itself states about the order's history (placed, paid, its current fulfillment status, cancelled) */
  formEvents: OrderEventModel[];
  /**
   * Not read from the marketplace: the ERP's deliveries of the order as the gateway hands them over (`@requires`) on an
   * entity fetch; null or absent when the ERP could not be asked.
   */
  erpDeliveries?: ErpDeliveryModel[] | null;
}

/** One refund of (part of) an order's payment, as the marketplace records it. */
export interface MarketplaceRefundModel {
  id: string;
  /** the order (checkout form id) it refunds; null when the marketplace did not say */
  orderNumber: string | null;
  /** ISO 8601 UTC with `Z` */
  createdAt: string;
  /** what the buyer gets back in all (lines, delivery, …) */
  amount: MoneyModel;
  /** the marketplace's status, e.g. NEW, IN_PROGRESS, SUCCESS, CANCELED */
  status: string;
  /**
   * per line: whole items refunded (0 for a line refunded by amount only) and the money, where the marketplace states it
   * (Allegro: only for lines refunded by amount)
   */
  lines: { lineId: string; quantity: number; value: MoneyModel | null }[];
  /** the seller's free-text comment on the refund (Allegro `sellerComment`) */
  note: string | null;
}

/** What a refund asks the marketplace to pay back: whole items of the order's lines. */
export interface MarketplaceRefundRequest {
  orderNumber: string;
  paymentId: string;
  lines: readonly { lineId: string; quantity: number }[];
  /** a UUID the marketplace de-duplicates the creation by (Allegro `commandId`): the same one never refunds twice */
  requestId: string;
  /** the seller's comment (Allegro `sellerComment`, ≤ 250 characters) */
  note: string | null;
}

/** The buyer's details on one checkout form; empty fields are null. */
export interface MarketplaceBuyerModel {
  /** Allegro's buyer id (numeric string); null when the form does not carry it */
  id: string | null;
  login: string;
  firstName: string | null;
  lastName: string | null;
  /** as Allegro gives it ("+48601234567" or "601234567") */
  phone: string | null;
  /** the buyer's account address postcode */
  postalCode: string | null;
  /** the invoice company (or the buyer's company name) */
  companyName: string | null;
  /** the invoice's PL_NIP, as given */
  nip: string | null;
  guest: boolean;
}

/** Enough of an order to merge and sort the cross-channel list (ADR 0004). */
export type MarketplaceOrderSummaryModel = OrderSummaryModel<'MarketplaceOrder'>;

export interface MarketplaceClient {
  /** Every offer whose SKU is one of `skus` (at most {@link MARKETPLACE_MAX_SKUS_PER_CALL}); any order. */
  getOffersBySkus(args: { skus: readonly string[] }): Promise<MarketplaceOfferModel[]>;
  /** All orders of one buyer, newest first (the client pages through the upstream list). */
  listOrdersByBuyerLogin(args: { buyerLogin: string }): Promise<MarketplaceOrderModel[]>;
  /**
   * One page (`limit` ≤ 100 from `offset`) of a buyer's orders, newest first by a line's purchase time, optionally
   * only those bought at or before `boughtAtLte` (ISO 8601); each with its latest line's purchase time, and how many
   * the filtered list holds.
   */
  listBuyerOrdersNewestFirst(args: {
    buyerLogin: string;
    limit: number;
    offset: number;
    boughtAtLte: string | null;
  }): Promise<{ entries: { order: MarketplaceOrderModel; latestBoughtAt: string }[]; totalCount: number }>;
  /** One order by the marketplace's own id; null when the marketplace does not know it. */
  getOrderById(args: { orderNumber: string }): Promise<MarketplaceOrderModel | null>;
  /** One page of the seller's orders, newest first (`limit` ≤ 100), and how many there are in all. */
  listRecentOrders(args: { offset: number; limit: number }): Promise<{ orders: MarketplaceOrderModel[]; totalCount: number }>;
  /** The order's parcels as the marketplace knows them (tracking numbers and carriers); null when it does not know the order. */
  listShipments(args: { orderNumber: string }): Promise<ShipmentModel[] | null>;
  /** Every refund of one order, newest first. */
  listRefunds(args: { orderNumber: string }): Promise<MarketplaceRefundModel[]>;
  /** Pays back whole items of an order's lines; a write, never retried. Refusals are the marketplace's (UPSTREAM_REJECTED). */
  createRefund(request: MarketplaceRefundRequest): Promise<MarketplaceRefundModel>;
}

/** A page of a buyer's orders holds at most this many (Allegro's `limit` on checkout forms). */
export const MARKETPLACE_MAX_FORMS_PER_PAGE = 100;

/** Allegro's `external.id` filter takes at most 100 values per call. */
export const MARKETPLACE_MAX_SKUS_PER_CALL = 100;

/** The prefix of global order ids, ADR 0004 (`eshop:10482`, `marketplace:<uuid>`). */
export const MARKETPLACE_ORDER_ID_PREFIX = 'marketplace:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (Allegro's checkout form ids); checked before any upstream call. */
export function isOrderNumber(value: string): boolean {
  return UUID.test(value);
}

/** `marketplace:<uuid>` → `<uuid>`; null for anything else (another channel's id, garbage). */
export function parseMarketplaceOrderId(id: string): string | null {
  if (!id.startsWith(MARKETPLACE_ORDER_ID_PREFIX)) return null;
  const number = id.slice(MARKETPLACE_ORDER_ID_PREFIX.length);
  return isOrderNumber(number) ? number : null;
}

export function toMarketplaceOrderId(orderNumber: string): string {
  return `${MARKETPLACE_ORDER_ID_PREFIX}${orderNumber}`;
}
