/**
 * How a HubSpot property value (always a string or null on the wire) is read, in one place for every mapper.
 *
 * HubSpot CRM v3 sends every property value as a string: number properties as "1250" or "1250.5" (a dot, at most one
 * decimal point: "type number … numeric digits and at most one decimal"), bool properties as "true"/"false", date
 * properties as "YYYY-MM-DD" (or midnight-UTC epoch milliseconds), datetime properties as ISO 8601 with `Z` (or epoch
 * milliseconds), enumerations as the option's internal value (not its label), multiple checkboxes as values joined
 * with ";" (https://developers.hubspot.com/docs/api/crm/properties, https://developers.hubspot.com/docs/api/faq "How
 * should I format timestamps"; the v3 reference's own record example shows a date property as "1572480000000", a
 * checkbox as "false", a dropdown as its value "choice_b", multiple checkboxes as "chocolate;strawberry":
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/post-crm-v3-objects-contacts-merge).
 * Real portals also keep such data in plain text properties, typed by people: "1 250", "1250,50", "1.250,50", " 42 ",
 * "tak"/"nie", which only the rules below read, unambiguously or not at all.
 *
 * Every reader answers `unset` (null, "", blanks: nothing is recorded), a `value`, or `unreadable` with a reason the
 * caller logs (never the value itself: it may be personal data). A value is never guessed: an unreadable one is
 * better shown as null than as a wrong number.
 */

export type HubSpotValue<T> = { kind: 'value'; value: T } | { kind: 'unset' } | { kind: 'unreadable'; reason: string };

const UNSET: HubSpotValue<never> = { kind: 'unset' };
const value = <T>(v: T): HubSpotValue<T> => ({ kind: 'value', value: v });
const unreadable = (reason: string): HubSpotValue<never> => ({ kind: 'unreadable', reason });

/**
 * How a portal writes numbers in text properties (`CRM_NUMBER_LOCALE`): `pl` "1.250" is 1250 and "1,250" is 1.25;
 * `en` "1,250" is 1250 and "1.250" is 1.25; null: such a value is ambiguous and refused.
 */
export type HubSpotNumberLocale = 'pl' | 'en';

/** What the portal declared the property as: HubSpot's `number` type, or a text (`string`) one holding numbers. */
export type HubSpotDeclaredType = 'number' | 'text';

/** Trimmed text; null for null, absent, empty or blank (HubSpot shows a cleared value as "" in places). */
export function readHubSpotText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const t = raw.trim();
  return t === '' ? null : t;
}

