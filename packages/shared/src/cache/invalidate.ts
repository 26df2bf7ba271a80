import type { Cache } from './cache.ts';

/**
 * Drops cached entries so the next read goes to the upstream: what a change event (webhook, journal, `write_date`
 * poll) calls with the keys from the subgraph's `<role>-cache-keys.ts`. It is `cache.delete` per key, in parallel; the
 * shared caches never throw (a failed delete is reported through their `onError`), so the entry then simply lives
 * until its TTL.
 *
 * A read already in flight when the change happens may store the old value just after the delete, fresh for one
 * freshness TTL. A feed that must not allow that deletes again once the upstream timeout has passed.
 * With the memory cache (no REDIS_URL) only this process's entries are dropped.
 */
export async function invalidate(cache: Cache, keys: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(keys)].map((key) => cache.delete(key)));
}
