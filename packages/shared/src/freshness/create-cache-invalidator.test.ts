import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '../cache/memory-cache.ts';
import { createLogger } from '../logging/index.ts';
import type { ChangeEvent } from './change-event.ts';
import { createCacheInvalidator } from './create-cache-invalidator.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const event: ChangeEvent = { system: 'odoo', kind: 'stock', ids: ['7'], at: '2026-12-06T00:00:00.000Z', cause: 'test', refs: { skus: ['A'] } };

afterEach(() => vi.useRealTimers());

describe('createCacheInvalidator', () => {
  it('drops the mapped keys, leaves the others, then calls the observer', async () => {
    const cache = createMemoryCache();
    await cache.set('stock:A', 1, 60);
    await cache.set('stock:B', 2, 60);
    const seen: Array<{ event: ChangeEvent; stillCached: unknown }> = [];
    const invalidator = createCacheInvalidator({
      cache,
      logger,
      upstreamTimeoutMs: 0,
      keysOf: (e) => (e.refs?.skus ?? []).map((sku) => `stock:${sku}`),
      observer: async (e) => void seen.push({ event: e, stillCached: await cache.get('stock:A') }),
    });
    await invalidator.onChange(event);
    expect(await cache.get('stock:A')).toBeUndefined();
    expect(await cache.get('stock:B')).toBe(2);
    // the observer runs after the delete
    expect(seen).toEqual([{ event, stillCached: undefined }]);
    // at least once: the same event again is harmless
    await invalidator.onChange(event);
    expect(await cache.get('stock:B')).toBe(2);
  });

  it('deletes again after twice the upstream timeout, catching a read in flight that stored the old value after the first delete', async () => {
    vi.useFakeTimers();
    const cache = createMemoryCache({ now: () => 0 });
    const invalidator = createCacheInvalidator({ cache, logger, upstreamTimeoutMs: 5_000, keysOf: () => ['stock:A'] });
    await invalidator.onChange(event);
    await cache.set('stock:A', 'old value from a read in flight', 60);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await cache.get('stock:A')).toBe('old value from a read in flight');
    await vi.advanceTimersByTimeAsync(1);
    expect(await cache.get('stock:A')).toBeUndefined();
  });

  it('stop() cancels pending second deletes', async () => {
    vi.useFakeTimers();
    const cache = createMemoryCache({ now: () => 0 });
    const invalidator = createCacheInvalidator({ cache, logger, upstreamTimeoutMs: 500, keysOf: () => ['stock:A'] });
    await invalidator.onChange(event);
    invalidator.stop();
    await cache.set('stock:A', 'kept', 60);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await cache.get('stock:A')).toBe('kept');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failing mapping throws, so a polled source delivers the event again, and the observer is not told', async () => {
    const observer = vi.fn();
    const invalidator = createCacheInvalidator({
      cache: createMemoryCache(),
      logger,
      upstreamTimeoutMs: 0,
      keysOf: () => Promise.reject(new Error('boom')),
      observer,
    });
    await expect(invalidator.onChange(event)).rejects.toThrow('boom');
    expect(observer).not.toHaveBeenCalled();
  });
});
