import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerResolvers } from './customer.resolvers.ts';
import { eshopOrderQueryResolvers, eshopOrderResolvers, orderLineResolvers } from './eshop-order.resolvers.ts';
import { productResolvers } from './product.resolvers.ts';

export const resolvers: Resolvers = {
  Query: { ...eshopOrderQueryResolvers },
  Product: productResolvers,
  EshopOrder: eshopOrderResolvers,
  OrderLine: orderLineResolvers,
  Customer: customerResolvers,
};
