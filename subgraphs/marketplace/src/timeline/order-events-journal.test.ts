import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createOrderEventsJournal, ORDER_EVENTS_JOURNAL_TTL_SECONDS } from './order-events-journal.ts';

const FORM = '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50';

describe('createOrderEventsJournal', () => {
  it('keeps each form its events oldest first, repeats and out-of-order deliveries once', async () => {
    const journal = createOrderEventsJournal({ cache: createMemoryCache() });
    await journal.record([
      { checkoutFormId: FORM, id: '3', type: 'FULFILLMENT_STATUS_CHANGED', at: '2026-05-12T09:02:11.640Z' },
      { checkoutFormId: FORM, id: '1', type: 'BOUGHT', at: '2026-05-12T08:12:47.101Z' },
      { checkoutFormId: 'other', id: '2', type: 'BOUGHT', at: '2026-05-12T08:13:00.000Z' },
    ]);
    await journal.record([{ checkoutFormId: FORM, id: '1', type: 'BOUGHT', at: '2026-05-12T08:12:47.101Z' }]);
    expect(await journal.eventsOf([FORM, 'unknown'])).toEqual([
      [
        { id: '1', type: 'BOUGHT', at: '2026-05-12T08:12:47.101Z' },
        { id: '3', type: 'FULFILLMENT_STATUS_CHANGED', at: '2026-05-12T09:02:11.640Z' },
      ],
      [],
    ]);
  });

  it('is bounded: the newest events of a form, kept as long as Allegro keeps them', async () => {
    const cache = createMemoryCache();
    const ttls: number[] = [];
    const spy = { ...cache, set: async <T>(key: string, value: T, ttl: number) => (ttls.push(ttl), cache.set(key, value, ttl)) };
    const journal = createOrderEventsJournal({ cache: spy, maxPerOrder: 2 });
    await journal.record([1, 2, 3].map((n) => ({ checkoutFormId: FORM, id: String(n), type: 'BUYER_MODIFIED', at: `2026-05-1${n}T00:00:00.000Z` })));
    expect((await journal.eventsOf([FORM]))[0]?.map((e) => e.id)).toEqual(['2', '3']);
    expect(ttls).toEqual([ORDER_EVENTS_JOURNAL_TTL_SECONDS]);
    expect(ORDER_EVENTS_JOURNAL_TTL_SECONDS).toBe(60 * 24 * 3600);
  });
});
