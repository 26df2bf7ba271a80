import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';

/** Creates a cache whose keys all start with `keyPrefix`; called once or twice per test. */
export type CreateCacheForContract = (options: { keyPrefix: string }) => Cache | Promise<Cache>;

/**
 * The behaviour every Cache implementation must share, so the memory fake used in unit tests cannot drift from
 * Redis. Run it once per implementation: `defineCacheContract('memory', () => createMemoryCache())`.
 * Uses real time for TTLs (Redis has no injectable clock), with sub-second TTLs to stay fast.
 */
export function defineCacheContract(name: string, createCache: CreateCacheForContract): void {
  const runId = randomUUID().slice(0, 8);
  let counter = 0;
  const newCache = (label = 'a') => {
    counter += 1;
    return createCache({ keyPrefix: `contract-${runId}-${counter}-${label}:` });
  };

  describe(`${name} cache (Cache contract)`, () => {
    it('returns undefined for a missing key', async () => {
      const cache = await newCache();
      expect(await cache.get('missing')).toBeUndefined();
    });

    it('returns what was set, and the latest value after an overwrite', async () => {
      const cache = await newCache();
      await cache.set('k', { n: 1 }, 60);
      expect(await cache.get('k')).toEqual({ n: 1 });
      await cache.set('k', { n: 2 }, 60);
      expect(await cache.get('k')).toEqual({ n: 2 });
    });

    it('deletes a key, and deleting a missing key is a no-op', async () => {
      const cache = await newCache();
      await cache.set('k', 'v', 60);
      await cache.delete('k');
      expect(await cache.get('k')).toBeUndefined();
      await expect(cache.delete('never-set')).resolves.toBeUndefined();
    });

    it('getMany answers one entry per key, in key order, with misses as undefined', async () => {
      const cache = await newCache();
      await cache.set('a', 1, 60);
      await cache.set('c', 3, 60);
      expect(await cache.getMany(['c', 'b', 'a', 'c'])).toEqual([3, undefined, 1, 3]);
      expect(await cache.getMany([])).toEqual([]);
    });

    it('expires entries after ttlSeconds', async () => {
      const cache = await newCache();
      await cache.set('short', 'v', 0.2);
      await cache.set('long', 'v', 60);
      expect(await cache.get('short')).toBe('v');
      await sleep(400);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('long')).toBe('v');
    });

    it('stores nothing for ttlSeconds <= 0 or an undefined value', async () => {
      const cache = await newCache();
      await cache.set('zero', 'v', 0);
      await cache.set('negative', 'v', -5);
      await cache.set('undef', undefined, 60);
      expect(await cache.getMany(['zero', 'negative', 'undef'])).toEqual([undefined, undefined, undefined]);
    });

    it('round-trips nested objects, unicode and null through JSON', async () => {
      const cache = await newCache();
      const value = {
        name: 'Zażółć gęślą jaźń — 東京 🚲',
        price: '19.99',
        qty: 0,
        active: false,
        tags: ['a', 'ü', ''],
        nested: { deeper: { list: [{ id: 1 }, { id: null }] } },
      };
      await cache.set('nested', value, 60);
      await cache.set('null', null, 60);
      expect(await cache.get('nested')).toEqual(value);
      // null is a value (a cached "not found"), distinct from a miss.
      expect(await cache.get('null')).toBeNull();
    });

    it('behaves like JSON, not like a shared reference: Dates become strings, the value set is copied', async () => {
      const cache = await newCache();
      await cache.set('date', { at: new Date('2025-01-02T03:04:05.000Z') }, 60);
      expect(await cache.get('date')).toEqual({ at: '2025-01-02T03:04:05.000Z' });
      const original = { list: [1] };
      await cache.set('copy', original, 60);
      original.list.push(2);
      expect(await cache.get('copy')).toEqual({ list: [1] });
    });

    it('a read cannot change what the next read sees: a mutation either throws (frozen) or changes a copy', async () => {
      const cache = await newCache();
      await cache.set('read-only', { list: [1], nested: { n: 1 } }, 60);
      const read = await cache.get<{ list: number[]; nested: { n: number } }>('read-only');
      expect(read).toEqual({ list: [1], nested: { n: 1 } });
      for (const mutate of [() => read!.list.push(2), () => (read!.nested.n = 2)]) {
        try {
          mutate();
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
        }
      }
      expect(await cache.get('read-only')).toEqual({ list: [1], nested: { n: 1 } });
    });

    it('isolates caches with different key prefixes', async () => {
      const erp = await newCache('erp');
      const crm = await newCache('crm');
      await erp.set('customer:1', 'from erp', 60);
      await crm.set('customer:1', 'from crm', 60);
      expect(await erp.get('customer:1')).toBe('from erp');
      expect(await crm.get('customer:1')).toBe('from crm');
      await erp.delete('customer:1');
      expect(await crm.get('customer:1')).toBe('from crm');
    });
  });
}
