import { randomUUID } from 'node:crypto';

/**
 * The slice of a node-redis v5 client a lock needs. Structural, like RedisCacheClient, so the lock does not care which
 * modules the injected client was created with.
 */
export interface RedisLockClient {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisLockOptions {
  /** the lock's own key, e.g. `marketplace:v1:allegro-token:<clientId>:lock` */
  key: string;
  /**
   * How long the lock lives if its holder dies without releasing it. Must exceed the longest critical section (an
   * HTTP call's timeout plus margin): a lock that expires while its holder still works lets a second holder in.
   */
  ttlMs: number;
  /** How long to wait for another holder before giving up with {@link LockWaitTimeoutError}. */
  waitMs: number;
  /** Pause between attempts while someone else holds the lock (jittered ±50 %). @default 50 */
  pollMs?: number;
}

export class LockWaitTimeoutError extends Error {
  constructor(key: string, waitedMs: number) {
    super(`Lock ${key} still held by another process after ${waitedMs} ms`);
    this.name = 'LockWaitTimeoutError';
  }
}

// Deletes the key only if it still holds our token: a holder whose lock expired (and was taken by another process)
// must not release the new holder's lock.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Runs `critical` while holding a Redis lock (SET NX PX with a random token, released by a token-checked Lua
 * script), so one process of all those sharing the Redis runs it at a time. Waiters poll until the lock is free.
 *
 * Not Redlock: one Redis, as everywhere in Omnigraph. Not `redis-semaphore` either: it speaks ioredis, and Omnigraph
 * uses node-redis; the whole protocol is the two commands below.
 *
 * Redis errors propagate (the caller decides whether going on without the lock is safe; usually it is not).
 */
export async function withRedisLock<T>(redis: RedisLockClient, options: RedisLockOptions, critical: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  const pollMs = options.pollMs ?? 50;
  const startedAt = Date.now();
  for (;;) {
    const acquired = await redis.set(options.key, token, { condition: 'NX', expiration: { type: 'PX', value: options.ttlMs } });
    if (acquired !== null) break;
    const waited = Date.now() - startedAt;
    if (waited >= options.waitMs) throw new LockWaitTimeoutError(options.key, waited);
    await new Promise((resolve) => setTimeout(resolve, pollMs * (0.5 + Math.random())));
  }
  try {
    return await critical();
  } finally {
    // A failed release is harmless: the lock expires after ttlMs.
    await redis.eval(RELEASE_SCRIPT, { keys: [options.key], arguments: [token] }).catch(() => undefined);
  }
}
