import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { orderConnectionResolvers } from './customer.resolvers.ts';
import { marketplaceOrderQueryResolvers, marketplaceOrderResolvers } from './marketplace-order.resolvers.ts';
import { productResolvers } from './product.resolvers.ts';
import { marketplaceOrderDetailResolvers } from './order-detail.resolvers.ts';
import { marketplaceOrderReturnsResolvers, orderLineResolvers, returnsMutationResolvers } from './returns.resolvers.ts';
import {
  customerIdentityResolvers,
  customerLookupResolvers,
  marketplaceOrderIdentityResolvers,
  orderReferenceLookupResolvers,
} from './lookup.resolvers.ts';

/** Customer and Product have no __resolveReference: their representation (sku, allegroBuyerLogin) is all we need. */
export const resolvers: Resolvers = {
  Query: { ...marketplaceOrderQueryResolvers },
  Mutation: { ...returnsMutationResolvers },
  Customer: customerIdentityResolvers,
  OrderConnection: orderConnectionResolvers,
  MarketplaceOrder: {
    ...marketplaceOrderResolvers,
    ...marketplaceOrderIdentityResolvers,
    ...marketplaceOrderReturnsResolvers,
    ...marketplaceOrderDetailResolvers,
  },
  OrderLine: orderLineResolvers,
  CustomerLookup: customerLookupResolvers,
  OrderReferenceLookup: orderReferenceLookupResolvers,
  Product: productResolvers,
  // the offer's stock is the marketplace's own; the enum is shared with the ERP and e-shop subgraphs
  MarketplaceOffer: { stockSource: () => 'MARKETPLACE' },
};
