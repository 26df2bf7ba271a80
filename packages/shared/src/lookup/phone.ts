/**
 * Polish phone numbers as call-center agents and customers type them, reduced to the 9-digit national number.
 *
 * HubSpot keeps a digits-only copy of each phone property (`hs_searchable_calculated_phone_number` /
 * `hs_searchable_calculated_mobile_number`, the national number for Polish contacts), so a search only matches when
 * we send exactly those 9 digits, whatever the agent typed; the channels compare phones the same way. Written here,
 * not imported from the simulators' dataset: subgraphs never depend on simulator code.
 */

const NATIONAL_NUMBER_LENGTH = 9;
const COUNTRY_CODE = '48';

/**
 * The 9-digit national number of a Polish number in any common form: "+48 600 100 200", "600-100-200",
 * "0048600100200", "(+48) 600 100 200", "48 600 100 200", "(22) 123-45-67", the old trunk form "(0-22) 123 45 67".
 * Null for anything else: letters, a foreign country code, too few or too many digits, a number starting with 0.
 */
export function toPolishNationalNumber(raw: string): string | null {
  const text = raw.trim();
  // Only digits and the separators people use; letters or other symbols mean it is not a phone number.
  if (text === '' || !/^[\d\s\-.()/+]+$/.test(text)) return null;
  const plusCount = text.split('+').length - 1;
  // One leading plus (possibly inside the opening parenthesis) is a country code; anywhere else it is garbage.
  if (plusCount > 1 || (plusCount === 1 && !/^\(?\+/.test(text))) return null;

  let digits = text.replace(/\D/g, '');
  if (plusCount === 1) {
    if (!digits.startsWith(COUNTRY_CODE)) return null; // a foreign number
    digits = digits.slice(COUNTRY_CODE.length);
  } else if (digits.length === NATIONAL_NUMBER_LENGTH + 4 && digits.startsWith(`00${COUNTRY_CODE}`)) {
    digits = digits.slice(4);
  } else if (digits.length === NATIONAL_NUMBER_LENGTH + 2 && digits.startsWith(COUNTRY_CODE)) {
    digits = digits.slice(2);
  } else if (digits.length === NATIONAL_NUMBER_LENGTH + 1 && digits.startsWith('0')) {
    // the pre-2005 trunk prefix: (0-22) 123 45 67
    digits = digits.slice(1);
  }
  // Polish national numbers never start with 0 (that would be a trunk or international prefix).
  return /^[1-9]\d{8}$/.test(digits) ? digits : null;
}

/** E.164 form ("+48600100200") of a Polish number typed in any common way; null when it is not one. */
export function toPolishE164(raw: string): string | null {
  const national = toPolishNationalNumber(raw);
  return national === null ? null : `+${COUNTRY_CODE}${national}`;
}
