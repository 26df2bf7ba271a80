import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRedisInCi, sharedRedisUrl } from '../testing/index.ts';
import { createFileCursorStore, createRedisFreshnessState } from './freshness-state.ts';

requireRedisInCi('freshness cursors and runner lock', { sharedRedis: true });

describe('createFileCursorStore', () => {
  it('keeps cursors across instances (a restarted process)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'freshness-'));
    try {
      const path = join(dir, 'cursors.json');
      await createFileCursorStore(path).set('allegro-order-events', '42');
      expect(await createFileCursorStore(path).get('allegro-order-events')).toBe('42');
      expect(await createFileCursorStore(path).get('other')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!sharedRedisUrl)('createRedisFreshnessState (shared Redis)', () => {
  const prefix = `test:freshness:${randomUUID()}:`;
  const redis = createClient({ url: sharedRedisUrl });
  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  it('shares cursors between replicas', async () => {
    const a = createRedisFreshnessState({ redis, keyPrefix: prefix, holderId: 'a' });
    const b = createRedisFreshnessState({ redis, keyPrefix: prefix, holderId: 'b' });
    await a.cursors.set('orders', '1778573567101000');
    expect(await b.cursors.get('orders')).toBe('1778573567101000');
  });

  it('lets one replica run a poller; the other takes over after release or lapse', async () => {
    const a = createRedisFreshnessState({ redis, keyPrefix: prefix, holderId: 'a' });
    const b = createRedisFreshnessState({ redis, keyPrefix: prefix, holderId: 'b' });
    expect(await a.lock.acquire('orders', 5_000)).toBe(true);
    expect(await b.lock.acquire('orders', 5_000)).toBe(false);
    expect(await a.lock.acquire('orders', 5_000)).toBe(true); // renewal by the holder
    await b.lock.release('orders'); // not b's lock: no effect
    expect(await b.lock.acquire('orders', 5_000)).toBe(false);
    await a.lock.release('orders');
    expect(await b.lock.acquire('orders', 100)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(await a.lock.acquire('orders', 5_000)).toBe(true); // b's lock lapsed (b died)
  });
});
