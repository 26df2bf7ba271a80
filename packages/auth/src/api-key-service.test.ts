import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@omnigraph/shared/logging';
import { generateApiKey, parseApiKey } from './api-key-format.ts';
import { ApiKeyNotFoundError, ApiKeyStateError, createApiKeyService } from './api-key-service.ts';
import { createCachedKeyStore } from './cached-key-store.ts';
import { hashApiKey } from './hash-api-key.ts';
import { TEST_PEPPER, countCalls } from './key-store-contract.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';

function setup(start = '2026-05-01T10:00:00.000Z') {
  let now = new Date(start);
  const store = createMemoryKeyStore();
  const service = createApiKeyService({ store, pepper: TEST_PEPPER, env: 'live', clock: () => now });
  return {
    store,
    service,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
  };
}

const CENEO = { name: 'Ceneo', ownerId: 'partner-ceneo', scopes: ['catalog:read', 'stock:read'], rateLimitPerMinute: 600 };

describe('createApiKeyService', () => {
  it('creates a key shown once and stores only its keyed hash', async () => {
    const { service, store } = setup();
    const { key, record } = await service.createKey({ ...CENEO, quotaPerDay: 100_000 });
    expect(parseApiKey(key)).toMatchObject({ ok: true, env: 'live', keyId: record.keyId });
    expect(record).toEqual({
      keyId: record.keyId,
      hash: hashApiKey(TEST_PEPPER, key),
      name: 'Ceneo',
      ownerId: 'partner-ceneo',
      scopes: ['catalog:read', 'stock:read'],
      profile: 'partner',
      rateLimitPerMinute: 600,
      quotaPerDay: 100_000,
      createdAt: '2026-05-01T10:00:00.000Z',
    });
    expect(JSON.stringify(await store.list())).not.toContain(key);
  });

  it('keeps the profile, cost budget and safelist, also through a rotation', async () => {
    const { service } = setup();
    const { record } = await service.createKey({ ...CENEO, profile: 'internal', costPerMinute: 50_000, operations: ['ProductsBySku'] });
    expect(record).toMatchObject({ profile: 'internal', costPerMinute: 50_000, operations: ['ProductsBySku'] });
    const rotated = await service.rotate(record.keyId, { overlapSeconds: 60 });
    expect(rotated.record).toMatchObject({ profile: 'internal', costPerMinute: 50_000, operations: ['ProductsBySku'] });
  });

  it('authenticates a fresh key and records its last use', async () => {
    const { service, store } = setup();
    const { key, record } = await service.createKey(CENEO);
    const result = await service.authenticate(key);
    expect(result).toEqual({ ok: true, record: expect.objectContaining({ keyId: record.keyId, scopes: CENEO.scopes }) });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.getById(record.keyId))?.lastUsedAt).toBe('2026-05-01T10:00:00.000Z');
  });

  it('refuses well-formed keys it never issued as UNKNOWN, and keys hashed with another pepper', async () => {
    const { service, store } = setup();
    expect(await service.authenticate(generateApiKey('live'))).toEqual({ ok: false, reason: 'UNKNOWN' });
    const other = createApiKeyService({ store, pepper: 'another-pepper-0123456789abcdefghij' });
    const { key } = await other.createKey(CENEO);
    expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'UNKNOWN' });
  });

  it('refuses a revoked key as REVOKED', async () => {
    const { service } = setup();
    const { key, record } = await service.createKey(CENEO);
    expect(await service.revoke(record.keyId)).toBe(true);
    expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'REVOKED' });
    expect(await service.revoke('nope1234')).toBe(false);
  });

  it('refuses a key from its expiry on as EXPIRED', async () => {
    const { service, advance } = setup();
    const { key } = await service.createKey({ ...CENEO, expiresAt: new Date('2026-05-01T11:00:00.000Z') });
    advance(60 * 60 * 1000 - 1);
    expect((await service.authenticate(key)).ok).toBe(true);
    advance(1);
    expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('rotation: both keys work until the overlap ends, then only the new one', async () => {
    const { service, advance, store } = setup();
    const { key: oldKey, record: old } = await service.createKey({ ...CENEO, quotaPerDay: 5 });
    const { key: newKey, record: fresh, previous } = await service.rotate(old.keyId, { overlapSeconds: 3_600 });
    expect(newKey).not.toBe(oldKey);
    expect(fresh).toMatchObject({ name: 'Ceneo', ownerId: 'partner-ceneo', scopes: CENEO.scopes, rateLimitPerMinute: 600, quotaPerDay: 5 });
    expect(previous).toMatchObject({ replacedBy: fresh.keyId, expiresAt: '2026-05-01T11:00:00.000Z' });
    expect(await store.getById(old.keyId)).toMatchObject({ replacedBy: fresh.keyId, expiresAt: '2026-05-01T11:00:00.000Z' });

    advance(3_600_000 - 1);
    expect((await service.authenticate(oldKey)).ok).toBe(true);
    expect((await service.authenticate(newKey)).ok).toBe(true);
    advance(1);
    expect(await service.authenticate(oldKey)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect((await service.authenticate(newKey)).ok).toBe(true);
  });

  it('rotation never extends an old key that expires before the overlap ends, and refuses dead or unknown keys', async () => {
    const { service } = setup();
    const { record } = await service.createKey({ ...CENEO, expiresAt: new Date('2026-05-01T10:10:00.000Z') });
    const { previous, record: fresh } = await service.rotate(record.keyId, { overlapSeconds: 3_600 });
    expect(previous.expiresAt).toBe('2026-05-01T10:10:00.000Z');
    expect(fresh.expiresAt).toBe('2026-05-01T10:10:00.000Z');
    await expect(service.rotate(record.keyId, { overlapSeconds: 1 })).rejects.toBeInstanceOf(ApiKeyStateError);
    await service.revoke(fresh.keyId);
    await expect(service.rotate(fresh.keyId, { overlapSeconds: 1 })).rejects.toBeInstanceOf(ApiKeyStateError);
    await expect(service.rotate('nope1234', { overlapSeconds: 1 })).rejects.toBeInstanceOf(ApiKeyNotFoundError);
    await expect(service.rotate(fresh.keyId, { overlapSeconds: -1 })).rejects.toBeInstanceOf(RangeError);
  });

  it('with overlap 0 the old key dies at once', async () => {
    const { service } = setup();
    const { key, record } = await service.createKey(CENEO);
    await service.rotate(record.keyId, { overlapSeconds: 0 });
    expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses malformed keys with ZERO store calls (10 000 garbage inputs)', async () => {
    const { store, calls } = countCalls(createCachedKeyStore(createMemoryKeyStore()));
    const service = createApiKeyService({ store, pepper: TEST_PEPPER });
    const valid = generateApiKey('live');
    const garbage: unknown[] = [undefined, null, 42, {}, '', 'Bearer x', valid.toUpperCase(), valid.slice(0, -1), `${valid} `];
    for (let i = 0; garbage.length < 10_000; i++) {
      // Right prefix and length, random body: what a prober or a typo produces; the checksum refuses them.
      garbage.push(`omg_live_${generateApiKey('test').slice(9, 47).split('').reverse().join('')}${i % 10}`.slice(0, 47));
    }
    let refused = 0;
    for (const input of garbage) {
      const result = await service.authenticate(input);
      if (!result.ok && result.reason === 'MALFORMED') refused++;
    }
    expect(refused).toBe(garbage.length);
    expect(calls).toEqual({});
  });
});

describe('logging', () => {
  it('never writes a key, valid or not, into a log line', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        callback();
      },
    });
    const logger = createLogger({ name: 'auth', level: 'debug', destination });
    const store = createMemoryKeyStore();
    const service = createApiKeyService({ store, pepper: TEST_PEPPER, logger });
    const { key, record } = await service.createKey(CENEO);
    const { key: rotated } = await service.rotate(record.keyId, { overlapSeconds: 60 });
    const unknown = generateApiKey('live');
    const typo = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    await service.authenticate(key);
    await service.authenticate(rotated);
    await service.authenticate(unknown);
    await service.authenticate(typo);
    await service.revoke(record.keyId);
    await service.authenticate(key);
    const output = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(output).toContain(record.keyId); // the public id is what operators search for
    for (const secret of [key, rotated, unknown, typo]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(17)); // not even the secret tail
    }
    expect(output).not.toContain(record.hash);
  });
});
