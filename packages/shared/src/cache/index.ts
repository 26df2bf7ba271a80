export type { Cache, CacheErrorHandler, ManagedCache } from './cache.ts';
export type { CacheFromEnvOptions } from './create-cache-from-env.ts';
export { createCacheFromEnv } from './create-cache-from-env.ts';
export type { MemoryCacheOptions } from './memory-cache.ts';
export { createMemoryCache } from './memory-cache.ts';
export type { RedisCacheClient, RedisCacheOptions } from './redis-cache.ts';
export { CacheTimeoutError, createRedisCache } from './redis-cache.ts';
export { resilientRedisOptions } from './redis-client-options.ts';
