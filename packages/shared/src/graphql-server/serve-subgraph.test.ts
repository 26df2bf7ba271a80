import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../logging/index.ts';
import { IDENTITY_HEADER, signIdentity, type RequestIdentity } from '../identity/index.ts';
import { serveSubgraph, type ServedSubgraph } from './serve-subgraph.ts';

const SECRET = 'k'.repeat(40);
const BODY = JSON.stringify({ query: '{ whoami }' });
const CALLER: RequestIdentity = { subject: 'key_1', kind: 'api-key', ownerId: 'acme', scopes: ['orders:read'], profile: 'partner' };

interface Context {
  identity: RequestIdentity;
}

let served: ServedSubgraph;
let resolverCalls = 0;
let logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const server = new ApolloServer<Context>({
    typeDefs: 'type Query { whoami: String }',
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, context: Context) => {
          resolverCalls += 1;
          return `${context.identity.subject}/${context.identity.profile}/${context.identity.scopes.join(',')}`;
        },
      },
    },
  });
  const logger = createLogger({ name: 'test', destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } });
  served = await serveSubgraph(server, {
    port: 0,
    host: '127.0.0.1',
    secret: SECRET,
    logger,
    createContext: async (identity) => ({ identity }),
    maxBodyBytes: 10_000,
  });
});

afterAll(() => served.stop());

beforeEach(() => {
  resolverCalls = 0;
  logLines = [];
});

async function post(body: string, headers: Record<string, string>, method = 'POST') {
  const res = await fetch(served.url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> } };
}

describe('serveSubgraph', () => {
  it('runs an operation with a valid header, with the identity in the context', async () => {
    const res = await post(BODY, { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, BODY) });
    expect(res).toEqual({ status: 200, body: { data: { whoami: 'key_1/partner/orders:read' } } });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  const past = new Date(Date.now() - 5 * 60_000);
  const refused: Array<[string, Record<string, string>, string]> = [
    ['no header', {}, 'MISSING'],
    ['garbage', { [IDENTITY_HEADER]: 'let-me-in' }, 'MALFORMED'],
    ['another secret', { [IDENTITY_HEADER]: signIdentity('w'.repeat(40), CALLER, BODY) }, 'BAD_SIGNATURE'],
    ['an expired header', { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, BODY, past) }, 'EXPIRED'],
    ['a header for another body', { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, JSON.stringify({ query: '{ __typename }' })) }, 'BODY_MISMATCH'],
  ];
  it.each(refused)('answers 401 to %s before running anything, logging the reason only', async (_, headers, reason) => {
    const res = await post(BODY, headers);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      errors: [{ message: 'Unauthenticated: subgraphs answer the gateway only.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(resolverCalls).toBe(0);
    expect(logLines.map((l) => [l['level'], l['reason']])).toEqual([[40, reason]]);
  });

  it('refuses introspection without a header too', async () => {
    const body = JSON.stringify({ query: '{ __schema { types { name } } }' });
    expect((await post(body, {})).status).toBe(401);
  });

  it('refuses GET even with a valid header: the signature does not cover the URL', async () => {
    const res = await post('', { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, '') }, 'GET');
    expect(res.status).toBe(405);
    expect(resolverCalls).toBe(0);
  });

  it('answers 413 to a body over the limit and 400 to a signed body that is not JSON', async () => {
    const big = JSON.stringify({ query: `{ whoami } #${'x'.repeat(20_000)}` });
    expect((await post(big, { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, big) })).status).toBe(413);
    const broken = '{"query":';
    const res = await post(broken, { [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, broken) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(resolverCalls).toBe(0);
  });
});

describe('ServedSubgraph.stop', () => {
  it('closes kept-alive connections and stops the server', async () => {
    const own = await serveSubgraph(new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: { Query: { a: () => 1 } } }), {
      port: 0,
      host: '127.0.0.1',
      secret: SECRET,
      logger: createLogger({ name: 'test', level: 'silent' }),
      createContext: async () => ({}),
    });
    const body = JSON.stringify({ query: '{ a }' });
    const headers = { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(SECRET, CALLER, body) };
    const res = await fetch(own.url, { method: 'POST', headers, body });
    expect(await res.json()).toEqual({ data: { a: 1 } });
    await own.stop();
    expect(own.httpServer.listening).toBe(false);
    await expect(fetch(own.url, { method: 'POST', body })).rejects.toThrow();
  });
});

describe('serveSubgraph webhooks', () => {
  it('answers a mounted webhook path without the gateway header, and nothing else', async () => {
    const received: string[] = [];
    const server = new ApolloServer<Context>({ typeDefs: 'type Query { whoami: String }', resolvers: { Query: { whoami: () => 'x' } } });
    const own = await serveSubgraph(server, {
      port: 0,
      host: '127.0.0.1',
      secret: SECRET,
      logger: createLogger({ name: 'test', level: 'silent' }),
      createContext: async (identity) => ({ identity }),
      webhooks: [
        {
          path: '/webhooks/test',
          maxBodyBytes: 100,
          handle: async (request) => {
            received.push(request.rawBody.toString('utf8'));
            return request.headers['x-ok'] === 'yes' ? { status: 200, body: { ok: true } } : { status: 401, body: { error: 'no' } };
          },
        },
      ],
    });
    try {
      const base = own.url.replace('/graphql', '');
      const ok = await fetch(`${base}/webhooks/test?x=1`, { method: 'POST', headers: { 'x-ok': 'yes' }, body: 'hello' });
      expect(ok.status).toBe(200);
      expect(received).toEqual(['hello']);
      expect((await fetch(`${base}/webhooks/test`, { method: 'POST', body: 'x' })).status).toBe(401);
      expect((await fetch(`${base}/webhooks/test`, { method: 'GET' })).status).toBe(405);
      expect((await fetch(`${base}/webhooks/test`, { method: 'POST', body: 'y'.repeat(101) })).status).toBe(413);
      expect(received).toHaveLength(2);
      // a neighbouring path is not a webhook: the gateway signature is still required
      expect((await fetch(`${base}/webhooks/test2`, { method: 'POST', body: BODY })).status).toBe(401);
      expect((await fetch(`${base}/webhooks`, { method: 'POST', body: BODY })).status).toBe(401);
    } finally {
      await own.stop();
    }
  });
});
