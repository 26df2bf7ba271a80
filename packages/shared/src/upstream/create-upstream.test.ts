import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AxiosInstance } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BudgetRequest, UpstreamBudgetGate, UpstreamLimitSignal } from '../budget/budget-gate.ts';
import { UpstreamError } from '../errors/upstream-error.ts';
import { createHttpClient } from '../http/create-http-client.ts';
import { SERVICE_IDENTITY, type RequestIdentity } from '../identity/request-identity.ts';
import { createLogger } from '../logging/create-logger.ts';
import { metricsRegistry } from '../metrics/registry.ts';
import { createRequestScope, runInRequestScope, type RequestScope } from '../sources/request-scope.ts';
import { startTestHttpServer, type TestHttpServer } from '../testing/start-test-http-server.ts';
import { createUpstream, type UpstreamCall, type UpstreamOptions } from './create-upstream.ts';

const servers: TestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A test upstream whose every answer is decided by `handler(n)`, n = 1 for the first request. */
async function upstreamServer(handler: (n: number, req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>) {
  let n = 0;
  const times: number[] = [];
  const server = await startTestHttpServer((req, res) => {
    n += 1;
    times.push(Date.now());
    void handler(n, req, res);
  });
  servers.push(server);
  return { server, times, http: createHttpClient({ baseUrl: server.url, timeoutMs: 10_000 }) };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const Answer = z.object({ ok: z.literal(true) });
const read = (http: AxiosInstance, extra: Partial<UpstreamCall<{ ok: true }>> = {}): UpstreamCall<{ ok: true }> => ({
  operation: 'readThing',
  idempotent: true,
  send: (signal) => http.get('/thing', { signal }),
  parse: (res) => Answer.parse(res.data),
  ...extra,
});

const make = (options: Partial<UpstreamOptions> = {}) =>
  createUpstream({ serviceName: 'crm', product: 'hubspot', attemptTimeoutMs: 2_000, retry: { baseDelayMs: 10, maxDelayMs: 50 }, ...options });

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const partner: RequestIdentity = { subject: 'k1', kind: 'api-key', scopes: [], profile: 'partner' };
const inScope = <T>(scope: RequestScope, fn: () => Promise<T>) => runInRequestScope(scope, fn);

describe('createUpstream: retries', () => {
  it('retries one transient 503 of a read: 2 upstream calls, the answer', async () => {
    const { server, http } = await upstreamServer((n, _req, res) => (n === 1 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    const upstream = make();
    await expect(upstream.call(read(http))).resolves.toEqual({ ok: true });
    expect(server.requests).toBe(2);
    expect(upstream.stats()).toMatchObject({ calls: 1, attempts: 2, retries: 1, failures: 0 });
  });

  it('retries a reset connection, and gives up after maxRetries (3 calls in all by default)', async () => {
    const { server, http } = await upstreamServer((_n, req) => void req.socket.destroy());
    const error = await rejection(make().call(read(http)));
    expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.requests).toBe(3);
  });

  it('never retries a write (idempotent: false)', async () => {
    const { server, http } = await upstreamServer((_n, _req, res) => json(res, 503, {}));
    const error = await rejection(make().call(read(http, { idempotent: false })));
    expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.requests).toBe(1);
  });

  it('does not retry a 404 or a 4xx rejection, and lets onStatus turn the 404 into a domain answer', async () => {
    const { server, http } = await upstreamServer((n, _req, res) => json(res, n === 1 ? 404 : 400, {}));
    const upstream = make();
    const missing = upstream.call({ ...read(http), onStatus: { 404: () => null } } as UpstreamCall<{ ok: true } | null>);
    await expect(missing).resolves.toBeNull();
    expect((await rejection(upstream.call(read(http)))).extensions.code).toBe('UPSTREAM_REJECTED');
    expect(server.requests).toBe(2);
  });

  it('maps a body that fails the DTO to UPSTREAM_BAD_RESPONSE, without retrying', async () => {
    const { server, http } = await upstreamServer((_n, _req, res) => json(res, 200, { ok: 'maybe' }));
    expect((await rejection(make().call(read(http)))).extensions.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(server.requests).toBe(1);
  });
});

describe('createUpstream: Retry-After and the deadline', () => {
  it('honours a 429 Retry-After: 2 when the deadline allows it (≥ 2 s between the two calls)', async () => {
    const { server, http, times } = await upstreamServer((n, _req, res) =>
      n === 1 ? json(res, 429, {}, { 'Retry-After': '2' }) : json(res, 200, { ok: true }),
    );
    const scope = createRequestScope(SERVICE_IDENTITY, Date.now() + 5_000);
    await expect(inScope(scope, () => make().call(read(http)))).resolves.toEqual({ ok: true });
    expect(server.requests).toBe(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_990);
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'OK' }]);
  });

  it('does not wait for a Retry-After beyond the deadline: fails at once, RATE_LIMITED, and blocks the upstream meanwhile', async () => {
    const { server, http } = await upstreamServer((_n, _req, res) => json(res, 429, {}, { 'Retry-After': '2' }));
    const upstream = make();
    const scope = createRequestScope(SERVICE_IDENTITY, Date.now() + 1_000);
    const started = Date.now();
    const error = await rejection(inScope(scope, () => upstream.call(read(http))));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 2 });
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'RATE_LIMITED' }]);
    // within the 2 s block another call fails without reaching the upstream
    const again = await rejection(inScope(createRequestScope(SERVICE_IDENTITY, Date.now() + 1_000), () => upstream.call(read(http))));
    expect(again.extensions.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(server.requests).toBe(1);
  });

  it('gives an attempt only the time left before the deadline, and starts none after it', async () => {
    const { server, http } = await upstreamServer(() => {}); // never answers
    const upstream = make({ attemptTimeoutMs: 5_000 });
    const started = Date.now();
    const scope = createRequestScope(SERVICE_IDENTITY, started + 400);
    const error = await rejection(inScope(scope, () => upstream.call(read(http))));
    const elapsed = Date.now() - started;
    expect(error.extensions.code).toBe('UPSTREAM_TIMEOUT'); // the aborted axios call is a timeout, not INTERNAL_SERVER_ERROR
    expect(elapsed).toBeLessThanOrEqual(400 + 100);
    // the timed-out attempt may have been retried only while time was left; nothing was sent after the deadline
    expect(server.requests).toBeGreaterThanOrEqual(1);
    const sentBefore = server.requests;
    const late = await rejection(inScope(createRequestScope(SERVICE_IDENTITY, Date.now() - 1), () => upstream.call(read(http))));
    expect(late.extensions.code).toBe('UPSTREAM_TIMEOUT');
    await sleep(20);
    expect(server.requests).toBe(sentBefore);
  });

  it('times out an attempt at attemptTimeoutMs and retries it while the deadline allows', async () => {
    const { server, http } = await upstreamServer((n, _req, res) => (n === 1 ? undefined : json(res, 200, { ok: true })));
    const scope = createRequestScope(SERVICE_IDENTITY, Date.now() + 2_000);
    await expect(inScope(scope, () => make({ attemptTimeoutMs: 200 }).call(read(http)))).resolves.toEqual({ ok: true });
    expect(server.requests).toBe(2);
  });
});

