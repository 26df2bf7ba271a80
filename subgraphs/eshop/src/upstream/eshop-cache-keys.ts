/**
 * Every key the eshop subgraph stores in the shared cache, in one place: the loaders store under these keys and the
 * change feed (verified WooCommerce webhooks) deletes exactly these keys, e.g. on `order.updated`:
 * `invalidate(cache, eshopCacheKeys.orderKeysOf({ orderId, customerId, billingEmail }))`.
 *
 * Listings are shared data (catalogue, price, stock): keyed by SKU, one read serves every caller. Orders are personal
 * data: keyed per order, and a customer's order list per customer (registered) or per billing e-mail (guest orders),
 * never shared between customers. Which caller may see them is decided at the gateway (`orders:read` scopes) before the
 * subgraph is reached. E-mails are hashed in key names, which show up in logs and monitoring; values do not.
 */
import { createHash } from 'node:crypto';
import type { EshopOrderId } from './eshop-client.ts';

/**
 * Prefix of every key (given to the cache as `keyPrefix`). Bump the version whenever a stored shape changes, so old
 * entries are never read as the new shape. v2: entries are envelopes `{ value, fetchedAt }` (stale-if-error), and a
 * customer's order lists are cached. v3: orders carry their buyer (billing phone, names, company, NIP). v4: orders carry
 * line ids, completion date, refund ids and write tags; refunds are cached. v5: listings carry `stockAsOf`. v6: orders
 * carry parcels, invoice data, events and line VAT rates, refund lines their amounts; notes and fulfillments are cached;
 * listings carry their sale dates and products' content (description, images, categories) is cached. v7: a listing
 * of a shop entering prices without tax holds gross amounts (the same shape; a v6 entry of such a shop holds its net
 * amounts, which must not be served, even stale, as what the shopper pays).
 */
export const ESHOP_CACHE_KEY_PREFIX = 'eshop:v7:';

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keys below {@link ESHOP_CACHE_KEY_PREFIX} (the cache prepends it). */
export const eshopCacheKeys = {
  /** an EshopOrderModel */
  order: (id: EshopOrderId | string): string => `order:${id}`,
  /** the refunds (with their lines) of an order that has any */
  orderRefunds: (id: EshopOrderId | string): string => `order-refunds:${id}`,
  /** the order's notes as timeline events (read only for `timeline`) */
  orderNotes: (id: EshopOrderId | string): string => `order-notes:${id}`,
  /** the order's core fulfillments as parcels (read only for `shipments`/`timeline` of orders that have any) */
  orderFulfillments: (id: EshopOrderId | string): string => `order-fulfillments:${id}`,
  /** an EshopListingModel; WooCommerce matches SKUs case-insensitively, so the key does too */
  listing: (sku: string): string => `listing:${sku.toLowerCase()}`,
  /** an EshopProductContentModel (description, images, categories) of a shop product: a variation's parent */
  productContent: (productId: string): string => `product-content:${productId}`,
  /** the order summaries of a registered customer (shop customer id) */
  customerOrders: (customerId: string): string => `customer-orders:${customerId}`,
  /** the summaries of the guest orders (no shop account) placed with this billing e-mail */
  guestOrders: (email: string): string => `guest-orders:${digest(normaliseEmail(email))}`,
  /**
   * one page's slice of a customer's orders (identities, size and cursor position hashed); read live, it only stands
   * in while WooCommerce fails, so no change drops it
   */
  orderSlice: (key: { customerId: string | null; email: string | null; first: number; after: { time: number; id: string } | null }): string =>
    `order-slice:${digest(JSON.stringify([key.customerId, key.email === null ? null : normaliseEmail(key.email), key.first, key.after]))}`,
  /** an EshopCustomerModel (a registered customer) */
  customer: (customerId: string): string => `customer:${customerId}`,
  /** the registered customers with this account e-mail */
  customersByEmail: (email: string): string => `customers-by-email:${digest(normaliseEmail(email))}`,
  /** the orders an order search found for a term (a phone spelling, a company, a NIP); only stands in on failure */
  orderSearch: (term: string): string => `order-search:${digest(term.trim().toLowerCase())}`,
  /**
   * What a created or changed order must drop: the order itself, its refunds and the one list it appears in (its
   * customer's, or the guest list of its billing e-mail).
   */
  orderKeysOf(order: { orderId: EshopOrderId | string; customerId: string | null; billingEmail: string | null }): string[] {
    const keys = [eshopCacheKeys.order(order.orderId)];
    if (order.customerId !== null) keys.push(eshopCacheKeys.customerOrders(order.customerId));
    else if (order.billingEmail !== null) keys.push(eshopCacheKeys.guestOrders(order.billingEmail));
    keys.push(eshopCacheKeys.orderRefunds(order.orderId), eshopCacheKeys.orderNotes(order.orderId), eshopCacheKeys.orderFulfillments(order.orderId));
    return keys;
  },
} as const;
