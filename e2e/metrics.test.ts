/**
 * Metrics end to end (issue 9): after a scripted workload — served, partial and refused requests with two partner
 * keys, the call center and an unknown key — the gateway's metrics count exactly the requests sent (by outcome, error
 * code and key), and the upstream calls counted by the subgraphs' metrics, by the request records (what the partners
 * consumed) and by the simulators themselves agree. The registry is the process's: only deltas are compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf } from '@omnigraph/auth';
import { collectProcessMetrics } from '@omnigraph/shared/metrics';
import { getDataset } from '@omnigraph/simulator-dataset';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { deltaBy, scrape, total, type Sample } from './metrics-exposition.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

const SCALE = 0.05;
const anna = getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === 'anna-kowalska')!;
let stack: E2eStack;

beforeAll(async () => {
  // no stale stand-ins: the Allegro outage below must end in a partial answer, not in yesterday's orders
  stack = await startE2eStack({ scale: SCALE, subgraphEnv: { MARKETPLACE_MAX_STALE_ORDERS_SECONDS: '0' } });
}, 60_000);
afterAll(() => stack?.close());

const PARTNER_QUERY = registeredOperationText('PartnerProductsBySku');
// filter mode: findCustomers needs customers:read, which a catalog key lacks → removed, FORBIDDEN beside the data
const MIXED_QUERY = 'query MixedRead($sku: ID!) { product(sku: $sku) { name } findCustomers(email: "nobody@example.com") { name } }';
const FORBIDDEN_QUERY = 'query OnlyCustomers { findCustomers(email: "nobody@example.com") { name } }';
const CALL_CENTER_QUERY = `query CallCenterOrders($email: String!) {
  findCustomers(email: $email) { name orders(first: 20) { totalCount unavailableChannels } }
}`;

/** Lets the gateway finish each response's record (emitted when the server side of the response has closed). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('metrics after a scripted workload', () => {
  it('count exactly the requests sent by outcome, code and key, and the upstream calls the simulators saw', async () => {
    const skus = stack.dataset.products.slice(0, 3).map((p) => p.sku);
    const keyA = await stack.createKey({ name: 'partner A', scopes: ['catalog:read', 'stock:read'] });
    // B's limit is hit on its fifth request (refused requests are charged too)
    const keyB = await stack.createKey({ name: 'partner B', scopes: ['catalog:read', 'stock:read'], rateLimitPerMinute: 4 });
    const [a, b, callCenter] = [keyIdOf(keyA), keyIdOf(keyB), keyIdOf(stack.callCenterKey)];

    await settle();
    const before = await scrape();
    stack.resetCounters();

    const sent: { key: string; status: number }[] = [];
    const send = async (query: string, variables: Record<string, unknown>, key: string) => {
      const res = await stack.query(query, variables, { key });
      sent.push({ key, status: res.status });
      return res;
    };
    // A: 3 served (registered operation), 2 partial (FORBIDDEN field removed)
    for (const sku of skus) expect((await send(PARTNER_QUERY, { skus: [sku] }, keyA)).status).toBe(200);
    for (const sku of skus.slice(0, 2)) {
      const res = await send(MIXED_QUERY, { sku }, keyA);
      expect(res.status).toBe(200);
      expect(res.body.data.product.name).toBeTruthy();
      expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
    // B: 2 served, 1 refused 403 (nothing it may read), 1 served, then 1 refused 429
    expect((await send(PARTNER_QUERY, { skus }, keyB)).status).toBe(200);
    expect((await send(PARTNER_QUERY, { skus: [skus[0]] }, keyB)).status).toBe(200);
    expect((await send(FORBIDDEN_QUERY, {}, keyB)).status).toBe(403);
    expect((await send(PARTNER_QUERY, { skus: [skus[1]] }, keyB)).status).toBe(200);
    const limited = await send(PARTNER_QUERY, { skus }, keyB);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // the call center during an Allegro outage: partial, UPSTREAM_UNAVAILABLE (after the helper's retries)
    stack.simulators.allegro.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    try {
      const res = await send(CALL_CENTER_QUERY, { email: anna.email }, stack.callCenterKey);
      expect(res.status).toBe(200);
      expect(res.body.data.findCustomers[0].orders.unavailableChannels).toEqual(['MARKETPLACE']);
      expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain('UPSTREAM_UNAVAILABLE');
      // the subgraphs' count travels in their extensions, never to the client
      expect(JSON.stringify(res.body)).not.toMatch(/omnigraphUpstreamCalls|omnigraphSources/);
    } finally {
      stack.simulators.allegro.control.clearFaults();
    }
    // and the call center once more, served
    expect((await send(CALL_CENTER_QUERY, { email: anna.email }, stack.callCenterKey)).status).toBe(200);
    // an unknown key: refused before anyone is identified
    expect((await send(PARTNER_QUERY, { skus }, `${keyA.slice(0, -6)}AAAAAA`)).status).toBe(401);

    await settle();
    const after = await scrape();
    const simulators = stack.upstreamCalls();

    const requests = deltaBy(before, after, 'omnigraph_gateway_requests_total', ['key_id', 'outcome', 'code', 'operation']);
    expect(requests).toEqual({
      [`${a}|ok|none|PartnerProductsBySku`]: 3,
      [`${a}|partial|FORBIDDEN|MixedRead`]: 2,
      [`${b}|ok|none|PartnerProductsBySku`]: 3,
      [`${b}|refused|FORBIDDEN|OnlyCustomers`]: 1,
      [`${b}|refused|RATE_LIMITED|PartnerProductsBySku`]: 1,
      [`${callCenter}|partial|UPSTREAM_UNAVAILABLE|CallCenterOrders`]: 1,
      [`${callCenter}|ok|none|CallCenterOrders`]: 1,
      // refused before its body was read: no operation name known
      'none|refused|UNAUTHENTICATED|anonymous': 1,
    });
    expect(Object.values(requests).reduce((x, y) => x + y, 0)).toBe(sent.length);
    // one duration observation per request
    expect(total(after, 'omnigraph_gateway_request_duration_seconds_count') - total(before, 'omnigraph_gateway_request_duration_seconds_count')).toBe(
      sent.length,
    );
    expect(deltaBy(before, after, 'omnigraph_gateway_edge_decisions_total', ['decision', 'reason'])).toEqual({
      'admitted|none': 10,
      'refused|FORBIDDEN': 1,
      'refused|RATE_LIMITED': 1,
      'refused|UNAUTHENTICATED': 1,
    });
    // every request past authentication met the rate limiter: 12, of which B's last was refused
    expect(deltaBy(before, after, 'omnigraph_gateway_rate_limit_decisions_total', ['decision', 'reason'])).toEqual({
      'allowed|none': 11,
      'refused|RATE_LIMITED': 1,
    });

    // upstream calls: the subgraphs' metrics per system = what each simulator counted
    const upstream = deltaBy(before, after, 'omnigraph_upstream_requests_total', ['system']);
    const counted = Object.fromEntries(Object.entries(simulators).filter(([, n]) => n > 0));
    expect(upstream).toEqual(counted);
    expect(simulators.allegro).toBeGreaterThan(1); // the outage's attempts and retries were counted too
    expect(deltaBy(before, after, 'omnigraph_upstream_requests_total', ['system', 'status'])['allegro|503']).toBeGreaterThan(0);
    // … and what the request records carried (the subgraphs' reported counts), per key, add up to the same total
    const perKey = deltaBy(before, after, 'omnigraph_gateway_key_upstream_calls_total', ['key_id']);
    const simulatorTotal = Object.values(simulators).reduce((x, y) => x + y, 0);
    expect(Object.values(perKey).reduce((x, y) => x + y, 0)).toBe(simulatorTotal);
    expect(perKey[callCenter]).toBeGreaterThan(0);
    // a refused request costs nothing; a served one its estimated cost
    const cost = deltaBy(before, after, 'omnigraph_gateway_key_cost_total', ['key_id']);
    expect(cost[a]).toBeGreaterThan(0);
    expect(cost[b]).toBeGreaterThan(0);

    // subgraph fetches: every admitted request fetched at least once; the Allegro outage is visible per subgraph
    const fetches = deltaBy(before, after, 'omnigraph_gateway_subgraph_fetches_total', ['subgraph']);
    expect(fetches['erp']).toBeGreaterThanOrEqual(8);
    expect(upstreamCallsResult(before, after)).toMatchObject({ 'allegro|UPSTREAM_UNAVAILABLE': expect.any(Number) });
  });

  it('exposes process metrics and every instrument with a service label, names under omnigraph_', async () => {
    // what each process's boot does once (the e2e stack runs every service in this process, like `npm start`)
    collectProcessMetrics('gateway');
    collectProcessMetrics('erp');
    const samples = await scrape();
    expect(samples.find((s) => s.name === 'omnigraph_nodejs_eventloop_lag_p99_seconds')?.labels).toEqual({ service: 'gateway' });
    expect(total(samples, 'omnigraph_nodejs_heap_size_used_bytes', { service: 'gateway' })).toBeGreaterThan(0);
    expect(samples.filter((s) => s.labels['service'] === 'erp' && s.name.startsWith('omnigraph_nodejs_'))).toEqual([]);
    for (const sample of samples) {
      expect(sample.name, sample.name).toMatch(/^omnigraph_/);
    }
    const ours = samples.filter((s) => /^omnigraph_(gateway|upstream|cache)_/.test(s.name));
    expect(ours.length).toBeGreaterThan(0);
    for (const sample of ours) expect(sample.labels['service'], sample.name).toMatch(/^(gateway|erp|eshop|crm|marketplace)$/);
    // no label value anywhere looks like an e-mail or a URL path
    for (const sample of samples) {
      for (const value of Object.values(sample.labels)) expect(value).not.toMatch(/@|\//);
    }
  });
});

describe('request ids', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.callCenterKey, ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('keeps a sane x-request-id and sends it back', async () => {
    const res = await post({ 'x-request-id': 'partner-req.42:abc' });
    expect(res.headers.get('x-request-id')).toBe('partner-req.42:abc');
  });

  it('replaces a missing, overlong or odd x-request-id with a new UUID', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const cases: Record<string, string>[] = [{}, { 'x-request-id': 'x'.repeat(129) }, { 'x-request-id': 'a b<script>' }];
    for (const headers of cases) {
      const res = await post(headers);
      expect(res.headers.get('x-request-id')).toMatch(uuid);
    }
    // refused requests carry one too
    const refused = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(uuid);
  });
});

function upstreamCallsResult(before: readonly Sample[], after: readonly Sample[]) {
  return deltaBy(before, after, 'omnigraph_upstream_calls_total', ['system', 'result']);
}
