import { describe, expect, it } from 'vitest';
import { createMemoryCache, type Cache } from '@omnigraph/shared/cache';
import { createCacheInvalidator, type ChangeEvent } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { createCrmContactId, type CrmContact } from '../upstream/crm-client.ts';
import { crmCacheKeys } from '../upstream/crm-cache-keys.ts';
import { crmKeysOfChange } from './invalidate-on-change.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const at = '2026-12-06T00:00:00.000Z';

function person(id: string, email: string | null, login: string | null): Pick<CrmContact, 'id' | 'email' | 'allegroBuyerLogin'> {
  return { id: createCrmContactId(id), email, allegroBuyerLogin: login };
}
const ANNA = person('101', 'anna@example.pl', 'ania_k');
const ANNA_DUPLICATE = person('102', 'anna.k@example.pl', null);
const BOB = person('200', 'bob@example.pl', 'bobby');

/** Stores each contact as the loaders do: one envelope under every key, and the ids an e-mail look-up found. */
async function cachedContacts(...people: Array<Pick<CrmContact, 'id' | 'email' | 'allegroBuyerLogin'>>) {
  const cache = createMemoryCache();
  const keys: string[] = [];
  for (const p of people) {
    for (const key of crmCacheKeys.contactKeysOf(p)) {
      await cache.set(key, { value: p, fetchedAt: 0 }, 60);
      keys.push(key);
    }
    const lookup = crmCacheKeys.lookup({ by: 'email', email: p.email! });
    await cache.set(lookup, { value: [p.id], fetchedAt: 0 }, 60);
    keys.push(lookup);
  }
  const invalidator = createCacheInvalidator({ cache, keysOf: crmKeysOfChange, logger, upstreamTimeoutMs: 0 });
  return { cache, invalidator, left: () => leftOf(cache, keys) };
}

async function leftOf(cache: Cache, keys: string[]): Promise<string[]> {
  return (await Promise.all(keys.map(async (k) => ((await cache.get(k)) === undefined ? null : k)))).filter((k) => k !== null);
}

const everyKeyOf = (p: Pick<CrmContact, 'id' | 'email' | 'allegroBuyerLogin'>) => [
  ...crmCacheKeys.contactKeysOf(p),
  crmCacheKeys.lookup({ by: 'email', email: p.email! }),
];

describe('crm invalidation on HubSpot contact events (ids only)', () => {
  it('a contact change drops the contact under its id, e-mail and Allegro login, learnt from the cached entry', async () => {
    const { invalidator, left } = await cachedContacts(ANNA, BOB);
    const event: ChangeEvent = { system: 'hubspot', kind: 'contact', ids: ['101'], at, cause: 'hubspot:journal:propertyChange' };
    await invalidator.onChange(event);
    expect(await left()).toEqual(everyKeyOf(BOB));
    // at least once: the second delivery finds no entry under the id and drops only that key again
    await invalidator.onChange(event);
    expect(await left()).toEqual(everyKeyOf(BOB));
  });

  it('a merge drops the surviving contact and every merged one', async () => {
    const { invalidator, left } = await cachedContacts(ANNA, ANNA_DUPLICATE, BOB);
    await invalidator.onChange({
      system: 'hubspot',
      kind: 'contact-merged',
      ids: ['101', '102'],
      at,
      cause: 'hubspot:journal:merged',
      merge: { survivingId: '101', mergedIds: ['102'] },
    });
    expect(await left()).toEqual(everyKeyOf(BOB));
  });

  it('a GDPR deletion leaves nothing cached that holds the person’s data', async () => {
    const { cache, invalidator, left } = await cachedContacts(ANNA, BOB);
    await invalidator.onChange({ system: 'hubspot', kind: 'contact-deleted', ids: ['101'], at, cause: 'hubspot:journal:gdpr-deleted', gdpr: true });
    expect(await left()).toEqual(everyKeyOf(BOB));
    expect(await cache.get(crmCacheKeys.contactByEmail('Anna@Example.pl'))).toBeUndefined();
  });

  it('a contact not cached costs one delete of its id key; other systems are ignored', async () => {
    const { invalidator, left } = await cachedContacts(BOB);
    await invalidator.onChange({ system: 'hubspot', kind: 'contact', ids: ['999'], at, cause: 'hubspot:webhook:contact.propertyChange' });
    await invalidator.onChange({ system: 'woocommerce', kind: 'customer', ids: ['200'], at, cause: 'x' });
    expect(await left()).toEqual(everyKeyOf(BOB));
  });
});
