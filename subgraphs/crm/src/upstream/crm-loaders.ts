/**
 * Per-request loaders over the {@link CrmClient}, on the shared cached loader: every contact read of one GraphQL
 * request is batched into HubSpot batch reads of at most 100 inputs, contacts are cached per person, and
 * `findCustomers` look-ups are deduplicated across concurrent requests and cached briefly, so identical look-ups
 * within a few seconds cost one HubSpot search (5 per second for the whole portal). While HubSpot fails, a contact
 * or look-up read within CRM_MAX_STALE_CONTACTS_SECONDS stands in, flagged STALE.
 * Create a new set per request (see `context.ts`): a loader's memo must not leak between requests.
 *
 * Everything here is personal data. Callers without `customers:read` never reach this subgraph's Customer fields:
 * the gateway's field authorization refuses them first (gateway/src/authorization), so neither a cached contact nor a
 * cached look-up is ever answered to a caller that could not have asked HubSpot itself.
 */
import type DataLoader from 'dataloader';
import { toPolishNationalNumber } from '@omnigraph/shared/lookup';
import { createCachedLoader, createMemoryCache, type Cache, type CachedLoader, type CachePolicy, type SingleFlight } from '@omnigraph/shared/cache';
import { CRM_MAX_BATCH_SIZE, CRM_MAX_IN_VALUES, type CrmClient, type CrmContact, type CrmContactKey, type CrmNote } from './crm-client.ts';
import { crmCacheKeys, normaliseEmail, type CrmLookup, type CrmMatchKind } from './crm-cache-keys.ts';

/** A batched match: every value asked in one tick costs one search (per 100 values), whatever the number of values. */
export interface CrmMatchLoader {
  /** the contacts holding this value; [] when none */
  load(value: string): Promise<CrmContact[]>;
}

