import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * One key floods, another stays served: the flooding partner is capped at its concurrency (429 with Retry-After),
 * then shed as the process fills up (503 OVERLOADED), while the call center's requests are all answered.
 */
const CALL_CENTER = registeredOperationText('CallCenterCustomer');
const PRODUCTS = registeredOperationText('PartnerProductsBySku');
const PARTNER_CAP = 3;
let stack: E2eStack;
let partnerKey: string;
beforeAll(async () => {
  stack = await startE2eStack({
    scale: 0.1,
    // Lag shedding is off here (unit-tested with a fake lag): on a shared test machine it would make counts random.
    gatewayEnv: {
      GATEWAY_PARTNER_MAX_CONCURRENT: String(PARTNER_CAP),
      GATEWAY_MAX_IN_FLIGHT: '8',
      GATEWAY_SHED_BULK_LAG_MS: '100000',
      GATEWAY_SHED_INTERACTIVE_LAG_MS: '100000',
    },
  });
  partnerKey = await stack.createKey({ name: 'flooding partner', scopes: ['catalog:read', 'stock:read'] });
}, 60_000);
afterAll(() => stack?.close());

/** Every request of the flood asks for other SKUs, so no cache answers it before Odoo's latency. */
function flood(n: number) {
  const skus = stack.dataset.products.map((p) => p.sku);
  return Promise.all(Array.from({ length: n }, (_, i) => stack.query(PRODUCTS, { skus: [skus[i % skus.length]!] }, { key: partnerKey })));
}

describe('load protection', () => {
  it('caps the flooding key at its concurrency (429 + Retry-After) and keeps serving the call center', async () => {
    stack.simulators.odoo.control.setLatency({ fixedMs: 300 });
    try {
      const flooding = flood(30);
      const phone = stack.dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!.phone;
      const callCenter = await Promise.all(Array.from({ length: 3 }, () => stack.query(CALL_CENTER, { phone })));
      const partner = await flooding;

      expect(callCenter.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(callCenter.every((r) => r.body.data.findCustomers[0].name === 'Anna Kowalska')).toBe(true);

      const served = partner.filter((r) => r.status === 200);
      const capped = partner.filter((r) => r.status === 429);
      expect(served.length).toBeGreaterThanOrEqual(PARTNER_CAP);
      expect(capped.length).toBeGreaterThan(0);
      // the rest is shed (503): the call center's requests fill the gateway's small in-flight bound of this stack
      expect(partner.every((r) => [200, 429, 503].includes(r.status))).toBe(true);
      expect(served.length).toBeLessThanOrEqual(PARTNER_CAP * 2); // a slot frees after 300 ms, the flood is sent at once
      for (const r of capped) {
        expect(r.body.errors[0].extensions).toMatchObject({ code: 'CONCURRENCY_LIMIT_EXCEEDED', limit: PARTNER_CAP });
        expect(r.headers.get('retry-after')).toBe('1');
      }
    } finally {
      stack.simulators.odoo.control.setLatency({ fixedMs: 0 });
    }
  });

  it('frees the slots of requests whose client went away mid-body', async () => {
    const key = await stack.createKey({ name: 'leaving partner', scopes: ['catalog:read', 'stock:read'] });
    const clients = Array.from({ length: PARTNER_CAP }, () => {
      const client = request(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'content-length': '1000' },
      });
      client.on('error', () => {});
      client.flushHeaders();
      client.write('{"query":'); // the body never completes
      return client;
    });
    // all its slots are taken by the unfinished bodies (once their headers are in: a query sent before would take one) …
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stack.query(PRODUCTS, { skus: [stack.dataset.products[0]!.sku] }, { key })).status).toBe(429);
    for (const client of clients) client.destroy();
    // … and given back when those clients leave
    await expect.poll(async () => (await stack.query(PRODUCTS, { skus: [stack.dataset.products[0]!.sku] }, { key })).status).toBe(200);
  });

  it('sheds partner traffic (503 OVERLOADED + Retry-After) once half the in-flight bound is used, before internal traffic', async () => {
    stack.simulators.odoo.control.setLatency({ fixedMs: 300 });
    const partners = await Promise.all(
      Array.from({ length: 3 }, (_, i) => stack.createKey({ name: `partner ${i}`, scopes: ['catalog:read', 'stock:read'] })),
    );
    try {
      const skus = stack.dataset.products.map((p) => p.sku);
      // 3 partners × 3 in flight want 9 slots; partners may use 4 of the gateway's 8.
      const flooding = Promise.all(
        partners.flatMap((key, k) =>
          Array.from({ length: PARTNER_CAP }, (_, i) => stack.query(PRODUCTS, { skus: [skus[(k * 7 + i) % skus.length]!] }, { key })),
        ),
      );
      const phone = stack.dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!.phone;
      const callCenter = await Promise.all(Array.from({ length: 3 }, () => stack.query(CALL_CENTER, { phone })));
      const partner = await flooding;

      expect(callCenter.map((r) => r.status)).toEqual([200, 200, 200]);
      const shed = partner.filter((r) => r.status === 503);
      expect(partner.filter((r) => r.status === 200).length).toBeLessThanOrEqual(4 + 3); // ≤ the bulk share, plus those done before others began
      expect(shed.length).toBeGreaterThan(0);
      for (const r of shed) {
        expect(r.body.errors[0].extensions.code).toBe('OVERLOADED');
        expect(r.headers.get('retry-after')).toBe('2');
      }
    } finally {
      stack.simulators.odoo.control.setLatency({ fixedMs: 0 });
    }
  });
});
