/**
 * The edge keeps authorization verdicts per document and scope set (see `verdictOf` in edge.ts): a kept verdict
 * must never reach a caller with other scopes, and a repeated request must be answered as the first one was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore } from '@omnigraph/auth';
import { composeGraph, SHOP_SDL, type ComposedGraph } from '../authorization/fixture-supergraph.ts';
import { readScopeMap } from '../authorization/scope-map.ts';
import { createRateLimiter } from '../rate-limit/index.ts';
import { createAuthenticator } from './authenticate.ts';
import { createEdge, type Admission } from './edge.ts';
import { graphqlPost } from './fake-request.ts';
import { buildProfiles } from './profiles.ts';
import { loadOperationRegistry } from './registered-operations.ts';
import type { Refusal } from './refusal.ts';

let graph: ComposedGraph;
beforeAll(() => {
  graph = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
});

const request = (key: string, query: string, variables?: Record<string, unknown>) => graphqlPost(key, { query, variables });

/** What a caller is told and what runs: the admitted query and the removal errors, or the refusal. */
function seen(outcome: Admission | Refusal) {
  if (outcome.kind === 'refuse') return { status: outcome.status, errors: outcome.body.errors };
  return { body: outcome.body, removed: [...outcome.removedByQuery] };
}

describe('authorization verdicts kept by the edge', () => {
  it('differ per scope set on the same text, and repeat exactly for the same one', async () => {
    const keys = createApiKeyService({ store: createMemoryKeyStore(), pepper: 'edge-verdicts-pepper-0123456789abcdefgh' });
    const profiles = buildProfiles({ allowBatchingForInternal: false, partnerCostPerMinute: 1e12, internalCostPerMinute: 1e12 });
    const limiter = await createRateLimiter({ replicas: 1, timeoutMs: 100 });
    const scopeMap = readScopeMap(graph.supergraphSdl);
    const admit = createEdge({
      schema: () => ({ apiSchema: graph.schema, scopeMap }),
      authenticator: createAuthenticator({ keys, profiles }),
      limiter,
      registry: loadOperationRegistry(),
      profiles,
    });
    const keyWith = async (scopes: string[]) =>
      (await keys.createKey({ name: scopes.join(','), ownerId: 'o', scopes, rateLimitPerMinute: 1e9, profile: 'internal' })).key;
    const everything = await keyWith(['read:products', 'read:cost', 'read:user', 'read:pii']);
    const noCost = await keyWith(['read:products', 'read:user']);
    const usersOnly = await keyWith(['read:user']);
    const query = 'query P($upc: ID!) { product(upc: $upc) { name internalCost { amount } reviewer { id name } } }';
    try {
      const rounds: Record<string, ReturnType<typeof seen>[]> = { everything: [], noCost: [], usersOnly: [] };
      for (let round = 0; round < 3; round++) {
        for (const [name, key] of [
          ['everything', everything],
          ['noCost', noCost],
          ['usersOnly', usersOnly],
        ] as const) {
          rounds[name]!.push(seen(await admit(request(key, query, { upc: `u${round}` }))));
        }
      }
      const [all, some, none] = [rounds['everything']!, rounds['noCost']!, rounds['usersOnly']!];
      // everything: runs as sent
      expect(all[0]).toEqual({ body: { query, variables: { upc: 'u0' } }, removed: [] });
      // without read:cost and read:pii: both fields removed and reported, the rest runs
      expect(some[0]).toMatchObject({ removed: [[expect.not.stringContaining('internalCost'), expect.any(Array)]] });
      const removed = (some[0] as { removed: [string, { extensions?: Record<string, unknown> }[]][] }).removed[0]![1];
      expect(removed.map((e) => e.extensions?.['missingScopes'])).toEqual([['read:cost'], ['read:pii']]);
      // nothing allowed at the root: refused
      expect(none[0]).toMatchObject({ status: 403 });
      for (const series of [all, some, none]) {
        for (let round = 1; round < 3; round++) {
          const expected = JSON.parse(JSON.stringify(series[0]).replaceAll('"u0"', `"u${round}"`));
          expect(series[round]).toEqual(expected);
        }
      }
      // each request got its own error objects: changing one answer's errors leaves the next one's alone
      const first = await admit(request(noCost, query, { upc: 'x' }));
      if (first.kind === 'execute') ([...first.removedByQuery.values()][0]![0]!.path as (string | number)[]).length = 0;
      expect(seen(await admit(request(noCost, query, { upc: 'x' })))).toEqual(JSON.parse(JSON.stringify(some[0]).replaceAll('"u0"', '"x"')));
    } finally {
      await limiter.close();
    }
  });
});
