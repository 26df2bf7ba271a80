import { createMemoryCache, createSingleFlight, type Cache } from '@omnigraph/shared/cache';
import { UpstreamError, type UpstreamErrorCode } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { describe, expect, it, vi } from 'vitest';
import { createCrmContactId, type CrmClient, type CrmContact, type CrmContactKey } from './crm-client.ts';
import { createCrmLoaders } from './crm-loaders.ts';
import { crmCacheKeys } from './crm-cache-keys.ts';

const IDENTITY: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: ['customers:read'], profile: 'internal' };
const hubspotDown = (code: UpstreamErrorCode = 'UPSTREAM_UNAVAILABLE') =>
  new UpstreamError({ code, serviceName: 'crm', operation: 'getContactsByKey' });

function contact(id: string, email: string | null, login: string | null = null): CrmContact {
  return {
    id: createCrmContactId(id),
    email,
    additionalEmails: [],
    firstName: 'F',
    lastName: 'L',
    companyName: null,
    street: null,
    city: null,
    postalCode: null,
    country: null,
    createdAt: null,
    phone: null,
    mobilePhone: null,
    loyalty: { points: 0, tier: 'STANDARD' },
    consents: { emailMarketing: false, smsMarketing: false, phoneMarketing: false, profiling: false, updatedAt: null },
    eshopCustomerId: null,
    allegroBuyerId: null,
    allegroBuyerLogin: login,
    erpPartnerId: null,
  };
}

const PEOPLE = Array.from({ length: 250 }, (_, i) => contact(String(1000 + i), `p${i}@example.pl`, `login_${i}`));

function identity(key: CrmContactKey, c: CrmContact): string | null {
  return key === 'id' ? c.id : key === 'email' ? c.email : c.allegroBuyerLogin;
}

function fakeClient() {
  return {
    getContactsByKey: vi.fn<CrmClient['getContactsByKey']>(async ({ key, values }) =>
      values.map((v) => PEOPLE.find((p) => identity(key, p)?.toLowerCase() === v.toLowerCase()) ?? null),
    ),
    getContactByEmail: vi.fn<CrmClient['getContactByEmail']>(async ({ email }) => PEOPLE.find((p) => p.email === email) ?? null),
    findContactsByPhone: vi.fn<CrmClient['findContactsByPhone']>(async () => [PEOPLE[3]!]),
    findContactsByName: vi.fn<CrmClient['findContactsByName']>(async () => [PEOPLE[4]!]),
    findContactsByEmails: vi.fn<CrmClient['findContactsByEmails']>(async ({ emails }) =>
      PEOPLE.filter((p) => p.email !== null && emails.includes(p.email)),
    ),
    findContactsByPhones: vi.fn<CrmClient['findContactsByPhones']>(async () => []),
    findContactsByCompany: vi.fn<CrmClient['findContactsByCompany']>(async () => []),
    findContactsByPostalCodes: vi.fn<CrmClient['findContactsByPostalCodes']>(async () => []),
    getNoteIdsOfContacts: vi.fn<CrmClient['getNoteIdsOfContacts']>(async ({ contactIds }) => contactIds.map(() => [])),
    getNotesById: vi.fn<CrmClient['getNotesById']>(async ({ ids }) => ids.map(() => null)),
    findNotesByIdempotencyKey: vi.fn<CrmClient['findNotesByIdempotencyKey']>(async () => []),
    createNote: vi.fn<CrmClient['createNote']>(async () => {
      throw new Error('no writes in loader tests');
    }),
  } satisfies CrmClient;
}

function memoryCache() {
  const cache = createMemoryCache();
  vi.spyOn(cache, 'getMany');
  vi.spyOn(cache, 'set');
  return { cache };
}