/** HubSpot's own number format: what a `number` property holds ("1250", "1250.0", "-3.5", "1.25E3"). */
const CANONICAL_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** A dot-decimal mantissa with an exponent is unambiguous wherever it stands. */
const EXPONENT_NUMBER = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;
/** Spaces people and spreadsheets put between thousands: space, NBSP, narrow NBSP, thin space, apostrophes. */
const GROUP_SPACE = /^[ \u00a0\u202f\u2009'\u2019]$/;
/** Digit groups separated by single separators (a space-like character, a dot or a comma). */
const GROUPED = /^\d+(?:[ \u00a0\u202f\u2009'\u2019.,]\d+)*$/;

/**
 * A number as HubSpot or a person wrote it. Rules (applied after trimming and an optional sign):
 * 1. A `number` property's canonical value ("1250", "1250.0", "1.250", "1.25E3") is read with a dot decimal: HubSpot
 *    itself writes numbers that way, so "1.250" there is 1.25. An exponent with a dot mantissa is read anywhere.
 * 2. Otherwise digits may be grouped by spaces (also NBSP, thin space, apostrophe), dots or commas:
 *    - spaces are only ever thousands separators;
 *    - with both a dot and a comma, the last one (appearing once) is the decimal separator ("1.250,50", "1,250.50");
 *    - one kind appearing more than once is grouping ("1.250.000");
 *    - one dot or comma followed by 1–2 or 4+ digits, after space grouping, or after a lone 0 is a decimal separator
 *      ("1250,50", "1 250.5", "0,250");
 *    - one dot or comma followed by exactly 3 digits ("1,250", and "1.250" in a text property) is ambiguous: read by
 *      `locale` when the portal's is configured, refused otherwise.
 *    Every thousands group after the first has exactly 3 digits and the first 1–3, or the value is refused.
 * 3. Anything else (units, words, "n/a", "-") is refused.
 */
export function readHubSpotNumber(
  raw: string | null | undefined,
  options: { type: HubSpotDeclaredType; locale: HubSpotNumberLocale | null },
): HubSpotValue<number> {
  const t = readHubSpotText(raw);
  if (t === null) return UNSET;
  const finite = (n: number) => (Number.isFinite(n) ? value(n === 0 ? 0 : n) : unreadable('number out of range'));
  if (EXPONENT_NUMBER.test(t) || (options.type === 'number' && CANONICAL_NUMBER.test(t))) return finite(Number(t));
  const negative = /^[-\u2212]/.test(t);
  const body = t.replace(/^[+\-\u2212]\s*/, '');
  if (!GROUPED.test(body)) return unreadable('not a number');
  const digits = body.split(/[^\d]/);
  const separators = [...body.replace(/\d/g, '')].map((s) => (GROUP_SPACE.test(s) ? ' ' : s));
  const marks = separators.filter((s) => s !== ' ');
  let decimalAt = -1;
  if (marks.includes('.') && marks.includes(',')) {
    const last = separators[separators.length - 1]!;
    if (last === ' ' || marks.filter((s) => s === last).length !== 1) return unreadable('mixed separators');
    decimalAt = separators.length - 1;
  } else if (marks.length === 1) {
    const at = separators.indexOf(marks[0]!);
    if (at !== separators.length - 1) return unreadable('mixed separators');
    const fraction = digits[at + 1]!;
    const spaceGrouped = separators.includes(' ');
    if (fraction.length !== 3 || spaceGrouped || digits[0] === '0') {
      decimalAt = at;
    } else if (options.locale === null) {
      return unreadable('ambiguous decimal or thousands separator (set CRM_NUMBER_LOCALE)');
    } else {
      const decimalMark = options.locale === 'pl' ? ',' : '.';
      decimalAt = marks[0] === decimalMark ? at : -1;
    }
  }
  const integerGroups = decimalAt === -1 ? digits : digits.slice(0, decimalAt + 1);
  if (integerGroups.length > 1 && (integerGroups[0]!.length > 3 || integerGroups.slice(1).some((g) => g.length !== 3))) {
    return unreadable('thousands groups are not of 3 digits');
  }
  const normalised = `${integerGroups.join('')}${decimalAt === -1 ? '' : `.${digits[decimalAt + 1]!}`}`;
  return finite((negative ? -1 : 1) * Number(normalised));
}

/** The GraphQL `Int` range: a number outside it cannot be shown, so it is unreadable rather than an error. */
const INT_MAX = 2_147_483_647;

/** A whole number (e.g. loyalty points): read as {@link readHubSpotNumber}, the fraction dropped (toward zero). */
export function readHubSpotInteger(
  raw: string | null | undefined,
  options: { type: HubSpotDeclaredType; locale: HubSpotNumberLocale | null },
): HubSpotValue<number> {
  const n = readHubSpotNumber(raw, options);
  if (n.kind !== 'value') return n;
  const whole = Math.trunc(n.value);
  return Math.abs(whole) > INT_MAX ? unreadable('number out of range') : value(whole === 0 ? 0 : whole);
}

const TRUE_WORDS = new Set(['true', 'yes', 'tak', 'y', 't', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'nie', 'n', 'f', '0', 'off']);

/**
 * A bool property ("true"/"false", `booleancheckbox`), or a yes/no typed in a text or enumeration property: "yes",
 * "tak", "1", "y", "on" and their negatives, any case. Anything else is unreadable.
 */
export function readHubSpotBoolean(raw: string | null | undefined): HubSpotValue<boolean> {
  const t = readHubSpotText(raw)?.toLowerCase();
  if (t === undefined) return UNSET;
  if (TRUE_WORDS.has(t)) return value(true);
  if (FALSE_WORDS.has(t)) return value(false);
  return unreadable('not a yes/no value');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** Epoch milliseconds from 1973 to 5138: fewer digits look like epoch seconds, which HubSpot never sends. */
const EPOCH_MS = /^\d{12,14}$/;

/**
 * A `date` property ("2026-01-10", or midnight UTC as epoch ms "1768003200000"), a `datetime` one (ISO 8601, with or
 * without milliseconds; a value without a zone is UTC, as HubSpot stores it) or epoch milliseconds, as ISO 8601 with
 * `Z`. A date reads as midnight UTC of that day. Local formats ("10.01.2026") and epoch seconds are unreadable: read
 * by `Date.parse` they would become a wrong date.
 */
export function readHubSpotDate(raw: string | null | undefined): HubSpotValue<string> {
  const t = readHubSpotText(raw);
  if (t === null) return UNSET;
  let ms = Number.NaN;
  if (EPOCH_MS.test(t)) {
    ms = Number(t);
  } else if (ISO_DATE.test(t)) {
    ms = Date.parse(`${t}T00:00:00Z`);
    // Date.parse rolls 2026-02-30 over to March: a date that does not exist is refused instead
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) !== t) ms = Number.NaN;
  } else {
    const m = ISO_DATE_TIME.exec(t);
    if (m) {
      // the one shape Date.parse is specified for: seconds, milliseconds, a `±hh:mm` zone
      const zone = m[5] === undefined || m[5].toUpperCase() === 'Z' ? 'Z' : `${m[5].slice(0, 3)}:${m[5].slice(-2)}`;
      ms = Date.parse(`${m[1]!}T${m[2]!}:${m[3] ?? '00'}.${(m[4] ?? '').padEnd(3, '0').slice(0, 3)}${zone}`);
    }
  }
  return Number.isNaN(ms) ? unreadable('not an ISO 8601 date or epoch milliseconds') : value(new Date(ms).toISOString());
}

/** Lower case, Polish (and other) diacritics off, spaces, `_` and `-` runs as one space: "Złoty" → "zloty". */
export function foldHubSpotOption(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * An enumeration (select / radio) by its option value. Option values are internal names a portal chooses ("gold",
 * "Gold", "zloty", "tier_2"), not the labels, so matching is on the folded value ({@link foldHubSpotOption}) against
 * `options`, whose keys are folded too. An unknown value is unreadable (the caller applies its documented fallback).
 */
export function readHubSpotEnum<T>(raw: string | null | undefined, options: ReadonlyMap<string, T>): HubSpotValue<T> {
  const t = readHubSpotText(raw);
  if (t === null) return UNSET;
  const found = options.get(foldHubSpotOption(t));
  return found === undefined ? unreadable('unknown option value') : value(found);
}

/**
 * A multiple-checkbox property (or `hs_additional_emails`, `hs_merged_object_ids`): values joined with ";"
 * (https://developers.hubspot.com/docs/api/faq "How do I set multiple values for checkbox properties"), each trimmed,
 * empty ones dropped, each once.
 */
export function readHubSpotMultiValue(raw: string | null | undefined): string[] {
  const t = readHubSpotText(raw);
  if (t === null) return [];
  return [...new Set(t.split(';').map((v) => v.trim()))].filter((v) => v !== '');
}

/**
 * A numeric id held in a property (`woocommerce_customer_id`, `odoo_partner_id`: number properties that may come back
 * as "2317.0"; `allegro_buyer_id`, `hs_object_id`): its digits. Anything else ("2 317", "#2317", "n/a") is unreadable:
 * a wrong link would show another person's orders.
 */
export function readHubSpotId(raw: string | null | undefined): HubSpotValue<string> {
  const t = readHubSpotText(raw);
  if (t === null) return UNSET;
  const m = /^(\d{1,19})(?:\.0+)?$/.exec(t);
  return m ? value(m[1]!) : unreadable('not a numeric id');
}

/**
 * An e-mail address, trimmed and lower-cased (HubSpot stores primary addresses lower-case; imports and old records may
 * hold capitals or surrounding spaces). A value that is not one address (no `@`, inner spaces, two addresses) is
 * unreadable.
 */
export function readHubSpotEmail(raw: string | null | undefined): HubSpotValue<string> {
  const t = readHubSpotText(raw);
  if (t === null) return UNSET;
  return /^[^\s@;,]+@[^\s@;,]+$/.test(t) ? value(t.toLowerCase()) : unreadable('not an e-mail address');
}
