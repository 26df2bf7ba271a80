import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  decodeOrderListKey,
  encodeOrderListKey,
  readNewestFirst,
  type OrderListKey,
  type OrderListPosition,
} from './order-slice.ts';

const KEY: OrderListKey = {
  customerId: '10000000001',
  email: 'anna.kowalska@example.pl',
  eshopCustomerId: '2000',
  allegroBuyerLogin: 'ania_kowalska88',
  first: 20,
  after: { time: Date.parse('2026-05-03T10:00:00Z'), id: 'eshop:15228' },
  channel: 'ESHOP',
};

describe('order list key', () => {
  it('round-trips, and refuses what it did not encode', () => {
    expect(decodeOrderListKey(encodeOrderListKey(KEY))).toEqual(KEY);
    expect(decodeOrderListKey(encodeOrderListKey({ ...KEY, after: null, channel: null }))).toEqual({ ...KEY, after: null, channel: null });
    expect(decodeOrderListKey('not a key')).toBeNull();
    expect(decodeOrderListKey(Buffer.from(JSON.stringify(['1', null, null, null, 0, null, null])).toString('base64url'))).toBeNull();
    expect(decodeOrderListKey(Buffer.from(JSON.stringify(['1', null, null, null, 5, null, 'FAX'])).toString('base64url'))).toBeNull();
  });
});

describe('compareNewestFirst', () => {
  it('orders by time descending, then by id descending with shop ids as numbers', () => {
    const at = (id: string, time = 0): OrderListPosition => ({ time, id });
    const sorted = [at('eshop:999'), at('eshop:1000'), at('eshop:5', 1), at('marketplace:a'), at('eshop:1001')].sort(compareNewestFirst);
    expect(sorted.map((p) => p.id)).toEqual(['eshop:5', 'marketplace:a', 'eshop:1001', 'eshop:1000', 'eshop:999']);
  });
});

type Item = { id: string; time: number; listedAt: number };

describe('readNewestFirst', () => {
  /** An upstream sorted by a later time than the item's own (Allegro: the latest line), `size` a page. */
  const upstream = (items: Item[], size: number) => {
    const sorted = [...items].sort((a, b) => b.listedAt - a.listedAt);
    const calls: number[] = [];
    return {
      calls,
      fetchPage: async (index: number) => {
        calls.push(index);
        const page = sorted.slice(index * size, (index + 1) * size);
        return { items: page, more: (index + 1) * size < sorted.length };
      },
    };
  };
  const options = { positionOf: (i: Item): OrderListPosition => ({ time: i.time, id: i.id }), latestAfter: (i: Item) => i.listedAt, maxPages: 5 };

  it('stops after one page when its items are certain', async () => {
    const source = upstream(
      Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, time: 100 - i, listedAt: 100 - i })),
      4,
    );
    const read = await readNewestFirst({ ...options, first: 4, after: null, fetchPage: source.fetchPage });
    expect(read.items.map((i) => i.id)).toEqual(['o0', 'o1', 'o2', 'o3']);
    expect(read.hasMore).toBe(true);
    expect(source.calls).toEqual([0]);
  });

  it('reads on while an unlisted item could still come first, and drops what is not after the cursor', async () => {
    // o9 was placed at 86.5 but is listed by a later line (95): it is listed first and belongs fifth
    const items: Item[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, time: 90 - i, listedAt: 90 - i })),
      { id: 'o9', time: 86.5, listedAt: 95 },
    ];
    const source = upstream(items, 4);
    const read = await readNewestFirst({ ...options, first: 5, after: null, fetchPage: source.fetchPage });
    expect(read.items.map((i) => i.id)).toEqual(['o0', 'o1', 'o2', 'o3', 'o9']);
    expect(source.calls).toEqual([0, 1]);
    const later = await readNewestFirst({ ...options, first: 2, after: { time: 87, id: 'o3' }, fetchPage: upstream(items, 4).fetchPage });
    expect(later.items.map((i) => i.id)).toEqual(['o9', 'o4']);
  });
});
