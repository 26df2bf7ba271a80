/**
 * Money helpers on integer minor units (grosze). Amounts never go through a float once converted, so "246.00" leaves
 * the subgraph exactly as computed.
 */

/** Converts a float amount as an upstream sends it (Odoo: `200.0`, `73.16`) to minor units; the only float step. */
export function toMinorUnits(amount: number): number {
  return Math.round(amount * 100);
}

export { formatMinorUnits } from '@omnigraph/shared/models';

/**
 * Gross from net and a VAT rate given in basis points (23 % = 2300), rounded half away from zero to a whole minor
 * unit, in integer arithmetic (Polish VAT rounds per amount "od 0,5 grosza w górę").
 */
export function grossFromNet(netMinor: number, vatBasisPoints: number): number {
  const numerator = Math.abs(netMinor) * (10_000 + vatBasisPoints);
  const rounded = Math.floor((numerator + 5_000) / 10_000);
  return netMinor < 0 ? -rounded : rounded;
}

/** A percent rate in basis points as a decimal string without trailing zeros: 2300 → "23", 550 → "5.5". */
export function formatBasisPointsAsPercent(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const abs = Math.abs(basisPoints);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** `"23"` → 2300, `"5.5"` → 550: the inverse of {@link formatBasisPointsAsPercent}. */
export function parsePercentToBasisPoints(percent: string): number {
  return Math.round(Number(percent) * 100);
}
