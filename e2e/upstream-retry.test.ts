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
const anna = getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === 'anna-kowalska')!;
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
    expect(faultyCalls).toEqual({
      odoo: cleanCalls.odoo + 1,
      woocommerce: cleanCalls.woocommerce + 1,
      hubspot: cleanCalls.hubspot + 1,
      allegro: cleanCalls.allegro + 1,
    });
    for (const sim of sims.all) expect(sim.control.knobs().faults).toEqual([]);
  });
});
