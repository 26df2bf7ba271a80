import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerResolvers, orderConnectionResolvers } from './customer.resolvers.ts';
import { eshopOrderQueryResolvers, eshopOrderResolvers, orderLineResolvers, orderReturnResolvers } from './eshop-order.resolvers.ts';
import { eshopWriteResolvers } from './eshop-writes.resolvers.ts';
import { customerIdentityResolvers, eshopOrderIdentityResolvers } from './identity.resolvers.ts';
import { customerLookupResolvers, orderReferenceLookupResolvers } from './lookup.resolvers.ts';
import { eshopListingContentResolvers, productResolvers } from './product.resolvers.ts';

export const resolvers: Resolvers = {
  Query: { ...eshopOrderQueryResolvers },
  Mutation: eshopWriteResolvers,
  Product: productResolvers,
  // the listing's stock figures are the shop's own; the enum is shared with the ERP and marketplace subgraphs
  EshopListing: { stockSource: () => 'ESHOP', ...eshopListingContentResolvers },
  EshopOrder: { ...eshopOrderResolvers, ...eshopOrderIdentityResolvers },
  OrderLine: orderLineResolvers,
  OrderReturn: orderReturnResolvers,
  Customer: { ...customerResolvers, ...customerIdentityResolvers },
  OrderConnection: orderConnectionResolvers,
  CustomerLookup: customerLookupResolvers,
  OrderReferenceLookup: orderReferenceLookupResolvers,
};
