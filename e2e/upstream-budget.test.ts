/**
 * The upstream budget governor end to end (issue 8, point 5): HubSpot allows 5 searches per second for the whole
 * portal, and every `findCustomers` is one search. A partner key sending 50 look-ups/s must not lock the call center
 * (2/s) out, HubSpot must never see a 6th search inside any second, and the partner gets a 429 with `Retry-After` and
 * a stable code instead. Then the same with two crm replicas behind two gateways sharing one Redis.
 *
 * The governor's state lives in a private `redis-server`: its keys (`budget:v1:…`) are not per test, so a shared Redis
 * would mix this run with any other budget test running at the same time.
 *
 * Every look-up uses a phone number no other request of the run uses, so each one costs a search (the crm subgraph
 * caches and deduplicates identical look-ups). The call center looks up real customers and must find them; the
 * partner's numbers belong to nobody (an empty answer still costs a search).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '@omnigraph/auth';
import { createGateway, loadGatewayConfig, type Gateway } from '@omnigraph/gateway';
import { subgraphEnvFor } from '@omnigraph/simulator-stack';
import { isRedisServerAvailable, requireRedisInCi, startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import { loadCrmConfig, startCrmSubgraph } from '@omnigraph/subgraph-crm';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

requireRedisInCi('the HubSpot search budget across gateways and crm replicas', { redisServerBinary: true });

/** The HubSpot simulator's counter of contact searches (one per `findCustomers`). */
const CONTACT_SEARCH = 'POST /crm/v3/objects/contacts/search';
const SEARCHES_PER_SECOND = 5;

/**
 * HubSpot's budgets on (test stacks switch them off), at their production values, for a deployment of two crm
 * replicas (the second joins in the second test). Two knobs are set for this harness, where the HubSpot simulator
 * shares one event loop with both gateways, all five subgraphs and the load generator, on a CI machine whose cores
 * other jobs share:
 * - the window margin (see packages/shared/src/budget/README.md, "Window margin"): a HubSpot search is counted when
 *   the simulator's handler runs, so a stall of this one process between a grant and that moment shifts the arrival.
 *   Stalls of 115–140 ms were measured here (6 searches within 981 ms with the default 100 ms margin); 250 ms covers
 *   them. A deployment's HubSpot counts arrivals independently of the subgraph's event loop.
 * - the Redis timeout: the same stalls delay Redis answers past the default 100 ms, and the governor would then decide
 *   from its local share for a while (its own behaviour, tested in packages/shared/src/budget/budget-outage.test.ts).
 *   This Redis is private and healthy.
 */
const BUDGET_ON = {
  HUBSPOT_BUDGET_REQUESTS_PER_10S: '190',
  HUBSPOT_BUDGET_SEARCHES_PER_SECOND: String(SEARCHES_PER_SECOND),
  UPSTREAM_BUDGET_REPLICAS: '2',
  UPSTREAM_BUDGET_WINDOW_MARGIN_MS: '250',
  UPSTREAM_BUDGET_REDIS_TIMEOUT_MS: '1000',
};

/**
 * The gateway's own protections, out of the way: this file measures the governor. The partner's per-key
 * concurrency cap (10 by default) would answer some of the 50/s with CONCURRENCY_LIMIT_EXCEEDED while look-ups wait
 * their 250 ms for a unit, and lag-based load shedding would turn a busy CI machine's hiccup into a call-center
 * failure. Both have tests of their own (e2e/load-protection).
 */
const GATEWAY_ENV = {
  GATEWAY_PARTNER_MAX_CONCURRENT: '1000',
  GATEWAY_INTERNAL_MAX_CONCURRENT: '1000',
  GATEWAY_MAX_IN_FLIGHT: '5000',
  GATEWAY_SHED_BULK_LAG_MS: '10000',
  GATEWAY_SHED_INTERACTIVE_LAG_MS: '10000',
};

const LOOKUP = /* GraphQL */ `
  query ($phone: String) {
    findCustomers(phone: $phone) {
      id
    }
  }
`;

