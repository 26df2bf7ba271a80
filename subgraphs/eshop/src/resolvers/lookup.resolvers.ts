/**
 * The e-shop's part of the CRM-owned lookups: `CustomerLookup` (by key) and `OrderReferenceLookup` (by reference)
 * are entities of `crm`; this subgraph resolves their representation as given and adds what the shop finds.
 */
import type { CustomerLookupResolvers, OrderReferenceLookupResolvers } from '../__generated__/resolvers-types.ts';
import { lookupEshopIdentities } from '../lookup/eshop-lookups.ts';
import { classifyEshopOrderReference } from '../lookup/eshop-order-numbers.ts';
import { toEshopOrderGlobalId, type EshopOrderModel } from '../upstream/eshop-client.ts';

export const customerLookupResolvers: CustomerLookupResolvers = {
  // The key is the whole lookup; there is nothing to fetch for the entity itself.
  __resolveReference: (reference) => ({ key: reference.key }),
  /** Nullable: when WooCommerce fails the loaders' error nulls only this list (crm reports the e-shop unavailable). */
  eshopIdentities: (lookup, _args, { loaders, lookupOptions }) => lookupEshopIdentities(lookup.key, loaders, lookupOptions),
};

function hitOf(order: EshopOrderModel) {
  return { ref: { typename: 'EshopOrder', id: toEshopOrderGlobalId(order.orderId) }, kind: 'ESHOP_ORDER_NUMBER' as const, placedAt: order.placedAt };
}

export const orderReferenceLookupResolvers: OrderReferenceLookupResolvers = {
  __resolveReference: (reference) => ({ reference: reference.reference }),
  /**
   * Recognised references cost one call (the order loader by id; a plugin number through one search); anything
   * else none. An order found under its id must still show the number asked for (a plugin could renumber it).
   */
  async eshopHits(lookup, _args, { loaders, orderNumberPattern }) {
    const classified = classifyEshopOrderReference(lookup.reference, orderNumberPattern);
    if (classified === null) return { recognised: false, hits: [] };
    if (classified.kind === 'impossible') return { recognised: true, hits: [] };
    const order =
      classified.kind === 'orderId' ? await loaders.orderById.load(classified.orderId) : await loaders.orderByNumber.load(classified.number);
    if (order === null) return { recognised: true, hits: [] };
    if (classified.kind === 'orderId' && order.number !== classified.orderId) return { recognised: true, hits: [] };
    return { recognised: true, hits: [hitOf(order)] };
  },
};
