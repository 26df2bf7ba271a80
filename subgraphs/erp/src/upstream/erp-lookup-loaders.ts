import { createCachedLoader } from '@omnigraph/shared/cache';
import type { CachedLoader, Cache, CachePolicy, SingleFlight } from '@omnigraph/shared/cache';
import { parseLookupKey, type LookupCriterion } from '@omnigraph/shared/lookup';
import {
  customerRef,
  identitiesForCriterion,
  identitiesForCustomer,
  partnerQueryFor,
  type CustomerRef,
  type ErpIdentityModel,
} from '../identities.ts';
import {
  channelOrderOf,
  channelRefValueOf,
  classifyReference,
  parseChannelOrderId,
  type ChannelOrderRef,
  type ChannelOrderRule,
  type ClassifiedReference,
  type SaleOrderRefField,
} from '../order-references.ts';
import type { ErpClient, ErpDeliveryRowModel, ErpPartnerQuery, ErpSaleOrderRefQuery } from './erp-client.ts';
import { erpCacheKeys } from './erp-cache-keys.ts';

/**
 * References, lookup keys or customers per Odoo call. The domains grow with the batch (one `=ilike` leaf per e-mail,
 * one `ilike` per company name or phone), so a batch stays well below what a worker parses in milliseconds.
 */
export const ERP_MAX_LOOKUP_BATCH_SIZE = 100;

export interface OrderReferenceHitModel {
  ref: ChannelOrderRef;
  kind: 'ERP_SALE_ORDER_NAME' | 'TRACKING_NUMBER';
  placedAt: string | null;
}

export interface ErpLookupSettings {
  /** ERP_SALE_ORDER_NAME_PATTERN, applied to the upper-cased reference */
  saleOrderName: RegExp;
  /** ERP_CHANNEL_ORDER_REFS */
  channelOrderRules: readonly ChannelOrderRule[];
  /** ERP_LOOKUP_CACHE_TTL_SECONDS; never stale: an old "who is this" is worse than an honest error */
  policy: CachePolicy;
}

export interface ErpLookupLoaders {
  /** the ERP reference classes `reference` has the shape of; null → not recognised, and nothing is loaded */
  classify(reference: string): ClassifiedReference | null;
  /** channel orders a recognised reference names (key: the trimmed reference) */
  referenceHits: CachedLoader<string, OrderReferenceHitModel[]>;
  /** identities a customer-lookup key finds (key: the CustomerLookup key) */
  lookupIdentities: CachedLoader<string, ErpIdentityModel[]>;
  /** a CRM customer's partners (key: {@link customerKey}) */
  customerIdentities: CachedLoader<string, ErpIdentityModel[]>;
  /** the ERP's outgoing deliveries of a channel order (key: `eshop:<id>` / `marketplace:<uuid>`), oldest first */
  channelOrderDeliveries: CachedLoader<string, ErpDeliveryRowModel[]>;
}

/**
 * Where the sale orders of `orderIds` are, by the convention (ERP_CHANNEL_ORDER_REFS): each rule of the order's
 * channel gives the field's exact value (`WC-15228`; an Allegro UUID in both cases, as connectors differ), or — for a
 * pattern that cannot be inverted — a search for the id in the field, filtered afterwards by the convention itself.
 */
export function saleOrderRefQuery(orderIds: readonly string[], rules: readonly ChannelOrderRule[]): ErpSaleOrderRefQuery {
  const exact = new Map<SaleOrderRefField, Set<string>>();
  const contains: { field: SaleOrderRefField; value: string }[] = [];
  for (const orderId of orderIds) {
    const parsed = parseChannelOrderId(orderId);
    if (parsed === null) continue;
    for (const rule of rules) {
      if (rule.channel !== parsed.channel) continue;
      const value = channelRefValueOf(rule, parsed.id);
      if (value === null) continue;
      if (value === undefined) {
        contains.push({ field: rule.field, value: parsed.id });
        continue;
      }
      const values = exact.get(rule.field) ?? new Set<string>();
      values.add(value);
      if (parsed.channel === 'marketplace') values.add(value.toUpperCase());
      exact.set(rule.field, values);
    }
  }
  return { exact: [...exact].map(([field, values]) => ({ field, values: [...values] })), contains };
}

/** `<partner id>|<lower-case e-mail>`, either part empty. */
export function customerKey(ref: CustomerRef): string {
  return `${ref.partnerId ?? ''}|${ref.email ?? ''}`;
}

function parseCustomerKey(key: string): CustomerRef {
  const [id = '', email = ''] = key.split('|');
  return customerRef({ erpPartnerId: id, email });
}

/** Merges the partner searches of a batch into one (every list is OR-ed by the adapter). */
function mergeQueries(queries: readonly ErpPartnerQuery[]): ErpPartnerQuery | null {
  const merged = {
    ids: new Set<number>(),
    emails: new Set<string>(),
    nips: new Set<string>(),
    companyNames: new Set<string>(),
    phones: new Set<string>(),
  };
  for (const q of queries) {
    for (const [name, values] of Object.entries(q) as [keyof typeof merged, readonly (string | number)[]][]) {
      for (const v of values) (merged[name] as Set<string | number>).add(v);
    }
  }
  const query: ErpPartnerQuery = {
    ids: [...merged.ids],
    emails: [...merged.emails],
    nips: [...merged.nips],
    companyNames: [...merged.companyNames],
    phones: [...merged.phones],
  };
  return Object.values(query).some((values: readonly unknown[]) => values.length > 0) ? query : null;
}

