import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { encodeOrderListKey } from '@omnigraph/shared/models';
import { createCacheFromEnv, type ManagedCache } from '@omnigraph/shared/cache';
import { isRedisServerAvailable, startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import type { MarketplaceContext } from '../src/context.ts';
import { MARKETPLACE_CACHE_KEY_PREFIX } from '../src/upstream/marketplace-cache-keys.ts';
import { COUNTER, startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

const QUERY = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on OrderConnection {
        marketplaceSlice {
          orders {
            ref {
              id
            }
          }
        }
      }
      ... on MarketplaceOrder {
        id
        buyerLogin
      }
    }
  }
`;

// Runs wherever a redis-server binary exists (CI starts one); elsewhere the memory-cache tests cover the flow.
describe.runIf(isRedisServerAvailable())('marketplace subgraph with a real Redis cache', () => {
  let redisServer: DisposableRedisServer;
  let cache: ManagedCache;
  let harness: MarketplaceHarness;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    cache = await createCacheFromEnv({ redisUrl: redisServer.url, keyPrefix: MARKETPLACE_CACHE_KEY_PREFIX, onError: () => {} });
    harness = await startMarketplaceHarness({ cache, cacheTtlSeconds: 30, maxStaleOrderSeconds: 600 });
  });
  afterAll(async () => {
    await harness?.close();
    await cache?.close();
    await redisServer?.kill();
  });

  async function run(variables: Record<string, unknown>, contextValue: MarketplaceContext) {
    const response = await harness.marketplace.server.executeOperation({ query: QUERY, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: { _entities: Record<string, unknown>[] }; errors?: unknown[] };
  }

  it('stores listed forms under marketplace:v6:checkout-form:<id> for their max stale age, and serves the entity step from them', async () => {
    const listed = await run(
      {
        representations: [
          {
            __typename: 'OrderConnection',
            id: encodeOrderListKey({
              customerId: 'c1',
              email: null,
              eshopCustomerId: null,
              allegroBuyerLogin: 'ania_kowalska88',
              first: 20,
              after: null,
              channel: null,
            }),
          },
        ],
      },
      harness.marketplace.createContext(),
    );
    const refs = (listed.data!._entities[0]!['marketplaceSlice'] as { orders: { ref: { id: string } }[] }).orders;
    expect(refs).toHaveLength(4);

    const redis = createClient({ url: redisServer.url });
    await redis.connect();
    try {
      const keys = (await redis.keys('marketplace:v6:checkout-form:*')).sort();
      expect(keys).toEqual(refs.map((r) => `marketplace:v6:checkout-form:${r.ref.id.slice('marketplace:'.length)}`).sort());
      const ttl = await redis.ttl(keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      // kept for MARKETPLACE_MAX_STALE_ORDERS_SECONDS (to stand in for a failing Allegro); fresh for 30 s of it
      expect(ttl).toBeGreaterThan(30);
      expect(ttl).toBeLessThanOrEqual(600);
    } finally {
      await redis.close();
    }

    harness.sim.control.resetCounters();
    const orders = await run(
      { representations: refs.map((r) => ({ __typename: 'MarketplaceOrder', id: r.ref.id })) },
      harness.marketplace.createContext(),
    );
    expect(orders.data!._entities.map((o) => o['buyerLogin'])).toEqual(['ania_kowalska88', 'ania_kowalska88', 'ania_kowalska88', 'ania_kowalska88']);
    expect(harness.count(COUNTER.getForm)).toBe(0);
  });
});
