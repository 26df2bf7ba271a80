/**
 * `erpCatalogueSkus` (@inaccessible): the active SKUs page by page, the pricing subgraph's bulk feed for its
 * catalogue-wide report. The cursor is the last product id read (opaque to the caller), so a page costs one Odoo call
 * whatever its position in the catalogue.
 */
import { badUserInput } from '@omnigraph/shared/errors';
import { isNumericId } from '@omnigraph/shared/arguments';
import type { Resolvers } from '../__generated__/resolvers-types.ts';

/** One Odoo search_read returns this many rows at most per page (the pricing subgraph asks 500). */
export const MAX_CATALOGUE_PAGE = 1_000;

export const catalogueSkusResolvers: Resolvers = {
  Query: {
    erpCatalogueSkus: async (_parent, { after, first }, { catalogueSkus }) => {
      const limit = first ?? 500;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CATALOGUE_PAGE) {
        throw badUserInput(`\`first\` must be between 1 and ${MAX_CATALOGUE_PAGE}.`, 'first');
      }
      if (after !== null && after !== undefined && !isNumericId(after)) throw badUserInput('`after` is not a cursor of this list.', 'after');
      const page = await catalogueSkus({ afterId: after === null || after === undefined ? null : Number(after), limit });
      return { skus: page.skus, nextCursor: page.nextAfterId === null ? null : String(page.nextAfterId) };
    },
  },
};
