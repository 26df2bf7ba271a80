/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO 8601 date-time with offset, e.g. 2026-05-12T08:12:47.101Z. */
  DateTime: { input: string; output: string; }
  /** Exact decimal number as a string (e.g. "246.00"); never a float, so money survives every hop unchanged. */
  Decimal: { input: string; output: string; }
};

export type AddCustomerNoteInput = {
  /** 1–5000 characters */
  body: Scalars['String']['input'];
  /** CRM (HubSpot) contact id */
  customerId: Scalars['ID']['input'];
};

export type AddCustomerNotePayload = {
  __typename?: 'AddCustomerNotePayload';
  /** Requires scopes: customers:read. */
  customer?: Maybe<Customer>;
  /** Requires scopes: customers:pii, customers:read. */
  note?: Maybe<CustomerNote>;
  operation: WriteOperation;
};

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2, e.g. PL */
  countryCode: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, default PL */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  street: Scalars['String']['input'];
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

/** A product category of the ERP (Odoo product.category). */
export type Category = {
  __typename?: 'Category';
  /** Requires scopes: catalog:read. */
  children: Array<Category>;
  /** Requires scopes: catalog:read. */
  id: Scalars['ID']['output'];
  /** Requires scopes: catalog:read. */
  name: Scalars['String']['output'];
  /** Requires scopes: catalog:read. */
  parent?: Maybe<Category>;
  /**
   * the full path as Odoo writes it (complete_name), e.g. "All / Saleable / AGD drobne"
   *
   * Requires scopes: catalog:read.
   */
  path: Scalars['String']['output'];
};

export type ChannelDriftCount = {
  __typename?: 'ChannelDriftCount';
  /** Requires scopes: pricing:read. */
  channel: SalesChannel;
  /** Requires scopes: pricing:read. */
  skus: Scalars['Int']['output'];
};

/**
 * A person as one channel knows them: what the channel matched on, and the identifiers the CRM can link by. Channels
 * hand these to the CRM subgraph (`@requires`); clients read them through `Customer.identities`, `CustomerLookup.matches`
 * and an order's `customerCandidates`.
 */
export type ChannelIdentity = {
  __typename?: 'ChannelIdentity';
  /** Requires scopes: customers:pii. */
  companyName?: Maybe<Scalars['String']['output']>;
  /**
   * a real e-mail address; Allegro relay addresses are never given
   *
   * Requires scopes: customers:pii.
   */
  email?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:pii. */
  firstName?: Maybe<Scalars['String']['output']>;
  /**
   * the channel's id of the person: WooCommerce customer id, Allegro buyer id, Odoo partner id; null for e-shop guests
   *
   * Requires scopes: customers:pii.
   */
  id?: Maybe<Scalars['ID']['output']>;
  /** Requires scopes: customers:pii. */
  kind: IdentityKind;
  /** Requires scopes: customers:pii. */
  lastName?: Maybe<Scalars['String']['output']>;
  /**
   * Allegro login
   *
   * Requires scopes: customers:pii.
   */
  login?: Maybe<Scalars['String']['output']>;
  /**
   * what in the channel matched (the lookup criterion, or the customer's identity the channel was asked about)
   *
   * Requires scopes: customers:pii.
   */
  matchedOn: IdentityRule;
  /**
   * NIP, 10 digits
   *
   * Requires scopes: customers:pii.
   */
  nip?: Maybe<Scalars['String']['output']>;
  /**
   * the Polish national number, 9 digits
   *
   * Requires scopes: customers:pii.
   */
  phone?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:pii. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /**
   * when the channel first saw this identity (account created, first order); null when the source does not say
   *
   * Requires scopes: customers:pii.
   */
  since?: Maybe<Scalars['DateTime']['output']>;
  /** Requires scopes: customers:pii. */
  source: IdentitySource;
};

export type ChannelPrice = {
  __typename?: 'ChannelPrice';
  /**
   * the listing is live (e-shop: published; Allegro: ACTIVE)
   *
   * Requires scopes: pricing:read.
   */
  active: Scalars['Boolean']['output'];
  /** Requires scopes: pricing:read. */
  channel: SalesChannel;
  /**
   * what a buyer pays now (the sale price while one is active)
   *
   * Requires scopes: pricing:read.
   */
  currentPrice: Money;
  /**
   * regularPrice − the ERP price (negative when the channel is cheaper)
   *
   * Requires scopes: pricing:read.
   */
  drift: Money;
  /**
   * drift in percent of the ERP price, 2 decimals
   *
   * Requires scopes: pricing:read.
   */
  driftPercent: Scalars['Decimal']['output'];
  /**
   * the channel's id of the listing: WooCommerce product id, Allegro offer id
   *
   * Requires scopes: pricing:read.
   */
  listingId: Scalars['ID']['output'];
  /**
   * set when status is PROMOTION
   *
   * Requires scopes: pricing:read.
   */
  promotion?: Maybe<Promotion>;
  /**
   * the channel's own price before any sale (e-shop regular price; Allegro offer price)
   *
   * Requires scopes: pricing:read.
   */
  regularPrice: Money;
  /** Requires scopes: pricing:read. */
  status: PriceStatus;
};

