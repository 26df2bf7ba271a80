import type { Cache, HandOff, SingleFlight } from '@omnigraph/shared/cache';
import type { Logger } from '@omnigraph/shared/logging';
import type { EshopClient } from './upstream/eshop-client.ts';
import { createEshopLoaders, type EshopLoaders } from './upstream/eshop-loaders.ts';
import type { EshopLookupOptions } from './lookup/eshop-lookups.ts';
import type { ShipmentTrackingMode } from './upstream/woocommerce/woocommerce-order-detail.ts';
import { createEshopWriteSteps, type EshopWriteSteps } from './writes/eshop-write-steps.ts';

/** What every resolver gets: this request's loaders and the shop's lookup settings (resolvers never call the client). */
export interface EshopContext {
  loaders: EshopLoaders;
  lookupOptions: EshopLookupOptions;
  /** ESHOP_ORDER_NUMBER_PATTERN compiled; null: core numbering (the number is the order id) */
  orderNumberPattern: RegExp | null;
  /** the write steps (ADR 0011): idempotent by their tag, invalidating what they change */
  writes: EshopWriteSteps;
  /** ESHOP_SHIPMENT_TRACKING: which parcel data the shop keeps */
  shipmentTracking: ShipmentTrackingMode;
}

export interface EshopContextDeps {
  client: EshopClient;
  cache?: Cache | undefined;
  /** ESHOP_CACHE_TTL_SECONDS */
  cacheTtlSeconds: number;
  /** ESHOP_MAX_STALE_STOCK_SECONDS (listings) */
  maxStaleListingSeconds?: number | undefined;
  /** ESHOP_MAX_STALE_ORDERS_SECONDS */
  maxStaleOrderSeconds?: number | undefined;
  /** one per process (createEshopServer makes it) */
  singleFlight?: SingleFlight | undefined;
  /** one per process: listed orders waiting for the entity step (createHandOff) */
  handOff?: HandOff | undefined;
  logger?: Logger | undefined;
  now?: (() => number) | undefined;
  /** ESHOP_NIP_META_KEY is set (the client maps the NIP; lookups may search by it). @default false */
  nipLookup?: boolean | undefined;
  /** ESHOP_ORDER_NUMBER_PATTERN compiled (the client must be built with `pluginOrderNumbers` too). @default null */
  orderNumberPattern?: RegExp | null | undefined;
  /** ESHOP_SHIPMENT_TRACKING. @default 'auto' */
  shipmentTracking?: ShipmentTrackingMode | undefined;
}

/** Called once per GraphQL request: new DataLoaders each time, so no memo outlives its request. */
export function createEshopContext(deps: EshopContextDeps): EshopContext {
  return {
    loaders: createEshopLoaders(deps),
    lookupOptions: { nipLookup: deps.nipLookup ?? false },
    orderNumberPattern: deps.orderNumberPattern ?? null,
    shipmentTracking: deps.shipmentTracking ?? 'auto',
    writes: createEshopWriteSteps({
      client: deps.client,
      cache: deps.cache,
      logger: deps.logger,
      now: deps.now,
    }),
  };
}