export interface CreateErpLookupLoadersOptions {
  client: ErpClient;
  cache: Cache;
  settings: ErpLookupSettings;
  singleFlight?: SingleFlight | undefined;
  now?: (() => number) | undefined;
}

/**
 * Per-request loaders of the look-ups, on the shared cached loader. Each batch costs a fixed number of Odoo calls
 * whatever its size: references ≤ 2 (`stock.picking` by parcel numbers, then `sale.order` by names and ids),
 * lookup keys and customers ≤ 2 each (`res.partner` search, then a `read` of the commercial partners).
 */
export function createErpLookupLoaders(options: CreateErpLookupLoadersOptions): ErpLookupLoaders {
  const { client, cache, settings } = options;
  const common = {
    source: 'erp' as const,
    cache,
    policy: settings.policy,
    maxBatchSize: ERP_MAX_LOOKUP_BATCH_SIZE,
    ...(options.singleFlight === undefined ? {} : { singleFlight: options.singleFlight }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  const classify = (reference: string): ClassifiedReference | null => classifyReference(reference, settings.saleOrderName);

  const referenceHits = createCachedLoader<string, OrderReferenceHitModel[]>({
    ...common,
    name: 'orderReferenceHits',
    cacheKey: erpCacheKeys.referenceHits,
    async fetch(references) {
      const classes = references.map(classify);
      const names = [...new Set(classes.flatMap((c) => (c?.saleOrderName ? [c.saleOrderName] : [])))];
      const trackingRefs = [...new Set(classes.flatMap((c) => (c?.trackingRef ? [c.trackingRef] : [])))];
      const found = await client.findSaleOrders({ names, trackingRefs });
      return classes.map((c) => {
        if (c === null) return [];
        const hits = new Map<string, OrderReferenceHitModel>();
        const add = (
          order: { name: string; clientOrderRef: string | null; origin: string | null; dateOrder: string | null },
          kind: OrderReferenceHitModel['kind'],
        ) => {
          const ref = channelOrderOf({ name: order.name, client_order_ref: order.clientOrderRef, origin: order.origin }, settings.channelOrderRules);
          if (ref !== null && !hits.has(ref.id)) hits.set(ref.id, { ref, kind, placedAt: order.dateOrder });
        };
        for (const order of found.byName) if (order.name.toUpperCase() === c.saleOrderName) add(order, 'ERP_SALE_ORDER_NAME');
        for (const t of found.byTracking) if (t.trackingRef.toUpperCase().replace(/ /g, '') === c.trackingRef) add(t.order, 'TRACKING_NUMBER');
        return [...hits.values()].sort((a, b) => (b.placedAt ?? '').localeCompare(a.placedAt ?? ''));
      });
    },
  });

  const lookupIdentities = createCachedLoader<string, ErpIdentityModel[]>({
    ...common,
    name: 'lookupIdentities',
    cacheKey: erpCacheKeys.lookupIdentities,
    async fetch(keys) {
      const criteria = keys.map((key): LookupCriterion | null => parseLookupKey(key));
      const query = mergeQueries(criteria.flatMap((c) => (c === null ? [] : [partnerQueryFor(c) ?? {}])));
      const partners = query === null ? [] : await client.searchPartners({ query });
      return criteria.map((c) => (c === null ? [] : identitiesForCriterion(c, partners)));
    },
  });

  const customerIdentities = createCachedLoader<string, ErpIdentityModel[]>({
    ...common,
    name: 'customerIdentities',
    cacheKey: erpCacheKeys.customerIdentities,
    async fetch(keys) {
      const refs = keys.map(parseCustomerKey);
      const query = mergeQueries(refs.map((r) => ({ ids: r.partnerId === null ? [] : [r.partnerId], emails: r.email === null ? [] : [r.email] })));
      const partners = query === null ? [] : await client.searchPartners({ query });
      return refs.map((r) => identitiesForCustomer(r, partners));
    },
  });

  // Deliveries change as the warehouse works (a tracking number appears), so they are cached as briefly as look-ups
  // and never served stale: an order whose ERP cannot be asked shows null with the error, not an old state.
  const channelOrderDeliveries = createCachedLoader<string, ErpDeliveryRowModel[]>({
    ...common,
    name: 'channelOrderDeliveries',
    cacheKey: erpCacheKeys.channelOrderDeliveries,
    async fetch(orderIds) {
      const query = saleOrderRefQuery(orderIds, settings.channelOrderRules);
      const found =
        query.exact.length === 0 && query.contains.length === 0 ? { orders: [], deliveries: [] } : await client.findSaleOrderDeliveries({ query });
      const orderOf = new Map<number, string>();
      for (const order of found.orders) {
        const ref = channelOrderOf({ name: order.name, client_order_ref: order.clientOrderRef, origin: order.origin }, settings.channelOrderRules);
        if (ref !== null) orderOf.set(order.id, ref.id);
      }
      const byOrder = new Map<string, ErpDeliveryRowModel[]>();
      for (const delivery of found.deliveries) {
        const orderId = orderOf.get(delivery.saleOrderId);
        if (orderId === undefined) continue;
        const list = byOrder.get(orderId) ?? [];
        list.push(delivery);
        byOrder.set(orderId, list);
      }
      // channelOrderOf writes Allegro ids in lower case
      return orderIds.map((id) => byOrder.get(id.startsWith('marketplace:') ? id.toLowerCase() : id) ?? []);
    },
  });

  return { classify, referenceHits, lookupIdentities, customerIdentities, channelOrderDeliveries };
}