export type Consents = {
  __typename?: 'Consents';
  /** Requires scopes: customers:read. */
  emailMarketing: Scalars['Boolean']['output'];
  /** Requires scopes: customers:read. */
  phoneMarketing: Scalars['Boolean']['output'];
  /** Requires scopes: customers:read. */
  profiling: Scalars['Boolean']['output'];
  /** Requires scopes: customers:read. */
  smsMarketing: Scalars['Boolean']['output'];
  /** Requires scopes: customers:read. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The CRM's golden record of a person, with the links to their channel identities. */
export type Customer = {
  __typename?: 'Customer';
  /**
   * the contact's additional e-mail addresses (HubSpot hs_additional_emails), Allegro relay addresses left out
   *
   * Requires scopes: customers:pii, customers:read.
   */
  additionalEmails: Array<Scalars['String']['output']>;
  /**
   * the contact's postal address (HubSpot address, city, zip, country); null when the CRM holds no street or no city, or a
   * country that cannot be read as an ISO 3166-1 code (HubSpot's country is free text: "Poland", "Polska", "PL" all read)
   *
   * Requires scopes: customers:pii, customers:read.
   */
  address?: Maybe<Address>;
  /** Requires scopes: customers:pii, customers:read. */
  allegroBuyerId?: Maybe<Scalars['ID']['output']>;
  /** Requires scopes: customers:pii, customers:read. */
  allegroBuyerLogin?: Maybe<Scalars['String']['output']>;
  /**
   * the company the contact buys for, as the CRM holds it
   *
   * Requires scopes: customers:pii, customers:read.
   */
  companyName?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:read. */
  consents: Consents;
  /** Requires scopes: customers:pii, customers:read. */
  email?: Maybe<Scalars['String']['output']>;
  /**
   * null when the ERP could not be asked
   *
   * Requires scopes: customers:pii, customers:read.
   */
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  /** Requires scopes: customers:pii, customers:read. */
  erpPartnerId?: Maybe<Scalars['ID']['output']>;
  /**
   * What this customer pays for the given SKUs under the pricelist of their linked ERP partner (Odoo
   * property_product_pricelist), next to the list price, in the order asked; null entries for SKUs the ERP does not
   * know. Null when the customer has no linked ERP partner.
   *
   * Requires scopes: catalog:read, customers:read.
   */
  erpPrices?: Maybe<Array<Maybe<CustomerPrice>>>;
  /**
   * e-shop (WooCommerce) customer id, when the CRM knows it
   *
   * Requires scopes: customers:pii, customers:read.
   */
  eshopCustomerId?: Maybe<Scalars['ID']['output']>;
  /**
   * The customer as the e-shop knows them: the registered account the CRM links (STORED_LINK) and guest orders
   * placed with the customer's e-mail (EMAIL_MATCH), each with since when. Null when the e-shop could not be asked.
   *
   * Requires scopes: customers:pii, customers:read.
   */
  eshopIdentities?: Maybe<Array<ChannelIdentity>>;
  /** Requires scopes: customers:pii, customers:read. */
  firstName?: Maybe<Scalars['String']['output']>;
  /**
   * CRM (HubSpot) contact id
   *
   * Requires scopes: customers:read.
   */
  id: Scalars['ID']['output'];
  /**
   * Every identity the customer is known by, in the CRM and in each channel, with how it is linked and since when.
   * A channel that cannot be asked is left out (its error is in the response).
   *
   * Requires scopes: customers:pii, customers:read.
   */
  identities: Array<CustomerIdentity>;
  /** Requires scopes: customers:pii, customers:read. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:read. */
  loyalty: Loyalty;
  /**
   * The customer as Allegro knows them: the buyer account behind the login the CRM links (STORED_LINK), since their
   * first purchase. Null when Allegro could not be asked.
   *
   * Requires scopes: customers:pii, customers:read.
   */
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
  /** Requires scopes: customers:pii, customers:read. */
  name: Scalars['String']['output'];
  /**
   * notes left on the contact (HubSpot notes associated with it), newest first; null when the CRM could not be asked
   *
   * Requires scopes: customers:pii, customers:read.
   */
  notes?: Maybe<Array<CustomerNote>>;
  /**
   * The customer's orders from every channel in one list, newest first. `after` is the `endCursor` of the previous page
   * (BAD_USER_INPUT when it is not one); `channel` keeps one channel. When a channel cannot be reached its orders are
   * missing, `unavailableChannels` names it and the response carries that channel's error.
   *
   * Requires scopes: customers:read, orders:read.
   */
  orders: OrderConnection;
  /**
   * as stored in the CRM
   *
   * Requires scopes: customers:pii, customers:read.
   */
  phone?: Maybe<Scalars['String']['output']>;
  /**
   * the same number in E.164, e.g. +48600100200; null when it is not a valid Polish number
   *
   * Requires scopes: customers:pii, customers:read.
   */
  phoneE164?: Maybe<Scalars['String']['output']>;
};


/** The CRM's golden record of a person, with the links to their channel identities. */
export type CustomerErpPricesArgs = {
  skus: Array<Scalars['ID']['input']>;
};


/** The CRM's golden record of a person, with the links to their channel identities. */
export type CustomerNotesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The CRM's golden record of a person, with the links to their channel identities. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<OrderChannel>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One identity of a customer and how it is linked. */
export type CustomerIdentity = {
  __typename?: 'CustomerIdentity';
  /** Requires scopes: customers:pii. */
  kind: IdentityKind;
  /** Requires scopes: customers:pii. */
  link: IdentityRule;
  /**
   * since when the source has it (account created, first order, link stored); null when the source does not say
   *
   * Requires scopes: customers:pii.
   */
  since?: Maybe<Scalars['DateTime']['output']>;
  /** Requires scopes: customers:pii. */
  source: IdentitySource;
  /**
   * an e-mail address, an E.164 phone, or the channel's id of the person (an Allegro buyer: the login)
   *
   * Requires scopes: customers:pii.
   */
  value: Scalars['String']['output'];
};

/**
 * A customer search, keyed by its normalised criterion (`email:…`, `phone:<9 digits>`, `name:<folded words>`,
 * `allegroLogin:…`, `company:<folded>`, `nip:<10 digits>`); the CRM subgraph owns it and links what each channel finds.
 */
export type CustomerLookup = {
  __typename?: 'CustomerLookup';
  /**
   * ERP partners the criterion matches (NIP, company name, e-mail, phone); null when the ERP could not be asked
   *
   * Requires scopes: customers:pii, customers:read.
   */
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  /**
   * e-shop customers and guest buyers the criterion matches (e-mail, phone, company); null when the e-shop could not be asked
   *
   * Requires scopes: customers:pii, customers:read.
   */
  eshopIdentities?: Maybe<Array<ChannelIdentity>>;
  /** Requires scopes: customers:pii, customers:read. */
  key: Scalars['ID']['output'];
  /**
   * Allegro buyers the criterion matches (login; phone where the buyer directory knows it); null when Allegro could not be asked
   *
   * Requires scopes: customers:pii, customers:read.
   */
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
  /**
   * Every CRM customer the criterion identifies, strongest evidence first, at most `first`. A channel that could not be
   * asked is named in `unavailableSources` (with its error); what the others found is still answered.
   *
   * Requires scopes: customers:pii, customers:read.
   */
  matches: Array<CustomerMatch>;
  /** Requires scopes: customers:pii, customers:read. */
  unavailableSources: Array<IdentitySource>;
};

/** A CRM customer some criterion or order suggests, and why. */
export type CustomerMatch = {
  __typename?: 'CustomerMatch';
  /** Requires scopes: customers:pii, customers:read. */
  customer: Customer;
  /**
   * every rule that links the criterion to this customer, strongest first
   *
   * Requires scopes: customers:pii, customers:read.
   */
  rules: Array<IdentityRule>;
  /**
   * where the evidence came from
   *
   * Requires scopes: customers:pii, customers:read.
   */
  sources: Array<IdentitySource>;
};

/** A note on a customer (a HubSpot note associated with the contact). */
export type CustomerNote = {
  __typename?: 'CustomerNote';
  /**
   * the note's text (HubSpot hs_note_body, HTML tags removed)
   *
   * Requires scopes: customers:pii, customers:read.
   */
  body: Scalars['String']['output'];
  /**
   * hs_timestamp: when the note was taken
   *
   * Requires scopes: customers:pii, customers:read.
   */
  createdAt: Scalars['DateTime']['output'];
  /**
   * HubSpot note id
   *
   * Requires scopes: customers:pii, customers:read.
   */
  id: Scalars['ID']['output'];
};

export type CustomerPrice = {
  __typename?: 'CustomerPrice';
  /** Requires scopes: catalog:read, customers:read. */
  listPrice: Price;
  /**
   * what the customer pays for one unit (quantity 1)
   *
   * Requires scopes: catalog:read, customers:read.
   */
  price: Price;
  /**
   * the pricelist the price comes from (Odoo product.pricelist name, e.g. "Stali klienci"); null for the list price
   *
   * Requires scopes: catalog:read, customers:read.
   */
  pricelist?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: catalog:read, customers:read. */
  sku: Scalars['ID']['output'];
};

export type Delivery = {
  __typename?: 'Delivery';
  /** Requires scopes: customers:pii, orders:read. */
  address?: Maybe<Address>;
  /** Requires scopes: orders:read. */
  cost: Money;
  /** Requires scopes: orders:read. */
  method: DeliveryMethod;
  /**
   * the channel's name of the delivery method
   *
   * Requires scopes: orders:read.
   */
  name: Scalars['String']['output'];
  /**
   * set for PARCEL_LOCKER
   *
   * Requires scopes: customers:pii, orders:read.
   */
  parcelLocker?: Maybe<ParcelLocker>;
  /**
   * set for STORE_PICKUP
   *
   * Requires scopes: orders:read.
   */
  store?: Maybe<Location>;
};

export type DeliveryInput = {
  /** COURIER: where to; the CRM address when omitted */
  address?: InputMaybe<AddressInput>;
  method: DeliveryMethodInput;
  /** PARCEL_LOCKER: the locker's id, e.g. POZ08A */
  parcelLockerId?: InputMaybe<Scalars['String']['input']>;
  /** STORE_PICKUP: the store's ERP warehouse code, e.g. WAW1 */
  storeCode?: InputMaybe<Scalars['ID']['input']>;
};

export type DeliveryMethod =
  | 'COURIER'
  | 'PARCEL_LOCKER'
  | 'STORE_PICKUP';

export type DeliveryMethodInput =
  | 'COURIER'
  | 'PARCEL_LOCKER'
  | 'STORE_PICKUP';

/** An outgoing delivery of the order in the ERP (Odoo stock.picking of the sale order the connector created). */
export type ErpDelivery = {
  __typename?: 'ErpDelivery';
  /**
   * the carrier as Odoo names it (delivery.carrier); null for click-and-collect
   *
   * Requires scopes: orders:read.
   */
  carrierName?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: orders:read. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * when it was validated (shipped or handed over); null while not done
   *
   * Requires scopes: orders:read.
   */
  doneAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * the picking's name, e.g. WAW1/OUT/00012
   *
   * Requires scopes: orders:read.
   */
  name: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * the Odoo picking state: draft, waiting, confirmed, assigned, done, cancel
   *
   * Requires scopes: orders:read.
   */
  state: Scalars['String']['output'];
  /**
   * the carrier's parcel number (carrier_tracking_ref); null until shipped
   *
   * Requires scopes: orders:read.
   */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /**
   * the warehouse or store the goods leave from
   *
   * Requires scopes: orders:read.
   */
  warehouse?: Maybe<Location>;
};

export type EshopListing = {
  __typename?: 'EshopListing';
  /**
   * the shop's categories of the listing (a variation's parent's), e.g. ["AGD drobne"]
   *
   * Requires scopes: catalog:read.
   */
  categories: Array<Scalars['String']['output']>;
  /**
   * the listing's description as the shop stores it (HTML); a variation's own, else its parent's
   *
   * Requires scopes: catalog:read.
   */
  description?: Maybe<Scalars['String']['output']>;
  /**
   * the listing's images, main image first (a variation's own image first, then its parent's gallery)
   *
   * Requires scopes: catalog:read.
   */
  images: Array<ProductImage>;
  /** Requires scopes: catalog:read. */
  name: Scalars['String']['output'];
  /** Requires scopes: catalog:read. */
  onSale: Scalars['Boolean']['output'];
  /**
   * the price a shopper pays now (the sale price while on sale)
   *
   * Requires scopes: catalog:read.
   */
  price: Money;
  /** Requires scopes: catalog:read. */
  productId: Scalars['ID']['output'];
  /** Requires scopes: catalog:read. */
  regularPrice: Money;
  /**
   * when the scheduled sale ends (WooCommerce date_on_sale_to_gmt); null for an open-ended sale or no sale
   *
   * Requires scopes: catalog:read.
   */
  saleEndsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requires scopes: catalog:read. */
  salePrice?: Maybe<Money>;
  /**
   * when the scheduled sale starts (WooCommerce date_on_sale_from_gmt); null for a sale without a start date or no sale
   *
   * Requires scopes: catalog:read.
   */
  saleStartsAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * the short description (HTML); a variation's parent's
   *
   * Requires scopes: catalog:read.
   */
  shortDescription?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: catalog:read. */
  status: EshopListingStatus;
  /**
   * when `stockStatus` and `stockQuantity` were read from the e-shop: WooCommerce's `date_modified_gmt` does not move
   * when an order reduces stock, so the shop gives no time the figure last changed
   *
   * Requires scopes: catalog:read, stock:read.
   */
  stockAsOf: Scalars['DateTime']['output'];
  /** Requires scopes: catalog:read, stock:read. */
  stockQuantity?: Maybe<Scalars['Int']['output']>;
  /**
   * the system `stockStatus` and `stockQuantity` come from: always ESHOP
   *
   * Requires scopes: catalog:read, stock:read.
   */
  stockSource: StockSource;
  /** Requires scopes: catalog:read, stock:read. */
  stockStatus: EshopStockStatus;
  /** Requires scopes: catalog:read. */
  url: Scalars['String']['output'];
};

export type EshopListingStatus =
  | 'DRAFT'
  | 'PRIVATE'
  | 'PUBLISHED';

/** The CRM customer an e-shop order belongs to, found by the order's billing e-mail. */
export type EshopOrder = Order & {
  __typename?: 'EshopOrder';
  /**
   * billing e-mail the order was placed with (guest orders have only this)
   *
   * Requires scopes: customers:pii, orders:read.
   */
  billingEmail?: Maybe<Scalars['String']['output']>;
  /**
   * the buyer as the order shows them (account id, billing e-mail, phone, name, postcode, company and NIP)
   *
   * Requires scopes: customers:pii, orders:read.
   */
  buyerIdentity?: Maybe<ChannelIdentity>;
  /** Requires scopes: orders:read. */
  channel: OrderChannel;
  /** Requires scopes: orders:read. */
  channelStatus: Scalars['String']['output'];
  /**
   * when the order was completed (delivered or collected); null before
   *
   * Requires scopes: orders:read.
   */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * the codes of the coupons applied to the order (WooCommerce coupon_lines), in the shop's order
   *
   * Requires scopes: orders:read.
   */
  couponCodes: Array<Scalars['String']['output']>;
  /** Requires scopes: customers:read, orders:read. */
  customer?: Maybe<Customer>;
  /**
   * For an order linked to no customer: the customers its buyer could be, each with the rules that suggest it (phone,
   * NIP, name and postcode). Empty when the order is linked. Nothing is merged automatically.
   *
   * Requires scopes: customers:pii, customers:read, orders:read.
   */
  customerCandidates: Array<CustomerMatch>;
  /**
   * The customer the order is linked to and how (STORED_LINK for a registered e-shop customer the CRM links,
   * EMAIL_MATCH for a guest order's billing e-mail); null when none.
   *
   * Requires scopes: customers:pii, customers:read, orders:read.
   */
  customerLink?: Maybe<CustomerMatch>;
  /** Requires scopes: orders:read. */
  delivery: Delivery;
  /**
   * the ERP's outgoing deliveries of this order, oldest first; empty when it never reached the ERP, null when the ERP could not be asked
   *
   * Requires scopes: orders:read.
   */
  erpDeliveries?: Maybe<Array<ErpDelivery>>;
  /** Requires scopes: orders:read. */
  id: Scalars['ID']['output'];
  /**
   * the buyer's invoice data; null when the order carries none
   *
   * Requires scopes: customers:pii, orders:read.
   */
  invoice?: Maybe<OrderInvoice>;
  /** Requires scopes: orders:read. */
  lines: Array<OrderLine>;
  /** Requires scopes: orders:read. */
  number: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  paymentStatus: PaymentStatus;
  /** Requires scopes: orders:read. */
  placedAt: Scalars['DateTime']['output'];
  /**
   * the order's refunds (WooCommerce refunds), newest first
   *
   * Requires scopes: orders:read.
   */
  returns: Array<OrderReturn>;
  /**
   * The order's parcels: the channel's tracking data merged with the ERP's deliveries (one per tracking number), oldest
   * first. Without the ERP (down, or the order never reached it) the channel's own. Null (with the error) when the
   * channel could not be asked for its parcels: the order's other fields are still answered.
   *
   * Requires scopes: orders:read.
   */
  shipments?: Maybe<Array<Shipment>>;
  /** Requires scopes: orders:read. */
  status: OrderStatus;
  /**
   * what happened to the order, oldest first: the channel's events and, where the order reached the ERP, its deliveries'
   * states. A part the channel could not be asked for (notes, parcels, refunds) is left out and the channel is reported
   * unavailable in the response's source statuses; the rest is still answered.
   *
   * Requires scopes: orders:read.
   */
  timeline: Array<OrderEvent>;
  /** Requires scopes: orders:read. */
  totals: OrderTotals;
};

export type EshopStockStatus =
  | 'IN_STOCK'
  | 'ON_BACKORDER'
  | 'OUT_OF_STOCK';

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type GeoPointInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
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

/** A store or warehouse; `code` is the ERP warehouse code (e.g. WAW1). */
export type Location = {
  __typename?: 'Location';
  address: Address;
  code: Scalars['ID']['output'];
  coordinates: GeoPoint;
  kind: LocationKind;
  name: Scalars['String']['output'];
  openingHours?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

export type LocationKind =
  | 'STORE'
  | 'WAREHOUSE';

export type Loyalty = {
  __typename?: 'Loyalty';
  /**
   * The loyalty points the CRM records (whole points); 0 when it records none. Null when the CRM holds a value that
   * cannot be read as a number ("n/a", or "1,250" in a portal that keeps points as text without CRM_NUMBER_LOCALE):
   * never a guessed number.
   *
   * Requires scopes: customers:read.
   */
  points?: Maybe<Scalars['Int']['output']>;
  /**
   * the tier; STANDARD, the entry tier, when the CRM records none or an option value the subgraph does not know
   *
   * Requires scopes: customers:read.
   */
  tier: LoyaltyTier;
};

export type LoyaltyTier =
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER'
  | 'STANDARD';

export type MarketplaceOffer = {
  __typename?: 'MarketplaceOffer';
  /** Requires scopes: catalog:read, stock:read. */
  availableQuantity: Scalars['Int']['output'];
  /** Requires scopes: catalog:read. */
  offerId: Scalars['ID']['output'];
  /** Requires scopes: catalog:read. */
  price: Money;
  /** Requires scopes: catalog:read. */
  soldQuantity: Scalars['Int']['output'];
  /** Requires scopes: catalog:read. */
  status: MarketplaceOfferStatus;
  /**
   * when `availableQuantity` was read from the marketplace: Allegro's offer listing gives no time the stock last
   * changed
   *
   * Requires scopes: catalog:read, stock:read.
   */
  stockAsOf: Scalars['DateTime']['output'];
  /**
   * the system `availableQuantity` comes from: always MARKETPLACE
   *
   * Requires scopes: catalog:read, stock:read.
   */
  stockSource: StockSource;
  /** Requires scopes: catalog:read. */
  title: Scalars['String']['output'];
  /** Requires scopes: catalog:read. */
  url: Scalars['String']['output'];
};

export type MarketplaceOfferStatus =
  | 'ACTIVATING'
  | 'ACTIVE'
  | 'ENDED'
  | 'INACTIVE';

/** The CRM customer an Allegro order belongs to, found by the buyer's Allegro login (never by the masked e-mail). */
export type MarketplaceOrder = Order & {
  __typename?: 'MarketplaceOrder';
  /**
   * the buyer as the checkout form shows them (buyer id, login, phone, name, postcode, invoice company and NIP); never the relay e-mail
   *
   * Requires scopes: customers:pii, orders:read.
   */
  buyerIdentity?: Maybe<ChannelIdentity>;
  /**
   * the buyer's Allegro login
   *
   * Requires scopes: customers:pii, orders:read.
   */
  buyerLogin: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  channel: OrderChannel;
  /** Requires scopes: orders:read. */
  channelStatus: Scalars['String']['output'];
  /**
   * when the buyer received or collected the order, where Allegro tells it; null otherwise
   *
   * Requires scopes: orders:read.
   */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * coupon codes of the order: always empty (an Allegro checkout form carries none)
   *
   * Requires scopes: orders:read.
   */
  couponCodes: Array<Scalars['String']['output']>;
  /** Requires scopes: customers:read, orders:read. */
  customer?: Maybe<Customer>;
  /**
   * For an order whose buyer links to no customer: the customers the buyer could be, each with the rules that suggest
   * it (phone, NIP, name and postcode; never the masked @allegromail.pl address). Empty when the order is linked.
   *
   * Requires scopes: customers:pii, customers:read, orders:read.
   */
  customerCandidates: Array<CustomerMatch>;
  /**
   * The customer the order is linked to and how (STORED_LINK through the Allegro login or buyer id the CRM holds); null when none.
   *
   * Requires scopes: customers:pii, customers:read, orders:read.
   */
  customerLink?: Maybe<CustomerMatch>;
  /** Requires scopes: orders:read. */
  delivery: Delivery;
  /**
   * the ERP's outgoing deliveries of this order, oldest first; empty when it never reached the ERP, null when the ERP could not be asked
   *
   * Requires scopes: orders:read.
   */
  erpDeliveries?: Maybe<Array<ErpDelivery>>;
  /** Requires scopes: orders:read. */
  id: Scalars['ID']['output'];
  /**
   * the buyer's invoice data; null when the order carries none
   *
   * Requires scopes: customers:pii, orders:read.
   */
  invoice?: Maybe<OrderInvoice>;
  /** Requires scopes: orders:read. */
  lines: Array<OrderLine>;
  /** Requires scopes: orders:read. */
  number: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  paymentStatus: PaymentStatus;
  /** Requires scopes: orders:read. */
  placedAt: Scalars['DateTime']['output'];
  /**
   * the order's payment refunds (Allegro GET /payments/refunds), newest first
   *
   * Requires scopes: orders:read.
   */
  returns: Array<OrderReturn>;
  /**
   * The order's parcels: the channel's tracking data merged with the ERP's deliveries (one per tracking number), oldest
   * first. Without the ERP (down, or the order never reached it) the channel's own. Null (with the error) when the
   * channel could not be asked for its parcels: the order's other fields are still answered.
   *
   * Requires scopes: orders:read.
   */
  shipments?: Maybe<Array<Shipment>>;
  /** Requires scopes: orders:read. */
  status: OrderStatus;
  /**
   * what happened to the order, oldest first: the channel's events and, where the order reached the ERP, its deliveries'
   * states. A part the channel could not be asked for (notes, parcels, refunds) is left out and the channel is reported
   * unavailable in the response's source statuses; the rest is still answered.
   *
   * Requires scopes: orders:read.
   */
  timeline: Array<OrderEvent>;
  /** Requires scopes: orders:read. */
  totals: OrderTotals;
};

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. PLN */
  currency: Scalars['String']['output'];
};

/**
 * Writes on behalf of a customer (ADR 0011). Each takes a client-chosen `idempotencyKey` (1–255 printable characters; a
 * UUID v4 per form instance is the norm): the same key with the same input answers the first request's result again
 * without writing twice; the same key with another input is IDEMPOTENCY_KEY_REUSED; a key whose first request is still
 * running waits for it, then IDEMPOTENCY_KEY_IN_PROGRESS. Keys are kept for COMMANDS_IDEMPOTENCY_TTL_HOURS (≥ 24).
 * When the idempotency store cannot be reached every write is refused with WRITES_UNAVAILABLE (reads go on).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds a note to a customer in the CRM (a HubSpot note associated with the contact).
   *
   * Requires scopes: notes:write.
   */
  addCustomerNote: AddCustomerNotePayload;
  /**
   * Places an e-shop (WooCommerce) order for a CRM customer: lines by SKU at the ERP list price (or the customer's ERP
   * pricelist price), billing from the CRM, delivery by courier, to a parcel locker or click-and-collect in a store.
   * A store pickup is refused with INSUFFICIENT_STOCK when that store cannot serve the quantities, and is reserved in
   * the ERP (a confirmed sale order for the store's warehouse, linked to the e-shop order).
   *
   * Requires scopes: orders:write.
   */
  placeOrder: PlaceOrderPayload;
  /**
   * Registers an in-store return of a delivered or collected e-shop or Allegro order: the refund of the returned lines
   * through the channel (WooCommerce refund, Allegro payment refund) and the goods booked into that store's stock in
   * the ERP. Refused with RETURN_NOT_ELIGIBLE (extensions.reason) or RETURN_QUANTITY_EXCEEDED, nothing written.
   *
   * Requires scopes: returns:write.
   */
  registerReturn: RegisterReturnPayload;
};


