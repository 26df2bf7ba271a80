/**
 * Partner usage metering end to end: what a key's requests consumed (requests, cost, upstream calls, errors) reaches
 * the key store — memory, or Redis shared by the replicas — within a flush, and agrees with the gateway's metrics and
 * with the upstream calls the simulators counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, type UsageDay } from '@omnigraph/auth';
import { inCi, isRedisServerAvailable, requireRedisInCi, startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { deltaBy, scrape } from './metrics-exposition.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

requireRedisInCi('the usage metering end-to-end test on Redis', { redisServerBinary: true });

const PARTNER_QUERY = registeredOperationText('PartnerProductsBySku');
const FORBIDDEN_QUERY = '{ findCustomers(email: "nobody@example.com") { name } }';

async function usageOf(stack: E2eStack, keyId: string, requests: number): Promise<UsageDay | undefined> {
  const day = new Date().toISOString().slice(0, 10);
  // the meter writes once a second, off the request path
  for (let waited = 0; waited < 5_000; waited += 100) {
    const [today] = await stack.gateway.apiKeys.usage(keyId, { from: day, to: day });
    if (today !== undefined && today.requests >= requests) return today;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

const stores: [string, { redis: boolean }][] = [
  ['the memory key store', { redis: false }],
  ['the Redis key store', { redis: true }],
];

describe.each(stores)('usage metering with %s', (_name, { redis: onRedis }) => {
  let stack: E2eStack;
  let redis: DisposableRedisServer | undefined;
  const skip = onRedis && !inCi && !isRedisServerAvailable();

  beforeAll(async () => {
    if (skip) return;
    if (onRedis) redis = await startRedisServer();
    stack = await startE2eStack({ scale: 0.05, ...(redis === undefined ? {} : { redisUrl: redis.url }) });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  it.skipIf(skip)('adds each request of a key to its day: requests, cost, upstream calls and errors', async () => {
    const key = await stack.createKey({ name: 'metered partner', scopes: ['catalog:read', 'stock:read'] });
    const keyId = keyIdOf(key);
    const skus = stack.dataset.products.slice(0, 2).map((p) => p.sku);
    const before = await scrape();
    stack.resetCounters();

    expect((await stack.query(PARTNER_QUERY, { skus }, { key })).status).toBe(200);
    expect((await stack.query(PARTNER_QUERY, { skus: [skus[0]] }, { key })).status).toBe(200);
    expect((await stack.query(FORBIDDEN_QUERY, {}, { key })).status).toBe(403);

    const usage = await usageOf(stack, keyId, 3);
    const after = await scrape();
    const upstream = Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0);
    expect(upstream).toBeGreaterThan(0);
    const cost = deltaBy(before, after, 'omnigraph_gateway_key_cost_total', ['key_id'])[keyId];
    expect(cost).toBeGreaterThan(0);
    expect(usage).toEqual({ day: expect.any(String), requests: 3, cost, upstreamCalls: upstream, errors: 1 });
  });
});
