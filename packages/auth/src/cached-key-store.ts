import { copyApiKeyRecord, type ApiKeyRecord } from './api-key-record.ts';
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
  /**
   * While the inner store fails (Redis down or stalled), a key seen within this window keeps working from memory,
   * so a storage outage does not lock out every partner at once. Revocations made during the outage cannot reach
   * us anyway; those made before it have already dropped the entry. 0 turns it off. @default 600_000
   */
  staleIfErrorMs?: number;
  /** A lookup slower than this counts as a failure (a stalled Redis answers nothing, it does not refuse). @default 1_000 */
  lookupTimeoutMs?: number;
  /** Told when a stale record was served because the store failed (keyIds only); at most once per 10 s. */
  onStaleServed?: (keyId: string, error: unknown) => void;
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
  const staleIfErrorMs = options.staleIfErrorMs ?? 600_000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 1_000;
  const entries = new Map<string, { record: ApiKeyRecord; until: number; seenAt: number }>();
  // Bumped on every invalidation: a lookup that started before a revocation must not cache its (now stale) answer.
  let generation = 0;
  // During an outage every request of every key is served stale: one report per 10 s, not a log line per request.
  let lastStaleReportAt = -Infinity;

  const unsubscribe = inner.onRevoked((event) => {
    generation++;
    if (event.kind === 'all') {
      // Expire rather than forget: the next lookup asks the store, but a stale copy can still cover an outage.
      for (const entry of entries.values()) entry.until = 0;
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
      if (cached !== undefined && cached.until > now()) return copyApiKeyRecord(cached.record);
      const startedAt = generation;
      let record: ApiKeyRecord | undefined;
      try {
        record = await withTimeout(inner.getByHash(hash), lookupTimeoutMs);
      } catch (error) {
        if (cached !== undefined && now() - cached.seenAt <= staleIfErrorMs) {
          if (now() - lastStaleReportAt >= 10_000) {
            lastStaleReportAt = now();
            options.onStaleServed?.(cached.record.keyId, error);
          }
          return copyApiKeyRecord(cached.record);
        }
        throw error;
      }
      if (record === undefined) entries.delete(hash);
      if (record !== undefined && startedAt === generation) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (oldest.done !== true) entries.delete(oldest.value);
        }
        entries.set(hash, { record: copyApiKeyRecord(record), until: now() + ttlMs, seenAt: now() });
      }
      return record;
    },
    getById: (keyId) => inner.getById(keyId),
    list: (ownerId) => inner.list(ownerId),
    revoke: (keyId, at) => inner.revoke(keyId, at),
    markReplaced: (keyId, change) => inner.markReplaced(keyId, change),
    updateOperations: (keyId, change) => inner.updateOperations(keyId, change),
    touch: (keyId, at) => inner.touch(keyId, at),
    delete: (keyId) => inner.delete(keyId),
    addUsage: (increments) => inner.addUsage(increments),
    usage: (keyId, from, to) => inner.usage(keyId, from, to),
    pruneUsage: (before) => inner.pruneUsage(before),
    onRevoked: (listener) => inner.onRevoked(listener),
    async close() {
      unsubscribe();
      entries.clear();
      await inner.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`key store lookup took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
