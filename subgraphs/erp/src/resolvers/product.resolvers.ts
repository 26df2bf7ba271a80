import { mapStockRowsToStockLevels } from '../stock-levels.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ErpProductModel } from '../upstream/erp-client.ts';
import { checkNumericId, checkSku, checkSkus, checkStoreCodes, isSku } from '@omnigraph/shared/arguments';
import { UpstreamError } from '@omnigraph/shared/errors';
import { currentCustomerBinding, notBoundCustomers } from '@omnigraph/shared/graphql-server';
import { partnerPriceOf } from '../partner-price.ts';

import { toPrice } from './customer-price.resolvers.ts';

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
    listPrice: ({ listPrice }) => toPrice(listPrice),
    // one rules read per partner for every product of the request (partnerPricing is keyed by partner), cached like
    // the catalogue; the price is then computed here, as Odoo's own computation is not callable remotely
    partnerPrice: async (product, { erpPartnerId }, { loaders }) => {
      checkNumericId(erpPartnerId, 'erpPartnerId', 'an ERP partner id');
      // a customer-bound caller (ADR 0009) sees its own partner's prices only
      const binding = currentCustomerBinding();
      if (binding && binding.erpPartnerId !== erpPartnerId) throw notBoundCustomers();
      const pricing = await loaders.partnerPricing.load(erpPartnerId);
      if (pricing === null) return null;
      const outcome = partnerPriceOf(product, pricing, `${new Date().toISOString().slice(0, 19)}Z`);
      if ('unsupported' in outcome) {
        throw new UpstreamError({
          code: 'UPSTREAM_BAD_RESPONSE',
          serviceName: 'erp',
          operation: 'getPartnerPricing',
          cause: new Error(`pricelist ${pricing.pricelistId} prices ${product.sku} with a formula based on ${outcome.unsupported}`),
        });
      }
      return toPrice(outcome.price);
    },
    // stockBySku batches every product of the request into one stock call; locations are loaded once per request
    stock: async ({ sku }, { locationCodes }, { loaders }) => {
      if (locationCodes !== null && locationCodes !== undefined) checkStoreCodes(locationCodes, 'locationCodes');
      const [rows, locations] = await Promise.all([loaders.stockBySku.load(sku), loaders.allLocations()]);
      return mapStockRowsToStockLevels(rows ?? [], locations, locationCodes);
    },
  },
};
