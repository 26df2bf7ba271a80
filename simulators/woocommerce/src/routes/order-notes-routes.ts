/**
 * /wp-json/wc/v3/orders/{order_id}/notes (WC_REST_Order_Notes_Controller): order notes are WordPress comments of
 * type `order_note`. `type` filters `any` (default), `customer` (notes to the customer) or `internal`. Creating needs
 * `note` (400 `rest_missing_callback_param` otherwise); `customer_note: true` makes it a note to the customer;
 * `added_by_user: true` credits the API user instead of "WooCommerce". Deleting needs `force=true` (notes cannot be
 * trashed: 501 `woocommerce_rest_trash_not_supported`). An unknown order is 404 `woocommerce_rest_order_invalid_id`.
 */
import { jsonResult, type WcRouteSpec } from '../wc-api.ts';
import { nowPair } from '../wp-dates.ts';
import { wpError } from '../wp-errors.ts';
import { SITE_TOKEN } from '../wp-json.ts';
import { REST_BASE } from '../order-builder.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import type { WcOrderNote } from '../woocommerce-types.ts';

const invalidOrder = () => wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
const invalidNote = () => wpError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');

export function orderNoteRoutes(store: WooCommerceStore): WcRouteSpec[] {
  const notesOf = (orderId: number) => store.notesByOrder.get(orderId) ?? [];
  return [
    {
      method: 'GET',
      path: '/orders/:order_id/notes',
      permission: 'list',
      digitParams: ['order_id'],
      args: { type: { schema: { type: 'string', enum: ['any', 'customer', 'internal'] }, default: 'any' } },
      handler: (ctx) => {
        const orderId = Number(ctx.req.params['order_id']);
        if (!store.orders.has(orderId)) return invalidOrder();
        const type = ctx.args['type'];
        // not paginated: the controller answers every note at once
        return jsonResult(
          200,
          notesOf(orderId).filter((n) => type === 'any' || (type === 'customer') === n.customer_note),
        );
      },
    },
    {
      method: 'POST',
      path: '/orders/:order_id/notes',
      permission: 'create',
      digitParams: ['order_id'],
      args: {
        note: { schema: { type: 'string' }, required: true },
        customer_note: { schema: { type: 'boolean' }, default: false },
        added_by_user: { schema: { type: 'boolean' }, default: false },
      },
      handler: (ctx) => {
        const orderId = Number(ctx.req.params['order_id']);
        if (!store.orders.has(orderId)) return invalidOrder();
        const now = nowPair();
        const id = store.commentIds.next();
        const note: WcOrderNote = {
          id,
          author: ctx.args['added_by_user'] === true ? 'Omnigraph API' : 'WooCommerce',
          date_created: now.local,
          date_created_gmt: now.gmt,
          note: String(ctx.args['note']),
          customer_note: ctx.args['customer_note'] === true,
          _links: {
            self: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/notes/${id}` }],
            collection: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}/notes` }],
            up: [{ href: `${SITE_TOKEN}${REST_BASE}/orders/${orderId}` }],
          },
        };
        store.notesByOrder.set(orderId, [note, ...notesOf(orderId)]);
        return jsonResult(201, note, { location: `${ctx.site}${REST_BASE}/orders/${orderId}/notes/${id}` });
      },
    },
    {
      method: 'GET',
      path: '/orders/:order_id/notes/:id',
      permission: 'view',
      digitParams: ['order_id', 'id'],
      handler: (ctx) => {
        const orderId = Number(ctx.req.params['order_id']);
        if (!store.orders.has(orderId)) return invalidOrder();
        const note = notesOf(orderId).find((n) => n.id === Number(ctx.req.params['id']));
        return note ? jsonResult(200, note) : invalidNote();
      },
    },
    {
      method: 'DELETE',
      path: '/orders/:order_id/notes/:id',
      permission: 'delete',
      digitParams: ['order_id', 'id'],
      args: { force: { schema: { type: 'boolean' }, default: false } },
      handler: (ctx) => {
        const orderId = Number(ctx.req.params['order_id']);
        if (!store.orders.has(orderId)) return invalidOrder();
        const note = notesOf(orderId).find((n) => n.id === Number(ctx.req.params['id']));
        if (!note) return invalidNote();
        if (ctx.args['force'] !== true) return wpError(501, 'woocommerce_rest_trash_not_supported', 'Resource does not support trashing.');
        store.notesByOrder.set(
          orderId,
          notesOf(orderId).filter((n) => n.id !== note.id),
        );
        return jsonResult(200, note);
      },
    },
  ];
}
