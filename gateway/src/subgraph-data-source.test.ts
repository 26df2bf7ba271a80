import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { serveSubgraph, type ServedSubgraph } from '@omnigraph/shared/graphql-server';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createLogger } from '@omnigraph/shared/logging';
import { signedServiceHeaders, SubgraphDataSource } from './subgraph-data-source.ts';

// The signing is also checked against the real subgraphs in e2e/subgraph-signature.test.ts.
const SECRET = 'g'.repeat(48);
const CALLER: RequestIdentity = { subject: 'key_9', kind: 'api-key', ownerId: 'acme', scopes: ['orders:read', 'customers:read'], profile: 'partner' };
const WHOAMI = '{ whoami }';

let subgraph: ServedSubgraph;
let seen: RequestIdentity[] = [];
let refusals: string[] = [];

beforeAll(async () => {
  const server = new ApolloServer<{ identity: RequestIdentity }>({
    typeDefs: 'type Query { whoami: String }',
    resolvers: { Query: { whoami: (_: unknown, __: unknown, { identity }: { identity: RequestIdentity }) => identity.subject } },
  });
  const logger = createLogger({ name: 'test', destination: { write: (line: string) => void refusals.push(JSON.parse(line).reason) } });
  subgraph = await serveSubgraph(server, {
    port: 0,
    host: '127.0.0.1',
    secret: SECRET,
    logger,
    createContext: async (identity) => {
      seen.push(identity);
      return { identity };
    },
  });
});
afterAll(() => subgraph.stop());
beforeEach(() => {
  seen = [];
  refusals = [];
});

// @apollo/gateway exports the request-kind enum as a type only; these are its values.
const INCOMING_OPERATION = 'incoming operation';
const HEALTH_CHECK = 'health check';

function operation(context: Record<string, unknown>, query = WHOAMI): GraphQLDataSourceProcessOptions {
  return {
    kind: INCOMING_OPERATION,
    request: { query },
    context,
    incomingRequestContext: {} as never,
  } as unknown as GraphQLDataSourceProcessOptions;
}

describe('SubgraphDataSource signing', () => {
  it('forwards the caller in context.identity, signed for the body it sends', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    const response = await source.process(operation({ identity: CALLER }));
    expect(response.data).toEqual({ whoami: 'key_9' });
    expect(seen).toEqual([CALLER]);
  });

  it('signs the gateway service identity when the context has no caller, health checks included', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    expect((await source.process(operation({}))).data).toEqual({ whoami: 'gateway' });
    const healthCheck = { kind: HEALTH_CHECK, request: { query: WHOAMI }, context: {} } as unknown as GraphQLDataSourceProcessOptions;
    const health = await source.process(healthCheck);
    expect(health.data).toEqual({ whoami: 'gateway' });
    expect(seen).toEqual([
      { subject: 'gateway', kind: 'service', scopes: [], profile: 'service' },
      { subject: 'gateway', kind: 'service', scopes: [], profile: 'service' },
    ]);
  });

  it('signs each HTTP request on its own: both APQ round trips, with different bodies, get through', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    source.apq = true;
    const query = `{ whoami } # ${Math.random()}`; // unknown to the subgraph's APQ cache, so the full query follows
    expect((await source.process(operation({ identity: CALLER }, query))).data).toEqual({ whoami: 'key_9' });
    expect(seen).toEqual([CALLER, CALLER]);
    expect(refusals).toEqual([]);
  });

  it('is refused by a subgraph with another secret, as UNAUTHENTICATED', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, 'x'.repeat(48));
    await expect(source.process(operation({ identity: CALLER }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(seen).toEqual([]);
    expect(refusals).toEqual(['BAD_SIGNATURE']);
  });

  it('fails a request whose context.identity is malformed instead of sending it under another identity', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    const forged = { ...CALLER, profile: 'root' };
    await expect(source.process(operation({ identity: forged }))).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' },
    });
    expect(seen).toEqual([]);
    expect(refusals).toEqual([]);
  });
});

describe('signedServiceHeaders', () => {
  it('lets the gateway probe a subgraph with its service identity', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const res = await fetch(subgraph.url, { method: 'POST', headers: signedServiceHeaders(SECRET, body), body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    const other = JSON.stringify({ query: '{ whoami }' });
    expect((await fetch(subgraph.url, { method: 'POST', headers: signedServiceHeaders(SECRET, body), body: other })).status).toBe(401);
  });
});
