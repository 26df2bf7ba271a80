import { createClient } from 'redis';
import type { CacheErrorHandler, ManagedCache } from './cache.ts';
import { createMemoryCache } from './memory-cache.ts';
import { closeRedisClient } from '../redis/close-redis-client.ts';
import { createRedisCache } from './redis-cache.ts';
import { resilientRedisOptions } from './redis-client-options.ts';

export interface CacheFromEnvOptions {
  /** `redis://…`; when absent the cache is in-process memory (local runs, tests). */
  redisUrl?: string | undefined;
  /** See RedisCacheOptions.keyPrefix: required, e.g. `erp:v1:`. */
  keyPrefix: string;
  /** Receives swallowed Redis failures, including every failed (re)connect attempt. */
  onError: CacheErrorHandler;
  /** Memory cache entries at most when no Redis URL is given. @default 10_000 */
  maxEntries?: number;
  /** Memory cache bytes at most (values and keys) when no Redis URL is given. @default 32 MiB */
  maxBytes?: number;
  /**
   * How long boot waits for the first Redis connection before going on without it (commands then miss until the
   * background reconnect succeeds).
   * @default 1_000
   */
  connectWaitMs?: number;
  /** See RedisCacheOptions.operationTimeoutMs. @default 200 */
  operationTimeoutMs?: number;
}

/**
 * Redis when a URL is configured, memory otherwise. Never throws because Redis is down: a service must boot and
 * serve (uncached) during a Redis outage.
 */
export async function createCacheFromEnv(options: CacheFromEnvOptions): Promise<ManagedCache> {
  if (options.redisUrl === undefined || options.redisUrl === '') {
    const memory = createMemoryCache({
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    return { ...memory, close: async () => {} };
  }

  const redis = createClient(resilientRedisOptions(options.redisUrl));
  // node-redis throws from an unhandled 'error' event, which would crash the process on the first disconnect.
  redis.on('error', (error: unknown) => options.onError(error, { operation: 'connect' }));

  const connected = redis.connect().then(
    () => undefined,
    (error: unknown) => options.onError(error, { operation: 'connect' }),
  );
  let timer: NodeJS.Timeout | undefined;
  const waitMs = options.connectWaitMs ?? 1_000;
  await Promise.race([connected, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);

  const cache = createRedisCache({
    redis,
    keyPrefix: options.keyPrefix,
    onError: options.onError,
    isReady: () => redis.isReady,
    ...(options.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: options.operationTimeoutMs }),
  });
  return {
    ...cache,
    async close() {
      await closeRedisClient(redis);
    },
  };
}
