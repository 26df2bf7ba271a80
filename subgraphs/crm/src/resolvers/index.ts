import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerLookupQueryResolvers, customerLookupResolvers } from './customer-lookup.resolvers.ts';
import { customerQueryResolvers, customerResolvers, orderConnectionResolvers } from './customer.resolvers.ts';
import { meQueryResolvers } from './me.resolvers.ts';
import { customerNoteResolvers, mutationResolvers } from './notes.resolvers.ts';
import {
  eshopOrderResolvers,
  marketplaceOrderResolvers,
  orderQueryResolvers,
  orderReferenceLookupResolvers,
  orderResolvers,
} from './order.resolvers.ts';

export const resolvers: Resolvers = {
  Query: { ...customerQueryResolvers, ...customerLookupQueryResolvers, ...orderQueryResolvers, ...meQueryResolvers },
  Mutation: mutationResolvers,
  Customer: customerResolvers,
  OrderConnection: orderConnectionResolvers,
  CustomerNote: customerNoteResolvers,
  CustomerLookup: customerLookupResolvers,
  OrderReferenceLookup: orderReferenceLookupResolvers,
  Order: orderResolvers,
  EshopOrder: eshopOrderResolvers,
  MarketplaceOrder: marketplaceOrderResolvers,
};
