/**
 * Issue 9, "Done when": SIGTERM with 50 requests in flight (Odoo answering after 500 ms) loses none of them, whether
 * it reaches the gateway process or a subgraph process. The processes under signal are real child processes running
 * their production entry files; everything else (simulators, the other subgraphs, the gateway of the second case)
 * runs in this process on free ports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService, createFileKeyStore, createMemoryKeyStore } from '@omnigraph/auth';
import { createGateway, loadGatewayConfig, type Gateway } from '@omnigraph/gateway';
import { getDataset } from '@omnigraph/simulator-dataset';
import { subgraphEnvFor } from '@omnigraph/simulator-stack';
import { spawnEntry, type SpawnedEntry } from '@omnigraph/shared/testing';
import { startTestUpstreams, type TestUpstreams } from '../scripts/start-subgraphs.ts';
import { ALL_SCOPES } from './start-e2e-stack.ts';

const SCALE = 0.1;
const IN_FLIGHT = 50;
const ODOO_LATENCY_MS = 500;
const root = new URL('../', import.meta.url).pathname;
// what every process here shares: no Redis (keys, caches and rate limits in memory), no lag-based shedding (the
// machine's load is every other test file), every request a fresh Odoo call (no cache), room for 50 calls at once
const COMMON_ENV = {
  GATEWAY_SHED_BULK_LAG_MS: '100000',
  GATEWAY_SHED_INTERACTIVE_LAG_MS: '100000',
  ERP_CACHE_TTL_SECONDS: '0',
  ERP_MAX_STALE_CATALOGUE_SECONDS: '0',
  ERP_MAX_STALE_STOCK_SECONDS: '0',
  ERP_MAX_CONCURRENT_CALLS: '100',
  ERP_FRESHNESS_ENABLED: 'false',
};

/** The environment of a child process: this one's, without Redis, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, ...rest } = process.env;
  return { ...rest, ...COMMON_ENV, LOG_LEVEL: 'info', ...env };
}

const skus = getDataset({ scale: SCALE }).products.map((p) => p.sku);

/** 50 product reads through the gateway, each its own Odoo call (distinct SKUs, no cache) */
function sendInFlight(gatewayUrl: string, key: string, from: number): Promise<{ status: number; body: any }>[] {
  // a dropped request becomes status 0, so a failing drain shows as a diff of statuses
  return skus
    .slice(from, from + IN_FLIGHT)
    .map(async (sku) => {
      const res = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: `{ product(sku: "${sku}") { sku name } }` }),
      });
      return { status: res.status, body: await res.json() };
    })
    .map((answer) => answer.catch((error: Error) => ({ status: 0, body: { transportError: error.message } })));
}

