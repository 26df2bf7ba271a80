import { createClient } from 'redis';
import { resilientRedisOptions } from '@omnigraph/shared/cache';
import { createLocalStore } from './local-store.ts';
import { shareOf, toDecision, validate } from './policy.ts';
import { createRedisStore } from './redis-store.ts';
import type { RateLimiter, RateLimiterOptions } from './types.ts';

export class RateLimitTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = 'RateLimitTimeoutError';
  }
}

/**
 * Redis-backed limits shared by all replicas, with a per-replica local fallback. Redis is either `up` (every call
 * tries it, bounded by timeoutMs) or `down` (every call is local at once, and a background PING every
 * probeIntervalMs decides when to go back). Going local on the first failure, instead of paying the timeout on every
 * request, also keeps scripts from piling up on a stalled socket, where each would still run — and consume — once
 * Redis resumes.
 */
export async function createRateLimiter(options: RateLimiterOptions): Promise<RateLimiter> {
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be an integer ≥ 1, got ${replicas}`);
  const local = createLocalStore(options.now ?? Date.now);
  const { logger } = options;

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

  const timeoutMs = options.timeoutMs ?? 100;
  const probeIntervalMs = options.probeIntervalMs ?? 1_000;
  const redis = createClient(resilientRedisOptions(options.redisUrl, 'omnigraph-gateway-ratelimit'));
  const store = createRedisStore(redis, options.keyPrefix ?? 'ratelimit:v1:');

  let up = true;
  let downSince = 0;
  let nextProbeAt = 0;
  let probing = false;
  let closed = false;

  function markDown(error: unknown): void {
    nextProbeAt = Date.now() + probeIntervalMs;
    if (!up) return;
    up = false;
    downSince = Date.now();
    if (!closed) logger?.warn({ err: error, replicas }, 'rate limiter: Redis unavailable, enforcing a local share of each limit');
  }

  function probe(): void {
    if (probing || closed || Date.now() < nextProbeAt || !redis.isReady) return;
    probing = true;
    withTimeout(redis.ping(), timeoutMs).then(
      () => {
        up = true;
        logger?.info({ outageMs: Date.now() - downSince }, 'rate limiter: Redis reachable again, limits shared again');
      },
      () => (nextProbeAt = Date.now() + probeIntervalMs),
    ).finally(() => (probing = false));
  }

  // node-redis throws an unhandled 'error' event; reconnects report here too, and markDown logs only the first.
  redis.on('error', (error: unknown) => markDown(error));
  const connected = redis.connect().then(() => undefined, (error: unknown) => markDown(error));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connected, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.connectWaitMs ?? 1_000)))]);
  clearTimeout(timer);
  if (!redis.isReady) markDown(new Error(`no connection to Redis within ${options.connectWaitMs ?? 1_000} ms`));

  return {
    async consume(subject, policy, cost) {
      validate(policy, cost);
      if (up && !redis.isReady) markDown(new Error('Redis connection lost'));
      if (up) {
        try {
          const outcome = await withTimeout(store.consume(subject, shareOf(policy, 1), cost), timeoutMs);
          return toDecision(outcome, policy, 'redis');
        } catch (error) {
          markDown(error);
        }
      } else {
        probe();
      }
      return toDecision(local.consume(subject, shareOf(policy, replicas), cost), policy, 'local');
    },
    async close() {
      closed = true;
      if (!redis.isOpen) return;
      // close() waits for in-flight replies, for ever on a stalled Redis: shutdown gives it a moment, then drops it.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 500)));
      const mustDestroy = await Promise.race([redis.close().then(() => false, () => true), gaveUp]);
      clearTimeout(timer);
      if (mustDestroy && redis.isOpen) redis.destroy();
    },
  };
}

// node-redis' own timeout covers only commands not yet written, not ones awaiting a reply.
function withTimeout<R>(promise: Promise<R>, timeoutMs: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RateLimitTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
