import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createCacheInvalidator, type ChangeEvent } from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { erpCacheKeys } from '../upstream/erp-cache-keys.ts';
import { erpKeysOfChange } from './invalidate-on-change.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const at = '2026-12-06T00:00:00.000Z';

async function cachedErp() {
  const cache = createMemoryCache();
  const keys = [...['A', 'B'].flatMap((sku) => [erpCacheKeys.productBySku(sku), erpCacheKeys.stockBySku(sku)]), erpCacheKeys.locations()];
  for (const key of keys) await cache.set(key, { value: key, fetchedAt: 0 }, 60);
  const invalidator = createCacheInvalidator({ cache, keysOf: erpKeysOfChange, logger, upstreamTimeoutMs: 0 });
  const cached = async () => (await Promise.all(keys.map(async (k) => ((await cache.get(k)) === undefined ? null : k)))).filter((k) => k !== null);
  return { invalidator, cached };
}

describe('erp invalidation on Odoo changes', () => {
  it('a stock change drops the stock of its SKUs only', async () => {
    const { invalidator, cached } = await cachedErp();
    const event: ChangeEvent = { system: 'odoo', kind: 'stock', ids: ['7'], at, cause: 'odoo:write_date:stock.quant', refs: { skus: ['A'] } };
    await invalidator.onChange(event);
    await invalidator.onChange(event); // delivered twice: same outcome
    expect(await cached()).toEqual(['product:A', 'product:B', 'stock:B', 'locations']);
  });

  it('a catalogue change drops the product of its SKUs only', async () => {
    const { invalidator, cached } = await cachedErp();
    await invalidator.onChange({
      system: 'odoo',
      kind: 'product',
      ids: ['7', '8'],
      at,
      cause: 'odoo:write_date:product.template',
      refs: { skus: ['A', 'B'] },
    });
    expect(await cached()).toEqual(['stock:A', 'stock:B', 'locations']);
  });

  it('a change without a SKU names nothing (left to the TTL), and other systems are ignored', async () => {
    const { invalidator, cached } = await cachedErp();
    await invalidator.onChange({ system: 'odoo', kind: 'product', ids: ['9'], at, cause: 'odoo:write_date:product.product' });
    await invalidator.onChange({ system: 'woocommerce', kind: 'product', ids: ['1'], at, cause: 'x', refs: { skus: ['A'] } });
    expect(await cached()).toHaveLength(5);
  });
});
