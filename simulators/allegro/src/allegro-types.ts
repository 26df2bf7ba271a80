/**
 * Allegro REST API wire shapes, as the simulator serves them (developer.allegro.pl swagger: CheckoutForm,
 * OrderEventsList, OffersSearchResultDto, ErrorsHolder …). Optional fields Allegro leaves empty are emitted as
 * `null` and empty lists as `[]`, the way the examples in upstream-apis.md A.1 show them.
 */

import type { AllegroCheckoutStatus, AllegroFulfillmentStatus } from '@omnigraph/simulator-dataset';

export interface Money {
  /** decimal string with two places, "179.99" */
  amount: string;
  currency: string;
}

// The dataset generates orders in Allegro's own statuses, so its unions are the wire's: one definition for both.
export type CheckoutFormStatus = AllegroCheckoutStatus;
export type FulfillmentStatus = AllegroFulfillmentStatus;

export type LineItemsSent = 'NONE' | 'SOME' | 'ALL';

/** The members of the unions above, in Allegro's order: what the order filters and the records payload accept. */
export const CHECKOUT_FORM_STATUSES = ['BOUGHT', 'FILLED_IN', 'READY_FOR_PROCESSING', 'CANCELLED'] as const satisfies readonly CheckoutFormStatus[];
export const FULFILLMENT_STATUSES = [
  'NEW',
  'PROCESSING',
  'READY_FOR_SHIPMENT',
  'READY_FOR_PICKUP',
  'SENT',
  'PICKED_UP',
  'CANCELLED',
  'SUSPENDED',
  'RETURNED',
] as const satisfies readonly FulfillmentStatus[];
export const LINE_ITEMS_SENT = ['NONE', 'SOME', 'ALL'] as const satisfies readonly LineItemsSent[];

export interface CheckoutFormBuyer {
  id: string;
  /** per-transaction relay address `<local>+<suffix>@allegromail.pl` */
  email: string;
  login: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  guest: boolean;
  personalIdentity: string | null;
  phoneNumber: string | null;
  preferences: { language: string } | null;
  address: { street: string; city: string; postCode: string; countryCode: string } | null;
}

export interface CheckoutFormPayment {
  id: string;
  type: string;
  provider: string | null;
  finishedAt: string | null;
  paidAmount: Money | null;
  reconciliation: Money | null;
  features: string[];
}

export interface CheckoutFormFulfillment {
  status: FulfillmentStatus;
  shipmentSummary: { lineItemsSent: LineItemsSent };
  provider: { id: string };
}

export interface CheckoutFormDelivery {
  address: {
    firstName: string;
    lastName: string;
    street: string;
    city: string;
    zipCode: string;
    countryCode: string;
    companyName: string | null;
    phoneNumber: string | null;
    modifiedAt: string | null;
  };
  method: { id: string; name: string };
  pickupPoint: {
    id: string;
    name: string;
    description: string;
    address: { street: string; zipCode: string; city: string; countryCode: string };
  } | null;
  cost: Money;
  time: {
    from: string;
    to: string;
    guaranteed: { from: string; to: string } | null;
    dispatch: { from: string; to: string };
  } | null;
  smart: boolean;
  cancellation: { date: string } | null;
  calculatedNumberOfPackages: number;
}

export interface CheckoutFormInvoice {
  required: boolean;
  address: {
    street: string;
    city: string;
    zipCode: string;
    countryCode: string;
    company: {
      name: string;
      ids: { type: string; value: string }[];
      vatPayerStatus: string;
      taxId: string;
    } | null;
    naturalPerson: { firstName: string; lastName: string } | null;
  } | null;
  dueDate: string | null;
  features: string[];
}

export interface CheckoutFormLineItem {
  id: string;
  offer: { id: string; name: string; external: { id: string } | null; productSet: unknown };
  quantity: number;
  originalPrice: Money;
  price: Money;
  selectedAdditionalServices: unknown[];
  vouchers: unknown[];
  tax: { rate: string; subject: string; exemption: string | null } | null;
  boughtAt: string;
  discounts: { type: string }[];
}

export interface CheckoutForm {
  id: string;
  messageToSeller: string | null;
  buyer: CheckoutFormBuyer;
  payment: CheckoutFormPayment | null;
  status: CheckoutFormStatus;
  fulfillment: CheckoutFormFulfillment;
  delivery: CheckoutFormDelivery | null;
  invoice: CheckoutFormInvoice;
  lineItems: CheckoutFormLineItem[];
  surcharges: unknown[];
  note: { text: string } | null;
  marketplace: { id: string };
  summary: { totalToPay: Money };
  updatedAt: string;
  revision: string;
}

export type OrderEventType =
  'BOUGHT' | 'FILLED_IN' | 'READY_FOR_PROCESSING' | 'BUYER_CANCELLED' | 'FULFILLMENT_STATUS_CHANGED' | 'BUYER_MODIFIED' | 'AUTO_CANCELLED';

