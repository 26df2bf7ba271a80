import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ErpProductModel, ErpLocationModel, ErpCategoryModel, ErpDeliveryRowModel } from '../upstream/erp-client.ts';
import type { StockLevelModel } from '../stock-levels.ts';
import type { ErpContext } from '../context.ts';
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
  /** ISO 8601 date-time with offset, e.g. 2026-05-12T08:12:47.101Z. */
  DateTime: { input: string; output: string; }
  /** Exact decimal number as a string (e.g. "246.00"); never a float, so money survives every hop unchanged. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2, e.g. PL */
  countryCode: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

/** A product category of the ERP (Odoo product.category). */
export type Category = {
  __typename?: 'Category';
  children: Array<Category>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Category>;
  /** the full path as Odoo writes it (complete_name), e.g. "All / Saleable / AGD drobne" */
  path: Scalars['String']['output'];
};

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
 * The ERP's view of a CRM customer: the partner the CRM links (STORED_LINK) and partners holding the customer's
 * e-mail (EMAIL_MATCH).
 */
export type Customer = {
  __typename?: 'Customer';
  email?: Maybe<Scalars['String']['output']>;
  /** null when the ERP could not be asked */
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  erpPartnerId?: Maybe<Scalars['ID']['output']>;
  /**
   * What this customer pays for the given SKUs under the pricelist of their linked ERP partner (Odoo
   * property_product_pricelist), next to the list price, in the order asked; null entries for SKUs the ERP does not
   * know. Null when the customer has no linked ERP partner.
   */
  erpPrices?: Maybe<Array<Maybe<CustomerPrice>>>;
  id: Scalars['ID']['output'];
};


/**
 * The ERP's view of a CRM customer: the partner the CRM links (STORED_LINK) and partners holding the customer's
 * e-mail (EMAIL_MATCH).
 */
export type CustomerErpPricesArgs = {
  skus: Array<Scalars['ID']['input']>;
};

/**
 * A customer search, keyed by its normalised criterion (`email:…`, `phone:<9 digits>`, `name:<folded words>`,
 * `allegroLogin:…`, `company:<folded>`, `nip:<10 digits>`); the CRM subgraph owns it and links what each channel finds.
 */
export type CustomerLookup = {
  __typename?: 'CustomerLookup';
  /** ERP partners the criterion matches (NIP, company name, e-mail, phone); null when the ERP could not be asked */
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  key: Scalars['ID']['output'];
};

export type CustomerPrice = {
  __typename?: 'CustomerPrice';
  listPrice: Price;
  /** what the customer pays for one unit (quantity 1) */
  price: Price;
  /** the pricelist the price comes from (Odoo product.pricelist name, e.g. "Stali klienci"); null for the list price */
  pricelist?: Maybe<Scalars['String']['output']>;
  sku: Scalars['ID']['output'];
};

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
  /** the warehouse or store the goods leave from */
  warehouse?: Maybe<Location>;
};

export type ErpLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
  /** gross unit price (reservations only), e.g. "129.99" */
  unitGross?: InputMaybe<Scalars['Decimal']['input']>;
};

export type ErpReceiveReturnInput = {
  lines: Array<ErpLineInput>;
  /** the returned order's reference (e-shop number or Allegro checkout-form id), kept on the picking */
  orderRef: Scalars['String']['input'];
  storeCode: Scalars['ID']['input'];
};

export type ErpReservePickupInput = {
  /** the e-shop order number, as the connector's client_order_ref convention (ERP_CHANNEL_ORDER_REFS) expects */
  channelOrderRef: Scalars['String']['input'];
  /** the CRM's linked ERP partner; ERP_DEFAULT_PARTNER_ID when null */
  erpPartnerId?: InputMaybe<Scalars['ID']['input']>;
  lines: Array<ErpLineInput>;
  /** the store's warehouse code, e.g. WAW1 */
  storeCode: Scalars['ID']['input'];
};

export type ErpSkuPage = {
  __typename?: 'ErpSkuPage';
  /** pass as `after` for the next page; null on the last page */
  nextCursor?: Maybe<Scalars['String']['output']>;
  skus: Array<Scalars['ID']['output']>;
};

export type ErpWriteResult = {
  __typename?: 'ErpWriteResult';
  created: Scalars['Boolean']['output'];
  /** Odoo record id */
  id: Scalars['ID']['output'];
  /** the document's name: S00123, WAW1/IN/00012 */
  name: Scalars['String']['output'];
  /** the Odoo state after the step: sale, done… */
  state: Scalars['String']['output'];
};

