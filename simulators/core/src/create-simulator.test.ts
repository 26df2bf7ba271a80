import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from './create-simulator.ts';
import type { RateLimitInfo, SimRequest } from './simulator-types.ts';

/** A toy upstream: enough surface to exercise every knob without any real API's rules. */
function createToySimulator(knobs: Parameters<typeof createSimulator>[0]['knobs'] = {}): Simulator {
  let items = ['a', 'b'];
  return createSimulator({
    name: 'odoo',
    knobs,
    routes: [
      { method: 'GET', path: '/items', handler: () => ({ status: 200, body: items }) },
      {
        method: 'POST',
        path: '/items',
        handler: (req) => {
          items = [...items, String((req.json() as { name: string }).name)];
          return { status: 201, body: items };
        },
      },
      { method: 'GET', path: '/empty', handler: () => ({ status: 404 }) },
      {
        method: 'GET',
        path: '/rpc/:model/*',
        handler: (req: SimRequest) => {
          req.count(`rpc ${req.params['model']}`);
          return { status: 200, body: req.params };
        },
      },
    ],
    hooks: {
      errorResponse: (status) => ({ status, body: { toyError: status } }),
      rateLimitResponse: (info: RateLimitInfo) => ({
        status: 429,
        headers: { 'retry-after': String(info.retryAfterSeconds) },
        body: { toyError: 'slow down', key: info.key },
      }),
      notFoundResponse: () => ({ status: 404, body: { toyError: 'no route' } }),
      rateLimitKey: (req) => String(req.headers['x-token'] ?? 'anon'),
      decorate: (res, info) => {
        res.headers = { ...res.headers, 'x-trace': 'toy-trace' };
        if (info) res.headers = { ...res.headers, 'x-remaining': String(info.remaining) };
      },
    },
    store: {
      reset: () => {
        items = ['a', 'b'];
      },
      loadRecords: (payload) => {
        const extra = (payload as { items?: string[] }).items ?? [];
        items = [...items, ...extra];
        return { items: extra.length };
      },
      describe: () => ({ items: items.length }),
    },
  });
}

