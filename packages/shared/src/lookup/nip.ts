/**
 * NIP, the Polish tax id: 10 digits, the last a checksum (weights 6 5 7 2 3 4 5 6 7, mod 11). People write it as
 * 6762481366, 676-248-13-66, 676-24-81-366, "PL 6762481366" (the EU VAT form); all are the same NIP.
 */
const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** The 10 digits of a NIP in any common spelling, or null when it is not a NIP (wrong length, checksum, characters). */
export function normaliseNip(raw: string): string | null {
  const text = raw.trim();
  if (text.length > 20 || !/^(PL)?[\s\d\-.]+$/i.test(text)) return null;
  const digits = text.replace(/^PL/i, '').replace(/\D/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(digits[9]) ? digits : null;
}
