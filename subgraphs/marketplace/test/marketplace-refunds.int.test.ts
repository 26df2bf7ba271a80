import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { getDataset, type AllegroCheckoutForm } from '@omnigraph/simulator-dataset';
import { invalidate } from '@omnigraph/shared/cache';
import { marketplaceCacheKeys } from '../src/upstream/marketplace-cache-keys.ts';
import { startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

// Same dual-package pin as marketplace-subgraph.int.test.ts (deliberate errors must keep their codes under vitest).
vi.mock('graphql', () => createRequire(import.meta.url)('graphql') as Record<string, unknown>);

interface Result<TData> {
  data?: TData | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

interface RefundResult {
  refundId: string;
  amount: { amount: string; currency: string };
  status: string;
  created: boolean;
}

interface OrderView {
  id: string;
  completedAt: string | null;
  lines: { id: string | null; sku: string | null; quantity: number; returnedQuantity: number }[];
  returns?: {
    id: string;
    createdAt: string;
    amount: { amount: string; currency: string };
    status: string;
    lines: { sku: string | null; quantity: number }[];
    store: null;
  }[];
}

const CALL_CENTER: RequestIdentity = { subject: 'key-call-center', kind: 'api-key', scopes: ['orders:read', 'returns:write'], profile: 'internal' };
const READ_ONLY: RequestIdentity = { subject: 'key-partner', kind: 'api-key', scopes: ['orders:read'], profile: 'partner' };

const REFUND = /* GraphQL */ `
  mutation Refund($key: String!, $input: MarketplaceCreateRefundInput!) {
    marketplaceCreateRefund(idempotencyKey: $key, input: $input) {
      refundId
      amount {
        amount
        currency
      }
      status
      created
    }
  }
`;

const ORDER = /* GraphQL */ `
  query Order($id: ID!) {
    marketplaceOrder(checkoutFormId: $id) {
      id
      completedAt
      lines {
        id
        sku
        quantity
        returnedQuantity
      }
      returns {
        id
        createdAt
        amount {
          amount
          currency
        }
        status
        lines {
          sku
          quantity
        }
        store {
          code
        }
      }
    }
  }
`;

const ORDER_WITHOUT_RETURNS = /* GraphQL */ `
  query Order($id: ID!) {
    marketplaceOrder(checkoutFormId: $id) {
      id
      completedAt
      lines {
        id
        quantity
      }
    }
  }
`;

const REFUNDS = { post: 'POST /payments/refunds', list: 'GET /payments/refunds' } as const;

/** A form the buyer has collected (PICKED_UP), paid online, whose first line has at least 2 items. */
function collectedForm(): AllegroCheckoutForm {
  const form = getDataset({ scale: 0.3 }).allegroCheckoutForms.find(
    (f) =>
      f.status === 'READY_FOR_PROCESSING' &&
      f.fulfillmentStatus === 'PICKED_UP' &&
      f.payment.type === 'ONLINE' &&
      f.payment.paidAmount !== null &&
      f.lines[0]!.quantity >= 2,
  );
  if (!form) throw new Error('the dataset has no collected, paid form with a line of 2+ items');
  return form;
}

describe('marketplace subgraph: marketplaceCreateRefund, returns and returnedQuantity (Allegro simulator)', () => {
  let h: MarketplaceHarness;
  const form = collectedForm();
  const line = form.lines[0]!;
  const orderId = `marketplace:${form.id}`;

  async function run<TData>(identity: RequestIdentity, query: string, variables: Record<string, unknown>): Promise<Result<TData>> {
    const response = await runInRequestScope(createRequestScope(identity), () =>
      h.marketplace.server.executeOperation({ query, variables }, { contextValue: h.marketplace.createContext() }),
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result<TData>;
  }
  const refund = (key: string, quantity: number, identity: RequestIdentity = CALL_CENTER) =>
    run<{ marketplaceCreateRefund: RefundResult }>(identity, REFUND, {
      key,
      input: { orderId, lines: [{ lineId: line.id, quantity }], reason: 'Zwrot w sklepie WAW1' },
    });
  const order = async (query = ORDER) => {
    const result = await run<{ marketplaceOrder: OrderView }>(CALL_CENTER, query, { id: form.id });
    expect(result.errors).toBeUndefined();
    return result.data!.marketplaceOrder;
  };
  const upstreamRefunds = () =>
    h.sim.allegro.store.refunds.list({
      id: null,
      paymentId: null,
      orderId: form.id,
      occurredAtGte: null,
      occurredAtLte: null,
      statuses: null,
      offset: 0,
      limit: 100,
    });

  beforeAll(async () => {
    h = await startMarketplaceHarness();
  });
  beforeEach(async () => {
    h.sim.allegro.store.refunds.reset();
    h.sim.control.clearFaults();
    h.sim.control.resetCounters();
    await invalidate(h.cache, marketplaceCacheKeys.orderKeysOf({ number: form.id, buyerLogin: null }));
  });
  afterAll(() => h.close());

  it('refunds once: created with Allegro’s amount, the same key again answers it with created:false and no second POST', async () => {
    const first = await refund('return-1', 2);
    expect(first.errors).toBeUndefined();
    const created = first.data!.marketplaceCreateRefund;
    const unitGrosze = Math.round(Number(h.sim.allegro.store.getCheckoutForm(form.id)!.lineItems[0]!.price.amount) * 100);
    expect(created).toMatchObject({ created: true, status: 'NEW', amount: { amount: ((unitGrosze * 2) / 100).toFixed(2), currency: 'PLN' } });
    expect(h.count(REFUNDS.post)).toBe(1);

    const again = await refund('return-1', 2);
    expect(again.data!.marketplaceCreateRefund).toEqual({ ...created, created: false });
    expect(h.count(REFUNDS.post)).toBe(1);
    expect(upstreamRefunds().totalCount).toBe(1);
    // the tag rides in the seller comment, behind the reason
    expect(upstreamRefunds().refunds[0]!.sellerComment).toMatch(/^Zwrot w sklepie WAW1 \[omnigraph:[0-9a-f]{16}\]$/);
  });

  it('after a POST that committed and lost its answer (commit_then_reset), sending the step again makes exactly one refund', async () => {
    h.sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: REFUNDS.post }]);
    const lost = await refund('return-reset', 1);
    expect(lost.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.count(REFUNDS.post)).toBe(1);
    expect(upstreamRefunds().totalCount).toBe(1);

    const resent = await refund('return-reset', 1);
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.marketplaceCreateRefund).toMatchObject({ created: false, refundId: upstreamRefunds().refunds[0]!.id });
    // found by its tag: no second POST, one refund upstream
    expect(h.count(REFUNDS.post)).toBe(1);
    expect(upstreamRefunds().totalCount).toBe(1);
  });

  it('two runs of one key at the same moment (both list before either writes) still make one refund: Allegro’s commandId', async () => {
    const [a, b] = await Promise.all([refund('return-race', 1), refund('return-race', 1)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.marketplaceCreateRefund.refundId).toBe(b.data!.marketplaceCreateRefund.refundId);
    // both reached the POST: the listing could not help, Allegro's commandId did
    expect(h.count(REFUNDS.post)).toBe(2);
    expect(upstreamRefunds().totalCount).toBe(1);
    const third = await refund('return-race', 1);
    expect(third.data!.marketplaceCreateRefund).toMatchObject({ created: false, refundId: a.data!.marketplaceCreateRefund.refundId });
  });

  it('shows the refund on the order at once: returns (newest first) and returnedQuantity, read only when selected', async () => {
    const before = await order(ORDER_WITHOUT_RETURNS);
    expect(h.count(REFUNDS.list)).toBe(0);
    expect(before.lines[0]!.id).toBe(line.id);
    // PICKED_UP: the form's updatedAt
    expect(before.completedAt).toBe(new Date(Date.parse(form.updatedAt)).toISOString());

    const empty = await order();
    expect(empty.returns).toEqual([]);
    expect(empty.lines.map((l) => l.returnedQuantity)).toEqual(form.lines.map(() => 0));
    expect(h.count(REFUNDS.list)).toBe(1);

    const first = (await refund('return-a', 1)).data!.marketplaceCreateRefund;
    const second = (await refund('return-b', 1)).data!.marketplaceCreateRefund;
    const listsBefore = h.count(REFUNDS.list);
    const after = await order();
    // the step dropped the cached refunds: read again, once for returns and every line
    expect(h.count(REFUNDS.list)).toBe(listsBefore + 1);
    expect(after.returns!.map((r) => r.id)).toEqual([second.refundId, first.refundId]);
    expect(after.returns![1]).toMatchObject({ amount: first.amount, status: 'NEW', lines: [{ sku: line.sku, quantity: 1 }], store: null });
    expect(after.lines[0]!.returnedQuantity).toBe(2);
    expect(after.lines.slice(1).every((l) => l.returnedQuantity === 0)).toBe(true);
  });

  it('refusing more than was bought: Allegro’s 422 is UPSTREAM_REJECTED and no refund exists', async () => {
    const over = await refund('return-over', line.quantity + 1);
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      serviceName: 'marketplace',
      upstream: { operation: 'createRefund', status: 422 },
    });
    expect(h.count(REFUNDS.post)).toBe(1);
    expect(upstreamRefunds().totalCount).toBe(0);
  });

  it('refuses without returns:write, an unknown line and a malformed order id before any Allegro call', async () => {
    const forbidden = await refund('return-x', 1, READ_ONLY);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['returns:write'] });
    expect(h.sim.control.counters().total).toBe(0);

    const unknownLine = await run(CALL_CENTER, REFUND, { key: 'return-y', input: { orderId, lines: [{ lineId: 'no-such-line', quantity: 1 }] } });
    expect(unknownLine.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const badOrder = await run(CALL_CENTER, REFUND, { key: 'return-z', input: { orderId: 'eshop:123', lines: [{ lineId: line.id, quantity: 1 }] } });
    expect(badOrder.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(h.count(REFUNDS.post)).toBe(0);
  });
});
