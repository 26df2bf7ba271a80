/**
 * Input checks of the three writes, before the idempotency key is even claimed: each throws BAD_USER_INPUT naming
 * the argument (`argumentName`, a path such as `input.lines`), never repeating the value. Each answers the
 * normalised input (defaults filled in), whose canonical JSON is the write's fingerprint: two requests that mean the
 * same write have the same fingerprint.
 */
import { checkListLength, checkNumericId, checkSku, checkStoreCodes, checkUuid, textProblem } from '@omnigraph/shared/arguments';
import { badUserInput } from '@omnigraph/shared/errors';

export const MAX_LINES = 50;
export const MAX_LINE_QUANTITY = 999;
export const MAX_CUSTOMER_NOTE_LENGTH = 500;
export const MAX_RETURN_REASON_LENGTH = 500;
export const MAX_NOTE_BODY_LENGTH = 5_000;
const MAX_PARCEL_LOCKER_ID_LENGTH = 32;
const MAX_ADDRESS_FIELD_LENGTH = 200;

export type DeliveryMethod = 'COURIER' | 'PARCEL_LOCKER' | 'STORE_PICKUP';
export type PricingMode = 'LIST_PRICE' | 'CUSTOMER_PRICELIST';

export interface LineInput {
  sku: string;
  quantity: number;
}

export interface AddressInput {
  street: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

export interface PlaceOrderInput {
  customerId: string;
  lines: LineInput[];
  delivery: {
    method: DeliveryMethod;
    parcelLockerId?: string;
    storeCode?: string;
    address?: AddressInput;
  };
  pricing: PricingMode;
  customerNote?: string;
}

export interface RegisterReturnInput {
  orderId: string;
  channel: 'eshop' | 'marketplace';
  storeCode: string;
  lines: LineInput[];
  customerId?: string;
  reason?: string;
}

export interface AddCustomerNoteInput {
  customerId: string;
  body: string;
}

/** What GraphQL hands the resolvers (nullable optionals). */
export interface RawPlaceOrderInput {
  customerId: string;
  lines: readonly LineInput[];
  delivery: {
    method: DeliveryMethod;
    parcelLockerId?: string | null;
    storeCode?: string | null;
    address?: { street: string; city: string; postalCode: string; countryCode?: string | null } | null;
  };
  pricing?: PricingMode | null;
  customerNote?: string | null;
}

export interface RawRegisterReturnInput {
  orderId: string;
  storeCode: string;
  lines: readonly LineInput[];
  customerId?: string | null;
  reason?: string | null;
}

function checkText(value: string, argumentName: string, maxLength: number, { allowEmpty = false } = {}): void {
  if (!allowEmpty && value.trim() === '') throw badUserInput(`\`${argumentName}\` must not be empty.`, argumentName);
  // textProblem: length and control characters (a newline is fine in a note body: checked by the caller with its own rule)
  const problem = textProblem(value, maxLength);
  if (problem !== null) throw badUserInput(`\`${argumentName}\` ${problem}.`, argumentName);
}

/** Free text that may span lines (notes, reasons): length only, no control characters but tab and newlines. */
function checkProse(value: string, argumentName: string, maxLength: number, minLength = 0): void {
  if (value.trim().length < minLength) throw badUserInput(`\`${argumentName}\` must not be empty.`, argumentName);
  if (value.length > maxLength) throw badUserInput(`\`${argumentName}\` may have at most ${maxLength} characters.`, argumentName);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
    throw badUserInput(`\`${argumentName}\` has control characters.`, argumentName);
  }
}

/** 1–50 lines, each SKU well-formed and once, each quantity 1–999. */
export function checkLines(lines: readonly LineInput[], argumentName = 'input.lines'): LineInput[] {
  checkListLength(lines, argumentName, { min: 1, max: MAX_LINES });
  const seen = new Set<string>();
  return lines.map((line, index) => {
    checkSku(line.sku, `${argumentName}[${index}].sku`);
    if (seen.has(line.sku)) throw badUserInput(`\`${argumentName}\` names a SKU twice (line ${index + 1}): one line per SKU.`, argumentName);
    seen.add(line.sku);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      throw badUserInput(`\`${argumentName}[${index}].quantity\` must be 1–${MAX_LINE_QUANTITY}.`, `${argumentName}[${index}].quantity`);
    }
    return { sku: line.sku, quantity: line.quantity };
  });
}

export function checkCustomerId(value: string, argumentName: string): void {
  checkNumericId(value, argumentName, 'a CRM customer id');
}

function checkAddress(address: NonNullable<RawPlaceOrderInput['delivery']['address']>, argumentName: string): AddressInput {
  for (const field of ['street', 'city', 'postalCode'] as const) checkText(address[field], `${argumentName}.${field}`, MAX_ADDRESS_FIELD_LENGTH);
  const countryCode = (address.countryCode ?? 'PL').toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode))
    throw badUserInput(`\`${argumentName}.countryCode\` is not an ISO 3166-1 alpha-2 code.`, `${argumentName}.countryCode`);
  return { street: address.street.trim(), city: address.city.trim(), postalCode: address.postalCode.trim(), countryCode };
}