describe('createUpstream: circuit breaker', () => {
  it('opens after 5 consecutive failures; 200 calls while open reach the upstream 0 times, then one probe per halfOpenAfterMs', async () => {
    let healthy = false;
    const { server, http } = await upstreamServer((_n, _req, res) => (healthy ? json(res, 200, { ok: true }) : json(res, 503, {})));
    const upstream = make({ retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 5, halfOpenAfterMs: 300 } });
    for (let i = 0; i < 5; i += 1) expect((await rejection(upstream.call(read(http)))).extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(upstream.stats().breaker).toBe('open');
    expect(server.requests).toBe(5);

    const scope = createRequestScope(SERVICE_IDENTITY);
    const skipped = await Promise.all(Array.from({ length: 200 }, () => rejection(inScope(scope, () => upstream.call(read(http))))));
    expect(new Set(skipped.map((e) => e.extensions.code))).toEqual(new Set(['UPSTREAM_CIRCUIT_OPEN']));
    expect(skipped[0]!.extensions.retryAfterSeconds).toBe(1);
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'SKIPPED' }]);
    expect(server.requests).toBe(5);

    // after halfOpenAfterMs, still failing: 200 concurrent calls let exactly one probe through
    await sleep(320);
    await Promise.all(Array.from({ length: 200 }, () => upstream.call(read(http)).catch(() => undefined)));
    expect(server.requests).toBe(6);
    expect(upstream.stats().breaker).toBe('open');

    // the upstream is back: the next probe (≤ halfOpenAfterMs later) closes the breaker and calls flow again
    healthy = true;
    await sleep(320);
    await expect(upstream.call(read(http))).resolves.toEqual({ ok: true });
    expect(upstream.stats()).toMatchObject({ breaker: 'closed', breakerOpened: 2 });
    await Promise.all(Array.from({ length: 20 }, () => upstream.call(read(http))));
    expect(server.requests).toBe(7 + 20);
  });

  it('logs each transition once and reports it to onEvent', async () => {
    let healthy = false;
    const { http } = await upstreamServer((_n, _req, res) => (healthy ? json(res, 200, { ok: true }) : json(res, 503, {})));
    const lines: { level: number; msg: string }[] = [];
    const logger = createLogger({ name: 'crm', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    const states: string[] = [];
    const upstream = make({
      logger,
      retry: { maxRetries: 0 },
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 100 },
      onEvent: (event) => (event.type === 'breaker' ? states.push(event.state) : undefined),
    });
    for (let i = 0; i < 10; i += 1) await upstream.call(read(http)).catch(() => undefined);
    healthy = true;
    await sleep(120);
    for (let i = 0; i < 10; i += 1) await upstream.call(read(http));
    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect(lines.map((l) => l.msg)).toEqual([
      'crm upstream circuit opened: calls skipped, one probe per 100 ms',
      'crm upstream circuit closed: the probe succeeded',
    ]);
  });

  it("does not count a timeout cut short by the caller's deadline against the upstream; a full attemptTimeoutMs does", async () => {
    const { server, http } = await upstreamServer(() => {}); // never answers
    const upstream = make({ attemptTimeoutMs: 300, retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 200 } });
    // an overloaded gateway: every request reaches the subgraph with 150 ms left, so each attempt gets 100 ms of 300
    const nearlySpent = () => createRequestScope(SERVICE_IDENTITY, Date.now() + 150);
    for (let i = 0; i < 5; i += 1) {
      const error = await rejection(inScope(nearlySpent(), () => upstream.call(read(http))));
      expect(error.extensions.code).toBe('UPSTREAM_TIMEOUT');
    }
    expect(upstream.stats()).toMatchObject({ breaker: 'closed', breakerOpened: 0 });
    expect(server.requests).toBe(5);

    // the upstream given its full timeout (no caller deadline) and still silent: that is its failure
    for (let i = 0; i < 2; i += 1) expect((await rejection(upstream.call(read(http)))).extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(upstream.stats()).toMatchObject({ breaker: 'open', breakerOpened: 1 });

    // a half-open probe cut short proves nothing: the breaker opens again instead of closing
    await sleep(220);
    expect((await rejection(inScope(nearlySpent(), () => upstream.call(read(http))))).extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(server.requests).toBe(8);
    expect(upstream.stats()).toMatchObject({ breaker: 'open', breakerOpened: 2 });
  });

  it('does not count 404s and 4xx rejections as failures', async () => {
    const { http } = await upstreamServer((n, _req, res) => json(res, n % 2 === 0 ? 404 : 422, {}));
    const upstream = make({ breaker: { consecutiveFailures: 2 } });
    for (let i = 0; i < 10; i += 1) await rejection(upstream.call(read(http)));
    expect(upstream.stats().breaker).toBe('closed');
  });
});

