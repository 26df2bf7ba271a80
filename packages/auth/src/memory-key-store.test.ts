import { describe, expect, it } from 'vitest';
import { createCachedKeyStore } from './cached-key-store.ts';
import { countCalls, defineKeyStoreContract, makeRecord } from './key-store-contract.ts';
import type { KeyStore } from './key-store.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';

defineKeyStoreContract('memory', async () => createMemoryKeyStore());
defineKeyStoreContract('cached(memory)', async () => createCachedKeyStore(createMemoryKeyStore()));

describe('createCachedKeyStore', () => {
  it('serves repeated lookups from memory until the TTL ends', async () => {
    const { store: inner, calls } = countCalls(createMemoryKeyStore());
    let t = 0;
    const cached = createCachedKeyStore(inner, { ttlMs: 5_000, now: () => t });
    const { record } = makeRecord();
    await cached.create(record);
    for (let i = 0; i < 5; i++) expect(await cached.getByHash(record.hash)).toEqual(record);
    expect(calls['getByHash']).toBe(1);
    t = 5_001;
    await cached.getByHash(record.hash);
    expect(calls['getByHash']).toBe(2);
  });

  it('does not cache misses, so a key created elsewhere works at once', async () => {
    const inner = createMemoryKeyStore();
    const cached = createCachedKeyStore(inner, { ttlMs: 60_000 });
    const { record } = makeRecord();
    expect(await cached.getByHash(record.hash)).toBeUndefined();
    await inner.create(record);
    expect(await cached.getByHash(record.hash)).toEqual(record);
  });

  it('drops an entry at once when the key is revoked or rotated', async () => {
    const cached = createCachedKeyStore(createMemoryKeyStore(), { ttlMs: 60_000 });
    const a = makeRecord().record;
    const b = makeRecord().record;
    await cached.create(a);
    await cached.create(b);
    await cached.getByHash(a.hash);
    await cached.getByHash(b.hash);
    await cached.revoke(a.keyId, new Date());
    expect((await cached.getByHash(a.hash))?.revokedAt).toBeDefined();
    await cached.markReplaced(b.keyId, { replacedBy: 'c', expiresAt: '2026-01-01T00:00:00.000Z' });
    expect((await cached.getByHash(b.hash))?.expiresAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('does not cache a lookup that raced a revocation', async () => {
    const inner = createMemoryKeyStore();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: KeyStore = {
      ...inner,
      async getByHash(hash) {
        const record = await inner.getByHash(hash);
        await gate;
        return record;
      },
    };
    const cached = createCachedKeyStore(slow, { ttlMs: 60_000 });
    const { record } = makeRecord();
    await inner.create(record);
    const pending = cached.getByHash(record.hash); // reads the un-revoked record, then stalls
    await inner.revoke(record.keyId, new Date());
    release();
    expect((await pending)?.revokedAt).toBeUndefined();
    expect((await cached.getByHash(record.hash))?.revokedAt).toBeDefined();
  });

  it('clears everything on an "all" invalidation and bounds its size', async () => {
    const { store: inner, calls } = countCalls(createMemoryKeyStore());
    const cached = createCachedKeyStore(inner, { ttlMs: 60_000, maxEntries: 2 });
    const records = [makeRecord().record, makeRecord().record, makeRecord().record];
    for (const r of records) {
      await cached.create(r);
      await cached.getByHash(r.hash);
    }
    expect(calls['getByHash']).toBe(3);
    await cached.getByHash(records[0]?.hash ?? ''); // evicted as the oldest
    expect(calls['getByHash']).toBe(4);
  });
});
