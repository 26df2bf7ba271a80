/**
 * Money helpers on integer grosze (1 PLN = 100 gr).
 *
 * Everything is integer arithmetic so that the four simulators and the tests agree to
 * the grosz; floats only appear when a simulator formats a value for its API.
 * Rounding is half up on grosze (half away from zero for negative amounts), which is
 * how Polish invoicing software rounds VAT per line.
 */
import type { Grosze, VatRate } from './dataset-types.ts';

function assertGrosze(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} must be an integer number of grosze, got ${value}`);
}

/** `numerator / denominator` rounded half away from zero; denominator > 0. */
function divRound(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  // `+ 0` turns a -0 result into 0 so that JSON and Object.is comparisons stay boring.
  return sign * Math.floor((2 * abs + denominator) / (2 * denominator)) + 0;
}

/** Gross price of a net price: net × (1 + vat), rounded half up to the grosz. */
export function grossFromNet(net: Grosze, vat: VatRate): Grosze {
  assertGrosze(net, 'net');
  return divRound(net * (100 + vat), 100);
}

/** Net price of a gross price: gross ÷ (1 + vat), rounded half up to the grosz. */
export function netFromGross(gross: Grosze, vat: VatRate): Grosze {
  assertGrosze(gross, 'gross');
  return divRound(gross * 100, 100 + vat);
}

/** VAT included in a gross amount, so that net + vat === gross. */
export function vatFromGross(gross: Grosze, vat: VatRate): Grosze {
  return gross - netFromGross(gross, vat);
}

/** True when some net price maps exactly onto `gross`, i.e. the ERP can hold it as list price. */
export function isExactGross(gross: Grosze, vat: VatRate): boolean {
  return grossFromNet(netFromGross(gross, vat), vat) === gross;
}

/** "246.00", "-0.50": the decimal string WooCommerce and Allegro use for amounts. */
export function formatPln(grosze: Grosze): string {
  assertGrosze(grosze, 'amount');
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Integer grosze of a decimal PLN string such as "246.00", "19.9" or "5". */
export function parsePln(text: string): Grosze {
  const match = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a PLN amount: "${text}"`);
  const grosze = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -grosze : grosze;
}
