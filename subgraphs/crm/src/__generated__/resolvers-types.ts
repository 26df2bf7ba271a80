import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CrmContactModel } from '../upstream/crm-client.ts';
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
  allegroBuyerId?: Maybe<Scalars['ID']['output']>;
  allegroBuyerLogin?: Maybe<Scalars['String']['output']>;
  consents: Consents;
  email?: Maybe<Scalars['String']['output']>;
  erpPartnerId?: Maybe<Scalars['ID']['output']>;
  /** e-shop (WooCommerce) customer id, when the CRM knows it */
  eshopCustomerId?: Maybe<Scalars['ID']['output']>;
  eshopOrderSummaries?: Maybe<Array<OrderSummary>>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** CRM (HubSpot) contact id */
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  loyalty: Loyalty;
  marketplaceOrderSummaries?: Maybe<Array<OrderSummary>>;
  name: Scalars['String']['output'];
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
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<OrderChannel>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The CRM customer an e-shop order belongs to, found by the order's billing e-mail. */
export type EshopOrder = Order & {
  __typename?: 'EshopOrder';
  billingEmail?: Maybe<Scalars['String']['output']>;
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
};

export type Loyalty = {
  __typename?: 'Loyalty';
  points: Scalars['Int']['output'];
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
  buyerLogin: Scalars['String']['output'];
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
};

export type Order = {
  id: Scalars['ID']['output'];
};

export type OrderChannel =
  | 'ESHOP'
  | 'MARKETPLACE';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
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
  /** A customer by CRM id; null when there is none. */
  customer?: Maybe<Customer>;
  /**
   * Customers matching exactly one criterion: `email` (exact, case-insensitive), `phone` in any common format
   * (+48 600 100 200, 600-100-200, 0048600100200 find the same person) or `name` (all words must match).
   * BAD_USER_INPUT for a malformed e-mail or phone, or when not exactly one criterion is given. Null (with the error)
   * when the CRM could not be asked, so the other root fields of the operation are still answered.
   */
  findCustomers?: Maybe<Array<Customer>>;
  /**
   * An order by any reference: an e-shop order number or an Allegro checkout-form id. Null for a string that is neither;
   * null with a NOT_FOUND error when it has the form of one but the channel does not know it. Its `customer` is the CRM
   * customer the order belongs to (null when the CRM does not know the buyer).
   */
  orderByReference?: Maybe<Order>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFindCustomersArgs = {
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
  EshopOrder: EshopOrder;
  MarketplaceOrder: MarketplaceOrder;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"eshopOrderSummaries":{"ref":{"typename":true,"id":true},"placedAt":true},"marketplaceOrderSummaries":{"ref":{"typename":true,"id":true},"placedAt":true}}> ) );
  EshopOrder:
    ( { __typename: 'EshopOrder' }
    & GraphQLRecursivePick<FederationTypes['EshopOrder'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['EshopOrder'], {"billingEmail":true}> ) );
  MarketplaceOrder:
    ( { __typename: 'MarketplaceOrder' }
    & GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['MarketplaceOrder'], {"buyerLogin":true}> ) );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Order:
    | ( Omit<EshopOrder, 'customer'> & { customer?: Maybe<_RefType['Customer']> } )
    | ( Omit<MarketplaceOrder, 'customer'> & { customer?: Maybe<_RefType['Customer']> } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Consents: ResolverTypeWrapper<Consents>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Customer: ResolverTypeWrapper<CrmContactModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EshopOrder: ResolverTypeWrapper<Omit<EshopOrder, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  Loyalty: ResolverTypeWrapper<Loyalty>;
  LoyaltyTier: LoyaltyTier;
  MarketplaceOrder: ResolverTypeWrapper<Omit<MarketplaceOrder, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  Order: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Order']>;
  OrderChannel: OrderChannel;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node?: Maybe<ResolversTypes['Order']> }>;
  OrderRef: ResolverTypeWrapper<OrderRef>;
  OrderSummary: ResolverTypeWrapper<OrderSummary>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Consents: Consents;
  Boolean: Scalars['Boolean']['output'];
  Customer: CrmContactModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  EshopOrder: Omit<EshopOrder, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> } | FederationReferenceTypes['EshopOrder'];
  Loyalty: Loyalty;
  MarketplaceOrder: Omit<MarketplaceOrder, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> } | FederationReferenceTypes['MarketplaceOrder'];
  Order: ResolversInterfaceTypes<ResolversParentTypes>['Order'];
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node?: Maybe<ResolversParentTypes['Order']> };
  OrderRef: OrderRef;
  OrderSummary: OrderSummary;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ConsentsResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Consents'] = ResolversParentTypes['Consents']> = ResolversObject<{
  emailMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phoneMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  profiling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  smsMarketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allegroBuyerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  allegroBuyerLogin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consents?: Resolver<ResolversTypes['Consents'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  erpPartnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  eshopCustomerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  loyalty?: Resolver<ResolversTypes['Loyalty'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneE164?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EshopOrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['EshopOrder'] = ResolversParentTypes['EshopOrder'], FederationReferenceType extends FederationReferenceTypes['EshopOrder'] = FederationReferenceTypes['EshopOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EshopOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LoyaltyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Loyalty'] = ResolversParentTypes['Loyalty']> = ResolversObject<{
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['LoyaltyTier'], ParentType, ContextType>;
}>;

export type MarketplaceOrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['MarketplaceOrder'] = ResolversParentTypes['MarketplaceOrder'], FederationReferenceType extends FederationReferenceTypes['MarketplaceOrder'] = FederationReferenceTypes['MarketplaceOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MarketplaceOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  __resolveType: TypeResolveFn<'EshopOrder' | 'MarketplaceOrder', ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
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
  findCustomers?: Resolver<Maybe<Array<ResolversTypes['Customer']>>, ParentType, ContextType, RequireFields<QueryFindCustomersArgs, 'first'>>;
  orderByReference?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderByReferenceArgs, 'reference'>>;
}>;

export type Resolvers<ContextType = CrmContext> = ResolversObject<{
  Consents?: ConsentsResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EshopOrder?: EshopOrderResolvers<ContextType>;
  Loyalty?: LoyaltyResolvers<ContextType>;
  MarketplaceOrder?: MarketplaceOrderResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderRef?: OrderRefResolvers<ContextType>;
  OrderSummary?: OrderSummaryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CrmContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
