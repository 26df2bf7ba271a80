import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CommandsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

export type AddCustomerNoteInput = {
  /** 1–5000 characters */
  body: Scalars['String']['input'];
  /** CRM (HubSpot) contact id */
  customerId: Scalars['ID']['input'];
};

export type AddCustomerNotePayload = {
  __typename?: 'AddCustomerNotePayload';
  customer?: Maybe<Customer>;
  note?: Maybe<CustomerNote>;
  operation: WriteOperation;
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, default PL */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  street: Scalars['String']['input'];
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
};

export type CustomerNote = {
  __typename?: 'CustomerNote';
  id: Scalars['ID']['output'];
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

export type DeliveryMethodInput =
  | 'COURIER'
  | 'PARCEL_LOCKER'
  | 'STORE_PICKUP';

export type EshopOrder = {
  __typename?: 'EshopOrder';
  id: Scalars['ID']['output'];
};

export type MarketplaceOrder = {
  __typename?: 'MarketplaceOrder';
  id: Scalars['ID']['output'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
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
  /** Adds a note to a customer in the CRM (a HubSpot note associated with the contact). */
  addCustomerNote: AddCustomerNotePayload;
  /**
   * Places an e-shop (WooCommerce) order for a CRM customer: lines by SKU at the ERP list price (or the customer's ERP
   * pricelist price), billing from the CRM, delivery by courier, to a parcel locker or click-and-collect in a store.
   * A store pickup is refused with INSUFFICIENT_STOCK when that store cannot serve the quantities, and is reserved in
   * the ERP (a confirmed sale order for the store's warehouse, linked to the e-shop order).
   */
  placeOrder: PlaceOrderPayload;
  /**
   * Registers an in-store return of a delivered or collected e-shop or Allegro order: the refund of the returned lines
   * through the channel (WooCommerce refund, Allegro payment refund) and the goods booked into that store's stock in
   * the ERP. Refused with RETURN_NOT_ELIGIBLE (extensions.reason) or RETURN_QUANTITY_EXCEEDED, nothing written.
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

export type OrderLineInput = {
  /** 1–999 */
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
};

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
  /** the new e-shop order; null while PENDING */
  order?: Maybe<EshopOrder>;
};

export type PricingMode =
  | 'CUSTOMER_PRICELIST'
  | 'LIST_PRICE';

export type Query = {
  __typename?: 'Query';
  /**
   * A write this caller sent with `idempotencyKey` (any of the mutations), as it stands now: a PENDING write whose
   * outcome was unknown is resolved in the background, and this is how a UI follows it. Null when the key is unknown to
   * this caller (never used, or older than the retention).
   */
  writeOperation?: Maybe<WriteOperation>;
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
  /** the returned order as its channel shows it now (its `returns` list the refund) */
  eshopOrder?: Maybe<EshopOrder>;
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

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddCustomerNoteInput: AddCustomerNoteInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddCustomerNotePayload: ResolverTypeWrapper<AddCustomerNotePayload>;
  AddressInput: AddressInput;
  Customer: ResolverTypeWrapper<Customer>;
  CustomerNote: ResolverTypeWrapper<CustomerNote>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DeliveryInput: DeliveryInput;
  DeliveryMethodInput: DeliveryMethodInput;
  EshopOrder: ResolverTypeWrapper<EshopOrder>;
  MarketplaceOrder: ResolverTypeWrapper<MarketplaceOrder>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderLineInput: OrderLineInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderPayload: ResolverTypeWrapper<PlaceOrderPayload>;
  PricingMode: PricingMode;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterReturnInput: RegisterReturnInput;
  RegisterReturnPayload: ResolverTypeWrapper<RegisterReturnPayload>;
  ReturnRefund: ResolverTypeWrapper<ReturnRefund>;
  WriteOperation: ResolverTypeWrapper<WriteOperation>;
  WriteState: WriteState;
  WriteStep: ResolverTypeWrapper<WriteStep>;
  WriteStepState: WriteStepState;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddCustomerNoteInput: AddCustomerNoteInput;
  ID: Scalars['ID']['output'];
  AddCustomerNotePayload: AddCustomerNotePayload;
  AddressInput: AddressInput;
  Customer: Customer;
  CustomerNote: CustomerNote;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DeliveryInput: DeliveryInput;
  EshopOrder: EshopOrder;
  MarketplaceOrder: MarketplaceOrder;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  OrderLineInput: OrderLineInput;
  Int: Scalars['Int']['output'];
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderPayload: PlaceOrderPayload;
  Query: Record<PropertyKey, never>;
  RegisterReturnInput: RegisterReturnInput;
  RegisterReturnPayload: RegisterReturnPayload;
  ReturnRefund: ReturnRefund;
  WriteOperation: WriteOperation;
  WriteStep: WriteStep;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = CommandsContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddCustomerNotePayloadResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['AddCustomerNotePayload'] = ResolversParentTypes['AddCustomerNotePayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['CustomerNote']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['WriteOperation'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerNoteResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['CustomerNote'] = ResolversParentTypes['CustomerNote']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EshopOrderResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['EshopOrder'] = ResolversParentTypes['EshopOrder']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MarketplaceOrderResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['MarketplaceOrder'] = ResolversParentTypes['MarketplaceOrder']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCustomerNote?: Resolver<ResolversTypes['AddCustomerNotePayload'], ParentType, ContextType, RequireFields<MutationAddCustomerNoteArgs, 'idempotencyKey' | 'input'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderPayload'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'idempotencyKey' | 'input'>>;
  registerReturn?: Resolver<ResolversTypes['RegisterReturnPayload'], ParentType, ContextType, RequireFields<MutationRegisterReturnArgs, 'idempotencyKey' | 'input'>>;
}>;

export type PlaceOrderPayloadResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['PlaceOrderPayload'] = ResolversParentTypes['PlaceOrderPayload']> = ResolversObject<{
  erpReservation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['WriteOperation'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['EshopOrder']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  writeOperation?: Resolver<Maybe<ResolversTypes['WriteOperation']>, ParentType, ContextType, RequireFields<QueryWriteOperationArgs, 'idempotencyKey'>>;
}>;

export type RegisterReturnPayloadResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['RegisterReturnPayload'] = ResolversParentTypes['RegisterReturnPayload']> = ResolversObject<{
  eshopOrder?: Resolver<Maybe<ResolversTypes['EshopOrder']>, ParentType, ContextType>;
  marketplaceOrder?: Resolver<Maybe<ResolversTypes['MarketplaceOrder']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['WriteOperation'], ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['ReturnRefund']>, ParentType, ContextType>;
  stockReceipt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReturnRefundResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['ReturnRefund'] = ResolversParentTypes['ReturnRefund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WriteOperationResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['WriteOperation'] = ResolversParentTypes['WriteOperation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WriteState'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['WriteStep']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type WriteStepResolvers<ContextType = CommandsContext, ParentType extends ResolversParentTypes['WriteStep'] = ResolversParentTypes['WriteStep']> = ResolversObject<{
  state?: Resolver<ResolversTypes['WriteStepState'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  upstreamId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CommandsContext> = ResolversObject<{
  AddCustomerNotePayload?: AddCustomerNotePayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerNote?: CustomerNoteResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EshopOrder?: EshopOrderResolvers<ContextType>;
  MarketplaceOrder?: MarketplaceOrderResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PlaceOrderPayload?: PlaceOrderPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisterReturnPayload?: RegisterReturnPayloadResolvers<ContextType>;
  ReturnRefund?: ReturnRefundResolvers<ContextType>;
  WriteOperation?: WriteOperationResolvers<ContextType>;
  WriteStep?: WriteStepResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CommandsContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