/**
 * Writes on behalf of a customer (ADR 0011). Each takes a client-chosen `idempotencyKey` (1–255 printable characters; a
 * UUID v4 per form instance is the norm): the same key with the same input answers the first request's result again
 * without writing twice; the same key with another input is IDEMPOTENCY_KEY_REUSED; a key whose first request is still
 * running waits for it, then IDEMPOTENCY_KEY_IN_PROGRESS. Keys are kept for COMMANDS_IDEMPOTENCY_TTL_HOURS (≥ 24).
 * When the idempotency store cannot be reached every write is refused with WRITES_UNAVAILABLE (reads go on).
 */
export type MutationAddCustomerNoteArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: AddCustomerNoteInput;
};


/**
 * Writes on behalf of a customer (ADR 0011). Each takes a client-chosen `idempotencyKey` (1–255 printable characters; a
 * UUID v4 per form instance is the norm): the same key with the same input answers the first request's result again
 * without writing twice; the same key with another input is IDEMPOTENCY_KEY_REUSED; a key whose first request is still
 * running waits for it, then IDEMPOTENCY_KEY_IN_PROGRESS. Keys are kept for COMMANDS_IDEMPOTENCY_TTL_HOURS (≥ 24).
 * When the idempotency store cannot be reached every write is refused with WRITES_UNAVAILABLE (reads go on).
 */
