import type { OrderConnectionResolvers } from '../__generated__/resolvers-types.ts';
import { decodeOrderListKey } from '@omnigraph/shared/models';

/**
 * `OrderConnection` is owned by `crm` (ADR 0014): its key says which page of the customer's list is asked; this
 * subgraph adds Allegro's slice of it.
 */
export const orderConnectionResolvers: OrderConnectionResolvers = {
  __resolveReference: (reference) => reference,
  /**
   * The buyer's newest checkout forms after the cursor: one list call (two on later pages, the count in parallel). No
   * Allegro login in the CRM, or a page of the e-shop only → empty, no call. An upstream failure is thrown (the field
   * is nullable), so `crm` sees null and reports the marketplace channel as unavailable.
   */
  async marketplaceSlice(connection, _args, { loaders }) {
    const key = decodeOrderListKey(connection.id);
    const login = key?.allegroBuyerLogin ?? null;
    if (key === null || key.channel === 'ESHOP' || login === null || login === '') return { orders: [], hasMore: false, totalCount: 0 };
    return loaders.orderSlice.load({ buyerLogin: login, first: key.first, after: key.after });
  },
};
