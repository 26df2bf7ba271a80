/**
 * Decimal amounts without floats: upstream decimal strings become integer minor units (grosze), sums and divisions
 * happen on integers, and the result is formatted back with exactly 2 decimals (the `Decimal` scalar).
 */
import { formatMinorUnits, parseDecimalToMinorUnits } from '@omnigraph/shared/models';

export { formatMinorUnits, parseDecimalToMinorUnits };

/** Normalises a decimal string to 2 decimals without changing its value ("246" → "246.00"). */
export function normalizeDecimal(value: string): string {
  return formatMinorUnits(parseDecimalToMinorUnits(value));
}

/** Sum of decimal strings, exact. */
export function addDecimals(...values: string[]): string {
  return formatMinorUnits(values.reduce((sum, v) => sum + parseDecimalToMinorUnits(v), 0));
}

/** `minor / divisor` rounded half away from zero to a whole minor unit (a unit price from a line total). */
export function divideMinorUnits(minor: number, divisor: number): number {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new Error(`divisor must be a positive integer: ${divisor}`);
  const abs = Math.abs(minor);
  const quotient = Math.floor(abs / divisor);
  const rounded = (abs % divisor) * 2 >= divisor ? quotient + 1 : quotient;
  return minor < 0 ? -rounded : rounded;
}

/** `minor / divisor` rounded up to a whole minor unit, for a non-negative `minor`. */
export function divideMinorUnitsUp(minor: number, divisor: number): number {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new Error(`divisor must be a positive integer: ${divisor}`);
  return Math.ceil(minor / divisor);
}
