import type { Cache, SingleFlight } from '@omnigraph/shared/cache';
import type { ErpClient } from './upstream/erp-client.ts';
import { createCatalogueIndex, type CatalogueIndex } from './discovery/catalogue-index.ts';
import { createErpWriteSteps, type ErpWriteSteps } from './writes/erp-write-steps.ts';
import {
  createErpLoaders,
  DEFAULT_LOCATIONS_TTL_SECONDS,
  DEFAULT_STOCK_CACHE_TTL_SECONDS,
  type ErpCachePolicies,
  type ErpLoaders,
} from './upstream/erp-loaders.ts';
import { DEFAULT_MAX_STALE_SECONDS } from '@omnigraph/shared/cache';
import { createErpLookupLoaders, type ErpLookupLoaders, type ErpLookupSettings } from './upstream/erp-lookup-loaders.ts';
import { DEFAULT_CHANNEL_ORDER_REFS, DEFAULT_SALE_ORDER_NAME_PATTERN, parseChannelOrderRules } from './order-references.ts';

/** Per-request context of the `erp` subgraph. */
export interface ErpContext {
  loaders: ErpLoaders;
  /** order references and customer identities (issue 10) */
  lookups: ErpLookupLoaders;
  /** the write steps (issue 11, ADR 0011) */
  writes: ErpWriteSteps;
  /** active SKUs page by page, uncached (the pricing subgraph's bulk feed: it caches its report itself) */
  catalogueSkus: ErpClient['listActiveSkus'];
  /** the process's catalogue index product search filters (issue 12, ADR 0012) */
  catalogue: CatalogueIndex;
}

/** How references and partners are read (config: ERP_SALE_ORDER_NAME_PATTERN, ERP_CHANNEL_ORDER_REFS, ERP_LOOKUP_CACHE_TTL_SECONDS). */
export interface ErpLookupConfig {
  saleOrderNamePattern: string;
  channelOrderRefs: string;
  cacheTtlSeconds: number;
}

export const DEFAULT_LOOKUP_CACHE_TTL_SECONDS = 30;

/** The lookup settings from the (already validated) config values; defaults for what is not given. */
export function erpLookupSettings(config: Partial<ErpLookupConfig> = {}): ErpLookupSettings {
  const rules = parseChannelOrderRules(config.channelOrderRefs ?? DEFAULT_CHANNEL_ORDER_REFS);
  if (!Array.isArray(rules)) throw new Error(`ERP_CHANNEL_ORDER_REFS: ${rules.error}`);
  const ttl = config.cacheTtlSeconds ?? DEFAULT_LOOKUP_CACHE_TTL_SECONDS;
  return {
    saleOrderName: new RegExp(config.saleOrderNamePattern ?? DEFAULT_SALE_ORDER_NAME_PATTERN),
    channelOrderRules: rules,
    policy: { freshSeconds: ttl, maxStaleSeconds: 0, negativeSeconds: ttl },
  };
}

/** What lives for the whole process and is shared by every request's context. */
export interface ErpContextDeps {
  client: ErpClient;
  cache: Cache;
  /** ERP_CACHE_TTL_SECONDS: how long a cached product is served without asking Odoo */
  cacheTtlSeconds: number;
  /** ERP_MAX_STALE_CATALOGUE_SECONDS: how old a product or the location list may be when it stands in for Odoo */
  maxStaleCatalogueSeconds?: number;
  /** ERP_STOCK_CACHE_TTL_SECONDS: how long stock rows are served without asking Odoo. @default 5 */
  stockCacheTtlSeconds?: number;
  /** ERP_MAX_STALE_STOCK_SECONDS: how old stock may be when it stands in for Odoo */
  maxStaleStockSeconds?: number;
  /** how long the location list is served without asking Odoo. @default 3600 */
  locationsTtlSeconds?: number;
  /** one per process (see createSingleFlight) */
  singleFlight?: SingleFlight;
  /** @default Date.now */
  now?: () => number;
  /** lookups configuration; defaults: the documented conventions */
  lookup?: Partial<ErpLookupConfig>;
  /** one per process; default: steps over `client` and `cache` without a default partner */
  writes?: ErpWriteSteps;
  /** one per process (index.ts sizes it from the config); default: one per client with the default sizes */
  catalogueIndex?: CatalogueIndex;
}

// The index must outlive the request; a caller that gives none still gets one per client, never one per request.
const defaultIndexes = new WeakMap<ErpClient, CatalogueIndex>();
function defaultCatalogueIndex(client: ErpClient): CatalogueIndex {
  let index = defaultIndexes.get(client);
  if (index === undefined) {
    index = createCatalogueIndex({ client });
    defaultIndexes.set(client, index);
  }
  return index;
}

/** The cache policy of each kind of ERP data, from the config (defaults: the documented max ages). */
export function erpCachePolicies(deps: ErpContextDeps): ErpCachePolicies {
  const catalogue = deps.maxStaleCatalogueSeconds ?? DEFAULT_MAX_STALE_SECONDS.catalogue;
  return {
    product: { freshSeconds: deps.cacheTtlSeconds, maxStaleSeconds: catalogue },
    // A micro-cache: a few seconds, dropped by the `stock.quant` change feed, bypassed by fresh reads (writes that
    // promise availability); beyond that the stored rows only stand in while Odoo fails.
    stock: {
      freshSeconds: deps.stockCacheTtlSeconds ?? DEFAULT_STOCK_CACHE_TTL_SECONDS,
      maxStaleSeconds: deps.maxStaleStockSeconds ?? DEFAULT_MAX_STALE_SECONDS.stock,
    },
    locations: { freshSeconds: deps.locationsTtlSeconds ?? DEFAULT_LOCATIONS_TTL_SECONDS, maxStaleSeconds: catalogue },
  };
}

// What derives from the process's deps (a RegExp, the parsed channel rules, the policies): once per deps, not per request.
const derivedOf = new WeakMap<ErpContextDeps, { policies: ErpCachePolicies; lookup: ErpLookupSettings }>();
function derivedFrom(deps: ErpContextDeps): { policies: ErpCachePolicies; lookup: ErpLookupSettings } {
  let derived = derivedOf.get(deps);
  if (derived === undefined) {
    derived = { policies: erpCachePolicies(deps), lookup: erpLookupSettings(deps.lookup) };
    derivedOf.set(deps, derived);
  }
  return derived;
}

/** Builds a request's context: NEW loaders every time, so no memo is shared between requests. */
export function createErpContext(deps: ErpContextDeps): ErpContext {
  const { policies, lookup } = derivedFrom(deps);
  return {
    loaders: createErpLoaders({
      client: deps.client,
      cache: deps.cache,
      policies,
      singleFlight: deps.singleFlight,
      now: deps.now,
    }),
    lookups: createErpLookupLoaders({
      client: deps.client,
      cache: deps.cache,
      settings: lookup,
      singleFlight: deps.singleFlight,
      now: deps.now,
    }),
    writes: deps.writes ?? createErpWriteSteps({ client: deps.client, cache: deps.cache }),
    catalogueSkus: (args) => deps.client.listActiveSkus(args),
    catalogue: deps.catalogueIndex ?? defaultCatalogueIndex(deps.client),
  };
}
