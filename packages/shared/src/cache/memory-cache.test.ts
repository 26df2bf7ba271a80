import { describe, expect, it } from 'vitest';
import { createCacheFromEnv } from './create-cache-from-env.ts';
import { defineCacheContract } from './define-cache-contract.ts';
import { createMemoryCache } from './memory-cache.ts';

// Separate memory caches never share entries, so the prefix is irrelevant here; the contract still checks it.
defineCacheContract('memory', () => createMemoryCache());

describe('createMemoryCache', () => {
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