export type MutationPlaceOrderArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: PlaceOrderInput;
};


/**
 * Writes on behalf of a customer (ADR 0011). Each takes a client-chosen `idempotencyKey` (1–255 printable characters; a
 * UUID v4 per form instance is the norm): the same key with the same input answers the first request's result again
 * without writing twice; the same key with another input is IDEMPOTENCY_KEY_REUSED; a key whose first request is still
 * running waits for it, then IDEMPOTENCY_KEY_IN_PROGRESS. Keys are kept for COMMANDS_IDEMPOTENCY_TTL_HOURS (≥ 24).
 * When the idempotency store cannot be reached every write is refused with WRITES_UNAVAILABLE (reads go on).
 */
export type MutationRegisterReturnArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: RegisterReturnInput;
};

/** The shape every channel's order shares. */
export type Order = {
  /** Requires scopes: orders:read. */
  channel: OrderChannel;
  /**
   * the channel's raw status, e.g. on-hold or READY_FOR_PROCESSING
   *
   * Requires scopes: orders:read.
   */
  channelStatus: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  delivery: Delivery;
  /**
   * global id: channel prefix and the channel's id, e.g. eshop:10482
   *
   * Requires scopes: orders:read.
   */
  id: Scalars['ID']['output'];
  /** Requires scopes: customers:pii, orders:read. */
  invoice?: Maybe<OrderInvoice>;
  /** Requires scopes: orders:read. */
  lines: Array<OrderLine>;
  /**
   * the channel's own order number
   *
   * Requires scopes: orders:read.
   */
  number: Scalars['String']['output'];
  /** Requires scopes: orders:read. */
  paymentStatus: PaymentStatus;
  /** Requires scopes: orders:read. */
  placedAt: Scalars['DateTime']['output'];
  /** Requires scopes: orders:read. */
  shipments?: Maybe<Array<Shipment>>;
  /** Requires scopes: orders:read. */
  status: OrderStatus;
  /** Requires scopes: orders:read. */
  timeline: Array<OrderEvent>;
  /** Requires scopes: orders:read. */
  totals: OrderTotals;
};

export type OrderChannel =
  | 'ESHOP'
  | 'MARKETPLACE';

/**
 * One page of a customer's orders (ADR 0014). An entity so that each channel subgraph can add the slice this page needs:
 * the page's arguments cannot reach a `@requires`, a key can.
 */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** Requires scopes: orders:read. */
  edges: Array<OrderEdge>;
  /**
   * This channel's newest orders after the page's cursor (at most `first`) and its count; null when WooCommerce could
   * not be asked (crm then names the channel unavailable). Empty, with no call, when the page keeps the other channel.
   *
   * Requires scopes: orders:read.
   */
  eshopSlice?: Maybe<OrderSlice>;
  /**
   * This channel's newest orders after the page's cursor (at most `first`) and its count; null when Allegro could
   * not be asked (crm then names the channel unavailable). Empty, with no call, when the page keeps the other channel.
   *
   * Requires scopes: orders:read.
   */
  marketplaceSlice?: Maybe<OrderSlice>;
  /** Requires scopes: orders:read. */
  pageInfo: PageInfo;
  /**
   * number of orders across the channels asked (after the channel filter)
   *
   * Requires scopes: orders:read.
   */
  totalCount: Scalars['Int']['output'];
  /**
   * channels whose orders could not be read for this response (degraded mode); empty when all answered
   *
   * Requires scopes: orders:read.
   */
  unavailableChannels: Array<OrderChannel>;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Requires scopes: orders:read. */
  cursor: Scalars['String']['output'];
  /**
   * null when the order's channel could not be asked for its details (the error names the channel)
   *
   * Requires scopes: orders:read.
   */
  node?: Maybe<Order>;
};

