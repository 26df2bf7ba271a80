/**
 * Polish phone numbers as people type them, and back.
 *
 * Every system in the demo stores the phone the way a person typed it, so matching
 * people across systems needs one canonical form: the 9-digit national significant
 * number (what HubSpot calls hs_searchable_calculated_phone_number for Polish numbers).
 */

/** Leading two digits of mobile ranges (UKE numbering plan). */
const MOBILE_PREFIXES = new Set(['45', '50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88']);

/** Geographic area codes; the subscriber part after them has 7 digits. */
const AREA_CODES = new Set([
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '22',
  '23',
  '24',
  '25',
  '29',
  '32',
  '33',
  '34',
  '41',
  '42',
  '43',
  '44',
  '46',
  '48',
  '52',
  '54',
  '55',
  '56',
  '58',
  '59',
  '61',
  '62',
  '63',
  '65',
  '67',
  '68',
  '71',
  '74',
  '75',
  '76',
  '77',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '89',
  '91',
  '94',
  '95',
]);

export function isPolishMobile(digits: string): boolean {
  return /^\d{9}$/.test(digits) && MOBILE_PREFIXES.has(digits.slice(0, 2));
}

export function isPolishLandline(digits: string): boolean {
  // A subscriber number starting with 0 is a mistyped trunk prefix, not a number.
  return /^\d{2}[1-9]\d{6}$/.test(digits) && AREA_CODES.has(digits.slice(0, 2));
}

/**
 * The 9-digit national number of a Polish mobile or landline number in any common typed
 * form ("+48 600 100 200", "600-100-200", "0048600100200", "(+48) 600 100 200",
 * "48 600 100 200", "(22) 123-45-67", the pre-2005 trunk form "(0-22) 123 45 67").
 * Null for foreign numbers, special ranges (800, 70x…) and anything that is not a phone.
 */
export function toPhoneDigits(raw: string): string | null {
  const text = raw.trim().replace(/^tel(?:efon)?\.?\s*:?\s*/i, '');
  if (text === '' || !/^[\d\s\-.()/+]+$/.test(text)) return null;

  const plusSigns = text.split('+').length - 1;
  if (plusSigns > 1) return null;
  // A plus anywhere but in front (optionally inside the opening parenthesis) is a typo, not a country code.
  if (plusSigns === 1 && !/^\(?\+/.test(text)) return null;

  let digits = text.replace(/\D/g, '');
  if (plusSigns === 1) {
    if (!digits.startsWith('48')) return null;
    digits = digits.slice(2);
  } else if (digits.length === 13 && digits.startsWith('0048')) {
    digits = digits.slice(4);
  } else if (digits.length === 11 && digits.startsWith('48')) {
    digits = digits.slice(2);
  }
  if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1);
  if (digits.length !== 9) return null;
  return isPolishMobile(digits) || isPolishLandline(digits) ? digits : null;
}

export const PHONE_STYLES = [
  'international-spaced', // +48 600 100 200
  'international', // +48600100200
  'international-dashed', // +48-600-100-200
  'parenthesized', // (+48) 600 100 200
  'double-zero', // 0048600100200
  'double-zero-spaced', // 0048 600 100 200
  'country-spaced', // 48 600 100 200
  'spaced', // 600 100 200
  'dashed', // 600-100-200
  'plain', // 600100200
] as const;

export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** Groups of the national number the way Poles write it: 600 100 200, but 22 123 45 67. */
function groups(digits: string): string[] {
  if (isPolishMobile(digits)) return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return [digits.slice(0, 2), digits.slice(2, 5), digits.slice(5, 7), digits.slice(7)];
}

/** A 9-digit national number written in one of the ways people type it. */
export function formatPhoneAsTyped(digits: string, style: PhoneStyle): string {
  if (!/^\d{9}$/.test(digits)) throw new RangeError(`expected a 9-digit national number, got "${digits}"`);
  const g = groups(digits);
  const landline = g.length === 4;
  switch (style) {
    case 'international-spaced':
      return `+48 ${g.join(' ')}`;
    case 'international':
      return `+48${digits}`;
    case 'international-dashed':
      return `+48-${g.join('-')}`;
    case 'parenthesized':
      return `(+48) ${g.join(' ')}`;
    case 'double-zero':
      return `0048${digits}`;
    case 'double-zero-spaced':
      return `0048 ${g.join(' ')}`;
    case 'country-spaced':
      return `48 ${g.join(' ')}`;
    case 'spaced':
      return g.join(' ');
    case 'dashed':
      return landline ? `(${g[0]}) ${g.slice(1).join('-')}` : g.join('-');
    case 'plain':
      return digits;
  }
}
