/**
 * Issue 11, "Done when" (T13 of security-reliability.md): 100 concurrent identical placeOrder calls with one
 * idempotency key, spread over two gateway replicas, each in front of its own commands replica, both sharing one
 * Redis → exactly one order created in the shop (the WooCommerce simulator's counter), 100 identical answers; the
 * same key with another input → IDEMPOTENCY_KEY_REUSED and still one order. The Redis is a private `redis-server`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '@omnigraph/auth';
import type { Gateway } from '@omnigraph/gateway';
import { startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import type { RunningSubgraph } from '@omnigraph/shared/service';
import { loadCommandsConfig, startCommandsSubgraph } from '@omnigraph/subgraph-commands';
import { countUpstreamWrites } from '@omnigraph/simulator-stack';
import { ALL_SCOPES, startE2eStack, startGatewayReplica, type E2eStack } from './start-e2e-stack.ts';

const ANNA = '10000000001';
const CALLS = 100;
const PLACE_ORDER = `mutation ($key: String!, $input: PlaceOrderInput!) {
  placeOrder(idempotencyKey: $key, input: $input) {
    operation { idempotencyKey operation state errorCode createdAt updatedAt steps { step state upstreamId } }
    order { id number status totals { total { amount currency } } lines { sku quantity unitPrice { amount } } }
    erpReservation
  }
}`;

let redis: DisposableRedisServer;
let stack: E2eStack;
let secondCommands: RunningSubgraph;
let gateways: Gateway[] = [];
let replicas: { url: string; key: string }[];

beforeAll(async () => {
  redis = await startRedisServer();
  // every subgraph on the private Redis: commands keeps its idempotency records there (fail closed), the others their caches
  stack = await startE2eStack({ scale: 0.05, subgraphEnv: { REDIS_URL: redis.url } });
  secondCommands = await startCommandsSubgraph(
    loadCommandsConfig({
      ERP_URL: stack.subgraphUrls.erp,
      ESHOP_URL: stack.subgraphUrls.eshop,
      CRM_URL: stack.subgraphUrls.crm,
      MARKETPLACE_URL: stack.subgraphUrls.marketplace,
      OMNIGRAPH_SUBGRAPH_SECRET: stack.subgraphSecret,
      COMMANDS_PORT: '0',
      COMMANDS_METRICS_PORT: 'off',
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
    }),
  );
  // Two gateway replicas in front of the two commands replicas, sharing one key store as replicas do (so one API key is
  // one caller on both: the idempotency scope is the caller).
  const keyStore = createMemoryKeyStore();
  const started = [await startGatewayReplica(stack, { keyStore }), await startGatewayReplica(stack, { keyStore, commandsUrl: secondCommands.url })];
  gateways = started.map((s) => s.gateway);
  const urls = started.map((s) => s.url);
  const { key } = await gateways[0]!.apiKeys.createKey({
    name: 'e2e call center',
    ownerId: 'omnigraph-e2e',
    profile: 'internal',
    scopes: ALL_SCOPES,
    rateLimitPerMinute: 1_000_000,
  });
  replicas = urls.map((url) => ({ url, key }));
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await secondCommands?.stop();
  await stack?.close();
  await redis?.kill();
});

async function placeOrder(replica: { url: string; key: string }, key: string, input: unknown) {
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': replica.key },
    body: JSON.stringify({ query: PLACE_ORDER, variables: { key, input } }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

describe('one idempotency key, 100 concurrent calls, two gateway and two commands replicas on one Redis', () => {
  it('creates exactly one order upstream and answers all 100 the same; another input with the key is IDEMPOTENCY_KEY_REUSED', async () => {
    const sku = stack.dataset.products.find((p) => p.active)!.sku;
    const input = { customerId: ANNA, lines: [{ sku, quantity: 2 }], delivery: { method: 'COURIER' } };
    const key = randomUUID();
    stack.resetCounters();

    const answers = await Promise.all(Array.from({ length: CALLS }, (_, i) => placeOrder(replicas[i % 2]!, key, input)));

    const writes = countUpstreamWrites(stack.simulators);
    console.log(`write race: ${CALLS} calls → upstream writes ${JSON.stringify(writes)}`);
    expect(writes).toEqual({ 'woocommerce POST /wp-json/wc/v3/orders': 1 });
    expect(answers.map((a) => a.status)).toEqual(Array(CALLS).fill(200));
    expect(answers.filter((a) => a.body.errors !== undefined)).toEqual([]);
    // identical data (the `sources` extension says which systems this one response asked, so it may differ)
    const first = JSON.stringify(answers[0]!.body.data);
    expect(answers.filter((a) => JSON.stringify(a.body.data) !== first)).toEqual([]);
    expect(answers[0]!.body.data.placeOrder).toMatchObject({
      operation: { state: 'SUCCEEDED' },
      order: { id: expect.stringMatching(/^eshop:\d+$/) },
    });

    // the same key with another input, on both replicas: refused, nothing written
    const other = { ...input, lines: [{ sku, quantity: 3 }] };
    const reused = await Promise.all(Array.from({ length: 10 }, (_, i) => placeOrder(replicas[i % 2]!, key, other)));
    expect(reused.map((a) => a.body.errors?.[0]?.extensions?.code)).toEqual(Array(10).fill('IDEMPOTENCY_KEY_REUSED'));
    expect(countUpstreamWrites(stack.simulators)).toEqual(writes);
  });
});
