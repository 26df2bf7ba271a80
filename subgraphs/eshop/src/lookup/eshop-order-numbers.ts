/**
 * Which references are this shop's order numbers. Core WooCommerce shows the order id as the number (`15228`, which
 * people also type as `#15228`, the way the shop prints it). Numbering plugins (WooCommerce Sequential Order Numbers
 * and its Pro version, Custom Order Numbers, WebToffee's Sequential Order Number) keep the id as the key and store
 * their own number in order meta (`_order_number`, `_order_number_formatted`), show it in the REST API's `number`
 * (through the `woocommerce_order_number` filter) and add that meta to the order search fields. Such a shop sets
 * ESHOP_ORDER_NUMBER_PATTERN to what its numbers look like, and numbers are then looked up through the order search.
 */
import { isShopId, type EshopOrderId } from '../upstream/eshop-client.ts';

/** The longest reference this shop considers at all (the CRM refuses longer ones too). */
export const MAX_ORDER_REFERENCE_LENGTH = 64;
/** Longer digit strings are not order numbers (they may be someone else's reference, e.g. a tracking number). */
const MAX_NUMBER_DIGITS = 19;

export type EshopOrderReference =
  /** core numbering: the number is the order id */
  | { kind: 'orderId'; orderId: EshopOrderId }
  /** a numbering plugin's number, looked up through the order search */
  | { kind: 'pluginNumber'; number: string }
  /** has the form of a number but no order can carry it (an id beyond what the shop's ids hold): no call */
  | { kind: 'impossible' };

/**
 * `pattern`: ESHOP_ORDER_NUMBER_PATTERN, a plugin's number format (anchored by the caller's config); null for core.
 * Null result: not this shop's kind of reference (no upstream call for it).
 */
export function classifyEshopOrderReference(reference: string, pattern: RegExp | null): EshopOrderReference | null {
  const text = reference.trim();
  if (text === '' || text.length > MAX_ORDER_REFERENCE_LENGTH) return null;
  // "#15228" as the shop prints numbers in e-mails and the account page
  const candidate = text.replace(/^#\s*/, '');
  if (candidate === '') return null;
  if (pattern !== null) return pattern.test(candidate) ? { kind: 'pluginNumber', number: candidate } : null;
  if (!new RegExp(`^\\d{1,${MAX_NUMBER_DIGITS}}$`).test(candidate)) return null;
  // leading zeros as a label printer pads them; all zeros is no number at all
  const digits = candidate.replace(/^0+/, '');
  if (digits === '') return null;
  return isShopId(digits) ? { kind: 'orderId', orderId: digits as EshopOrderId } : { kind: 'impossible' };
}

/** ESHOP_ORDER_NUMBER_PATTERN → an anchored RegExp; throws on an invalid pattern (a config error at start-up). */
export function compileOrderNumberPattern(source: string | undefined): RegExp | null {
  if (source === undefined || source.trim() === '') return null;
  const body = source.trim().replace(/^\^/, '').replace(/\$$/, '');
  return new RegExp(`^(?:${body})$`);
}