describe('createCrmLoaders', () => {
  it('returns one result per key in key order, null for unknown keys', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    const result = await loaders.contactById.loadMany(['1002', 'nope', '1000']);
    expect(result.map((c) => (c as CrmContact | null)?.id ?? null)).toEqual(['1002', null, '1000']);
    expect(client.getContactsByKey).toHaveBeenCalledTimes(1);
  });

  it('splits 250 keys into batches of at most 100', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    await Promise.all(PEOPLE.map((p) => loaders.contactById.load(p.id)));
    expect(client.getContactsByKey.mock.calls.map(([args]) => args.values.length)).toEqual([100, 100, 50]);
  });

  it('noteIdsByContact and noteById split 150 keys into calls of 100 and 50 (HubSpot batch reads take 100 inputs)', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    const ids = Array.from({ length: 150 }, (_, i) => String(5000 + i));
    await Promise.all([loaders.noteIdsByContact.loadMany(ids), loaders.noteById.loadMany(ids)]);
    expect(client.getNoteIdsOfContacts.mock.calls.map(([args]) => args.contactIds.length)).toEqual([100, 50]);
    expect(client.getNotesById.mock.calls.map(([args]) => args.ids.length)).toEqual([100, 50]);
  });

  it('contactsByEmail, contactsByPhone and contactsByPostalCode search 150 values in calls of 100 and 50', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    const values = Array.from({ length: 150 }, (_, i) => String(600_000_000 + i));
    const emails = PEOPLE.slice(0, 150).map((p) => p.email!);
    const [byEmail] = await Promise.all([
      Promise.all(emails.map((email) => loaders.contactsByEmail.load(email))),
      Promise.all(values.map((number) => loaders.contactsByPhone.load(number))),
      Promise.all(values.map((code) => loaders.contactsByPostalCode.load(code))),
    ]);
    expect(client.findContactsByEmails.mock.calls.map(([args]) => args.emails.length)).toEqual([100, 50]);
    expect(client.findContactsByPhones.mock.calls.map(([args]) => args.nationalNumbers.length)).toEqual([100, 50]);
    expect(client.findContactsByPostalCodes.mock.calls.map(([args]) => args.postalCodes.length)).toEqual([100, 50]);
    expect(byEmail.map((found) => found.map((c) => c.email))).toEqual(emails.map((email) => [email]));
  });

  it('treats e-mails case-insensitively and shares contacts between identities', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    const [a, b] = await Promise.all([loaders.contactByEmail.load('P1@Example.pl'), loaders.contactByEmail.load('p1@example.pl')]);
    expect(a?.id).toBe('1001');
    expect(b).toBe(a);
    // primed by the e-mail read: no second call for the same person by id or by login
    expect(await loaders.contactById.load('1001')).toBe(a);
    expect(await loaders.contactByAllegroLogin.load('login_1')).toBe(a);
    expect(client.getContactsByKey).toHaveBeenCalledTimes(1);
  });

  it('primes the id loader from searches', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    await loaders.findContactsByPhone({ nationalNumber: '600100200', limit: 10 });
    await loaders.contactById.load('1003');
    expect(client.getContactsByKey).not.toHaveBeenCalled();
  });

  it('serves cached contacts without an upstream call and stores them under every identity', async () => {
    const client = fakeClient();
    const { cache } = memoryCache();
    await createCrmLoaders({ client, cache, cacheTtlSeconds: 60 }).contactById.load('1005');
    for (const key of crmCacheKeys.contactKeysOf(PEOPLE[5]!)) {
      expect(await cache.get(key)).toMatchObject({ value: { id: '1005' }, fetchedAt: expect.any(Number) });
    }
    expect(crmCacheKeys.contactByEmail('P5@Example.pl')).toBe(crmCacheKeys.contactByEmail('p5@example.pl'));
    // e-mails never appear in key names (they end up in logs)
    expect(crmCacheKeys.contactKeysOf(PEOPLE[5]!).join(' ')).not.toContain('example.pl');

    const next = createCrmLoaders({ client, cache, cacheTtlSeconds: 60 });
    expect((await next.contactByEmail.load('P5@example.pl'))?.id).toBe('1005');
    expect(client.getContactsByKey).toHaveBeenCalledTimes(1);
  });

  it('falls through to the upstream when the cache fails', async () => {
    const client = fakeClient();
    const down = async (): Promise<never> => {
      throw new Error('redis down');
    };
    const broken = { get: down, getMany: down, set: down, delete: down } satisfies Cache;
    const loaders = createCrmLoaders({ client, cache: broken, cacheTtlSeconds: 60 });
    expect((await loaders.contactById.load('1006'))?.id).toBe('1006');
  });

  it('caches nothing when both the TTL and the max stale age are 0', async () => {
    const client = fakeClient();
    const { cache } = memoryCache();
    await createCrmLoaders({ client, cache, cacheTtlSeconds: 0, maxStaleSeconds: 0, lookupTtlSeconds: 0 }).contactById.load('1007');
    expect(cache.getMany).not.toHaveBeenCalled();
    expect(cache.set).not.toHaveBeenCalled();
  });

  it('serves a contact read before, as STALE, while HubSpot fails', async () => {
    const client = fakeClient();
    const { cache } = memoryCache();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const loaders = () => createCrmLoaders({ client, cache, cacheTtlSeconds: 60, maxStaleSeconds: 900, now: () => clock.now });
    await loaders().contactById.load('1008');
    clock.now += 120_000;
    client.getContactsByKey.mockRejectedValue(hubspotDown());
    const scope = createRequestScope(IDENTITY);
    const contact = await runInRequestScope(scope, () => loaders().contactByEmail.load('p8@example.pl'));
    expect(contact?.id).toBe('1008');
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'STALE', asOf: new Date(clock.now - 120_000).toISOString() }]);
    clock.now += 900_000;
    // past CRM_MAX_STALE_CONTACTS_SECONDS: the error, not the old contact
    await expect(loaders().contactById.load('1008')).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});

