import type { Cache } from './cache.ts';
import { deserialize, serialize } from './cache.ts';

export interface MemoryCacheOptions {
  /**
   * Entries kept before the least recently used one is evicted; bounds memory when Redis is not configured.
   * @default 10_000
   */
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable so TTL tests don't sleep. @default Date.now */
  now?: () => number;
}

interface Entry {
  json: string;
  expiresAtMs: number;
}

/**
 * In-process cache: the fake for tests and the fallback for local runs without Redis. Not shared between replicas,
 * so it is never the production cache for data other replicas may change.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used entry first.
  const entries = new Map<string, Entry>();

  function read<T>(key: string): T | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    entries.delete(key);
    if (entry.expiresAtMs <= now()) return undefined;
    entries.set(key, entry);
    return deserialize<T>(entry.json);
  }

  return {
    async get<T>(key: string) {
      return read<T>(key);
    },
    async getMany<T>(keys: readonly string[]) {
      return keys.map((key) => read<T>(key));
    },
    async set<T>(key: string, value: T, ttlSeconds: number) {
      const json = serialize(value);
      if (json === undefined || !(ttlSeconds > 0)) return;
      entries.delete(key);
      entries.set(key, { json, expiresAtMs: now() + ttlSeconds * 1000 });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    async delete(key: string) {
      entries.delete(key);
    },
  };
}
