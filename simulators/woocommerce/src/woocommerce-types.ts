/**
 * WooCommerce REST API v3 wire shapes, field for field and in the order the API emits them (see
 * shared/upstream-apis.md A.2). The store keeps records in exactly these shapes; URLs inside them start with
 * SITE_TOKEN, replaced by the site URL when a response is written.
 */
import type { WpDate } from './wp-dates.ts';

export interface WcLink {
  href: string;
}

export type WcLinks = Record<string, WcLink[]>;

export interface WcMeta {
  id: number;
  key: string;
  value: unknown;
}

/** Order item meta: WooCommerce adds the formatted key and value. */
export interface WcItemMeta extends WcMeta {
  display_key: string;
  display_value: unknown;
}

export interface WcShipping {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  phone: string;
}

/** The shipping fields and `email`, which the API emits between `country` and `phone`. */
export interface WcBilling extends WcShipping {
  email: string;
}

/** `taxes[]` of an order item: raw tax amounts as stored, without trailing zeros ("41.4"). */
export interface WcItemTax {
  id: number;
  total: string;
  subtotal: string;
}

export interface WcLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  tax_class: string;
  subtotal: string;
  subtotal_tax: string;
  total: string;
  total_tax: string;
  taxes: WcItemTax[];
  meta_data: WcItemMeta[];
  sku: string | null;
  /** a number, unlike every other amount: total ÷ quantity */
  price: number;
  image: { id: number; src: string };
  parent_name: string | null;
}

export interface WcTaxLine {
  id: number;
  rate_code: string;
  rate_id: number;
  label: string;
  compound: boolean;
  tax_total: string;
  shipping_tax_total: string;
  rate_percent: number;
  meta_data: WcItemMeta[];
}

export interface WcShippingLine {
  id: number;
  method_title: string;
  method_id: string;
  instance_id: string;
  total: string;
  total_tax: string;
  taxes: WcItemTax[];
  meta_data: WcItemMeta[];
}

export interface WcFeeLine {
  id: number;
  name: string;
  tax_class: string;
  tax_status: string;
  total: string;
  total_tax: string;
  taxes: WcItemTax[];
  meta_data: WcItemMeta[];
}

export interface WcCouponLine {
  id: number;
  code: string;
  /** raw, without trailing zeros ("30") */
  discount: string;
  discount_tax: string;
  meta_data: WcItemMeta[];
  discount_type: string;
  nominal_amount: number;
  free_shipping: boolean;
}

export type WcOrderStatus = 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed' | 'checkout-draft' | 'trash';

export interface WcOrder {
  id: number;
  parent_id: number;
  number: string;
  order_key: string;
  created_via: string;
  version: string;
  status: string;
  currency: string;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  discount_total: string;
  discount_tax: string;
  shipping_total: string;
  shipping_tax: string;
  cart_tax: string;
  total: string;
  total_tax: string;
  prices_include_tax: boolean;
  customer_id: number;
  customer_ip_address: string;
  customer_user_agent: string;
  customer_note: string;
  billing: WcBilling;
  shipping: WcShipping;
  payment_method: string;
  payment_method_title: string;
  transaction_id: string;
  date_paid: WpDate | null;
  date_paid_gmt: WpDate | null;
  date_completed: WpDate | null;
  date_completed_gmt: WpDate | null;
  cart_hash: string;
  meta_data: WcMeta[];
  line_items: WcLineItem[];
  tax_lines: WcTaxLine[];
  shipping_lines: WcShippingLine[];
  fee_lines: WcFeeLine[];
  coupon_lines: WcCouponLine[];
  refunds: { id: number; reason: string; total: string }[];
  payment_url: string;
  is_editable: boolean;
  needs_payment: boolean;
  needs_processing: boolean;
  _links: WcLinks;
}

/**
 * A refund line item: the order line it refunds (named in the meta `_refunded_item_id`), with negative quantity and
 * amounts; the refunds schema has no `image` or `parent_name`.
 */
export type WcRefundLineItem = Omit<WcLineItem, 'image' | 'parent_name'>;

/** `GET /orders/{id}/notes/{note_id}` (WC_REST_Order_Notes_Controller). */
export interface WcOrderNote {
  id: number;
  /** the user's display name for notes added through the API with `added_by_user`, else "WooCommerce" (system) */
  author: string;
  date_created: WpDate;
  date_created_gmt: WpDate;
  note: string;
  /** shown to (and e-mailed to) the customer */
  customer_note: boolean;
  _links: WcLinks;
}

/** `GET /orders/{id}/refunds/{refund_id}` (WC_REST_Order_Refunds_Controller), field for field. */
export interface WcRefund {
  id: number;
  date_created: WpDate;
  date_created_gmt: WpDate;
  /** positive: "12.00" */
  amount: string;
  reason: string;
  refunded_by: number;
  /** true only when the payment gateway refunded the money (`api_refund`) */
  refunded_payment: boolean;
  meta_data: WcMeta[];
  line_items: WcRefundLineItem[];
  shipping_lines: unknown[];
  tax_lines: unknown[];
  fee_lines: unknown[];
  _links: WcLinks;
}

/**
 * The order address fields, emitted in the customers endpoint's own order (`city`, `postcode`, `country`, `state`,
 * then `email` on billing only, then `phone`).
 */
export interface WcCustomerAddress extends WcShipping {
  email?: string;
}

