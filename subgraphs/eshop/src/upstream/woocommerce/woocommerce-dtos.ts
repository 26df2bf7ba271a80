/**
 * zod schemas of the WooCommerce REST v3 wire JSON we read (shared/upstream-apis.md §2, A.2). Only the fields the
 * mappers use are declared; unknown fields are stripped, so a shop on a newer WooCommerce that adds fields still
 * parses. Amounts stay strings: WooCommerce sends decimal strings ("348.09", and raw ones like "41.4").
 */
import { z } from 'zod';

/** A WooCommerce amount: decimal string, possibly without decimals ("246") or empty when unset (sale_price ""). */
const WcDecimalDto = z.string().regex(/^(-?\d+(\.\d+)?)?$/, 'not a decimal string');

/** "YYYY-MM-DDTHH:MM:SS" in UTC for the `_gmt` fields (no offset on the wire). */
const WcGmtDateDto = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'not a WordPress date');

const WcMetaDto = z.object({
  key: z.string(),
  value: z.unknown(),
});

const WcAddressDto = z.object({
  first_name: z.string().optional().default(''),
  last_name: z.string().optional().default(''),
  company: z.string().optional().default(''),
  address_1: z.string().optional().default(''),
  address_2: z.string().optional().default(''),
  city: z.string().optional().default(''),
  state: z.string().optional().default(''),
  postcode: z.string().optional().default(''),
  country: z.string().optional().default(''),
});

const WcBillingDto = WcAddressDto.extend({
  // Guest checkouts may leave it empty; some shops send null.
  email: z.string().nullable().optional().default(null),
  // free text as the shopper typed it ("600-100-200", "+48 601 234 567"); optional in the checkout settings
  phone: z.string().nullable().optional().default(null),
});

/** `taxes[]` of an item: the tax rate id and the raw amount ("41.4"); a refund names the rate when it refunds tax. */
const WcItemTaxDto = z.object({
  id: z.number().int(),
  total: z.string().optional().default(''),
});

const WcLineItemDto = z.object({
  id: z.number().int(),
  name: z.string(),
  product_id: z.number().int().optional().default(0),
  variation_id: z.number().int().optional().default(0),
  quantity: z.number().int(),
  // before coupons (net of tax even in a shop whose prices include tax); refund lines may omit them
  subtotal: WcDecimalDto.optional(),
  subtotal_tax: WcDecimalDto.optional(),
  // after coupons
  total: WcDecimalDto,
  total_tax: WcDecimalDto,
  taxes: z.array(WcItemTaxDto).optional().default([]),
  // null once the product is deleted
  sku: z.string().nullable().optional().default(null),
  // a refund's line names the order line it refunds in `_refunded_item_id`
  meta_data: z.array(WcMetaDto).optional().default([]),
  // refund lines of newer WooCommerce: the money refunded for the line as a positive number (total + tax)
  refund_total: z.union([z.number(), z.string()]).optional(),
});
export type WcLineItemDto = z.infer<typeof WcLineItemDto>;

/** The order's own summary of its refunds, newest first; `total` is negative ("-12.00"). */
const WcOrderRefundSummaryDto = z.object({
  id: z.number().int(),
  reason: z.string().optional().default(''),
  total: WcDecimalDto,
});

const WcShippingLineDto = z.object({
  method_title: z.string(),
  method_id: z.string(),
  total: WcDecimalDto,
  total_tax: WcDecimalDto,
  meta_data: z.array(WcMetaDto).optional().default([]),
});

/** A fee (payment surcharge, packaging; negative for a fee that lowers the total), net + tax. */
const WcFeeLineDto = z.object({
  total: WcDecimalDto,
  total_tax: WcDecimalDto.optional().default('0'),
});

/** A coupon applied to the order; `discount`/`discount_tax` are already spread over the line totals. */
const WcCouponLineDto = z.object({
  code: z.string(),
});

/**
 * One tax rate applied to the order. `rate_percent` comes from the item data in WooCommerce ≥ 3.7 (a number, e.g. 23);
 * older shops send none, and a line's rate is then unknown.
 */
const WcTaxLineDto = z.object({
  rate_id: z.number().int(),
  rate_percent: z.union([z.number(), z.string()]).nullable().optional(),
});

