import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerResolvers } from './customer.resolvers.ts';
import { marketplaceOrderQueryResolvers, marketplaceOrderResolvers } from './marketplace-order.resolvers.ts';
import { productResolvers } from './product.resolvers.ts';

/** Customer and Product have no __resolveReference: their representation (sku, allegroBuyerLogin) is all we need. */
export const resolvers: Resolvers = {
  Query: { ...marketplaceOrderQueryResolvers },
  Customer: customerResolvers,
  MarketplaceOrder: marketplaceOrderResolvers,
  Product: productResolvers,
};
