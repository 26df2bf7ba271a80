import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogFn } from 'pino';
import { findFreePort, inCi, isRedisServerAvailable, requireRedisInCi, startRedisServer } from '@omnigraph/shared/testing';
import type { DisposableRedisServer } from '@omnigraph/shared/testing';
import { createRateLimiter } from './index.ts';
import type { RateLimitDecision, RateLimiter } from './index.ts';

// Generous: the point is "bounded by the timeout, not by the outage", not a latency figure.
const TIMEOUT_MS = 100;
const BOUND_MS = TIMEOUT_MS + 900;
const POLICY = { requestsPerMinute: 10, costPerMinute: 100, quotaPerDay: 1_000 };

requireRedisInCi('the rate-limit outage tests', { redisServerBinary: true });

// Every test here breaks its own private redis-server; the shared Redis is never stopped or paused.
describe.skipIf(!inCi && !isRedisServerAvailable())('rate limits while Redis is unreachable', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setup(url: string) {
    const warn = vi.fn<LogFn>();
    const info = vi.fn<LogFn>();
    const limiter = await createRateLimiter({
      redisUrl: url,
      keyPrefix: 'outage:v1:',
      replicas: 2,
      timeoutMs: TIMEOUT_MS,
      probeIntervalMs: 100,
      logger: { warn, info },
    });
    cleanup.push(() => limiter.close());
    return { limiter, warn, info };
  }

  async function server(): Promise<DisposableRedisServer> {
    const started = await startRedisServer();
    cleanup.push(() => started.kill());
    return started;
  }

  /** Each consume settles (never throws) within BOUND_MS of its start. */
  async function burst(limiter: RateLimiter, subject: string, n: number): Promise<RateLimitDecision[]> {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const started = performance.now();
        const decision = await limiter.consume(subject, POLICY, 1);
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        return decision;
      }),
    );
  }

  const allowed = (decisions: RateLimitDecision[]) => decisions.filter((d) => d.allowed).length;

  it('falls back to a local share when Redis stalls (SIGSTOP), logs once, and uses Redis again after SIGCONT', async () => {
    const redis = await server();
    const { limiter, warn, info } = await setup(redis.url);
    expect(await limiter.consume('before', POLICY, 1)).toMatchObject({ allowed: true, store: 'redis' });

    redis.signal('SIGSTOP');
    const first = await burst(limiter, 'partner-1', 20); // these pay the timeout once
    const later = await burst(limiter, 'partner-1', 20); // these are local at once
    const during = [...first, ...later];
    expect(during.every((d) => d.store === 'local')).toBe(true);
    expect(allowed(during)).toBe(5); // ceil(10 / 2 replicas)
    expect(during.filter((d) => !d.allowed).every((d) => d.reason === 'RATE_LIMITED' && d.retryAfterSeconds! >= 1)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(info).not.toHaveBeenCalled();

    redis.signal('SIGCONT');
    await vi.waitFor(async () => expect((await limiter.consume('after', POLICY, 1)).store).toBe('redis'), {
      timeout: 5_000,
      interval: 50,
    });
    expect(info).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('falls back when Redis dies (SIGKILL), logs once despite reconnect errors, and resumes on a restarted server', async () => {
    const redis = await server();
    const { limiter, warn, info } = await setup(redis.url);
    expect((await limiter.consume('before', POLICY, 1)).store).toBe('redis');

    await redis.kill();
    const during = [...(await burst(limiter, 'partner-1', 20)), ...(await burst(limiter, 'partner-1', 20))];
    expect(during.every((d) => d.store === 'local')).toBe(true);
    expect(allowed(during)).toBe(5);
    // Let node-redis fail a few reconnects: each emits an error, none may log again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await limiter.consume('partner-2', POLICY, 1)).store).toBe('local');
    expect(warn).toHaveBeenCalledTimes(1);

    // A fresh server on the same port: empty script cache (NOSCRIPT → EVAL) and empty counters.
    const restarted = await startRedisServer({ port: redis.port });
    cleanup.push(() => restarted.kill());
    await vi.waitFor(async () => expect((await limiter.consume('after', POLICY, 1)).store).toBe('redis'), {
      timeout: 10_000,
      interval: 100,
    });
    expect(info).toHaveBeenCalledTimes(1);
    const shared = await burst(limiter, 'partner-3', 15);
    expect(allowed(shared)).toBe(10); // the whole limit again, not the local share
  });

  it('boots without Redis within connectWaitMs and serves from the local share', async () => {
    const port = await findFreePort();
    const { limiter, warn } = await setup(`redis://127.0.0.1:${port}`);
    const decisions = await burst(limiter, 'partner-1', 12);
    expect(decisions.every((d) => d.store === 'local')).toBe(true);
    expect(allowed(decisions)).toBe(5);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