describe('createUpstream: bulkhead', () => {
  it('keeps at most maxConcurrent calls in flight (sockets seen by the upstream)', async () => {
    const { server, http } = await upstreamServer(async (_n, _req, res) => {
      await sleep(30);
      json(res, 200, { ok: true });
    });
    const upstream = make({ bulkhead: { maxConcurrent: 3, maxQueued: 100 } });
    const answers = await Promise.all(Array.from({ length: 12 }, () => upstream.call(read(http))));
    expect(answers).toHaveLength(12);
    expect(server.requests).toBe(12);
    expect(server.maxConcurrentSockets).toBeLessThanOrEqual(3);
  });

  it('fails at once when the queue is full, without calling the upstream', async () => {
    const { server, http } = await upstreamServer(async (_n, _req, res) => {
      await sleep(50);
      json(res, 200, { ok: true });
    });
    const upstream = make({ bulkhead: { maxConcurrent: 1, maxQueued: 2 } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => upstream.call(read(http))));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    expect((refused[0] as PromiseRejectedResult).reason.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.requests).toBe(3);
    expect(upstream.stats().bulkheadRejected).toBe(2);
  });

  it('counts the queue wait against the deadline', async () => {
    const { server, http } = await upstreamServer(async (_n, _req, res) => {
      await sleep(300);
      json(res, 200, { ok: true });
    });
    const upstream = make({ bulkhead: { maxConcurrent: 1, maxQueued: 10 } });
    const first = upstream.call(read(http));
    const started = Date.now();
    const queued = await rejection(inScope(createRequestScope(SERVICE_IDENTITY, started + 150), () => upstream.call(read(http))));
    expect(queued.extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(250);
    await first;
    await sleep(20);
    expect(server.requests).toBe(1);
  });
});

describe('createUpstream: bulkhead queue after a give-up', () => {
  it('hands the slot of a queued call that gave up on to the next one in the queue', async () => {
    const { server, http } = await upstreamServer(async (_n, _req, res) => {
      await sleep(200);
      json(res, 200, { ok: true });
    });
    const upstream = make({ bulkhead: { maxConcurrent: 1, maxQueued: 10 } });
    const first = upstream.call(read(http));
    const impatient = rejection(inScope(createRequestScope(SERVICE_IDENTITY, Date.now() + 100), () => upstream.call(read(http))));
    const patient = upstream.call(read(http));
    expect((await impatient).extensions.code).toBe('UPSTREAM_TIMEOUT');
    await first;
    const started = Date.now();
    await expect(patient).resolves.toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.requests).toBe(2);
  });
});

