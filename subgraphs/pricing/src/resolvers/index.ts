/** `Product.priceConsistency` and `Query.priceDrift` (rules: docs/pricing.md). */
import { badUserInput } from '@omnigraph/shared/errors';
import { isSku } from '@omnigraph/shared/arguments';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { thresholdBasisPoints } from '../price-rules.ts';

export const resolvers: Resolvers = {
  Query: {
    priceDrift: async (_parent, { threshold, channel }, { pricing, identity }) => {
      const text = threshold ?? '0';
      const basisPoints = thresholdBasisPoints(text);
      if (basisPoints === null) throw badUserInput('`threshold` must be a percent of 0 or more, e.g. "5" or "2.5".', 'threshold');
      return pricing.driftReport({ text, basisPoints }, channel ?? null, identity);
    },
  },
  Product: {
    // a SKU no ERP product can have (an order line's free text) costs no call
    __resolveReference: (reference) => ({ sku: reference.sku }),
    priceConsistency: async ({ sku }, _args, { pricing, reads }) => {
      if (!isSku(sku)) return null;
      return pricing.priceConsistency(sku, reads);
    },
  },
  PriceDriftEntry: {
    product: ({ sku }) => ({ sku }),
  },
};
