/**
 * What loaders and adapters cache through. Values are stored as JSON in every implementation, so the in-memory fake
 * behaves like Redis (a Date comes back as a string; what the caller set is copied, never shared) and tests catch what
 * production would do. A value read is read-only: Redis hands out a fresh copy, the memory cache one deep-frozen
 * object to every reader (a mutation throws a TypeError instead of reaching the next read). A caller that needs to
 * change a read value copies it first.
 */
export interface Cache {
  /** The stored value, or undefined on a miss — and on any cache failure, which callers treat the same way. */
  get<T>(key: string): Promise<T | undefined>;
  /** One round trip for a DataLoader batch; the result has one entry per key, in key order. */
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  /**
   * Stores `value` for `ttlSeconds` (fractions allowed). `ttlSeconds <= 0` stores nothing, so a TTL of 0 in config
   * turns caching off. `undefined` is not storable: it would read back as a miss.
   */
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Called with every swallowed cache failure, so an outage is visible in logs while requests keep working. */
export type CacheErrorHandler = (error: unknown, context: { operation: 'get' | 'getMany' | 'set' | 'delete' | 'connect'; key?: string }) => void;

/** A cache that owns its connection and must be closed at shutdown. */
export interface ManagedCache extends Cache {
  close(): Promise<void>;
}

export function serialize(value: unknown): string | undefined {
  return JSON.stringify(value);
}

export function deserialize<T>(text: string): T {
  return JSON.parse(text) as T;
}
