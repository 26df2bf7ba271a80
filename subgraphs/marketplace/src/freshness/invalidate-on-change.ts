import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';

/**
 * The marketplace cache entries an Allegro event makes wrong (see `createCacheInvalidator`):
 * - an order event (BOUGHT, FILLED_IN, READY_FOR_PROCESSING, BUYER_CANCELLED, BUYER_MODIFIED, AUTO_CANCELLED,
 *   FULFILLMENT_STATUS_CHANGED …) drops `checkout-form:<id>`, `refunds:<id>` and `shipments:<id>` (a parcel number added with a
 *   fulfillment change; Allegro journals no refund event, so a refund made in its panel while the order changes shows at
 *   once, otherwise within the TTL), the order list of each buyer in `refs.buyerLogins`, and `offers:<sku>` of its
 *   lines' SKUs (a purchase moves the offer's quantity);
 * - an offer event (`GET /sale/offer-events`: OFFER_STOCK_CHANGED, OFFER_PRICE_CHANGED, OFFER_ACTIVATED, OFFER_ENDED,
 *   OFFER_CHANGED …, kind `product`) drops `offers:<sku>` of the offer's external id (its SKU), including a cached
 *   "no offer for this SKU".
 *
 * Not nameable, left to MARKETPLACE_OFFER_CACHE_TTL_SECONDS: the old SKU of an offer whose external id was changed
 * (the event names the offer's current one) and offers without an external id (never cached under a SKU either).
 */
export function marketplaceKeysOfChange(event: ChangeEvent): string[] {
  if (event.system !== 'allegro') return [];
  const offerKeys = (event.refs?.skus ?? []).map(marketplaceCacheKeys.offersBySku);
  if (event.kind === 'product' || event.kind === 'stock') return offerKeys;
  if (event.kind !== 'order') return [];
  return [
    ...event.ids.flatMap((id) => [marketplaceCacheKeys.checkoutForm(id), marketplaceCacheKeys.refunds(id), marketplaceCacheKeys.shipments(id)]),
    ...(event.refs?.buyerLogins ?? []).map(marketplaceCacheKeys.buyerOrders),
    ...offerKeys,
  ];
}
