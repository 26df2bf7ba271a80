import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createCacheInvalidator, type ChangeEvent } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';
import { marketplaceKeysOfChange } from './invalidate-on-change.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

describe('marketplace invalidation on Allegro order events', () => {
  it('an order event drops the checkout form, its refunds and its buyer’s order list, nothing else', async () => {
    const cache = createMemoryCache();
    const keys = [
      marketplaceCacheKeys.checkoutForm('form-1'),
      marketplaceCacheKeys.checkoutForm('form-2'),
      marketplaceCacheKeys.refunds('form-1'),
      marketplaceCacheKeys.refunds('form-2'),
      marketplaceCacheKeys.buyerOrders('ania_k'),
      marketplaceCacheKeys.buyerOrders('someone_else'),
      marketplaceCacheKeys.offersBySku('SKU-A'),
    ];
    for (const key of keys) await cache.set(key, { value: key, fetchedAt: 0 }, 60);
    const invalidator = createCacheInvalidator({ cache, keysOf: marketplaceKeysOfChange, logger, upstreamTimeoutMs: 0 });
    const event: ChangeEvent = {
      system: 'allegro',
      kind: 'order',
      ids: ['form-1'],
      at: '2026-12-06T00:00:00.000Z',
      cause: 'allegro:order-events:BUYER_MODIFIED',
      refs: { buyerLogins: ['ania_k'], buyerIds: ['123'], skus: ['SKU-A'] },
    };
    await invalidator.onChange(event);
    await invalidator.onChange(event); // delivered twice: same outcome
    const gone = (await Promise.all(keys.map(async (k) => ((await cache.get(k)) === undefined ? k : null)))).filter((k) => k !== null);
    expect(gone).toEqual([
      marketplaceCacheKeys.checkoutForm('form-1'),
      marketplaceCacheKeys.refunds('form-1'),
      marketplaceCacheKeys.buyerOrders('ania_k'),
    ]);
  });
});
