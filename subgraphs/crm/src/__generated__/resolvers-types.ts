import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CrmContactModel } from '../upstream/crm-client.ts';
import type { OrderConnectionModel } from '../order-list.ts';
import type { CustomerLookupModel, OrderReferenceLookupModel } from '../lookup-models.ts';
import type { CrmContext } from '../context.ts';
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

export type Consents = {
  __typename?: 'Consents';
  emailMarketing: Scalars['Boolean']['output'];
  phoneMarketing: Scalars['Boolean']['output'];
  profiling: Scalars['Boolean']['output'];
  smsMarketing: Scalars['Boolean']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The CRM's golden record of a person, with the links to their channel identities. */
export type Customer = {
  __typename?: 'Customer';
  /** the contact's additional e-mail addresses (HubSpot hs_additional_emails), Allegro relay addresses left out */
  additionalEmails: Array<Scalars['String']['output']>;
  /**
   * the contact's postal address (HubSpot address, city, zip, country); null when the CRM holds no street or no city, or a
   * country that cannot be read as an ISO 3166-1 code (HubSpot's country is free text: "Poland", "Polska", "PL" all read)
   */
  address?: Maybe<Address>;
  allegroBuyerId?: Maybe<Scalars['ID']['output']>;
  allegroBuyerLogin?: Maybe<Scalars['String']['output']>;
  /** the company the contact buys for, as the CRM holds it */
  companyName?: Maybe<Scalars['String']['output']>;
  consents: Consents;
  email?: Maybe<Scalars['String']['output']>;
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  erpPartnerId?: Maybe<Scalars['ID']['output']>;
  /** e-shop (WooCommerce) customer id, when the CRM knows it */
  eshopCustomerId?: Maybe<Scalars['ID']['output']>;
  eshopIdentities?: Maybe<Array<ChannelIdentity>>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** CRM (HubSpot) contact id */
  id: Scalars['ID']['output'];
  /**
   * Every identity the customer is known by, in the CRM and in each channel, with how it is linked and since when.
   * A channel that cannot be asked is left out (its error is in the response).
   */
  identities: Array<CustomerIdentity>;
  lastName?: Maybe<Scalars['String']['output']>;
  loyalty: Loyalty;
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
  name: Scalars['String']['output'];
  /** notes left on the contact (HubSpot notes associated with it), newest first; null when the CRM could not be asked */
  notes?: Maybe<Array<CustomerNote>>;
  /**
   * The customer's orders from every channel in one list, newest first. `after` is the `endCursor` of the previous page
   * (BAD_USER_INPUT when it is not one); `channel` keeps one channel. When a channel cannot be reached its orders are
   * missing, `unavailableChannels` names it and the response carries that channel's error.
   */
  orders: OrderConnection;
  /** as stored in the CRM */
  phone?: Maybe<Scalars['String']['output']>;
  /** the same number in E.164, e.g. +48600100200; null when it is not a valid Polish number */
  phoneE164?: Maybe<Scalars['String']['output']>;
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
  kind: IdentityKind;
  link: IdentityRule;
  /** since when the source has it (account created, first order, link stored); null when the source does not say */
  since?: Maybe<Scalars['DateTime']['output']>;
  source: IdentitySource;
  /** an e-mail address, an E.164 phone, or the channel's id of the person (an Allegro buyer: the login) */
  value: Scalars['String']['output'];
};

/**
 * A customer search, keyed by its normalised criterion (`email:…`, `phone:<9 digits>`, `name:<folded words>`,
 * `allegroLogin:…`, `company:<folded>`, `nip:<10 digits>`); the CRM subgraph owns it and links what each channel finds.
 */
export type CustomerLookup = {
  __typename?: 'CustomerLookup';
  erpIdentities?: Maybe<Array<ChannelIdentity>>;
  eshopIdentities?: Maybe<Array<ChannelIdentity>>;
  key: Scalars['ID']['output'];
  marketplaceIdentities?: Maybe<Array<ChannelIdentity>>;
  /**
   * Every CRM customer the criterion identifies, strongest evidence first, at most `first`. A channel that could not be
   * asked is named in `unavailableSources` (with its error); what the others found is still answered.
   */
  matches: Array<CustomerMatch>;
  unavailableSources: Array<IdentitySource>;
};

/** A CRM customer some criterion or order suggests, and why. */
export type CustomerMatch = {
  __typename?: 'CustomerMatch';
  customer: Customer;
  /** every rule that links the criterion to this customer, strongest first */
  rules: Array<IdentityRule>;
  /** where the evidence came from */
  sources: Array<IdentitySource>;
};

/** A note on a customer (a HubSpot note associated with the contact). */
export type CustomerNote = {
  __typename?: 'CustomerNote';
  /** the note's text (HubSpot hs_note_body, HTML tags removed) */
  body: Scalars['String']['output'];
  /** hs_timestamp: when the note was taken */
  createdAt: Scalars['DateTime']['output'];
  /** HubSpot note id */
  id: Scalars['ID']['output'];
};

/** The CRM customer an e-shop order belongs to, found by the order's billing e-mail. */
export type EshopOrder = Order & {
  __typename?: 'EshopOrder';
  billingEmail?: Maybe<Scalars['String']['output']>;
  buyerIdentity?: Maybe<ChannelIdentity>;
  customer?: Maybe<Customer>;
  /**
   * For an order linked to no customer: the customers its buyer could be, each with the rules that suggest it (phone,
   * NIP, name and postcode). Empty when the order is linked. Nothing is merged automatically.
   */
  customerCandidates: Array<CustomerMatch>;
  /**
   * The customer the order is linked to and how (STORED_LINK for a registered e-shop customer the CRM links,
   * EMAIL_MATCH for a guest order's billing e-mail); null when none.
   */
  customerLink?: Maybe<CustomerMatch>;
  id: Scalars['ID']['output'];
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

export type Loyalty = {
  __typename?: 'Loyalty';
  /**
   * The loyalty points the CRM records (whole points); 0 when it records none. Null when the CRM holds a value that
   * cannot be read as a number ("n/a", or "1,250" in a portal that keeps points as text without CRM_NUMBER_LOCALE):
   * never a guessed number.
   */
  points?: Maybe<Scalars['Int']['output']>;
  /** the tier; STANDARD, the entry tier, when the CRM records none or an option value the subgraph does not know */
  tier: LoyaltyTier;
};

export type LoyaltyTier =
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER'
  | 'STANDARD';

/** The CRM customer an Allegro order belongs to, found by the buyer's Allegro login (never by the masked e-mail). */
export type MarketplaceOrder = Order & {
  __typename?: 'MarketplaceOrder';
  buyerIdentity?: Maybe<ChannelIdentity>;
  buyerLogin: Scalars['String']['output'];
  customer?: Maybe<Customer>;
  /**
   * For an order whose buyer links to no customer: the customers the buyer could be, each with the rules that suggest
   * it (phone, NIP, name and postcode; never the masked @allegromail.pl address). Empty when the order is linked.
   */
  customerCandidates: Array<CustomerMatch>;
  /** The customer the order is linked to and how (STORED_LINK through the Allegro login or buyer id the CRM holds); null when none. */
  customerLink?: Maybe<CustomerMatch>;
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a HubSpot note associated with the contact, or returns the one already made for this key. */
  crmCreateNote: CustomerNote;
};


export type MutationCrmCreateNoteArgs = {
  body: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};

export type Order = {
  id: Scalars['ID']['output'];
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
  edges: Array<OrderEdge>;
  eshopSlice?: Maybe<OrderSlice>;
  /** what the channels need for this page (customer identities, first, the cursor's position, channel), opaque */
  id: Scalars['ID']['output'];
  marketplaceSlice?: Maybe<OrderSlice>;
  pageInfo: PageInfo;
  /** number of orders across the channels asked (after the channel filter) */
  totalCount: Scalars['Int']['output'];
  /** channels whose orders could not be read for this response (degraded mode); empty when all answered */
  unavailableChannels: Array<OrderChannel>;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  /** null when the order's channel could not be asked for its details (the error names the channel) */
  node?: Maybe<Order>;
};

export type OrderRef = {
  __typename?: 'OrderRef';
  id: Scalars['ID']['output'];
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
  erpHits?: Maybe<OrderReferenceHits>;
  eshopHits?: Maybe<OrderReferenceHits>;
  marketplaceHits?: Maybe<OrderReferenceHits>;
  /** every order the reference names, newest first, with the kind of reference that matched; empty when none */
  matches: Array<OrderReferenceMatch>;
  /**
   * The order the reference names (the newest when it names several, e.g. one parcel for two orders). Null with
   * NOT_FOUND when a channel recognises its form but nobody knows it; null with BAD_USER_INPUT (`argumentName:
   * reference`) when no channel recognises it; null with the channel's error when a channel that recognises it could
   * not be asked.
   */
  order?: Maybe<Order>;
  reference: Scalars['String']['output'];
};

export type OrderReferenceMatch = {
  __typename?: 'OrderReferenceMatch';
  kind: OrderReferenceKind;
  order: Order;
};

/** One channel's part of an order page: its newest orders after the cursor, newest first, and how many it holds. */
export type OrderSlice = {
  __typename?: 'OrderSlice';
  /** the channel holds more orders after the last of `orders` */
  hasMore: Scalars['Boolean']['output'];
  /** at most `first`, each strictly after the cursor's position */
  orders: Array<OrderSummary>;
  /** all of the channel's orders for the customer, whatever the cursor */
  totalCount: Scalars['Int']['output'];
};

export type OrderSummary = {
  __typename?: 'OrderSummary';
  placedAt: Scalars['DateTime']['output'];
  ref: OrderRef;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A customer by CRM id; null when there is none. BAD_USER_INPUT (`argumentName: id`) for what cannot be a CRM id. */
  customer?: Maybe<Customer>;
  /**
   * Who is calling: every CRM customer one criterion identifies, in the CRM or in a channel (an e-mail or phone used in
   * the e-shop or on Allegro but not in the CRM, an ERP partner's NIP or company name), each with the rules that link
   * it. Exactly one criterion, as for `findCustomers`, plus `nip` (10 digits, separators and a `PL` prefix allowed).
   * Needs `customers:pii`. Null (with the error) for a malformed criterion.
   */
  customerLookup?: Maybe<CustomerLookup>;
  /**
   * Customers the CRM finds by exactly one criterion: `email` (the contact's primary or any additional address,
   * case-insensitive), `phone` in any common format (+48 600 100 200, 600-100-200, 0048600100200 find the same person),
   * `name` (every word must match a first or last name; case and Polish diacritics ignored: "Wisniewski" finds
   * "Wiśniewski"), `allegroLogin` (the Allegro login the CRM links) or `company` (the contact's company name, case and
   * diacritics ignored). Only what the CRM itself holds: `customerLookup` also asks the channels.
   * BAD_USER_INPUT (with `argumentName`) for a malformed criterion, or when not exactly one is given. Null (with the
   * error) when the CRM could not be asked, so the other root fields of the operation are still answered.
   * Personal data as a search key: needs `customers:pii`.
   */
  findCustomers?: Maybe<Array<Customer>>;
  /**
   * The signed-in customer of a customer-bound credential (ADR 0009): their own profile, orders, loyalty and consents.
   * Null for every other credential.
   */
  me?: Maybe<Customer>;
  /**
   * What an order reference names: an e-shop order number (as the shop shows it, `#15228` too, or a numbering
   * plugin's number), an Allegro checkout-form id, a parcel / tracking number or an ERP sale-order name. Each channel
   * classifies and looks up the references it owns. BAD_USER_INPUT (`argumentName: reference`) for a string longer than
   * 64 characters or with control characters.
   */
  orderByReference?: Maybe<OrderReferenceLookup>;
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


export type QueryFindCustomersArgs = {
  allegroLogin?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryOrderByReferenceArgs = {
  reference: Scalars['String']['input'];
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
  CustomerNote: CustomerNote;
  EshopOrder: EshopOrder;
  MarketplaceOrder: MarketplaceOrder;
  OrderConnection: OrderConnection;
  OrderReferenceLookup: OrderReferenceLookup;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"eshopIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true},"marketplaceIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true},"erpIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}> ) );
  CustomerLookup:
    ( { __typename: 'CustomerLookup' }
    & GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"key":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"eshopIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true},"marketplaceIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true},"erpIdentities":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"eshopIdentities":{"source":true},"marketplaceIdentities":{"source":true},"erpIdentities":{"source":true}}>
        | GraphQLRecursivePick<FederationTypes['CustomerLookup'], {"eshopIdentities":{"source":true},"marketplaceIdentities":{"source":true},"erpIdentities":{"source":true}}> ) );
  CustomerNote:
    ( { __typename: 'CustomerNote' }
    & GraphQLRecursivePick<FederationTypes['CustomerNote'], {"id":true}> );
  EshopOrder:
    ( { __typename: 'EshopOrder' }
    & GraphQLRecursivePick<FederationTypes['EshopOrder'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"billingEmail":true}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"billingEmail":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"billingEmail":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"billingEmail":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}> ) );
  MarketplaceOrder:
    ( { __typename: 'MarketplaceOrder' }
    & GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerLogin":true}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerLogin":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerLogin":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerLogin":true,"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerIdentity":{"source":true,"kind":true,"id":true,"matchedOn":true,"email":true,"phone":true,"login":true,"nip":true,"companyName":true,"firstName":true,"lastName":true,"postalCode":true,"since":true}}> ) );
  OrderConnection:
    ( { __typename: 'OrderConnection' }
    & GraphQLRecursivePick<FederationTypes['OrderConnection'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}>
        | GraphQLRecursivePick<FederationTypes['OrderConnection'], {"eshopSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true},"marketplaceSlice":{"orders":{"ref":{"typename":true,"id":true},"placedAt":true},"hasMore":true,"totalCount":true}}> ) );
  OrderReferenceLookup:
    ( { __typename: 'OrderReferenceLookup' }
    & GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"reference":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"eshopHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"marketplaceHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"erpHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}}}>
        | GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"eshopHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"marketplaceHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"erpHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}}}>
        | GraphQLRecursivePick<FederationTypes['OrderReferenceLookup'], {"eshopHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"marketplaceHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}},"erpHits":{"recognised":true,"hits":{"ref":{"typename":true,"id":true},"kind":true,"placedAt":true}}}> ) );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Order:
    | ( Omit<EshopOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<_RefType['Customer']>, customerCandidates: Array<_RefType['CustomerMatch']>, customerLink?: Maybe<_RefType['CustomerMatch']> } )
    | ( Omit<MarketplaceOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<_RefType['Customer']>, customerCandidates: Array<_RefType['CustomerMatch']>, customerLink?: Maybe<_RefType['CustomerMatch']> } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  ChannelIdentity: ResolverTypeWrapper<ChannelIdentity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Consents: ResolverTypeWrapper<Consents>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Customer: ResolverTypeWrapper<CrmContactModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CustomerIdentity: ResolverTypeWrapper<CustomerIdentity>;
  CustomerLookup: ResolverTypeWrapper<CustomerLookupModel>;
  CustomerMatch: ResolverTypeWrapper<Omit<CustomerMatch, 'customer'> & { customer: ResolversTypes['Customer'] }>;
  CustomerNote: ResolverTypeWrapper<CustomerNote>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EshopOrder: ResolverTypeWrapper<Omit<EshopOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<ResolversTypes['Customer']>, customerCandidates: Array<ResolversTypes['CustomerMatch']>, customerLink?: Maybe<ResolversTypes['CustomerMatch']> }>;
  IdentityKind: IdentityKind;
  IdentityRule: IdentityRule;
  IdentitySource: IdentitySource;
  Loyalty: ResolverTypeWrapper<Loyalty>;
  LoyaltyTier: LoyaltyTier;
  MarketplaceOrder: ResolverTypeWrapper<Omit<MarketplaceOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<ResolversTypes['Customer']>, customerCandidates: Array<ResolversTypes['CustomerMatch']>, customerLink?: Maybe<ResolversTypes['CustomerMatch']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Order']>;
  OrderChannel: OrderChannel;
  OrderConnection: ResolverTypeWrapper<OrderConnectionModel>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node?: Maybe<ResolversTypes['Order']> }>;
  OrderRef: ResolverTypeWrapper<OrderRef>;
  OrderReferenceHit: ResolverTypeWrapper<OrderReferenceHit>;
  OrderReferenceHits: ResolverTypeWrapper<OrderReferenceHits>;
  OrderReferenceKind: OrderReferenceKind;
  OrderReferenceLookup: ResolverTypeWrapper<OrderReferenceLookupModel>;
  OrderReferenceMatch: ResolverTypeWrapper<Omit<OrderReferenceMatch, 'order'> & { order: ResolversTypes['Order'] }>;
  OrderSlice: ResolverTypeWrapper<OrderSlice>;
  OrderSummary: ResolverTypeWrapper<OrderSummary>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  ChannelIdentity: ChannelIdentity;
  ID: Scalars['ID']['output'];
  Consents: Consents;
  Boolean: Scalars['Boolean']['output'];
  Customer: CrmContactModel;
  Int: Scalars['Int']['output'];
  CustomerIdentity: CustomerIdentity;
  CustomerLookup: CustomerLookupModel;
  CustomerMatch: Omit<CustomerMatch, 'customer'> & { customer: ResolversParentTypes['Customer'] };
  CustomerNote: CustomerNote | FederationReferenceTypes['CustomerNote'];
  DateTime: Scalars['DateTime']['output'];
  EshopOrder: Omit<EshopOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<ResolversParentTypes['Customer']>, customerCandidates: Array<ResolversParentTypes['CustomerMatch']>, customerLink?: Maybe<ResolversParentTypes['CustomerMatch']> } | FederationReferenceTypes['EshopOrder'];
  Loyalty: Loyalty;
  MarketplaceOrder: Omit<MarketplaceOrder, 'customer' | 'customerCandidates' | 'customerLink'> & { customer?: Maybe<ResolversParentTypes['Customer']>, customerCandidates: Array<ResolversParentTypes['CustomerMatch']>, customerLink?: Maybe<ResolversParentTypes['CustomerMatch']> } | FederationReferenceTypes['MarketplaceOrder'];
  Mutation: Record<PropertyKey, never>;
  Order: ResolversInterfaceTypes<ResolversParentTypes>['Order'];
  OrderConnection: OrderConnectionModel;
  OrderEdge: Omit<OrderEdge, 'node'> & { node?: Maybe<ResolversParentTypes['Order']> };
  OrderRef: OrderRef;
  OrderReferenceHit: OrderReferenceHit;
  OrderReferenceHits: OrderReferenceHits;
  OrderReferenceLookup: OrderReferenceLookupModel;
  OrderReferenceMatch: Omit<OrderReferenceMatch, 'order'> & { order: ResolversParentTypes['Order'] };
  OrderSlice: OrderSlice;
  OrderSummary: OrderSummary;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChannelIdentityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChannelIdentity'] = ResolversParentTypes['ChannelIdentity']> = ResolversObject<{
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

