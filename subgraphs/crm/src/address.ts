/**
 * `Customer.address` from HubSpot's free-text address properties. `country` is whatever people typed into the portal
 * ("Poland", "Polska", "PL", "pl", "Rzeczpospolita Polska", "POL"), so it is read into an ISO 3166-1 alpha-2 code:
 * the code itself, a common alpha-3 code, or the country's name in English, Polish or German (the languages of this
 * retailer's customers and staff), case, dots and diacritics ignored. Names come from the runtime's ICU data
 * (`Intl.DisplayNames`), so every country is covered without a hand-kept list; a few usual short forms are added.
 *
 * Decision: the address is null when the street or the city is missing (SDL), and also when the country is missing or
 * cannot be read. `countryCode` is non-null, and a guessed one is worse than none: an order placed with a wrong
 * country ships to the wrong place or is priced with the wrong tax, while a missing address makes the agent ask.
 * A missing postal code reads as "" (some countries have none).
 */
import { foldText } from '@omnigraph/shared/lookup';
import type { CrmContact } from './upstream/crm-client.ts';

export interface CustomerAddress {
  street: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

/**
 * Region codes ICU names that are not countries today: the EU, the eurozone, the UN, pseudo-regions, and withdrawn
 * codes whose names live on ("Niemcy" is also DD, East Germany).
 */
const NOT_COUNTRIES = new Set(
  ['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].concat(['AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'QU', 'RH', 'SU', 'TP', 'VD', 'YD', 'YU', 'ZR']),
);

/** Usual spellings ICU does not give: alpha-3 codes and short or old names. */
const ALIASES: Readonly<Record<string, string>> = {
  pol: 'PL',
  'rzeczpospolita polska': 'PL',
  'republic of poland': 'PL',
  deu: 'DE',
  ger: 'DE',
  germany: 'DE',
  cze: 'CZ',
  'czech republic': 'CZ',
  czechy: 'CZ',
  svk: 'SK',
  ukr: 'UA',
  ltu: 'LT',
  lva: 'LV',
  est: 'EE',
  aut: 'AT',
  fra: 'FR',
  ita: 'IT',
  esp: 'ES',
  nld: 'NL',
  holland: 'NL',
  holandia: 'NL',
  bel: 'BE',
  dnk: 'DK',
  swe: 'SE',
  nor: 'NO',
  fin: 'FI',
  irl: 'IE',
  gbr: 'GB',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  anglia: 'GB',
  'wielka brytania': 'GB',
  usa: 'US',
  'united states of america': 'US',
  stany: 'US',
  'stany zjednoczone ameryki': 'US',
  blr: 'BY',
  hun: 'HU',
  rou: 'RO',
  bgr: 'BG',
  hrv: 'HR',
  svn: 'SI',
  prt: 'PT',
  grc: 'GR',
  che: 'CH',
};

/** Folded the way both the table and the input are compared: no case, diacritics, dots or repeated spaces. */
function fold(text: string): string {
  return foldText(text)
    .replace(/\./g, '')
    .replace(/[,()'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let table: ReadonlyMap<string, string> | undefined;

function countryTable(): ReadonlyMap<string, string> {
  if (table !== undefined) return table;
  const byName = new Map<string, string>();
  const namers = ['en', 'pl', 'de'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const names = namers.map((namer) => namer.of(code)).filter((name): name is string => name !== undefined);
      if (names.length === 0) continue;
      byName.set(code.toLowerCase(), code);
      for (const name of names) if (!byName.has(fold(name))) byName.set(fold(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  table = byName;
  return table;
}

/** The ISO 3166-1 alpha-2 code of a country as typed into the CRM; null when it is empty or not a country we can read. */
export function countryCodeOf(country: string | null | undefined): string | null {
  if (country === null || country === undefined) return null;
  const key = fold(country);
  if (key === '') return null;
  return countryTable().get(key) ?? null;
}

/** The contact's postal address, or null (see the module comment for when). */
export function customerAddressOf(contact: Pick<CrmContact, 'street' | 'city' | 'postalCode' | 'country'>): CustomerAddress | null {
  const street = contact.street?.trim() ?? '';
  const city = contact.city?.trim() ?? '';
  if (street === '' || city === '') return null;
  const countryCode = countryCodeOf(contact.country);
  if (countryCode === null) return null;
  return { street, city, postalCode: contact.postalCode?.trim() ?? '', countryCode };
}