export function validatePlaceOrderInput(input: RawPlaceOrderInput): PlaceOrderInput {
  checkCustomerId(input.customerId, 'input.customerId');
  const lines = checkLines(input.lines);
  const { method } = input.delivery;
  const delivery: PlaceOrderInput['delivery'] = { method };
  const parcelLockerId = input.delivery.parcelLockerId ?? undefined;
  const storeCode = input.delivery.storeCode ?? undefined;
  const address = input.delivery.address ?? undefined;
  // Each method takes exactly its own field: a stray one is a client bug that would otherwise be silently dropped.
  if (method === 'PARCEL_LOCKER') {
    if (parcelLockerId === undefined) throw badUserInput('A PARCEL_LOCKER delivery needs `parcelLockerId`.', 'input.delivery.parcelLockerId');
    checkText(parcelLockerId, 'input.delivery.parcelLockerId', MAX_PARCEL_LOCKER_ID_LENGTH);
    if (!/^[A-Za-z0-9-]+$/.test(parcelLockerId))
      throw badUserInput('`input.delivery.parcelLockerId` is not a parcel locker id.', 'input.delivery.parcelLockerId');
    delivery.parcelLockerId = parcelLockerId.toUpperCase();
  } else if (parcelLockerId !== undefined) {
    throw badUserInput('`parcelLockerId` is only for a PARCEL_LOCKER delivery.', 'input.delivery.parcelLockerId');
  }
  if (method === 'STORE_PICKUP') {
    if (storeCode === undefined) throw badUserInput('A STORE_PICKUP delivery needs `storeCode`.', 'input.delivery.storeCode');
    checkStoreCodes([storeCode], 'input.delivery.storeCode');
    delivery.storeCode = storeCode;
  } else if (storeCode !== undefined) {
    throw badUserInput('`storeCode` is only for a STORE_PICKUP delivery.', 'input.delivery.storeCode');
  }
  if (address !== undefined) {
    if (method !== 'COURIER') throw badUserInput('`address` is only for a COURIER delivery.', 'input.delivery.address');
    delivery.address = checkAddress(address, 'input.delivery.address');
  }
  const result: PlaceOrderInput = { customerId: input.customerId, lines, delivery, pricing: input.pricing ?? 'LIST_PRICE' };
  if (input.customerNote !== undefined && input.customerNote !== null && input.customerNote !== '') {
    checkProse(input.customerNote, 'input.customerNote', MAX_CUSTOMER_NOTE_LENGTH);
    result.customerNote = input.customerNote;
  }
  return result;
}

const ESHOP_ORDER_ID = /^eshop:(\d{1,20})$/;
const MARKETPLACE_ORDER_ID = /^marketplace:(.+)$/;

/** `eshop:<digits>` or `marketplace:<checkout-form uuid>`: the global ids the graph hands out (ADR 0004). */
export function parseOrderId(orderId: string, argumentName = 'input.orderId'): { channel: 'eshop' | 'marketplace'; channelId: string } {
  const eshop = ESHOP_ORDER_ID.exec(orderId);
  if (eshop) return { channel: 'eshop', channelId: eshop[1]! };
  const marketplace = MARKETPLACE_ORDER_ID.exec(orderId);
  if (marketplace) {
    checkUuid(marketplace[1]!, argumentName, 'an Allegro checkout-form id');
    return { channel: 'marketplace', channelId: marketplace[1]! };
  }
  throw badUserInput(`\`${argumentName}\` is not an order id (eshop:<id> or marketplace:<checkout-form id>).`, argumentName);
}

export function validateRegisterReturnInput(input: RawRegisterReturnInput): RegisterReturnInput {
  const { channel } = parseOrderId(input.orderId);
  checkStoreCodes([input.storeCode], 'input.storeCode');
  const lines = checkLines(input.lines);
  const result: RegisterReturnInput = { orderId: input.orderId, channel, storeCode: input.storeCode, lines };
  if (input.customerId !== undefined && input.customerId !== null) {
    checkCustomerId(input.customerId, 'input.customerId');
    result.customerId = input.customerId;
  }
  if (input.reason !== undefined && input.reason !== null && input.reason !== '') {
    checkProse(input.reason, 'input.reason', MAX_RETURN_REASON_LENGTH);
    result.reason = input.reason;
  }
  return result;
}

export function validateAddCustomerNoteInput(input: AddCustomerNoteInput): AddCustomerNoteInput {
  checkCustomerId(input.customerId, 'input.customerId');
  checkProse(input.body, 'input.body', MAX_NOTE_BODY_LENGTH, 1);
  return { customerId: input.customerId, body: input.body };
}
