/**
 * /wp-json/wc/v3/orders/{order_id}/refunds: list, create, read one (WC_REST_Order_Refunds_Controller).
 */
import { createRefund, refundsOf } from '../refund-service.ts';
import { jsonResult, pagedResult, type WcRouteSpec } from '../wc-api.ts';
import type { ArgSpecs, ParamSchema } from '../wp-params.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import { PAGE_ARGS } from './list-support.ts';

const text: ParamSchema = { type: 'string' };
const metaList: ParamSchema = { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, key: text } } };

/** The writable refund schema (`amount` is a string; `api_refund` / `api_restock` booleans). */
const REFUND_BODY_ARGS: ArgSpecs = {
  amount: { schema: text },
  reason: { schema: text },
  refunded_by: { schema: { type: 'integer' } },
  meta_data: { schema: metaList },
  api_refund: { schema: { type: 'boolean' } },
  api_restock: { schema: { type: 'boolean' } },
};

/** The refunds controller drops the orders collection's `status`, `customer` and `product` filters. */
const REFUND_COLLECTION_ARGS: ArgSpecs = { ...PAGE_ARGS, dp: { schema: { type: 'integer' }, default: 2 } };

// WP_Error( …, 404 ) with an int as data: WordPress answers HTTP 500 and prints the int (see refund-service.ts).
const invalidOrder = () => jsonResult(500, { code: 'woocommerce_rest_invalid_order_id', message: 'Invalid order ID.', data: 404 });

export function refundRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/orders/:order_id/refunds',
      permission: 'list',
      digitParams: ['order_id'],
      args: REFUND_COLLECTION_ARGS,
      handler: (ctx) => {
        const order = store.orders.get(Number(ctx.req.params['order_id']));
        if (!order) return invalidOrder();
        return pagedResult(ctx, refundsOf(store, order));
      },
    },
    {
      method: 'POST',
      path: '/orders/:order_id/refunds',
      permission: 'create',
      digitParams: ['order_id'],
      args: REFUND_BODY_ARGS,
      handler: (ctx) => createRefund({ store, events: ctx.events }, Number(ctx.req.params['order_id']), { ...ctx.body, ...ctx.args }),
    },
    {
      method: 'GET',
      path: '/orders/:order_id/refunds/:id',
      permission: 'view',
      digitParams: ['order_id', 'id'],
      handler: (ctx) => {
        const order = store.orders.get(Number(ctx.req.params['order_id']));
        if (!order) return invalidOrder();
        const refund = refundsOf(store, order).find((r) => r.id === Number(ctx.req.params['id']));
        return refund
          ? jsonResult(200, refund)
          : jsonResult(500, { code: 'woocommerce_rest_invalid_order_refund_id', message: 'Invalid order refund ID.', data: 404 });
      },
    },
  ];
}