/** Polls `url` every 5 ms from now; resolves with the ms until `accept` says yes (or the last answer at timeout). */
async function msUntil(url: string, accept: (outcome: number | 'refused') => boolean, since: number): Promise<number> {
  for (;;) {
    const outcome = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      async (res) => (await res.arrayBuffer(), res.status),
      () => 'refused' as const,
    );
    if (accept(outcome)) return performance.now() - since;
    if (performance.now() - since > 5_000) throw new Error(`no accepted answer from ${url} within 5 s (last: ${outcome})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resolves once the service behind `metricsUrl` holds `count` requests received and not yet answered. */
async function inFlightReaches(metricsUrl: string, service: string, count: number): Promise<void> {
  const series = new RegExp(`^omnigraph_http_requests_in_flight\\{service="${service}"\\} (\\d+)$`, 'm');
  for (;;) {
    const text = await (await fetch(metricsUrl)).text();
    if (Number(series.exec(text)?.[1] ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** `log`: the drained process's output, shown when an answer is missing (its `stopped` line says what was cut) */
function expectEveryAnswerComplete(answers: { status: number; body: any }[], from: number, log: () => string): void {
  expect(
    answers.map((a) => a.status),
    log(),
  ).toEqual(Array(IN_FLIGHT).fill(200));
  for (const [i, a] of answers.entries()) {
    expect(a.body.errors, `answer ${i}: ${log()}`).toBeUndefined();
    expect(a.body.data.product).toMatchObject({ sku: skus[from + i], name: expect.any(String) });
  }
}

describe('graceful drain on SIGTERM (real child processes)', () => {
  let upstreams: TestUpstreams;
  const children: SpawnedEntry[] = [];
  beforeAll(async () => {
    upstreams = await startTestUpstreams({ scale: SCALE, subgraphEnv: COMMON_ENV });
  });
  afterAll(async () => {
    for (const child of children) child.kill();
    await upstreams?.stop();
  });

  /** waits until Odoo has received `count` calls since the last counter reset: the requests are in flight */
  async function odooCallsReach(count: number): Promise<void> {
    const odoo = upstreams.simulators.odoo;
    while (odoo.control.counters().total < count) await new Promise((r) => setTimeout(r, 5));
  }

  it('gateway process: readiness 503 at once, served through the delay, 50 × 200, exit 0 within the grace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnigraph-drain-'));
    const keyFile = join(dir, 'keys.json');
    const pepper = 'drain-test-pepper-0123456789abcdefghijkl';
    const keys = createApiKeyService({ store: createFileKeyStore(keyFile), pepper, env: 'live' });
    const { key } = await keys.createKey({ name: 'drain', ownerId: 'e2e', profile: 'internal', scopes: ALL_SCOPES, rateLimitPerMinute: 1_000_000 });
    const gateway = spawnEntry('gateway/src/index.ts', {
      cwd: root,
      env: childEnv({
        ...upstreams.subgraphs.gatewayEnv,
        OMNIGRAPH_SUBGRAPH_SECRET: upstreams.subgraphSecret,
        OMNIGRAPH_KEY_STORE_FILE: keyFile,
        OMNIGRAPH_API_KEY_PEPPER: pepper,
        GATEWAY_PORT: '0',
        GATEWAY_METRICS_PORT: 'off',
        GATEWAY_SHUTDOWN_DELAY_MS: '1000',
        GATEWAY_SHUTDOWN_GRACE_MS: '5000',
      }),
    });
    children.push(gateway);
    const url = (await gateway.waitFor(/gateway listening on (http:\/\/[\d.:]+)\/graphql/))[1]!;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    upstreams.simulators.odoo.control.setLatency({ fixedMs: ODOO_LATENCY_MS });
    upstreams.simulators.odoo.control.resetCounters();
    const inFlight = sendInFlight(url, key, 0);
    await odooCallsReach(IN_FLIGHT);

    const signalledAt = performance.now();
    gateway.child.kill('SIGTERM');
    const readinessMs = await msUntil(`${url}/readyz`, (s) => s === 503, signalledAt);
    // the delay: load balancers still send traffic while they learn of the 503; it is served, on new connections too
    const late = await fetch(`${url}/healthz`, { headers: { connection: 'close' } });
    const answers = await Promise.all(inFlight);
    const exit = await gateway.exited;
    upstreams.simulators.odoo.control.setLatency({ fixedMs: 0 });

    expect(readinessMs).toBeLessThan(100);
    expect(late.status).toBe(200);
    expectEveryAnswerComplete(answers, 0, () => gateway.output());
    expect(exit.code).toBe(0);
    // it waited for the delay, and finished well within delay + grace
    expect(exit.at - signalledAt).toBeGreaterThan(1_000);
    expect(exit.at - signalledAt).toBeLessThan(1_000 + 5_000);
    expect(gateway.output()).toMatch(/"msg":"stopped"/);
  });

  it('subgraph process (no delay): new requests refused or 503 at once, 50 × 200 through the gateway, exit 0', async () => {
    const odoo = upstreams.simulators.odoo;
    const erp = spawnEntry('subgraphs/erp/src/index.ts', {
      cwd: root,
      env: childEnv({
        ...subgraphEnvFor(odoo, upstreams.simulators.urls.odoo),
        OMNIGRAPH_SUBGRAPH_SECRET: upstreams.subgraphSecret,
        ERP_PORT: '0',
        // its in-flight gauge says when the erp itself holds the 50 requests (Odoo's call count alone cannot: a
        // retried call counts twice)
        ERP_METRICS_PORT: '0',
        ERP_SHUTDOWN_DELAY_MS: '0',
        ERP_SHUTDOWN_GRACE_MS: '5000',
      }),
    });
    children.push(erp);
    const erpUrl = (await erp.waitFor(/erp subgraph ready at (http:\/\/[\d.:]+\/graphql)/))[1]!;
    const metricsUrl = (await erp.waitFor(/"metrics":"(http:\/\/[\d.:]+\/metrics)"/))[1]!;
    let gateway: Gateway | undefined;
    try {
      gateway = await createGateway(
        loadGatewayConfig({
          ...COMMON_ENV,
          ...upstreams.subgraphs.gatewayEnv,
          ERP_URL: erpUrl,
          OMNIGRAPH_SUBGRAPH_SECRET: upstreams.subgraphSecret,
          GATEWAY_PORT: '0',
          LOG_LEVEL: 'warn',
        }),
        { keyStore: createMemoryKeyStore() },
      );
      const gatewayUrl = await gateway.listen();
      const { key } = await gateway.apiKeys.createKey({
        name: 'drain',
        ownerId: 'e2e',
        profile: 'internal',
        scopes: ALL_SCOPES,
        rateLimitPerMinute: 1_000_000,
      });

      // the subgraph's readiness check (an Odoo call, reused for 5 s) answered before Odoo slows down, so a probe
      // measures the drain, not Odoo's latency
      expect(await (await fetch(new URL('/readyz', erpUrl))).json()).toEqual({ status: 'ready' });
      odoo.control.setLatency({ fixedMs: ODOO_LATENCY_MS });
      odoo.control.resetCounters();
      const inFlight = sendInFlight(gatewayUrl, key, IN_FLIGHT);
      await inFlightReaches(metricsUrl, 'erp', IN_FLIGHT);
      await odooCallsReach(IN_FLIGHT);

      const signalledAt = performance.now();
      erp.child.kill('SIGTERM');
      const refusedMs = await msUntil(new URL('/readyz', erpUrl).href, (s) => s === 'refused' || s === 503, signalledAt);
      const answers = await Promise.all(inFlight);
      const exit = await erp.exited;
      odoo.control.setLatency({ fixedMs: 0 });

      expect(refusedMs).toBeLessThan(100);
      expectEveryAnswerComplete(answers, IN_FLIGHT, () => erp.output());
      expect(exit.code).toBe(0);
      expect(exit.at - signalledAt).toBeLessThan(5_000);
      // the gateway now names it
      const readiness = await fetch(`${gatewayUrl}/readyz`);
      expect(readiness.status).toBe(503);
      expect((await readiness.json()).subgraphs.erp).toBe('unreachable');
    } finally {
      odoo.control.setLatency({ fixedMs: 0 });
      await gateway?.close();
    }
  });
});