interface Outcome {
  status: number;
  retryAfter: string | null;
  body: {
    data?: { findCustomers?: { id: string }[] | null } | null;
    errors?: { extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  ms: number;
}

async function lookUp(gatewayUrl: string, key: string, phone: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: LOOKUP, variables: { phone } }),
    });
    const body = (await res.json()) as Outcome['body'];
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, retryAfter: null, body: { errors: [{ extensions: { code: String(error) } }] }, ms: performance.now() - started };
  }
}

/**
 * Open loop: request `i` is sent at `start + i / rate` whether or not earlier ones have answered (a closed loop would
 * slow down with the server and hide the overload), `rate × seconds` requests in all.
 */
async function openLoop(ratePerSecond: number, seconds: number, send: (i: number) => Promise<Outcome>): Promise<Outcome[]> {
  const total = Math.round(ratePerSecond * seconds);
  const start = performance.now();
  const pending: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1_000) / ratePerSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(i));
  }
  return Promise.all(pending);
}

/** The most arrivals inside any 1-second window [t, t + 1000 ms), and where it starts. */
function maxInAnySecond(arrivals: readonly number[]): { max: number; at: number | undefined } {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  let at: number | undefined;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! - sorted[start]! < 1_000) end++;
    if (end - start > max) {
      max = end - start;
      at = sorted[start];
    }
  }
  return { max, at };
}

/**
 * How far apart the closest `limit + 1` consecutive arrivals were: under 1000 ms means the upstream saw limit + 1 in
 * a second; the difference to the governor's window (1000 ms + margin) is the jitter the margin absorbed.
 */
