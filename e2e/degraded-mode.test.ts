import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/** An upstream outage loses nothing else: the call center still sees what the other systems know, and is told. */
const SCALE = 0.1;
const anna = getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === 'anna-kowalska')!;
let stack: E2eStack;
/**
 * This file is about failures with nothing to stand in for the failing source: no stale fallback, no look-up cache
 * (the last good value standing in is e2e/stale-if-error.test.ts).
 */
const NO_STAND_IN: NodeJS.ProcessEnv = {
  ERP_MAX_STALE_CATALOGUE_SECONDS: '0',
  ERP_MAX_STALE_STOCK_SECONDS: '0',
  ESHOP_MAX_STALE_STOCK_SECONDS: '0',
  ESHOP_MAX_STALE_ORDERS_SECONDS: '0',
  CRM_MAX_STALE_CONTACTS_SECONDS: '0',
  CRM_LOOKUP_CACHE_TTL_SECONDS: '0',
  MARKETPLACE_MAX_STALE_STOCK_SECONDS: '0',
  MARKETPLACE_MAX_STALE_ORDERS_SECONDS: '0',
};
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE, subgraphEnv: NO_STAND_IN });
}, 60_000);
afterAll(() => stack?.close());

const QUERY = /* GraphQL */ `
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
          }
        }
      }
    }
  }
`;

describe('degraded mode', () => {
  it('answers the e-shop orders and names Allegro as unavailable when Allegro fails', async () => {
    stack.simulators.allegro.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    try {
      const { status, body } = await stack.query(QUERY, { email: anna.email });
      expect(status).toBe(200);
      const customer = body.data.findCustomers[0];
      expect(customer.name).toBe('Anna Kowalska');
      expect(customer.orders.unavailableChannels).toEqual(['MARKETPLACE']);
      expect(customer.orders.totalCount).toBe(anna.eshopOrderCount);
      expect(customer.orders.edges.every((e: { node: { channel: string } }) => e.node.channel === 'ESHOP')).toBe(true);
      expect(body.errors.map((e: { extensions: unknown }) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' }),
      );
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|nginx|<html|stack/i);
    } finally {
      stack.simulators.allegro.control.clearFaults();
    }
  });

  it('turns an e-shop that does not answer in time into UPSTREAM_TIMEOUT, and still lists Allegro orders', async () => {
    stack.simulators.woocommerce.control.addFaults([{ kind: 'hang', ratio: 1 }]);
    try {
      const started = Date.now();
      const { body } = await stack.query(QUERY, { email: anna.email });
      const customer = body.data.findCustomers[0];
      expect(customer.orders.unavailableChannels).toEqual(['ESHOP']);
      expect(customer.orders.totalCount).toBe(anna.allegroOrderCount);
      expect(body.errors.map((e: { extensions: unknown }) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: 'UPSTREAM_TIMEOUT', serviceName: 'eshop' }),
      );
      // bounded by the subgraph's upstream timeout (5 s default), not by the hung upstream
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      stack.simulators.woocommerce.control.clearFaults();
    }
  });

  it('answers garbage from the CRM with UPSTREAM_BAD_RESPONSE, never a 500', async () => {
    stack.simulators.hubspot.control.addFaults([{ kind: 'garbage', count: 1 }]);
    const { status, body } = await stack.query(QUERY, { email: anna.email });
    expect(status).toBe(200);
    // findCustomers is nullable so that a CRM failure loses only it, never the operation's other root fields
    expect(body.data).toEqual({ findCustomers: null });
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'crm' });
  });
});
