import { createMemoryCache, type Cache } from '@omnigraph/shared/cache';
import { describe, expect, it, vi } from 'vitest';
import { createCrmContactId, type CrmClient, type CrmContact, type CrmContactKey } from './crm-client.ts';
import { createCrmLoaders } from './crm-loaders.ts';

function contact(id: string, email: string | null, login: string | null = null): CrmContact {
  return {
    id: createCrmContactId(id),
    email,
    firstName: 'F',
    lastName: 'L',
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

  it('serves cached contacts without an upstream call and caches what it read', async () => {
    const client = fakeClient();
    const { cache } = memoryCache();
    await createCrmLoaders({ client, cache, cacheTtlSeconds: 60 }).contactById.load('1005');
    expect(await cache.get('contact:id:1005')).toMatchObject({ id: '1005' });
    expect(await cache.get('contact:email:p5@example.pl')).toMatchObject({ id: '1005' });
    expect(await cache.get('contact:allegro-login:login_5')).toMatchObject({ id: '1005' });
    expect(cache.set).toHaveBeenCalledWith('contact:id:1005', expect.objectContaining({ id: '1005' }), 60);

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

  it('does not cache when the TTL is 0', async () => {
    const client = fakeClient();
    const { cache } = memoryCache();
    await createCrmLoaders({ client, cache, cacheTtlSeconds: 0 }).contactById.load('1007');
    expect(cache.getMany).not.toHaveBeenCalled();
    expect(cache.set).not.toHaveBeenCalled();
  });
});