export const WcOrderDto = z.object({
  id: z.number().int().positive(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  date_created_gmt: WcGmtDateDto,
  discount_total: WcDecimalDto,
  discount_tax: WcDecimalDto,
  shipping_total: WcDecimalDto,
  shipping_tax: WcDecimalDto,
  total: WcDecimalDto,
  total_tax: WcDecimalDto,
  customer_id: z.number().int().nonnegative(),
  billing: WcBillingDto,
  shipping: WcAddressDto,
  payment_method: z.string(),
  date_paid_gmt: WcGmtDateDto.nullable(),
  // set when the order reaches `completed` (delivered or collected); older shops may omit it
  date_completed_gmt: WcGmtDateDto.nullable().optional().default(null),
  line_items: z.array(WcLineItemDto),
  shipping_lines: z.array(WcShippingLineDto),
  fee_lines: z.array(WcFeeLineDto).optional().default([]),
  tax_lines: z.array(WcTaxLineDto).optional().default([]),
  coupon_lines: z.array(WcCouponLineDto).optional().default([]),
  // custom fields of checkout plugins (a NIP, a numbering plugin's `_order_number`); hidden `_` keys need an
  // admin-level key, so a shop may send none
  meta_data: z.array(WcMetaDto).optional().default([]),
  refunds: z.array(WcOrderRefundSummaryDto).optional().default([]),
});
export type WcOrderDto = z.infer<typeof WcOrderDto>;

/**
 * `GET /orders/{id}/refunds[/{refund_id}]`, `POST /orders/{id}/refunds`: a refund with its lines (negative quantities
 * and amounts, each naming its order line in `_refunded_item_id`) and its meta data (our tags).
 * https://developer.woocommerce.com/docs/apis/rest-api/v3/order-refunds/
 */
export const WcRefundDto = z.object({
  id: z.number().int().positive(),
  date_created_gmt: WcGmtDateDto,
  amount: WcDecimalDto,
  reason: z.string().optional().default(''),
  refunded_payment: z.boolean().optional().default(false),
  meta_data: z.array(WcMetaDto).optional().default([]),
  line_items: z.array(WcLineItemDto).optional().default([]),
});
export type WcRefundDto = z.infer<typeof WcRefundDto>;
export const WcRefundListDto = z.array(WcRefundDto);
export type WcShippingLineDto = z.infer<typeof WcShippingLineDto>;
export type WcAddressDto = z.infer<typeof WcAddressDto>;

export const WcOrderListDto = z.array(WcOrderDto);

/** `GET /orders/{id}/notes` (WC_REST_Order_Notes_Controller), newest first, not paginated. */
export const WcOrderNoteListDto = z.array(
  z.object({
    id: z.number().int(),
    date_created_gmt: WcGmtDateDto,
    note: z.string(),
    customer_note: z.boolean().optional().default(false),
  }),
);

/**
 * `GET /orders/{id}/fulfillments` (OrderFulfillmentsRestController, WooCommerce ≥ 10.1): the raw data store rows. Dates
 * are GMT without an offset; `meta_data` values are whatever was stored (the items list is an array).
 */
export const WcFulfillmentListDto = z.array(
  z.object({
    id: z.number().int(),
    is_fulfilled: z.boolean().optional().default(false),
    date_updated: z.string().nullable().optional().default(null),
    date_deleted: z.string().nullable().optional().default(null),
    meta_data: z.array(WcMetaDto).optional().default([]),
  }),
);

/**
 * `GET /customers?email=` / `?include=`: a registered customer (a WordPress user). The billing address is the one
 * saved in the account (the last checkout's), not necessarily any order's.
 */
export const WcCustomerDto = z.object({
  id: z.number().int().positive(),
  date_created_gmt: WcGmtDateDto,
  email: z.string(),
  first_name: z.string().optional().default(''),
  last_name: z.string().optional().default(''),
  billing: WcBillingDto.partial().optional(),
});
export type WcCustomerDto = z.infer<typeof WcCustomerDto>;

export const WcCustomerListDto = z.array(WcCustomerDto);

/** An entry of a product's `images` (`src` is the full URL of the attachment; `alt` may be empty). */
export const WcImageDto = z.object({
  id: z.number().int().optional().default(0),
  src: z.string(),
  alt: z.string().nullish(),
});

/** `GET /products?sku=`: products and variations in the products schema (`type: "variation"` for the latter). */
export const WcProductDto = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  permalink: z.string(),
  status: z.string(),
  sku: z.string(),
  price: WcDecimalDto,
  regular_price: WcDecimalDto,
  sale_price: WcDecimalDto,
  on_sale: z.boolean(),
  // scheduled sale (UTC, no offset); null when the sale has no such date. Optional: a trimmed `_fields` answer omits them.
  date_on_sale_from_gmt: z.string().nullable().optional(),
  date_on_sale_to_gmt: z.string().nullable().optional(),
  stock_quantity: z.number().int().nullable(),
  stock_status: z.string(),
  /** `taxable`, `shipping` or `none`: net prices of a taxable product get its class's VAT (woocommerce-tax.ts) */
  tax_status: z.string().optional(),
  /** tax class slug, '' standard (a variation's `parent` is resolved to its parent's class in the view context) */
  tax_class: z.string().optional(),
  // ---- listing content (issue 12); optional so a trimmed `_fields=` answer or an old shop still parses ----
  /** `simple`, `variable`, `grouped`, `external`, `variation` (a variation matched by `sku`), or a plugin's own type */
  type: z.string().optional().default('simple'),
  /** a variation's variable product; 0 for products */
  parent_id: z.number().int().nonnegative().optional().default(0),
  /** HTML as the shop stores it; a variation's own description (often empty) */
  description: z.string().nullish(),
  /** HTML; empty for a variation (WooCommerce variations have none) */
  short_description: z.string().nullish(),
  /** main image first, then the gallery; a variation has at most its own image. WooCommerce before 3.x answered a
   * placeholder with id 0 when there was none. */
  images: z.array(WcImageDto).optional().default([]),
  /** the product's `product_cat` terms; empty for a variation (the terms live on its parent) */
  categories: z
    .array(z.object({ id: z.number().int(), name: z.string() }))
    .optional()
    .default([]),
});
export type WcProductDto = z.infer<typeof WcProductDto>;

export const WcProductListDto = z.array(WcProductDto);

/** `GET /products?include=…&_fields=id,description,short_description,images,categories`: variations' parents' content. */
export const WcProductContentDto = WcProductDto.pick({
  id: true,
  type: true,
  parent_id: true,
  description: true,
  short_description: true,
  images: true,
  categories: true,
});
export const WcProductContentListDto = z.array(WcProductContentDto);

/** WordPress REST error body: `{"code":"woocommerce_rest_shop_order_invalid_id","message":"Invalid ID.","data":{"status":404}}`. */
export const WpErrorDto = z.object({
  code: z.string(),
  message: z.string().optional(),
});
