/**
 * Shapes of the identifiers clients pass as arguments, checked in the resolver before anything reaches an upstream
 * (issue 10, item 6): a 1.2 MB SKU used to travel to Odoo and come back as UPSTREAM_UNAVAILABLE blaming the ERP.
 * Each shape is what the owning system really allows, with a margin, so a valid real value is never refused:
 *
 * - SKU — Odoo `product.product.default_code` is an unbounded Char; WooCommerce's `sku` is sanitised text
 *   (`wc_clean`: no control characters) indexed as `varchar(100)` in `wc_product_meta_lookup`; Allegro's
 *   `external.id` is at most 100 characters (`GET /sale/offers?external.id=`). Real SKUs hold letters of any
 *   script, digits, spaces, `/`, `.`, `#`…: only the length and control characters are checked.
 * - GTIN (EAN) — GS1 GTIN-8, -12 (UPC-A), -13 (EAN-13) and -14: digits only, the last a mod-10 check digit
 *   (https://www.gs1.org/services/how-calculate-check-digit-manually). Odoo `barcode` holds any of them.
 * - Numeric record ids — HubSpot object ids and WooCommerce post/user ids are positive 64-bit integers (at most 20
 *   digits, no leading zero).
 * - UUID — Allegro checkout-form ids (`/order/checkout-forms/{id}`), 8-4-4-4-12 hex.
 * - Order numbers — as a shop shows them: WooCommerce's own are the post id, numbering plugins add prefixes,
 *   slashes and years (`ZAM/2024/0042`); bounded like `orderByReference` (64 characters, no control characters).
 * - Store codes — Odoo `stock.warehouse.code` ("Short Name") is a Char of size 5; modules widen it to 10 or 25.
 */

export const MAX_SKU_LENGTH = 255;
export const MAX_ORDER_NUMBER_LENGTH = 64;
export const MAX_STORE_CODE_LENGTH = 32;
/** 2^64 − 1 has 20 digits. */
export const MAX_NUMERIC_ID_DIGITS = 20;

// C0 and C1 control characters and DEL: never part of an identifier, and what makes log or header injection.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A lone UTF-16 surrogate cannot be encoded as UTF-8 for the upstream request.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a free-text identifier is malformed, or null. The length is checked first, so a huge value costs nothing. */
export function textProblem(value: string, maxLength: number): string | null {
  if (value.length > maxLength) return `is longer than ${maxLength} characters`;
  if (value.trim() === '') return 'is empty';
  if (CONTROL.test(value)) return 'contains a control character';
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode text';
  return null;
}

export function isSku(value: string): boolean {
  return textProblem(value, MAX_SKU_LENGTH) === null;
}

export function isOrderNumber(value: string): boolean {
  return textProblem(value, MAX_ORDER_NUMBER_LENGTH) === null;
}

export function isStoreCode(value: string): boolean {
  return textProblem(value, MAX_STORE_CODE_LENGTH) === null;
}

/** A positive integer without a leading zero, at most `maxDigits` digits (a HubSpot, WooCommerce or Odoo id). */
export function isNumericId(value: string, maxDigits: number = MAX_NUMERIC_ID_DIGITS): boolean {
  return value.length <= maxDigits && /^[1-9]\d*$/.test(value);
}

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

/** GTIN-8, -12, -13 or -14 with a correct GS1 check digit. */
export function isGtin(value: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(value)) return false;
  let sum = 0;
  // From the right, the digits before the check digit weigh 3, 1, 3, …
  for (let i = value.length - 2, weight = 3; i >= 0; i -= 1, weight = 4 - weight) sum += Number(value[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(value[value.length - 1]);
}
