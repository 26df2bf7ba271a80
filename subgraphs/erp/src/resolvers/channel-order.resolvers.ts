import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ErpContext } from '../context.ts';

/**
 * The ERP's outgoing deliveries of a channel order (entities owned by the eshop and marketplace subgraphs): the sale
 * orders the connector created (ERP_CHANNEL_ORDER_REFS) and their `stock.picking`s, batched over every order of the
 * request (`channelOrderDeliveries`: two Odoo calls per batch). An id of another shape costs no call and has none; an
 * order that never reached the ERP has none; a failing ERP nulls the list with its error.
 */
const erpDeliveries = async (parent: { id?: unknown }, _args: unknown, { lookups }: ErpContext) =>
  typeof parent.id === 'string' ? ((await lookups.channelOrderDeliveries.load(parent.id)) ?? []) : [];

export const channelOrderResolvers: Resolvers = {
  EshopOrder: { erpDeliveries },
  MarketplaceOrder: { erpDeliveries },
  ErpDelivery: {
    // the warehouse the picking type belongs to; the location list is one cached read for the whole request, and is
    // only read when a client asks for the warehouse
    warehouse: async ({ warehouseRef }, _args, { loaders }) => {
      if (warehouseRef === null) return null;
      return (await loaders.allLocations()).find((location) => location.stockRefs.includes(warehouseRef)) ?? null;
    },
  },
};
