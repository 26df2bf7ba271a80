/**
 * Every key the marketplace subgraph stores in the shared cache, in one place: the loaders store under these keys and
 * the change feed (Allegro `/order/events`) deletes exactly these keys, e.g. for an order event:
 * `invalidate(cache, marketplaceCacheKeys.orderKeysOf({ number: checkoutFormId, buyerLogin }))`.
 *
 * Offers are shared data (price, stock): keyed by SKU, one read serves every caller, and they are the only entries
 * served fresh from the cache to any caller (the offer micro-cache): nothing personal is shared across customers.
 * Orders are personal data: keyed per checkout form, and a buyer's order list per buyer login (hashed in the key name,
 * which shows up in logs), read only through fields the gateway guards with `orders:read`.
 */
import { createHash } from 'node:crypto';

/**
 * Prefix of every key (given to the cache as `keyPrefix`). Bump the version whenever a stored shape changes, so old
 * entries are never read as the new shape. v2: entries are envelopes `{ value, fetchedAt }` (stale-if-error); offers
 * and buyers' order lists are cached. v3: orders carry their buyer (id, names, phone, postcode, invoice company, NIP).
 * v4: orders carry their payment id and completedAt, lines their line item id; an order's refunds are cached.
 * v5: offers carry `stockAsOf`. v6: orders carry their invoice, form events and line VAT rates; refund lines their value;
 * an order's shipments and its journal of Allegro order events are stored.
 */
export const MARKETPLACE_CACHE_KEY_PREFIX = 'marketplace:v6:';

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** Keys below {@link MARKETPLACE_CACHE_KEY_PREFIX} (the cache prepends it). */
export const marketplaceCacheKeys = {
  /** a MarketplaceOrderModel by its checkout form id */
  checkoutForm: (orderNumber: string): string => `checkout-form:${orderNumber}`,
  /**
   * the seller's offers (MarketplaceOfferModel[]) carrying a SKU, `[]` (no offer) included: catalogue, price and stock
   * only, never anything of a buyer, so one entry serves every caller
   */
  offersBySku: (sku: string): string => `offers:${sku}`,
  /** the order summaries of one buyer */
  buyerOrders: (buyerLogin: string): string => `buyer-orders:${digest(buyerLogin)}`,
  /**
   * one page's slice of a buyer's orders (login, size and cursor position hashed); read live, it only stands in while
   * Allegro fails, so no event drops it
   */
  orderSlice: (key: { buyerLogin: string; first: number; after: { time: number; id: string } | null }): string =>
    `order-slice:${digest(JSON.stringify([key.buyerLogin, key.first, key.after]))}`,
  /** the refunds (MarketplaceRefundModel[]) of one checkout form */
  refunds: (orderNumber: string): string => `refunds:${orderNumber}`,
  /** the parcels (ShipmentModel[]) Allegro has on one checkout form */
  shipments: (orderNumber: string): string => `shipments:${orderNumber}`,
  /**
   * the journal of Allegro order events of one checkout form (timeline/order-events-journal.ts); never dropped by an
   * order event, which it records
   */
  orderEvents: (orderNumber: string): string => `order-events:${orderNumber}`,
  /**
   * What an order event or a refund made here must drop: the checkout form, its refunds (Allegro journals no refund
   * event, so any change of the order drops them too) and its buyer's order list.
   */
  orderKeysOf(order: { number: string; buyerLogin: string | null }): string[] {
    const keys = [
      marketplaceCacheKeys.checkoutForm(order.number),
      marketplaceCacheKeys.refunds(order.number),
      marketplaceCacheKeys.shipments(order.number),
    ];
    if (order.buyerLogin !== null) keys.push(marketplaceCacheKeys.buyerOrders(order.buyerLogin));
    return keys;
  },
} as const;
