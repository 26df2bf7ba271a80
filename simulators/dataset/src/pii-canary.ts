/**
 * PII canaries: with `piiCanary` set, every piece of personal data the dataset holds carries a marker, so a test can
 * grep any response (gateway, logs, caches) for it and prove that personal data leaked or did not.
 *
 * Marking is applied where people and their identities are made (PeopleFactory, the demo customers), so the ERP, the
 * e-shop, the CRM and Allegro see the same marked values and cross-system joins keep working. Every function is
 * idempotent and the identity when the marker is null, which keeps the default dataset byte-identical.
 */

/** Lower-case letters and digits only: it must survive e-mail local parts, Allegro logins and WooCommerce usernames. */
export const PII_CANARY_PATTERN = /^[a-z0-9]{4,16}$/;

export type Canary = string | null;

/** `Anna` → `Anna<marker>`: a name stays one word. */
export function markWord(value: string, canary: Canary): string {
  return canary === null || value.includes(canary) ? value : `${value}${canary}`;
}

/** `ul. Lipowa 12/4` → `ul. Lipowa 12/4 <marker>`: free text gets the marker as a word of its own. */
export function markText(value: string, canary: Canary): string {
  return canary === null || value.includes(canary) ? value : `${value} ${canary}`;
}

/** `anna.kowalska@example.pl` → `anna.kowalska.<marker>@example.pl`: still a valid, lower-case address. */
export function markEmail(email: string, canary: Canary): string {
  if (canary === null) return email;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return local.toLowerCase().includes(canary) ? email : `${local}.${canary}${email.slice(at)}`;
}

/** `ania_kowalska88` → `ania_kowalska88_<marker>`: letters, digits and `_` only, as Allegro and WordPress allow. */
export function markHandle(handle: string, canary: Canary): string {
  return canary === null || handle.toLowerCase().includes(canary) ? handle : `${handle}_${canary}`;
}

export function checkPiiCanary(canary: string | undefined): void {
  if (canary !== undefined && !PII_CANARY_PATTERN.test(canary)) {
    throw new RangeError(`piiCanary must match ${PII_CANARY_PATTERN} (lower-case letters and digits), got ${JSON.stringify(canary)}`);
  }
}

/** The address as it was before markEmail; identities derived from it (usernames) are then marked once, not twice. */
export function unmarkEmail(email: string, canary: Canary): string {
  return canary === null ? email : email.replace(`.${canary}@`, '@');
}