export type ConsentsResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Consents'] = ResolversParentTypes['Consents']> = ResolversObject<{
  emailMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phoneMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  profiling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  smsMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  additionalEmails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  allegroBuyerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  allegroBuyerLogin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consents?: Resolver<ResolversTypes['Consents'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  erpPartnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  eshopCustomerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identities?: Resolver<Array<ResolversTypes['CustomerIdentity']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  loyalty?: Resolver<ResolversTypes['Loyalty'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<Array<ResolversTypes['CustomerNote']>>, ParentType, ContextType, RequireFields<CustomerNotesArgs, 'first'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneE164?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CustomerIdentityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerIdentity'] = ResolversParentTypes['CustomerIdentity']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['IdentityKind'], ParentType, ContextType>;
  link?: Resolver<ResolversTypes['IdentityRule'], ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['IdentitySource'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerLookupResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerLookup'] = ResolversParentTypes['CustomerLookup'], FederationReferenceType extends FederationReferenceTypes['CustomerLookup'] = FederationReferenceTypes['CustomerLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matches?: Resolver<Array<ResolversTypes['CustomerMatch']>, ParentType, ContextType>;
  unavailableSources?: Resolver<Array<ResolversTypes['IdentitySource']>, ParentType, ContextType>;
}>;

export type CustomerMatchResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerMatch'] = ResolversParentTypes['CustomerMatch']> = ResolversObject<{
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['IdentityRule']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['IdentitySource']>, ParentType, ContextType>;
}>;

export type CustomerNoteResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerNote'] = ResolversParentTypes['CustomerNote'], FederationReferenceType extends FederationReferenceTypes['CustomerNote'] = FederationReferenceTypes['CustomerNote']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EshopOrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['EshopOrder'] = ResolversParentTypes['EshopOrder'], FederationReferenceType extends FederationReferenceTypes['EshopOrder'] = FederationReferenceTypes['EshopOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EshopOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  customerCandidates?: Resolver<Array<ResolversTypes['CustomerMatch']>, ParentType, ContextType>;
  customerLink?: Resolver<Maybe<ResolversTypes['CustomerMatch']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LoyaltyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Loyalty'] = ResolversParentTypes['Loyalty']> = ResolversObject<{
  points?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['LoyaltyTier'], ParentType, ContextType>;
}>;

