import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { requireRedisInCi, sharedRedisUrl } from '../testing/index.ts';
import { bucketKeys } from './budget-stores.ts';
import { maxInAnyWindow, poissonArrivals, prng } from './budget-test-helpers.ts';
import { createUpstreamBudget } from './index.ts';
import type { BudgetDecision, UpstreamBudgetGate, UpstreamBudgetOptions } from './index.ts';

const redisUrl = sharedRedisUrl;
requireRedisInCi('the shared upstream budget tests', { sharedRedis: true });

// HubSpot's real limits: 5 searches per second and 190 calls per 10 s; each search spends both.
const HUBSPOT = { 'hubspot:search': { limit: 5, windowMs: 1_000 }, 'hubspot:all': { limit: 190, windowMs: 10_000 } };
const SEARCH = ['hubspot:search', 'hubspot:all'];

// The shared Redis: every test gets its own key prefix, deleted afterwards; never FLUSHALL/FLUSHDB.
describe.skipIf(!redisUrl)('upstream budget shared through REDIS_URL by two replicas', () => {
  const runPrefix = `omnigraph-test:budget:${randomUUID()}:`;
  const admin = createClient({ url: redisUrl ?? 'redis://unused' });
  const gates: UpstreamBudgetGate[] = [];

  /** Two gates with their own connections, as two replicas of the crm subgraph would have. */
  async function replicas(options: Partial<UpstreamBudgetOptions> = {}): Promise<[UpstreamBudgetGate, UpstreamBudgetGate, string]> {
    const keyPrefix = `${runPrefix}${randomUUID()}:`;
    const made = await Promise.all(
      [0, 1].map(() => createUpstreamBudget({ buckets: HUBSPOT, redisUrl, keyPrefix, replicas: 2, timeoutMs: 1_000, ...options })),
    );
    gates.push(...made);
    return [made[0] as UpstreamBudgetGate, made[1] as UpstreamBudgetGate, keyPrefix];
  }

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(gates.map((g) => g.close()));
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await admin.del(keys);
    await admin.close();
  });

  it(
    'issue 8 - a partner at 50/s and the call center at 2/s through two replicas: the call center is served, ' +
      'HubSpot never gets more than 5 searches in any second',
    async () => {
      const [a, b, keyPrefix] = await replicas();
      const DURATION_MS = 6_000;
      const outcomes: Array<{ priority: string; decision: BudgetDecision }> = [];
      const pending: Promise<void>[] = [];
      const timers: NodeJS.Timeout[] = [];
      const call = (gate: UpstreamBudgetGate, priority: 'bulk' | 'interactive', maxWaitMs: number) =>
        pending.push(gate.acquire({ buckets: SEARCH, priority, maxWaitMs }).then((decision) => void outcomes.push({ priority, decision })));
      // Each replica gets half of each caller's traffic: 25 partner lookups/s and 1 call-center lookup/s.
      for (const [i, gate] of [a, b].entries()) {
        for (let t = i * 20; t < DURATION_MS; t += 40) timers.push(setTimeout(() => call(gate, 'bulk', 250), t));
        for (const t of poissonArrivals(prng(i + 1), 1, DURATION_MS)) timers.push(setTimeout(() => call(gate, 'interactive', 2_000), t));
      }
      await new Promise((resolve) => setTimeout(resolve, DURATION_MS + 100));
      await Promise.all(pending);

      const interactive = outcomes.filter((o) => o.priority === 'interactive');
      const bulk = outcomes.filter((o) => o.priority === 'bulk');
      const grantedInteractive = interactive.filter((o) => o.decision.granted).length;
      expect(interactive.length).toBeGreaterThan(5);
      expect(grantedInteractive / interactive.length).toBeGreaterThanOrEqual(0.99);
      for (const { decision } of bulk.filter((o) => !o.decision.granted)) {
        expect(decision.granted === false && decision.retryAfterMs).toBeGreaterThanOrEqual(1);
      }

      // Every grant is in the 10 s `hubspot:all` log, with its Redis time: nothing has left it yet.
      const [allLog] = bucketKeys(keyPrefix, 'hubspot:all');
      const logged = (await admin.zRangeWithScores(allLog, 0, -1)).map((e) => e.score / 1000);
      const granted = outcomes.filter((o) => o.decision.granted).length;
      expect(logged).toHaveLength(granted);
      const perSecond = maxInAnyWindow(logged, 1_000);
      expect(perSecond).toBeLessThanOrEqual(5);
      // The budget over the span of the grants: 5 per started second.
      const budget = 5 * Math.ceil((Math.max(...logged) - Math.min(...logged) + 1) / 1_000);
      expect(granted).toBeLessThanOrEqual(budget * 1.01);
      console.info(
        `two replicas, ${DURATION_MS / 1000} s real time: interactive ${grantedInteractive}/${interactive.length} granted, ` +
          `bulk ${bulk.filter((o) => o.decision.granted).length}/${bulk.length}, grants ${granted} of a budget of ${budget}, ` +
          `max searches in any 1 s (Redis TIME) ${perSecond}`,
      );
      timers.forEach(clearTimeout);
    },
    20_000,
  );

  it('holds one budget across both replicas when both ask for far more than it', async () => {
    // `allegro:log` only records: its limit is never reached and its 60 s window keeps every grant with its Redis time.
    const buckets = { 'allegro:all': { limit: 100, windowMs: 1_000 }, 'allegro:log': { limit: 1_000_000, windowMs: 60_000 } };
    const [a, b, keyPrefix] = await replicas({ buckets });
    let granted = 0;
    let asked = 0;
    const started = Date.now();
    while (Date.now() - started < 3_000) {
      const wave = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 === 0 ? a : b).acquire({ buckets: ['allegro:all', 'allegro:log'], priority: 'interactive', maxWaitMs: 0 }),
        ),
      );
      asked += wave.length;
      granted += wave.filter((d) => d.granted).length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [log] = bucketKeys(keyPrefix, 'allegro:log');
    const logged = (await admin.zRangeWithScores(log, 0, -1)).map((e) => e.score / 1000);
    expect(logged).toHaveLength(granted);
    expect(maxInAnyWindow(logged, 1_000)).toBeLessThanOrEqual(100);
    const budget = 100 * Math.ceil((Math.max(...logged) - Math.min(...logged) + 1) / 1_000);
    expect(granted).toBeLessThanOrEqual(budget * 1.01);
    // It is the budget that stops them, not something else: nearly all of it is used.
    expect(granted).toBeGreaterThanOrEqual(budget * 0.9);
    console.info(`two replicas saturating a 100/s bucket: ${granted} granted of ${asked} asked, budget ${budget}`);
  });

  it("blocks every replica after one replica's 429 with Retry-After", async () => {
    const [a, b] = await replicas();
    const observedAt = Date.now();
    a.observe('hubspot:search', { blockedForMs: 1_500 });
    // observe is fire-and-forget: the block reaches Redis a moment later.
    await vi.waitFor(async () => expect((await b.acquire({ buckets: SEARCH, priority: 'interactive', maxWaitMs: 0 })).granted).toBe(false), {
      timeout: 1_000,
      interval: 10,
    });
    const refused = await b.acquire({ buckets: SEARCH, priority: 'interactive', maxWaitMs: 0 });
    expect(refused.granted === false && refused.retryAfterMs).toBeGreaterThan(1_000);
    expect(refused.granted === false && refused.retryAfterMs).toBeLessThanOrEqual(1_500);
    // A caller willing to wait gets through once the block ends, not before.
    expect(await b.acquire({ buckets: SEARCH, priority: 'interactive', maxWaitMs: 3_000 })).toEqual({ granted: true });
    expect(Date.now() - observedAt).toBeGreaterThanOrEqual(1_450);
    // The search block leaves other HubSpot calls alone.
    expect(await b.acquire({ buckets: ['hubspot:all'], priority: 'bulk', maxWaitMs: 0 })).toEqual({ granted: true });
  });

  it("tightens every replica to the upstream's remaining count", async () => {
    const [a, b, keyPrefix] = await replicas();
    a.observe('hubspot:all', { remaining: 2, windowMs: 10_000 });
    const [, , floor] = bucketKeys(keyPrefix, 'hubspot:all');
    await vi.waitFor(async () => expect(await admin.exists(floor)).toBe(1), { timeout: 1_000, interval: 10 });
    const take = (gate: UpstreamBudgetGate) => gate.acquire({ buckets: ['hubspot:all'], priority: 'interactive', maxWaitMs: 0 });
    expect([(await take(b)).granted, (await take(a)).granted, (await take(b)).granted]).toEqual([true, true, false]);
    const refused = await take(a);
    expect(refused.granted === false && refused.retryAfterMs).toBeGreaterThan(9_000);
  });

  it('writes nothing for a refused call, keeps a product in one cluster slot, and keeps nothing longer than needed', async () => {
    const [a, b, keyPrefix] = await replicas();
    const [searchLog] = bucketKeys(keyPrefix, 'hubspot:search');
    const [allLog] = bucketKeys(keyPrefix, 'hubspot:all');
    for (let i = 0; i < 5; i++) expect((await a.acquire({ buckets: SEARCH, priority: 'interactive', maxWaitMs: 0 })).granted).toBe(true);
    const before = [await admin.zRange(searchLog, 0, -1), await admin.zRange(allLog, 0, -1)];
    expect(before.map((log) => log.length)).toEqual([5, 5]);
    expect((await b.acquire({ buckets: SEARCH, priority: 'interactive', maxWaitMs: 0 })).granted).toBe(false);
    expect([await admin.zRange(searchLog, 0, -1), await admin.zRange(allLog, 0, -1)]).toEqual(before);

    const hashTag = (key: string) => key.slice(key.indexOf('{') + 1, key.indexOf('}', key.indexOf('{')));
    const keys = [...bucketKeys(keyPrefix, 'hubspot:search'), ...bucketKeys(keyPrefix, 'hubspot:all')];
    expect(keys.map(hashTag)).toEqual(Array(6).fill('hubspot'));
    expect(await admin.pTTL(searchLog)).toBeLessThanOrEqual(1_000);
    expect(await admin.pTTL(allLog)).toBeLessThanOrEqual(10_000);
    a.observe('hubspot:search', { blockedForMs: 2_000 });
    const [, block] = bucketKeys(keyPrefix, 'hubspot:search');
    await vi.waitFor(async () => expect(await admin.pTTL(block)).toBeGreaterThan(0), { timeout: 1_000, interval: 10 });
    expect(await admin.pTTL(block)).toBeLessThanOrEqual(2_000);
  });
});
