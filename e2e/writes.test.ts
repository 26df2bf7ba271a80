/**
 * The writes of issue 11 through the gateway (ADR 0011): a call-center key places an order and gets the order back
 * from the e-shop in the same response; a partner key never writes, not even with the scope, more than once per
 * request; the step mutations are not in the API schema.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUpstreamWrites } from '@omnigraph/simulator-stack';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

const NOTE = `mutation ($key: String!) {
  addCustomerNote(idempotencyKey: $key, input: { customerId: "10000000001", body: "Called about her parcel." }) {
    operation { state steps { step upstreamId } }
    note { id body }
  }
}`;

let stack: E2eStack;

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('writes through the gateway', () => {
  it('places an order for a customer and answers it as the e-shop shows it', async () => {
    const sku = stack.dataset.products.find((p) => p.active)!.sku;
    const key = randomUUID();
    const query = `mutation ($key: String!, $sku: ID!) {
      placeOrder(idempotencyKey: $key, input: { customerId: "10000000001", lines: [{ sku: $sku, quantity: 1 }], delivery: { method: COURIER } }) {
        operation { state steps { step state upstreamId } }
        order { id number status }
      }
    }`;
    const first = await stack.query(query, { key, sku });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.placeOrder.operation.state).toBe('SUCCEEDED');
    expect(first.body.data.placeOrder.order).toMatchObject({ id: expect.stringMatching(/^eshop:\d+$/), number: expect.any(String) });
    const again = await stack.query(query, { key, sku });
    expect(again.body.data.placeOrder.order.id).toBe(first.body.data.placeOrder.order.id);
    const followed = await stack.query('query ($key: String!) { writeOperation(idempotencyKey: $key) { state operation } }', { key });
    expect(followed.body.data.writeOperation).toEqual({ state: 'SUCCEEDED', operation: 'placeOrder' });
  });

  it('refuses a partner key: without the scope FORBIDDEN, and never two writes in one request', async () => {
    const partner = await stack.createKey({ scopes: ['catalog:read', 'stock:read'] });
    const refused = await stack.query(NOTE, { key: randomUUID() }, { key: partner });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // even a partner key that was given the scope writes at most once per request
    const scoped = await stack.createKey({ scopes: ['notes:write', 'customers:read', 'customers:pii'] });
    const two = `mutation { a: addCustomerNote(idempotencyKey: "k1", input: { customerId: "10000000001", body: "x" }) { operation { state } }
      b: addCustomerNote(idempotencyKey: "k2", input: { customerId: "10000000001", body: "y" }) { operation { state } } }`;
    const batch = await stack.query(two, {}, { key: scoped });
    expect(batch.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ROOT_FIELDS');
  });

  it('keeps the step mutations out of the API schema', async () => {
    const response = await stack.query('mutation { crmCreateNote(idempotencyKey: "k", customerId: "10000000001", body: "x") { id } }', {});
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses hostile idempotency keys and a mutation over GET, writing nothing', async () => {
    stack.resetCounters();
    const cases: [string, string][] = [
      ['', 'BAD_USER_INPUT'],
      ['   ', 'BAD_USER_INPUT'],
      ['key\nwith-a-newline', 'BAD_USER_INPUT'],
      ['ключ-unicode', 'BAD_USER_INPUT'],
      ['k'.repeat(256), 'BAD_USER_INPUT'],
      // over the edge's argument length limit: refused before anything runs
      ['k'.repeat(5_000), 'BAD_USER_INPUT'],
    ];
    const got = [];
    for (const [key] of cases) {
      const body = (await stack.query(NOTE, { key })).body;
      got.push([key.slice(0, 20), body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.argumentName]);
    }
    expect(got).toEqual(cases.map(([key, code]) => [key.slice(0, 20), code, 'idempotencyKey']));
    const viaGet = await fetch(
      `${stack.url}/graphql?query=${encodeURIComponent('mutation { addCustomerNote(idempotencyKey: "g1", input: { customerId: "10000000001", body: "x" }) { operation { state } } }')}`,
      {
        headers: { 'x-api-key': stack.callCenterKey, 'apollo-require-preflight': 'true' },
      },
    );
    expect(viaGet.status).toBeGreaterThanOrEqual(400);
    expect(countUpstreamWrites(stack.simulators)).toEqual({});
  });
});
