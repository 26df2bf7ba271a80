import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { serveSubgraph, type ServedSubgraph } from '@omnigraph/shared/graphql-server';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createLogger } from '@omnigraph/shared/logging';
import { currentRequestScope, sourcesExtensionPlugin, type SourceReport } from '@omnigraph/shared/sources';
import { fetchBudgetMs, signedServiceHeaders, SubgraphDataSource, subgraphDeadline } from './subgraph-data-source.ts';

// The signing is also checked against the real subgraphs in e2e/subgraph-signature.test.ts.
const SECRET = 'g'.repeat(48);
const CALLER: RequestIdentity = { subject: 'key_9', kind: 'api-key', ownerId: 'acme', scopes: ['orders:read', 'customers:read'], profile: 'partner' };
const WHOAMI = '{ whoami }';

let subgraph: ServedSubgraph;
let seen: RequestIdentity[] = [];
let deadlines: (number | undefined)[] = [];
let refusals: string[] = [];

beforeAll(async () => {
  const server = new ApolloServer<{ identity: RequestIdentity }>({
    typeDefs: 'type Query { whoami: String, sleep(ms: Int!): Int, reported: String }',
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, { identity }: { identity: RequestIdentity }) => identity.subject,
        sleep: async (_: unknown, { ms }: { ms: number }) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
        reported: () => {
          currentRequestScope()?.sources.record('erp', 'STALE', Date.UTC(2026, 11, 6, 10, 42));
          return 'ok';
        },
      },
    },
    plugins: [sourcesExtensionPlugin()],
  });
  // refusals only: served requests write access-log lines, which carry no reason
  const logger = createLogger({
    name: 'test',
    destination: {
      write: (line: string) => {
        const reason = (JSON.parse(line) as { reason?: string }).reason;
        if (reason !== undefined) refusals.push(reason);
      },
    },
  });
  subgraph = await serveSubgraph(server, {
    port: 0,
    host: '127.0.0.1',
    secret: SECRET,
    logger,
    createContext: async (identity, scope) => {
      seen.push(identity);
      deadlines.push(scope.deadlineAt);
      return { identity };
    },
  });
});
afterAll(() => subgraph.stop());
beforeEach(() => {
  seen = [];
  refusals = [];
  deadlines = [];
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

describe('SubgraphDataSource deadlines, partial answers and source statuses', () => {
  it("gives the subgraph the request's deadline, a little earlier than its own, signed", async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    const deadlineAt = Date.now() + 2_000;
    await source.process(operation({ identity: CALLER, deadlineAt }));
    expect(deadlines).toHaveLength(1);
    // 2 s left: the fetch gets 1.5 s (the rest is kept for later steps of the plan), the subgraph 10 % less
    expect(deadlines[0]).toBeLessThan(deadlineAt - 500);
    expect(deadlines[0]).toBeGreaterThan(deadlineAt - 500 - 200);
    // without a request deadline the per-fetch timeout bounds it
    await source.process(operation({ identity: CALLER }));
    expect(deadlines[1]).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(fetchBudgetMs(10_000)).toBe(9_000);
    expect(fetchBudgetMs(2_000)).toBe(1_500);
    expect(fetchBudgetMs(0)).toBe(0);
    expect(subgraphDeadline(10_000, 0)).toBe(9_500);
    expect(subgraphDeadline(1_000, 0)).toBe(900);
    expect(subgraphDeadline(100, 0)).toBe(50);
  });

  it('stops waiting at the request deadline, not at the longer per-fetch timeout', async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 10_000, SECRET);
    const started = Date.now();
    await expect(source.process(operation({ identity: CALLER, deadlineAt: started + 300 }, '{ sleep(ms: 3000) }'))).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: 'erp' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    // a deadline already past: no fetch at all
    seen = [];
    const context = { identity: CALLER, deadlineAt: Date.now() - 1, sourceReports: [] as SourceReport[] };
    await expect(source.process(operation(context))).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT' } });
    expect(seen).toEqual([]);
    expect(context.sourceReports).toEqual([{ source: 'erp', status: 'FAILED' }]);
  });

  it("collects the subgraph's reported source statuses into the request context", async () => {
    const source = new SubgraphDataSource('erp', subgraph.url, 5_000, SECRET);
    const context = { identity: CALLER, sourceReports: [] as SourceReport[] };
    await source.process(operation(context, '{ reported }'));
    expect(context.sourceReports).toEqual([{ source: 'erp', status: 'STALE', asOf: '2026-12-06T10:42:00.000Z' }]);
  });

  it('answers a failed entity fetch with null fields for each representation, and the error', async () => {
    const source = new SubgraphDataSource('marketplace', 'http://127.0.0.1:9/graphql', 5_000, SECRET);
    const context = { identity: CALLER, sourceReports: [] as SourceReport[] };
    const request = {
      query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{marketplaceOffers{offerId}}}}',
      variables: {
        representations: [
          { __typename: 'Product', sku: 'A' },
          { __typename: 'Product', sku: 'B' },
        ],
      },
    };
    const response = await source.process({ ...operation(context), request } as GraphQLDataSourceProcessOptions);
    expect(response.data).toEqual({
      _entities: [
        { __typename: 'Product', marketplaceOffers: null },
        { __typename: 'Product', marketplaceOffers: null },
      ],
    });
    expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' }]);
    expect(context.sourceReports).toEqual([{ source: 'marketplace', status: 'FAILED' }]);
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
