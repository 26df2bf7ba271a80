import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createCacheInvalidator, type ChangeEvent } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';
import { marketplaceKeysOfChange } from './invalidate-on-change.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

describe('marketplace invalidation on Allegro order events', () => {
  it('an order event drops the checkout form, its refunds, its buyer’s order list and its lines’ offers (a purchase moves their quantity), nothing else', async () => {
    const cache = createMemoryCache();
    const keys = [
      marketplaceCacheKeys.checkoutForm('form-1'),
      marketplaceCacheKeys.checkoutForm('form-2'),
      marketplaceCacheKeys.refunds('form-1'),
      marketplaceCacheKeys.refunds('form-2'),
      marketplaceCacheKeys.buyerOrders('ania_k'),
      marketplaceCacheKeys.buyerOrders('someone_else'),
      marketplaceCacheKeys.offersBySku('SKU-A'),
      marketplaceCacheKeys.offersBySku('SKU-B'),
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
      marketplaceCacheKeys.offersBySku('SKU-A'),
    ]);
  });

  it('an offer event drops the offers of its SKU (a cached "no offer" too), nothing else', async () => {
    const cache = createMemoryCache();
    const keys = [marketplaceCacheKeys.offersBySku('SKU-A'), marketplaceCacheKeys.offersBySku('SKU-B'), marketplaceCacheKeys.checkoutForm('form-1')];
    await cache.set(keys[0]!, { value: [], fetchedAt: 0 }, 60);
    for (const key of keys.slice(1)) await cache.set(key, { value: key, fetchedAt: 0 }, 60);
    const invalidator = createCacheInvalidator({ cache, keysOf: marketplaceKeysOfChange, logger, upstreamTimeoutMs: 0 });
    await invalidator.onChange({
      system: 'allegro',
      kind: 'product',
      ids: ['7712345678'],
      at: '2026-12-06T00:00:00.000Z',
      cause: 'allegro:offer-events:OFFER_ACTIVATED',
      refs: { skus: ['SKU-A'] },
    });
    expect(await cache.getMany(keys)).toEqual([undefined, { value: keys[1], fetchedAt: 0 }, { value: keys[2], fetchedAt: 0 }]);
  });
});
