import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpstreamBudget } from './index.ts';
import type { BudgetDecision, UpstreamBudgetGate } from './index.ts';
import { maxInAnyWindow, poissonArrivals, prng } from './budget-test-helpers.ts';

// Simulated time: the local store (no Redis) on fake timers, so 30 s of traffic take milliseconds and every figure
// is exact. The shared (Redis) behaviour is covered in test/*.int.test.ts on real time.
const START = Date.UTC(2026, 0, 1);

interface Outcome {
  priority: 'interactive' | 'bulk';
  decision: BudgetDecision;
  askedAt: number;
  settledAt: number;
}

describe('createUpstreamBudget (local store, simulated time)', () => {
  const gates: UpstreamBudgetGate[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(async () => {
    for (const gate of gates.splice(0)) await gate.close();
    vi.useRealTimers();
  });

  async function gate(options: Parameters<typeof createUpstreamBudget>[0]) {
    const made = await createUpstreamBudget(options);
    gates.push(made);
    return made;
  }

  it('issue 8 - a partner at 50/s and the call center at 2/s for 30 s: the call center is served, the bucket never exceeds 5 in any second', async () => {
    const budget = await gate({ buckets: { 'hubspot:search': { limit: 5, windowMs: 1_000 } }, bulkShare: 0.6 });
    const outcomes: Outcome[] = [];
    const pending: Promise<void>[] = [];
    const call = (priority: Outcome['priority'], maxWaitMs: number) => {
      const askedAt = Date.now();
      pending.push(
        budget.acquire({ buckets: ['hubspot:search'], priority, maxWaitMs }).then((decision) => {
          outcomes.push({ priority, decision, askedAt, settledAt: Date.now() });
        }),
      );
    };
    for (let t = 0; t < 30_000; t += 20) setTimeout(() => call('bulk', 250), t);
    // The call center's lookups arrive at random (Poisson, 2/s on average), so some seconds bring 4 or 5 of them.
    for (const t of poissonArrivals(prng(8), 2, 30_000)) setTimeout(() => call('interactive', 2_000), t);
    await vi.advanceTimersByTimeAsync(33_000);
    await Promise.all(pending);

    const interactive = outcomes.filter((o) => o.priority === 'interactive');
    const bulk = outcomes.filter((o) => o.priority === 'bulk');
    const granted = (list: Outcome[]) => list.filter((o) => o.decision.granted);
    expect(interactive.length).toBeGreaterThan(50);
    expect(bulk).toHaveLength(1_500);
    expect(granted(interactive).length / interactive.length).toBeGreaterThanOrEqual(0.99);

    // The sliding check: no 6 grants inside any 1 s, and bulk never beyond its 3 (60 % of 5), counting everybody.
    expect(
      maxInAnyWindow(
        granted(outcomes).map((o) => o.settledAt),
        1_000,
      ),
    ).toBeLessThanOrEqual(5);
    expect(
      maxInAnyWindow(
        granted(bulk).map((o) => o.settledAt),
        1_000,
      ),
    ).toBeLessThanOrEqual(3);
    expect(granted(bulk).length).toBeGreaterThan(0);

    // The partner waits briefly, then is told when to come back.
    const refused = bulk.filter((o) => !o.decision.granted);
    expect(refused.length).toBeGreaterThan(1_000);
    for (const o of refused) {
      expect(o.settledAt - o.askedAt).toBeLessThanOrEqual(250);
      expect(o.decision.granted === false && o.decision.retryAfterMs).toBeGreaterThanOrEqual(1);
      expect(o.decision.granted === false && o.decision.retryAfterMs).toBeLessThanOrEqual(1_000);
    }
    // Figures for the report.
    console.info(
      `30 s simulated: interactive ${granted(interactive).length}/${interactive.length} granted, ` +
        `bulk ${granted(bulk).length}/${bulk.length}, max grants in any 1 s ${maxInAnyWindow(
          granted(outcomes).map((o) => o.settledAt),
          1_000,
        )}, ` +
        `longest interactive wait ${Math.max(...interactive.map((o) => o.settledAt - o.askedAt))} ms`,
    );
  });

  it('serves a waiting interactive caller before bulk callers, each line in arrival order', async () => {
    const budget = await gate({ buckets: { 'allegro:all': { limit: 2, windowMs: 1_000 } }, bulkShare: 1 });
    expect(await budget.acquire({ buckets: ['allegro:all'], priority: 'bulk', maxWaitMs: 0 })).toEqual({ granted: true });
    expect(await budget.acquire({ buckets: ['allegro:all'], priority: 'bulk', maxWaitMs: 0 })).toEqual({ granted: true });

    const order: string[] = [];
    const waiting = [
      ['bulk-1', 'bulk'],
      ['bulk-2', 'bulk'],
      ['interactive-1', 'interactive'],
      ['interactive-2', 'interactive'],
    ].map(([name, priority]) =>
      budget
        .acquire({ buckets: ['allegro:all'], priority: priority as 'bulk' | 'interactive', maxWaitMs: 5_000 })
        .then((d) => d.granted && order.push(name as string)),
    );
    await vi.advanceTimersByTimeAsync(1_001);
    expect(order).toEqual(['interactive-1', 'interactive-2']);
    await vi.advanceTimersByTimeAsync(1_100);
    await Promise.all(waiting);
    expect(order).toEqual(['interactive-1', 'interactive-2', 'bulk-1', 'bulk-2']);
  });

  it('refuses at once, with the wait, when the wait exceeds maxWaitMs; waits when it fits', async () => {
    const budget = await gate({ buckets: { 'hubspot:search': { limit: 1, windowMs: 1_000 } } });
    await budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 0 });
    vi.advanceTimersByTime(400);
    const started = Date.now();
    expect(await budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 500 })).toEqual({
      granted: false,
      retryAfterMs: 600,
    });
    expect(Date.now()).toBe(started);

    const waited = budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 700 });
    await vi.advanceTimersByTimeAsync(700);
    expect(await waited).toEqual({ granted: true });
  });

  it('counts each grant for the window plus windowMarginMs, so arrival jitter cannot fit limit + 1 into an upstream window', async () => {
    const budget = await gate({ buckets: { 'hubspot:search': { limit: 1, windowMs: 1_000 } }, windowMarginMs: 100 });
    await budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 0 });
    vi.advanceTimersByTime(1_000);
    // the upstream's own window has passed, ours has 100 ms to go
    expect(await budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 0 })).toEqual({
      granted: false,
      retryAfterMs: 100,
    });
    vi.advanceTimersByTime(100);
    expect(await budget.acquire({ buckets: ['hubspot:search'], priority: 'interactive', maxWaitMs: 0 })).toEqual({ granted: true });
    await expect(createUpstreamBudget({ buckets: {}, windowMarginMs: -1 })).rejects.toThrow(RangeError);
  });

  it('keeps bulk callers to their share of every window, counting interactive admissions too', async () => {
    const budget = await gate({ buckets: { 'hubspot:all': { limit: 10, windowMs: 10_000 } }, bulkShare: 0.6 });
    const take = (priority: 'bulk' | 'interactive') => budget.acquire({ buckets: ['hubspot:all'], priority, maxWaitMs: 0 });
    const bulk = [];
    for (let i = 0; i < 8; i++) bulk.push((await take('bulk')).granted);
    expect(bulk).toEqual([true, true, true, true, true, true, false, false]);
    const interactive = [];
    for (let i = 0; i < 6; i++) interactive.push((await take('interactive')).granted);
    expect(interactive).toEqual([true, true, true, true, false, false]);

    vi.advanceTimersByTime(10_000);
    for (let i = 0; i < 6; i++) expect((await take('interactive')).granted).toBe(true);
    // six interactive admissions already fill the bulk share
    expect(await take('bulk')).toMatchObject({ granted: false });
  });

  it('takes a unit of every bucket or of none', async () => {
    const budget = await gate({
      buckets: { 'hubspot:all': { limit: 3, windowMs: 10_000 }, 'hubspot:search': { limit: 2, windowMs: 1_000 } },
    });
    const search = () => budget.acquire({ buckets: ['hubspot:search', 'hubspot:all'], priority: 'interactive', maxWaitMs: 0 });
    const read = () => budget.acquire({ buckets: ['hubspot:all'], priority: 'interactive', maxWaitMs: 0 });
    expect((await search()).granted).toBe(true);
    expect((await search()).granted).toBe(true);
    expect(await search()).toEqual({ granted: false, retryAfterMs: 1_000 }); // search full: `all` not spent
    expect((await read()).granted).toBe(true);
    expect(await read()).toEqual({ granted: false, retryAfterMs: 10_000 });
    vi.advanceTimersByTime(1_000);
    expect(await search()).toEqual({ granted: false, retryAfterMs: 9_000 }); // search free again, `all` is not
  });

  it('does not limit buckets it was not given, and refuses malformed or mixed-product bucket lists', async () => {
    const budget = await gate({ buckets: { 'hubspot:search': { limit: 1, windowMs: 1_000 } } });
    for (let i = 0; i < 100; i++) {
      expect(await budget.acquire({ buckets: ['woocommerce:all'], priority: 'bulk', maxWaitMs: 0 })).toEqual({ granted: true });
    }
    await expect(budget.acquire({ buckets: ['HubSpot Search'], priority: 'bulk', maxWaitMs: 0 })).rejects.toThrow(RangeError);
    await expect(createUpstreamBudget({ buckets: { 'a:b': { limit: 0, windowMs: 1 } } })).rejects.toThrow(RangeError);
    await expect(createUpstreamBudget({ buckets: {}, bulkShare: 1.5 })).rejects.toThrow(RangeError);
    const two = await gate({ buckets: { 'a:x': { limit: 1, windowMs: 1 }, 'b:x': { limit: 1, windowMs: 1 } } });
    await expect(two.acquire({ buckets: ['a:x', 'b:x'], priority: 'bulk', maxWaitMs: 0 })).rejects.toThrow(RangeError);
  });

  it('caps the wait per priority whatever the caller asks for', async () => {
    const budget = await gate({ buckets: { 'odoo:all': { limit: 1, windowMs: 1_000 } }, maxWaitMs: { bulk: 100 } });
    await budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 0 });
    expect(await budget.acquire({ buckets: ['odoo:all'], priority: 'bulk', maxWaitMs: 60_000 })).toEqual({
      granted: false,
      retryAfterMs: 1_000,
    });
  });

  it('rejects a waiting caller with the abort reason when its signal aborts', async () => {
    const budget = await gate({ buckets: { 'odoo:all': { limit: 1, windowMs: 1_000 } } });
    await budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 0 });
    const controller = new AbortController();
    const waiting = budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 5_000, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    // the aborted caller took nothing: the next one gets the unit when it frees
    const next = budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 5_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await next).toEqual({ granted: true });
  });

  it("blocks a bucket for everyone after the upstream's 429, and longer blocks win", async () => {
    const budget = await gate({ buckets: { 'allegro:all': { limit: 9_000, windowMs: 60_000 } } });
    budget.observe('allegro:all', { blockedForMs: 60_000 });
    budget.observe('allegro:all', { blockedForMs: 2_000 });
    expect(await budget.acquire({ buckets: ['allegro:all'], priority: 'interactive', maxWaitMs: 1_000 })).toEqual({
      granted: false,
      retryAfterMs: 60_000,
    });
    vi.advanceTimersByTime(60_000);
    expect((await budget.acquire({ buckets: ['allegro:all'], priority: 'bulk', maxWaitMs: 0 })).granted).toBe(true);
  });

  it("tightens to the upstream's own remaining count and lets it go after the upstream's window", async () => {
    const budget = await gate({ buckets: { 'hubspot:all': { limit: 10, windowMs: 10_000 } } });
    const take = () => budget.acquire({ buckets: ['hubspot:all'], priority: 'interactive', maxWaitMs: 0 });
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(true);
    vi.advanceTimersByTime(50); // the answer that carries the headers comes a moment after the call
    // Another app on the same account spent 5 more: the upstream says 3 left, not 8.
    budget.observe('hubspot:all', { remaining: 3, windowMs: 10_000 });
    expect([(await take()).granted, (await take()).granted, (await take()).granted]).toEqual([true, true, true]);
    expect(await take()).toEqual({ granted: false, retryAfterMs: 10_000 });

    // An upstream that allows more than configured does not raise the limit.
    budget.observe('hubspot:all', { remaining: 500, windowMs: 10_000 });
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(true);
    expect((await take()).granted).toBe(false); // our own log: 10 in the window

    // remaining 0: nothing until the upstream's window has passed
    vi.advanceTimersByTime(10_000);
    budget.observe('hubspot:all', { remaining: 0, windowMs: 10_000 });
    expect(await take()).toEqual({ granted: false, retryAfterMs: 10_000 });
    vi.advanceTimersByTime(10_000);
    expect((await take()).granted).toBe(true);
  });

  it('answers every waiter when closed', async () => {
    const budget = await createUpstreamBudget({ buckets: { 'odoo:all': { limit: 1, windowMs: 60_000 } } });
    await budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 0 });
    const waiting = budget.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 120_000 });
    await budget.close();
    expect(await waiting).toMatchObject({ granted: false });
  });
});
