import type { EshopOrderResolvers, OrderLineResolvers, OrderReturnResolvers, QueryResolvers } from '../__generated__/resolvers-types.ts';
import { returnedOf } from '../writes/eshop-write-steps.ts';
import { parseEshopOrderGlobalId } from '../upstream/eshop-client.ts';
import { notFound } from '@omnigraph/shared/errors';
import { checkOrderNumber, isNumericId } from '@omnigraph/shared/arguments';
import {
  erpDeliveryEvents,
  mergeShipments,
  shipmentEvents,
  sortTimeline,
  type ChannelParcel,
  type ErpDeliveryModel,
  type OrderEventModel,
  type ShipmentModel,
} from '@omnigraph/shared/models';
import type { EshopContext } from '../context.ts';
import type { EshopOrderModel } from '../upstream/eshop-client.ts';

/**
 * The shop's own parcels: the tracking plugins' meta (already in the order, no call) and, where the shop keeps core
 * fulfillments, those (one call per order, only for orders whose meta says they have any in `auto`).
 */
async function channelParcels(order: EshopOrderModel, { loaders, shipmentTracking }: EshopContext): Promise<ChannelParcel[]> {
  const readFulfillments = shipmentTracking === 'fulfillments' || (shipmentTracking === 'auto' && order.hasFulfillments);
  const fulfillments = readFulfillments ? ((await loaders.fulfillmentsByOrder.load(order.orderId)) ?? []) : [];
  return shipmentTracking === 'fulfillments' ? fulfillments : [...fulfillments, ...order.trackingParcels];
}

async function shipmentsOf(order: EshopOrderModel, context: EshopContext): Promise<ShipmentModel[]> {
  return mergeShipments({ source: 'ESHOP', channel: await channelParcels(order, context), erpDeliveries: order.erpDeliveries });
}

export const eshopOrderQueryResolvers: QueryResolvers = {
  // Too long or with control characters: no shop shows such a number (BAD_USER_INPUT). WooCommerce's own numbers are
  // its order ids (a 64-bit integer); any other number cannot be one, so it is answered without a call.
  eshopOrder: (_parent, { number }, { loaders }) => {
    checkOrderNumber(number, 'number');
    return isNumericId(number) ? loaders.orderByNumber.load(number) : null;
  },
};

/** Entity `EshopOrder` (key `id` = `eshop:<shop id>`); every field but `returns`, `shipments`, `timeline` is on the model. */
export const eshopOrderResolvers: EshopOrderResolvers = {
  shipments: (order, _args, context) => shipmentsOf(order, context),
  /**
   * The order's own dates, its notes (one call per order, only when the timeline is asked), its refunds (only for
   * orders that have any), its parcels and the ERP's deliveries, oldest first.
   */
  timeline: async (order, _args, context) => {
    const { loaders } = context;
    // A part the shop cannot give now is left out rather than failing the whole order: the loaders have reported
    // `eshop` unavailable in the response's source statuses.
    const [notes, refunds, shipments] = await Promise.all([
      loaders.notesByOrder.load(order.orderId).catch(() => null),
      order.refundIds.length === 0 ? [] : loaders.refundsByOrder.load(order.orderId).catch(() => null),
      shipmentsOf(order, context).catch(() =>
        mergeShipments({ source: 'ESHOP', channel: order.trackingParcels, erpDeliveries: order.erpDeliveries }),
      ),
    ]);
    const refunded: OrderEventModel[] = (refunds ?? []).map((refund) => ({
      at: refund.createdAt,
      source: 'ESHOP',
      kind: 'REFUNDED',
      status: null,
      channelStatus: null,
      text: null,
    }));
    return sortTimeline([...order.events, ...(notes ?? []), ...refunded, ...shipmentEvents(shipments), ...erpDeliveryEvents(order.erpDeliveries)]);
  },
  // Refunds are read (one call per order, batched per request) only for orders that have any.
  returns: async (order, _args, { loaders }) => {
    if (order.refundIds.length === 0) return [];
    const refunds = (await loaders.refundsByOrder.load(order.orderId)) ?? [];
    return [...refunds].sort((a, b) => (a.createdAt === b.createdAt ? Number(b.id) - Number(a.id) : a.createdAt < b.createdAt ? 1 : -1));
  },
  __resolveReference: async (reference, { loaders }) => {
    const orderId = parseEshopOrderGlobalId(reference.id);
    // another channel's id (marketplace:…) or junk: not an order of this shop
    if (orderId === null) return null;
    // A well-formed reference the shop does not know was named by a client (orderByReference): say so with a code,
    // rather than the gateway's bare non-null violation.
    const order = await loaders.orderById.load(orderId);
    if (!order) throw notFound(`The e-shop has no order ${orderId}.`);
    // `@requires(fields: "erpDeliveries {…}")`: the gateway hands the ERP's deliveries in the representation (null
    // when the ERP could not be asked); the cached order is never changed
    if ('erpDeliveries' in reference) {
      return { ...order, erpDeliveries: (reference as { erpDeliveries?: ErpDeliveryModel[] | null }).erpDeliveries ?? null };
    }
    return order;
  },
};

export const orderLineResolvers: OrderLineResolvers = {
  returnedQuantity: async (line, _args, { loaders }) => {
    if (!line.orderHasRefunds) return 0;
    return returnedOf(line, (await loaders.refundsByOrder.load(line.orderId)) ?? []);
  },
  // a reference for the subgraph that owns Product; a line of a deleted product has none
  product: (line) => (line.sku === null || line.sku === undefined ? null : { sku: line.sku }),
};

export const orderReturnResolvers: OrderReturnResolvers = {
  store: (refund) => (refund.storeCode === null ? null : { code: refund.storeCode }),
};
