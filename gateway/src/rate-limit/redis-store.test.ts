import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { requireRedisInCi, sharedRedisUrl } from '@omnigraph/shared/testing';
import { createRateLimiter } from './index.ts';
import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from './index.ts';

const redisUrl = sharedRedisUrl;
requireRedisInCi('the shared rate-limit tests', { sharedRedis: true });

// The shared Redis: every test gets its own key prefix, deleted afterwards; never FLUSHALL/FLUSHDB.
describe.skipIf(!redisUrl)('rate limits shared through REDIS_URL by two replicas', () => {
  const runPrefix = `omnigraph-test:ratelimit:${randomUUID()}:`;
  const admin = createClient({ url: redisUrl ?? 'redis://unused' });
  const limiters: RateLimiter[] = [];

  /** Two limiters with their own connections, as two gateway replicas would have. */
  async function replicas(): Promise<[RateLimiter, RateLimiter, string]> {
    const keyPrefix = `${runPrefix}${randomUUID()}:`;
    const made = await Promise.all([0, 1].map(() => createRateLimiter({ redisUrl, keyPrefix, replicas: 2, timeoutMs: 1_000 })));
    limiters.push(...made);
    return [made[0] as RateLimiter, made[1] as RateLimiter, keyPrefix];
  }

  /** `total` concurrent requests, alternating between the replicas. */
  function hammer(pair: [RateLimiter, RateLimiter], total: number, policy: RateLimitPolicy, cost = 0) {
    return Promise.all(Array.from({ length: total }, (_, i) => pair[i % 2]!.consume('partner-1', policy, cost)));
  }

  const allowed = (decisions: RateLimitDecision[]) => decisions.filter((d) => d.allowed).length;

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await admin.del(keys);
    await admin.close();
  });

  it('admits exactly N of 5×N concurrent requests across both replicas', async () => {
    const [a, b] = await replicas();
    const decisions = await hammer([a, b], 250, { requestsPerMinute: 50 });
    expect(allowed(decisions)).toBe(50);
    expect(decisions.every((d) => d.store === 'redis')).toBe(true);
    const refused = decisions.filter((d) => !d.allowed);
    expect(new Set(refused.map((d) => d.reason))).toEqual(new Set(['RATE_LIMITED']));
    // Every slot was taken within the last moments, so each frees up about a minute from now.
    for (const d of refused) expect(d.retryAfterSeconds).toBeGreaterThanOrEqual(55);
    for (const d of refused) expect(d.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(Math.min(...decisions.filter((d) => d.allowed).map((d) => d.remaining))).toBe(0);
  });

  it('shares the cost budget across both replicas', async () => {
    const [a, b] = await replicas();
    const decisions = await hammer([a, b], 30, { requestsPerMinute: 1_000, costPerMinute: 100 }, 10);
    expect(allowed(decisions)).toBe(10);
    const refused = decisions.filter((d) => !d.allowed);
    expect(new Set(refused.map((d) => d.reason))).toEqual(new Set(['COST_LIMIT_EXCEEDED']));
    // 10 units refill in 6 s.
    for (const d of refused) expect(d.retryAfterSeconds).toBe(6);
  });

  it('admits a budget that does not divide the minute evenly up to exactly the budget', async () => {
    const [a, b] = await replicas();
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await [a, b][i % 2]!.consume('partner-1', { requestsPerMinute: 100, costPerMinute: 7 }, 1));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it('shares the daily quota across both replicas and refuses until UTC midnight', async () => {
    const [a, b] = await replicas();
    const decisions = await hammer([a, b], 20, { requestsPerMinute: 1_000, quotaPerDay: 7 });
    expect(allowed(decisions)).toBe(7);
    const refused = decisions.filter((d) => !d.allowed);
    expect(new Set(refused.map((d) => d.reason))).toEqual(new Set(['QUOTA_EXCEEDED']));
    const now = Date.now();
    const untilMidnight = Math.ceil((Math.ceil(now / 86_400_000) * 86_400_000 - now) / 1000);
    // Redis TIME and this clock are the same host's; a few seconds cover a midnight roll-over mid-test too.
    for (const d of refused) expect(Math.abs((d.retryAfterSeconds ?? 0) - untilMidnight)).toBeLessThanOrEqual(5);
  });

  it('names quota before requests before cost', async () => {
    const [a, b] = await replicas();
    const policy = { requestsPerMinute: 1, costPerMinute: 10, quotaPerDay: 1 };
    expect((await a.consume('partner-1', policy, 10)).allowed).toBe(true);
    expect((await b.consume('partner-1', policy, 10)).reason).toBe('QUOTA_EXCEEDED');
    expect((await b.consume('partner-1', { requestsPerMinute: 1, costPerMinute: 10 }, 10)).reason).toBe('RATE_LIMITED');
    expect((await b.consume('partner-1', { requestsPerMinute: 2, costPerMinute: 10 }, 10)).reason).toBe('COST_LIMIT_EXCEEDED');
  });

  it('writes nothing for a refused request, and keeps a subject in one cluster slot', async () => {
    const [a, b, keyPrefix] = await replicas();
    const base = `${keyPrefix}{partner-1}:`;
    const policy = { requestsPerMinute: 2, costPerMinute: 10, quotaPerDay: 5 };
    expect((await a.consume('partner-1', policy, 10)).allowed).toBe(true);
    const snapshot = async () => ({
      log: await admin.zRange(`${base}req`, 0, -1),
      cost: await admin.hGetAll(`${base}cost`),
      quota: await admin.hGetAll(`${base}quota`),
    });
    const before = await snapshot();
    expect(before.log).toHaveLength(1);
    expect(before.quota['used']).toBe('1');

    expect((await b.consume('partner-1', policy, 10)).reason).toBe('COST_LIMIT_EXCEEDED');
    expect(await snapshot()).toEqual(before);
    // The refused request took no slot and no quota: a free one still fits, and only then the window is full.
    expect((await b.consume('partner-1', policy, 0)).allowed).toBe(true);
    expect((await a.consume('partner-1', policy, 0)).reason).toBe('RATE_LIMITED');
    expect((await snapshot()).quota['used']).toBe('2');

    // Redis Cluster hashes only the part between the first '{' and the next '}' when there is one.
    const hashTag = (key: string) => key.slice(key.indexOf('{') + 1, key.indexOf('}', key.indexOf('{')));
    expect(['req', 'cost', 'quota'].map((k) => hashTag(`${base}${k}`))).toEqual(Array(3).fill('partner-1'));
    // Nothing outlives what it is needed for: the log a minute, the cost debt its refill, the quota the UTC day.
    expect(await admin.pTTL(`${base}req`)).toBeLessThanOrEqual(60_000);
    expect(await admin.pTTL(`${base}cost`)).toBeLessThanOrEqual(60_001);
    expect(await admin.pTTL(`${base}quota`)).toBeGreaterThan(0);
    expect(await admin.pTTL(`${base}quota`)).toBeLessThanOrEqual(86_400_000);
  });
});
