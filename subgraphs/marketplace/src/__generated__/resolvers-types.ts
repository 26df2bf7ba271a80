import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MarketplaceOrderModel, MarketplaceOfferModel, MarketplaceOrderLineModel } from '../upstream/marketplace-client.ts';
import type { MarketplaceContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
  Decimal: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  countryCode: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

/**
 * The carrier of a parcel, recognised from the source's carrier id or name; OTHER (with `carrierName` as written) for
 * any carrier not listed.
 */
export type Carrier =
  | 'ALLEGRO_ONE'
  | 'DHL'
  | 'DPD'
  | 'FEDEX'
  | 'GLS'
  | 'INPOST'
  | 'ORLEN_PACZKA'
  | 'OTHER'
  | 'POCZTA_POLSKA'
  | 'UPS';

/**
 * A person as one channel knows them: what the channel matched on, and the identifiers the CRM can link by. Channels
 * hand these to the CRM subgraph (`@requires`); clients read them through `Customer.identities`, `CustomerLookup.matches`
 * and an order's `customerCandidates`.
 */
export type ChannelIdentity = {
  __typename?: 'ChannelIdentity';
  companyName?: Maybe<Scalars['String']['output']>;
  /** a real e-mail address; Allegro relay addresses are never given */
  email?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** the channel's id of the person: WooCommerce customer id, Allegro buyer id, Odoo partner id; null for e-shop guests */
  id?: Maybe<Scalars['ID']['output']>;
  kind: IdentityKind;
  lastName?: Maybe<Scalars['String']['output']>;
  /** Allegro login */
  login?: Maybe<Scalars['String']['output']>;
  /** what in the channel matched (the lookup criterion, or the customer's identity the channel was asked about) */
  matchedOn: IdentityRule;
  /** NIP, 10 digits */
  nip?: Maybe<Scalars['String']['output']>;
  /** the Polish national number, 9 digits */
  phone?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  /** when the channel first saw this identity (account created, first order); null when the source does not say */
  since?: Maybe<Scalars['DateTime']['output']>;
  source: IdentitySource;
};

/**
 * Allegro's view of a CRM customer: given the Allegro buyer login the CRM holds, the list of their checkout forms, for
 * the merged order list. Never matched through Allegro's masked buyer e-mail.
 */
export type Customer = {
  __typename?: 'Customer';
  allegroBuyerLogin?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /**
   * The customer as Allegro knows them: the buyer account behind the login the CRM links (STORED_LINK), since their
   * first purchase. Null when Allegro could not be asked.
   */
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
};

/**
 * A customer search, keyed by its normalised criterion (`email:…`, `phone:<9 digits>`, `name:<folded words>`,
 * `allegroLogin:…`, `company:<folded>`, `nip:<10 digits>`); the CRM subgraph owns it and links what each channel finds.
 */
export type CustomerLookup = {
  __typename?: 'CustomerLookup';
  key: Scalars['ID']['output'];
  /** Allegro buyers the criterion matches (login; phone where the buyer directory knows it); null when Allegro could not be asked */
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
};

export type Delivery = {
  __typename?: 'Delivery';
  address?: Maybe<Address>;
  cost: Money;
  method: DeliveryMethod;
  /** the channel's name of the delivery method */
  name: Scalars['String']['output'];
  /** set for PARCEL_LOCKER */
  parcelLocker?: Maybe<ParcelLocker>;
  /** set for STORE_PICKUP */
  store?: Maybe<Location>;
};

export type DeliveryMethod =
  | 'COURIER'
  | 'PARCEL_LOCKER'
  | 'STORE_PICKUP';

/** An outgoing delivery of the order in the ERP (Odoo stock.picking of the sale order the connector created). */
export type ErpDelivery = {
  __typename?: 'ErpDelivery';
  /** the carrier as Odoo names it (delivery.carrier); null for click-and-collect */
  carrierName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** when it was validated (shipped or handed over); null while not done */
  doneAt?: Maybe<Scalars['DateTime']['output']>;
  /** the picking's name, e.g. WAW1/OUT/00012 */
  name: Scalars['String']['output'];
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  /** the Odoo picking state: draft, waiting, confirmed, assigned, done, cancel */
  state: Scalars['String']['output'];
  /** the carrier's parcel number (carrier_tracking_ref); null until shipped */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};

/** What kind of identifier an identity is. */
export type IdentityKind =
  /** an Allegro buyer account (buyer id and login) */
  | 'ALLEGRO_BUYER'
  /** an e-mail address (never an Allegro relay address) */
  | 'EMAIL'
  /** an ERP (Odoo) partner */
  | 'ERP_PARTNER'
  /** a registered e-shop (WooCommerce) customer */
  | 'ESHOP_CUSTOMER'
  /** e-shop guest orders placed without an account (WooCommerce customer id 0) */
  | 'ESHOP_GUEST'
  /** a phone number, as E.164 where it is a valid Polish number */
  | 'PHONE';

/** How an identity or a match is linked to a CRM customer. Nothing is ever merged automatically. */
export type IdentityRule =
  /** the same company name (case and diacritics ignored) */
  | 'COMPANY_MATCH'
  /** held by the CRM contact itself (its own e-mails and phones) */
  | 'CRM_RECORD'
  /** the same e-mail address (the contact's primary or an additional one); never an Allegro relay address */
  | 'EMAIL_MATCH'
  /** the same first and last name (case and diacritics ignored); a suggestion only */
  | 'NAME_MATCH'
  /** the same NIP (tax id) */
  | 'NIP_MATCH'
  /** the same phone number (compared as the national number) */
  | 'PHONE_MATCH'
  /** the CRM stores the link: woocommerce_customer_id, allegro_buyer_id / allegro_buyer_login, odoo_partner_id */
  | 'STORED_LINK';

/** Where an identity of a person is held. */
export type IdentitySource =
  | 'CRM'
  | 'ERP'
  | 'ESHOP'
  | 'MARKETPLACE';

export type Location = {
  __typename?: 'Location';
  code: Scalars['ID']['output'];
};

export type MarketplaceCreateRefundInput = {
  lines: Array<MarketplaceRefundLineInput>;
  /** global order id, marketplace:<checkout-form id> */
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type MarketplaceOffer = {
  __typename?: 'MarketplaceOffer';
  availableQuantity: Scalars['Int']['output'];
  offerId: Scalars['ID']['output'];
  price: Money;
  soldQuantity: Scalars['Int']['output'];
  status: MarketplaceOfferStatus;
  /**
   * when `availableQuantity` was read from the marketplace: Allegro's offer listing gives no time the stock last
   * changed
   */
  stockAsOf: Scalars['DateTime']['output'];
  /** the system `availableQuantity` comes from: always MARKETPLACE */
  stockSource: StockSource;
  title: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type MarketplaceOfferStatus =
  | 'ACTIVATING'
  | 'ACTIVE'
  | 'ENDED'
  | 'INACTIVE';

export type MarketplaceOrder = Order & {
  __typename?: 'MarketplaceOrder';
  /** the buyer as the checkout form shows them (buyer id, login, phone, name, postcode, invoice company and NIP); never the relay e-mail */
  buyerIdentity?: Maybe<ChannelIdentity>;
  /** the buyer's Allegro login */
  buyerLogin: Scalars['String']['output'];
  channel: OrderChannel;
  channelStatus: Scalars['String']['output'];
  /** when the buyer received or collected the order, where Allegro tells it; null otherwise */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** coupon codes of the order: always empty (an Allegro checkout form carries none) */
  couponCodes: Array<Scalars['String']['output']>;
  delivery: Delivery;
  /** the ERP's outgoing deliveries of this order (owned by the erp subgraph); null when the ERP could not be asked */
  erpDeliveries?: Maybe<Array<ErpDelivery>>;
  id: Scalars['ID']['output'];
  /** the buyer's invoice data; null when the order carries none */
  invoice?: Maybe<OrderInvoice>;
  lines: Array<OrderLine>;
  number: Scalars['String']['output'];
  paymentStatus: PaymentStatus;
  placedAt: Scalars['DateTime']['output'];
  /** the order's payment refunds (Allegro GET /payments/refunds), newest first */
  returns: Array<OrderReturn>;
  /**
   * The order's parcels: the channel's tracking data merged with the ERP's deliveries (one per tracking number), oldest
   * first. Without the ERP (down, or the order never reached it) the channel's own. Null (with the error) when the
   * channel could not be asked for its parcels: the order's other fields are still answered.
   */
  shipments?: Maybe<Array<Shipment>>;
  status: OrderStatus;
  /**
   * what happened to the order, oldest first: the channel's events and, where the order reached the ERP, its deliveries'
   * states. A part the channel could not be asked for (notes, parcels, refunds) is left out and the channel is reported
   * unavailable in the response's source statuses; the rest is still answered.
   */
  timeline: Array<OrderEvent>;
  totals: OrderTotals;
};

export type MarketplaceRefundLineInput = {
  /** the checkout form's line item id (OrderLine.id) */
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type MarketplaceRefundResult = {
  __typename?: 'MarketplaceRefundResult';
  amount: Money;
  created: Scalars['Boolean']['output'];
  refundId: Scalars['ID']['output'];
  status: Scalars['String']['output'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Refunds the returned lines of a checkout form (POST /payments/refunds), or returns the refund already made for this key. */
  marketplaceCreateRefund: MarketplaceRefundResult;
};


export type MutationMarketplaceCreateRefundArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: MarketplaceCreateRefundInput;
};

/** The shape every channel's order shares. */
export type Order = {
  channel: OrderChannel;
  /** the channel's raw status, e.g. on-hold or READY_FOR_PROCESSING */
  channelStatus: Scalars['String']['output'];
  delivery: Delivery;
  /** global id: channel prefix and the channel's id, e.g. eshop:10482 */
  id: Scalars['ID']['output'];
  invoice?: Maybe<OrderInvoice>;
  lines: Array<OrderLine>;
  /** the channel's own order number */
  number: Scalars['String']['output'];
  paymentStatus: PaymentStatus;
  placedAt: Scalars['DateTime']['output'];
  shipments?: Maybe<Array<Shipment>>;
  status: OrderStatus;
  timeline: Array<OrderEvent>;
  totals: OrderTotals;
};

export type OrderChannel =
  | 'ESHOP'
  | 'MARKETPLACE';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  id: Scalars['ID']['output'];
  /**
   * This channel's newest orders after the page's cursor (at most `first`) and its count; null when Allegro could
   * not be asked (crm then names the channel unavailable). Empty, with no call, when the page keeps the other channel.
   */
  marketplaceSlice?: Maybe<OrderSlice>;
};

export type OrderEvent = {
  __typename?: 'OrderEvent';
  at: Scalars['DateTime']['output'];
  /** the source's own word for the event: a WooCommerce status, an Allegro event type, an Odoo picking state */
  channelStatus?: Maybe<Scalars['String']['output']>;
  kind: OrderEventKind;
  source: OrderRecordSource;
  /** the order's status after the event, where the event sets one */
  status?: Maybe<OrderStatus>;
  /** the note's or event's text as written (order notes can name the customer) */
  text?: Maybe<Scalars['String']['output']>;
};

/** What happened to an order, oldest first in `timeline`. */
export type OrderEventKind =
  /** the order was cancelled */
  | 'CANCELLED'
  /** the buyer received or collected the order */
  | 'DELIVERED'
  /** a note written on the order (e-shop order note); its text is in `text` */
  | 'NOTE'
  /** the payment was received */
  | 'PAID'
  /** the buyer placed the order */
  | 'PLACED'
  /** money went back to the buyer */
  | 'REFUNDED'
  /** a parcel was handed to the carrier */
  | 'SHIPPED'
  /** the order moved to another status (`status`) */
  | 'STATUS_CHANGED'
  /** the ERP's delivery changed state (picking: waiting, ready, done) */
  | 'WAREHOUSE';

/** The buyer's invoice data as the channel holds it. */
export type OrderInvoice = {
  __typename?: 'OrderInvoice';
  address?: Maybe<Address>;
  companyName?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  /** the Polish NIP, 10 digits, when the tax id is one */
  nip?: Maybe<Scalars['String']['output']>;
  /** the buyer asked for a VAT invoice (Allegro invoice.required; on the e-shop: a NIP or the shop's invoice flag) */
  required: Scalars['Boolean']['output'];
  /** the tax id as the buyer typed it (e.g. PL 521-300-00-00, or a foreign VAT id) */
  taxId?: Maybe<Scalars['String']['output']>;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  /** the line's discount in money, gross: quantity × unitPrice − lineTotal (coupons on WooCommerce, Allegro's price reductions) */
  discount: Money;
  /** the channel's line id (WooCommerce line item id, Allegro line item id) */
  id?: Maybe<Scalars['ID']['output']>;
  /** what the buyer pays for the line, gross, as the channel states it (WooCommerce total + total_tax; Allegro price × quantity) */
  lineTotal: Money;
  name: Scalars['String']['output'];
  /** the gross unit price before any discount (WooCommerce line subtotal incl. tax ÷ quantity; Allegro originalPrice, else price) */
  originalUnitPrice: Money;
  product?: Maybe<Product>;
  quantity: Scalars['Int']['output'];
  /** how many of this line the channel has refunded */
  returnedQuantity: Scalars['Int']['output'];
  /** null when the channel no longer knows the SKU */
  sku?: Maybe<Scalars['ID']['output']>;
  /**
   * The gross unit price before the line's discount: lineTotal = quantity × unitPrice − discount, exactly
   * (docs/money-model.md). Until issue 12 it was the price after the discount, rounded from the line total; it now equals
   * originalUnitPrice.
   */
  unitPrice: Money;
  /** the line's VAT rate in percent, e.g. 23 (Allegro lineItems[].tax.rate; WooCommerce the line's tax rate); null when the channel does not say */
  vatRate?: Maybe<Scalars['Decimal']['output']>;
};

/** Where a record about an order comes from. */
export type OrderRecordSource =
  | 'ERP'
  | 'ESHOP'
  | 'MARKETPLACE';

export type OrderRef = {
  __typename?: 'OrderRef';
  id: Scalars['ID']['output'];
  /** EshopOrder or MarketplaceOrder */
  typename: Scalars['String']['output'];
};

export type OrderReferenceHit = {
  __typename?: 'OrderReferenceHit';
  kind: OrderReferenceKind;
  placedAt?: Maybe<Scalars['DateTime']['output']>;
  ref: OrderRef;
};

/** What one channel found for a reference. */
export type OrderReferenceHits = {
  __typename?: 'OrderReferenceHits';
  hits: Array<OrderReferenceHit>;
  /** the reference has the form of one of this channel's references (so an empty `hits` means NOT_FOUND there) */
  recognised: Scalars['Boolean']['output'];
};

/** The kinds of order reference a customer or a parcel label gives. */
export type OrderReferenceKind =
  /** an Allegro checkout-form id (UUID) */
  | 'ALLEGRO_CHECKOUT_FORM_ID'
  /** an ERP (Odoo) sale-order name, e.g. S00042 */
  | 'ERP_SALE_ORDER_NAME'
  /** the e-shop's order number as the shop shows it (`15228`, `#15228`, or a numbering plugin's number) */
  | 'ESHOP_ORDER_NUMBER'
  /** a parcel / tracking number of a delivery */
  | 'TRACKING_NUMBER';

/** An order reference as asked (trimmed); the CRM subgraph owns it and picks the order from what each channel finds. */
export type OrderReferenceLookup = {
  __typename?: 'OrderReferenceLookup';
  /** Allegro orders the reference names (checkout-form id); null when Allegro could not be asked */
  marketplaceHits?: Maybe<OrderReferenceHits>;
  reference: Scalars['String']['output'];
};

/** A refund of (part of) an order, as the channel records it. */
export type OrderReturn = {
  __typename?: 'OrderReturn';
  /** what the customer gets back */
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  /** the channel's refund id */
  id: Scalars['ID']['output'];
  lines: Array<OrderReturnLine>;
  /** the channel's refund status (WooCommerce: completed; Allegro: START, NEW, IN_PROGRESS, SUCCESS, FAILED…) */
  status: Scalars['String']['output'];
  /** the store that took the goods back, when the return was registered through Omnigraph and the channel keeps it */
  store?: Maybe<Location>;
};

export type OrderReturnLine = {
  __typename?: 'OrderReturnLine';
  /** the money refunded for this line, gross; null when the channel does not split the refund by line */
  amount?: Maybe<Money>;
  /** the order line refunded (OrderLine.id); null when the channel does not say */
  lineId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Int']['output'];
  sku?: Maybe<Scalars['ID']['output']>;
};

export type OrderSlice = {
  __typename?: 'OrderSlice';
  hasMore: Scalars['Boolean']['output'];
  orders: Array<OrderSummary>;
  totalCount: Scalars['Int']['output'];
};

export type OrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'ON_HOLD'
  | 'PENDING_PAYMENT'
  | 'PROCESSING'
  | 'READY_FOR_PICKUP'
  | 'REFUNDED'
  | 'SHIPPED';

export type OrderSummary = {
  __typename?: 'OrderSummary';
  placedAt: Scalars['DateTime']['output'];
  ref: OrderRef;
};

/**
 * An order's money, gross, in the order's currency. total = Σ lines.lineTotal + shipping + fees, to the grosz
 * (docs/money-model.md).
 */
export type OrderTotals = {
  __typename?: 'OrderTotals';
  /**
   * Σ lines.discount: already deducted in the line totals (and so in total); informational, never subtract it again
   * (docs/money-model.md)
   */
  discount: Money;
  /**
   * fees on top of lines and shipping, gross (WooCommerce fee_lines, negative for a fee that lowers the total; Allegro
   * lineItems[].selectedAdditionalServices)
   */
  fees: Money;
  /** delivery cost, gross (all WooCommerce shipping lines; Allegro delivery.cost) */
  shipping: Money;
  tax?: Maybe<Money>;
  /** what the buyer pays for the order, as the channel states it (WooCommerce total, Allegro summary.totalToPay) */
  total: Money;
};

export type ParcelLocker = {
  __typename?: 'ParcelLocker';
  address?: Maybe<Address>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type PaymentStatus =
  | 'CASH_ON_DELIVERY'
  | 'PAID'
  | 'REFUNDED'
  | 'UNPAID';

export type Product = {
  __typename?: 'Product';
  /**
   * The seller's Allegro offers for this SKU (its external id), active or not; null (with the error, and the source
   * status of `marketplace`) when Allegro could not be asked: the product's other fields are still answered.
   */
  marketplaceOffers?: Maybe<Array<MarketplaceOffer>>;
  sku: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** An Allegro order by its checkout-form id; null when there is none (BAD_USER_INPUT when the id is not a UUID). */
  marketplaceOrder?: Maybe<MarketplaceOrder>;
};


export type QueryMarketplaceOrderArgs = {
  checkoutFormId: Scalars['ID']['input'];
};

/** A parcel of (part of) an order: the channel's own tracking data and the ERP's outgoing deliveries, one per tracking number. */
export type Shipment = {
  __typename?: 'Shipment';
  carrier: Carrier;
  /** the carrier as the source writes it, e.g. "InPost Paczkomaty 24/7" */
  carrierName: Scalars['String']['output'];
  /** the record's id at its first source (Allegro shipment id, WooCommerce fulfillment or tracking item id, Odoo picking name) */
  id: Scalars['ID']['output'];
  /** the order lines in the parcel (OrderLine.id); empty when the source does not say (the whole order) */
  lineIds: Array<Scalars['ID']['output']>;
  /** when the parcel was handed to the carrier; null when no source says */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  /** every source that knows this parcel (the channel, the ERP, or both), the first one giving `id` */
  sources: Array<OrderRecordSource>;
  /** null while the parcel has no number yet (an ERP delivery not yet shipped) */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /** the carrier's public tracking page for this number; null for OTHER carriers without a link of their own */
  trackingUrl?: Maybe<Scalars['String']['output']>;
};

/** The system a stock figure comes from; the same enum in every subgraph that serves stock. */
export type StockSource =
  | 'ERP'
  | 'ESHOP'
  | 'MARKETPLACE';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Customer: Customer;
  CustomerLookup: CustomerLookup;
  MarketplaceOrder: MarketplaceOrder;
  OrderConnection: OrderConnection;
  OrderReferenceLookup: OrderReferenceLookup;
  Product: Product;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"allegroBuyerLogin":true}> ) );
  CustomerLookup:
    ( { __typename: 'CustomerLookup' }
    & GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"key":true}> );
  MarketplaceOrder:
    ( { __typename: 'MarketplaceOrder' }
    & GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"erpDeliveries":{"name":true,"state":true,"carrierName":true,"trackingNumber":true,"createdAt":true,"scheduledAt":true,"doneAt":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"erpDeliveries":{"name":true,"state":true,"carrierName":true,"trackingNumber":true,"createdAt":true,"scheduledAt":true,"doneAt":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"erpDeliveries":{"name":true,"state":true,"carrierName":true,"trackingNumber":true,"createdAt":true,"scheduledAt":true,"doneAt":true}}> ) );
  OrderConnection:
    ( { __typename: 'OrderConnection' }
    & GraphQLRecursivePick<FederationTypes['OrderConnection'], {"id":true}> );
  OrderReferenceLookup:
    ( { __typename: 'OrderReferenceLookup' }
    & GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"reference":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Order: ( MarketplaceOrderModel );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  Carrier: Carrier;
  ChannelIdentity: ResolverTypeWrapper<ChannelIdentity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Customer: ResolverTypeWrapper<Customer>;
  CustomerLookup: ResolverTypeWrapper<CustomerLookup>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Delivery: ResolverTypeWrapper<Delivery>;
  DeliveryMethod: DeliveryMethod;
  ErpDelivery: ResolverTypeWrapper<ErpDelivery>;
  IdentityKind: IdentityKind;
  IdentityRule: IdentityRule;
  IdentitySource: IdentitySource;
  Location: ResolverTypeWrapper<Location>;
  MarketplaceCreateRefundInput: MarketplaceCreateRefundInput;
  MarketplaceOffer: ResolverTypeWrapper<MarketplaceOfferModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MarketplaceOfferStatus: MarketplaceOfferStatus;
  MarketplaceOrder: ResolverTypeWrapper<MarketplaceOrderModel>;
  MarketplaceRefundLineInput: MarketplaceRefundLineInput;
  MarketplaceRefundResult: ResolverTypeWrapper<MarketplaceRefundResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Order']>;
  OrderChannel: OrderChannel;
  OrderConnection: ResolverTypeWrapper<OrderConnection>;
  OrderEvent: ResolverTypeWrapper<OrderEvent>;
  OrderEventKind: OrderEventKind;
  OrderInvoice: ResolverTypeWrapper<OrderInvoice>;
  OrderLine: ResolverTypeWrapper<MarketplaceOrderLineModel>;
  OrderRecordSource: OrderRecordSource;
  OrderRef: ResolverTypeWrapper<OrderRef>;
  OrderReferenceHit: ResolverTypeWrapper<OrderReferenceHit>;
  OrderReferenceHits: ResolverTypeWrapper<OrderReferenceHits>;
  OrderReferenceKind: OrderReferenceKind;
  OrderReferenceLookup: ResolverTypeWrapper<OrderReferenceLookup>;
  OrderReturn: ResolverTypeWrapper<OrderReturn>;
  OrderReturnLine: ResolverTypeWrapper<OrderReturnLine>;
  OrderSlice: ResolverTypeWrapper<OrderSlice>;
  OrderStatus: OrderStatus;
  OrderSummary: ResolverTypeWrapper<OrderSummary>;
  OrderTotals: ResolverTypeWrapper<OrderTotals>;
  ParcelLocker: ResolverTypeWrapper<ParcelLocker>;
  PaymentStatus: PaymentStatus;
  Product: ResolverTypeWrapper<Omit<Product, 'marketplaceOffers'> & { marketplaceOffers?: Maybe<Array<ResolversTypes['MarketplaceOffer']>> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Shipment: ResolverTypeWrapper<Shipment>;
  StockSource: StockSource;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  ChannelIdentity: ChannelIdentity;
  ID: Scalars['ID']['output'];
  Customer: Customer | FederationReferenceTypes['Customer'];
  CustomerLookup: CustomerLookup | FederationReferenceTypes['CustomerLookup'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Delivery: Delivery;
  ErpDelivery: ErpDelivery;
  Location: Location;
  MarketplaceCreateRefundInput: MarketplaceCreateRefundInput;
  MarketplaceOffer: MarketplaceOfferModel;
  Int: Scalars['Int']['output'];
  MarketplaceOrder: MarketplaceOrderModel;
  MarketplaceRefundLineInput: MarketplaceRefundLineInput;
  MarketplaceRefundResult: MarketplaceRefundResult;
  Boolean: Scalars['Boolean']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: ResolversInterfaceTypes<ResolversParentTypes>['Order'];
  OrderConnection: OrderConnection | FederationReferenceTypes['OrderConnection'];
  OrderEvent: OrderEvent;
  OrderInvoice: OrderInvoice;
  OrderLine: MarketplaceOrderLineModel;
  OrderRef: OrderRef;
  OrderReferenceHit: OrderReferenceHit;
  OrderReferenceHits: OrderReferenceHits;
  OrderReferenceLookup: OrderReferenceLookup | FederationReferenceTypes['OrderReferenceLookup'];
  OrderReturn: OrderReturn;
  OrderReturnLine: OrderReturnLine;
  OrderSlice: OrderSlice;
  OrderSummary: OrderSummary;
  OrderTotals: OrderTotals;
  ParcelLocker: ParcelLocker;
  Product: Omit<Product, 'marketplaceOffers'> & { marketplaceOffers?: Maybe<Array<ResolversParentTypes['MarketplaceOffer']>> } | FederationReferenceTypes['Product'];
  Query: Record<PropertyKey, never>;
  Shipment: Shipment;
  String: Scalars['String']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = MarketplaceContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChannelIdentityResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['ChannelIdentity'] = ResolversParentTypes['ChannelIdentity']> = ResolversObject<{
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IdentityKind'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  login?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  matchedOn?: Resolver<ResolversTypes['IdentityRule'], ParentType, ContextType>;
  nip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['IdentitySource'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marketplaceIdentities?: Resolver<Maybe<Array<ResolversTypes['ChannelIdentity']>>, ParentType, ContextType>;
}>;

export type CustomerLookupResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['CustomerLookup'] = ResolversParentTypes['CustomerLookup'], FederationReferenceType extends FederationReferenceTypes['CustomerLookup'] = FederationReferenceTypes['CustomerLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marketplaceIdentities?: Resolver<Maybe<Array<ResolversTypes['ChannelIdentity']>>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DeliveryResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Delivery'] = ResolversParentTypes['Delivery']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['DeliveryMethod'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parcelLocker?: Resolver<Maybe<ResolversTypes['ParcelLocker']>, ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
}>;

export type ErpDeliveryResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['ErpDelivery'] = ResolversParentTypes['ErpDelivery']> = ResolversObject<{
  carrierName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  doneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MarketplaceOfferResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['MarketplaceOffer'] = ResolversParentTypes['MarketplaceOffer']> = ResolversObject<{
  availableQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  soldQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MarketplaceOfferStatus'], ParentType, ContextType>;
  stockAsOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stockSource?: Resolver<ResolversTypes['StockSource'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MarketplaceOrderResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['MarketplaceOrder'] = ResolversParentTypes['MarketplaceOrder'], FederationReferenceType extends FederationReferenceTypes['MarketplaceOrder'] = FederationReferenceTypes['MarketplaceOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MarketplaceOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buyerIdentity?: Resolver<Maybe<ResolversTypes['ChannelIdentity']>, ParentType, ContextType>;
  buyerLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['OrderChannel'], ParentType, ContextType>;
  channelStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  couponCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['Delivery'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['OrderInvoice']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentStatus?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  returns?: Resolver<Array<ResolversTypes['OrderReturn']>, ParentType, ContextType>;
  shipments?: Resolver<Maybe<Array<ResolversTypes['Shipment']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['OrderEvent']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['OrderTotals'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MarketplaceRefundResultResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['MarketplaceRefundResult'] = ResolversParentTypes['MarketplaceRefundResult']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refundId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  marketplaceCreateRefund?: Resolver<ResolversTypes['MarketplaceRefundResult'], ParentType, ContextType, RequireFields<MutationMarketplaceCreateRefundArgs, 'idempotencyKey' | 'input'>>;
}>;

export type OrderResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  __resolveType: TypeResolveFn<'MarketplaceOrder', ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection'], FederationReferenceType extends FederationReferenceTypes['OrderConnection'] = FederationReferenceTypes['OrderConnection']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrderConnection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marketplaceSlice?: Resolver<Maybe<ResolversTypes['OrderSlice']>, ParentType, ContextType>;
}>;

export type OrderEventResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderEvent'] = ResolversParentTypes['OrderEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channelStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrderEventKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['OrderRecordSource'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderInvoiceResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderInvoice'] = ResolversParentTypes['OrderInvoice']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originalUnitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returnedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  vatRate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
}>;

export type OrderRefResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderRef'] = ResolversParentTypes['OrderRef']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderReferenceHitResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderReferenceHit'] = ResolversParentTypes['OrderReferenceHit']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['OrderReferenceKind'], ParentType, ContextType>;
  placedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['OrderRef'], ParentType, ContextType>;
}>;

export type OrderReferenceHitsResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderReferenceHits'] = ResolversParentTypes['OrderReferenceHits']> = ResolversObject<{
  hits?: Resolver<Array<ResolversTypes['OrderReferenceHit']>, ParentType, ContextType>;
  recognised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type OrderReferenceLookupResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderReferenceLookup'] = ResolversParentTypes['OrderReferenceLookup'], FederationReferenceType extends FederationReferenceTypes['OrderReferenceLookup'] = FederationReferenceTypes['OrderReferenceLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrderReferenceLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  marketplaceHits?: Resolver<Maybe<ResolversTypes['OrderReferenceHits']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderReturnResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderReturn'] = ResolversParentTypes['OrderReturn']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderReturnLine']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
}>;

export type OrderReturnLineResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderReturnLine'] = ResolversParentTypes['OrderReturnLine']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  lineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type OrderSliceResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderSlice'] = ResolversParentTypes['OrderSlice']> = ResolversObject<{
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['OrderSummary']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderSummaryResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderSummary'] = ResolversParentTypes['OrderSummary']> = ResolversObject<{
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['OrderRef'], ParentType, ContextType>;
}>;

export type OrderTotalsResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['OrderTotals'] = ResolversParentTypes['OrderTotals']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ParcelLockerResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['ParcelLocker'] = ResolversParentTypes['ParcelLocker']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  marketplaceOffers?: Resolver<Maybe<Array<ResolversTypes['MarketplaceOffer']>>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  marketplaceOrder?: Resolver<Maybe<ResolversTypes['MarketplaceOrder']>, ParentType, ContextType, RequireFields<QueryMarketplaceOrderArgs, 'checkoutFormId'>>;
}>;

export type ShipmentResolvers<ContextType = MarketplaceContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['Carrier'], ParentType, ContextType>;
  carrierName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['OrderRecordSource']>, ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trackingUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = MarketplaceContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  ChannelIdentity?: ChannelIdentityResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerLookup?: CustomerLookupResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Delivery?: DeliveryResolvers<ContextType>;
  ErpDelivery?: ErpDeliveryResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  MarketplaceOffer?: MarketplaceOfferResolvers<ContextType>;
  MarketplaceOrder?: MarketplaceOrderResolvers<ContextType>;
  MarketplaceRefundResult?: MarketplaceRefundResultResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEvent?: OrderEventResolvers<ContextType>;
  OrderInvoice?: OrderInvoiceResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderRef?: OrderRefResolvers<ContextType>;
  OrderReferenceHit?: OrderReferenceHitResolvers<ContextType>;
  OrderReferenceHits?: OrderReferenceHitsResolvers<ContextType>;
  OrderReferenceLookup?: OrderReferenceLookupResolvers<ContextType>;
  OrderReturn?: OrderReturnResolvers<ContextType>;
  OrderReturnLine?: OrderReturnLineResolvers<ContextType>;
  OrderSlice?: OrderSliceResolvers<ContextType>;
  OrderSummary?: OrderSummaryResolvers<ContextType>;
  OrderTotals?: OrderTotalsResolvers<ContextType>;
  ParcelLocker?: ParcelLockerResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = MarketplaceContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
