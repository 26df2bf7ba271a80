import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readScopeMap, type ScopeMap } from '../authorization/index.ts';
import type { Admission } from '../edge/edge.ts';
import type { GatewayContext } from '../http-handler.ts';
import { emptyResponseSummary } from '../record-request.ts';
import { decideEligibility } from './eligibility.ts';
import { canonicalJson } from '@omnigraph/shared/writes';
import { ANY_SKU, createResponseCache, responseCacheKey, skusOf } from './response-cache.ts';
import { createResponseCachePolicy } from './serve-from-cache.ts';

const JSON_HEADERS: Array<[string, string]> = [['content-type', 'application/json']];
const supergraphSdl = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');
let schema: GraphQLSchema;
let map: ScopeMap;
beforeAll(() => {
  schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  map = readScopeMap(supergraphSdl);
});

const CATALOGUE =
  'query Catalogue($skus: [ID!]!) { products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } } }';

describe('eligibility', () => {
  it('caches a catalogue, stock and price query, whatever its layout', () => {
    const a = decideEligibility(schema, map, CATALOGUE, 'Catalogue');
    const b = decideEligibility(schema, map, CATALOGUE.replaceAll(' ', '\n  '), 'Catalogue');
    expect(a).toMatchObject({ cacheable: true, skuTagged: true });
    expect(b.cacheable && a.cacheable && b.normalized === a.normalized).toBe(true);
  });

  it.each([
    ['a customers:read root', '{ customer(id: "1") { id } }'],
    ['a customers:read field on a product', '{ products(skus: ["A"]) { sku partnerPrice(erpPartnerId: "7") { gross { amount } } } }'],
    ['a customer field behind a fragment', '{ products(skus: ["A"]) { sku } ...F } fragment F on Query { customer(id: "1") { id } }'],
    ['an orders:read root', '{ orderByReference(reference: "15228") { __typename } }'],
    ['a writes:read root', '{ writeOperation(idempotencyKey: "k") { __typename } }'],
  ])('never caches %s', (_name, query) => {
    expect(decideEligibility(schema, map, query, undefined)).toEqual({ cacheable: false, reason: 'personal-or-undeclared-field' });
  });

  it('never caches a mutation', () => {
    const mutation = Object.keys(schema.getMutationType()?.getFields() ?? {})[0]!;
    expect(decideEligibility(schema, map, `mutation { ${mutation} { __typename } }`, undefined)).toMatchObject({
      cacheable: false,
      reason: 'not-a-query',
    });
  });

  it('cannot read the SKUs of an answer that does not select them unaliased, so any SKU change drops it', () => {
    expect(decideEligibility(schema, map, '{ products(skus: ["A"]) { name } }', undefined)).toMatchObject({ skuTagged: false });
    expect(decideEligibility(schema, map, '{ products(skus: ["A"]) { code: sku name } }', undefined)).toMatchObject({ skuTagged: false });
    expect(decideEligibility(schema, map, '{ products(skus: ["A"]) { sku: name } }', undefined)).toMatchObject({ skuTagged: false });
    expect(decideEligibility(schema, map, '{ categories { id name } }', undefined)).toMatchObject({ cacheable: true, skuTagged: true });
  });
});