export type EshopOrder = {
  __typename?: 'EshopOrder';
  /** the ERP's outgoing deliveries of this order, oldest first; empty when it never reached the ERP, null when the ERP could not be asked */
  erpDeliveries?: Maybe<Array<ErpDelivery>>;
  id: Scalars['ID']['output'];
};

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

export type MarketplaceOrder = {
  __typename?: 'MarketplaceOrder';
  /** the ERP's outgoing deliveries of this order, oldest first; empty when it never reached the ERP, null when the ERP could not be asked */
  erpDeliveries?: Maybe<Array<ErpDelivery>>;
  id: Scalars['ID']['output'];
};

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. PLN */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Books returned goods into the store's stock: an incoming stock.picking from the customer location into the store
   * warehouse's stock location, validated (button_validate); or returns the one already made for this key.
   */
  erpReceiveReturn: ErpWriteResult;
  /**
   * Reserves a store pickup the way Odoo does: a sale.order for the store's warehouse (client_order_ref: the e-shop
   * order number), then action_confirm; or returns the one already made for this key.
   */
  erpReservePickup: ErpWriteResult;
};


export type MutationErpReceiveReturnArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: ErpReceiveReturnInput;
};


export type MutationErpReservePickupArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: ErpReservePickupInput;
};

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
  /** channel orders an ERP sale-order name or a delivery's tracking number names (through the sale order's customer reference); null when the ERP could not be asked */
  erpHits?: Maybe<OrderReferenceHits>;
  reference: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Price = {
  __typename?: 'Price';
  gross: Money;
  net: Money;
  /** VAT rate in percent, e.g. 23 */
  vatRate: Scalars['Decimal']['output'];
};

