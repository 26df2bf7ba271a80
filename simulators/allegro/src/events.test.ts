import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { OrderEvent } from './allegro-types.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

const dataset = getDataset({ scale: 0.2 });

describe('Allegro simulator: the order journal', () => {
  let h: Harness;
  const all: OrderEvent[] = [];
  const page = async (query: string): Promise<OrderEvent[]> => {
    const res = await h.api(`/order/events?${query}`);
    expect(res.status, query).toBe(200);
    return ((await res.json()) as { events: OrderEvent[] }).events;
  };

  beforeAll(async () => {
    h = await startHarness();
    // Read the whole journal the way a poller does: from the start, 1000 at a time.
    let from = '';
    for (;;) {
      const events = await page(`limit=1000${from ? `&from=${from}` : ''}`);
      all.push(...events);
      if (events.length < 1000) break;
      from = events.at(-1)!.id;
    }
  });
  afterAll(() => h.sim.close());

  it('returns the 100 oldest events by default, ids increasing as occurredAt in microseconds', async () => {
    const first = await page('');
    expect(first).toHaveLength(100);
    expect(first.map((e) => e.id)).toEqual(all.slice(0, 100).map((e) => e.id));
    for (let i = 1; i < all.length; i++) expect(BigInt(all[i]!.id)).toBeGreaterThan(BigInt(all[i - 1]!.id));
    for (const e of all.slice(0, 200)) {
      expect(Number(e.id)).toBeGreaterThanOrEqual(Date.parse(e.occurredAt) * 1000);
      expect(Number(e.id)).toBeLessThan((Date.parse(e.occurredAt) + 1000) * 1000);
    }
  });

  it('derives every form’s history: one BOUGHT each, and the last event carries the form’s revision', () => {
    const bought = all.filter((e) => e.type === 'BOUGHT');
    expect(bought).toHaveLength(dataset.allegroCheckoutForms.length);
    const last = new Map<string, OrderEvent>();
    for (const e of all) last.set(e.order.checkoutForm.id, e);
    for (const f of dataset.allegroCheckoutForms) {
      expect(last.get(f.id)!.order.checkoutForm.revision).toBe(f.revision);
    }
    const ready = dataset.allegroCheckoutForms.filter((f) => f.status === 'READY_FOR_PROCESSING').length;
    expect(all.filter((e) => e.type === 'READY_FOR_PROCESSING')).toHaveLength(ready);
    const cancelled = dataset.allegroCheckoutForms.filter((f) => f.status === 'CANCELLED').length;
    expect(all.filter((e) => e.type === 'BUYER_CANCELLED' || e.type === 'AUTO_CANCELLED')).toHaveLength(cancelled);
  });

  it('shapes events like A.1.3', () => {
    const e = all.find((x) => x.type === 'READY_FOR_PROCESSING')!;
    expect(Object.keys(e)).toEqual(['id', 'order', 'type', 'occurredAt']);
    expect(Object.keys(e.order)).toEqual(['seller', 'buyer', 'lineItems', 'checkoutForm', 'marketplace']);
    expect(e.order.seller).toEqual({ id: '437848322' });
    expect(Object.keys(e.order.buyer)).toEqual(['id', 'email', 'login', 'guest', 'preferences']);
    expect(e.order.buyer.email).toMatch(/@allegromail\.pl$/);
    expect(Object.keys(e.order.lineItems[0]!)).toEqual(['id', 'offer', 'quantity', 'originalPrice', 'price', 'boughtAt']);
    expect(e.order.marketplace).toEqual({ id: 'allegro-pl' });
  });

  it('treats from as an exclusive cursor', async () => {
    const cursor = all[10]!.id;
    const next = await page(`from=${cursor}&limit=5`);
    expect(next.map((e) => e.id)).toEqual(all.slice(11, 16).map((e) => e.id));
    // Any number positions the cursor (from=0 reads from the start); it need not be an issued id.
    expect((await page('from=0&limit=3')).map((e) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
    const between = BigInt(all[10]!.id) + 1n;
    expect((await page(`from=${between}&limit=1`))[0]!.id).toBe(all[11]!.id);
    expect(await page(`from=${all.at(-1)!.id}`)).toEqual([]);
  });

  it('filters by repeated type', async () => {
    const events = await page('type=BOUGHT&type=FULFILLMENT_STATUS_CHANGED&limit=1000');
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['BOUGHT', 'FULFILLMENT_STATUS_CHANGED']));
    const expected = all.filter((e) => e.type === 'BOUGHT' || e.type === 'FULFILLMENT_STATUS_CHANGED').slice(0, 1000);
    expect(events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });

  it('rejects limit 1001, limit 0, a non-numeric from and an unknown type with 422', async () => {
    for (const [query, path] of [
      ['limit=1001', 'limit'],
      ['limit=0', 'limit'],
      ['from=abc', 'from'],
      ['type=PAID', 'type'],
    ] as const) {
      const res = await h.api(`/order/events?${query}`);
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as ErrorsHolderBody;
      expect(body.errors[0]!.path, query).toBe(path);
    }
    const res = await h.api('/order/events?limit=1001');
    expect(((await res.json()) as ErrorsHolderBody).errors[0]!.message).toBe('limit: must be less than or equal to 1000');
  });

  it('reports the latest event in /order/event-stats', async () => {
    const res = await h.api('/order/event-stats');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ latestEvent: { id: all.at(-1)!.id, occurredAt: all.at(-1)!.occurredAt } });
  });
});
