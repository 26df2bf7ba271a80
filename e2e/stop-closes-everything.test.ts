/**
 * Stopping the subgraphs closes everything they opened (issue 9, item 11: the marketplace's stop() once left its
 * cache's Redis connection open). Each subgraph runs with every Redis user on — cache, upstream budget, Allegro token
 * store, freshness cursors and lock — against a private redis-server, whose CLIENT LIST must hold only this test's
 * own connection afterwards.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRedisServerAvailable, startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import { startTestUpstreams } from '../scripts/start-subgraphs.ts';

describe.runIf(isRedisServerAvailable())('subgraph stop closes every connection it opened', () => {
  let redis: DisposableRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it('leaves no Redis client behind after stop()', async () => {
    const inspector = createClient({ url: redis.url });
    await inspector.connect();
    const clients = async () => (await inspector.sendCommand(['CLIENT', 'LIST'])).toString().trim().split('\n').length;
    try {
      const upstreams = await startTestUpstreams({
        scale: 0.1,
        freshness: true,
        redisUrl: redis.url,
        subgraphEnv: {
          ALLEGRO_TOKEN_STORE: 'redis',
          HUBSPOT_BUDGET_REQUESTS_PER_10S: '190',
          ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: '9000',
          ODOO_BUDGET_REQUESTS_PER_MINUTE: '600',
          WOOCOMMERCE_BUDGET_REQUESTS_PER_MINUTE: '600',
        },
      });
      try {
        // caches, budgets, the token store and the pollers' state, per subgraph
        expect(await clients()).toBeGreaterThanOrEqual(1 + 4 * 2);
      } finally {
        await upstreams.stop();
      }
      const until = Date.now() + 2_000;
      while ((await clients()) > 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(await clients()).toBe(1);
    } finally {
      await inspector.quit();
    }
  });
});
