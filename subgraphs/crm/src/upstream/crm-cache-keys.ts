/**
 * Every key the crm subgraph stores in the shared cache, in one place: the loaders store under these keys and the
 * change feed (HubSpot webhooks / Webhooks Journal: contact changes, merges, GDPR deletions) deletes exactly these keys,
 * e.g. `invalidate(cache, crmCacheKeys.contactKeysOf(contact))`.
 *
 * All of it is personal data, keyed per person (or per look-up), never shared between people. Whom it may be served to
 * is decided before the subgraph is reached: the gateway's field authorization (gateway/src/authorization) refuses
 * every Customer field to a caller without `customers:read`, so a cached contact or look-up is never answered to a
 * caller that could not have asked HubSpot for it. E-mails and buyer logins are hashed in key names: keys show up in
 * logs (cache failures name their key), `redis-cli --scan` and monitoring, values do not. (A hash of an e-mail is not
 * anonymous; it only keeps addresses out of places that are not meant to hold them.)
 */
import { createHash } from 'node:crypto';
import type { CrmContact } from './crm-client.ts';

/**
 * Prefix of every key (given to the cache as `keyPrefix`). Bump the version whenever a stored shape changes, so old
 * entries are never read as the new shape. v2: entries are envelopes `{ value, fetchedAt }` (stale-if-error), e-mails
 * and logins hashed, look-ups cached. v3: contacts carry additional e-mails, company, postal code and creation time. v4: contacts carry street, city and
 * country; notes cached.
 */
export const CRM_CACHE_KEY_PREFIX = 'crm:v4:';

/** What `findCustomers` looked for, normalised so that look-ups HubSpot answers alike share one entry. */
export type CrmLookup =
  | { by: 'email'; email: string }
  | { by: 'phone'; nationalNumber: string; limit: number }
  | { by: 'name'; words: readonly string[]; limit: number }
  | { by: 'company'; words: readonly string[]; limit: number };

/** The batched matches of identities from the channels: which contacts hold this e-mail / phone / postal code. */
export type CrmMatchKind = 'email' | 'phone' | 'postalCode';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** Keys below {@link CRM_CACHE_KEY_PREFIX} (the cache prepends it). */
export const crmCacheKeys = {
  /** a CrmContact by its HubSpot record id */
  contactById: (id: string): string => `contact:id:${id}`,
  /** the same CrmContact by its e-mail (case-insensitive) */
  contactByEmail: (email: string): string => `contact:email:${digest(normaliseEmail(email))}`,
  /** the same CrmContact by its Allegro buyer login */
  contactByAllegroLogin: (login: string): string => `contact:allegro-login:${digest(login)}`,
  /** the same CrmContact by the channel links the CRM stores (ids: not personal data by themselves, still hashed) */
  contactByAllegroBuyerId: (id: string): string => `contact:allegro-id:${digest(id)}`,
  contactByEshopCustomerId: (id: string): string => `contact:eshop-id:${digest(id)}`,
  contactByErpPartnerId: (id: string): string => `contact:erp-id:${digest(id)}`,
  /** the ids of the notes associated with a contact (dropped by `crmCreateNote` and by the contact's changes) */
  notesOfContact: (contactId: string): string => `notes:contact:${contactId}`,
  /** a CrmNote by its HubSpot id */
  noteById: (id: string): string => `note:id:${id}`,
  /** Every key a contact is stored under: what a change, merge or deletion of that contact must drop. */
  contactKeysOf(
    contact: Pick<CrmContact, 'id' | 'email' | 'allegroBuyerLogin'> &
      Partial<Pick<CrmContact, 'allegroBuyerId' | 'eshopCustomerId' | 'erpPartnerId'>>,
  ): string[] {
    const keys = [crmCacheKeys.contactById(contact.id)];
    if (contact.email !== null) keys.push(crmCacheKeys.contactByEmail(contact.email));
    if (contact.allegroBuyerLogin !== null) keys.push(crmCacheKeys.contactByAllegroLogin(contact.allegroBuyerLogin));
    if (contact.allegroBuyerId) keys.push(crmCacheKeys.contactByAllegroBuyerId(contact.allegroBuyerId));
    if (contact.eshopCustomerId) keys.push(crmCacheKeys.contactByEshopCustomerId(contact.eshopCustomerId));
    if (contact.erpPartnerId) keys.push(crmCacheKeys.contactByErpPartnerId(contact.erpPartnerId));
    return keys;
  },
  /** The contact ids holding an e-mail (primary or additional), a phone or a postal code (ids only, as look-ups). */
  match: (kind: CrmMatchKind, value: string): string => `match:${kind}:${digest(value)}`,
  /**
   * The contact ids a `findCustomers` look-up found (ids only: the contacts themselves live under their own keys, so
   * dropping a contact's keys drops its data everywhere). Name words are order- and case-insensitive, as the search.
   */
  lookup(lookup: CrmLookup): string {
    switch (lookup.by) {
      case 'email':
        return `lookup:email:${digest(normaliseEmail(lookup.email))}`;
      case 'phone':
        return `lookup:phone:${digest(lookup.nationalNumber)}:${lookup.limit}`;
      case 'name':
      case 'company':
        return `lookup:${lookup.by}:${digest(
          lookup.words
            .map((w) => w.toLowerCase())
            .sort()
            .join(' '),
        )}:${lookup.limit}`;
    }
  },
} as const;