export type MarketplaceOrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['MarketplaceOrder'] = ResolversParentTypes['MarketplaceOrder'], FederationReferenceType extends FederationReferenceTypes['MarketplaceOrder'] = FederationReferenceTypes['MarketplaceOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MarketplaceOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  customerCandidates?: Resolver<Array<ResolversTypes['CustomerMatch']>, ParentType, ContextType>;
  customerLink?: Resolver<Maybe<ResolversTypes['CustomerMatch']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  crmCreateNote?: Resolver<ResolversTypes['CustomerNote'], ParentType, ContextType, RequireFields<MutationCrmCreateNoteArgs, 'body' | 'customerId' | 'idempotencyKey'>>;
}>;

export type OrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  __resolveType: TypeResolveFn<'EshopOrder' | 'MarketplaceOrder', ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection'], FederationReferenceType extends FederationReferenceTypes['OrderConnection'] = FederationReferenceTypes['OrderConnection']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrderConnection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unavailableChannels?: Resolver<Array<ResolversTypes['OrderChannel']>, ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
}>;

export type OrderRefResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderRef'] = ResolversParentTypes['OrderRef']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderReferenceHitResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderReferenceHit'] = ResolversParentTypes['OrderReferenceHit']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['OrderReferenceKind'], ParentType, ContextType>;
  placedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['OrderRef'], ParentType, ContextType>;
}>;

