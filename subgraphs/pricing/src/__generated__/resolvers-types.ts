import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PriceDriftEntryModel } from '../price-rules.ts';
import type { PricingContext } from '../context.ts';
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

export type ChannelDriftCount = {
  __typename?: 'ChannelDriftCount';
  channel: SalesChannel;
  skus: Scalars['Int']['output'];
};

export type ChannelPrice = {
  __typename?: 'ChannelPrice';
  /** the listing is live (e-shop: published; Allegro: ACTIVE) */
  active: Scalars['Boolean']['output'];
  channel: SalesChannel;
  /** what a buyer pays now (the sale price while one is active) */
  currentPrice: Money;
  /** regularPrice − the ERP price (negative when the channel is cheaper) */
  drift: Money;
  /** drift in percent of the ERP price, 2 decimals */
  driftPercent: Scalars['Decimal']['output'];
  /** the channel's id of the listing: WooCommerce product id, Allegro offer id */
  listingId: Scalars['ID']['output'];
  /** set when status is PROMOTION */
  promotion?: Maybe<Promotion>;
  /** the channel's own price before any sale (e-shop regular price; Allegro offer price) */
  regularPrice: Money;
  status: PriceStatus;
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currency: Scalars['String']['output'];
};

export type PriceConsistency = {
  __typename?: 'PriceConsistency';
  /**
   * one entry per e-shop listing and per Allegro offer (active or not) of the SKU priced in the ERP's currency; a listing
   * priced in another currency (an allegro.cz offer in CZK) is left out: it cannot be compared without an exchange rate
   */
  channels: Array<ChannelPrice>;
  checkedAt: Scalars['DateTime']['output'];
  /** the ERP's gross list price (the reference) */
  erpPrice: Money;
  sku: Scalars['ID']['output'];
  /** DRIFT when any channel drifts, else PROMOTION when any is on promotion, else OK */
  status: PriceStatus;
  /** channels that could not be asked for this answer */
  unavailableChannels: Array<SalesChannel>;
};

export type PriceDriftEntry = {
  __typename?: 'PriceDriftEntry';
  erpPrice: Money;
  price: ChannelPrice;
  /** the product itself is the catalogue's: reading it needs catalog:read as well */
  product: Product;
  /** the SKU, for a caller without catalog:read */
  sku: Scalars['ID']['output'];
};

export type PriceDriftReport = {
  __typename?: 'PriceDriftReport';
  checkedAt: Scalars['DateTime']['output'];
  /** how many SKUs drift, per channel */
  driftedPerChannel: Array<ChannelDriftCount>;
  /** one entry per drifting SKU and listing, largest |driftPercent| first */
  entries: Array<PriceDriftEntry>;
  /** SKUs compared (active ERP SKUs listed in the channels asked) */
  skusChecked: Scalars['Int']['output'];
  /** the threshold asked, in percent */
  threshold: Scalars['Decimal']['output'];
  /** channels that could not be asked (the report then covers the others) */
  unavailableChannels: Array<SalesChannel>;
};

export type PriceStatus =
  /** the channel's regular price differs from the ERP's */
  | 'DRIFT'
  /** the channel asks the ERP's gross list price, to the grosz */
  | 'OK'
  /** the channel's regular price is the ERP's, and a sale price is active (e-shop sale) */
  | 'PROMOTION';

export type Product = {
  __typename?: 'Product';
  /**
   * The ERP list price against what each channel asks: the e-shop's regular and sale price and every Allegro offer of
   * the SKU. Null (with the error) when the ERP could not be asked; a channel that could not be asked is listed in
   * `unavailableChannels`.
   */
  priceConsistency?: Maybe<PriceConsistency>;
  sku: Scalars['ID']['output'];
};

export type Promotion = {
  __typename?: 'Promotion';
  /** null when the sale has no end date */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  price: Money;
  /** null when the sale has no start date */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The pricing team's report: every active ERP SKU whose price in a channel differs from the ERP's gross list price by
   * at least `threshold` percent (a sale price counts: status PROMOTION), the largest drift first. Computed in bulk from
   * the three systems (upstream calls grow with the catalogue in pages, never per SKU). `channel` limits it to one
   * channel. BAD_USER_INPUT for a negative threshold.
   */
  priceDrift: PriceDriftReport;
};


