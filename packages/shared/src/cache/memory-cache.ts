import type { Cache } from './cache.ts';
import { deserialize, serialize } from './cache.ts';

export interface MemoryCacheOptions {
  /**
   * Bytes of stored values (and keys) kept before the least recently used entries are evicted. The bound that
   * matters: one cached order history can weigh 100 KB and one stock level 100 bytes, so a count alone lets the
   * same cache hold 1 MB or 1 GB. Strings are counted at 2 bytes a character (V8's two-byte strings, Polish text).
   * @default 32 MiB
   */
  maxBytes?: number;
  /** Entries kept at most, whatever their size (each costs a Map slot and an object). @default 10_000 */
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable so TTL tests don't sleep. @default Date.now */
  now?: () => number;
}

interface Entry {
  /** the value as Redis would give it back (JSON round trip at write), deep-frozen; every read hands out this object */
  value: unknown;
  expiresAtMs: number;
  bytes: number;
}

// A Map entry, the Entry object and its fields, roughly: keeps many tiny entries from looking free.
const ENTRY_OVERHEAD_BYTES = 100;
const SWEEP_INTERVAL_MS = 1_000;

/**
 * In-process cache: the fake for tests and the cache of `npm start` without Redis. Not shared between replicas, so
 * it is never the production cache for data other replicas may change. Bounded by bytes and by count; expired
 * entries are swept (at most once a second, on a write) instead of waiting for eviction, so a process that saw
 * many keys once gives their memory back after the TTL.
 *
 * A value goes through JSON once, when it is set (so it has Redis's shape: a Date reads back as a string), and is
 * kept deep-frozen: every read hands out that same object instead of parsing the JSON again, which was the largest
 * cost of a cache hit (10–14 % of the subgraphs' CPU under S2). A caller that mutates a read value gets a TypeError
 * (ES modules are strict), rather than changing what the next read sees.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache & { readonly bytes: number; readonly size: number } {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used entry first.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let lastSweepAt = now();

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function read<T>(key: string): T | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs <= now()) {
      remove(key, entry);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry.value as T;
  }

  function sweepExpired(t: number): void {
    if (t - lastSweepAt < SWEEP_INTERVAL_MS) return;
    lastSweepAt = t;
    for (const [key, entry] of entries) if (entry.expiresAtMs <= t) remove(key, entry);
  }

  return {
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    async get<T>(key: string) {
      return read<T>(key);
    },
    async getMany<T>(keys: readonly string[]) {
      return keys.map((key) => read<T>(key));
    },
    async set<T>(key: string, value: T, ttlSeconds: number) {
      const json = serialize(value);
      if (json === undefined || !(ttlSeconds > 0)) return;
      const t = now();
      sweepExpired(t);
      const previous = entries.get(key);
      if (previous !== undefined) remove(key, previous);
      // Sized by the JSON text, as Redis would hold it: the parsed objects kept instead weigh about the same (2.3 bytes
      // a character measured for product envelopes, against the 2 counted plus the entry overhead).
      const entryBytes = (key.length + json.length) * 2 + ENTRY_OVERHEAD_BYTES;
      // A value larger than the whole cache would only evict everything else and then itself.
      if (entryBytes > maxBytes) return;
      const entry: Entry = { value: deepFreeze(deserialize(json)), expiresAtMs: t + ttlSeconds * 1000, bytes: entryBytes };
      entries.set(key, entry);
      bytes += entry.bytes;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const oldest = entries.entries().next();
        if (oldest.done === true) break;
        remove(oldest.value[0], oldest.value[1]);
      }
    },
    async delete(key: string) {
      const entry = entries.get(key);
      if (entry !== undefined) remove(key, entry);
    },
  };
}

/** Freezes a parsed JSON value and everything in it (plain objects and arrays only: JSON makes nothing else). */
function deepFreeze(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