export interface CrmLoaders {
  /** by CRM contact id; null for an id nobody has */
  contactById: DataLoader<string, CrmContact | null, string>;
  /** by e-mail (case-insensitive); null when the CRM does not know the address */
  contactByEmail: DataLoader<string, CrmContact | null, string>;
  /** by Allegro buyer login; null when the CRM does not know the buyer */
  contactByAllegroLogin: DataLoader<string, CrmContact | null, string>;
  /** by the stored links: Allegro buyer id, WooCommerce customer id, Odoo partner id (batch reads by idProperty) */
  contactByAllegroBuyerId: DataLoader<string, CrmContact | null, string>;
  contactByEshopCustomerId: DataLoader<string, CrmContact | null, string>;
  contactByErpPartnerId: DataLoader<string, CrmContact | null, string>;
  /** batched: contacts holding the e-mail as their primary or an additional address */
  contactsByEmail: CrmMatchLoader;
  /** batched: contacts whose phone or mobile phone is this national number */
  contactsByPhone: CrmMatchLoader;
  /** batched: contacts at this postal code */
  contactsByPostalCode: CrmMatchLoader;
  /** one e-mail look-up (`findCustomers(email:)`, primary and additional addresses); primes `contactById` */
  findContactsByEmail(args: { email: string; limit: number }): Promise<CrmContact[]>;
  /** one search (or a few pages: see the adapter); primes `contactById` */
  findContactsByCompany(args: { words: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /** one search request (or none: see above); primes `contactById` */
  findContactsByPhone(args: { nationalNumber: string; limit: number }): Promise<CrmContact[]>;
  /** one search request (or none: see above); primes `contactById` */
  findContactsByName(args: { words: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /**
   * The note ids of a contact: the contacts of one tick in one v4 batch association read (≤ 100), cached like a
   * look-up (CRM_LOOKUP_CACHE_TTL_SECONDS) and dropped by {@link invalidateNotesOf}.
   */
  noteIdsByContact: CachedLoader<string, string[]>;
  /** notes by id, batched (≤ 100 per read) and cached like contacts */
  noteById: CachedLoader<string, CrmNote>;
  /** Forgets the contact's cached note ids (process cache and this request's memo), after a note was written. */
  invalidateNotesOf(contactId: string): Promise<void>;
}

/** The defaults of the crm config, for callers (tests) that pass no number. */
export const CRM_DEFAULT_CACHE_TTL_SECONDS = 60;
export const CRM_DEFAULT_LOOKUP_TTL_SECONDS = 10;

export interface CreateCrmLoadersOptions {
  client: CrmClient;
  /** the process-wide cache under CRM_CACHE_KEY_PREFIX; without one nothing is cached (in-flight dedup still works) */
  cache?: Cache | undefined;
  /** CRM_CACHE_TTL_SECONDS: a cached contact is served without asking HubSpot this long; 0 = always ask. @default 60 */
  cacheTtlSeconds?: number | undefined;
  /** CRM_MAX_STALE_CONTACTS_SECONDS: how old a contact or look-up may be when it stands in. @default 900 */
  maxStaleSeconds?: number | undefined;
  /** CRM_LOOKUP_CACHE_TTL_SECONDS: an identical look-up within this window is answered without a search. @default 10 */
  lookupTtlSeconds?: number | undefined;
  /** one per process: concurrent identical look-ups and contact reads share one HubSpot call */
  singleFlight?: SingleFlight | undefined;
  /** @default Date.now */
  now?: (() => number) | undefined;
}

const DEFAULT_MAX_STALE_CONTACTS_SECONDS = 900;

export function createCrmLoaders(options: CreateCrmLoadersOptions): CrmLoaders {
  const { client } = options;
  const cached = options.cache !== undefined;
  // Without a cache the loaders read and write nothing: a throwaway memory cache behind all-zero policies.
  const cache = options.cache ?? createMemoryCache({ maxEntries: 1 });
  const maxStale = cached ? (options.maxStaleSeconds ?? DEFAULT_MAX_STALE_CONTACTS_SECONDS) : 0;
  const contactPolicy: CachePolicy = {
    freshSeconds: cached ? (options.cacheTtlSeconds ?? CRM_DEFAULT_CACHE_TTL_SECONDS) : 0,
    maxStaleSeconds: maxStale,
  };
  const lookupPolicy: CachePolicy = {
    freshSeconds: cached ? (options.lookupTtlSeconds ?? CRM_DEFAULT_LOOKUP_TTL_SECONDS) : 0,
    maxStaleSeconds: maxStale,
  };
  const common = {
    source: 'crm' as const,
    cache,
    ...(options.singleFlight === undefined ? {} : { singleFlight: options.singleFlight }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };

  const loaders: Partial<Record<CrmContactKey, DataLoader<string, CrmContact | null, string>>> = {};

  /** Every contact read here also answers later look-ups of the same person by its other identities. */
  function prime(contact: CrmContact): void {
    loaders.id?.prime(contact.id, contact);
    if (contact.email !== null) loaders.email?.prime(contact.email, contact);
    if (contact.allegroBuyerLogin !== null) loaders.allegroBuyerLogin?.prime(contact.allegroBuyerLogin, contact);
    if (contact.allegroBuyerId !== null) loaders.allegroBuyerId?.prime(contact.allegroBuyerId, contact);
    if (contact.eshopCustomerId !== null) loaders.eshopCustomerId?.prime(contact.eshopCustomerId, contact);
    if (contact.erpPartnerId !== null) loaders.erpPartnerId?.prime(contact.erpPartnerId, contact);
  }

  const KEY_OF: Readonly<Record<CrmContactKey, (value: string) => string>> = {
    id: crmCacheKeys.contactById,
    email: crmCacheKeys.contactByEmail,
    allegroBuyerLogin: crmCacheKeys.contactByAllegroLogin,
    allegroBuyerId: crmCacheKeys.contactByAllegroBuyerId,
    eshopCustomerId: crmCacheKeys.contactByEshopCustomerId,
    erpPartnerId: crmCacheKeys.contactByErpPartnerId,
  };

  function createContactLoader(key: CrmContactKey) {
    return createCachedLoader<string, CrmContact>({
      ...common,
      name: `contactBy:${key}`,
      policy: contactPolicy,
      cacheKey: KEY_OF[key],
      // HubSpot batch reads take ≤ 100 inputs; a larger request splits into ceil(n / 100) calls.
      maxBatchSize: CRM_MAX_BATCH_SIZE,
      fetch: (values) => client.getContactsByKey({ key, values: key === 'email' ? values.map(normaliseEmail) : values }),
      // stored under every identity, so an order's e-mail and then the customer's id cost one read
      alsoStoreUnder: (contact) => crmCacheKeys.contactKeysOf(contact),
      onValue: prime,
    });
  }

  const contactById = createContactLoader('id');
  loaders.id = contactById;
  loaders.email = createContactLoader('email');
  loaders.allegroBuyerLogin = createContactLoader('allegroBuyerLogin');
  loaders.allegroBuyerId = createContactLoader('allegroBuyerId');
  loaders.eshopCustomerId = createContactLoader('eshopCustomerId');
  loaders.erpPartnerId = createContactLoader('erpPartnerId');

  async function search(lookup: CrmLookup): Promise<CrmContact[]> {
    switch (lookup.by) {
      case 'email':
        return client.findContactsByEmails({ emails: [lookup.email], limit: 10 });
      case 'phone':
        return client.findContactsByPhone({ nationalNumber: lookup.nationalNumber, limit: lookup.limit });
      case 'name':
        return client.findContactsByName({ words: lookup.words, limit: lookup.limit });
      case 'company':
        return client.findContactsByCompany({ words: lookup.words, limit: lookup.limit });
    }
  }

  // A look-up stores the ids it found; the contacts go under their own keys (and into this request's memo), so
  // dropping a person's keys drops their data from every look-up too.
  const lookups = createCachedLoader<CrmLookup, string[]>({
    ...common,
    name: 'findCustomers',
    policy: lookupPolicy,
    cacheKey: crmCacheKeys.lookup,
    fetch: (wanted) =>
      // each look-up is its own search; one failing does not fail the others
      Promise.all(
        wanted.map(async (lookup) => {
          try {
            const contacts = await search(lookup);
            await Promise.all(contacts.map((contact) => contactById.store(contact.id, contact)));
            contacts.forEach(prime);
            return contacts.map((contact) => contact.id);
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
      ),
  });

  async function find(lookup: CrmLookup): Promise<CrmContact[]> {
    const ids = (await lookups.load(lookup)) ?? [];
    const contacts = await contactById.loadMany(ids);
    const failure = contacts.find((contact): contact is Error => contact instanceof Error);
    if (failure !== undefined) throw failure;
    // a contact deleted since the look-up was cached is simply no longer found
    return contacts.filter((contact): contact is CrmContact => contact !== null && !(contact instanceof Error));
  }

  /**
   * Which contacts hold each of the values asked in one tick: one search per 100 values (the loader splits, as every
   * loader does at its upstream's limit), cached like a look-up (ids only; the contacts go under their own keys).
   */
  function createMatchLoader(
    kind: CrmMatchKind,
    searchAll: (values: readonly string[]) => Promise<CrmContact[]>,
    holds: (contact: CrmContact, value: string) => boolean,
  ): CrmMatchLoader {
    const matches = createCachedLoader<string, string[]>({
      ...common,
      name: `contactsBy:${kind}`,
      policy: lookupPolicy,
      cacheKey: (value) => crmCacheKeys.match(kind, value),
      maxBatchSize: CRM_MAX_IN_VALUES,
      fetch: async (values) => {
        const contacts = await searchAll(values);
        await Promise.all(contacts.map((contact) => contactById.store(contact.id, contact)));
        contacts.forEach(prime);
        return values.map((value) => contacts.filter((contact) => holds(contact, value)).map((contact) => contact.id));
      },
    });
    return {
      async load(value) {
        const ids = (await matches.load(value)) ?? [];
        const contacts = await contactById.loadMany(ids);
        const failure = contacts.find((contact): contact is Error => contact instanceof Error);
        if (failure !== undefined) throw failure;
        return contacts.filter((contact): contact is CrmContact => contact !== null && !(contact instanceof Error));
      },
    };
  }

  const noteIdsByContact = createCachedLoader<string, string[]>({
    ...common,
    name: 'noteIdsByContact',
    // briefly: a note written elsewhere (the CRM's own UI) shows up within the look-up TTL; ours drop it at once
    policy: lookupPolicy,
    cacheKey: crmCacheKeys.notesOfContact,
    maxBatchSize: CRM_MAX_BATCH_SIZE,
    fetch: (contactIds) => client.getNoteIdsOfContacts({ contactIds }),
  });
  const noteById = createCachedLoader<string, CrmNote>({
    ...common,
    name: 'noteById',
    policy: contactPolicy,
    cacheKey: crmCacheKeys.noteById,
    maxBatchSize: CRM_MAX_BATCH_SIZE,
    fetch: (ids) => client.getNotesById({ ids }),
  });

  const phoneDigitsOf = (raw: string | null) => (raw === null ? null : toPolishNationalNumber(raw));
  const postalDigits = (code: string | null) => (code === null ? '' : code.replace(/\D/g, '') || code.trim().toLowerCase());

  return {
    contactById,
    contactByEmail: loaders.email,
    contactByAllegroLogin: loaders.allegroBuyerLogin,
    contactByAllegroBuyerId: loaders.allegroBuyerId,
    contactByEshopCustomerId: loaders.eshopCustomerId,
    contactByErpPartnerId: loaders.erpPartnerId,
    contactsByEmail: createMatchLoader(
      'email',
      (emails) => client.findContactsByEmails({ emails: emails.map(normaliseEmail), limit: emails.length }),
      (contact, email) => contact.email === normaliseEmail(email) || contact.additionalEmails.includes(normaliseEmail(email)),
    ),
    contactsByPhone: createMatchLoader(
      'phone',
      (numbers) => client.findContactsByPhones({ nationalNumbers: numbers, limit: numbers.length }),
      (contact, number) => phoneDigitsOf(contact.phone) === number || phoneDigitsOf(contact.mobilePhone) === number,
    ),
    contactsByPostalCode: createMatchLoader(
      'postalCode',
      (codes) => client.findContactsByPostalCodes({ postalCodes: codes, limit: 200 }),
      (contact, code) => contact.postalCode !== null && postalDigits(contact.postalCode) === postalDigits(code),
    ),
    findContactsByEmail: ({ email, limit }) => find({ by: 'email', email: normaliseEmail(email) }).then((found) => found.slice(0, limit)),
    findContactsByPhone: ({ nationalNumber, limit }) => find({ by: 'phone', nationalNumber, limit }),
    findContactsByName: ({ words, limit }) => find({ by: 'name', words, limit }),
    findContactsByCompany: ({ words, limit }) => find({ by: 'company', words, limit }),
    noteIdsByContact,
    noteById,
    async invalidateNotesOf(contactId) {
      noteIdsByContact.clear(contactId);
      await cache.delete(crmCacheKeys.notesOfContact(contactId));
    },
  };
}
