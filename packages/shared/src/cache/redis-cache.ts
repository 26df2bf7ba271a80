import type { Cache, CacheErrorHandler } from './cache.ts';
import { deserialize, serialize } from './cache.ts';

/**
 * The slice of a node-redis v5 client this cache uses. Structural, so the cache does not care which modules the
 * injected client was created with.
 */
export interface RedisCacheClient {
  get(key: string): Promise<string | null>;
  mGet(keys: string[]): Promise<Array<string | null>>;
  set(key: string, value: string, options: { PX: number }): Promise<unknown>;
  del(keys: string | string[]): Promise<number>;
}

export interface RedisCacheOptions {
  /** A connected (or connecting) node-redis client; the caller owns its lifecycle. */
  redis: RedisCacheClient;
  /**
   * Prepended to every key, e.g. `erp:v1:`. Intentionally no default: services share one Redis, and a forgotten
   * prefix would let two of them read each other's entries. Bump the version when the cached model changes shape.
   */
  keyPrefix: string;
  /** Receives every swallowed Redis failure; wire it to the logger. */
  onError: CacheErrorHandler;
  /**
   * Longest wait for one Redis command before treating it as a miss. A stalled Redis (paused, swapping, a network
   * black hole) otherwise holds every request for as long as the socket stays open.
   * @default 200
   */
  operationTimeoutMs?: number;
}

/**
 * Redis-backed Cache. Every Redis failure is caught, reported through `onError` and turned into a miss (reads) or a
 * no-op (writes): the cache is an optimisation, so a Redis outage makes a service slower, never broken.
 */
export function createRedisCache(options: RedisCacheOptions): Cache {
  const { redis, keyPrefix, onError } = options;
  if (keyPrefix.length === 0) throw new Error('createRedisCache: keyPrefix must not be empty (e.g. "erp:v1:").');
  const timeoutMs = options.operationTimeoutMs ?? 200;
  const k = (key: string) => keyPrefix + key;

  async function guarded<R>(
    operation: 'get' | 'getMany' | 'set' | 'delete',
    key: string | undefined,
    run: () => Promise<R>,
    fallback: R,
  ): Promise<R> {
    try {
      return await withTimeout(run(), timeoutMs);
    } catch (error) {
      onError(error, key === undefined ? { operation } : { operation, key });
      return fallback;
    }
  }

  return {
    get<T>(key: string) {
      return guarded<T | undefined>('get', key, async () => {
        const text = await redis.get(k(key));
        return text === null ? undefined : deserialize<T>(text);
      }, undefined);
    },
    async getMany<T>(keys: readonly string[]) {
      if (keys.length === 0) return [];
      const misses = keys.map((): T | undefined => undefined);
      return guarded<Array<T | undefined>>('getMany', undefined, async () => {
        const texts = await redis.mGet(keys.map(k));
        // One corrupt entry must not cost the whole batch its hits.
        return texts.map((text, i) => {
          if (text === null) return undefined;
          try {
            return deserialize<T>(text);
          } catch (error) {
            onError(error, { operation: 'getMany', key: keys[i] ?? '' });
            return undefined;
          }
        });
      }, misses);
    },
    async set<T>(key: string, value: T, ttlSeconds: number) {
      const json = serialize(value);
      if (json === undefined || !(ttlSeconds > 0)) return;
      // PX, not EX: EX takes whole seconds only, and sub-second TTLs keep the contract tests fast.
      const px = Math.max(1, Math.round(ttlSeconds * 1000));
      await guarded('set', key, () => redis.set(k(key), json, { PX: px }), undefined);
    },
    async delete(key: string) {
      await guarded('delete', key, () => redis.del(k(key)), 0);
    },
  };
}

export class CacheTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = 'CacheTimeoutError';
  }
}

// node-redis' own command timeout only covers commands still waiting to be written, not ones awaiting a reply.
function withTimeout<R>(promise: Promise<R>, timeoutMs: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