describe('key', () => {
  const parts = { normalized: 'q', operationName: 'Q', variables: { skus: ['A', 'B'], first: 5 }, accept: 'application/json' };
  it('differs with variables, operation name and accepted media type, not with the order of variables', () => {
    const key = responseCacheKey(parts);
    expect(responseCacheKey({ ...parts, variables: { first: 5, skus: ['A', 'B'] } })).toBe(key);
    expect(responseCacheKey({ ...parts, variables: { skus: ['A', 'C'], first: 5 } })).not.toBe(key);
    expect(responseCacheKey({ ...parts, variables: { skus: ['B', 'A'], first: 5 } })).not.toBe(key);
    expect(responseCacheKey({ ...parts, operationName: 'R' })).not.toBe(key);
    expect(responseCacheKey({ ...parts, accept: 'application/graphql-response+json' })).not.toBe(key);
    expect(canonicalJson({ b: [1, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":1}]}');
  });
});

describe('store', () => {
  it('holds at most its byte bound, least recently used out first', () => {
    const cache = createResponseCache({ ttlSeconds: 60, maxBytes: 8 * 1000 });
    const body = 'x'.repeat(500);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) {
      cache.store(key, body, JSON_HEADERS, [], cache.generation);
      if (key !== 'a') expect(cache.lookup('a')).toBeDefined();
      expect(cache.bytes).toBeLessThanOrEqual(8 * 1000);
    }
    expect(cache.lookup('a')).toBeDefined();
    expect(cache.lookup('b')).toBeUndefined();
    // larger than an eighth of the cache: never kept
    expect(cache.store('big', 'x'.repeat(1000), JSON_HEADERS, [], cache.generation)).toBe(false);
  });

  it('serves an answer for its TTL only', () => {
    let now = 1_000_000;
    const cache = createResponseCache({ ttlSeconds: 5, maxBytes: 1 << 20, now: () => now });
    cache.store('k', '{"data":{}}', JSON_HEADERS, [], cache.generation);
    now += 4_999;
    expect(cache.lookup('k')?.body.toString()).toBe('{"data":{}}');
    now += 1;
    expect(cache.lookup('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the answers holding a changed SKU and those whose SKUs are unknown; a change without SKUs drops all', () => {
    const cache = createResponseCache({ ttlSeconds: 60, maxBytes: 1 << 20 });
    const store = (key: string, tags: string[]) => cache.store(key, '{}', JSON_HEADERS, tags, cache.generation);
    store('ab', ['A', 'B']);
    store('c', ['C']);
    store('unknown', [ANY_SKU]);
    store('none', []);
    cache.onChange({ kind: 'stock', refs: { skus: ['B'] } });
    expect(['ab', 'c', 'unknown', 'none'].map((k) => cache.lookup(k) !== undefined)).toEqual([false, true, false, true]);
    cache.onChange({ kind: 'contact' });
    expect(cache.lookup('c')).toBeDefined();
    cache.onChange({ kind: 'product' });
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer computed across a change event (it may hold the old data)', () => {
    const cache = createResponseCache({ ttlSeconds: 60, maxBytes: 1 << 20 });
    const startedAt = cache.generation;
    cache.onChange({ kind: 'stock', refs: { skus: ['Z'] } });
    expect(cache.store('k', '{}', JSON_HEADERS, ['A'], startedAt)).toBe(false);
  });

  it('reads the SKUs of an answer at any depth', () => {
    expect([...skusOf({ products: [{ sku: 'A', stock: [] }, null, { sku: 'B', nested: { sku: 'C' } }] })]).toEqual(['A', 'B', 'C']);
    // own fields only, in their order, as JSON.stringify wrote them (an inherited `sku` is not in the answer)
    const inherited = Object.assign(Object.create({ sku: 'X' }) as object, { name: 'n', item: { sku: 'D' } });
    const bare = Object.assign(Object.create(null) as object, { sku: 'E', list: [{ sku: 'F' }, 'sku', 7] });
    expect([...skusOf({ a: inherited, b: bare, sku: 5 })]).toEqual(['D', 'E', 'F']);
  });
});

describe('policy', () => {
  const principal = (identity: Partial<Admission['principal']['identity']> = {}): Admission['principal'] => ({
    identity: { subject: 'k1', kind: 'api-key', scopes: ['catalog:read', 'stock:read'], profile: 'partner', ...identity },
    subject: 'key:k1',
    rateLimit: { requestsPerMinute: 100 } as Admission['principal']['rateLimit'],
  });
  const admission = (body: Admission['body'], overrides: Partial<Admission> = {}): Admission => ({
    kind: 'execute',
    body,
    principal: principal(),
    headers: {},
    removedByQuery: new Map(),
    release: () => {},
    cost: 1,
    ...overrides,
  });
  const req = { headers: { accept: 'application/json' } } as Parameters<ReturnType<typeof createResponseCachePolicy>['candidate']>[0];
  const body = { query: CATALOGUE, operationName: 'Catalogue', variables: { skus: ['A'] } };
  const context = (overrides: Partial<GatewayContext> = {}): GatewayContext => ({
    identity: principal().identity,
    removedByQuery: new Map(),
    deadlineAt: 0,
    sourceReports: [{ source: 'erp', status: 'OK' }],
    usage: { upstreamCalls: 0 },
    responses: { ...emptyResponseSummary(), operations: 1, withData: 1 },
    ...overrides,
  });
  const ok = { status: 200, body: '{"data":{"products":[{"sku":"A"}]}}', headers: [['content-type', 'application/json']] as [string, string][] };

  function setup() {
    const cache = createResponseCache({ ttlSeconds: 60, maxBytes: 1 << 20 });
    return { cache, policy: createResponseCachePolicy(cache, () => ({ apiSchema: schema, scopeMap: map })) };
  }

  it('keeps a complete answer and finds it for another key with the same rights, not for other variables', () => {
    const { cache, policy } = setup();
    const candidate = policy.candidate(req, admission(body))!;
    policy.offer(candidate, ok, context());
    expect(cache.size).toBe(1);
    const other = admission(body, { principal: principal({ subject: 'k2' }) });
    expect(policy.candidate(req, other)?.key).toBe(candidate.key);
    expect(policy.candidate(req, admission({ ...body, variables: { skus: ['B'] } }))?.key).not.toBe(candidate.key);
    cache.onChange({ kind: 'stock', refs: { skus: ['A'] } });
    expect(cache.size).toBe(0);
  });

  it('tags an answer by the SKUs of the data Apollo answered with, without parsing the body it wrote', () => {
    const { cache, policy } = setup();
    const candidate = policy.candidate(req, admission(body))!;
    const data = { products: [{ sku: 'A' }, { sku: 'B', product: { sku: 'C' } }] };
    const parse = vi.spyOn(JSON, 'parse');
    try {
      policy.offer(
        candidate,
        { ...ok, body: JSON.stringify({ data }) },
        context({ responses: { ...emptyResponseSummary(), operations: 1, withData: 1, data } }),
      );
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect(cache.size).toBe(1);
    cache.onChange({ kind: 'stock', refs: { skus: ['C'] } });
    expect(cache.size).toBe(0);
  });

  it('never looks up for a customer-bound caller, a batch, or an operation the edge removed fields from', () => {
    const { policy } = setup();
    const customer = { email: 'anna@example.pl' } as unknown as Admission['principal']['identity']['customer'];
    expect(policy.candidate(req, admission(body, { principal: principal({ kind: 'customer-token', customer }) }))).toBeUndefined();
    expect(policy.candidate(req, admission([body, body]))).toBeUndefined();
    const removed = new Map([[CATALOGUE, [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }]]]);
    expect(policy.candidate(req, admission(body, { removedByQuery: removed }))).toBeUndefined();
  });

  it('does not keep answers with errors, stale or failed sources, or another status than 200', () => {
    const { cache, policy } = setup();
    const candidate = policy.candidate(req, admission(body))!;
    policy.offer(candidate, ok, context({ responses: { errorCodes: new Set(['UPSTREAM_TIMEOUT']), operations: 1, withData: 1, withErrors: 1 } }));
    policy.offer(candidate, ok, context({ sourceReports: [{ source: 'erp', status: 'STALE', asOf: '2026-12-06T10:00:00Z' }] }));
    policy.offer(candidate, ok, context({ sourceReports: [{ source: 'marketplace', status: 'FAILED' }] }));
    policy.offer(candidate, { ...ok, status: 429 }, context());
    expect(cache.size).toBe(0);
  });
});
