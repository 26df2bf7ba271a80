import type { ProductResolvers } from '../__generated__/resolvers-types.ts';

/** `Product` is owned elsewhere (key `sku`); this subgraph adds the e-shop listing of the SKU. */
export const productResolvers: ProductResolvers = {
  // Any SKU is a valid reference: whether the shop lists it is `eshopListing`'s question (null when it does not).
  __resolveReference: (reference) => ({ sku: reference.sku }),
  eshopListing: (product, _args, { loaders }) => loaders.listingBySku.load(product.sku),
};