function tightestSpan(arrivals: readonly number[], limit: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let tightest = Infinity;
  for (let i = 0; i + limit < sorted.length; i++) tightest = Math.min(tightest, sorted[i + limit]! - sorted[i]!);
  return tightest;
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Numbers nobody has: 9 digits starting with 5, from a range per loop so no look-up repeats another. */
const unknownPhone = (range: number, i: number): string => `5${range}${String(i).padStart(7, '0')}`;

const codeOf = (o: Outcome): string | undefined => o.body.errors?.[0]?.extensions?.['code'] as string | undefined;
const sourcesOf = (o: Outcome): unknown => o.body.extensions?.['sources'];

function tally(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const label = `${o.status}${codeOf(o) ? ` ${codeOf(o)}` : ''}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!isRedisServerAvailable())('HubSpot search budget through the gateway', () => {
  let redis: DisposableRedisServer;
  let stack: E2eStack;
  /** real customers' phone numbers (national digits) and their CRM ids, each looked up once by the call center */
  let customers: { phone: string; id: string }[];
  let nextCustomer = 0;

  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await startE2eStack({ scale: 0.1, redisUrl: redis.url, subgraphEnv: BUDGET_ON, gatewayEnv: GATEWAY_ENV });
    const byPhone = new Map<string, string[]>();
    for (const c of stack.dataset.crmContacts) {
      if (c.phoneDigits !== null) byPhone.set(c.phoneDigits, [...(byPhone.get(c.phoneDigits) ?? []), c.id]);
    }
    // numbers shared by several contacts would still be one search; one contact per number keeps the check exact
    customers = [...byPhone].filter(([, ids]) => ids.length === 1).map(([phone, ids]) => ({ phone, id: ids[0]! }));
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  const callCenterLookUp = async (gatewayUrl: string, key: string) => {
    const customer = customers[nextCustomer++ % customers.length]!;
    const outcome = await lookUp(gatewayUrl, key, customer.phone);
    const found = outcome.body.data?.findCustomers?.some((c) => c.id === customer.id) === true;
    return { outcome, ok: outcome.status === 200 && outcome.body.errors === undefined && found };
  };

  it('a partner at 50 look-ups/s gets 429s while the call center at 2/s is served and HubSpot never sees 6 searches in a second', async () => {
    const SECONDS = 30;
    expect(customers.length, 'distinct real phone numbers for the call center').toBeGreaterThanOrEqual(2 * SECONDS);
    // Look-ups by phone need customers:pii (issue 10): the partner here is one entitled to them, competing for HubSpot's budget.
    const partnerKey = await stack.createKey({
      name: 'e2e partner',
      scopes: ['customers:read', 'customers:pii'],
      profile: 'partner',
      rateLimitPerMinute: 1_000_000,
    });
    stack.resetCounters();

    const callCenter: { outcome: Outcome; ok: boolean }[] = [];
    const [partner] = await Promise.all([
      openLoop(50, SECONDS, (i) => lookUp(stack.url, partnerKey, unknownPhone(1, i))),
      openLoop(2, SECONDS, async () => {
        const result = await callCenterLookUp(stack.url, stack.callCenterKey);
        callCenter.push(result);
        return result.outcome;
      }),
    ]);

    const arrivals = stack.simulators.hubspot.control.arrivals(CONTACT_SEARCH);
    const window = maxInAnySecond(arrivals);
    const spanSeconds = arrivals.length > 1 ? (arrivals.at(-1)! - arrivals[0]!) / 1_000 : 0;
    const succeeded = callCenter.filter((r) => r.ok).length;
    const ms = callCenter.map((r) => r.outcome.ms);
    const limited = partner.filter((o) => o.status === 429);
    console.log(
      `governor, one replica, ${SECONDS} s: HubSpot searches ${arrivals.length} over ${spanSeconds.toFixed(1)} s ` +
        `(${(arrivals.length / Math.max(spanSeconds, 1)).toFixed(2)}/s), max ${window.max} in any second ` +
        `(closest ${SEARCHES_PER_SECOND + 1} consecutive: ${tightestSpan(arrivals, SEARCHES_PER_SECOND)} ms apart); ` +
        `call center ${succeeded}/${callCenter.length} ok, p50 ${Math.round(percentile(ms, 50))} ms, p99 ${Math.round(percentile(ms, 99))} ms; ` +
        `partner ${JSON.stringify(tally(partner))}, Retry-After seen ${JSON.stringify([...new Set(limited.map((o) => o.retryAfter))])}`,
    );

    expect(callCenter).toHaveLength(2 * SECONDS);
    expect(succeeded / callCenter.length).toBeGreaterThanOrEqual(0.99);
    expect(window.max, `searches in the second from ${window.at}`).toBeLessThanOrEqual(SEARCHES_PER_SECOND);
    // every look-up that was answered cost exactly one search, and none was lost on the way
    const answered = partner.filter((o) => o.status === 200).length + callCenter.filter((r) => r.outcome.status === 200).length;
    expect(arrivals.length).toBe(answered);

    expect(limited.length).toBeGreaterThan(0);
    for (const o of limited) {
      expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(codeOf(o)).toBe('UPSTREAM_BUDGET_EXHAUSTED');
      expect(sourcesOf(o)).toContainEqual({ source: 'crm', status: 'RATE_LIMITED' });
    }
    // the partner is slowed to what is left, not shut out
    expect(partner.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    // nothing else answered the partner: each look-up either got its search or the budget's 429
    expect(partner.length - limited.length).toBe(partner.filter((o) => o.status === 200 && o.body.errors === undefined).length);
  }, 90_000);

  describe('two replicas: two gateways, two crm subgraphs, one Redis', () => {
    let crm2: { url: string; stop(): Promise<void> };
    let gateway2: Gateway;
    let gateway2Url: string;

    beforeAll(async () => {
      crm2 = await startCrmSubgraph(
        loadCrmConfig({
          // the stack's crm is configured exactly like this (scripts/start-subgraphs.ts)
          ...subgraphEnvFor(stack.simulators.hubspot, stack.simulators.urls.hubspot),
          CRM_PORT: '0',
          OMNIGRAPH_SUBGRAPH_SECRET: stack.subgraphSecret,
          CRM_FRESHNESS_ENABLED: 'false',
          REDIS_URL: redis.url,
          ...BUDGET_ON,
        }),
      );
      gateway2 = await createGateway(
        loadGatewayConfig({
          GATEWAY_PORT: '0',
          ERP_URL: stack.subgraphUrls.erp,
          ESHOP_URL: stack.subgraphUrls.eshop,
          CRM_URL: crm2.url,
          MARKETPLACE_URL: stack.subgraphUrls.marketplace,
          OMNIGRAPH_SUBGRAPH_SECRET: stack.subgraphSecret,
          LOG_LEVEL: 'warn',
          ...GATEWAY_ENV,
        }),
        { keyStore: createMemoryKeyStore() },
      );
      gateway2Url = await gateway2.listen();
    }, 30_000);

    afterAll(async () => {
      await gateway2?.close();
      await crm2?.stop();
    });

    it('the search budget holds across both replicas, with more internal demand than the budget', async () => {
      const SECONDS = 12;
      // Internal look-ups (call center and stores) at 8/s alone ask for more than the 5/s budget, partners for ten
      // times more: a budget kept per replica would let about twice the limit through.
      const INTERNAL_PER_SECOND = 8;
      const keys2 = {
        partner: (
          await gateway2.apiKeys.createKey({
            name: 'e2e partner',
            ownerId: 'omnigraph-e2e',
            scopes: ['customers:read', 'customers:pii'],
            profile: 'partner',
            rateLimitPerMinute: 1_000_000,
          })
        ).key,
        internal: (
          await gateway2.apiKeys.createKey({
            name: 'e2e call center',
            ownerId: 'omnigraph-e2e',
            scopes: ['customers:read', 'customers:pii'],
            profile: 'internal',
            rateLimitPerMinute: 1_000_000,
          })
        ).key,
      };
      const replicas = [
        {
          url: stack.url,
          partner: await stack.createKey({ name: 'e2e partner', scopes: ['customers:read', 'customers:pii'], profile: 'partner' }),
          internal: stack.callCenterKey,
        },
        { url: gateway2Url, ...keys2 },
      ];
      // the first test's grants leave the search window
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      stack.resetCounters();

      const [partner, internal] = await Promise.all([
        openLoop(50, SECONDS, (i) => lookUp(replicas[i % 2]!.url, replicas[i % 2]!.partner, unknownPhone(2, i))),
        openLoop(INTERNAL_PER_SECOND, SECONDS, (i) => lookUp(replicas[i % 2]!.url, replicas[i % 2]!.internal, unknownPhone(3, i))),
      ]);

      const arrivals = stack.simulators.hubspot.control.arrivals(CONTACT_SEARCH);
      const window = maxInAnySecond(arrivals);
      const spanSeconds = arrivals.length > 1 ? (arrivals.at(-1)! - arrivals[0]!) / 1_000 : 0;
      // at most 5 in each of the whole seconds the searches spread over
      const budget = SEARCHES_PER_SECOND * Math.max(1, Math.ceil(spanSeconds));
      // each answered look-up is one search made by the crm replica behind that gateway
      const answeredBy = (replica: number) =>
        [partner, internal].flatMap((loop) => loop.filter((o, i) => i % 2 === replica && o.status === 200)).length;
      console.log(
        `governor, two replicas, ${SECONDS} s: HubSpot searches ${arrivals.length} over ${spanSeconds.toFixed(1)} s ` +
          `(budget ${budget}), max ${window.max} in any second ` +
          `(closest ${SEARCHES_PER_SECOND + 1} consecutive: ${tightestSpan(arrivals, SEARCHES_PER_SECOND)} ms apart); ` +
          `answered by replica 1 ${answeredBy(0)}, replica 2 ${answeredBy(1)}; ` +
          `internal ${JSON.stringify(tally(internal))}; partner ${JSON.stringify(tally(partner))}`,
      );

      expect(window.max, `searches in the second from ${window.at}`).toBeLessThanOrEqual(SEARCHES_PER_SECOND);
      expect(arrivals.length).toBeLessThanOrEqual(budget * 1.01);
      expect(arrivals.length).toBe(answeredBy(0) + answeredBy(1));
      expect(answeredBy(0)).toBeGreaterThan(0);
      expect(answeredBy(1)).toBeGreaterThan(0);
      // internal callers went first: every search partners got was one internal demand left over
      expect(internal.filter((o) => o.status === 200).length).toBeGreaterThan(partner.filter((o) => o.status === 200).length);
      expect(partner.filter((o) => o.status === 429).length).toBeGreaterThan(0);
    }, 60_000);
  });
});
