import type { ApiKeyRecord } from './api-key-record.ts';
import type { KeyStore } from './key-store.ts';

export interface CachedKeyStoreOptions {
  /**
   * How long a found record is served from memory. Only a backstop for a missed invalidation (revocations arrive
   * through `onRevoked` within milliseconds); keep it short so even that case heals quickly.
   * @default 5_000
   */
  ttlMs?: number;
  /** Oldest entries are dropped beyond this. @default 10_000 */
  maxEntries?: number;
  /** Monotonic milliseconds; injectable for tests. @default performance.now */
  now?: () => number;
}

/**
 * A small in-process cache of `getByHash` in front of any store, so a busy key costs one storage read per TTL instead
 * of one per request. Only positive answers are cached: a just-created key works at once, and unknown keys cannot fill
 * the cache. Entries are dropped on every invalidation the inner store reports — at once on the replica that revoked,
 * via Redis pub/sub on the others.
 */
export function createCachedKeyStore(inner: KeyStore, options: CachedKeyStoreOptions = {}): KeyStore {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { record: ApiKeyRecord; until: number }>();
  // Bumped on every invalidation: a lookup that started before a revocation must not cache its (now stale) answer.
  let generation = 0;

  const unsubscribe = inner.onRevoked((event) => {
    generation++;
    if (event.kind === 'all') {
      entries.clear();
      return;
    }
    entries.delete(event.hash);
    // Belt and braces: a record cached under a hash we were not told about but carrying the same keyId.
    for (const [hash, entry] of entries) if (entry.record.keyId === event.keyId) entries.delete(hash);
  });

  return {
    create: (record) => inner.create(record),
    async getByHash(hash) {
      const cached = entries.get(hash);
      if (cached !== undefined && cached.until > now()) return structuredClone(cached.record);
      if (cached !== undefined) entries.delete(hash);
      const startedAt = generation;
      const record = await inner.getByHash(hash);
      if (record !== undefined && startedAt === generation) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (oldest.done !== true) entries.delete(oldest.value);
        }
        entries.set(hash, { record: structuredClone(record), until: now() + ttlMs });
      }
      return record;
    },
    getById: (keyId) => inner.getById(keyId),
    list: (ownerId) => inner.list(ownerId),
    revoke: (keyId, at) => inner.revoke(keyId, at),
    markReplaced: (keyId, change) => inner.markReplaced(keyId, change),
    touch: (keyId, at) => inner.touch(keyId, at),
    onRevoked: (listener) => inner.onRevoked(listener),
    async close() {
      unsubscribe();
      entries.clear();
      await inner.close();
    },
  };
}