describe('findCustomers look-ups', () => {
  it('N identical concurrent look-ups from N requests cost one search', async () => {
    const client = fakeClient();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    client.findContactsByPhone.mockImplementation(async () => {
      await gate;
      return [PEOPLE[3]!];
    });
    const singleFlight = createSingleFlight();
    const cache = createMemoryCache();
    const lookups = Array.from({ length: 8 }, () =>
      createCrmLoaders({ client, cache, singleFlight }).findContactsByPhone({ nationalNumber: '600100200', limit: 10 }),
    );
    await vi.waitFor(() => expect(client.findContactsByPhone).toHaveBeenCalled());
    open();
    const results = await Promise.all(lookups);
    expect(results.map((r) => r.map((c) => c.id))).toEqual(Array.from({ length: 8 }, () => ['1003']));
    expect(client.findContactsByPhone).toHaveBeenCalledTimes(1);
    expect(client.getContactsByKey).not.toHaveBeenCalled();
  });

  it('answers an identical look-up within CRM_LOOKUP_CACHE_TTL_SECONDS from the cache, names in any order and case', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const loaders = () => createCrmLoaders({ client, cache, lookupTtlSeconds: 10, now: () => clock.now });
    await loaders().findContactsByName({ words: ['Jan', 'Nowak'], limit: 5 });
    clock.now += 9_000;
    expect((await loaders().findContactsByName({ words: ['nowak', 'JAN'], limit: 5 })).map((c) => c.id)).toEqual(['1004']);
    expect(client.findContactsByName).toHaveBeenCalledTimes(1);
    // another `first` is another search, and so is the same one after the window
    await loaders().findContactsByName({ words: ['Jan', 'Nowak'], limit: 6 });
    clock.now += 2_000;
    await loaders().findContactsByName({ words: ['Jan', 'Nowak'], limit: 5 });
    expect(client.findContactsByName).toHaveBeenCalledTimes(3);
    expect(client.getContactsByKey).not.toHaveBeenCalled();
  });

  it('an e-mail look-up is cached per normalised address, and a miss only for the short window', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const loaders = () => createCrmLoaders({ client, cache });
    const find = (email: string) => loaders().findContactsByEmail({ email, limit: 10 });
    expect((await find('p9@example.pl')).map((c) => c.id)).toEqual(['1009']);
    expect((await find(' P9@Example.PL ')).map((c) => c.id)).toEqual(['1009']);
    expect(await find('nobody@example.pl')).toEqual([]);
    expect(await find('nobody@example.pl')).toEqual([]);
    expect(client.findContactsByEmails).toHaveBeenCalledTimes(2);
  });

  it('matches every e-mail asked in one tick with one search, primary and additional addresses alike', async () => {
    const client = fakeClient();
    const withSecondary = { ...PEOPLE[20]!, additionalEmails: ['old@example.pl'] };
    client.findContactsByEmails.mockImplementation(async ({ emails }) =>
      [...PEOPLE.slice(0, 20), withSecondary].filter((p) => emails.includes(p.email!) || p.additionalEmails.some((e) => emails.includes(e))),
    );
    const loaders = createCrmLoaders({ client });
    const emails = [...Array.from({ length: 20 }, (_, i) => `P${i}@example.pl`), 'old@example.pl', 'nobody@example.pl'];
    const found = await Promise.all(emails.map((e) => loaders.contactsByEmail.load(e)));
    expect(found.map((list) => list.map((c) => c.id))).toEqual([...Array.from({ length: 20 }, (_, i) => [String(1000 + i)]), ['1020'], []]);
    expect(client.findContactsByEmails).toHaveBeenCalledTimes(1);
    // the contacts came with the search: reading them again costs nothing
    expect((await loaders.contactById.load('1020'))?.additionalEmails).toEqual(['old@example.pl']);
    expect(client.getContactsByKey).not.toHaveBeenCalled();
  });

  it('reads stored links (e-shop, Allegro buyer id, ERP partner) in one batch read per kind', async () => {
    const client = fakeClient();
    const loaders = createCrmLoaders({ client });
    await Promise.all([
      loaders.contactByEshopCustomerId.load('2000'),
      loaders.contactByEshopCustomerId.load('2001'),
      loaders.contactByErpPartnerId.load('100'),
      loaders.contactByAllegroBuyerId.load('38472615'),
    ]);
    expect(client.getContactsByKey.mock.calls.map(([args]) => [args.key, args.values])).toEqual([
      ['eshopCustomerId', ['2000', '2001']],
      ['erpPartnerId', ['100']],
      ['allegroBuyerId', ['38472615']],
    ]);
  });

  it('falls back to the last look-up while HubSpot searches fail', async () => {
    const client = fakeClient();
    const cache = createMemoryCache();
    const clock = { now: Date.UTC(2026, 11, 6, 10) };
    const loaders = () => createCrmLoaders({ client, cache, now: () => clock.now });
    await loaders().findContactsByPhone({ nationalNumber: '600100200', limit: 10 });
    clock.now += 120_000;
    client.findContactsByPhone.mockRejectedValue(hubspotDown('UPSTREAM_RATE_LIMITED'));
    client.getContactsByKey.mockRejectedValue(hubspotDown());
    const scope = createRequestScope(IDENTITY);
    const found = await runInRequestScope(scope, () => loaders().findContactsByPhone({ nationalNumber: '600100200', limit: 10 }));
    expect(found.map((c) => c.id)).toEqual(['1003']);
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'STALE', asOf: new Date(clock.now - 120_000).toISOString() }]);
  });
});
