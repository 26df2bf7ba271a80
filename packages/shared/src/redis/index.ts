export type { RedisStallGuard, RedisStallGuardOptions } from './stall-guard.ts';
export { createRedisStallGuard, RedisSuspectError, RedisTimeoutError, withTimeout } from './stall-guard.ts';
