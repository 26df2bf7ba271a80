import type { EshopListingModel, EshopProductContentModel } from './upstream/eshop-client.ts';

export type ListingContent = Pick<EshopListingModel, 'description' | 'shortDescription' | 'images' | 'categories'>;

/**
 * A variation's content completed from its parent product, as the schema defines it: its own description if it has
 * one, else the parent's; the parent's short description and categories where it has none of its own; its own image
 * first, then the parent's images (the same file not repeated).
 */
export function mergeParentContent(listing: ListingContent, parent: Omit<EshopProductContentModel, 'productId'> | null): ListingContent {
  if (parent === null) return listing;
  const seen = new Set(listing.images.map((image) => image.url));
  return {
    description: listing.description ?? parent.description,
    shortDescription: listing.shortDescription ?? parent.shortDescription,
    images: [...listing.images, ...parent.images.filter((image) => !seen.has(image.url))],
    categories: listing.categories.length > 0 ? listing.categories : parent.categories,
  };
}
