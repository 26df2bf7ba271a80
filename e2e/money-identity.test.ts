import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * docs/money-model.md for every order of every demo customer, read through the gateway: total = Σ line totals +
 * shipping + fees and, per line, line total = quantity × unit price − discount, in whole grosze (no floats).
 */
const SCALE = 0.1;
let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE });
}, 60_000);
afterAll(() => stack?.close());

const MONEY = '{ amount currency }';
const ORDER_MONEY = `totals { total ${MONEY} shipping ${MONEY} fees ${MONEY} discount ${MONEY} } lines { quantity unitPrice ${MONEY} originalUnitPrice ${MONEY} discount ${MONEY} lineTotal ${MONEY} }`;
const QUERY = /* GraphQL */ `
  query ($id: ID!, $after: String) {
    customer(id: $id) {
      orders(first: 100, after: $after) {
        totalCount
        unavailableChannels
        edges { node { __typename id ... on EshopOrder { couponCodes ${ORDER_MONEY} } ... on MarketplaceOrder { couponCodes ${ORDER_MONEY} } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface Money {
  amount: string;
  currency: string;
}
interface OrderNode {
  __typename: string;
  id: string;
  couponCodes: string[];
  totals: { total: Money; shipping: Money; fees: Money; discount: Money };
  lines: { quantity: number; unitPrice: Money; originalUnitPrice: Money; discount: Money; lineTotal: Money }[];
}

interface OrdersPage {
  totalCount: number;
  unavailableChannels: string[];
  edges: { node: OrderNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** "348.09" → 34809 on the digits, never through a float; the Decimal scalar always has two places. */
function grosze(money: Money): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(money.amount);
  if (!match) throw new Error(`not a two-place decimal: ${money.amount}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

/** What is wrong with one order's money; empty when it adds up. */
function violations(order: OrderNode): string[] {
  const found: string[] = [];
  const currencies = new Set(
    [order.totals.total, order.totals.shipping, order.totals.fees, ...order.lines.flatMap((l) => [l.unitPrice, l.discount, l.lineTotal])].map(
      (m) => m.currency,
    ),
  );
  if (currencies.size !== 1) found.push(`${order.id}: several currencies ${[...currencies].join(',')}`);
  order.lines.forEach((line, i) => {
    const expected = line.quantity * grosze(line.unitPrice) - grosze(line.discount);
    if (expected !== grosze(line.lineTotal))
      found.push(`${order.id} line ${i}: ${line.quantity} × ${line.unitPrice.amount} − ${line.discount.amount} ≠ ${line.lineTotal.amount}`);
    if (grosze(line.discount) < 0) found.push(`${order.id} line ${i}: negative discount ${line.discount.amount}`);
  });
  const lines = order.lines.reduce((sum, line) => sum + grosze(line.lineTotal), 0);
  const expected = lines + grosze(order.totals.shipping) + grosze(order.totals.fees);
  if (expected !== grosze(order.totals.total))
    found.push(
      `${order.id}: Σ lines ${lines} + shipping ${order.totals.shipping.amount} + fees ${order.totals.fees.amount} ≠ total ${order.totals.total.amount}`,
    );
  const discounts = order.lines.reduce((sum, line) => sum + grosze(line.discount), 0);
  if (discounts !== grosze(order.totals.discount)) found.push(`${order.id}: totals.discount ${order.totals.discount.amount} ≠ Σ line discounts`);
  return found;
}

describe('the money identity (docs/money-model.md)', () => {
  it('holds for every order of every demo customer, to the grosz', async () => {
    const checked: Record<string, number> = {};
    const found: string[] = [];
    let withCoupons = 0;
    let withDiscount = 0;
    let withFees = 0;
    for (const demo of stack.dataset.demoCustomers) {
      const orders: OrderNode[] = [];
      let after: string | null = null;
      let totalCount: number | undefined;
      for (;;) {
        const res: { body: { data?: { customer: { orders: OrdersPage } }; errors?: unknown } } = await stack.query(QUERY, {
          id: demo.crmContactId,
          after,
        });
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
        const page: OrdersPage = res.body.data!.customer.orders;
        expect(page.unavailableChannels).toEqual([]);
        totalCount = page.totalCount;
        orders.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      // every order the simulators hold for the person, each once
      expect(orders.length, demo.key).toBe(demo.eshopOrderCount + demo.allegroOrderCount);
      expect(totalCount, demo.key).toBe(orders.length);
      expect(new Set(orders.map((o) => o.id)).size, demo.key).toBe(orders.length);
      checked[demo.key] = orders.length;
      for (const order of orders) {
        found.push(...violations(order));
        if (order.couponCodes.length > 0) withCoupons += 1;
        if (grosze(order.totals.discount) > 0) withDiscount += 1;
        if (grosze(order.totals.fees) !== 0) withFees += 1;
      }
    }
    const count = Object.values(checked).reduce((a, b) => a + b, 0);
    console.log(
      `money identity: ${count} orders checked (${Object.entries(checked)
        .map(([key, n]) => `${key} ${n}`)
        .join(', ')}), ${withDiscount} with a discount, ${withCoupons} with coupon codes, ${withFees} with fees, ${found.length} violations`,
    );
    expect(found).toEqual([]);
    // the check must have had something to check, discounts included
    expect(count).toBeGreaterThan(400);
    expect(withDiscount).toBeGreaterThan(0);
    // the channel's own totals agreed with their lines: nothing was logged as a mismatch
    expect(stack.logLines().filter((line) => line.includes('differs from line totals'))).toEqual([]);
  }, 120_000);
});
