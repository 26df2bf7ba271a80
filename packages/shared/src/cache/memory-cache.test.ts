import { describe, expect, it } from 'vitest';
import { createCacheFromEnv } from './create-cache-from-env.ts';
import { defineCacheContract } from './define-cache-contract.ts';
import { createMemoryCache } from './memory-cache.ts';

// Separate memory caches never share entries, so the prefix is irrelevant here; the contract still checks it.
defineCacheContract('memory', () => createMemoryCache());

describe('createMemoryCache', () => {
  it('hands every read the same deep-frozen value: a caller that mutates one gets a TypeError', async () => {
    const cache = createMemoryCache();
    await cache.set('k', { list: [{ n: 1 }], nested: { deeper: { n: 1 } } }, 60);
    const [first, second] = await cache.getMany<{ list: Array<{ n: number }>; nested: { deeper: { n: number } } }>(['k', 'k']);
    expect(first).toBe(second);
    expect(() => first!.list.push({ n: 2 })).toThrow(TypeError);
    expect(() => (first!.list[0]!.n = 2)).toThrow(TypeError);
    expect(() => (first!.nested.deeper.n = 2)).toThrow(TypeError);
    expect(await cache.get('k')).toEqual({ list: [{ n: 1 }], nested: { deeper: { n: 1 } } });
  });

  it('expires an entry exactly at its TTL on the injected clock', async () => {
    let nowMs = 1_000_000;
    const cache = createMemoryCache({ now: () => nowMs });
    await cache.set('k', 'v', 30);
    nowMs += 29_999;
    expect(await cache.get('k')).toBe('v');
    nowMs += 1;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.get('a'); // a is now more recent than b
    await cache.set('c', 3, 60);
    expect(await cache.getMany(['a', 'b', 'c'])).toEqual([1, undefined, 3]);
  });

  it('counts an overwrite as one entry, not two', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', 1, 60);
    await cache.set('a', 2, 60);
    await cache.set('b', 3, 60);
    expect(await cache.getMany(['a', 'b'])).toEqual([2, 3]);
  });

  it('is bounded by bytes: one large value evicts many small ones, the least recently used first', async () => {
    const cache = createMemoryCache({ maxBytes: 10_000 });
    for (let i = 0; i < 20; i++) await cache.set(`small:${i}`, i, 60);
    await cache.get('small:0'); // the most recently used of the small ones now
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    await cache.set('large', 'x'.repeat(4_000), 60); // ~8 KB at 2 bytes a character
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(await cache.get('large')).toHaveLength(4_000);
    expect(await cache.get('small:0')).toBe(0);
    expect(await cache.get('small:1')).toBeUndefined();
    // an overwrite replaces the bytes of the old value
    await cache.set('large', 'y', 60);
    expect(cache.bytes).toBeLessThan(5_000);
  });

  it('does not store a value larger than the whole cache', async () => {
    const cache = createMemoryCache({ maxBytes: 1_000 });
    await cache.set('kept', 1, 60);
    await cache.set('huge', 'x'.repeat(1_000), 60);
    expect(await cache.getMany(['kept', 'huge'])).toEqual([1, undefined]);
  });

  it('gives the memory of expired entries back without waiting for eviction', async () => {
    let nowMs = 0;
    const cache = createMemoryCache({ now: () => nowMs });
    for (let i = 0; i < 100; i++) await cache.set(`once:${i}`, 'a value seen once', 60);
    const full = cache.bytes;
    nowMs += 61_000;
    await cache.set('later', 1, 60); // a write sweeps what has expired
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBeLessThan(full / 50);
  });
});

describe('createCacheFromEnv without a Redis URL', () => {
  it('falls back to an in-process memory cache', async () => {
    const errors: unknown[] = [];
    const cache = await createCacheFromEnv({ redisUrl: undefined, keyPrefix: 'erp:v1:', onError: (e) => errors.push(e) });
    await cache.set('k', { v: 1 }, 60);
    expect(await cache.get('k')).toEqual({ v: 1 });
    await cache.close();
    expect(errors).toEqual([]);
  });
});
