/**
 * The e-shop role: what the graph needs from an online shop, in product-neutral domain models. WooCommerce is one
 * adapter (`upstream/woocommerce/`); another shop would be one more folder implementing {@link EshopClient}.
 * Resolvers and loaders only ever see these types, never wire DTOs. The channel-neutral order vocabulary
 * (`MoneyModel`, `OrderStatusModel`, `DeliveryModel` …) is not defined here but in `@omnigraph/shared/models`,
 * because every channel subgraph shares the `Order` interface it mirrors.
 */
import type { ChannelOrderModel, MoneyModel } from '@omnigraph/shared/models';

/** The shop's own order id (WooCommerce post / HPOS id), digits only. Created only by the adapter and `parseEshopOrderGlobalId`. */
export type EshopOrderId = string & { readonly __brand: 'EshopOrderId' };

export type EshopListingStatus = 'PUBLISHED' | 'DRAFT' | 'PRIVATE';
export type EshopStockStatus = 'IN_STOCK' | 'OUT_OF_STOCK' | 'ON_BACKORDER';

/** A shop listing of one SKU (a simple product or a variation). */
export interface EshopListingModel {
  sku: string;
  productId: string;
  name: string;
  /** what a shopper pays now: the sale price while on sale */
  price: MoneyModel;
  regularPrice: MoneyModel;
  salePrice: MoneyModel | null;
  onSale: boolean;
  status: EshopListingStatus;
  url: string;
  stockStatus: EshopStockStatus;
  /** null when the shop does not track stock for the SKU */
  stockQuantity: number | null;
}

/** An order placed in the shop: the shared {@link ChannelOrderModel} plus what only the shop knows. */
export interface EshopOrderModel extends ChannelOrderModel {
  /** global id `eshop:<shop id>` (the GraphQL `EshopOrder.id`) */
  id: string;
  orderId: EshopOrderId;
  channel: 'ESHOP';
  billingEmail: string | null;
  /** the shop's registered customer id; null for guest orders */
  customerId: string | null;
}

export interface EshopClient {
  /** Listings for up to {@link ESHOP_BATCH_LIMIT} SKUs; SKUs the shop does not list are simply absent. */
  getListingsBySkus(args: { skus: readonly string[] }): Promise<EshopListingModel[]>;
  /** Orders for up to {@link ESHOP_BATCH_LIMIT} ids; unknown ids are absent. */
  getOrdersByIds(args: { ids: readonly EshopOrderId[] }): Promise<EshopOrderModel[]>;
  /** One order by the number shoppers see; null when there is none. */
  getOrderByNumber(args: { number: string }): Promise<EshopOrderModel | null>;
  /** Every order of a registered customer, all pages. */
  listCustomerOrders(args: { customerId: string }): Promise<EshopOrderModel[]>;
  /** Every guest order (no registered customer) whose billing e-mail equals `email`, case-insensitively. */
  listGuestOrdersByEmail(args: { email: string }): Promise<EshopOrderModel[]>;
}

/** WooCommerce's `per_page` maximum and the size of an `include=` / `sku=` batch. */
export const ESHOP_BATCH_LIMIT = 100;

const GLOBAL_ID_PREFIX = 'eshop:';

export function toEshopOrderGlobalId(orderId: EshopOrderId): string {
  return `${GLOBAL_ID_PREFIX}${orderId}`;
}

/** `eshop:10482` → `10482`; null for any other prefix or a non-numeric id (those are not ours to resolve). */
export function parseEshopOrderGlobalId(globalId: string): EshopOrderId | null {
  if (!globalId.startsWith(GLOBAL_ID_PREFIX)) return null;
  const raw = globalId.slice(GLOBAL_ID_PREFIX.length);
  return isShopId(raw) ? (raw as EshopOrderId) : null;
}

/** Positive integer without leading zeros: what a shop id looks like. */
export function isShopId(raw: string): boolean {
  return /^[1-9]\d{0,17}$/.test(raw);
}
