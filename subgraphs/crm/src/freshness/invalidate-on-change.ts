import type { Cache, CacheEnvelope } from '@omnigraph/shared/cache';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import type { CrmContact } from '../upstream/crm-client.ts';
import { crmCacheKeys } from '../upstream/crm-cache-keys.ts';

/**
 * The crm cache entries a HubSpot contact change makes wrong (see `createCacheInvalidator`). HubSpot's events (journal
 * and webhooks) carry contact ids only, while a contact is also cached under its e-mail and Allegro login: the cached
 * entry under `contact:id:<id>` tells which, so every key of `contactKeysOf` goes, plus the e-mail look-ups and
 * matches of its primary and additional addresses, which store the ids they found.
 * - `contact`: that contact.
 * - `contact-merged`: the surviving contact and every merged one (`ids` holds them all): the merged ids are gone, and
 *   the survivor may have taken over their e-mail or login.
 * - `contact-deleted` (archived, or erased for GDPR): the same, so nothing cached holds the person's data.
 *
 * Not nameable, left to their TTL: the e-mail and login keys of a contact whose id entry has already expired (they were
 * stored together, so they expire together up to a read's difference), phone and name look-ups
 * (CRM_LOOKUP_CACHE_TTL_SECONDS, 10 s by default; they hold ids only, and a deleted id then loads as nobody), and a
 * "nobody has this e-mail" answer cached just before the e-mail was set (negative entries live at most 30 s).
 */
export async function crmKeysOfChange(event: ChangeEvent, cache: Cache): Promise<string[]> {
  if (event.system !== 'hubspot') return [];
  if (event.kind !== 'contact' && event.kind !== 'contact-merged' && event.kind !== 'contact-deleted') return [];
  const ids = new Set([...event.ids, ...(event.merge ? [event.merge.survivingId, ...event.merge.mergedIds] : [])]);
  const keys = await Promise.all(
    [...ids].map(async (id) => keysOfContact(id, await cache.get<CacheEnvelope<CrmContact | null>>(crmCacheKeys.contactById(id)))),
  );
  return keys.flat();
}

function keysOfContact(id: string, cached: CacheEnvelope<CrmContact | null> | undefined): string[] {
  const contact = cached?.value ?? null;
  // a merge moves the merged contact's notes to the survivor; a deletion takes them away
  if (contact === null) return [crmCacheKeys.contactById(id), crmCacheKeys.notesOfContact(id)];
  const emails = [...(contact.email === null ? [] : [contact.email]), ...(contact.additionalEmails ?? [])];
  return [
    crmCacheKeys.contactById(id),
    crmCacheKeys.notesOfContact(id),
    ...crmCacheKeys.contactKeysOf(contact),
    ...emails.flatMap((email) => [crmCacheKeys.lookup({ by: 'email', email }), crmCacheKeys.match('email', email)]),
  ];
}