/** One journal entry as the store keeps it; the `order` snapshot is rendered from the checkout form on read. */
export interface OrderEventRecord {
  /** numeric string, increasing: occurredAt in microseconds, bumped by one where two events share a millisecond */
  id: string;
  idNum: number;
  type: OrderEventType;
  occurredAt: string;
  checkoutFormId: string;
  revision: string;
}

export interface OrderEvent {
  id: string;
  order: {
    seller: { id: string };
    buyer: {
      id: string;
      email: string;
      login: string;
      guest: boolean;
      preferences: { language: string } | null;
    };
    lineItems: {
      id: string;
      offer: { id: string; name: string; external: { id: string } | null };
      quantity: number;
      originalPrice: Money;
      price: Money;
      boughtAt: string;
    }[];
    checkoutForm: { id: string; revision: string };
    marketplace: { id: string };
  };
  type: OrderEventType;
  occurredAt: string;
}

export type OfferPublicationStatus = 'INACTIVE' | 'ACTIVATING' | 'ACTIVE' | 'ENDED';

/** An offer as `GET /sale/offers` lists it (OffersSearchResultDto.offers[]). */
export interface SaleOffer {
  id: string;
  name: string;
  category: { id: string };
  primaryImage: { url: string } | null;
  sellingMode: {
    format: string;
    price: Money;
    priceAutomation: unknown;
    minimalPrice: Money | null;
    startingPrice: Money | null;
  };
  saleInfo: { currentPrice: Money | null; biddersCount: number };
  stock: { available: number; sold: number };
  stats: { watchersCount: number; visitsCount: number };
  publication: {
    status: OfferPublicationStatus;
    startingAt: string | null;
    startedAt: string | null;
    endingAt: string | null;
    endedAt: string | null;
    marketplaces: { base: { id: string }; additional: { id: string }[] };
  };
  afterSalesServices: {
    impliedWarranty: { id: string } | null;
    returnPolicy: { id: string } | null;
    warranty: { id: string } | null;
  } | null;
  additionalServices: { id: string } | null;
  external: { id: string } | null;
  delivery: { shippingRates: { id: string } | null };
  b2b: { buyableOnlyByBusiness: boolean };
  fundraisingCampaign: { id: string } | null;
  isFulfillment: boolean;
  additionalMarketplaces: Record<string, unknown>;
}

export type OfferEventType =
  | 'OFFER_ACTIVATED'
  | 'OFFER_CHANGED'
  | 'OFFER_ENDED'
  | 'OFFER_STOCK_CHANGED'
  | 'OFFER_PRICE_CHANGED'
  | 'OFFER_ARCHIVED'
  | 'OFFER_BID_PLACED'
  | 'OFFER_BID_CANCELED'
  | 'OFFER_TRANSLATION_UPDATED'
  | 'OFFER_VISIBILITY_CHANGED';

export interface OfferEventRecord {
  /** opaque cursor: base64 of an increasing sequence number, like the ids real offer events carry */
  id: string;
  seq: number;
  type: OfferEventType;
  occurredAt: string;
  offerId: string;
}

export interface Seller {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  companyName: string;
  taxId: string;
}

/** `InitializeRefund.reason` / `RefundDetails.reason` (developer.allegro.pl, operation initiateRefund). */
export const REFUND_REASONS = [
  'REFUND',
  'COMPLAINT',
  'PRODUCT_NOT_AVAILABLE',
  'PAID_VALUE_TOO_LOW',
  'OVERPAID',
  'CANCELLED_BY_BUYER',
  'NOT_COLLECTED',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** `RefundDetails.status`: what a refund answers with. */
export type RefundStatus = 'SUCCESS' | 'CANCELED' | 'PARTIAL' | 'IN_PROGRESS' | 'VALIDATED' | 'VALIDATE_FAILED' | 'NEW';
/** The `status` filter of `GET /payments/refunds` (a different list from the statuses answered, as the spec has it). */
export const REFUND_STATUS_FILTERS = ['WAITING', 'IN_PROGRESS', 'SUCCESS', 'CANCELED', 'PARTIAL'] as const;
export type RefundStatusFilter = (typeof REFUND_STATUS_FILTERS)[number];

/** `RefundLineItem`: QUANTITY refunds whole items (`quantity`), AMOUNT a part of the line's price (`value`). */
export interface RefundLineItem {
  id: string;
  type: 'QUANTITY' | 'AMOUNT';
  quantity?: number;
  value: Money | null;
}

/** `RefundDetails`, as `POST /payments/refunds` answers and `GET /payments/refunds` lists it. */
export interface RefundDetails {
  id: string;
  payment: { id: string };
  order: { id: string };
  reason: RefundReason;
  status: RefundStatus;
  createdAt: string;
  totalValue: Money;
  lineItems: RefundLineItem[];
  delivery: { value: Money } | null;
  overpaid: { value: Money } | null;
  surcharges: { id: string; value: Money }[];
  additionalServices: { value: Money } | null;
  sellerComment: string | null;
}

export interface ErrorEntry {
  code: string;
  message: string;
  details: string | null;
  path: string | null;
  userMessage: string | null;
  metadata: Record<string, string>;
}
