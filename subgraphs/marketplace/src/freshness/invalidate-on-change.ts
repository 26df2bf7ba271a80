import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';

/**
 * The marketplace cache entries an Allegro order event makes wrong (see `createCacheInvalidator`): every event type
 * (BOUGHT, FILLED_IN, READY_FOR_PROCESSING, BUYER_CANCELLED, BUYER_MODIFIED, AUTO_CANCELLED, FULFILLMENT_STATUS_CHANGED …)
 * drops `checkout-form:<id>`, its `refunds:<id>` and `shipments:<id>` (a parcel number added with a fulfillment change), (Allegro journals no refund event; a refund made in its panel while
 * the order changes shows at once, otherwise within the TTL) and the order list of each buyer in `refs.buyerLogins`.
 *
 * Offers (`offers:<sku>`) are not dropped: their stock moves with purchases, but the order journal is not a stock feed
 * (a seller's own stock edit never appears in it), so offers keep their short TTL (MARKETPLACE_CACHE_TTL_SECONDS).
 */
export function marketplaceKeysOfChange(event: ChangeEvent): string[] {
  if (event.system !== 'allegro' || event.kind !== 'order') return [];
  return [
    ...event.ids.flatMap((id) => [marketplaceCacheKeys.checkoutForm(id), marketplaceCacheKeys.refunds(id), marketplaceCacheKeys.shipments(id)]),
    ...(event.refs?.buyerLogins ?? []).map(marketplaceCacheKeys.buyerOrders),
  ];
}
