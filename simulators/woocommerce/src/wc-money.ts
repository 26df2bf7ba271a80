/**
 * Money as WooCommerce writes it, computed on integer grosze.
 *
 * - Order and product amounts: decimal strings with the shop's 2 decimals ("348.09", "246.00"), `wc_format_decimal($x, 2)`.
 * - Raw item amounts (`taxes[].total`, coupon `discount`): stored values without trailing zeros ("41.4", "46").
 * - Tax rates: the shop is configured the way most Polish shops are, prices entered WITH VAT, one rate per class,
 *   rates defined for country PL only (so an order shipped abroad gets no Polish VAT, as in a real shop).
 */
import { formatPln, netFromGross } from '@omnigraph/simulator-dataset';

export interface TaxRate {
  id: number;
  percent: number;
  /** tax class slug ("" is Standard) */
  taxClass: string;
  label: string;
  /** COUNTRY-STATE-NAME-PRIORITY, upper-cased, empty parts dropped (WC_Tax::get_rate_code) */
  rateCode: string;
}

export const TAX_RATES: readonly TaxRate[] = [
  { id: 1, percent: 23, taxClass: '', label: 'VAT', rateCode: 'PL-VAT-1' },
  { id: 2, percent: 8, taxClass: 'reduced-rate', label: 'VAT 8%', rateCode: 'PL-VAT 8%-1' },
  { id: 3, percent: 5, taxClass: 'super-reduced-rate', label: 'VAT 5%', rateCode: 'PL-VAT 5%-1' },
];

export const STANDARD_RATE: TaxRate = TAX_RATES[0]!;

export function rateForPercent(percent: number): TaxRate {
  return TAX_RATES.find((r) => r.percent === percent) ?? STANDARD_RATE;
}

export function rateForClass(taxClass: string): TaxRate {
  return TAX_RATES.find((r) => r.taxClass === taxClass) ?? STANDARD_RATE;
}

/** "348.09" */
export function money(grosze: number): string {
  return formatPln(grosze);
}

/** "41.4", "46", "2.99": a raw stored amount. */
export function rawMoney(grosze: number): string {
  return formatPln(grosze).replace(/\.?0+$/, '');
}

/** Grosze of a WooCommerce decimal string ("246", "246.00", "19.9"); null when it is not one. "" is null too. */
export function parseMoney(text: string): number | null {
  const m = /^\s*(-)?(\d*)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = Number(m[2] || '0');
  const fraction = (m[3] ?? '').padEnd(3, '0');
  // Half up on the third decimal, as wc_format_decimal($x, 2) rounds.
  const grosze = whole * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return m[1] ? -grosze : grosze;
}

/** VAT contained in a gross amount, so that net + vat === gross. */
export function vatInGross(gross: number, percent: number): number {
  return gross - netFromGross(gross, percent as 23 | 8 | 5);
}

/** Net part of a gross amount. */
export function netOfGross(gross: number, percent: number): number {
  return netFromGross(gross, percent as 23 | 8 | 5);
}

/** VAT on a net amount, rounded half up to the grosz (WC_Tax::calc_exclusive_tax + wc_round_tax_total). */
export function vatOnNet(net: number, percent: number): number {
  const product = net * percent;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(product) + 100) / 200) + 0;
}