export interface WcCustomer {
  id: number;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate | null;
  date_modified_gmt: WpDate | null;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  username: string;
  billing: WcCustomerAddress;
  shipping: WcCustomerAddress;
  is_paying_customer: boolean;
  avatar_url: string;
  meta_data: WcMeta[];
  _links: WcLinks;
}

export interface WcImage {
  id: number;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  src: string;
  name: string;
  alt: string;
}

export interface WcProductAttribute {
  id: number;
  name: string;
  position: number;
  visible: boolean;
  variation: boolean;
  options: string[];
}

/** Attribute of a variation: the one option it stands for. */
export interface WcVariationAttribute {
  id: number;
  name: string;
  option: string;
}

export interface WcDimensions {
  length: string;
  width: string;
  height: string;
}

/**
 * `GET /products/{id}`. Variations answered through the products endpoint (a `sku` list that matches a variation,
 * `GET /products/{variation_id}`) use this shape too, with `type: "variation"` and `parent_id`.
 */
export interface WcProduct {
  id: number;
  name: string;
  slug: string;
  permalink: string;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  type: string;
  status: string;
  featured: boolean;
  catalog_visibility: string;
  description: string;
  short_description: string;
  sku: string;
  price: string;
  regular_price: string;
  sale_price: string;
  date_on_sale_from: WpDate | null;
  date_on_sale_from_gmt: WpDate | null;
  date_on_sale_to: WpDate | null;
  date_on_sale_to_gmt: WpDate | null;
  price_html: string;
  on_sale: boolean;
  purchasable: boolean;
  total_sales: number;
  virtual: boolean;
  downloadable: boolean;
  downloads: unknown[];
  download_limit: number;
  download_expiry: number;
  external_url: string;
  button_text: string;
  tax_status: string;
  tax_class: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: string;
  backorders: string;
  backorders_allowed: boolean;
  backordered: boolean;
  sold_individually: boolean;
  weight: string;
  dimensions: WcDimensions;
  shipping_required: boolean;
  shipping_taxable: boolean;
  shipping_class: string;
  shipping_class_id: number;
  reviews_allowed: boolean;
  average_rating: string;
  rating_count: number;
  related_ids: number[];
  upsell_ids: number[];
  cross_sell_ids: number[];
  parent_id: number;
  purchase_note: string;
  categories: { id: number; name: string; slug: string }[];
  tags: { id: number; name: string; slug: string }[];
  images: WcImage[];
  attributes: (WcProductAttribute | WcVariationAttribute)[];
  default_attributes: { id: number; name: string; option: string }[];
  variations: number[];
  grouped_products: number[];
  menu_order: number;
  meta_data: WcMeta[];
  _links: WcLinks;
}

/** `GET /products/{parent}/variations/{id}`. */
export interface WcVariation {
  id: number;
  type: 'variation';
  name: string;
  parent_id: number;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  description: string;
  permalink: string;
  sku: string;
  price: string;
  regular_price: string;
  sale_price: string;
  date_on_sale_from: WpDate | null;
  date_on_sale_from_gmt: WpDate | null;
  date_on_sale_to: WpDate | null;
  date_on_sale_to_gmt: WpDate | null;
  on_sale: boolean;
  status: string;
  purchasable: boolean;
  virtual: boolean;
  downloadable: boolean;
  downloads: unknown[];
  download_limit: number;
  download_expiry: number;
  tax_status: string;
  tax_class: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: string;
  backorders: string;
  backorders_allowed: boolean;
  backordered: boolean;
  low_stock_amount: number | null;
  weight: string;
  dimensions: WcDimensions;
  shipping_class: string;
  shipping_class_id: number;
  image: WcImage | null;
  attributes: WcVariationAttribute[];
  menu_order: number;
  meta_data: WcMeta[];
  _links: WcLinks;
}

export interface WcCoupon {
  id: number;
  code: string;
  amount: string;
  status: string;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  discount_type: string;
  description: string;
  date_expires: WpDate | null;
  date_expires_gmt: WpDate | null;
  usage_count: number;
  individual_use: boolean;
  product_ids: number[];
  excluded_product_ids: number[];
  usage_limit: number | null;
  usage_limit_per_user: number | null;
  limit_usage_to_x_items: number | null;
  free_shipping: boolean;
  product_categories: number[];
  excluded_product_categories: number[];
  exclude_sale_items: boolean;
  minimum_amount: string;
  maximum_amount: string;
  email_restrictions: string[];
  used_by: string[];
  meta_data: WcMeta[];
  _links: WcLinks;
}

export type WebhookStatus = 'active' | 'paused' | 'disabled';

export interface WcWebhook {
  id: number;
  name: string;
  status: WebhookStatus;
  topic: string;
  resource: string;
  event: string;
  hooks: string[];
  delivery_url: string;
  date_created: WpDate;
  date_created_gmt: WpDate;
  date_modified: WpDate;
  date_modified_gmt: WpDate;
  _links: WcLinks;
}

/** A webhook with what WooCommerce keeps but never shows over the API. */
export interface WebhookRecord {
  wire: WcWebhook;
  secret: string;
  failureCount: number;
}

export interface WooCommerceCredentials {
  /** read_write key pair */
  consumerKey: string;
  consumerSecret: string;
  /** read-only key pair: its writes are refused */
  readOnlyConsumerKey: string;
  readOnlyConsumerSecret: string;
}
