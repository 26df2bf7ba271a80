import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerQueryResolvers, customerResolvers } from './customer.resolvers.ts';
import { meQueryResolvers } from './me.resolvers.ts';
import { eshopOrderResolvers, marketplaceOrderResolvers, orderQueryResolvers, orderResolvers } from './order.resolvers.ts';

export const resolvers: Resolvers = {
  Query: { ...customerQueryResolvers, ...orderQueryResolvers, ...meQueryResolvers },
  Customer: customerResolvers,
  Order: orderResolvers,
  EshopOrder: eshopOrderResolvers,
  MarketplaceOrder: marketplaceOrderResolvers,
};
