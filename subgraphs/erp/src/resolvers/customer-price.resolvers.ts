import type { CustomerPrice, Resolvers } from '../__generated__/resolvers-types.ts';
import { checkSkus } from '@omnigraph/shared/arguments';
import { UpstreamError } from '@omnigraph/shared/errors';
import { formatMinorUnits } from '../money.ts';
import { partnerPriceOf } from '../partner-price.ts';
import type { ErpPriceModel, ErpProductModel } from '../upstream/erp-client.ts';

export function toPrice(price: ErpPriceModel) {
  return {
    net: { amount: formatMinorUnits(price.netMinor), currency: price.currency },
    gross: { amount: formatMinorUnits(price.grossMinor), currency: price.currency },
    vatRate: price.vatRate,
  };
}

/** An Odoo partner id as the CRM stores it (`odoo_partner_id`); anything else links no partner. */
const PARTNER_ID = /^[1-9]\d{0,11}$/;

/** `${now}` as Odoo compares pricelist rule dates: UTC, second precision. */
const nowIso = (): string => `${new Date().toISOString().slice(0, 19)}Z`;

/**
 * `Customer.erpPrices(skus)`: the pricelist price of the CRM customer's linked ERP partner (`erpPartnerId`, sent by
 * the gateway through @requires), computed like `Product.partnerPrice`. One `partnerPricing` batch (≤ 3 calls + one
 * per level of pricelists based on pricelists) and one `productBySku` batch for every customer and SKU of the request.
 * A customer-bound caller reaches only its own customer (the representation rule in `customer-binding.ts`).
 */
export const customerPriceResolvers: Resolvers = {
  Customer: {
    erpPrices: async (parent, { skus }, { loaders }) => {
      checkSkus(skus, 'skus');
      const raw = (parent as { erpPartnerId?: unknown }).erpPartnerId;
      const partnerId = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
      if (partnerId === null || !PARTNER_ID.test(partnerId)) return null;
      const [pricing, products] = await Promise.all([loaders.partnerPricing.load(partnerId), loaders.productBySku.loadMany(skus)]);
      if (pricing === null) return null;
      const at = nowIso();
      return products.map((product: ErpProductModel | null | Error, i) => {
        if (product instanceof Error || product === null) return product;
        const outcome = partnerPriceOf(product, pricing, at);
        if ('unsupported' in outcome) {
          return new UpstreamError({
            code: 'UPSTREAM_BAD_RESPONSE',
            serviceName: 'erp',
            operation: 'getPartnerPricing',
            cause: new Error(`pricelist ${pricing.pricelistId} prices ${skus[i]} from ${outcome.unsupported}`),
          });
        }
        return {
          sku: product.sku,
          pricelist: outcome.ruleApplied ? (pricing.pricelistName ?? null) : null,
          price: toPrice(outcome.price),
          listPrice: toPrice(product.listPrice),
        };
      }) as (CustomerPrice | null)[]; // an Error item: GraphQL nulls that item with its error, the others stay
    },
  },
};
