/**
 * `numerator / denominator` rounded half away from zero, exactly (BigInt): how WooCommerce (PHP `round()`) and Odoo
 * (`float_round`, HALF-UP) round money, so both subgraphs reproduce their system's cents without float error.
 */
export function divideRoundingHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
