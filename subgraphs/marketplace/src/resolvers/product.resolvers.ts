import type { ProductResolvers } from '../__generated__/resolvers-types.ts';

export const productResolvers: ProductResolvers = {
  /** One `GET /sale/offers?external.id=…` per ≤ 100 SKUs of the request, whatever the number of products. */
  async marketplaceOffers({ sku }, _args, { loaders }) {
    return (await loaders.offersBySku.load(sku)) ?? [];
  },
};
