import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { eshopCacheKeys } from '../upstream/eshop-cache-keys.ts';

/**
 * The eshop cache entries a verified WooCommerce webhook makes wrong (see `createCacheInvalidator`):
 * - `order` (created, updated, deleted, restored; a refund fires `order.updated`): `order:<id>`, `order-refunds:<id>`, the order list of each customer in `refs.customerIds`
 *   and the guest-order list of each billing e-mail in `refs.emails` (both, not only the one `orderKeysOf` picks: a
 *   dropped list that did not hold the order costs one read, a kept one that did would show the old status).
 *   `order.deleted` carries only the id, so its lists live until their TTL.
 * - `product` (any change, including the stock moves an order causes): `listing:<sku>` for `refs.skus`, and
 *   `product-content:<id>` for the product ids (a variable product's description, categories or gallery its
 *   variations show).
 * - `customer`: nothing; no cached entry holds a shop account's own fields (its order lists are keyed by id and
 *   change with orders).
 */
export function eshopKeysOfChange(event: ChangeEvent): string[] {
  if (event.system !== 'woocommerce') return [];
  const refs = event.refs ?? {};
  switch (event.kind) {
    case 'order':
      return [
        ...event.ids.flatMap((id) => [
          eshopCacheKeys.order(id),
          eshopCacheKeys.orderRefunds(id),
          eshopCacheKeys.orderNotes(id),
          eshopCacheKeys.orderFulfillments(id),
        ]),
        ...(refs.customerIds ?? []).map(eshopCacheKeys.customerOrders),
        ...(refs.emails ?? []).map(eshopCacheKeys.guestOrders),
      ];
    case 'product':
      return [...(refs.skus ?? []).map(eshopCacheKeys.listing), ...event.ids.map(eshopCacheKeys.productContent)];
    default:
      return [];
  }
}