describe('createUpstream: budget gate', () => {
  function fakeGate(grant: boolean) {
    const requests: BudgetRequest[] = [];
    const observed: [string, UpstreamLimitSignal][] = [];
    const gate: UpstreamBudgetGate = {
      acquire: async (request) => {
        requests.push(request);
        return grant ? { granted: true } : { granted: false, retryAfterMs: 1_500 };
      },
      observe: (bucket, signal) => observed.push([bucket, signal]),
      close: async () => {},
    };
    return { gate, requests, observed };
  }

  it('asks for the call buckets with the caller priority; a refusal is UPSTREAM_BUDGET_EXHAUSTED without an upstream call', async () => {
    const { server, http } = await upstreamServer((_n, _req, res) => json(res, 200, { ok: true }));
    const { gate, requests } = fakeGate(false);
    const scope = createRequestScope(partner, Date.now() + 3_000);
    const error = await rejection(inScope(scope, () => make({ budget: gate }).call(read(http, { buckets: ['hubspot:search', 'hubspot:all'] }))));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_BUDGET_EXHAUSTED', retryAfterSeconds: 2 });
    expect(requests).toEqual([{ buckets: ['hubspot:search', 'hubspot:all'], priority: 'bulk', maxWaitMs: 250 }]);
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'RATE_LIMITED' }]);
    expect(server.requests).toBe(0);
  });

  it("reports a 429's block and HubSpot's rate-limit headers to the gate", async () => {
    const { http } = await upstreamServer((n, _req, res) =>
      n === 1
        ? json(res, 429, {}, { 'Retry-After': '1' })
        : json(
            res,
            200,
            { ok: true },
            { 'X-HubSpot-RateLimit-Remaining': '187', 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' },
          ),
    );
    const { gate, requests, observed } = fakeGate(true);
    const scope = createRequestScope(SERVICE_IDENTITY, Date.now() + 5_000);
    await inScope(scope, () => make({ budget: gate }).call(read(http, { buckets: ['hubspot:search', 'hubspot:all'] })));
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ priority: 'interactive', maxWaitMs: 2_000 });
    expect(observed).toEqual([
      ['hubspot:search', { blockedForMs: 1_000 }],
      ['hubspot:all', { remaining: 187, windowMs: 10_000 }],
    ]);
  });
});

