import { createRedisFailover, RedisTimeoutError } from '@omnigraph/shared/limits';
import { createLocalStore } from './local-store.ts';
import { shareOf, toDecision, validate } from './policy.ts';
import { createRedisStore } from './redis-store.ts';
import type { RateLimiter, RateLimiterOptions } from './types.ts';

/** A Redis call that outlived `timeoutMs` (the shared failover's error, under the name this module always used). */
export { RedisTimeoutError as RateLimitTimeoutError };

/**
 * Redis-backed limits shared by all replicas, with a per-replica local fallback. The switching (timeoutMs per call,
 * local at once after the first failure, one warn per outage, a PING back to Redis) is the shared `RedisFailover`,
 * the same as for the upstream budgets.
 */
export async function createRateLimiter(options: RateLimiterOptions): Promise<RateLimiter> {
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be an integer ≥ 1, got ${replicas}`);
  const local = createLocalStore(options.now ?? Date.now);

  if (options.redisUrl === undefined || options.redisUrl === '') {
    // No shared store: this process is the only replica and enforces the whole limit.
    return {
      async consume(subject, policy, cost) {
        validate(policy, cost);
        return toDecision(local.consume(subject, shareOf(policy, 1), cost), policy, 'local');
      },
      async close() {},
    };
  }

  const failover = await createRedisFailover({
    redisUrl: options.redisUrl,
    clientName: 'omnigraph-gateway-ratelimit',
    timeoutMs: options.timeoutMs,
    probeIntervalMs: options.probeIntervalMs,
    connectWaitMs: options.connectWaitMs,
    logger: options.logger,
    messages: {
      down: 'rate limiter: Redis unavailable, enforcing a local share of each limit',
      up: 'rate limiter: Redis reachable again, limits shared again',
    },
    logFields: { replicas },
  });
  const store = createRedisStore(options.keyPrefix ?? 'ratelimit:v1:');

  return {
    async consume(subject, policy, cost) {
      validate(policy, cost);
      const shared = await failover.run((redis) => store.consume(redis, subject, shareOf(policy, 1), cost));
      if (shared.ok) return toDecision(shared.value, policy, 'redis');
      return toDecision(local.consume(subject, shareOf(policy, replicas), cost), policy, 'local');
    },
    close: () => failover.close(),
  };
}
