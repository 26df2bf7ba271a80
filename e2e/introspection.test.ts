/**
 * Introspection through the running gateway (issue 14, point 5): a partner key's standard introspection query is
 * refused as INTROSPECTION_NOT_ALLOWED (not as too deep, which it also is for the partner limits), before anything
 * runs; an internal key's standard queries (graphql-js with every option, GraphiQL's) answer a schema a client can
 * build, and an abusive introspection query stays bounded by the internal depth limit.
 */
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_INTROSPECTION_OPTION } from '../gateway/src/limits/malicious-corpus.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

interface Answer {
  status: number;
  body: { data?: IntrospectionQuery | null; errors?: { message: string; extensions?: { code?: string; limit?: number } }[] };
}

describe('introspection through the gateway', () => {
  let stack: E2eStack;
  let partnerKey: string;

  beforeAll(async () => {
    stack = await startE2eStack({ scale: 0.05 });
    partnerKey = await stack.createKey({ name: 'partner shop', scopes: ['catalog:read', 'stock:read'] });
  }, 60_000);
  afterAll(() => stack?.close());

  const send = async (key: string, query: string, operationName?: string): Promise<Answer> => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, operationName }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };

  // GraphiQL 3/4 build theirs with getIntrospectionQuery({ inputValueDeprecation, schemaDescription }) and send this name.
  const standard: [string, string][] = [
    ['graphql-js, every option', getIntrospectionQuery(EVERY_INTROSPECTION_OPTION)],
    ['graphql-js, default', getIntrospectionQuery()],
    ['GraphiQL', getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true })],
  ];

  it.each(standard)('%s: a partner key gets 400 INTROSPECTION_NOT_ALLOWED and nothing runs', async (_, query) => {
    stack.resetCounters();
    const answer = await send(partnerKey, query, 'IntrospectionQuery');
    expect([answer.status, answer.body.errors?.map((e) => e.extensions?.code)]).toEqual([400, ['INTROSPECTION_NOT_ALLOWED']]);
    expect(answer.body.data).toBeUndefined();
    expect(Object.values(stack.upstreamCalls()).every((n) => n === 0)).toBe(true);
  });

  it.each(standard)('%s: an internal key gets a schema a client can build', async (_, query) => {
    const answer = await send(stack.callCenterKey, query, 'IntrospectionQuery');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    const schema = buildClientSchema(answer.body.data!);
    expect(schema.getQueryType()?.getFields()).toHaveProperty('findCustomers');
  });

  it('an internal key is still bounded: an introspection query 50 levels deep is refused as too deep', async () => {
    const chain = `${'ofType { '.repeat(50)}name${' }'.repeat(50)}`;
    const answer = await send(stack.callCenterKey, `{ __type(name: "Customer") { ${chain} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit: 16 });
  });

  it('isOneOf asked together with data fields is a 400 validation error, not a 500 from the query planner', async () => {
    stack.resetCounters();
    const answer = await send(stack.callCenterKey, '{ __type(name: "Product") { name isOneOf } product(sku: "SKU-PLT-18") { name } }');
    expect([answer.status, answer.body.errors?.map((e) => e.extensions?.code)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    expect(answer.body.errors?.[0]?.message).toContain('isOneOf');
    expect(Object.values(stack.upstreamCalls()).every((n) => n === 0)).toBe(true);
    // the same introspection mixed with data, without isOneOf, is answered whole
    const mixed = await send(stack.callCenterKey, '{ __type(name: "Product") { name } product(sku: "SKU-PLT-18") { name } }');
    expect(mixed.status).toBe(200);
    expect(mixed.body.errors).toBeUndefined();
  });
});
