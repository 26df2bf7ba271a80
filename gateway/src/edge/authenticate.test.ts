import { describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore, type KeyStore } from '@omnigraph/auth';
import { createAuthenticator } from './authenticate.ts';
import { buildProfiles } from './profiles.ts';

const PEPPER = 'edge-test-pepper-0123456789abcdefghijklm';
const profiles = buildProfiles({ allowBatchingForInternal: false, partnerCostPerMinute: 1_000, internalCostPerMinute: 9_000 });

function setup(store: KeyStore = createMemoryKeyStore()) {
  const keys = createApiKeyService({ store, pepper: PEPPER });
  return { keys, authenticator: createAuthenticator({ keys, profiles }) };
}

describe('createAuthenticator', () => {
  it('turns a key into a principal with its scopes, profile, limits and safelist; the subject never holds the key', async () => {
    const { keys, authenticator } = setup();
    const { key, record } = await keys.createKey({
      name: 'p',
      ownerId: 'partner-1',
      scopes: ['catalog:read'],
      rateLimitPerMinute: 60,
      quotaPerDay: 500,
      operations: ['PartnerProductsBySku'],
    });
    const outcome = await authenticator.authenticate({ 'x-api-key': key });
    expect(outcome).toEqual({
      ok: true,
      principal: {
        identity: { subject: record.keyId, kind: 'api-key', ownerId: 'partner-1', scopes: ['catalog:read'], profile: 'partner' },
        subject: `key:${record.keyId}`,
        rateLimit: { requestsPerMinute: 60, costPerMinute: 1_000, quotaPerDay: 500 },
        operations: ['PartnerProductsBySku'],
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(key);
  });

  it('uses the internal profile default cost budget, and the key own budget when set', async () => {
    const { keys, authenticator } = setup();
    const internal = await keys.createKey({ name: 'cc', ownerId: 'team', scopes: ['orders:read'], rateLimitPerMinute: 60, profile: 'internal' });
    const own = await keys.createKey({ name: 'x', ownerId: 'p', scopes: ['orders:read'], rateLimitPerMinute: 60, costPerMinute: 42 });
    const a = await authenticator.authenticate({ authorization: `Bearer ${internal.key}` });
    const b = await authenticator.authenticate({ 'x-api-key': own.key });
    expect(a.ok && a.principal.rateLimit.costPerMinute).toBe(9_000);
    expect(a.ok && a.principal.identity.profile).toBe('internal');
    expect(b.ok && b.principal.rateLimit.costPerMinute).toBe(42);
  });

  it('refuses missing and non-Bearer credentials without asking the store', async () => {
    let lookups = 0;
    const memory = createMemoryKeyStore();
    const { authenticator } = setup({ ...memory, getByHash: (h) => (lookups++, memory.getByHash(h)) });
    for (const headers of [
      {},
      { 'x-api-key': '  ' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      // a repeated header a proxy joined into one value
      { authorization: 'Bearer omg_live_a, Bearer omg_live_b' },
    ]) {
      const outcome = await authenticator.authenticate(headers);
      expect(outcome).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(lookups).toBe(0);
  });

  it('refuses two different credentials with CONFLICTING_CREDENTIALS, whichever comes first, without asking the store', async () => {
    let lookups = 0;
    const memory = createMemoryKeyStore();
    const { authenticator, keys: issuer } = setup({ ...memory, getByHash: (h) => (lookups++, memory.getByHash(h)) });
    const a = await issuer.createKey({ name: 'a', ownerId: 'a', scopes: ['catalog:read'], rateLimitPerMinute: 60 });
    const b = await issuer.createKey({ name: 'b', ownerId: 'b', scopes: ['customers:read', 'customers:pii'], rateLimitPerMinute: 60 });
    for (const headers of [
      // what IncomingMessage.headersDistinct holds for two Authorization headers
      { authorization: [`Bearer ${a.key}`, `Bearer ${b.key}`] },
      { authorization: [`Bearer ${b.key}`, `Bearer ${a.key}`] },
      { 'x-api-key': [a.key, b.key] },
      { 'x-api-key': [a.key], authorization: [`Bearer ${b.key}`] },
      { 'x-api-key': a.key, authorization: `Bearer ${b.key}` },
      // a valid key next to garbage is still two credentials: the garbage may be the one the client meant
      { authorization: [`Bearer ${a.key}`, 'Bearer omg_live_other'] },
    ]) {
      expect(await authenticator.authenticate(headers)).toMatchObject({ ok: false, code: 'CONFLICTING_CREDENTIALS' });
    }
    expect(lookups).toBe(0);
  });

  it('accepts the same credential sent twice (a repeated header, or the key in both headers): nothing is ambiguous', async () => {
    const { authenticator, keys: issuer } = setup(createMemoryKeyStore());
    const { key, record } = await issuer.createKey({ name: 'a', ownerId: 'a', scopes: ['catalog:read'], rateLimitPerMinute: 60 });
    for (const headers of [
      { authorization: [`Bearer ${key}`, `Bearer ${key}`] },
      { 'x-api-key': [key, ` ${key} `] },
      { 'x-api-key': [key], authorization: [`bearer ${key}`] },
    ]) {
      const outcome = await authenticator.authenticate(headers);
      expect(outcome.ok && outcome.principal.identity.subject).toBe(record.keyId);
    }
  });

  it('a key store that fails or hangs is AUTH_UNAVAILABLE (retry later), not UNAUTHENTICATED and not a throw', async () => {
    const memory = createMemoryKeyStore();
    const { keys: issuer } = setup(memory);
    const { key } = await issuer.createKey({ name: 'p', ownerId: 'p', scopes: ['catalog:read'], rateLimitPerMinute: 60 });
    const { authenticator } = setup({ ...memory, getByHash: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.7:6379')) });
    const outcome = await authenticator.authenticate({ 'x-api-key': key });
    expect(outcome).toEqual({ ok: false, code: 'AUTH_UNAVAILABLE', message: expect.not.stringContaining('10.0.0.7') });
  });
});
