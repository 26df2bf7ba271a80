export type { RedisStallGuard, RedisStallGuardOptions } from './stall-guard.ts';
export { createRedisStallGuard, RedisSuspectError, RedisTimeoutError, withTimeout } from './stall-guard.ts';
export type { ClosableRedisClient } from './close-redis-client.ts';
export { closeRedisClient } from './close-redis-client.ts';