export type QueryPriceDriftArgs = {
  channel?: InputMaybe<SalesChannel>;
  threshold?: InputMaybe<Scalars['Decimal']['input']>;
};

/** The channels a SKU is sold in besides the ERP's own price. */
export type SalesChannel =
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
  Product: Product;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ChannelDriftCount: ResolverTypeWrapper<ChannelDriftCount>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChannelPrice: ResolverTypeWrapper<ChannelPrice>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<Money>;
  PriceConsistency: ResolverTypeWrapper<PriceConsistency>;
  PriceDriftEntry: ResolverTypeWrapper<PriceDriftEntryModel>;
  PriceDriftReport: ResolverTypeWrapper<Omit<PriceDriftReport, 'entries'> & { entries: Array<ResolversTypes['PriceDriftEntry']> }>;
  PriceStatus: PriceStatus;
  Product: ResolverTypeWrapper<Product>;
  Promotion: ResolverTypeWrapper<Promotion>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SalesChannel: SalesChannel;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ChannelDriftCount: ChannelDriftCount;
  Int: Scalars['Int']['output'];
  ChannelPrice: ChannelPrice;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Money: Money;
  PriceConsistency: PriceConsistency;
  PriceDriftEntry: PriceDriftEntryModel;
  PriceDriftReport: Omit<PriceDriftReport, 'entries'> & { entries: Array<ResolversParentTypes['PriceDriftEntry']> };
  Product: Product | FederationReferenceTypes['Product'];
  Promotion: Promotion;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
}>;

export type ScopeDirectiveArgs = {
  requires: Array<Scalars['String']['input']>;
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = PricingContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ChannelDriftCountResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['ChannelDriftCount'] = ResolversParentTypes['ChannelDriftCount']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['SalesChannel'], ParentType, ContextType>;
  skus?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ChannelPriceResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['ChannelPrice'] = ResolversParentTypes['ChannelPrice']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['SalesChannel'], ParentType, ContextType>;
  currentPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  drift?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  driftPercent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  listingId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  promotion?: Resolver<Maybe<ResolversTypes['Promotion']>, ParentType, ContextType>;
  regularPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PriceStatus'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PriceConsistencyResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['PriceConsistency'] = ResolversParentTypes['PriceConsistency']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['ChannelPrice']>, ParentType, ContextType>;
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  erpPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PriceStatus'], ParentType, ContextType>;
  unavailableChannels?: Resolver<Array<ResolversTypes['SalesChannel']>, ParentType, ContextType>;
}>;

export type PriceDriftEntryResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['PriceDriftEntry'] = ResolversParentTypes['PriceDriftEntry']> = ResolversObject<{
  erpPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['ChannelPrice'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PriceDriftReportResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['PriceDriftReport'] = ResolversParentTypes['PriceDriftReport']> = ResolversObject<{
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  driftedPerChannel?: Resolver<Array<ResolversTypes['ChannelDriftCount']>, ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['PriceDriftEntry']>, ParentType, ContextType>;
  skusChecked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  unavailableChannels?: Resolver<Array<ResolversTypes['SalesChannel']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  priceConsistency?: Resolver<Maybe<ResolversTypes['PriceConsistency']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PromotionResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['Promotion'] = ResolversParentTypes['Promotion']> = ResolversObject<{
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PricingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  priceDrift?: Resolver<ResolversTypes['PriceDriftReport'], ParentType, ContextType, RequireFields<QueryPriceDriftArgs, 'threshold'>>;
}>;

export type Resolvers<ContextType = PricingContext> = ResolversObject<{
  ChannelDriftCount?: ChannelDriftCountResolvers<ContextType>;
  ChannelPrice?: ChannelPriceResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  PriceConsistency?: PriceConsistencyResolvers<ContextType>;
  PriceDriftEntry?: PriceDriftEntryResolvers<ContextType>;
  PriceDriftReport?: PriceDriftReportResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Promotion?: PromotionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PricingContext> = ResolversObject<{
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
