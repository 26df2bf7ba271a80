import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogFn } from 'pino';
import { createClient } from 'redis';
import { findFreePort, inCi, isRedisServerAvailable, requireRedisInCi, startRedisServer } from '../testing/index.ts';
import type { DisposableRedisServer } from '../testing/index.ts';
import { bucketKeys } from './budget-stores.ts';
import { createUpstreamBudget } from './index.ts';
import type { BudgetDecision, UpstreamBudgetGate } from './index.ts';

const TIMEOUT_MS = 100;
// Generous: the point is "bounded by one timeout, not by the outage", not a latency figure.
const BOUND_MS = TIMEOUT_MS + 900;
const BUCKETS = {
  'allegro:all': { limit: 10, windowMs: 60_000 },
  'allegro:events': { limit: 100, windowMs: 60_000 },
  'allegro:offers': { limit: 100, windowMs: 60_000 },
};

requireRedisInCi('the upstream budget outage tests', { redisServerBinary: true });

// Every test here breaks its own private redis-server; the shared Redis is never stopped or paused.
describe.skipIf(!inCi && !isRedisServerAvailable())('upstream budget while Redis is unreachable', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function server(port?: number): Promise<DisposableRedisServer> {
    const started = await startRedisServer(port === undefined ? {} : { port });
    cleanup.push(() => started.kill());
    return started;
  }

  async function setup(url: string) {
    const warn = vi.fn<LogFn>();
    const info = vi.fn<LogFn>();
    const gate = await createUpstreamBudget({
      buckets: BUCKETS,
      redisUrl: url,
      keyPrefix: 'outage:v1:',
      replicas: 2,
      timeoutMs: TIMEOUT_MS,
      probeIntervalMs: 100,
      logger: { warn, info },
    });
    cleanup.push(() => gate.close());
    return { gate, warn, info };
  }

  async function admin(url: string) {
    const client = createClient({ url });
    await client.connect();
    cleanup.push(async () => void (await client.close()));
    return client;
  }

  const take = (gate: UpstreamBudgetGate, bucket = 'allegro:all') => gate.acquire({ buckets: [bucket], priority: 'interactive', maxWaitMs: 0 });

  let slowestMs = 0;
  /** `n` concurrent calls; each settles (never rejects) within BOUND_MS of its start. */
  async function burst(gate: UpstreamBudgetGate, n: number): Promise<BudgetDecision[]> {
    slowestMs = 0;
    return Promise.all(
      Array.from({ length: n }, async () => {
        const started = performance.now();
        const decision = await take(gate);
        slowestMs = Math.max(slowestMs, performance.now() - started);
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        return decision;
      }),
    );
  }
  const granted = (decisions: BudgetDecision[]) => decisions.filter((d) => d.granted).length;

  it('goes local after one timeout when Redis stalls (SIGSTOP), spends its share, logs once, and shares again after SIGCONT', async () => {
    const redis = await server();
    const { gate, warn, info } = await setup(redis.url);
    const inspect = await admin(redis.url);
    const [log] = bucketKeys('outage:v1:', 'allegro:all');
    expect(await take(gate)).toEqual({ granted: true });
    expect(await inspect.zCard(log)).toBe(1);

    redis.signal('SIGSTOP');
    const first = await burst(gate, 20); // these wait for the one timeout
    const firstMs = slowestMs;
    // Afterwards nobody waits for Redis any more: 50 calls in a row take far less than one timeout each.
    const started = performance.now();
    const later: BudgetDecision[] = [];
    for (let i = 0; i < 50; i++) later.push(await take(gate));
    const laterMs = performance.now() - started;
    expect(laterMs).toBeLessThan(50 * TIMEOUT_MS * 0.2);
    // floor(10 / 2 replicas) = 5, less the one this replica took through Redis a moment ago.
    expect(granted([...first, ...later])).toBe(4);
    const refused = [...first, ...later].filter((d) => !d.granted);
    for (const d of refused) expect(d.granted === false && d.retryAfterMs).toBeGreaterThan(50_000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(info).not.toHaveBeenCalled();

    redis.signal('SIGCONT');
    // The PING that finds Redis back is taken on a call (no timers), as in the gateway.
    await vi.waitFor(
      async () => {
        await take(gate, 'allegro:events');
        expect(info).toHaveBeenCalledTimes(1);
      },
      { timeout: 5_000, interval: 50 },
    );
    // Shared again: a grant lands in Redis. The scripts sent before the stall ran on resume and count there too,
    // and even with them the shared log never holds more than the limit.
    const [events] = bucketKeys('outage:v1:', 'allegro:events');
    const before = await inspect.zCard(events);
    expect(await take(gate, 'allegro:events')).toEqual({ granted: true });
    expect(await inspect.zCard(events)).toBe(before + 1);
    expect(await inspect.zCard(log)).toBeLessThanOrEqual(10);
    expect(warn).toHaveBeenCalledTimes(1);
    console.info(
      `Redis paused: the first 20 concurrent calls took ≤ ${firstMs.toFixed(0)} ms (one timeout), the next 50 ${laterMs.toFixed(1)} ms in total`,
    );
  });

  it('keeps a 429 block on this replica while Redis is dead (SIGKILL), and resumes on a restarted server', async () => {
    const redis = await server();
    const { gate, warn, info } = await setup(redis.url);
    await redis.kill();
    gate.observe('allegro:events', { blockedForMs: 60_000 });
    expect(await take(gate, 'allegro:events')).toMatchObject({ granted: false });
    expect(granted(await burst(gate, 12))).toBe(5);
    expect(warn).toHaveBeenCalledTimes(1);

    // A fresh server on the same port: empty script cache (NOSCRIPT → EVAL) and an empty log.
    await server(redis.port);
    await vi.waitFor(
      async () => {
        await take(gate, 'allegro:offers'); // not the blocked bucket: a blocked bucket refuses without asking Redis
        expect(info).toHaveBeenCalledTimes(1);
      },
      { timeout: 10_000, interval: 100 },
    );
    // The whole limit again, not the local share; the 5 taken locally during the outage are not copied to Redis.
    expect(granted(await burst(gate, 15))).toBe(10);
  });

  it('boots without Redis within connectWaitMs and serves from the local share', async () => {
    const port = await findFreePort();
    const { gate, warn } = await setup(`redis://127.0.0.1:${port}`);
    expect(granted(await burst(gate, 12))).toBe(5);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
