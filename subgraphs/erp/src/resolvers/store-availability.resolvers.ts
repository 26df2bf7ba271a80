import { mapStockRowsToStockLevels } from '../stock-levels.ts';
import { findStoresWithStock } from '../store-search.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { badUserInput } from '@omnigraph/shared/errors';
import { checkSkus } from '@omnigraph/shared/arguments';

/** More SKUs than one upstream batch would make one click-and-collect search cost several ERP calls. */
const MAX_SKUS = 200;
/** There are a handful of stores; a larger `first` is most likely a client bug. */
const MAX_FIRST = 100;

export const storeAvailabilityResolvers: Resolvers = {
  // every ERP stock figure comes from the ERP; the enum is shared with the e-shop and marketplace subgraphs
  StockLevel: { source: () => 'ERP' },
  Query: {
    storesWithStock: async (_parent, { skus, near, city, first }, { loaders }) => {
      const uniqueSkus = [...new Set(skus)];
      if (uniqueSkus.length === 0) throw badUserInput('`skus` must name at least one SKU.', 'skus');
      if (uniqueSkus.length > MAX_SKUS) throw badUserInput(`\`skus\` may name at most ${MAX_SKUS} SKUs.`, 'skus');
      checkSkus(uniqueSkus, 'skus', MAX_SKUS);
      const hasNear = near !== null && near !== undefined;
      const hasCity = city !== null && city !== undefined;
      if (hasNear === hasCity) throw badUserInput('Give exactly one of `near` and `city`.', hasNear ? 'city' : 'near');
      if (hasCity && city.trim() === '') throw badUserInput('`city` must not be blank.', 'city');
      if (hasNear && !(Math.abs(near.latitude) <= 90 && Math.abs(near.longitude) <= 180)) {
        throw badUserInput('`near` must have a latitude in [-90, 90] and a longitude in [-180, 180].', 'near');
      }
      const limit = first ?? 5;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) {
        throw badUserInput(`\`first\` must be between 1 and ${MAX_FIRST}.`, 'first');
      }

      const [locations, stockRows] = await Promise.all([loaders.allLocations(), loaders.stockBySku.loadMany(uniqueSkus)]);
      const stores = locations.filter((location) => location.kind === 'STORE');
      const stockBySku = stockRows.map((rows) => {
        if (rows instanceof Error) throw rows;
        return mapStockRowsToStockLevels(rows ?? [], stores);
      });
      return findStoresWithStock({
        skus: uniqueSkus,
        stores,
        stockBySku,
        near: hasNear ? { latitude: near.latitude, longitude: near.longitude } : null,
        city: hasCity ? city : null,
        first: limit,
      });
    },
  },
};