export type OrderReferenceHitsResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderReferenceHits'] = ResolversParentTypes['OrderReferenceHits']> = ResolversObject<{
  hits?: Resolver<Array<ResolversTypes['OrderReferenceHit']>, ParentType, ContextType>;
  recognised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type OrderReferenceLookupResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderReferenceLookup'] = ResolversParentTypes['OrderReferenceLookup'], FederationReferenceType extends FederationReferenceTypes['OrderReferenceLookup'] = FederationReferenceTypes['OrderReferenceLookup']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrderReferenceLookup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  matches?: Resolver<Array<ResolversTypes['OrderReferenceMatch']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderReferenceMatchResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderReferenceMatch'] = ResolversParentTypes['OrderReferenceMatch']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['OrderReferenceKind'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderSliceResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderSlice'] = ResolversParentTypes['OrderSlice']> = ResolversObject<{
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['OrderSummary']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderSummaryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderSummary'] = ResolversParentTypes['OrderSummary']> = ResolversObject<{
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['OrderRef'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customerLookup?: Resolver<Maybe<ResolversTypes['CustomerLookup']>, ParentType, ContextType, RequireFields<QueryCustomerLookupArgs, 'first'>>;
  findCustomers?: Resolver<Maybe<Array<ResolversTypes['Customer']>>, ParentType, ContextType, RequireFields<QueryFindCustomersArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  orderByReference?: Resolver<Maybe<ResolversTypes['OrderReferenceLookup']>, ParentType, ContextType, RequireFields<QueryOrderByReferenceArgs, 'reference'>>;
}>;

export type Resolvers<ContextType = CrmContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  ChannelIdentity?: ChannelIdentityResolvers<ContextType>;
  Consents?: ConsentsResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerIdentity?: CustomerIdentityResolvers<ContextType>;
  CustomerLookup?: CustomerLookupResolvers<ContextType>;
  CustomerMatch?: CustomerMatchResolvers<ContextType>;
  CustomerNote?: CustomerNoteResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EshopOrder?: EshopOrderResolvers<ContextType>;
  Loyalty?: LoyaltyResolvers<ContextType>;
  MarketplaceOrder?: MarketplaceOrderResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderRef?: OrderRefResolvers<ContextType>;
  OrderReferenceHit?: OrderReferenceHitResolvers<ContextType>;
  OrderReferenceHits?: OrderReferenceHitsResolvers<ContextType>;
  OrderReferenceLookup?: OrderReferenceLookupResolvers<ContextType>;
  OrderReferenceMatch?: OrderReferenceMatchResolvers<ContextType>;
  OrderSlice?: OrderSliceResolvers<ContextType>;
  OrderSummary?: OrderSummaryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CrmContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
