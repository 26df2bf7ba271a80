import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { compareNewestFirst } from '@omnigraph/shared/models';
import { ORDERS_QUERY } from './operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * ADR 0014: a page of the merged order list costs what the page costs, not the customer's history. Counted with the
 * simulators' counters, with the channel subgraphs' order caches off (TTL 0), so that no listed order is served to
 * the entity step by a cache but only by the hand-off.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const demo = (key: string) => ds.demoCustomers.find((d) => d.key === key)!;
const anna = demo('anna-kowalska');
const tomasz = demo('tomasz-wisniewski');

let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE, subgraphEnv: { ESHOP_CACHE_TTL_SECONDS: '0', MARKETPLACE_CACHE_TTL_SECONDS: '0' } });
}, 60_000);
afterAll(() => stack?.close());

const endpoints = (name: string) => stack.simulators.all.find((s) => s.name === name)!.control.counters().endpoints;

type Edge = { cursor: string; node: { id: string; channel: string; placedAt: string } };
type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };

async function page(email: string, first: number, after: string | null = null, channel: string | null = null): Promise<Connection> {
  const { body } = await stack.query(ORDERS_QUERY, { email, first, after, channel });
  expect(body.errors).toBeUndefined();
  return body.data.findCustomers[0].orders;
}

/** The WooCommerce and Allegro calls of one page, after a first run warmed the long-lived caches (taxes, warehouses). */
async function callsOf(email: string, first: number, after: string | null = null) {
  await page(email, first, after);
  stack.resetCounters();
  const conn = await page(email, first, after);
  const woo = endpoints('woocommerce');
  const allegro = endpoints('allegro');
  return {
    edges: conn.edges.length,
    wooOrders: woo['GET /wp-json/wc/v3/orders'] ?? 0,
    allegroLists: allegro['GET /order/checkout-forms'] ?? 0,
    allegroReads: allegro['GET /order/checkout-forms/:id'] ?? 0,
  };
}

describe('order list cost (ADR 0014)', () => {
  it('costs the same WooCommerce and Allegro calls for 10 orders as for 400, and for 5 as for 100 of them', async () => {
    expect(tomasz.eshopOrderCount + tomasz.allegroOrderCount).toBeGreaterThan(100);
    const annaFirst5 = await callsOf(anna.email!, 5);
    const tomaszFirst5 = await callsOf(tomasz.email!, 5);
    const tomaszFirst100 = await callsOf(tomasz.email!, 100);
    console.log(
      `order page calls: anna first:5 ${JSON.stringify(annaFirst5)}; tomasz first:5 ${JSON.stringify(tomaszFirst5)}; first:100 ${JSON.stringify(tomaszFirst100)}`,
    );
    expect(tomaszFirst5.edges).toBe(5);
    expect(tomaszFirst100.edges).toBe(100);
    const calls = ({ wooOrders, allegroLists, allegroReads }: typeof annaFirst5) => ({ wooOrders, allegroLists, allegroReads });
    expect(calls(tomaszFirst5)).toEqual(calls(annaFirst5));
    expect(calls(tomaszFirst100)).toEqual(calls(tomaszFirst5));
    // one list of the registered account, one of the guest orders, one of the Allegro buyer; no order read again
    expect(calls(tomaszFirst5)).toEqual({ wooOrders: 2, allegroLists: 1, allegroReads: 0 });
  });

  it('a later page costs the same for any depth of the history', async () => {
    const first = await page(tomasz.email!, 20);
    const second = await callsOf(tomasz.email!, 20, first.pageInfo.endCursor);
    let deep: Connection = first;
    for (let i = 0; i < 10; i++) deep = await page(tomasz.email!, 20, deep.pageInfo.endCursor);
    const deeper = await callsOf(tomasz.email!, 20, deep.pageInfo.endCursor);
    console.log(`later page calls: second ${JSON.stringify(second)}; twelfth ${JSON.stringify(deeper)}`);
    expect(deeper.wooOrders).toBe(second.wooOrders);
    expect(deeper.allegroLists).toBe(second.allegroLists);
    expect(deeper.allegroReads).toBe(0);
  });

  it.each([null, 'ESHOP', 'MARKETPLACE'])(
    "pages through Tomasz's whole list with first:7 (channel %s): newest first, no repeat, no gap, one totalCount",
    async (channel) => {
      const expectedCount =
        channel === 'ESHOP'
          ? tomasz.eshopOrderCount
          : channel === 'MARKETPLACE'
            ? tomasz.allegroOrderCount
            : tomasz.eshopOrderCount + tomasz.allegroOrderCount;
      const seen: Edge['node'][] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 200; guard++) {
        const conn: Connection = await page(tomasz.email!, 7, after, channel);
        expect(conn.totalCount).toBe(expectedCount);
        seen.push(...conn.edges.map((e) => e.node));
        if (!conn.pageInfo.hasNextPage) break;
        expect(conn.edges).toHaveLength(7);
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(expectedCount);
      expect(new Set(seen.map((n) => n.id)).size).toBe(expectedCount);
      if (channel !== null) expect(seen.every((n) => n.channel === channel)).toBe(true);
      // strictly in the merge order: with every order there once, this is the whole history sorted
      const positions = seen.map((n) => ({ time: Date.parse(n.placedAt), id: n.id }));
      for (let i = 1; i < positions.length; i++) expect(compareNewestFirst(positions[i - 1]!, positions[i]!)).toBeLessThan(0);
    },
    60_000,
  );
});
