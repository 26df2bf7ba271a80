import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitHeaders } from './index.ts';
import type { RateLimiter, RateLimitPolicy } from './index.ts';
import { createLocalStore } from './local-store.ts';

// A fixed UTC midnight, so quota days are predictable; the clock is moved by hand.
const MIDNIGHT = Date.UTC(2026, 0, 1);

async function localLimiter(startMs = MIDNIGHT) {
  const clock = { t: startMs };
  const limiter = await createRateLimiter({ now: () => clock.t });
  return { clock, limiter };
}

async function consumeMany(limiter: RateLimiter, n: number, policy: RateLimitPolicy, cost = 0, subject = 'key-1') {
  const decisions = [];
  for (let i = 0; i < n; i++) decisions.push(await limiter.consume(subject, policy, cost));
  return decisions;
}

describe('local store: sliding-window log', () => {
  it('admits N at t=59 s, refuses N more at t=61 s, and admits again only once the first ones are 60 s old', async () => {
    const { clock, limiter } = await localLimiter(MIDNIGHT + 59_000);
    const policy = { requestsPerMinute: 5 };
    expect((await consumeMany(limiter, 5, policy)).every((d) => d.allowed && d.store === 'local')).toBe(true);

    clock.t = MIDNIGHT + 61_000; // a fixed window would have reset at t=60 s and admitted 5 more here
    const refused = await consumeMany(limiter, 5, policy);
    expect(refused.map((d) => d.reason)).toEqual(Array(5).fill('RATE_LIMITED'));
    expect(refused[0]?.retryAfterSeconds).toBe(58); // the t=59 s entries leave at t=119 s

    clock.t = MIDNIGHT + 118_999;
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(false);
    clock.t = MIDNIGHT + 119_000;
    expect((await consumeMany(limiter, 5, policy)).every((d) => d.allowed)).toBe(true);
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(false);
  });

  it('never admits more than N in any 60 s window, and refuses only when N were admitted in the last 60 s', async () => {
    const { clock, limiter } = await localLimiter();
    const policy = { requestsPerMinute: 7 };
    const admitted: number[] = [];
    // Deterministic pseudo-random arrivals (LCG), dense enough to hit the limit many times over 10 minutes.
    let seed = 42;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      clock.t += seed % 700;
      const inWindow = admitted.filter((a) => a > clock.t - 60_000).length;
      const decision = await limiter.consume('key-1', policy, 0);
      expect(decision.allowed).toBe(inWindow < 7);
      if (decision.allowed) admitted.push(clock.t);
    }
    expect(admitted.length).toBeGreaterThan(50);
  });

  it('keeps subjects apart', async () => {
    const { limiter } = await localLimiter();
    await consumeMany(limiter, 2, { requestsPerMinute: 2 }, 0, 'a');
    expect((await limiter.consume('a', { requestsPerMinute: 2 }, 0)).allowed).toBe(false);
    expect((await limiter.consume('b', { requestsPerMinute: 2 }, 0)).allowed).toBe(true);
  });
});

