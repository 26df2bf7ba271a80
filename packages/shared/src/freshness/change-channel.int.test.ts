import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requireRedisInCi, sharedRedisUrl } from '../testing/index.ts';
import { createChangePublisher, createLocalChangeBus, subscribeToChanges } from './change-channel.ts';
import type { ChangeEvent } from './change-event.ts';

requireRedisInCi('change events channel', { sharedRedis: true });

const event = (kind: ChangeEvent['kind'], skus?: string[]): ChangeEvent => ({
  system: 'odoo',
  kind,
  ids: ['4711'],
  at: new Date().toISOString(),
  cause: 'test',
  refs: { ...(skus === undefined ? {} : { skus }), emails: ['anna@example.pl'] },
});

describe.skipIf(!sharedRedisUrl)('change events over Redis (shared Redis)', () => {
  it('carries catalogue, stock and order changes with their SKUs only, to every subscriber', async () => {
    const sku = `TEST-${randomUUID()}`;
    const received: unknown[] = [];
    const unsubscribe = subscribeToChanges({ redisUrl: sharedRedisUrl!, onChange: (e) => received.push(e) });
    const publisher = createChangePublisher({ redisUrl: sharedRedisUrl! });
    try {
      // the subscription is set up in the background: publish until it hears
      const ours = () => received.filter((e) => JSON.stringify(e).includes(sku));
      for (let i = 0; i < 50 && ours().length === 0; i++) {
        await publisher.publish(event('stock', [sku]));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(ours()[0]).toEqual({ kind: 'stock', refs: { skus: [sku] } });
      const before = received.length;
      await publisher.publish(event('contact', [sku]));
      await publisher.publish(event('product', [sku]));
      for (let i = 0; i < 50 && ours().filter((e) => (e as ChangeEvent).kind === 'product').length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      // a contact change is not published; no ids or e-mails ever cross the channel
      expect(received.slice(before).filter((e) => JSON.stringify(e).includes(sku))).toEqual([{ kind: 'product', refs: { skus: [sku] } }]);
      expect(JSON.stringify(received)).not.toContain('anna@example.pl');
    } finally {
      await publisher.close();
      await unsubscribe();
    }
  });
});

describe('createLocalChangeBus', () => {
  it('hands every event to the subscribers still subscribed', () => {
    const bus = createLocalChangeBus();
    const seen: string[] = [];
    const off = bus.subscribe((e) => seen.push(e.kind));
    void bus.emit(event('stock'));
    off();
    void bus.emit(event('product'));
    expect(seen).toEqual(['stock']);
  });
});
