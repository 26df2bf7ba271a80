import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { catalogueSkusResolvers } from './catalogue-skus.resolvers.ts';
import { discoveryResolvers } from './discovery.resolvers.ts';
import { channelOrderResolvers } from './channel-order.resolvers.ts';
import { customerPriceResolvers } from './customer-price.resolvers.ts';
import { locationResolvers } from './location.resolvers.ts';
import { lookupResolvers } from './lookup.resolvers.ts';
import { mutationResolvers } from './mutation.resolvers.ts';
import { productResolvers } from './product.resolvers.ts';
import { storeAvailabilityResolvers } from './store-availability.resolvers.ts';

/** One resolver map per GraphQL type file, merged; Query fields live with the type they return. */
export const resolvers: Resolvers = {
  ...productResolvers,
  ...locationResolvers,
  ...storeAvailabilityResolvers,
  ...lookupResolvers,
  ...mutationResolvers,
  ...discoveryResolvers,
  Product: { ...productResolvers.Product, ...discoveryResolvers.Product },
  ...channelOrderResolvers,
  Customer: { ...lookupResolvers.Customer, ...customerPriceResolvers.Customer },
  Query: {
    ...productResolvers.Query,
    ...discoveryResolvers.Query,
    ...locationResolvers.Query,
    ...storeAvailabilityResolvers.Query,
    ...catalogueSkusResolvers.Query,
  },
};
