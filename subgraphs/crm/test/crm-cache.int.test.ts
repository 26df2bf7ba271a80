import type { SimulatorStack } from '@omnigraph/simulator-stack';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope, SUBGRAPH_SOURCES_EXTENSION } from '@omnigraph/shared/sources';
import { createCrmServer, type CrmServer } from '../src/create-crm-server.ts';
import { createTestCrmClient, DEMO, hubspotCalls, SEARCH, setSearchRateLimit, startCrmTestStack } from './crm-test-support.ts';

// The crm subgraph with its cache, against the HubSpot simulator: contacts stand in for a failing HubSpot, and
// identical customer look-ups share one search.

const CALL_CENTER: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: ['customers:read'], profile: 'internal' };
const T0 = Date.UTC(2026, 11, 6, 10, 0, 0);
/** the simulator's route of every batch endpoint, under which a faulted batch read is counted */
const BATCH_ROUTE = 'POST /crm/v3/objects/:objectType/batch/:action';
const SEARCH_ROUTE = 'POST /crm/v3/objects/:objectType/search';

let stack: SimulatorStack;
let crm: CrmServer;
const clock = { now: T0 };

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** One subgraph request as serveSubgraph runs it: a request scope around the operation, a new context. */
async function execute(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const response = await runInRequestScope(createRequestScope(CALL_CENTER), () =>
    crm.server.executeOperation({ query, variables }, { contextValue: crm.createContext() }),
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

beforeAll(async () => {
  stack = await startCrmTestStack();
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  clock.now = T0;
  // a new server per test: a new, empty cache and single flight
  crm = createCrmServer({
    // no retries and no breaker: one failed HubSpot call per read makes the point about the cache (the policies
    // have their own tests)
    client: createTestCrmClient(stack, { policies: { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 1_000_000 } } }),
    cache: createMemoryCache(),
    cacheTtlSeconds: 60,
    maxStaleSeconds: 900,
    lookupTtlSeconds: 10,
    now: () => clock.now,
  });
  stack.hubspot.control.resetCounters();
});
afterEach(async () => {
  stack.hubspot.control.clearFaults();
  await setSearchRateLimit(stack, null);
  await crm.server.stop();
});

const CUSTOMER = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      id
      name
      email
      loyalty {
        tier
      }
    }
  }
`;
const FIND_BY_PHONE = /* GraphQL */ `
  query ($phone: String) {
    findCustomers(phone: $phone, first: 10) {
      id
      name
    }
  }
`;

describe('crm subgraph while HubSpot fails', () => {
  it('serves a contact read before, flagged STALE with the time it was read, after the failed HubSpot call', async () => {
    const live = await execute(CUSTOMER, { id: DEMO.anna.id });
    expect(live.errors).toBeUndefined();
    expect(live.extensions?.[SUBGRAPH_SOURCES_EXTENSION]).toEqual([{ source: 'crm', status: 'OK' }]);

    clock.now = T0 + 5 * 60_000;
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    stack.hubspot.control.resetCounters();
    const stale = await execute(CUSTOMER, { id: DEMO.anna.id });

    expect(stale.errors).toBeUndefined();
    expect(stale.data).toEqual(live.data);
    expect(stale.extensions?.[SUBGRAPH_SOURCES_EXTENSION]).toEqual([{ source: 'crm', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    // the one failed batch read (a faulted request is counted under its route, before any handler runs)
    expect(stack.hubspot.control.counters()).toEqual({ total: 1, endpoints: { [BATCH_ROUTE]: 1 } });
  });

  it('answers a contact never read with the error, FAILED', async () => {
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    const result = await execute(CUSTOMER, { id: DEMO.tomasz.id });
    expect(result.data).toEqual({ customer: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'crm' });
    expect(result.extensions?.[SUBGRAPH_SOURCES_EXTENSION]).toEqual([{ source: 'crm', status: 'FAILED' }]);
  });
});

describe('identical customer look-ups', () => {
  it('20 identical concurrent phone look-ups cost one HubSpot search, even under the 5 searches/s budget', async () => {
    await setSearchRateLimit(stack, { limit: 5, windowMs: 1_000 });
    const results = await Promise.all(Array.from({ length: 20 }, () => execute(FIND_BY_PHONE, { phone: '+48 600 100 200' })));
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect((result.data?.['findCustomers'] as { id: string }[]).map((c) => c.id)).toEqual([DEMO.tomasz.id]);
    }
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
    // the contacts came with the search: no batch read for their fields
    expect(stack.hubspot.control.counters().total).toBe(1);
  });

  it('answers the same look-up (any spelling of the number) from the cache for CRM_LOOKUP_CACHE_TTL_SECONDS, then searches again', async () => {
    await execute(FIND_BY_PHONE, { phone: '+48 600 100 200' });
    clock.now = T0 + 9_000;
    const again = await execute(FIND_BY_PHONE, { phone: '600-100-200' });
    expect((again.data?.['findCustomers'] as { id: string }[]).map((c) => c.id)).toEqual([DEMO.tomasz.id]);
    expect(again.extensions?.[SUBGRAPH_SOURCES_EXTENSION]).toEqual([{ source: 'crm', status: 'OK', asOf: new Date(T0).toISOString() }]);
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
    clock.now = T0 + 11_000;
    await execute(FIND_BY_PHONE, { phone: '600100200' });
    expect(hubspotCalls(stack, SEARCH)).toBe(2);
  });

  it('serves the last look-up, STALE, when HubSpot refuses the search (429)', async () => {
    await execute(FIND_BY_PHONE, { phone: '+48 600 100 200' });
    clock.now = T0 + 60_000;
    stack.hubspot.control.addFaults([{ kind: 'rate_limit', ratio: 1 }]);
    stack.hubspot.control.resetCounters();
    const result = await execute(FIND_BY_PHONE, { phone: '+48 600 100 200' });
    expect(result.errors).toBeUndefined();
    expect((result.data?.['findCustomers'] as { id: string }[]).map((c) => c.id)).toEqual([DEMO.tomasz.id]);
    expect(result.extensions?.[SUBGRAPH_SOURCES_EXTENSION]).toEqual([{ source: 'crm', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    // the refused search and the refused batch read of the (no longer fresh) contact
    expect(stack.hubspot.control.counters()).toEqual({ total: 2, endpoints: { [SEARCH_ROUTE]: 1, [BATCH_ROUTE]: 1 } });
  });
});
