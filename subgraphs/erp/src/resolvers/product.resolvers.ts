import { formatMinorUnits } from '../money.ts';
import { mapStockRowsToStockLevels } from '../stock-levels.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ErpProductModel } from '../upstream/erp-client.ts';

export const productResolvers: Resolvers = {
  Query: {
    // one productBySku batch for all SKUs (≤ 200 per upstream call); position kept, null where unknown
    products: async (_parent, { skus }, { loaders }) => {
      // An item whose read failed (and had no cached stand-in) is returned as its Error: GraphQL nulls that item
      // with an error at its path, and the products served from the ERP or its cache stay in the list.
      return (await loaders.productBySku.loadMany(skus)) as (ErpProductModel | null)[];
    },
    product: (_parent, { sku }, { loaders }) => loaders.productBySku.load(sku),
  },
  Product: {
    __resolveReference: (reference, { loaders }) => loaders.productBySku.load(reference.sku),
    listPrice: ({ listPrice }) => ({
      net: { amount: formatMinorUnits(listPrice.netMinor), currency: listPrice.currency },
      gross: { amount: formatMinorUnits(listPrice.grossMinor), currency: listPrice.currency },
      vatRate: listPrice.vatRate,
    }),
    // stockBySku batches every product of the request into one stock call; locations are loaded once per request
    stock: async ({ sku }, { locationCodes }, { loaders }) => {
      const [rows, locations] = await Promise.all([loaders.stockBySku.load(sku), loaders.allLocations()]);
      return mapStockRowsToStockLevels(rows ?? [], locations, locationCodes);
    },
  },
};
