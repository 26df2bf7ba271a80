import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { requireRedisInCi, sharedRedisUrl } from '../testing/redis-prerequisites.ts';
import { deleteKeysWithPrefix, keysWithPrefix } from '../testing/redis-keys.ts';
import { createMemoryIdempotencyStore } from './store-memory.ts';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from './store-redis.ts';
import { defineIdempotencyStoreContract, newRecord } from './store-contract.ts';
import type { IdempotencyStore } from './write-types.ts';

requireRedisInCi('the Redis idempotency store contract', { sharedRedis: true });

defineIdempotencyStoreContract('memory', ({ now }) => createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600, now }));

describe('memory idempotency store', () => {
  it('forgets a record ttlSeconds after its last save', async () => {
    const clock = { at: 0 };
    const store = createMemoryIdempotencyStore({ ttlSeconds: 100, now: () => clock.at });
    const record = newRecord();
    await store.claim(record, 'A', 1_000);
    clock.at = 90_000;
    await store.save(record, 'A', 0);
    clock.at = 180_000;
    expect(await store.get(record.scope, record.idempotencyKey)).toBeDefined();
    clock.at = 190_001;
    expect(await store.get(record.scope, record.idempotencyKey)).toBeUndefined();
  });
});

// ── Against the shared Redis (REDIS_URL): keys under a random run prefix, deleted after; never FLUSHDB.
describe.skipIf(!sharedRedisUrl)('Redis idempotency store against REDIS_URL', () => {
  const runPrefix = `omnigraph-test:${randomUUID()}:writes:`;
  const redis = createClient({ url: sharedRedisUrl ?? 'redis://unused' });
  const stores: IdempotencyStore[] = [];

  async function redisStore(prefix: string, now?: () => number): Promise<RedisIdempotencyStore> {
    const store = createRedisIdempotencyStore({
      redisUrl: sharedRedisUrl!,
      prefix: runPrefix + prefix,
      ttlSeconds: 48 * 3600,
      ...(now ? { now } : {}),
    });
    stores.push(store);
    expect(await store.whenReady(5_000)).toBe(true);
    return store;
  }

  beforeAll(async () => {
    await redis.connect();
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await deleteKeysWithPrefix(redis, runPrefix);
    await redis.close();
  });

  defineIdempotencyStoreContract('redis', ({ prefix, now }) => redisStore(prefix, now));

  it('names keys by sha-256 only (no subject, no client key) and keeps records for ttlSeconds after every save', async () => {
    const store = await redisStore('names:');
    const record = newRecord({ scope: 'partner-key-with-a-name', idempotencyKey: 'client-key-7f3a' });
    await store.claim(record, 'A', 15_000);
    const keys = await keysWithPrefix(redis, `${runPrefix}names:`);
    expect(keys.sort()).toEqual([`${runPrefix}names:due`, expect.stringMatching(new RegExp(`^${runPrefix}names:record:[0-9a-f]{64}$`))]);
    expect(keys.join(' ')).not.toMatch(/partner-key|client-key/);
    const recordKey = keys.find((k) => k.includes(':record:'))!;
    const ttl = await redis.pTTL(recordKey);
    expect(ttl).toBeGreaterThan(48 * 3600 * 1000 - 60_000);
    await redis.pExpire(recordKey, 60_000);
    await store.save(record, 'A', 15_000);
    expect(await redis.pTTL(recordKey)).toBeGreaterThan(48 * 3600 * 1000 - 60_000);
  });

  it('cleans due entries whose record expired', async () => {
    const store = await redisStore('dangling:');
    const record = newRecord();
    await store.claim(record, 'A', 1);
    await store.save({ ...record, nextAttemptAt: Date.now() - 1 }, 'A', 0);
    const dueKey = `${runPrefix}dangling:due`;
    expect(await redis.zCard(dueKey)).toBe(1);
    // what a TTL does after 48 h
    const [recordKey] = await redis.keys(`${runPrefix}dangling:record:*`);
    await redis.del(recordKey!);
    expect(await store.due(Date.now(), 10)).toEqual([]);
    expect(await redis.zCard(dueKey)).toBe(0);
  });

  it('works on a client the caller owns, and leaves it open at close()', async () => {
    const store = createRedisIdempotencyStore({ client: redis, prefix: `${runPrefix}own-client:`, ttlSeconds: 48 * 3600 });
    const record = newRecord();
    expect((await store.claim(record, 'A', 15_000)).claimed).toBe(true);
    await store.close();
    expect(redis.isOpen).toBe(true);
    expect(await redis.exists(`${runPrefix}own-client:due`)).toBe(1);
  });

  it('two clients on one Redis: of 100 simultaneous claims of one key exactly one wins', async () => {
    const a = await redisStore('race:');
    const b = await redisStore('race:');
    const record = newRecord();
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).claim(record, `owner-${i}`, 15_000)));
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
  });
});
