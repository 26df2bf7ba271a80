import { createRedisStallGuard, RedisSuspectError, RedisTimeoutError } from '../redis/stall-guard.ts';
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
  /** While Redis is suspect (after one timeout), how often it is probed; every command is a miss meanwhile. @default 1_000 */
  probeIntervalMs?: number;
  /** node-redis `isReady`: while disconnected, commands miss at once. */
  isReady?: () => boolean;
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
  // One timeout per outage, not one per command: afterwards every command is a miss at once until a probe answers.
  const guard = createRedisStallGuard({
    timeoutMs,
    probe: () => redis.get(k('__stall-probe')),
    ...(options.probeIntervalMs === undefined ? {} : { probeIntervalMs: options.probeIntervalMs }),
    ...(options.isReady === undefined ? {} : { isReady: options.isReady }),
  });

  async function guarded<R>(
    operation: 'get' | 'getMany' | 'set' | 'delete',
    key: string | undefined,
    run: () => Promise<R>,
    fallback: R,
  ): Promise<R> {
    try {
      return await guard.run(run);
    } catch (error) {
      // The failure that made Redis suspect was reported; the misses that follow it are not news.
      if (!(error instanceof RedisSuspectError)) onError(error, key === undefined ? { operation } : { operation, key });
      return fallback;
    }
  }

  return {
    get<T>(key: string) {
      return guarded<T | undefined>(
        'get',
        key,
        async () => {
          const text = await redis.get(k(key));
          return text === null ? undefined : deserialize<T>(text);
        },
        undefined,
      );
    },
    async getMany<T>(keys: readonly string[]) {
      if (keys.length === 0) return [];
      const misses = keys.map((): T | undefined => undefined);
      return guarded<Array<T | undefined>>(
        'getMany',
        undefined,
        async () => {
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
        },
        misses,
      );
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

/** Kept under its old name for callers that test for a cache timeout. */
export const CacheTimeoutError = RedisTimeoutError;
