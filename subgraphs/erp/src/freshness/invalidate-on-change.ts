import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { erpCacheKeys } from '../upstream/erp-cache-keys.ts';

/**
 * The erp cache entries an Odoo change makes wrong (see `createCacheInvalidator`): a catalogue change (`product.product`
 * or `product.template` written) drops `product:<sku>`, a stock change (`stock.quant` written) drops `stock:<sku>`, for
 * every SKU in `refs.skus` (the feed resolves product ids to their variants' `default_code`).
 *
 * Not nameable, left to the TTL (ERP_CACHE_TTL_SECONDS): a variant without an internal reference (no SKU, so nothing is
 * cached for it under a SKU either), the old SKU of a product whose `default_code` was changed (the event names the
 * new one), and the store list (`locations`), which no polled model reports.
 */
export function erpKeysOfChange(event: ChangeEvent): string[] {
  if (event.system !== 'odoo') return [];
  const skus = event.refs?.skus ?? [];
  switch (event.kind) {
    case 'product':
      return skus.map(erpCacheKeys.productBySku);
    case 'stock':
      return skus.map(erpCacheKeys.stockBySku);
    default:
      return [];
  }
}
