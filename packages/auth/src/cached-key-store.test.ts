import { describe, expect, it } from 'vitest';
import { createCachedKeyStore } from './cached-key-store.ts';
import { makeRecord } from './key-store-contract.ts';
import type { KeyStore } from './key-store.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';

/** A store that works until told to fail like a dead Redis (rejects) or a stalled one (never answers). */
function flakyStore(inner: KeyStore) {
  let mode: 'up' | 'down' | 'stalled' = 'up';
  let lookups = 0;
  const store: KeyStore = {
    ...inner,
    getByHash: (hash) => {
      lookups++;
      if (mode === 'down') return Promise.reject(new Error('connection refused'));
      if (mode === 'stalled') return new Promise(() => {});
      return inner.getByHash(hash);
    },
  };
  return { store, set: (m: typeof mode) => (mode = m), lookups: () => lookups };
}

describe('createCachedKeyStore', () => {
  it('serves a key seen recently while the store is down or stalled, and fails for keys it never saw', async () => {
    const memory = createMemoryKeyStore();
    const flaky = flakyStore(memory);
    let t = 0;
    const stale: string[] = [];
    const cached = createCachedKeyStore(flaky.store, {
      ttlMs: 1_000,
      staleIfErrorMs: 60_000,
      lookupTimeoutMs: 50,
      now: () => t,
      onStaleServed: (keyId) => stale.push(keyId),
    });
    const known = makeRecord();
    const unseen = makeRecord();
    await memory.create(known.record);
    await memory.create(unseen.record);
    expect(await cached.getByHash(known.record.hash)).toEqual(known.record);

    t = 5_000; // past the TTL: the store is asked again
    flaky.set('down');
    expect(await cached.getByHash(known.record.hash)).toEqual(known.record);
    flaky.set('stalled');
    expect(await cached.getByHash(known.record.hash)).toEqual(known.record);
    expect(stale).toEqual([known.record.keyId]); // reported once per 10 s, not per request
    t = 15_000;
    expect(await cached.getByHash(known.record.hash)).toEqual(known.record);
    expect(stale).toEqual([known.record.keyId, known.record.keyId]);
    await expect(cached.getByHash(unseen.record.hash)).rejects.toThrow(/longer than 50 ms/);

    t = 70_000; // beyond staleIfErrorMs: an outage that long must not keep a key alive
    await expect(cached.getByHash(known.record.hash)).rejects.toThrow();
  });

  it('a key revoked before the outage is not served stale', async () => {
    const memory = createMemoryKeyStore();
    const flaky = flakyStore(memory);
    let t = 0;
    const cached = createCachedKeyStore(flaky.store, { ttlMs: 1_000, now: () => t });
    const { record } = makeRecord();
    await memory.create(record);
    await cached.getByHash(record.hash);
    await memory.revoke(record.keyId, new Date());
    t = 5_000;
    flaky.set('down');
    await expect(cached.getByHash(record.hash)).rejects.toThrow('connection refused');
  });
});
