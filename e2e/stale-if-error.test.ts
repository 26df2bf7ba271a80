import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * A source that fails after it has answered once: the call center keeps seeing its last good data (within the max
 * stale age of each kind), and the failed attempt is visible in the simulator's counter. The failures with nothing to
 * stand in are e2e/degraded-mode.test.ts.
 */
const SCALE = 0.1;
const anna = getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === 'anna-kowalska')!;
let stack: E2eStack;
beforeAll(async () => {
  // Stock read live (no micro-cache): a product seen seconds ago is otherwise answered from the cache without asking
  // Odoo, and the failing read these tests need never happens (the micro-cache: e2e/warm-catalogue-cache.test.ts).
  stack = await startE2eStack({ scale: SCALE, subgraphEnv: { ERP_STOCK_CACHE_TTL_SECONDS: '0', MARKETPLACE_OFFER_CACHE_TTL_SECONDS: '0' } });
}, 60_000);
afterAll(() => stack?.close());

const CALL_CENTER = /* GraphQL */ `
  query ($email: String!) {
    findCustomers(email: $email) {
      name
      loyalty {
        points
      }
      orders(first: 50) {
        totalCount
        unavailableChannels
        edges {
          node {
            channel
            number
            status
          }
        }
      }
    }
  }
`;
const PRODUCT = /* GraphQL */ `
  query ($sku: ID!) {
    product(sku: $sku) {
      sku
      name
      listPrice {
        gross {
          amount
        }
      }
      stock {
        available
        location {
          code
        }
      }
    }
  }
`;

describe('stale-if-error through the gateway', () => {
  it.each([
    ['woocommerce', 'eshop'],
    ['allegro', 'marketplace'],
  ] as const)('keeps the %s orders of a customer seen before while it answers 503, flagged STALE with asOf', async (simulator, source) => {
    const readAt = Date.now();
    const live = await stack.query(CALL_CENTER, { email: anna.email });
    expect(live.body.errors).toBeUndefined();
    expect(live.body.data.findCustomers[0].orders.totalCount).toBe(anna.eshopOrderCount + anna.allegroOrderCount);

    stack.simulators[simulator].control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    stack.resetCounters();
    try {
      const stale = await stack.query(CALL_CENTER, { email: anna.email });
      expect(stale.body.errors).toBeUndefined();
      expect(stale.body.data).toEqual(live.body.data);
      expect(stale.body.data.findCustomers[0].orders.unavailableChannels).toEqual([]);
      // the source was asked (and failed) before the cache stood in
      expect(stack.upstreamCalls()[simulator]).toBeGreaterThan(0);
      const report = stale.body.extensions.sources.find((r: { source: string }) => r.source === source);
      expect(report).toEqual({ source, status: 'STALE', asOf: expect.any(String) });
      expect(Date.parse(report.asOf)).toBeGreaterThanOrEqual(readAt - 1_000);
      expect(Date.parse(report.asOf)).toBeLessThanOrEqual(Date.now());
    } finally {
      stack.simulators[simulator].control.clearFaults();
    }
  });

  it.each([
    ['answers 503', { kind: 'status', status: 503, ratio: 1 }],
    ['drops every connection', { kind: 'reset', ratio: 1 }],
  ] as const)('keeps the ERP name, price and stock of a product seen before while Odoo %s, flagged STALE with asOf', async (_name, fault) => {
    const sku = stack.dataset.products[fault.kind === 'reset' ? 1 : 0]!.sku;
    const readAt = Date.now();
    const live = await stack.query(PRODUCT, { sku });
    expect(live.body.errors).toBeUndefined();
    expect(live.body.extensions.sources).toEqual([expect.objectContaining({ source: 'erp', status: 'OK' })]);

    stack.simulators.odoo.control.addFaults([fault]);
    stack.resetCounters();
    try {
      const stale = await stack.query(PRODUCT, { sku });
      expect(stale.body.errors).toBeUndefined();
      expect(stale.body.data).toEqual(live.body.data);
      // stock is read live here (ERP_STOCK_CACHE_TTL_SECONDS=0): that read failed, and the last rows stood in
      expect(stack.upstreamCalls().odoo).toBeGreaterThan(0);
      const [report] = stale.body.extensions.sources;
      expect(report).toEqual({ source: 'erp', status: 'STALE', asOf: expect.any(String) });
      expect(Date.parse(report.asOf)).toBeGreaterThanOrEqual(readAt - 1_000);
    } finally {
      stack.simulators.odoo.control.clearFaults();
    }
  });
});
