import type { EshopListingResolvers, ProductResolvers } from '../__generated__/resolvers-types.ts';
import type { EshopContext } from '../context.ts';
import { mergeParentContent, type ListingContent } from '../listing-content.ts';
import type { EshopListingModel } from '../upstream/eshop-client.ts';

/** `Product` is owned elsewhere (key `sku`); this subgraph adds the e-shop listing of the SKU. */
export const productResolvers: ProductResolvers = {
  // Any SKU is a valid reference: whether the shop lists it is `eshopListing`'s question (null when it does not).
  __resolveReference: (reference) => ({ sku: reference.sku }),
  eshopListing: (product, _args, { loaders }) => loaders.listingBySku.load(product.sku),
};

/**
 * A variation's content is completed from its parent product (schema: own description else the parent's; the parent's
 * short description, categories and gallery). The parent is read only when one of these fields is asked for, and
 * every listing of the request shares one batched read (`productContentById`), so a query without content costs what
 * it did. When that read fails the listing keeps its own content; the request's source status reports the failure.
 */
async function contentOf(listing: EshopListingModel, loaders: EshopContext['loaders']): Promise<ListingContent> {
  if (listing.parentProductId === null) return listing;
  const parent = await loaders.productContentById.load(listing.parentProductId).catch(() => null);
  return mergeParentContent(listing, parent);
}

export const eshopListingContentResolvers: Pick<EshopListingResolvers, 'description' | 'shortDescription' | 'images' | 'categories'> = {
  description: async (listing, _args, { loaders }) => (await contentOf(listing, loaders)).description,
  shortDescription: async (listing, _args, { loaders }) => (await contentOf(listing, loaders)).shortDescription,
  images: async (listing, _args, { loaders }) => (await contentOf(listing, loaders)).images,
  categories: async (listing, _args, { loaders }) => (await contentOf(listing, loaders)).categories,
};
