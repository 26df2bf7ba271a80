import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type RequestIdentity } from '@omnigraph/shared/identity';
import { SubgraphDataSource } from '../gateway/src/subgraph-data-source.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Subgraphs answer the gateway only (issue 4): straight calls to each real subgraph's port without a valid identity
 * header for their exact body are refused before anything runs, so they cost no upstream call.
 */
let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: 0.1 });
}, 60_000);
afterAll(() => stack?.close());

const CALLER: RequestIdentity = { subject: 'key_e2e', kind: 'api-key', ownerId: 'acme', scopes: ['orders:read'], profile: 'internal' };

// One operation per subgraph that must reach its upstream system when allowed, so "0 upstream calls" means refused.
const SUBGRAPHS = [
  ['erp', '{ locations { code } }'],
  ['eshop', '{ eshopOrder(number: "999999") { __typename } }'],
  ['crm', '{ customer(id: "999999") { __typename } }'],
  ['marketplace', '{ marketplaceOrder(checkoutFormId: "5f2c9a4e-0000-4000-8000-000000000001") { __typename } }'],
] as const;

type Headers = (body: string, secret: string) => Record<string, string>;
const REFUSED: Array<[string, Headers]> = [
  ['no identity header', () => ({})],
  ['a garbage header', () => ({ [IDENTITY_HEADER]: 'v1.eyJhZG1pbiI6dHJ1ZX0.AAAA' })],
  ['a header signed with another secret', (body) => ({ [IDENTITY_HEADER]: signIdentity('not-the-stack-secret-'.repeat(3), CALLER, body) })],
  ['an expired header', (body, secret) => ({ [IDENTITY_HEADER]: signIdentity(secret, CALLER, body, new Date(Date.now() - 10 * 60_000)) })],
  [
    'a valid header for another body',
    (_, secret) => ({ [IDENTITY_HEADER]: signIdentity(secret, CALLER, JSON.stringify({ query: '{ __typename }' })) }),
  ],
];

async function call(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

const totalUpstreamCalls = () => Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0);

describe.each(SUBGRAPHS)('the %s subgraph, called directly', (name, query) => {
  const body = JSON.stringify({ query });

  it.each(REFUSED)('answers 401 to %s, with no upstream call', async (_, headers) => {
    stack.resetCounters();
    const res = await call(stack.subgraphUrls[name], body, headers(body, stack.subgraphSecret));
    expect(res.status).toBe(401);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.data).toBeUndefined();
    expect(totalUpstreamCalls()).toBe(0);
  });

  it('refuses introspection without a header', async () => {
    const res = await call(stack.subgraphUrls[name], JSON.stringify({ query: '{ __schema { queryType { name } } }' }), {});
    expect(res.status).toBe(401);
  });

  it('runs the operation, reaching its upstream, with a header signed for this body', async () => {
    stack.resetCounters();
    const res = await call(stack.subgraphUrls[name], body, { [IDENTITY_HEADER]: signIdentity(stack.subgraphSecret, CALLER, body) });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeDefined();
    expect(totalUpstreamCalls()).toBeGreaterThan(0);
  });
});

describe('SubgraphDataSource against a real subgraph', () => {
  it('gets an answer when it holds the stack secret and is refused with another', async () => {
    const operation = {
      kind: 'incoming operation',
      request: { query: '{ locations { code } }' },
      context: { identity: CALLER },
      incomingRequestContext: {},
    } as unknown as GraphQLDataSourceProcessOptions;
    const signing = new SubgraphDataSource('erp', stack.subgraphUrls.erp, 5_000, stack.subgraphSecret);
    const response = await signing.process(operation);
    expect(response.errors).toBeUndefined();
    expect((response.data as { locations: unknown[] }).locations.length).toBeGreaterThan(0);
    stack.resetCounters();
    const wrong = new SubgraphDataSource('erp', stack.subgraphUrls.erp, 5_000, 'w'.repeat(43));
    await expect(wrong.process(operation)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(totalUpstreamCalls()).toBe(0);
  });
});
