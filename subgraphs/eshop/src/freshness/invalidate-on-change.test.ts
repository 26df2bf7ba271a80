import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createCacheInvalidator } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { eshopCacheKeys } from '../upstream/eshop-cache-keys.ts';
import { eshopKeysOfChange } from './invalidate-on-change.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const at = '2026-12-06T00:00:00.000Z';

async function cachedShop() {
  const cache = createMemoryCache();
  const keys = [
    eshopCacheKeys.order('1'),
    eshopCacheKeys.order('2'),
    eshopCacheKeys.orderRefunds('1'),
    eshopCacheKeys.orderRefunds('2'),
    eshopCacheKeys.customerOrders('7'),
    eshopCacheKeys.customerOrders('8'),
    eshopCacheKeys.guestOrders('anna@example.pl'),
    eshopCacheKeys.guestOrders('other@example.pl'),
    eshopCacheKeys.listing('SKU-A'),
    eshopCacheKeys.listing('SKU-B'),
    eshopCacheKeys.productContent('4'),
    eshopCacheKeys.productContent('9'),
  ];
  for (const key of keys) await cache.set(key, { value: key, fetchedAt: 0 }, 60);
  const invalidator = createCacheInvalidator({ cache, keysOf: eshopKeysOfChange, logger, upstreamTimeoutMs: 0 });
  const gone = async () => (await Promise.all(keys.map(async (k) => ((await cache.get(k)) === undefined ? k : null)))).filter((k) => k !== null);
  return { invalidator, gone };
}

describe('eshop invalidation on WooCommerce webhooks', () => {
  it('an order change (a refund included) drops the order, its refunds, its customer’s list and the guest list of its billing e-mail', async () => {
    const { invalidator, gone } = await cachedShop();
    await invalidator.onChange({
      system: 'woocommerce',
      kind: 'order',
      ids: ['1'],
      at,
      cause: 'woocommerce:webhook:order.updated',
      refs: { customerIds: ['7'], emails: ['anna@example.pl'], skus: ['SKU-A'] },
    });
    expect(await gone()).toEqual([
      eshopCacheKeys.order('1'),
      eshopCacheKeys.orderRefunds('1'),
      eshopCacheKeys.customerOrders('7'),
      eshopCacheKeys.guestOrders('anna@example.pl'),
    ]);
  });

  it('a product change drops its listing (SKUs match case-insensitively) and its content; a customer change drops nothing', async () => {
    const { invalidator, gone } = await cachedShop();
    await invalidator.onChange({
      system: 'woocommerce',
      kind: 'product',
      ids: ['5', '4'],
      at,
      cause: 'woocommerce:webhook:product.updated',
      refs: { skus: ['sku-a'] },
    });
    await invalidator.onChange({
      system: 'woocommerce',
      kind: 'customer',
      ids: ['7'],
      at,
      cause: 'woocommerce:webhook:customer.updated',
      refs: { emails: ['anna@example.pl'] },
    });
    expect(await gone()).toEqual([eshopCacheKeys.listing('SKU-A'), eshopCacheKeys.productContent('4')]);
  });
});
