/**
 * Money without floats, one way for every subgraph: upstream decimal strings become integer minor units (grosze),
 * arithmetic happens on integers, and results are formatted back with exactly 2 decimals (the `Decimal` scalar).
 */

/**
 * "348.09" → 34809, "246" → 24600, "41.4" → 4140. More than 2 decimals (a shop answering with `dp=3`) are rounded half
 * away from zero on the digits, never through a float. RangeError for anything else.
 */
export function parseDecimalToMinorUnits(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = (fraction + '00').slice(0, 2);
  const roundUp = fraction.length > 2 && fraction.charCodeAt(2) >= '5'.charCodeAt(0) ? 1 : 0;
  const minor = Number(whole) * 100 + Number(cents) + roundUp;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount out of range: ${JSON.stringify(value)}`);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** `24600` → `"246.00"`, `-5` → `"-0.05"`: the `Decimal` scalar's 2-decimal string. */
export function formatMinorUnits(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `numerator / denominator` rounded half away from zero, exactly (BigInt): how WooCommerce (PHP `round()`) and Odoo
 * (`float_round`, HALF-UP) round money, so each subgraph reproduces its system's cents without float error.
 */
export function divideRoundingHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
