/**
 * Check-digit schemes for identifiers that real validators reject when wrong:
 * EAN-13 barcodes and Polish NIP tax numbers.
 */
import type { Random } from './random.ts';

export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** Check digit of a NIP, or null when the first nine digits admit none (the sum gives 10). */
export function nipCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (NIP_WEIGHTS[i] as number);
  const check = sum % 11;
  return check === 10 ? null : check;
}

/** 10 digits with a valid checksum; dashes and a "PL" prefix are tolerated. */
export function isValidNip(nip: string): boolean {
  const digits = nip.replace(/^PL/i, '').replace(/[-\s]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nipCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** A NIP with a valid checksum under the given tax-office prefix (3 digits). */
export function randomNip(rng: Random, prefix: string): string {
  for (;;) {
    const first9 = prefix + rng.digits(9 - prefix.length);
    const check = nipCheckDigit(first9);
    if (check !== null && first9[3] !== '0') return first9 + String(check);
  }
}
