/**
 * `GET /orders?search=` as WooCommerce runs it: a LIKE `%term%` over the address indexes (every billing and shipping
 * field as typed, phone included), item names, the id, and the meta keys plugins add to the search fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support.ts';

let h: Harness;
let tomaszOrder: number;

async function ids(path: string): Promise<number[]> {
  const res = await h.api(path);
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: number }[]).map((o) => o.id);
}

beforeAll(async () => {
  h = await startHarness({ orderSearchMetaKeys: ['_billing_nip'] });
  tomaszOrder = [...h.sim.woo.store.orders.values()].find((o) => o.customer_id === 2001)!.id;
  const b2b = [...h.sim.woo.store.orders.values()].find((o) => o.customer_id === 2002)!;
  h.sim.woo.store.putOrder({
    ...b2b,
    meta_data: [
      ...b2b.meta_data,
      { id: 990_001, key: '_billing_nip', value: '6762481366' },
      { id: 990_002, key: '_private_note', value: 'szukane-slowo' },
    ],
  });
});

afterAll(async () => {
  await h.close();
});

describe('order search', () => {
  it('matches the phone only as typed: "(+48) 600 100 200" is found by "600 100 200", not by "600100200"', async () => {
    expect(h.sim.woo.store.orders.get(tomaszOrder)!.billing.phone).toBe('(+48) 600 100 200');
    expect(await ids(`/orders?search=${encodeURIComponent('600 100 200')}&include=${tomaszOrder}`)).toEqual([tomaszOrder]);
    expect(await ids(`/orders?search=${encodeURIComponent('+48) 600 100')}&include=${tomaszOrder}`)).toEqual([tomaszOrder]);
    expect(await ids(`/orders?search=600100200&include=${tomaszOrder}`)).toEqual([]);
  });

  it('matches the meta keys a plugin made searchable, and no other meta', async () => {
    const b2b = [...h.sim.woo.store.orders.values()].find((o) => o.customer_id === 2002)!.id;
    expect(await ids('/orders?search=6762481366&per_page=100')).toEqual([b2b]);
    expect(await ids('/orders?search=szukane-slowo&per_page=100')).toEqual([]);
  });

  it('compares case- and accent-insensitively, as MySQL’s utf8mb4_unicode_520_ci does', async () => {
    const order = [...h.sim.woo.store.orders.values()].find((o) => o.customer_id === 2001)!;
    expect(order.billing.last_name).toBe('Wiśniewski');
    expect(await ids(`/orders?search=wisniewski&include=${order.id}`)).toEqual([order.id]);
    expect(await ids(`/orders?search=${encodeURIComponent('WIŚNIEWSKI')}&include=${order.id}`)).toEqual([order.id]);
  });

  it('matches the order number a numbering plugin shows', async () => {
    const stored = h.sim.woo.store.orders.get(tomaszOrder)!;
    h.sim.woo.store.putOrder({ ...stored, number: 'ZAM/2026/00042' });
    expect(await ids(`/orders?search=${encodeURIComponent('ZAM/2026/00042')}`)).toEqual([tomaszOrder]);
    h.sim.woo.store.putOrder(stored);
  });
});