export type OrderEvent = {
  __typename?: 'OrderEvent';
  /** Requires scopes: orders:read. */
  at: Scalars['DateTime']['output'];
  /**
   * the source's own word for the event: a WooCommerce status, an Allegro event type, an Odoo picking state
   *
   * Requires scopes: orders:read.
   */
  channelStatus?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: orders:read. */
  kind: OrderEventKind;
  /** Requires scopes: orders:read. */
  source: OrderRecordSource;
  /**
   * the order's status after the event, where the event sets one
   *
   * Requires scopes: orders:read.
   */
  status?: Maybe<OrderStatus>;
  /**
   * the note's or event's text as written (order notes can name the customer)
   *
   * Requires scopes: customers:pii, orders:read.
   */
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
  /** Requires scopes: customers:pii. */
  address?: Maybe<Address>;
  /** Requires scopes: customers:pii. */
  companyName?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:pii. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: customers:pii. */
  lastName?: Maybe<Scalars['String']['output']>;
  /**
   * the Polish NIP, 10 digits, when the tax id is one
   *
   * Requires scopes: customers:pii.
   */
  nip?: Maybe<Scalars['String']['output']>;
  /**
   * the buyer asked for a VAT invoice (Allegro invoice.required; on the e-shop: a NIP or the shop's invoice flag)
   *
   * Requires scopes: customers:pii.
   */
  required: Scalars['Boolean']['output'];
  /**
   * the tax id as the buyer typed it (e.g. PL 521-300-00-00, or a foreign VAT id)
   *
   * Requires scopes: customers:pii.
   */
  taxId?: Maybe<Scalars['String']['output']>;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  /**
   * the line's discount in money, gross: quantity × unitPrice − lineTotal (coupons on WooCommerce, Allegro's price reductions)
   *
   * Requires scopes: orders:read.
   */
  discount: Money;
  /**
   * the channel's line id (WooCommerce line item id, Allegro line item id)
   *
   * Requires scopes: orders:read.
   */
  id?: Maybe<Scalars['ID']['output']>;
  /**
   * what the buyer pays for the line, gross, as the channel states it (WooCommerce total + total_tax; Allegro price × quantity)
   *
   * Requires scopes: orders:read.
   */
  lineTotal: Money;
  /** Requires scopes: orders:read. */
  name: Scalars['String']['output'];
  /**
   * the gross unit price before any discount (WooCommerce line subtotal incl. tax ÷ quantity; Allegro originalPrice, else price)
   *
   * Requires scopes: orders:read.
   */
  originalUnitPrice: Money;
  /** Requires scopes: catalog:read, orders:read. */
  product?: Maybe<Product>;
  /** Requires scopes: orders:read. */
  quantity: Scalars['Int']['output'];
  /**
   * how many of this line the channel has refunded
   *
   * Requires scopes: orders:read.
   */
  returnedQuantity: Scalars['Int']['output'];
  /**
   * null when the channel no longer knows the SKU
   *
   * Requires scopes: orders:read.
   */
  sku?: Maybe<Scalars['ID']['output']>;
  /**
   * The gross unit price before the line's discount: lineTotal = quantity × unitPrice − discount, exactly
   * (docs/money-model.md). Until issue 12 it was the price after the discount, rounded from the line total; it now equals
   * originalUnitPrice.
   *
   * Requires scopes: orders:read.
   */
  unitPrice: Money;
  /**
   * the line's VAT rate in percent, e.g. 23 (Allegro lineItems[].tax.rate; WooCommerce the line's tax rate); null when the channel does not say
   *
   * Requires scopes: orders:read.
   */
  vatRate?: Maybe<Scalars['Decimal']['output']>;
};

export type OrderLineInput = {
  /** 1–999 */
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
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
  /** Requires scopes: orders:read. */
  kind: OrderReferenceKind;
  /** Requires scopes: orders:read. */
  placedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requires scopes: orders:read. */
  ref: OrderRef;
};

/** What one channel found for a reference. */
export type OrderReferenceHits = {
  __typename?: 'OrderReferenceHits';
  /** Requires scopes: orders:read. */
  hits: Array<OrderReferenceHit>;
  /**
   * the reference has the form of one of this channel's references (so an empty `hits` means NOT_FOUND there)
   *
   * Requires scopes: orders:read.
   */
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
  /**
   * channel orders an ERP sale-order name or a delivery's tracking number names (through the sale order's customer reference); null when the ERP could not be asked
   *
   * Requires scopes: orders:read.
   */
  erpHits?: Maybe<OrderReferenceHits>;
  /**
   * e-shop orders the reference names (order number, `#number`, a numbering plugin's number); null when the e-shop could not be asked
   *
   * Requires scopes: orders:read.
   */
  eshopHits?: Maybe<OrderReferenceHits>;
  /**
   * Allegro orders the reference names (checkout-form id); null when Allegro could not be asked
   *
   * Requires scopes: orders:read.
   */
  marketplaceHits?: Maybe<OrderReferenceHits>;
  /**
   * every order the reference names, newest first, with the kind of reference that matched; empty when none
   *
   * Requires scopes: orders:read.
   */
  matches: Array<OrderReferenceMatch>;
  /**
   * The order the reference names (the newest when it names several, e.g. one parcel for two orders). Null with
   * NOT_FOUND when a channel recognises its form but nobody knows it; null with BAD_USER_INPUT (`argumentName:
   * reference`) when no channel recognises it; null with the channel's error when a channel that recognises it could
   * not be asked.
   *
   * Requires scopes: orders:read.
   */
  order?: Maybe<Order>;
  /** Requires scopes: orders:read. */
  reference: Scalars['String']['output'];
};

export type OrderReferenceMatch = {
  __typename?: 'OrderReferenceMatch';
  /** Requires scopes: orders:read. */
  kind: OrderReferenceKind;
  /** Requires scopes: orders:read. */
  order: Order;
};

/** A refund of (part of) an order, as the channel records it. */
export type OrderReturn = {
  __typename?: 'OrderReturn';
  /**
   * what the customer gets back
   *
   * Requires scopes: orders:read.
   */
  amount: Money;
  /** Requires scopes: orders:read. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * the channel's refund id
   *
   * Requires scopes: orders:read.
   */
  id: Scalars['ID']['output'];
  /** Requires scopes: orders:read. */
  lines: Array<OrderReturnLine>;
  /**
   * the channel's refund status (WooCommerce: completed; Allegro: START, NEW, IN_PROGRESS, SUCCESS, FAILED…)
   *
   * Requires scopes: orders:read.
   */
  status: Scalars['String']['output'];
  /**
   * the store that took the goods back, when the return was registered through Omnigraph and the channel keeps it
   *
   * Requires scopes: orders:read.
   */
  store?: Maybe<Location>;
};

export type OrderReturnLine = {
  __typename?: 'OrderReturnLine';
  /**
   * the money refunded for this line, gross; null when the channel does not split the refund by line
   *
   * Requires scopes: orders:read.
   */
  amount?: Maybe<Money>;
  /**
   * the order line refunded (OrderLine.id); null when the channel does not say
   *
   * Requires scopes: orders:read.
   */
  lineId?: Maybe<Scalars['ID']['output']>;
  /** Requires scopes: orders:read. */
  quantity: Scalars['Int']['output'];
  /** Requires scopes: orders:read. */
  sku?: Maybe<Scalars['ID']['output']>;
};

