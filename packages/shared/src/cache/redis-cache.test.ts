import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { findFreePort } from '../testing/start-test-http-server.ts';
import { isRedisServerAvailable, startRedisServer } from '../testing/start-redis-server.ts';
import type { DisposableRedisServer } from '../testing/start-redis-server.ts';
import { inCi, requireRedisInCi, sharedRedisUrl } from '../testing/redis-prerequisites.ts';
import type { CacheErrorHandler, ManagedCache } from './cache.ts';
import { createCacheFromEnv } from './create-cache-from-env.ts';
import { defineCacheContract } from './define-cache-contract.ts';
import { CacheTimeoutError, createRedisCache } from './redis-cache.ts';

const redisUrl = sharedRedisUrl;
requireRedisInCi('the Redis cache contract and outage tests', { sharedRedis: true, redisServerBinary: true });

// ── The contract against the shared Redis (REDIS_URL). Keys live under a random run prefix and are deleted after;
//    never FLUSHALL/FLUSHDB: other suites and developers use the same Redis.
describe.skipIf(!redisUrl)('createRedisCache against REDIS_URL', () => {
  const runPrefix = `omnigraph-test:${randomUUID()}:`;
  const redis = createClient({ url: redisUrl ?? 'redis://unused' });
  // Rethrowing fails the very test whose Redis call went wrong, instead of hiding it behind a miss.
  const onError: CacheErrorHandler = (error) => {
    throw error;
  };

  beforeAll(async () => {
    await redis.connect();
  });

  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  defineCacheContract('redis', ({ keyPrefix }) => createRedisCache({ redis, keyPrefix: runPrefix + keyPrefix, onError }));

  it('treats an entry that is not JSON as a miss and reports it', async () => {
    const seen: Array<{ error: unknown; operation: string }> = [];
    const cache = createRedisCache({
      redis,
      keyPrefix: `${runPrefix}corrupt:`,
      onError: (error, context) => seen.push({ error, operation: context.operation }),
    });
    await redis.set(`${runPrefix}corrupt:bad`, '{not json', { PX: 60_000 });
    await cache.set('good', { ok: true }, 60);
    expect(await cache.get('bad')).toBeUndefined();
    expect(await cache.getMany(['good', 'bad'])).toEqual([{ ok: true }, undefined]);
    expect(seen.map((s) => s.operation)).toEqual(['get', 'getMany']);
    expect(seen[0]?.error).toBeInstanceOf(SyntaxError);
  });

  it('refuses an empty key prefix', () => {
    expect(() => createRedisCache({ redis, keyPrefix: '', onError })).toThrow(/keyPrefix/);
  });
});

// ── Outages, against a private redis-server this file starts and kills. The shared Redis is never stopped or paused.
describe.skipIf(!inCi && !isRedisServerAvailable())('createCacheFromEnv during a Redis outage', () => {
  let server: DisposableRedisServer | undefined;
  let cache: ManagedCache | undefined;

  afterAll(async () => {
    await cache?.close();
    await server?.kill();
  });

  function collectErrors() {
    const seen: Array<{ error: unknown; operation: string }> = [];
    const onError: CacheErrorHandler = (error, context) => seen.push({ error, operation: context.operation });
    return { seen, onError };
  }

  it('keeps answering — misses and no-ops — after Redis dies, and reports each failure', async () => {
    server = await startRedisServer();
    const { seen, onError } = collectErrors();
    cache = await createCacheFromEnv({ redisUrl: server.url, keyPrefix: 'outage:v1:', onError });
    await cache.set('k', { v: 1 }, 60);
    expect(await cache.get('k')).toEqual({ v: 1 });
    expect(seen).toEqual([]);

    await server.kill();

    const started = performance.now();
    expect(await cache.get('k')).toBeUndefined();
    await expect(cache.set('k', { v: 2 }, 60)).resolves.toBeUndefined();
    await expect(cache.delete('k')).resolves.toBeUndefined();
    expect(await cache.getMany(['k', 'other'])).toEqual([undefined, undefined]);
    // Fails fast rather than queueing until Redis returns.
    expect(performance.now() - started).toBeLessThan(1_000);

    // The first failure is reported; the misses that follow while Redis is suspect are not (one log per outage).
    expect(seen.filter((s) => s.operation !== 'connect').map((s) => s.operation)).toEqual(['get']);
    await cache.close();
    cache = undefined;
  });

  it('pays one operationTimeoutMs per stall, then misses at once, and hits again after SIGCONT', async () => {
    const stalled = await startRedisServer();
    const { seen, onError } = collectErrors();
    const stalledCache = await createCacheFromEnv({
      redisUrl: stalled.url,
      keyPrefix: 'stall:v1:',
      onError,
      operationTimeoutMs: 1_000,
    });
    try {
      await stalledCache.set('k', 'v', 60);
      stalled.signal('SIGSTOP'); // our own server only: the socket stays open but nothing answers
      const started = performance.now();
      expect(await stalledCache.get('k')).toBeUndefined();
      expect(performance.now() - started).toBeGreaterThanOrEqual(900); // the one timeout of this stall
      expect(seen.at(-1)?.error).toBeInstanceOf(CacheTimeoutError);
      // Suspect now: 20 reads one after the other take less than one timeout together, and none is reported again.
      const next = performance.now();
      for (let i = 0; i < 20; i++) expect(await stalledCache.get('k')).toBeUndefined();
      expect(performance.now() - next).toBeLessThan(1_000);
      expect(seen.filter((s) => s.operation !== 'connect')).toHaveLength(1);

      stalled.signal('SIGCONT');
      await vi.waitFor(async () => expect(await stalledCache.get('k')).toBe('v'), { timeout: 8_000, interval: 100 });
    } finally {
      await stalledCache.close();
      await stalled.kill(); // SIGKILL ends a stopped process too
    }
  });

  it('boots without Redis and serves misses while it is unreachable', async () => {
    const deadPort = await findFreePort();
    const { seen, onError } = collectErrors();
    const started = performance.now();
    const offline = await createCacheFromEnv({
      redisUrl: `redis://127.0.0.1:${deadPort}`,
      keyPrefix: 'offline:v1:',
      onError,
      connectWaitMs: 300,
    });
    try {
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await offline.get('k')).toBeUndefined();
      await expect(offline.set('k', 'v', 60)).resolves.toBeUndefined();
      expect(seen.some((s) => s.operation === 'connect')).toBe(true);
      expect(seen.some((s) => s.operation === 'get')).toBe(true);
    } finally {
      await offline.close();
    }
  });
});