/** A product variant as the ERP (Odoo) knows it. The SKU is the key shared by every channel. */
export type Product = {
  __typename?: 'Product';
  active: Scalars['Boolean']['output'];
  /** the product's category in the ERP */
  category?: Maybe<Category>;
  /** EAN-13 / GTIN; null when the ERP has none */
  ean?: Maybe<Scalars['String']['output']>;
  /** ERP list price */
  listPrice: Price;
  name: Scalars['String']['output'];
  /**
   * What this ERP partner pays under their pricelist (Odoo `property_product_pricelist`): the list price when the
   * pricelist has no rule for the product. Null when the ERP has no such partner.
   */
  partnerPrice?: Maybe<Price>;
  sku: Scalars['ID']['output'];
  /** Stock per location (internal locations only); restricted to `locationCodes` when given. */
  stock: Array<StockLevel>;
  /** the unit of measure the ERP sells it in (Odoo uom_id), e.g. "Units", "kg" */
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
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** how many products match the whole search */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type Query = {
  __typename?: 'Query';
  /** The ERP's product category tree (Odoo product.category): the root categories, each with its children. */
  categories: Array<Category>;
  /** One category by id; null when the ERP has none. */
  category?: Maybe<Category>;
  /**
   * The ERP's active SKUs in id order, one page at a time (a bulk feed for the pricing subgraph's catalogue-wide
   * report; not part of the API).
   */
  erpCatalogueSkus: ErpSkuPage;
  /** The retailer's stores and warehouses. */
  locations?: Maybe<Array<Location>>;
  /** One product by SKU; null when the ERP has none. */
  product?: Maybe<Product>;
  /**
   * Product discovery, one page at a time: products whose name holds every word of `text` (case and Polish letters
   * ignored: "zolty kubek" finds "Żółty kubek"; an exact SKU also matches), or with the EAN `ean`, or in the category
   * `categoryId` and its subcategories; the criteria given all apply. Active products only unless `includeInactive`.
   * Ordered by name, then SKU. BAD_USER_INPUT when no criterion is given, `first` is outside 1..100 or `after` is not a
   * cursor of this search.
   */
  productSearch: ProductConnection;
  /**
   * Products by SKU, in the order asked; null where the ERP has no product with that SKU. The list is null (with the
   * error) when the ERP could not be asked.
   */
  products?: Maybe<Array<Maybe<Product>>>;
  /**
   * Click-and-collect: stores that have the given SKUs available, nearest to `near` first (or in `city`), with the
   * available quantity of each SKU. A store is listed when it has at least one of the SKUs; `allAvailable` tells whether
   * it has every one. BAD_USER_INPUT when neither or both of `near` and `city` are given, or `skus` is empty.
   */
  storesWithStock?: Maybe<Array<StoreAvailability>>;
};


export type QueryCategoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryErpCatalogueSkusArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLocationsArgs = {
  kind?: InputMaybe<LocationKind>;
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

export type SkuAvailability = {
  __typename?: 'SkuAvailability';
  /**
   * when the ERP last changed this figure (the latest Odoo quant `write_date` summed for the SKU at the store); for a
   * SKU the store holds none of, the latest change of the SKU's stock at any store
   */
  asOf: Scalars['DateTime']['output'];
  available: Scalars['Float']['output'];
  sku: Scalars['ID']['output'];
  /** the system this stock figure comes from */
  source: StockSource;
};

export type StockLevel = {
  __typename?: 'StockLevel';
  /** when the ERP last changed this stock figure */
  asOf: Scalars['DateTime']['output'];
  available: Scalars['Float']['output'];
  location: Location;
  onHand: Scalars['Float']['output'];
  reserved: Scalars['Float']['output'];
  /** the system this stock figure comes from */
  source: StockSource;
};

/** The system a stock figure comes from; the same enum in every subgraph that serves stock. */
export type StockSource =
  | 'ERP'
  | 'ESHOP'
  | 'MARKETPLACE';

export type StoreAvailability = {
  __typename?: 'StoreAvailability';
  allAvailable: Scalars['Boolean']['output'];
  /** great-circle distance from `near`; null when searching by city */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  items: Array<SkuAvailability>;
  store: Location;
};

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
  EshopOrder: EshopOrder;
  Location: Location;
  MarketplaceOrder: MarketplaceOrder;
  OrderReferenceLookup: OrderReferenceLookup;
  Product: Product;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"email":true,"erpPartnerId":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"email":true,"erpPartnerId":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"erpPartnerId":true}> ) );
  CustomerLookup:
    ( { __typename: 'CustomerLookup' }
    & GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"key":true}> );
  EshopOrder:
    ( { __typename: 'EshopOrder' }
    & GraphQLRecursivePick<FederationTypes['EshopOrder'], {"id":true}> );
  Location:
    ( { __typename: 'Location' }
    & GraphQLRecursivePick<FederationTypes['Location'], {"code":true}> );
  MarketplaceOrder:
    ( { __typename: 'MarketplaceOrder' }
    & GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"id":true}> );
  OrderReferenceLookup:
    ( { __typename: 'OrderReferenceLookup' }
    & GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"reference":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  Category: ResolverTypeWrapper<ErpCategoryModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChannelIdentity: ResolverTypeWrapper<ChannelIdentity>;
  Customer: ResolverTypeWrapper<Customer>;
  CustomerLookup: ResolverTypeWrapper<CustomerLookup>;
  CustomerPrice: ResolverTypeWrapper<CustomerPrice>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  ErpDelivery: ResolverTypeWrapper<ErpDeliveryRowModel>;
  ErpLineInput: ErpLineInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ErpReceiveReturnInput: ErpReceiveReturnInput;
  ErpReservePickupInput: ErpReservePickupInput;
  ErpSkuPage: ResolverTypeWrapper<ErpSkuPage>;
  ErpWriteResult: ResolverTypeWrapper<ErpWriteResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  EshopOrder: ResolverTypeWrapper<Omit<EshopOrder, 'erpDeliveries'> & { erpDeliveries?: Maybe<Array<ResolversTypes['ErpDelivery']>> }>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPointInput: GeoPointInput;
  IdentityKind: IdentityKind;
  IdentityRule: IdentityRule;
  IdentitySource: IdentitySource;
  Location: ResolverTypeWrapper<ErpLocationModel>;
  LocationKind: LocationKind;
  MarketplaceOrder: ResolverTypeWrapper<Omit<MarketplaceOrder, 'erpDeliveries'> & { erpDeliveries?: Maybe<Array<ResolversTypes['ErpDelivery']>> }>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderRef: ResolverTypeWrapper<OrderRef>;
  OrderReferenceHit: ResolverTypeWrapper<OrderReferenceHit>;
  OrderReferenceHits: ResolverTypeWrapper<OrderReferenceHits>;
  OrderReferenceKind: OrderReferenceKind;
  OrderReferenceLookup: ResolverTypeWrapper<OrderReferenceLookup>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Price: ResolverTypeWrapper<Price>;
  Product: ResolverTypeWrapper<ErpProductModel>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SkuAvailability: ResolverTypeWrapper<SkuAvailability>;
  StockLevel: ResolverTypeWrapper<StockLevelModel>;
  StockSource: StockSource;
  StoreAvailability: ResolverTypeWrapper<Omit<StoreAvailability, 'store'> & { store: ResolversTypes['Location'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  Category: ErpCategoryModel;
  ID: Scalars['ID']['output'];
  ChannelIdentity: ChannelIdentity;
  Customer: Customer | FederationReferenceTypes['Customer'];
  CustomerLookup: CustomerLookup | FederationReferenceTypes['CustomerLookup'];
  CustomerPrice: CustomerPrice;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ErpDelivery: ErpDeliveryRowModel;
  ErpLineInput: ErpLineInput;
  Int: Scalars['Int']['output'];
  ErpReceiveReturnInput: ErpReceiveReturnInput;
  ErpReservePickupInput: ErpReservePickupInput;
  ErpSkuPage: ErpSkuPage;
  ErpWriteResult: ErpWriteResult;
  Boolean: Scalars['Boolean']['output'];
  EshopOrder: Omit<EshopOrder, 'erpDeliveries'> & { erpDeliveries?: Maybe<Array<ResolversParentTypes['ErpDelivery']>> } | FederationReferenceTypes['EshopOrder'];
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  GeoPointInput: GeoPointInput;
  Location: ErpLocationModel;
  MarketplaceOrder: Omit<MarketplaceOrder, 'erpDeliveries'> & { erpDeliveries?: Maybe<Array<ResolversParentTypes['ErpDelivery']>> } | FederationReferenceTypes['MarketplaceOrder'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  OrderRef: OrderRef;
  OrderReferenceHit: OrderReferenceHit;
  OrderReferenceHits: OrderReferenceHits;
  OrderReferenceLookup: OrderReferenceLookup | FederationReferenceTypes['OrderReferenceLookup'];
  PageInfo: PageInfo;
  Price: Price;
  Product: ErpProductModel;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  Query: Record<PropertyKey, never>;
  SkuAvailability: SkuAvailability;
  StockLevel: StockLevelModel;
  StoreAvailability: Omit<StoreAvailability, 'store'> & { store: ResolversParentTypes['Location'] };
  String: Scalars['String']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = ErpContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CategoryResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category']> = ResolversObject<{
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChannelIdentityResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ChannelIdentity'] = ResolversParentTypes['ChannelIdentity']> = ResolversObject<{
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

export type CustomerResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  erpIdentities?: Resolver<Maybe<Array<ResolversTypes['ChannelIdentity']>>, ParentType, ContextType>;
  erpPrices?: Resolver<Maybe<Array<Maybe<ResolversTypes['CustomerPrice']>>>, ParentType, ContextType, RequireFields<CustomerErpPricesArgs, 'skus'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerLookupResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['CustomerLookup'] = ResolversParentTypes['CustomerLookup'], FederationReferenceType extends FederationReferenceTypes['CustomerLookup'] = FederationReferenceTypes['CustomerLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  erpIdentities?: Resolver<Maybe<Array<ResolversTypes['ChannelIdentity']>>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerPriceResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['CustomerPrice'] = ResolversParentTypes['CustomerPrice']> = ResolversObject<{
  listPrice?: Resolver<ResolversTypes['Price'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Price'], ParentType, ContextType>;
  pricelist?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type ErpDeliveryResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ErpDelivery'] = ResolversParentTypes['ErpDelivery']> = ResolversObject<{
  carrierName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  doneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warehouse?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
}>;

export type ErpSkuPageResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ErpSkuPage'] = ResolversParentTypes['ErpSkuPage']> = ResolversObject<{
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  skus?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type ErpWriteResultResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ErpWriteResult'] = ResolversParentTypes['ErpWriteResult']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EshopOrderResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['EshopOrder'] = ResolversParentTypes['EshopOrder'], FederationReferenceType extends FederationReferenceTypes['EshopOrder'] = FederationReferenceTypes['EshopOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EshopOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  erpDeliveries?: Resolver<Maybe<Array<ResolversTypes['ErpDelivery']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type GeoPointResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = ResolversObject<{
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location'], FederationReferenceType extends FederationReferenceTypes['Location'] = FederationReferenceTypes['Location']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Location']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  coordinates?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LocationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MarketplaceOrderResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['MarketplaceOrder'] = ResolversParentTypes['MarketplaceOrder'], FederationReferenceType extends FederationReferenceTypes['MarketplaceOrder'] = FederationReferenceTypes['MarketplaceOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MarketplaceOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  erpDeliveries?: Resolver<Maybe<Array<ResolversTypes['ErpDelivery']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  erpReceiveReturn?: Resolver<ResolversTypes['ErpWriteResult'], ParentType, ContextType, RequireFields<MutationErpReceiveReturnArgs, 'idempotencyKey' | 'input'>>;
  erpReservePickup?: Resolver<ResolversTypes['ErpWriteResult'], ParentType, ContextType, RequireFields<MutationErpReservePickupArgs, 'idempotencyKey' | 'input'>>;
}>;

export type OrderRefResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['OrderRef'] = ResolversParentTypes['OrderRef']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderReferenceHitResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['OrderReferenceHit'] = ResolversParentTypes['OrderReferenceHit']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['OrderReferenceKind'], ParentType, ContextType>;
  placedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['OrderRef'], ParentType, ContextType>;
}>;

export type OrderReferenceHitsResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['OrderReferenceHits'] = ResolversParentTypes['OrderReferenceHits']> = ResolversObject<{
  hits?: Resolver<Array<ResolversTypes['OrderReferenceHit']>, ParentType, ContextType>;
  recognised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type OrderReferenceLookupResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['OrderReferenceLookup'] = ResolversParentTypes['OrderReferenceLookup'], FederationReferenceType extends FederationReferenceTypes['OrderReferenceLookup'] = FederationReferenceTypes['OrderReferenceLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrderReferenceLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  erpHits?: Resolver<Maybe<ResolversTypes['OrderReferenceHits']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PriceResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Price'] = ResolversParentTypes['Price']> = ResolversObject<{
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  vatRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  ean?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Price'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partnerPrice?: Resolver<Maybe<ResolversTypes['Price']>, ParentType, ContextType, RequireFields<ProductPartnerPriceArgs, 'erpPartnerId'>>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stock?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType, Partial<ProductStockArgs>>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, RequireFields<QueryCategoryArgs, 'id'>>;
  erpCatalogueSkus?: Resolver<ResolversTypes['ErpSkuPage'], ParentType, ContextType, RequireFields<QueryErpCatalogueSkusArgs, 'first'>>;
  locations?: Resolver<Maybe<Array<ResolversTypes['Location']>>, ParentType, ContextType, Partial<QueryLocationsArgs>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'sku'>>;
  productSearch?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductSearchArgs, 'first' | 'includeInactive'>>;
  products?: Resolver<Maybe<Array<Maybe<ResolversTypes['Product']>>>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'skus'>>;
  storesWithStock?: Resolver<Maybe<Array<ResolversTypes['StoreAvailability']>>, ParentType, ContextType, RequireFields<QueryStoresWithStockArgs, 'first' | 'skus'>>;
}>;

export type SkuAvailabilityResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['SkuAvailability'] = ResolversParentTypes['SkuAvailability']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['StockSource'], ParentType, ContextType>;
}>;

export type StockLevelResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['StockSource'], ParentType, ContextType>;
}>;

export type StoreAvailabilityResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['StoreAvailability'] = ResolversParentTypes['StoreAvailability']> = ResolversObject<{
  allAvailable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['SkuAvailability']>, ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ErpContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  ChannelIdentity?: ChannelIdentityResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerLookup?: CustomerLookupResolvers<ContextType>;
  CustomerPrice?: CustomerPriceResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  ErpDelivery?: ErpDeliveryResolvers<ContextType>;
  ErpSkuPage?: ErpSkuPageResolvers<ContextType>;
  ErpWriteResult?: ErpWriteResultResolvers<ContextType>;
  EshopOrder?: EshopOrderResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  MarketplaceOrder?: MarketplaceOrderResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderRef?: OrderRefResolvers<ContextType>;
  OrderReferenceHit?: OrderReferenceHitResolvers<ContextType>;
  OrderReferenceHits?: OrderReferenceHitsResolvers<ContextType>;
  OrderReferenceLookup?: OrderReferenceLookupResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Price?: PriceResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SkuAvailability?: SkuAvailabilityResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StoreAvailability?: StoreAvailabilityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ErpContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
