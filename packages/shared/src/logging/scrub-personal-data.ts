/**
 * Personal data that can be recognised by its shape, removed from free text before it is logged: e-mail addresses
 * (also percent-encoded, as they appear in URL paths such as HubSpot's `/contacts/{email}`) and phone numbers (Polish
 * national and international spellings, and any `+`-prefixed international number). Names and street addresses have
 * no shape; they are kept out of logs by logging codes, ids and endpoint templates instead of upstream text.
 */

// local@domain.tld, with `@` possibly percent-encoded (%40) by encodeURIComponent in a path
const EMAIL = /[\p{L}\p{N}._%+-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

/**
 * Polish numbers: an optional +48 / 0048 / (+48) prefix, then nine digits as one block or grouped 3-3-3 (mobile) or
 * 2-3-2-2 with an optional area-code parenthesis (landline), separated by spaces, hyphens or dots. Not inside a
 * longer run of word characters, so ids, UUID groups, hex digests and timestamps stay as they are.
 */
const POLISH_PHONE =
  /(?<![\w+])(?:(?:\+|00)\s?48[\s.-]?|\(\+?48\)\s?)?(?:\d{9}|\d{3}[\s.-]\d{3}[\s.-]\d{3}|\(?\d{2}\)?[\s.-]?\d{3}[\s.-]\d{2}[\s.-]\d{2})(?![\w])/g;

/** Any other international number: + and 8 to 15 digits, optionally grouped. */
const INTERNATIONAL_PHONE = /(?<![\w+])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}(?![\w])/g;

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';

/** `text` with every e-mail address and phone number replaced by a placeholder. */
export function scrubPersonalData(text: string): string {
  // Cheap pre-checks: most log strings have neither an `@` (or %40) nor a run of digits.
  let out = text;
  if (out.includes('@') || out.includes('%40')) out = out.replace(EMAIL, EMAIL_PLACEHOLDER);
  if (/\d{2}/.test(out)) out = out.replace(INTERNATIONAL_PHONE, PHONE_PLACEHOLDER).replace(POLISH_PHONE, PHONE_PLACEHOLDER);
  return out;
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` with every string scrubbed (object keys too: a map keyed by e-mail is as personal as its values).
 * Objects that are not plain (Buffers, class instances pino serialises itself) are returned as they are, and the walk
 * stops at a fixed depth: a log line is small, and this runs on every one of them.
 */
export function scrubValue(value: unknown, depth = 0, redactKeys?: ReadonlySet<string>, censor = '[Redacted]'): unknown {
  if (typeof value === 'string') return scrubPersonalData(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, redactKeys, censor));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // a field named like a credential or a person's contact is censored whole, at any depth (`redactKeys` lower-case)
    out[scrubPersonalData(key)] = redactKeys?.has(key.toLowerCase()) ? censor : scrubValue(item, depth + 1, redactKeys, censor);
  }
  return out;
}