describe('createSimulator', () => {
  let sim: Simulator;
  let base: string;
  beforeEach(async () => {
    sim = createToySimulator();
    base = await sim.listen(0);
  });
  afterEach(() => sim.close());

  it('routes requests, decodes params and counts every request per endpoint', async () => {
    expect(await (await fetch(`${base}/items`)).json()).toEqual(['a', 'b']);
    await fetch(`${base}/items`);
    const rpc = await (await fetch(`${base}/rpc/stock.quant/search%20read`)).json();
    expect(rpc).toEqual({ model: 'stock.quant', rest: 'search read' });
    await fetch(`${base}/nope`);
    const counters = await (await fetch(`${base}/__simulator/counters`)).json();
    expect(counters).toEqual({
      total: 4,
      endpoints: { 'GET (unmatched)': 1, 'GET /items': 2, 'GET /rpc/:model/*': 1, 'rpc stock.quant': 1 },
    });
    expect((await fetch(`${base}/__simulator/counters`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.control.counters()).toEqual({ total: 0, endpoints: {} });
  });

  it('keeps when each counted request arrived, oldest first, until the counters are reset', async () => {
    const before = Date.now();
    await fetch(`${base}/items`);
    await fetch(`${base}/items`);
    await fetch(`${base}/rpc/stock.quant/x`);
    const items = sim.control.arrivals('GET /items');
    expect(items).toHaveLength(2);
    expect(items[0]!).toBeGreaterThanOrEqual(before);
    expect(items[1]!).toBeGreaterThanOrEqual(items[0]!);
    expect(sim.control.arrivals('rpc stock.quant')).toHaveLength(1);
    expect(sim.control.arrivals('GET /nothing')).toEqual([]);
    sim.control.resetCounters();
    expect(sim.control.arrivals('GET /items')).toEqual([]);
  });

  it('does not count admin requests', async () => {
    await fetch(`${base}/__simulator`);
    await fetch(`${base}/__simulator/health`);
    expect(sim.control.counters().total).toBe(0);
  });

  it('answers unknown routes with the upstream not-found body', async () => {
    const res = await fetch(`${base}/missing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ toyError: 'no route' });
  });

  it('adds fixed latency set through the admin path', async () => {
    await fetch(`${base}/__simulator/config`, { method: 'PATCH', body: JSON.stringify({ latency: { fixedMs: 120 } }) });
    const t0 = performance.now();
    await fetch(`${base}/items`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    expect(sim.control.knobs().latency).toEqual({ fixedMs: 120, jitterMs: 0 });
  });

  it('faults exactly the next N requests with the upstream error body', async () => {
    await fetch(`${base}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 502, count: 2 }) });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${base}/items`)).status);
    expect(statuses).toEqual([502, 502, 200, 200]);
    expect(sim.control.knobs().faults).toEqual([]);
  });

  it('faults a seeded share of requests, the same share on every run', async () => {
    sim.control.addFaults([{ kind: 'status', ratio: 0.3, match: 'GET /items' }]);
    const run = async () => {
      let faulted = 0;
      for (let i = 0; i < 200; i += 1) if ((await fetch(`${base}/items`)).status === 503) faulted += 1;
      return faulted;
    };
    const first = await run();
    sim.control.clearFaults();
    sim.control.addFaults([{ kind: 'status', ratio: 0.3, match: 'GET /items' }]);
    expect(await run()).toBe(first);
    expect(first).toBeGreaterThan(35);
    expect(first).toBeLessThan(85);
  });

  it('sends the headers every answer carries on faulted answers too', async () => {
    sim.control.addFaults([{ kind: 'status', status: 500, count: 1 }]);
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(500);
    expect(res.headers.get('x-trace')).toBe('toy-trace');
  });

  it('answers an empty non-204 response with content-length 0', async () => {
    const res = await fetch(`${base}/empty`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-length')).toBe('0');
    expect(res.headers.get('transfer-encoding')).toBeNull();
  });

  it('only faults requests matching the rule', async () => {
    sim.control.addFaults([{ kind: 'status', count: 5, match: '/rpc/' }]);
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect((await fetch(`${base}/rpc/x/y`)).status).toBe(503);
  });

  it('resets the connection on a reset fault', async () => {
    sim.control.addFaults([{ kind: 'reset', count: 1 }]);
    await expect(fetch(`${base}/items`)).rejects.toThrow();
    expect((await fetch(`${base}/items`)).status).toBe(200);
  });

  it('commits the write, then resets the connection on a commit_then_reset fault (the unknown outcome)', async () => {
    sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: 'POST /items' }]);
    const post = () => fetch(`${base}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"c"}' });
    await expect(post()).rejects.toThrow();
    // the write happened although the client never heard of it
    expect(await (await fetch(`${base}/items`)).json()).toEqual(['a', 'b', 'c']);
    expect((await post()).status).toBe(201);
    expect(sim.control.counters().endpoints['POST /items']).toBe(2);
  });

  it('hangs until the client gives up on a hang fault', async () => {
    sim.control.addFaults([{ kind: 'hang', count: 1 }]);
    await expect(fetch(`${base}/items`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers garbage with a 200 whose body is not valid JSON', async () => {
    sim.control.addFaults([{ kind: 'garbage', count: 1 }]);
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('answers an injected 429 with the upstream rate-limit signals', async () => {
    sim.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    sim.control.addFaults([{ kind: 'rate_limit', count: 1, retryAfterSeconds: 2 }]);
    expect((await fetch(`${base}/items`)).headers.get('retry-after')).toBe('2');
  });

  it('enforces a rate-limit budget per key and decorates admitted responses', async () => {
    sim.control.setRateLimit({ limit: 3, windowMs: 60_000 });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await fetch(`${base}/items`, { headers: { 'x-token': 't1' } })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await fetch(`${base}/items`, { headers: { 'x-token': 't2' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-remaining')).toBe('2');
    const limited = await fetch(`${base}/items`, { headers: { 'x-token': 't1' } });
    expect(await limited.json()).toEqual({ toyError: 'slow down', key: 't1' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
  });

  it('blocks a key for blockMs once it went over budget', async () => {
    sim.control.setRateLimit({ limit: 1, windowMs: 100, blockMs: 400 });
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect((await fetch(`${base}/items`)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 150));
    expect((await fetch(`${base}/items`)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${base}/items`)).status).toBe(200);
  });

  it('loads extra records and resets data, counters and knobs to the start', async () => {
    const loaded = await fetch(`${base}/__simulator/records`, { method: 'POST', body: JSON.stringify({ items: ['c'] }) });
    expect(await loaded.json()).toEqual({ loaded: { items: 1 } });
    await fetch(`${base}/items`, { method: 'POST', body: JSON.stringify({ name: 'd' }) });
    expect(await (await fetch(`${base}/items`)).json()).toEqual(['a', 'b', 'c', 'd']);
    sim.control.setLatency({ fixedMs: 5 });
    sim.control.addFaults([{ kind: 'status', ratio: 0.01 }]);
    expect((await fetch(`${base}/__simulator/reset`, { method: 'POST' })).status).toBe(204);
    expect(sim.control.counters().total).toBe(0);
    expect(sim.control.knobs()).toEqual({ latency: { fixedMs: 0, jitterMs: 0 }, rateLimit: null, faults: [] });
    expect(await (await fetch(`${base}/items`)).json()).toEqual(['a', 'b']);
  });

  it('rejects bad admin input with a clear message', async () => {
    const res = await fetch(`${base}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode', count: 1 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/fault kind must be one of/);
    const bad = await fetch(`${base}/__simulator/faults`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('keeps start-up knobs across a reset', async () => {
    const slow = createToySimulator({ latency: { fixedMs: 1, jitterMs: 2 }, rateLimit: { limit: 9, windowMs: 1000 } });
    await slow.listen(0);
    slow.control.setLatency({ fixedMs: 50 });
    slow.control.reset();
    expect(slow.control.knobs()).toEqual({
      latency: { fixedMs: 1, jitterMs: 2 },
      rateLimit: { limit: 9, windowMs: 1000 },
      faults: [],
    });
    await slow.close();
  });
});
