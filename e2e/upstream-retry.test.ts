import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { ORDERS_QUERY } from './operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * One transient 503 on each of the four upstreams costs one retry and nothing else: the call-center query answers
 * exactly what a clean stack answers, with exactly one more upstream call per system. Two stacks with the same data
 * and fresh caches, so the clean one gives the call counts to compare with.
 */
const SCALE = 0.1;
const demo = (key: string) => getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === key)!;
const anna = demo('anna-kowalska');
let clean: E2eStack;
let faulty: E2eStack;
beforeAll(async () => {
  [clean, faulty] = await Promise.all([startE2eStack({ scale: SCALE }), startE2eStack({ scale: SCALE })]);
}, 90_000);
afterAll(async () => {
  await Promise.all([clean?.close(), faulty?.close()]);
});

describe('read retries through the whole stack', () => {
  it('answers completely after one 503 on each upstream, with one extra call per upstream', async () => {
    const reference = await clean.query(ORDERS_QUERY, { email: anna.email, first: 50 });
    expect(reference.body).not.toHaveProperty('errors');
    const cleanCalls = clean.upstreamCalls();

    const sims = faulty.simulators;
    sims.odoo.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    sims.woocommerce.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    sims.hubspot.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    // not the first Allegro request, which is the token refresh: a write, never retried
    sims.allegro.control.addFaults([{ kind: 'status', status: 503, count: 1, match: 'GET /order/checkout-forms' }]);
    const answer = await faulty.query(ORDERS_QUERY, { email: anna.email, first: 50 });

    expect(answer.body).not.toHaveProperty('errors');
    expect((answer.body as { data: unknown }).data).toEqual((reference.body as { data: unknown }).data);
    const faultyCalls = faulty.upstreamCalls();
    console.log(`upstream calls for anna's orders: clean ${JSON.stringify(cleanCalls)}, one 503 each ${JSON.stringify(faultyCalls)}`);
    expect({ ...faultyCalls, odoo: 0 }).toEqual({
      odoo: 0,
      woocommerce: cleanCalls.woocommerce + 1,
      hubspot: cleanCalls.hubspot + 1,
      allegro: cleanCalls.allegro + 1,
    });
    // Odoo's count depends on timing (two concurrent product reads may each read account.tax, or share one read), so
    // count what the retry adds exactly: one request answered by the fault, which no model handler counted.
    const odoo = sims.odoo.control.counters();
    const handled = Object.entries(odoo.endpoints).filter(([key]) => !key.startsWith('POST ') && !key.startsWith('GET '));
    expect(odoo.total - handled.reduce((sum, [, count]) => sum + count, 0)).toBe(1);
    for (const sim of sims.all) expect(sim.control.knobs().faults).toEqual([]);
  });

  it("waits out HubSpot's 429 Retry-After: 2 when it fits, then answers what a clean stack answers", async () => {
    const tomasz = demo('tomasz-wisniewski');
    const reference = await clean.query(ORDERS_QUERY, { email: tomasz.email, first: 20 });
    faulty.resetCounters();
    faulty.simulators.hubspot.control.addFaults([{ kind: 'rate_limit', count: 1, retryAfterSeconds: 2 }]);
    const started = Date.now();
    const answer = await faulty.query(ORDERS_QUERY, { email: tomasz.email, first: 20 });
    const elapsedMs = Date.now() - started;
    console.log(`Retry-After 2: answered after ${elapsedMs} ms with ${faulty.upstreamCalls().hubspot} HubSpot calls`);
    expect(answer.body).not.toHaveProperty('errors');
    expect((answer.body as { data: unknown }).data).toEqual((reference.body as { data: unknown }).data);
    expect(elapsedMs).toBeGreaterThanOrEqual(1_950);
    expect(faulty.upstreamCalls().hubspot).toBe(2);
  });

  it('does not wait for a Retry-After the call cannot afford: fails at once with UPSTREAM_RATE_LIMITED', async () => {
    faulty.resetCounters();
    faulty.simulators.hubspot.control.addFaults([{ kind: 'rate_limit', count: 1, retryAfterSeconds: 60 }]);
    const started = Date.now();
    const answer = await faulty.query(ORDERS_QUERY, { email: demo('katarzyna-guest').email, first: 20 });
    const elapsedMs = Date.now() - started;
    console.log(`Retry-After 60: answered after ${elapsedMs} ms`);
    const errors = (answer.body as { errors?: { extensions: { code: string; serviceName: string } }[] }).errors ?? [];
    expect(errors.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'UPSTREAM_RATE_LIMITED', serviceName: 'crm' }));
    expect(elapsedMs).toBeLessThan(2_000);
    expect(faulty.upstreamCalls().hubspot).toBe(1);
    faulty.simulators.hubspot.control.clearFaults();
  });
});
