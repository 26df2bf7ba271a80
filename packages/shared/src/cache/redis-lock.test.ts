import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRedisInCi, sharedRedisUrl } from '../testing/redis-prerequisites.ts';
import { LockWaitTimeoutError, withRedisLock, type RedisLockClient } from './redis-lock.ts';

requireRedisInCi('the Redis lock', { sharedRedis: true });

describe.skipIf(!sharedRedisUrl)('withRedisLock against REDIS_URL', () => {
  const prefix = `omnigraph-test:${randomUUID()}:`;
  // two connections, as two replicas would have
  const a = createClient({ url: sharedRedisUrl ?? 'redis://unused' });
  const b = createClient({ url: sharedRedisUrl ?? 'redis://unused' });
  const asLockClient = (c: typeof a) => c as unknown as RedisLockClient;
  beforeAll(async () => {
    await a.connect();
    await b.connect();
  });
  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of a.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await a.del(keys);
    await a.close();
    await b.close();
  });

  it('runs one holder at a time across connections, and frees the key after', async () => {
    const key = `${prefix}mutex`;
    let inside = 0;
    let maxInside = 0;
    const critical = async () => {
      inside += 1;
      maxInside = Math.max(maxInside, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside -= 1;
    };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withRedisLock(asLockClient(i % 2 === 0 ? a : b), { key, ttlMs: 5_000, waitMs: 5_000, pollMs: 5 }, critical),
      ),
    );
    expect(maxInside).toBe(1);
    expect(await a.exists(key)).toBe(0);
  });

  it("gives up after waitMs, and a holder whose lock expired does not release the next holder's lock", async () => {
    const key = `${prefix}expiring`;
    let release!: () => void;
    const slow = withRedisLock(asLockClient(a), { key, ttlMs: 500, waitMs: 1_000 }, () => new Promise<void>((r) => (release = r)));
    await expect(withRedisLock(asLockClient(b), { key, ttlMs: 5_000, waitMs: 30 }, async () => 'x')).rejects.toBeInstanceOf(LockWaitTimeoutError);
    // the first holder's lock expires (500 ms: long enough that a busy machine still refuses the 30 ms waiter); a second holder takes it and is still inside when the first finishes
    let secondInside!: () => void;
    const second = withRedisLock(
      asLockClient(b),
      { key, ttlMs: 5_000, waitMs: 2_000, pollMs: 10 },
      () => new Promise<void>((r) => (secondInside = r)),
    );
    await new Promise((resolve) => setTimeout(resolve, 900));
    release();
    await slow;
    expect(await a.exists(key)).toBe(1);
    secondInside();
    await second;
    expect(await a.exists(key)).toBe(0);
  });
});