describe('createUpstream: source statuses', () => {
  it('records OK, FAILED and the worst of them for the request', async () => {
    const { http } = await upstreamServer((n, _req, res) => (n === 1 ? json(res, 200, { ok: true }) : json(res, 500, {})));
    const upstream = make({ retry: { maxRetries: 0 } });
    const scope = createRequestScope(SERVICE_IDENTITY);
    await inScope(scope, () => upstream.call(read(http)));
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'OK' }]);
    await rejection(inScope(scope, () => upstream.call(read(http))));
    expect(scope.sources.reports()).toEqual([{ source: 'crm', status: 'FAILED' }]);
  });
});

describe('createUpstream: metrics and usage', () => {
  /** The value of one series of the process registry (0 when it does not exist yet). */
  async function sample(name: string, labels: Record<string, string>): Promise<number> {
    const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
    const value = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l));
    return value?.value ?? 0;
  }

  it('counts every HTTP request by endpoint and status, and each into the request scope, retries included', async () => {
    const { server, http } = await upstreamServer((n, _req, res) => (n === 1 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    const labels = { service: 'crm', system: 'hubspot', endpoint: 'readMetered' };
    const before = [
      await sample('omnigraph_upstream_requests_total', { ...labels, status: '503' }),
      await sample('omnigraph_upstream_requests_total', { ...labels, status: '200' }),
    ];
    const scope = createRequestScope(partner, Date.now() + 5_000);
    await inScope(scope, () => make().call(read(http, { operation: 'readMetered' })));
    expect(server.requests).toBe(2);
    expect(scope.usage.upstreamCalls).toBe(2);
    expect(await sample('omnigraph_upstream_requests_total', { ...labels, status: '503' })).toBe(before[0]! + 1);
    expect(await sample('omnigraph_upstream_requests_total', { ...labels, status: '200' })).toBe(before[1]! + 1);
  });

  it('counts nothing for a call the breaker or a nested failure kept from being sent', async () => {
    const { http } = await upstreamServer((_n, _req, res) => json(res, 200, { ok: true }));
    const scope = createRequestScope(partner, Date.now() + 5_000);
    const nested = new UpstreamError({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'crm', operation: 'refreshToken' });
    await rejection(inScope(scope, () => make().call(read(http, { operation: 'readNested', send: () => Promise.reject(nested) }))));
    expect(scope.usage.upstreamCalls).toBe(0);
    expect(await sample('omnigraph_upstream_requests_total', { endpoint: 'readNested' })).toBe(0);
  });

  it('never labels an endpoint that is not a method name (a path with an e-mail, say)', async () => {
    const { http } = await upstreamServer((_n, _req, res) => json(res, 200, { ok: true }));
    await make({ serviceName: 'eshop', product: 'woocommerce' }).call(read(http, { operation: '/crm/v3/objects/contacts/anna@example.com' }));
    const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === 'omnigraph_upstream_requests_total');
    const endpoints = (metric?.values ?? []).filter((v) => v.labels['system'] === 'woocommerce').map((v) => v.labels['endpoint']);
    expect(endpoints).toEqual(['other']);
  });

  it('labels an attempt that got no answer in time as timeout, and sets the breaker state gauge', async () => {
    const { http } = await upstreamServer(() => undefined); // never answers
    const upstream = make({
      serviceName: 'marketplace',
      product: 'allegro',
      attemptTimeoutMs: 50,
      retry: { maxRetries: 0 },
      breaker: { consecutiveFailures: 1 },
    });
    await rejection(upstream.call(read(http, { operation: 'readSlow' })));
    expect(await sample('omnigraph_upstream_requests_total', { system: 'allegro', endpoint: 'readSlow', status: 'timeout' })).toBe(1);
    expect(await sample('omnigraph_upstream_breaker_state', { service: 'marketplace', system: 'allegro' })).toBe(2);
    expect(await sample('omnigraph_upstream_calls_total', { system: 'allegro', result: 'UPSTREAM_TIMEOUT' })).toBeGreaterThanOrEqual(1);
  });
});
