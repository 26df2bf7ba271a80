/**
 * The order detail of an Allegro order: parcels (`shipments`), history (`timeline`) and invoice data. Parcels and
 * history are only read when asked for; the ERP's deliveries arrive with the entity representation (`@requires`), so
 * these fields are resolved on the gateway's entity step, never on the listing.
 */
import { mergeShipments, type ErpDeliveryModel } from '@omnigraph/shared/models';
import type { MarketplaceOrderResolvers } from '../__generated__/resolvers-types.ts';
import type { MarketplaceContext } from '../context.ts';
import { buildMarketplaceTimeline } from '../timeline/build-timeline.ts';
import type { MarketplaceOrderModel } from '../upstream/marketplace-client.ts';

/** The ERP deliveries the gateway handed over; null when it did not (or could not) ask the ERP. */
function erpDeliveriesOf(order: MarketplaceOrderModel): ErpDeliveryModel[] | null {
  return order.erpDeliveries ?? null;
}

/** Allegro's parcels of the order (one capped, cached `GET …/shipments`) merged with the ERP's deliveries. */
async function shipmentsOf(order: MarketplaceOrderModel, { loaders }: MarketplaceContext) {
  const cached = (await loaders.shipmentsByOrderNumber.load(order.number)) ?? [];
  // the cached parcels are mapped already: their carrier is kept as recognised
  const channel = cached.map((s) => ({ ...s, trackingLink: s.trackingUrl }));
  return mergeShipments({ source: 'MARKETPLACE', channel, erpDeliveries: erpDeliveriesOf(order) });
}

export const marketplaceOrderDetailResolvers: Pick<MarketplaceOrderResolvers, 'shipments' | 'timeline' | 'invoice'> = {
  shipments: (order, _args, context) => shipmentsOf(order, context),

  /**
   * The journal (shared cache), the form, the parcels and the refunds: the same loaders as `shipments` and `returns`,
   * so asking for all three costs one shipments call and one refunds call per order.
   */
  async timeline(order, _args, context) {
    // While Allegro cannot list the parcels or refunds, the timeline still tells what the form, the journal and the
    // ERP know: those parts are left out, and the loader has reported `marketplace` as unavailable in the response's
    // source statuses. (`shipments` and `returns` themselves fail with the error.)
    const [journal, shipments, refunds] = await Promise.all([
      context.loaders.orderEventsByOrderNumber.load(order.number),
      shipmentsOf(order, context).catch(() => mergeShipments({ source: 'MARKETPLACE', channel: [], erpDeliveries: erpDeliveriesOf(order) })),
      context.loaders.refundsByOrderNumber.load(order.number).catch(() => null),
    ]);
    return buildMarketplaceTimeline({ order, journal, shipments, refunds: refunds ?? [], erpDeliveries: erpDeliveriesOf(order) });
  },

  // from the form already read: no call
  invoice: (order) => order.invoice,
};
