/**
 * Argument checks for resolvers: each throws BAD_USER_INPUT naming the argument (`argumentName`) before any loader
 * or upstream is touched. Messages never repeat the value: it may be a megabyte, or a person's data.
 */
import { badUserInput } from '../errors/client-errors.ts';
import { isGtin, isNumericId, isUuid, MAX_ORDER_NUMBER_LENGTH, MAX_SKU_LENGTH, MAX_STORE_CODE_LENGTH, textProblem } from './identifiers.ts';

/** One upstream batch of SKUs (Odoo `default_code in […]`, the ERP loaders' chunk): more would cost several calls. */
export const MAX_SKUS_PER_ARGUMENT = 200;
/** Stores and warehouses a retailer has: a handful; a longer list is a client bug or a probe. */
export const MAX_STORE_CODES_PER_ARGUMENT = 100;

/** `values` has between `min` and `max` items. */
export function checkListLength(values: readonly unknown[], argumentName: string, limits: { min?: number; max: number }): void {
  const min = limits.min ?? 0;
  if (values.length < min) throw badUserInput(`\`${argumentName}\` must have at least ${min} item${min === 1 ? '' : 's'}.`, argumentName);
  if (values.length > limits.max) throw badUserInput(`\`${argumentName}\` may have at most ${limits.max} items.`, argumentName);
}

function checkText(value: string, argumentName: string, what: string, maxLength: number, label = argumentName): void {
  const problem = textProblem(value, maxLength);
  if (problem !== null) throw badUserInput(`\`${label}\` ${problem}: not ${what}.`, argumentName);
}

export function checkSku(value: string, argumentName = 'sku'): void {
  checkText(value, argumentName, 'a SKU', MAX_SKU_LENGTH);
}

/** The list's length, then every SKU (the error names the first bad item's position). */
export function checkSkus(values: readonly string[], argumentName = 'skus', max: number = MAX_SKUS_PER_ARGUMENT): void {
  checkListLength(values, argumentName, { max });
  values.forEach((value, index) => checkText(value, argumentName, 'a SKU', MAX_SKU_LENGTH, `${argumentName}[${index}]`));
}

export function checkStoreCodes(values: readonly string[], argumentName = 'locationCodes'): void {
  checkListLength(values, argumentName, { max: MAX_STORE_CODES_PER_ARGUMENT });
  values.forEach((value, index) => checkText(value, argumentName, 'a store code', MAX_STORE_CODE_LENGTH, `${argumentName}[${index}]`));
}

export function checkOrderNumber(value: string, argumentName = 'number'): void {
  checkText(value, argumentName, 'an order number', MAX_ORDER_NUMBER_LENGTH);
}

/** `what` names the record for the message, e.g. "a CRM customer id". */
export function checkNumericId(value: string, argumentName: string, what: string): void {
  if (!isNumericId(value)) throw badUserInput(`\`${argumentName}\` is not ${what} (a positive whole number).`, argumentName);
}

export function checkUuid(value: string, argumentName: string, what: string): void {
  if (!isUuid(value)) throw badUserInput(`\`${argumentName}\` is not ${what} (a UUID).`, argumentName);
}

export function checkGtin(value: string, argumentName = 'ean'): void {
  if (!isGtin(value)) {
    throw badUserInput(`\`${argumentName}\` is not an EAN / GTIN (8, 12, 13 or 14 digits with a valid check digit).`, argumentName);
  }
}
