import type { CustomerResolvers, OrderConnectionResolvers } from '../__generated__/resolvers-types.ts';
import { decodeOrderListKey } from '@omnigraph/shared/models';

/** `Customer` is owned by `crm`; this subgraph adds the e-shop identities from what the CRM holds (`@requires`). */
export const customerResolvers: CustomerResolvers = {
  // The representation carries the required fields; there is nothing to fetch for the customer itself.
  __resolveReference: (reference) => reference,
};

/**
 * `OrderConnection` is owned by `crm` (ADR 0014): its key says which page the customer's list is at; this subgraph
 * adds the e-shop's slice of it.
 */
export const orderConnectionResolvers: OrderConnectionResolvers = {
  __resolveReference: (reference) => reference,
  /**
   * Nullable on purpose: if WooCommerce fails, the loader's UpstreamError nulls only this field (reported in
   * `errors`), and crm turns the null into an unavailable channel instead of losing the whole page.
   */
  async eshopSlice(connection, _args, { loaders }) {
    const key = decodeOrderListKey(connection.id);
    // a page of the other channel only, or no e-shop identity: nothing to ask
    if (key === null || key.channel === 'MARKETPLACE' || (key.email === null && key.eshopCustomerId === null)) {
      return { orders: [], hasMore: false, totalCount: 0 };
    }
    return loaders.orderSlice.load({ email: key.email, customerId: key.eshopCustomerId, first: key.first, after: key.after });
  },
};
