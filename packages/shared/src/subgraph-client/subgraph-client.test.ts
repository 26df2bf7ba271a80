import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, verifyIdentity, type RequestIdentity } from '../identity/index.ts';
import { createSubgraphClient } from './subgraph-client.ts';

const SECRET = 's'.repeat(40);
const CALLER: RequestIdentity = { subject: 'key:test', kind: 'api-key', ownerId: 'test', scopes: ['catalog:read'], profile: 'internal' };

/** A subgraph answering `answer`, keeping what it was sent. */
function fakeSubgraph(answer: () => Response) {
  const sent: Array<{ url: string; header: string; body: string }> = [];
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    sent.push({ url: String(url), header: (init!.headers as Record<string, string>)[IDENTITY_HEADER]!, body: String(init!.body) });
    return answer();
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const json = (payload: unknown) => () => new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } });

describe('createSubgraphClient', () => {
  it('signs the caller for the subgraph; fresh reads only when the calling service asks for them', async () => {
    for (const freshReads of [true, false]) {
      const fake = fakeSubgraph(json({ data: { ok: true } }));
      const client = createSubgraphClient({
        urls: { erp: 'http://erp.test/graphql' },
        secret: SECRET,
        timeoutMs: 1_000,
        freshReads,
        fetch: fake.fetch,
      });
      expect(await client.request('erp', '{ ok }', {}, CALLER)).toEqual({ ok: true });
      const verified = verifyIdentity(SECRET, fake.sent[0]!.header, fake.sent[0]!.body);
      expect(verified.ok).toBe(true);
      if (!verified.ok) continue;
      expect(verified.identity).toMatchObject({ subject: 'key:test', scopes: ['catalog:read'] });
      // commands decides writes on what it reads (fresh); pricing reports and reads through the subgraphs' caches
      expect(verified.freshReads).toBe(freshReads ? true : undefined);
    }
  });

  it("keeps a subgraph's registry code, and reports an unreadable answer as the subgraph being unavailable", async () => {
    const refused = fakeSubgraph(json({ errors: [{ message: 'No such SKU.', extensions: { code: 'NOT_FOUND' } }] }));
    const client = createSubgraphClient({
      urls: { eshop: 'http://eshop.test/graphql' },
      secret: SECRET,
      timeoutMs: 1_000,
      freshReads: false,
      fetch: refused.fetch,
    });
    await expect(client.request('eshop', '{ x }', {}, CALLER)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });

    const proxy = fakeSubgraph(() => new Response('<html>502</html>', { status: 502 }));
    const behindProxy = createSubgraphClient({
      urls: { eshop: 'http://eshop.test/graphql' },
      secret: SECRET,
      timeoutMs: 1_000,
      freshReads: false,
      fetch: proxy.fetch,
    });
    const error = await behindProxy.request('eshop', '{ x }', {}, CALLER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'eshop' });
  });
});
