/**
 * The key of a `CustomerLookup` entity: the one criterion of a customer search, normalised by the CRM subgraph (which
 * owns the root field and validates the arguments) and parsed by each channel subgraph that answers for it.
 * `<kind>:<value>`, e.g. `phone:600100200`, `nip:6762481366`, `name:tomasz wisniewski`.
 */
import { foldText } from './fold.ts';
import { normaliseNip } from './nip.ts';
import { toPolishNationalNumber } from './phone.ts';

export const LOOKUP_KINDS = ['email', 'phone', 'name', 'allegroLogin', 'company', 'nip'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export interface LookupCriterion {
  kind: LookupKind;
  /** normalised: e-mail lower-case; phone the 9-digit national number; name and company folded; nip 10 digits */
  value: string;
}

/** Longest value a criterion may have; longer input is refused before any upstream is asked. */
export const MAX_LOOKUP_VALUE_LENGTH = 254;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Allegro logins: letters, digits and `_ - .`; guest buyers show as `Client:<digits>`. */
const ALLEGRO_LOGIN = /^(?:[\p{L}\d_.-]{1,64}|Client:\d{1,20})$/u;

/**
 * The normalised criterion for one argument, or an error message naming what is wrong. Control characters and
 * over-long values are refused for every kind.
 */
export function normaliseCriterion(kind: LookupKind, raw: string): LookupCriterion | { error: string } {
  const text = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (text === '' || text.length > MAX_LOOKUP_VALUE_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
    return { error: `"${kind}" must be 1–${MAX_LOOKUP_VALUE_LENGTH} printable characters.` };
  }
  switch (kind) {
    case 'email':
      return EMAIL.test(text) ? { kind, value: text.toLowerCase() } : { error: '"email" is not a valid e-mail address.' };
    case 'phone': {
      const national = toPolishNationalNumber(text);
      return national === null ? { error: '"phone" is not a valid Polish phone number.' } : { kind, value: national };
    }
    case 'nip': {
      const nip = normaliseNip(text);
      return nip === null ? { error: '"nip" is not a valid NIP (10 digits with a valid check digit).' } : { kind, value: nip };
    }
    case 'allegroLogin':
      return ALLEGRO_LOGIN.test(text) ? { kind, value: text } : { error: '"allegroLogin" is not an Allegro login.' };
    case 'name':
    case 'company': {
      const folded = foldText(text.replaceAll('*', ' '));
      // a value of punctuation only ("%", "!!!") names nobody, and would become a match-everything pattern upstream
      return /[\p{L}\p{N}]/u.test(folded) ? { kind, value: folded } : { error: `"${kind}" must contain at least one word.` };
    }
  }
}

/** How many matches a lookup answers when the caller does not say (`customerLookup(first:)`). */
export const DEFAULT_LOOKUP_FIRST = 10;
export const MAX_LOOKUP_FIRST = 100;

/**
 * The key of a lookup. `first` travels in the key because the CRM subgraph resolves `matches` in a later fetch, from
 * the entity representation alone: `kind:value` for the default, `kind@<first>:value` otherwise (`@` never occurs in
 * a kind, and the value keeps everything after the first colon).
 */
export function formatLookupKey(criterion: LookupCriterion, first: number = DEFAULT_LOOKUP_FIRST): string {
  return first === DEFAULT_LOOKUP_FIRST ? `${criterion.kind}:${criterion.value}` : `${criterion.kind}@${first}:${criterion.value}`;
}

/**
 * The criterion of a key (and the `first` it carries, {@link DEFAULT_LOOKUP_FIRST} when none); null for a key this
 * version does not know (a channel then answers with no identities).
 */
export function parseLookupKey(key: string): (LookupCriterion & { first: number }) | null {
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const head = /^([A-Za-z]+)(?:@(\d{1,3}))?$/.exec(key.slice(0, colon));
  if (head === null) return null;
  const kind = head[1] as LookupKind;
  if (!LOOKUP_KINDS.includes(kind)) return null;
  const first = head[2] === undefined ? DEFAULT_LOOKUP_FIRST : Number(head[2]);
  if (first < 1 || first > MAX_LOOKUP_FIRST) return null;
  const value = key.slice(colon + 1);
  return value === '' ? null : { kind, value, first };
}

/** Allegro's per-transaction relay addresses: never a person's real address, never a match key. */
export function isAllegroRelayEmail(email: string): boolean {
  return /@allegromail\.pl$/i.test(email.trim());
}
