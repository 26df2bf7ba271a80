import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { createApiKeyService } from './api-key-service.ts';
import { createCachedKeyStore } from './cached-key-store.ts';
import { TEST_PEPPER, countCalls, defineKeyStoreContract, makeRecord } from './key-store-contract.ts';
import type { KeyStore } from './key-store.ts';
import { requireRedisInCi, sharedRedisUrl } from '@omnigraph/shared/testing';
import { createRedisKeyStore } from './redis-key-store.ts';

const redisUrl = sharedRedisUrl;
requireRedisInCi('the Redis key store tests', { sharedRedis: true });

// Keys live under a random run prefix and are deleted afterwards; never FLUSHALL/FLUSHDB the shared Redis.
describe.skipIf(!redisUrl)('createRedisKeyStore against REDIS_URL', () => {
  const runPrefix = `omnigraph-test:auth:${randomUUID()}:`;
  const admin = createClient({ url: redisUrl ?? 'redis://unused' });
  let n = 0;
  const prefixOf = new WeakMap<object, string>();
  const open = async (keyPrefix = `${runPrefix}${n++}:`) => {
    const store = await createRedisKeyStore({ redisUrl: redisUrl ?? '', keyPrefix });
    prefixOf.set(store, keyPrefix);
    return store;
  };

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await admin.del(keys);
    await admin.close();
  });

  defineKeyStoreContract(
    'redis',
    () => open(),
    (first) => open(prefixOf.get(first)),
  );
  defineKeyStoreContract('cached(redis)', async () => createCachedKeyStore(await open()));

  it('writes usage as one hash per key and day that expires after the retention period', async () => {
    const store = await open();
    const prefix = prefixOf.get(store)!;
    const day = new Date().toISOString().slice(0, 10);
    await store.addUsage([{ keyId: 'AAAAAAAA', day, requests: 2, cost: 1.5, upstreamCalls: 3, errors: 0 }]);
    expect(await admin.hGetAll(`${prefix}usage:AAAAAAAA:${day}`)).toEqual({ requests: '2', cost: '1.5', upstreamCalls: '3' });
    const ttl = await admin.ttl(`${prefix}usage:AAAAAAAA:${day}`);
    expect(ttl).toBeGreaterThan(399 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
    await store.close();
  });

  it('stores one hash per record and no raw key anywhere under its prefix', async () => {
    const prefix = `${runPrefix}layout:`;
    const store = await open(prefix);
    const { key, record } = makeRecord();
    await store.create(record);
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) keys.push(...batch);
    expect(keys.sort()).toEqual(
      [`${prefix}hash:${record.hash}`, `${prefix}ids`, `${prefix}key:${record.keyId}`, `${prefix}owner:${record.ownerId}`].sort(),
    );
    const dump = JSON.stringify(await admin.hGetAll(`${prefix}key:${record.keyId}`));
    expect(dump).not.toContain(key);
    await store.close();
  });

  it('fails creation fast when Redis is unreachable', async () => {
    const started = performance.now();
    await expect(createRedisKeyStore({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: `${runPrefix}dead:`, connectTimeoutMs: 300 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('revocation on one replica is refused by another replica within 1 s, despite its warm cache', async () => {
    const prefix = `${runPrefix}replicas:`;
    // Two independent replicas: each has its own Redis connections, subscriber and in-process cache. The cache TTL
    // is a minute, so only the pub/sub invalidation can make replica B refuse the key in time.
    const counted = countCalls(await open(prefix));
    const replicaA: KeyStore = createCachedKeyStore(await open(prefix), { ttlMs: 60_000 });
    const replicaB: KeyStore = createCachedKeyStore(counted.store, { ttlMs: 60_000 });
    const serviceA = createApiKeyService({ store: replicaA, pepper: TEST_PEPPER, env: 'test' });
    const serviceB = createApiKeyService({ store: replicaB, pepper: TEST_PEPPER, env: 'test' });
    try {
      const { key, record } = await serviceA.createKey({
        name: 'Ceneo',
        ownerId: 'partner-ceneo',
        scopes: ['catalog:read', 'stock:read'],
        rateLimitPerMinute: 600,
      });
      expect((await serviceA.authenticate(key)).ok).toBe(true);
      expect((await serviceB.authenticate(key)).ok).toBe(true);
      expect((await serviceB.authenticate(key)).ok).toBe(true);
      // B answered the second time from its cache: without the broadcast it would keep accepting for a minute.
      expect(counted.calls['getByHash']).toBe(1);

      const started = performance.now();
      await serviceA.revoke(record.keyId);
      // The revoking replica refuses at once (its own listener ran before revoke() returned).
      expect(await serviceA.authenticate(key)).toEqual({ ok: false, reason: 'REVOKED' });
      let elapsed = Number.POSITIVE_INFINITY;
      while (performance.now() - started < 2_000) {
        const result = await serviceB.authenticate(key);
        if (!result.ok) {
          expect(result.reason).toBe('REVOKED');
          elapsed = performance.now() - started;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // A correctness bound (issue 4: "refused by both replicas within 1 s"), not a benchmark.
      console.info(`[revocation propagation] replica B refused the revoked key after ${elapsed.toFixed(1)} ms`);
      expect(elapsed).toBeLessThanOrEqual(1_000);
    } finally {
      await Promise.all([replicaA.close(), replicaB.close()]);
    }
  });

  it('drops every cached entry when its subscriber reconnects (messages may have been missed)', async () => {
    const prefix = `${runPrefix}reconnect:`;
    const clientName = `omnigraph-test-auth-${randomUUID()}`;
    const inner = await createRedisKeyStore({ redisUrl: redisUrl ?? '', keyPrefix: prefix, clientName });
    const counted = countCalls(inner);
    const cached = createCachedKeyStore(counted.store, { ttlMs: 60_000 });
    try {
      const { record } = makeRecord();
      await cached.create(record);
      await cached.getByHash(record.hash);
      await cached.getByHash(record.hash);
      expect(counted.calls['getByHash']).toBe(1);
      // Kill only our own subscriber connection (found by its unique name), never anyone else's.
      const clients = String(await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub']));
      const line = clients.split('\n').find((l) => l.includes(`name=${clientName}:sub `));
      const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
      expect(id).toBeDefined();
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', id ?? '']);
      const deadline = performance.now() + 5_000;
      while (performance.now() < deadline) {
        await cached.getByHash(record.hash);
        if ((counted.calls['getByHash'] ?? 0) > 1) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(counted.calls['getByHash']).toBe(2);
      // And the resubscribed connection still delivers revocations.
      const other = await open(prefix);
      await other.revoke(record.keyId, new Date());
      await other.close();
      const until = performance.now() + 1_000;
      let seen = await cached.getByHash(record.hash);
      while (seen?.revokedAt === undefined && performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen = await cached.getByHash(record.hash);
      }
      expect(seen?.revokedAt).toBeDefined();
    } finally {
      await cached.close();
    }
  });

  it('a rotation on one replica shortens the old key on the other replica too', async () => {
    const prefix = `${runPrefix}rotate:`;
    const replicaA = createCachedKeyStore(await open(prefix), { ttlMs: 60_000 });
    const replicaB = createCachedKeyStore(await open(prefix), { ttlMs: 60_000 });
    let now = new Date('2026-05-01T10:00:00.000Z');
    const clock = () => now;
    const serviceA = createApiKeyService({ store: replicaA, pepper: TEST_PEPPER, env: 'test', clock });
    const serviceB = createApiKeyService({ store: replicaB, pepper: TEST_PEPPER, env: 'test', clock });
    try {
      const { key: oldKey, record } = await serviceA.createKey({ name: 'x', ownerId: 'p', scopes: ['catalog:read'], rateLimitPerMinute: 1 });
      expect((await serviceB.authenticate(oldKey)).ok).toBe(true); // cached on B without expiry
      await serviceA.rotate(record.keyId, { overlapSeconds: 60 });
      now = new Date(now.getTime() + 61_000);
      const deadline = performance.now() + 1_000;
      let result = await serviceB.authenticate(oldKey);
      while (result.ok && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        result = await serviceB.authenticate(oldKey);
      }
      expect(result).toEqual({ ok: false, reason: 'EXPIRED' });
    } finally {
      await Promise.all([replicaA.close(), replicaB.close()]);
    }
  });
});
