import { createClient } from 'redis';
import { resilientRedisOptions } from '../cache/redis-client-options.ts';
import type { Logger } from '../logging/index.ts';
import { closeRedisClient } from '../redis/close-redis-client.ts';
import { withTimeout } from '../redis/stall-guard.ts';
import type { ScriptClient } from './redis-script.ts';

// One timeout helper and error for every Redis client of ours (the stall guard's), so callers test one class.
export { RedisTimeoutError, withTimeout } from '../redis/stall-guard.ts';

export interface RedisFailoverOptions {
  redisUrl: string;
  /** CLIENT SETNAME, so an operator sees which limiter holds a connection. */
  clientName: string;
  /** Longest wait for one Redis call before it counts as failed and the caller decides locally. @default 100 */
  timeoutMs?: number | undefined;
  /** While Redis is considered down, how often a PING checks whether it is back. @default 1000 */
  probeIntervalMs?: number | undefined;
  /** How long creation waits for the first connection before starting on the local store. @default 1000 */
  connectWaitMs?: number | undefined;
  /** Receives one `warn` when an outage starts and one `info` when Redis is used again. */
  logger?: Pick<Logger, 'warn' | 'info'> | undefined;
  /** The two log lines, in the words of the limiter using Redis. */
  messages: { down: string; up: string };
  /** Extra fields of the `down` line (e.g. `{ replicas }`). */
  logFields?: Record<string, unknown>;
}

export type FailoverAttempt<R> = { ok: true; value: R } | { ok: false };

/**
 * One Redis connection shared by every replica's limiter, with the switch to a local store while it is unreachable.
 * Redis is either `up` (every call tries it, bounded by timeoutMs) or `down` (every call is refused at once so the
 * caller decides locally, and a PING every probeIntervalMs, taken on a call, no timers, decides when to go back).
 * Going local on the first failure instead of paying the timeout on every call keeps a stalled Redis down to one
 * short delay, and keeps scripts from piling up on a stalled socket, where each would still run (and count) once
 * Redis resumes.
 */
export interface RedisFailover {
  /** Runs `op` on Redis within timeoutMs; `{ ok: false }` when Redis is down, slow or failed. Never rejects. */
  run<R>(op: (redis: ScriptClient) => Promise<R>): Promise<FailoverAttempt<R>>;
  /** Whether calls currently go to Redis. */
  readonly up: boolean;
  close(): Promise<void>;
}

export async function createRedisFailover(options: RedisFailoverOptions): Promise<RedisFailover> {
  const timeoutMs = options.timeoutMs ?? 100;
  const probeIntervalMs = options.probeIntervalMs ?? 1_000;
  const connectWaitMs = options.connectWaitMs ?? 1_000;
  const { logger, messages } = options;
  const redis = createClient(resilientRedisOptions(options.redisUrl, options.clientName));

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
    if (!closed) logger?.warn({ err: error, ...options.logFields }, messages.down);
  }

  function probe(): void {
    if (probing || closed || Date.now() < nextProbeAt || !redis.isReady) return;
    probing = true;
    withTimeout(redis.ping(), timeoutMs)
      .then(
        () => {
          up = true;
          logger?.info({ outageMs: Date.now() - downSince }, messages.up);
        },
        () => (nextProbeAt = Date.now() + probeIntervalMs),
      )
      .finally(() => (probing = false));
  }

  // node-redis throws an unhandled 'error' event; reconnects report here too, and markDown logs only the first.
  redis.on('error', (error: unknown) => markDown(error));
  const connected = redis.connect().then(
    () => undefined,
    (error: unknown) => markDown(error),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connected, new Promise<void>((resolve) => (timer = setTimeout(resolve, connectWaitMs)))]);
  clearTimeout(timer);
  if (!redis.isReady) markDown(new Error(`no connection to Redis within ${connectWaitMs} ms`));

  return {
    get up() {
      return up;
    },
    async run(op) {
      if (up && !redis.isReady) markDown(new Error('Redis connection lost'));
      if (!up) {
        probe();
        return { ok: false };
      }
      try {
        return { ok: true, value: await withTimeout(op(redis), timeoutMs) };
      } catch (error) {
        markDown(error);
        return { ok: false };
      }
    },
    async close() {
      closed = true;
      await closeRedisClient(redis);
    },
  };
}
