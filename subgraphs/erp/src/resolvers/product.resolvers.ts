import { formatMinorUnits } from '../money.ts';
import { mapStockRowsToStockLevels } from '../stock-levels.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ErpProductModel } from '../upstream/erp-client.ts';
import { checkSku, checkSkus, checkStoreCodes, isSku } from '@omnigraph/shared/arguments';

export const productResolvers: Resolvers = {
  Query: {
    // one productBySku batch for all SKUs (≤ 200 per upstream call); position kept, null where unknown
    products: async (_parent, { skus }, { loaders }) => {
      // Shape and count checked before the loader: a malformed SKU costs no ERP call and is the client's error.
      checkSkus(skus, 'skus');
      // An item whose read failed (and had no cached stand-in) is returned as its Error: GraphQL nulls that item
      // with an error at its path, and the products served from the ERP or its cache stay in the list.
      return (await loaders.productBySku.loadMany(skus)) as (ErpProductModel | null)[];
    },
    product: (_parent, { sku }, { loaders }) => {
      checkSku(sku, 'sku');
      return loaders.productBySku.load(sku);
    },
  },
  Product: {
    // A SKU another channel holds (an order line) that no ERP product can have: no product, and no call.
    __resolveReference: (reference, { loaders }) => (isSku(reference.sku) ? loaders.productBySku.load(reference.sku) : null),
    listPrice: ({ listPrice }) => ({
      net: { amount: formatMinorUnits(listPrice.netMinor), currency: listPrice.currency },
      gross: { amount: formatMinorUnits(listPrice.grossMinor), currency: listPrice.currency },
      vatRate: listPrice.vatRate,
    }),
    // stockBySku batches every product of the request into one stock call; locations are loaded once per request
    stock: async ({ sku }, { locationCodes }, { loaders }) => {
      if (locationCodes !== null && locationCodes !== undefined) checkStoreCodes(locationCodes, 'locationCodes');
      const [rows, locations] = await Promise.all([loaders.stockBySku.load(sku), loaders.allLocations()]);
      return mapStockRowsToStockLevels(rows ?? [], locations, locationCodes);
    },
  },
};
