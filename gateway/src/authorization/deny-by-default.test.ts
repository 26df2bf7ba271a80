/**
 * Issue 10, item 7: deny by default, tested. A field that declares no scope (neither on itself nor on its type)
 * needs UNDECLARED_SCOPE, which no credential can hold: queried with every scope there is, one at a time and all
 * together, it is always refused. Every field of the real graph declares a scope, so without this fixture the
 * fallback never ran in a test and could break unnoticed.
 */
import { readFileSync } from 'node:fs';
import { parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore, scopeSchema } from '@omnigraph/auth';
import { createAuthenticator } from '../edge/authenticate.ts';
import { createEdge } from '../edge/edge.ts';
import { graphqlPost } from '../edge/fake-request.ts';
import { buildProfiles } from '../edge/profiles.ts';
import { loadOperationRegistry } from '../edge/registered-operations.ts';
import { createRateLimiter } from '../rate-limit/index.ts';
import { authorizeOperation } from './authorize-operation.ts';
import { UNDECLARED_SCOPE } from './field-requirement.ts';
import { composeGraph, SHOP_SDL, UNDECLARED_SDL, type ComposedGraph } from './fixture-supergraph.ts';
import { readScopeMap } from './scope-map.ts';

let graph: ComposedGraph;
/** Every scope any declaration names: the fixture's and the real graph's (customers:pii, orders:read, …). */
let everyScope: string[];

function declaredScopes(supergraphSdl: string): string[] {
  return [
    ...new Set([...supergraphSdl.matchAll(/@scope\(requires: \[([^\]]*)\]\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((s) => s[1]!))),
  ];
}

beforeAll(() => {
  graph = composeGraph([
    { name: 'shop', sdl: SHOP_SDL },
    { name: 'books', sdl: UNDECLARED_SDL },
  ]);
  const real = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  everyScope = [...new Set([...declaredScopes(graph.supergraphSdl), ...declaredScopes(real)])].sort();
});

/** The `Type.field` coordinates a document still selects. */
function coordinatesOf(document: DocumentNode): Set<string> {
  const typeInfo = new TypeInfo(graph.schema);
  const found = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent) found.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return found;
}

const UNDECLARED_QUERIES = [
  ['a root field', '{ ledger { currency } }', 'Query.ledger'],
  ['a scalar-list root field', '{ auditLog }', 'Query.auditLog'],
  ['a field of an undeclared type', '{ openLedger { total } }', 'Ledger.total'],
  ['an aliased field', '{ t: openLedger { sum: total } }', 'Ledger.total'],
  ['through a fragment', '{ openLedger { ...L } } fragment L on Ledger { total }', 'Ledger.total'],
] as const;

describe('deny by default: a field without a scope declaration', () => {
  it('the fixture really has undeclared fields, and real scopes to try', () => {
    expect(graph.map.typeScopes('Ledger')).toBeUndefined();
    expect(graph.map.fieldScopes('Ledger', 'total')).toBeUndefined();
    expect(graph.map.fieldScopes('Query', 'ledger')).toBeUndefined();
    expect(everyScope).toEqual(expect.arrayContaining(['customers:pii', 'customers:read', 'orders:read', 'read:products', 'read:pii']));
  });

  it.each(UNDECLARED_QUERIES)('%s is never executed, with each scope alone or all of them together', (_, query, coordinate) => {
    const scopeSets = [...everyScope.map((scope) => [scope]), everyScope];
    let executed = 0;
    for (const scopes of scopeSets) {
      const result = authorizeOperation({ schema: graph.schema, map: graph.map, document: parse(query), scopes: new Set(scopes) });
      if (result.ok && coordinatesOf(result.document).has(coordinate)) executed += 1;
    }
    expect(executed).toBe(0);
    // With every scope, the undeclared field itself is what is refused, for want of the scope nobody holds.
    const all = authorizeOperation({ schema: graph.schema, map: graph.map, document: parse(query), scopes: new Set(everyScope) });
    expect(all.removed).toEqual([expect.objectContaining({ coordinate, missing: [UNDECLARED_SCOPE] })]);
  });

  it('the declared neighbour is still answered: only the undeclared field goes', () => {
    const result = authorizeOperation({
      schema: graph.schema,
      map: graph.map,
      document: parse('{ openLedger { currency total } }'),
      scopes: new Set(everyScope),
    });
    expect(result.ok).toBe(true);
    expect(result.removed.map((r) => r.coordinate)).toEqual(['Ledger.total']);
  });

  it('no credential can be given the scope the fallback requires', () => {
    expect(scopeSchema.safeParse(UNDECLARED_SCOPE).success).toBe(false);
    expect(everyScope.every((scope) => scopeSchema.safeParse(scope).success)).toBe(true);
  });

  it('through the edge: a key holding every scope is refused (403 FORBIDDEN) and told no scope grants the field', async () => {
    const keys = createApiKeyService({ store: createMemoryKeyStore(), pepper: 'deny-by-default-pepper-0123456789abcdef' });
    const profiles = buildProfiles({ allowBatchingForInternal: false, partnerCostPerMinute: 1e12, internalCostPerMinute: 1e12 });
    const limiter = await createRateLimiter({ replicas: 1, timeoutMs: 100 });
    const { key } = await keys.createKey({ name: 'all', ownerId: 'o', scopes: everyScope, rateLimitPerMinute: 1e9, profile: 'internal' });
    const admit = createEdge({
      schema: () => ({ apiSchema: graph.schema, scopeMap: readScopeMap(graph.supergraphSdl) }),
      authenticator: createAuthenticator({ keys, profiles }),
      limiter,
      registry: loadOperationRegistry(),
      profiles,
    });
    const request = (query: string) => graphqlPost(key, { query });
    try {
      for (const [, query, coordinate] of UNDECLARED_QUERIES.slice(0, 2)) {
        const outcome = await admit(request(query));
        expect(outcome.kind).toBe('refuse');
        if (outcome.kind !== 'refuse') continue;
        expect(outcome.status).toBe(403);
        expect(outcome.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', missingScopes: [UNDECLARED_SCOPE] } });
        expect(outcome.body.errors[0]?.message).toContain(coordinate);
      }
      // partly allowed: executed without the undeclared field, which is reported
      const partly = await admit(request('{ openLedger { currency total } }'));
      expect(partly.kind).toBe('execute');
      if (partly.kind === 'execute')
        expect([...partly.removedByQuery.values()].flat().map((e) => e.extensions?.['missingScopes'])).toEqual([[UNDECLARED_SCOPE]]);
    } finally {
      await limiter.close();
    }
  });
});