/** One channel's part of an order page: its newest orders after the cursor, newest first, and how many it holds. */
export type OrderSlice = {
  __typename?: 'OrderSlice';
  /**
   * the channel holds more orders after the last of `orders`
   *
   * Requires scopes: orders:read.
   */
  hasMore: Scalars['Boolean']['output'];
  /**
   * at most `first`, each strictly after the cursor's position
   *
   * Requires scopes: orders:read.
   */
  orders: Array<OrderSummary>;
  /**
   * all of the channel's orders for the customer, whatever the cursor
   *
   * Requires scopes: orders:read.
   */
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
  /** Requires scopes: orders:read. */
  placedAt: Scalars['DateTime']['output'];
  /** Requires scopes: orders:read. */
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
   *
   * Requires scopes: orders:read.
   */
  discount: Money;
  /**
   * fees on top of lines and shipping, gross (WooCommerce fee_lines, negative for a fee that lowers the total; Allegro
   * lineItems[].selectedAdditionalServices)
   *
   * Requires scopes: orders:read.
   */
  fees: Money;
  /**
   * delivery cost, gross (all WooCommerce shipping lines; Allegro delivery.cost)
   *
   * Requires scopes: orders:read.
   */
  shipping: Money;
  /** Requires scopes: orders:read. */
  tax?: Maybe<Money>;
  /**
   * what the buyer pays for the order, as the channel states it (WooCommerce total, Allegro summary.totalToPay)
   *
   * Requires scopes: orders:read.
   */
  total: Money;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ParcelLocker = {
  __typename?: 'ParcelLocker';
  /** Requires scopes: customers:pii. */
  address?: Maybe<Address>;
  /** Requires scopes: customers:pii. */
  id: Scalars['ID']['output'];
  /** Requires scopes: customers:pii. */
  name?: Maybe<Scalars['String']['output']>;
};

export type PaymentStatus =
  | 'CASH_ON_DELIVERY'
  | 'PAID'
  | 'REFUNDED'
  | 'UNPAID';

export type PlaceOrderInput = {
  /** CRM (HubSpot) contact id */
  customerId: Scalars['ID']['input'];
  /** shown to the shop as the customer's note (≤ 500 characters) */
  customerNote?: InputMaybe<Scalars['String']['input']>;
  delivery: DeliveryInput;
  /** 1–50 lines, each SKU once */
  lines: Array<OrderLineInput>;
  /** LIST_PRICE (default): the ERP list price; CUSTOMER_PRICELIST: the customer's ERP pricelist price where it has one */
  pricing?: InputMaybe<PricingMode>;
};

export type PlaceOrderPayload = {
  __typename?: 'PlaceOrderPayload';
  /** STORE_PICKUP: the ERP sale order reserving the goods in the store (e.g. S00123) */
  erpReservation?: Maybe<Scalars['String']['output']>;
  operation: WriteOperation;
  /**
   * the new e-shop order; null while PENDING
   *
   * Requires scopes: orders:read.
   */
  order?: Maybe<EshopOrder>;
};

export type Price = {
  __typename?: 'Price';
  /** Requires scopes: catalog:read. */
  gross: Money;
  /** Requires scopes: catalog:read. */
  net: Money;
  /**
   * VAT rate in percent, e.g. 23
   *
   * Requires scopes: catalog:read.
   */
  vatRate: Scalars['Decimal']['output'];
};

export type PriceConsistency = {
  __typename?: 'PriceConsistency';
  /**
   * one entry per e-shop listing and per Allegro offer (active or not) of the SKU priced in the ERP's currency; a listing
   * priced in another currency (an allegro.cz offer in CZK) is left out: it cannot be compared without an exchange rate
   *
   * Requires scopes: pricing:read.
   */
  channels: Array<ChannelPrice>;
  /** Requires scopes: pricing:read. */
  checkedAt: Scalars['DateTime']['output'];
  /**
   * the ERP's gross list price (the reference)
   *
   * Requires scopes: pricing:read.
   */
  erpPrice: Money;
  /** Requires scopes: pricing:read. */
  sku: Scalars['ID']['output'];
  /**
   * DRIFT when any channel drifts, else PROMOTION when any is on promotion, else OK
   *
   * Requires scopes: pricing:read.
   */
  status: PriceStatus;
  /**
   * channels that could not be asked for this answer
   *
   * Requires scopes: pricing:read.
   */
  unavailableChannels: Array<SalesChannel>;
};

export type PriceDriftEntry = {
  __typename?: 'PriceDriftEntry';
  /** Requires scopes: pricing:read. */
  erpPrice: Money;
  /** Requires scopes: pricing:read. */
  price: ChannelPrice;
  /**
   * the product itself is the catalogue's: reading it needs catalog:read as well
   *
   * Requires scopes: catalog:read, pricing:read.
   */
  product: Product;
  /**
   * the SKU, for a caller without catalog:read
   *
   * Requires scopes: pricing:read.
   */
  sku: Scalars['ID']['output'];
};

export type PriceDriftReport = {
  __typename?: 'PriceDriftReport';
  /** Requires scopes: pricing:read. */
  checkedAt: Scalars['DateTime']['output'];
  /**
   * how many SKUs drift, per channel
   *
   * Requires scopes: pricing:read.
   */
  driftedPerChannel: Array<ChannelDriftCount>;
  /**
   * one entry per drifting SKU and listing, largest |driftPercent| first
   *
   * Requires scopes: pricing:read.
   */
  entries: Array<PriceDriftEntry>;
  /**
   * SKUs compared (active ERP SKUs listed in the channels asked)
   *
   * Requires scopes: pricing:read.
   */
  skusChecked: Scalars['Int']['output'];
  /**
   * the threshold asked, in percent
   *
   * Requires scopes: pricing:read.
   */
  threshold: Scalars['Decimal']['output'];
  /**
   * channels that could not be asked (the report then covers the others)
   *
   * Requires scopes: pricing:read.
   */
  unavailableChannels: Array<SalesChannel>;
};

export type PriceStatus =
  /** the channel's regular price differs from the ERP's */
  | 'DRIFT'
  /** the channel asks the ERP's gross list price, to the grosz */
  | 'OK'
  /** the channel's regular price is the ERP's, and a sale price is active (e-shop sale) */
  | 'PROMOTION';

export type PricingMode =
  | 'CUSTOMER_PRICELIST'
  | 'LIST_PRICE';

/** A product variant as the ERP (Odoo) knows it. The SKU is the key shared by every channel. */
export type Product = {
  __typename?: 'Product';
  /** Requires scopes: catalog:read. */
  active: Scalars['Boolean']['output'];
  /**
   * the product's category in the ERP
   *
   * Requires scopes: catalog:read.
   */
  category?: Maybe<Category>;
  /**
   * EAN-13 / GTIN; null when the ERP has none
   *
   * Requires scopes: catalog:read.
   */
  ean?: Maybe<Scalars['String']['output']>;
  /**
   * The e-shop (WooCommerce) listing of this SKU; null when the e-shop does not list it.
   *
   * Requires scopes: catalog:read.
   */
  eshopListing?: Maybe<EshopListing>;
  /**
   * ERP list price
   *
   * Requires scopes: catalog:read.
   */
  listPrice: Price;
  /**
   * The seller's Allegro offers for this SKU (its external id), active or not; null (with the error, and the source
   * status of `marketplace`) when Allegro could not be asked: the product's other fields are still answered.
   *
   * Requires scopes: catalog:read.
   */
  marketplaceOffers?: Maybe<Array<MarketplaceOffer>>;
  /** Requires scopes: catalog:read. */
  name: Scalars['String']['output'];
  /**
   * What this ERP partner pays under their pricelist (Odoo `property_product_pricelist`): the list price when the
   * pricelist has no rule for the product. Null when the ERP has no such partner.
   *
   * Requires scopes: catalog:read, customers:read.
   */
  partnerPrice?: Maybe<Price>;
  /**
   * The ERP list price against what each channel asks: the e-shop's regular and sale price and every Allegro offer of
   * the SKU. Null (with the error) when the ERP could not be asked; a channel that could not be asked is listed in
   * `unavailableChannels`.
   *
   * Requires scopes: catalog:read, pricing:read.
   */
  priceConsistency?: Maybe<PriceConsistency>;
  /** Requires scopes: catalog:read. */
  sku: Scalars['ID']['output'];
  /**
   * Stock per location (internal locations only); restricted to `locationCodes` when given.
   *
   * Requires scopes: catalog:read, stock:read.
   */
  stock: Array<StockLevel>;
  /**
   * the unit of measure the ERP sells it in (Odoo uom_id), e.g. "Units", "kg"
   *
   * Requires scopes: catalog:read.
   */
  unit: Scalars['String']['output'];
};


/** A product variant as the ERP (Odoo) knows it. The SKU is the key shared by every channel. */
export type ProductPartnerPriceArgs = {
  erpPartnerId: Scalars['ID']['input'];
};


/** A product variant as the ERP (Odoo) knows it. The SKU is the key shared by every channel. */
export type ProductStockArgs = {
  locationCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** Requires scopes: catalog:read. */
  edges: Array<ProductEdge>;
  /** Requires scopes: catalog:read. */
  pageInfo: PageInfo;
  /**
   * how many products match the whole search
   *
   * Requires scopes: catalog:read.
   */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Requires scopes: catalog:read. */
  cursor: Scalars['String']['output'];
  /** Requires scopes: catalog:read. */
  node: Product;
};

export type ProductImage = {
  __typename?: 'ProductImage';
  /**
   * the image's alt text; null when empty
   *
   * Requires scopes: catalog:read.
   */
  alt?: Maybe<Scalars['String']['output']>;
  /** Requires scopes: catalog:read. */
  url: Scalars['String']['output'];
};

export type Promotion = {
  __typename?: 'Promotion';
  /**
   * null when the sale has no end date
   *
   * Requires scopes: pricing:read.
   */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requires scopes: pricing:read. */
  price: Money;
  /**
   * null when the sale has no start date
   *
   * Requires scopes: pricing:read.
   */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The ERP's product category tree (Odoo product.category): the root categories, each with its children.
   *
   * Requires scopes: catalog:read.
   */
  categories: Array<Category>;
  /**
   * One category by id; null when the ERP has none.
   *
   * Requires scopes: catalog:read.
   */
  category?: Maybe<Category>;
  /**
   * A customer by CRM id; null when there is none. BAD_USER_INPUT (`argumentName: id`) for what cannot be a CRM id.
   *
   * Requires scopes: customers:read.
   */
  customer?: Maybe<Customer>;
  /**
   * Who is calling: every CRM customer one criterion identifies, in the CRM or in a channel (an e-mail or phone used in
   * the e-shop or on Allegro but not in the CRM, an ERP partner's NIP or company name), each with the rules that link
   * it. Exactly one criterion, as for `findCustomers`, plus `nip` (10 digits, separators and a `PL` prefix allowed).
   * Needs `customers:pii`. Null (with the error) for a malformed criterion.
   *
   * Requires scopes: customers:pii, customers:read.
   */
  customerLookup?: Maybe<CustomerLookup>;
  /**
   * An e-shop order by its order number; null when there is none.
   *
   * Requires scopes: orders:read.
   */
  eshopOrder?: Maybe<EshopOrder>;
  /**
   * Customers the CRM finds by exactly one criterion: `email` (the contact's primary or any additional address,
   * case-insensitive), `phone` in any common format (+48 600 100 200, 600-100-200, 0048600100200 find the same person),
   * `name` (every word must match a first or last name; case and Polish diacritics ignored: "Wisniewski" finds
   * "Wiśniewski"), `allegroLogin` (the Allegro login the CRM links) or `company` (the contact's company name, case and
   * diacritics ignored). Only what the CRM itself holds: `customerLookup` also asks the channels.
   * BAD_USER_INPUT (with `argumentName`) for a malformed criterion, or when not exactly one is given. Null (with the
   * error) when the CRM could not be asked, so the other root fields of the operation are still answered.
   * Personal data as a search key: needs `customers:pii`.
   *
   * Requires scopes: customers:pii, customers:read.
   */
  findCustomers?: Maybe<Array<Customer>>;
  /**
   * The retailer's stores and warehouses.
   *
   * Requires scopes: stock:read.
   */
  locations?: Maybe<Array<Location>>;
  /**
   * An Allegro order by its checkout-form id; null when there is none (BAD_USER_INPUT when the id is not a UUID).
   *
   * Requires scopes: orders:read.
   */
  marketplaceOrder?: Maybe<MarketplaceOrder>;
  /**
   * The signed-in customer of a customer-bound credential (ADR 0009): their own profile, orders, loyalty and consents.
   * Null for every other credential.
   *
   * Requires scopes: customers:read.
   */
  me?: Maybe<Customer>;
  /**
   * What an order reference names: an e-shop order number (as the shop shows it, `#15228` too, or a numbering
   * plugin's number), an Allegro checkout-form id, a parcel / tracking number or an ERP sale-order name. Each channel
   * classifies and looks up the references it owns. BAD_USER_INPUT (`argumentName: reference`) for a string longer than
   * 64 characters or with control characters.
   *
   * Requires scopes: orders:read.
   */
  orderByReference?: Maybe<OrderReferenceLookup>;
  /**
   * The pricing team's report: every active ERP SKU whose price in a channel differs from the ERP's gross list price by
   * at least `threshold` percent (a sale price counts: status PROMOTION), the largest drift first. Computed in bulk from
   * the three systems (upstream calls grow with the catalogue in pages, never per SKU). `channel` limits it to one
   * channel. BAD_USER_INPUT for a negative threshold.
   *
   * Requires scopes: pricing:read.
   */
  priceDrift: PriceDriftReport;
  /**
   * One product by SKU; null when the ERP has none.
   *
   * Requires scopes: catalog:read.
   */
  product?: Maybe<Product>;
  /**
   * Product discovery, one page at a time: products whose name holds every word of `text` (case and Polish letters
   * ignored: "zolty kubek" finds "Żółty kubek"; an exact SKU also matches), or with the EAN `ean`, or in the category
   * `categoryId` and its subcategories; the criteria given all apply. Active products only unless `includeInactive`.
   * Ordered by name, then SKU. BAD_USER_INPUT when no criterion is given, `first` is outside 1..100 or `after` is not a
   * cursor of this search.
   *
   * Requires scopes: catalog:read.
   */
  productSearch: ProductConnection;
  /**
   * Products by SKU, in the order asked; null where the ERP has no product with that SKU. The list is null (with the
   * error) when the ERP could not be asked.
   *
   * Requires scopes: catalog:read.
   */
  products?: Maybe<Array<Maybe<Product>>>;
  /**
   * Click-and-collect: stores that have the given SKUs available, nearest to `near` first (or in `city`), with the
   * available quantity of each SKU. A store is listed when it has at least one of the SKUs; `allAvailable` tells whether
   * it has every one. BAD_USER_INPUT when neither or both of `near` and `city` are given, or `skus` is empty.
   *
   * Requires scopes: stock:read.
   */
  storesWithStock?: Maybe<Array<StoreAvailability>>;
  /**
   * A write this caller sent with `idempotencyKey` (any of the mutations), as it stands now: a PENDING write whose
   * outcome was unknown is resolved in the background, and this is how a UI follows it. Null when the key is unknown to
   * this caller (never used, or older than the retention).
   *
   * Requires scopes: writes:read.
   */
  writeOperation?: Maybe<WriteOperation>;
};


export type QueryCategoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerLookupArgs = {
  allegroLogin?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nip?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEshopOrderArgs = {
  number: Scalars['String']['input'];
};


export type QueryFindCustomersArgs = {
  allegroLogin?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLocationsArgs = {
  kind?: InputMaybe<LocationKind>;
};


export type QueryMarketplaceOrderArgs = {
  checkoutFormId: Scalars['ID']['input'];
};


export type QueryOrderByReferenceArgs = {
  reference: Scalars['String']['input'];
};


export type QueryPriceDriftArgs = {
  channel?: InputMaybe<SalesChannel>;
  threshold?: InputMaybe<Scalars['Decimal']['input']>;
};


export type QueryProductArgs = {
  sku: Scalars['ID']['input'];
};


export type QueryProductSearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  ean?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProductsArgs = {
  skus: Array<Scalars['ID']['input']>;
};


export type QueryStoresWithStockArgs = {
  city?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  near?: InputMaybe<GeoPointInput>;
  skus: Array<Scalars['ID']['input']>;
};


export type QueryWriteOperationArgs = {
  idempotencyKey: Scalars['String']['input'];
};

export type RegisterReturnInput = {
  /** when given, the order must belong to this CRM customer (ORDER_OF_ANOTHER_CUSTOMER otherwise) */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** 1–50 lines, each SKU once; quantities not above what was bought and not already returned */
  lines: Array<OrderLineInput>;
  /** the order's global id: eshop:<id> or marketplace:<checkout-form id> */
  orderId: Scalars['ID']['input'];
  /** ≤ 500 characters, sent to the channel as the refund reason */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** the store taking the goods back (ERP warehouse code, e.g. WAW1) */
  storeCode: Scalars['ID']['input'];
};

export type RegisterReturnPayload = {
  __typename?: 'RegisterReturnPayload';
  /**
   * the returned order as its channel shows it now (its `returns` list the refund)
   *
   * Requires scopes: orders:read.
   */
  eshopOrder?: Maybe<EshopOrder>;
  /** Requires scopes: orders:read. */
  marketplaceOrder?: Maybe<MarketplaceOrder>;
  operation: WriteOperation;
  refund?: Maybe<ReturnRefund>;
  /** the ERP receipt booking the goods into the store (stock.picking name, e.g. WAW1/IN/00012) */
  stockReceipt?: Maybe<Scalars['String']['output']>;
};

export type ReturnRefund = {
  __typename?: 'ReturnRefund';
  amount: Money;
  /** WooCommerce refund id or Allegro refund id */
  id: Scalars['ID']['output'];
  /** the channel's status (WooCommerce: completed; Allegro: START, NEW, IN_PROGRESS, SUCCESS…) */
  status: Scalars['String']['output'];
};

/** The channels a SKU is sold in besides the ERP's own price. */
export type SalesChannel =
  | 'ESHOP'
  | 'MARKETPLACE';

/** A parcel of (part of) an order: the channel's own tracking data and the ERP's outgoing deliveries, one per tracking number. */
export type Shipment = {
  __typename?: 'Shipment';
  /** Requires scopes: orders:read. */
  carrier: Carrier;
  /**
   * the carrier as the source writes it, e.g. "InPost Paczkomaty 24/7"
   *
   * Requires scopes: orders:read.
   */
  carrierName: Scalars['String']['output'];
  /**
   * the record's id at its first source (Allegro shipment id, WooCommerce fulfillment or tracking item id, Odoo picking name)
   *
   * Requires scopes: orders:read.
   */
  id: Scalars['ID']['output'];
  /**
   * the order lines in the parcel (OrderLine.id); empty when the source does not say (the whole order)
   *
   * Requires scopes: orders:read.
   */
  lineIds: Array<Scalars['ID']['output']>;
  /**
   * when the parcel was handed to the carrier; null when no source says
   *
   * Requires scopes: orders:read.
   */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * every source that knows this parcel (the channel, the ERP, or both), the first one giving `id`
   *
   * Requires scopes: orders:read.
   */
  sources: Array<OrderRecordSource>;
  /**
   * null while the parcel has no number yet (an ERP delivery not yet shipped)
   *
   * Requires scopes: orders:read.
   */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /**
   * the carrier's public tracking page for this number; null for OTHER carriers without a link of their own
   *
   * Requires scopes: orders:read.
   */
  trackingUrl?: Maybe<Scalars['String']['output']>;
};

export type SkuAvailability = {
  __typename?: 'SkuAvailability';
  /**
   * when the ERP last changed this figure (the latest Odoo quant `write_date` summed for the SKU at the store); for a
   * SKU the store holds none of, the latest change of the SKU's stock at any store
   *
   * Requires scopes: stock:read.
   */
  asOf: Scalars['DateTime']['output'];
  /** Requires scopes: stock:read. */
  available: Scalars['Float']['output'];
  /** Requires scopes: stock:read. */
  sku: Scalars['ID']['output'];
  /**
   * the system this stock figure comes from
   *
   * Requires scopes: stock:read.
   */
  source: StockSource;
};

export type StockLevel = {
  __typename?: 'StockLevel';
  /**
   * when the ERP last changed this stock figure
   *
   * Requires scopes: stock:read.
   */
  asOf: Scalars['DateTime']['output'];
  /** Requires scopes: stock:read. */
  available: Scalars['Float']['output'];
  /** Requires scopes: stock:read. */
  location: Location;
  /** Requires scopes: stock:read. */
  onHand: Scalars['Float']['output'];
  /** Requires scopes: stock:read. */
  reserved: Scalars['Float']['output'];
  /**
   * the system this stock figure comes from
   *
   * Requires scopes: stock:read.
   */
  source: StockSource;
};

/** The system a stock figure comes from; the same enum in every subgraph that serves stock. */
export type StockSource =
  | 'ERP'
  | 'ESHOP'
  | 'MARKETPLACE';

export type StoreAvailability = {
  __typename?: 'StoreAvailability';
  /** Requires scopes: stock:read. */
  allAvailable: Scalars['Boolean']['output'];
  /**
   * great-circle distance from `near`; null when searching by city
   *
   * Requires scopes: stock:read.
   */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** Requires scopes: stock:read. */
  items: Array<SkuAvailability>;
  /** Requires scopes: stock:read. */
  store: Location;
};

/** A write and its steps, as the idempotency store records it. */
export type WriteOperation = {
  __typename?: 'WriteOperation';
  createdAt: Scalars['DateTime']['output'];
  /** FAILED: the error code the write ended with */
  errorCode?: Maybe<Scalars['String']['output']>;
  idempotencyKey: Scalars['String']['output'];
  /** placeOrder, registerReturn or addCustomerNote */
  operation: Scalars['String']['output'];
  state: WriteState;
  steps: Array<WriteStep>;
  updatedAt: Scalars['DateTime']['output'];
};

export type WriteState =
  /** refused or failed before anything was written, or an upstream refused the first write; final */
  | 'FAILED'
  /** not finished: running, or an upstream's answer was lost and the write is being verified and completed */
  | 'PENDING'
  /** every step done; the result is final */
  | 'SUCCEEDED';

export type WriteStep = {
  __typename?: 'WriteStep';
  state: WriteStepState;
  /** e.g. eshop.createOrder, erp.reservePickup, marketplace.createRefund, erp.receiveReturn, crm.createNote */
  step: Scalars['String']['output'];
  /** the upstream document once known: WooCommerce order or refund id, ERP sale order or picking name, Allegro refund id, HubSpot note id */
  upstreamId?: Maybe<Scalars['String']['output']>;
};

export type WriteStepState =
  | 'DONE'
  | 'FAILED'
  | 'PENDING'
  /** sent, answer lost: the next attempt looks the document up by its idempotency tag before sending again */
  | 'UNKNOWN';

export type CallCenterCustomerQueryVariables = Exact<{
  phone: Scalars['String']['input'];
}>;


export type CallCenterCustomerQuery = { __typename?: 'Query', findCustomers?: Array<{ __typename?: 'Customer', name: string, email?: string | null, loyalty: { __typename?: 'Loyalty', points?: number | null, tier: LoyaltyTier }, consents: { __typename?: 'Consents', emailMarketing: boolean, smsMarketing: boolean }, orders: { __typename?: 'OrderConnection', totalCount: number, unavailableChannels: Array<OrderChannel>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OrderEdge', node?:
          | { __typename?: 'EshopOrder', id: string, channel: OrderChannel, number: string, placedAt: string, status: OrderStatus, channelStatus: string, paymentStatus: PaymentStatus, totals: { __typename?: 'OrderTotals', total: { __typename?: 'Money', amount: string, currency: string } }, delivery: { __typename?: 'Delivery', method: DeliveryMethod, name: string, store?: { __typename?: 'Location', name: string } | null, parcelLocker?: { __typename?: 'ParcelLocker', id: string } | null }, lines: Array<{ __typename?: 'OrderLine', sku?: string | null, name: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', name: string, listPrice: { __typename?: 'Price', gross: { __typename?: 'Money', amount: string } }, stock: Array<{ __typename?: 'StockLevel', available: number, location: { __typename?: 'Location', code: string } }> } | null }> }
          | { __typename?: 'MarketplaceOrder', id: string, channel: OrderChannel, number: string, placedAt: string, status: OrderStatus, channelStatus: string, paymentStatus: PaymentStatus, totals: { __typename?: 'OrderTotals', total: { __typename?: 'Money', amount: string, currency: string } }, delivery: { __typename?: 'Delivery', method: DeliveryMethod, name: string, store?: { __typename?: 'Location', name: string } | null, parcelLocker?: { __typename?: 'ParcelLocker', id: string } | null }, lines: Array<{ __typename?: 'OrderLine', sku?: string | null, name: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', name: string, listPrice: { __typename?: 'Price', gross: { __typename?: 'Money', amount: string } }, stock: Array<{ __typename?: 'StockLevel', available: number, location: { __typename?: 'Location', code: string } }> } | null }> }
         | null }> } }> | null };

export type CustomerOrdersQueryVariables = Exact<{
  email: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<OrderChannel>;
}>;


export type CustomerOrdersQuery = { __typename?: 'Query', findCustomers?: Array<{ __typename?: 'Customer', id: string, orders: { __typename?: 'OrderConnection', totalCount: number, unavailableChannels: Array<OrderChannel>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OrderEdge', cursor: string, node?:
          | { __typename?: 'EshopOrder', id: string, channel: OrderChannel, number: string, placedAt: string, status: OrderStatus, channelStatus: string, paymentStatus: PaymentStatus, totals: { __typename?: 'OrderTotals', total: { __typename?: 'Money', amount: string, currency: string } }, delivery: { __typename?: 'Delivery', method: DeliveryMethod, name: string, store?: { __typename?: 'Location', code: string, name: string } | null, parcelLocker?: { __typename?: 'ParcelLocker', id: string } | null }, lines: Array<{ __typename?: 'OrderLine', sku?: string | null, name: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', sku: string, name: string, stock: Array<{ __typename?: 'StockLevel', available: number, location: { __typename?: 'Location', code: string } }> } | null }> }
          | { __typename?: 'MarketplaceOrder', id: string, channel: OrderChannel, number: string, placedAt: string, status: OrderStatus, channelStatus: string, paymentStatus: PaymentStatus, totals: { __typename?: 'OrderTotals', total: { __typename?: 'Money', amount: string, currency: string } }, delivery: { __typename?: 'Delivery', method: DeliveryMethod, name: string, store?: { __typename?: 'Location', code: string, name: string } | null, parcelLocker?: { __typename?: 'ParcelLocker', id: string } | null }, lines: Array<{ __typename?: 'OrderLine', sku?: string | null, name: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', sku: string, name: string, stock: Array<{ __typename?: 'StockLevel', available: number, location: { __typename?: 'Location', code: string } }> } | null }> }
         | null }> } }> | null };

export type PartnerProductsBySkuQueryVariables = Exact<{
  skus: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type PartnerProductsBySkuQuery = { __typename?: 'Query', products?: Array<{ __typename?: 'Product', sku: string, name: string, ean?: string | null, active: boolean, listPrice: { __typename?: 'Price', vatRate: string, net: { __typename?: 'Money', amount: string, currency: string }, gross: { __typename?: 'Money', amount: string, currency: string } }, stock: Array<{ __typename?: 'StockLevel', available: number, location: { __typename?: 'Location', code: string, name: string, kind: LocationKind } }>, eshopListing?: { __typename?: 'EshopListing', onSale: boolean, url: string, price: { __typename?: 'Money', amount: string, currency: string } } | null } | null> | null };

export type PartnerStoresWithStockQueryVariables = Exact<{
  skus: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  near?: InputMaybe<GeoPointInput>;
  city?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PartnerStoresWithStockQuery = { __typename?: 'Query', storesWithStock?: Array<{ __typename?: 'StoreAvailability', allAvailable: boolean, distanceKm?: number | null, store: { __typename?: 'Location', code: string, name: string, openingHours?: string | null, address: { __typename?: 'Address', street: string, city: string, postalCode: string } }, items: Array<{ __typename?: 'SkuAvailability', sku: string, available: number }> }> | null };

export type StorefrontProductSearchQueryVariables = Exact<{
  text?: InputMaybe<Scalars['String']['input']>;
  ean?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  storeCodes?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type StorefrontProductSearchQuery = { __typename?: 'Query', productSearch: { __typename?: 'ProductConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ProductEdge', cursor: string, node: { __typename?: 'Product', sku: string, name: string, ean?: string | null, category?: { __typename?: 'Category', id: string, name: string, path: string } | null, listPrice: { __typename?: 'Price', gross: { __typename?: 'Money', amount: string, currency: string } }, stock: Array<{ __typename?: 'StockLevel', available: number, asOf: string, source: StockSource, location: { __typename?: 'Location', code: string, name: string } }>, eshopListing?: { __typename?: 'EshopListing', onSale: boolean, url: string, shortDescription?: string | null, price: { __typename?: 'Money', amount: string, currency: string }, images: Array<{ __typename?: 'ProductImage', url: string, alt?: string | null }> } | null } }> } };


export const CallCenterCustomerDocument = {"__meta__":{"hash":"b7c41b23d6ad2451b6f9a24534ad42f88dfd85e80c2a3f767633a5d6fa255a09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallCenterCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"loyalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"smsMarketing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableChannels"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parcelLocker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"listPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CallCenterCustomerQuery, CallCenterCustomerQueryVariables>;
export const CustomerOrdersDocument = {"__meta__":{"hash":"76502a7bd1186a1bf0ca08380f98b7a94839e30184ffcee695e59cbac1ded3b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderChannel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableChannels"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parcelLocker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerOrdersQuery, CustomerOrdersQueryVariables>;
export const PartnerProductsBySkuDocument = {"__meta__":{"hash":"09299429da26a8a7cdc254742ef8b710184614e6ed8be15aa4b6d7aad5347eb1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerProductsBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skus"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ean"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"listPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"eshopListing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onSale"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerProductsBySkuQuery, PartnerProductsBySkuQueryVariables>;
export const PartnerStoresWithStockDocument = {"__meta__":{"hash":"3523458e3e6c09a2d9ffba59dc0cbaeec382abfca978b0ea1a511fd06855a705"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerStoresWithStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skus"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"near"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GeoPointInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"city"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storesWithStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skus"}}},{"kind":"Argument","name":{"kind":"Name","value":"near"},"value":{"kind":"Variable","name":{"kind":"Name","value":"near"}}},{"kind":"Argument","name":{"kind":"Name","value":"city"},"value":{"kind":"Variable","name":{"kind":"Name","value":"city"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerStoresWithStockQuery, PartnerStoresWithStockQueryVariables>;
export const StorefrontProductSearchDocument = {"__meta__":{"hash":"bf784ff20970681fd8184cf9092b4b8a403cf6889a7639d2d467579525bf0546"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontProductSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ean"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeCodes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"ean"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ean"}}},{"kind":"Argument","name":{"kind":"Name","value":"categoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ean"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeCodes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"eshopListing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onSale"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortDescription"}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontProductSearchQuery, StorefrontProductSearchQueryVariables>;