/**
 * Every key the erp subgraph stores in the shared cache, in one place: the loaders store under these keys and the
 * change feed (Odoo `write_date` polling) deletes exactly these keys (`invalidate(cache, [erpCacheKeys.stockBySku(sku)])`).
 * All ERP data is shared data (the catalogue, prices, stock, stores): the same for every caller, so it is keyed by
 * entity only and one read serves every caller. Personal data (the look-ups below: partners, orders) is keyed per
 * look-up key and read only through fields that need `customers:pii` / `orders:read`; nothing personal is cached in
 * the catalogue, price and stock entries the micro-cache shares between customers.
 */

/**
 * Prefix of every key (given to the cache as `keyPrefix`, so Redis holds `erp:v3:product:SKU-1`). Bump the version
 * whenever a stored shape changes, so old entries are never read as the new shape. v2: entries are envelopes
 * `{ value, fetchedAt }` (stale-if-error), and stock is cached. v3: products carry `pricingRef` (partner prices). v4: products carry `unit` and their sales price and taxes in
 * `pricingRef` (Odoo's tax semantics); partner pricing carries the pricelist name and base pricelists.
 */
export const ERP_CACHE_KEY_PREFIX = 'erp:v4:';

/** Keys below {@link ERP_CACHE_KEY_PREFIX} (the cache prepends it). */
export const erpCacheKeys = {
  /** an ErpProductModel (name, EAN, list price): catalogue */
  productBySku: (sku: string): string => `product:${sku}`,
  /**
   * the ErpStockRowModel[] of a SKU, one row per stock reference: stock, in the micro-cache (ERP_STOCK_CACHE_TTL_SECONDS),
   * dropped by the `stock.quant` feed
   */
  stockBySku: (sku: string): string => `stock:${sku}`,
  /** a partner's pricelist rules (ErpPartnerPricingModel): catalogue, like the prices it makes */
  partnerPricing: (partnerId: string): string => `pricing:${partnerId}`,
  /** every product category (ErpCategoryModel[]): catalogue, cached like products */
  categories: (): string => 'categories',
  /** every store and warehouse (ErpLocationModel[]): catalogue-like reference data */
  locations: (): string => 'locations',
  /**
   * Look-ups (issue 10), cached briefly and never served stale (ERP_LOOKUP_CACHE_TTL_SECONDS): the channel orders an
   * order reference names (OrderReferenceHit[]), the partners a customer-lookup key finds and a CRM customer's
   * partners (ErpIdentityModel[]). Personal data: read only through fields that need `customers:pii` / `orders:read`.
   */
  referenceHits: (reference: string): string => `ref:${reference}`,
  lookupIdentities: (lookupKey: string): string => `lookup:${lookupKey}`,
  customerIdentities: (customerKey: string): string => `customer:${customerKey}`,
  /** the ERP's outgoing deliveries (ErpDeliveryRowModel[]) of a channel order (`eshop:15228`), cached like look-ups */
  channelOrderDeliveries: (orderId: string): string => `deliveries:${orderId}`,
} as const;
