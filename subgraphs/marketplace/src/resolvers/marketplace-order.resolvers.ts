import type { MarketplaceOrderResolvers, QueryResolvers } from '../__generated__/resolvers-types.ts';
import { parseMarketplaceOrderId } from '../upstream/marketplace-client.ts';
import { notFound } from '@omnigraph/shared/errors';
import { checkUuid } from '@omnigraph/shared/arguments';
import type { ErpDeliveryModel } from '@omnigraph/shared/models';

export const marketplaceOrderQueryResolvers: QueryResolvers = {
  /** Cache, then one `GET /order/checkout-forms/{id}`; null when Allegro does not know the form. */
  async marketplaceOrder(_parent, { checkoutFormId }, { loaders }) {
    // Checked here, so that garbage never costs an upstream call (Allegro would answer 422).
    checkUuid(checkoutFormId, 'checkoutFormId', 'an Allegro checkout-form id');
    return loaders.orderByNumber.load(checkoutFormId);
  },
};

export const marketplaceOrderResolvers: MarketplaceOrderResolvers = {
  /**
   * `marketplace:<uuid>` → the order. Usually served from the cache the summary listing filled moments before
   * (ADR 0004, step 4); otherwise one capped per-id read. Ids of other channels or malformed ids → null, no call.
   */
  async __resolveReference(reference, { loaders }) {
    const orderNumber = parseMarketplaceOrderId(reference.id);
    if (orderNumber === null) return null;
    // A well-formed reference Allegro does not know was named by a client (orderByReference): say so with a code,
    // rather than the gateway's bare non-null violation.
    const order = await loaders.orderByNumber.load(orderNumber);
    if (!order) throw notFound(`Allegro has no checkout form ${orderNumber}.`);
    // the ERP's deliveries the gateway fetched for `shipments` and `timeline` (@requires); null: the ERP was not asked
    if (!('erpDeliveries' in reference)) return order;
    const erpDeliveries: ErpDeliveryModel[] | null =
      reference.erpDeliveries?.map((d) => ({
        name: d.name,
        state: d.state,
        carrierName: d.carrierName ?? null,
        trackingNumber: d.trackingNumber ?? null,
        createdAt: String(d.createdAt),
        scheduledAt: d.scheduledAt == null ? null : String(d.scheduledAt),
        doneAt: d.doneAt == null ? null : String(d.doneAt),
      })) ?? null;
    return { ...order, erpDeliveries };
  },
};