describe('local store: cost budget (GCRA)', () => {
  const policy = { requestsPerMinute: 1_000, costPerMinute: 100 };

  it('spends the whole budget at once, then refills at budget/60 per second', async () => {
    const { clock, limiter } = await localLimiter();
    expect((await consumeMany(limiter, 2, policy, 40)).every((d) => d.allowed)).toBe(true);
    const refused = await limiter.consume('key-1', policy, 40);
    expect(refused).toMatchObject({ allowed: false, reason: 'COST_LIMIT_EXCEEDED', retryAfterSeconds: 12 });
    expect((await limiter.consume('key-1', policy, 20)).allowed).toBe(true); // exactly the 20 left

    clock.t += 11_999; // 19.998 units refilled
    expect((await limiter.consume('key-1', policy, 20)).allowed).toBe(false);
    clock.t += 1; // 12 s refill 20 units
    expect((await limiter.consume('key-1', policy, 20)).allowed).toBe(true);
  });

  it('admits budgets that do not divide 60 s evenly up to exactly the budget', async () => {
    const { limiter } = await localLimiter(MIDNIGHT + 123_457);
    const decisions = await consumeMany(limiter, 8, { requestsPerMinute: 100, costPerMinute: 7 }, 1);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it('lets free requests through an exhausted budget, and never admits a cost above the whole budget', async () => {
    const { limiter } = await localLimiter();
    expect((await limiter.consume('key-1', policy, 100)).allowed).toBe(true);
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
    const tooBig = await limiter.consume('other', policy, 101);
    expect(tooBig).toMatchObject({ allowed: false, reason: 'COST_LIMIT_EXCEEDED', retryAfterSeconds: 60 });
  });
});

describe('local store: daily quota', () => {
  it('counts per UTC day and resets at midnight', async () => {
    const { clock, limiter } = await localLimiter(MIDNIGHT + 86_400_000 - 3 * 60_000); // 23:57
    const policy = { requestsPerMinute: 100, quotaPerDay: 3 };
    expect((await consumeMany(limiter, 3, policy)).every((d) => d.allowed)).toBe(true);
    clock.t += 60_000; // the minute window is not what refuses
    expect(await limiter.consume('key-1', policy, 0)).toMatchObject({
      allowed: false,
      reason: 'QUOTA_EXCEEDED',
      retryAfterSeconds: 120,
      remaining: 0,
    });
    clock.t = MIDNIGHT + 86_400_000;
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
  });

  it('reports the smaller of the minute window and the quota as remaining', async () => {
    const { limiter } = await localLimiter();
    const decision = await limiter.consume('key-1', { requestsPerMinute: 100, quotaPerDay: 3 }, 0);
    expect(decision).toMatchObject({ allowed: true, limit: 100, remaining: 2 });
  });
});

describe('local store: refusals and their order', () => {
  it('a request refused for cost takes no request slot', async () => {
    const { limiter } = await localLimiter();
    const policy = { requestsPerMinute: 2, costPerMinute: 10 };
    expect((await limiter.consume('key-1', policy, 10)).allowed).toBe(true);
    expect((await limiter.consume('key-1', policy, 10)).reason).toBe('COST_LIMIT_EXCEEDED');
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
    expect((await limiter.consume('key-1', policy, 0)).reason).toBe('RATE_LIMITED');
  });

  it('a request refused for the rate takes no cost', async () => {
    const { clock, limiter } = await localLimiter();
    const policy = { requestsPerMinute: 1, costPerMinute: 10 };
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
    clock.t += 59_000;
    expect((await limiter.consume('key-1', policy, 10)).reason).toBe('RATE_LIMITED');
    clock.t += 1_000; // had the refusal spent 10, only 1/6 of it would be back by now
    expect((await limiter.consume('key-1', policy, 10)).allowed).toBe(true);
  });

  it('a refused request takes no quota', async () => {
    const { clock, limiter } = await localLimiter();
    const policy = { requestsPerMinute: 1, quotaPerDay: 2 };
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
    expect((await limiter.consume('key-1', policy, 0)).reason).toBe('RATE_LIMITED');
    clock.t += 60_000;
    expect((await limiter.consume('key-1', policy, 0)).allowed).toBe(true);
    clock.t += 60_000;
    expect((await limiter.consume('key-1', policy, 0)).reason).toBe('QUOTA_EXCEEDED');
  });

  it('names quota before requests before cost, and waits for the slowest of them', async () => {
    const { clock, limiter } = await localLimiter();
    const all = { requestsPerMinute: 1, costPerMinute: 10, quotaPerDay: 1 };
    expect((await limiter.consume('a', all, 10)).allowed).toBe(true);
    expect(await limiter.consume('a', all, 10)).toMatchObject({ reason: 'QUOTA_EXCEEDED', retryAfterSeconds: 86_400 });

    const policy = { requestsPerMinute: 1, costPerMinute: 20 };
    expect((await limiter.consume('b', policy, 6)).allowed).toBe(true);
    expect((await limiter.consume('c', policy, 0)).allowed).toBe(true);
    clock.t += 10_000;
    // b: the request slot frees in 50 s, the missing 2.67 cost units in 8 s.
    expect(await limiter.consume('b', policy, 20)).toMatchObject({ reason: 'RATE_LIMITED', retryAfterSeconds: 50 });
    // c: the slot frees in 50 s, but a cost above the whole budget is refused for a full minute.
    expect(await limiter.consume('c', policy, 21)).toMatchObject({ reason: 'RATE_LIMITED', retryAfterSeconds: 60 });
  });

  it('rejects invalid policies and costs instead of guessing', async () => {
    const { limiter } = await localLimiter();
    await expect(limiter.consume('k', { requestsPerMinute: 0 }, 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume('k', { requestsPerMinute: 1.5 }, 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume('k', { requestsPerMinute: 1, costPerMinute: 0 }, 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume('k', { requestsPerMinute: 1, quotaPerDay: -1 }, 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume('k', { requestsPerMinute: 1 }, Number.NaN)).rejects.toThrow(RangeError);
    await expect(limiter.consume('k', { requestsPerMinute: 1 }, -1)).rejects.toThrow(RangeError);
  });
});

describe('local store: memory', () => {
  it('drops subjects with nothing left to remember', () => {
    const clock = { t: MIDNIGHT };
    const store = createLocalStore(() => clock.t);
    for (let i = 0; i < 1_000; i++) store.consume(`s${i}`, { requests: 10, cost: 100, quota: 0 }, 5);
    expect(store.size).toBe(1_000);
    clock.t += 60_001;
    for (let i = 0; i < 1_100; i++) store.consume('busy', { requests: 10_000, cost: 0, quota: 0 }, 0);
    expect(store.size).toBe(1);
  });
});

describe('rateLimitHeaders', () => {
  it('emits RateLimit-* on admission and adds Retry-After on refusal', async () => {
    const { limiter } = await localLimiter();
    const policy = { requestsPerMinute: 2 };
    expect(rateLimitHeaders(await limiter.consume('k', policy, 0))).toEqual({
      'RateLimit-Policy': '2;w=60',
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': '60',
    });
    await limiter.consume('k', policy, 0);
    expect(rateLimitHeaders(await limiter.consume('k', policy, 0))).toEqual({
      'RateLimit-Policy': '2;w=60',
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '60',
      'Retry-After': '60',
    });
  });
});
