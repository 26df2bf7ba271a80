/**
 * Decimal amounts without floats: upstream decimal strings become integer minor units (grosze), sums and divisions
 * happen on integers, and the result is formatted back with exactly 2 decimals (the `Decimal` scalar).
 */

/**
 * "348.09" → 34809, "246" → 24600, "41.4" → 4140. More than 2 decimals (a shop answering with `dp=3`) are rounded half
 * away from zero on the digits, never through a float.
 */
export function parseDecimalToMinorUnits(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = (fraction + '00').slice(0, 2);
  const roundUp = fraction.length > 2 && fraction.charCodeAt(2) >= '5'.charCodeAt(0) ? 1 : 0;
  const minor = Number(whole) * 100 + Number(cents) + roundUp;
  if (!Number.isSafeInteger(minor)) throw new Error(`amount out of range: ${JSON.stringify(value)}`);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** 34809 → "348.09", -5 → "-0.05". */
export function formatMinorUnits(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an integer amount of minor units: ${minor}`);
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${minor < 0 ? '-' : ''}${whole}.${cents}`;
}

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
