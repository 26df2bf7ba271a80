// Building blocks shared by every limiter that replicas share through Redis (the gateway's per-key rate limits, the
// upstream budgets): one Redis connection policy with a local fallback, scripts by SHA1, the sliding-window log.
export type { FailoverAttempt, RedisFailover, RedisFailoverOptions } from './redis-failover.ts';
export { createRedisFailover, RedisTimeoutError, withTimeout } from './redis-failover.ts';
export type { RedisScript, ScriptClient } from './redis-script.ts';
export { defineRedisScript } from './redis-script.ts';
export type { SlidingWindowLog } from './sliding-window.ts';
export { createSlidingWindowLog, SLIDING_WINDOW_LUA } from './sliding-window.ts';
