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
      return folded === '' ? { error: `"${kind}" must contain at least one word.` } : { kind, value: folded };
    }
  }
}

export function formatLookupKey(criterion: LookupCriterion): string {
  return `${criterion.kind}:${criterion.value}`;
}

/** The criterion of a key; null for a key this version does not know (a channel then answers with no identities). */
export function parseLookupKey(key: string): LookupCriterion | null {
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const kind = key.slice(0, colon) as LookupKind;
  if (!LOOKUP_KINDS.includes(kind)) return null;
  const value = key.slice(colon + 1);
  return value === '' ? null : { kind, value };
}

/** Allegro's per-transaction relay addresses: never a person's real address, never a match key. */
export function isAllegroRelayEmail(email: string): boolean {
  return /@allegromail\.pl$/i.test(email.trim());
}
