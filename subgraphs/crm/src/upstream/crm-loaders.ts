/**
 * Per-request DataLoaders over the {@link CrmClient}: every contact read of one GraphQL request is batched into
 * HubSpot batch reads of at most 100 inputs (`maxBatchSize`), and the mapped contacts are cached (reads only).
 * Create a new set per request (see `context.ts`): a loader's memo must not leak between requests.
 */
import DataLoader from 'dataloader';
import type { Cache } from '@omnigraph/shared/cache';
import { CRM_MAX_BATCH_SIZE, type CrmClient, type CrmContact, type CrmContactKey } from './crm-client.ts';

export interface CrmLoaders {
  /** by CRM contact id; null for an id nobody has */
  contactById: DataLoader<string, CrmContact | null>;
  /** by e-mail (case-insensitive); null when the CRM does not know the address */
  contactByEmail: DataLoader<string, CrmContact | null>;
  /** by Allegro buyer login; null when the CRM does not know the buyer */
  contactByAllegroLogin: DataLoader<string, CrmContact | null>;
  /** one e-mail look-up (`findCustomers(email:)`); primes `contactById` */
  findContactByEmail(email: string): Promise<CrmContact | null>;
  /** one search request; primes `contactById` */
  findContactsByPhone(args: { nationalNumber: string; limit: number }): Promise<CrmContact[]>;
  /** one search request; primes `contactById` */
  findContactsByName(args: { words: readonly string[]; limit: number }): Promise<CrmContact[]>;
}

export interface CreateCrmLoadersOptions {
  client: CrmClient;
  /** contact cache (mapped contacts, reads only); keys `contact:<id|email|allegro-login>:<value>` under its `crm:v1:` prefix */
  cache?: Cache | undefined;
  /** 0 (or no cache) turns caching off. @default 60 */
  cacheTtlSeconds?: number | undefined;
}

const CACHE_KEY_PART: Readonly<Record<CrmContactKey, string>> = {
  id: 'id',
  email: 'email',
  allegroBuyerLogin: 'allegro-login',
};

function normalise(key: CrmContactKey, value: string): string {
  return key === 'email' ? value.trim().toLowerCase() : value;
}

export function createCrmLoaders({ client, cache, cacheTtlSeconds = 60 }: CreateCrmLoadersOptions): CrmLoaders {
  const useCache = cache !== undefined && cacheTtlSeconds > 0;
  const cacheKey = (key: CrmContactKey, value: string) => `contact:${CACHE_KEY_PART[key]}:${normalise(key, value)}`;

  // A cache failure (Redis down) must make the subgraph slower, not broken: fall through to HubSpot. The shared
  // caches already turn failures into misses; the catch keeps that true for any other Cache implementation.
  async function cacheGetMany(keys: readonly string[]): Promise<(CrmContact | undefined)[]> {
    if (!useCache) return keys.map(() => undefined);
    try {
      return await cache.getMany<CrmContact>(keys);
    } catch {
      return keys.map(() => undefined);
    }
  }
  async function cacheSet(contact: CrmContact): Promise<void> {
    if (!useCache) return;
    const entries: [CrmContactKey, string | null][] = [
      ['id', contact.id],
      ['email', contact.email],
      ['allegroBuyerLogin', contact.allegroBuyerLogin],
    ];
    await Promise.all(
      entries
        .filter((e): e is [CrmContactKey, string] => e[1] !== null)
        .map(async ([key, value]) => {
          try {
            await cache.set(cacheKey(key, value), contact, cacheTtlSeconds);
          } catch {
            // see cacheGet
          }
        }),
    );
  }

  const loaders: Partial<Record<CrmContactKey, DataLoader<string, CrmContact | null>>> = {};

  /** Every contact read here also answers later look-ups of the same person by its other identities. */
  function prime(contact: CrmContact): void {
    loaders.id?.prime(contact.id, contact);
    if (contact.email !== null) loaders.email?.prime(normalise('email', contact.email), contact);
    if (contact.allegroBuyerLogin !== null) loaders.allegroBuyerLogin?.prime(contact.allegroBuyerLogin, contact);
  }

  function createLoader(key: CrmContactKey): DataLoader<string, CrmContact | null> {
    return new DataLoader<string, CrmContact | null>(
      async (values) => {
        // one cache round trip per batch
        const results: (CrmContact | null | undefined)[] = await cacheGetMany(values.map((v) => cacheKey(key, v)));
        const missing = values.filter((_, i) => results[i] === undefined);
        if (missing.length > 0) {
          const fetched = await client.getContactsByKey({ key, values: missing });
          const byValue = new Map(missing.map((v, i) => [v, fetched[i] ?? null]));
          for (let i = 0; i < values.length; i++) {
            if (results[i] === undefined) results[i] = byValue.get(values[i]!) ?? null;
          }
          await Promise.all(fetched.filter((c): c is CrmContact => c !== null).map(cacheSet));
        }
        // a person read by one identity answers later look-ups by the others (an order's e-mail, then the id)
        for (const r of results) if (r) prime(r);
        // one result per key, in key order; unknown identities are null (never a shorter array)
        return results.map((r) => r ?? null);
      },
      // HubSpot batch reads take ≤ 100 inputs; a larger request splits into ceil(n / 100) calls.
      { maxBatchSize: CRM_MAX_BATCH_SIZE, cacheKeyFn: (v) => normalise(key, v) },
    );
  }

  loaders.id = createLoader('id');
  loaders.email = createLoader('email');
  loaders.allegroBuyerLogin = createLoader('allegroBuyerLogin');

  function primeAll(contacts: CrmContact[]): CrmContact[] {
    contacts.forEach(prime);
    return contacts;
  }

  return {
    contactById: loaders.id,
    contactByEmail: loaders.email,
    contactByAllegroLogin: loaders.allegroBuyerLogin,
    async findContactByEmail(email) {
      const contact = await client.getContactByEmail({ email });
      if (contact !== null) prime(contact);
      return contact;
    },
    findContactsByPhone: async (args) => primeAll(await client.findContactsByPhone(args)),
    findContactsByName: async (args) => primeAll(await client.findContactsByName(args)),
  };
}
