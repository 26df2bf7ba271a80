import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Supergraph } from '@apollo/federation-internals';
import * as graphql from 'graphql';
import { getIntrospectionQuery } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { ORDERS_QUERY } from '../../../e2e/operations.ts';
import { EXAMPLE_QUERY } from '../example-query.ts';
import { buildProfiles } from '../edge/profiles.ts';
import { CORPUS_CATEGORIES, EVERY_INTROSPECTION_OPTION, buildMaliciousCorpus, oneMegabyteOfTokens } from './malicious-corpus.ts';
import type { CorpusCategory, CorpusEntry } from './malicious-corpus.ts';
import { DEFAULT_OPERATION_LIMITS, OPERATION_LIMIT_CODES, checkOperationLimits, createOperationLimitsMemo } from './operation-limits.ts';
import type { OperationLimitCode, OperationLimits, OperationLimitsResult } from './operation-limits.ts';

// A pass-through spy on `parse`, to prove that some refusals happen before any AST is built.
vi.mock('graphql', async (importOriginal) => {
  const actual = await importOriginal<typeof import('graphql')>();
  return { ...actual, parse: vi.fn((source: string, options?: graphql.ParseOptions) => actual.parse(source, options)) };
});

const supergraphSdl = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');
let schema: GraphQLSchema;
beforeAll(() => {
  // The client-facing API schema, as the gateway serves it (join directives and inaccessible parts removed).
  schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
});

const body = (query: string, variables?: Record<string, unknown>, operationName?: string) => JSON.stringify({ query, variables, operationName });
const check = (query: string, overrides: Partial<OperationLimits> = {}, variables?: Record<string, unknown>, operationName?: string) =>
  checkOperationLimits({ body: body(query, variables, operationName), schema }, { ...DEFAULT_OPERATION_LIMITS, ...overrides });

function expectCode(result: OperationLimitsResult, code: OperationLimitCode) {
  expect(result.ok ? 'ACCEPTED' : `${result.code}: ${result.message}`).toMatch(new RegExp(`^${code}`));
}
function expectOk(result: OperationLimitsResult) {
  expect(result.ok ? 'ACCEPTED' : `${result.code}: ${result.message}`).toBe('ACCEPTED');
}

const repeat = (n: number, s: string) => Array.from({ length: n }, (_, i) => s.replaceAll('$i', String(i))).join(' ');

/** A valid operation of exactly `depth` field levels, following the customer → orders → … → customer cycle. */
function queryOfDepth(depth: number): string {
  const steps = ['orders(first: 1)', 'edges', 'node', 'customer'];
  const path = ['findCustomers(email: "a@b.pl", first: 1)'];
  while (path.length < depth - 1) path.push(steps[(path.length - 1) % steps.length]!);
  let inner = path.at(-1) === 'node' ? '__typename' : 'id';
  if (path.at(-1) === 'edges') inner = 'cursor';
  if (path.at(-1)?.startsWith('orders')) inner = 'totalCount';
  for (let i = path.length - 1; i >= 0; i--) {
    const f = path[i]!;
    inner = f === 'customer' ? `... on EshopOrder { customer { ${inner} } }` : `${f} { ${inner} }`;
  }
  return `{ ${inner} }`;
}

describe('each limit at its boundary: the limit passes, one more fails with its code', () => {
  it('body bytes → BODY_TOO_LARGE', () => {
    const base = body('{ product(sku: "x") { sku } }');
    const padded = (bytes: number) => `${base.slice(0, -1)}${' '.repeat(bytes - base.length)}}`;
    const limits = { ...DEFAULT_OPERATION_LIMITS, maxBodyBytes: 200 };
    expect(padded(200)).toHaveLength(200);
    expectOk(checkOperationLimits({ body: padded(200), schema }, limits));
    const result = checkOperationLimits({ body: padded(201), schema }, limits);
    expectCode(result, 'BODY_TOO_LARGE');
    expect(result).toMatchObject({ limit: 200, actual: 201 });
    // multi-byte characters count as bytes, not as UTF-16 units
    expectCode(checkOperationLimits({ body: body(`{ product(sku: "${'ł'.repeat(100)}") { sku } }`), schema }, limits), 'BODY_TOO_LARGE');
  });

  it('tokens → TOO_MANY_TOKENS (10 tokens of frame + names)', () => {
    const q = (tokens: number) => `{ product(sku: "x") { ${'name '.repeat(tokens - 10)}} }`;
    const relaxed = { maxFields: 1_000_000 };
    expectOk(check(q(DEFAULT_OPERATION_LIMITS.maxTokens), relaxed));
    expect(check(q(DEFAULT_OPERATION_LIMITS.maxTokens + 1), relaxed)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_TOKENS',
      limit: 5000,
      actual: 5001,
    });
    // comments are not tokens
    expectOk(check(`# ${'a '.repeat(10_000)}\n{ product(sku: "x") { sku } }`));
  });

  it('bracket nesting → NESTING_TOO_DEEP', () => {
    const q = (inline: number) => `{ ${'... { '.repeat(inline)} product(sku: "x") { sku } ${'} '.repeat(inline)}}`;
    const max = DEFAULT_OPERATION_LIMITS.maxNesting;
    expectOk(check(q(max - 2)));
    expectCode(check(q(max - 1)), 'NESTING_TOO_DEEP');
  });

  it('depth (fragments expanded) → OPERATION_TOO_DEEP', () => {
    const max = DEFAULT_OPERATION_LIMITS.maxDepth;
    const okResult = check(queryOfDepth(max));
    expectOk(okResult);
    expect(okResult.ok && okResult.metrics.depth).toBe(max);
    expect(check(queryOfDepth(max + 1))).toMatchObject({ ok: false, code: 'OPERATION_TOO_DEEP', limit: max, actual: max + 1 });
    // the same depth hidden in a named fragment is counted after expansion
    // depth 7 (findCustomers, orders, edges, node, customer, loyalty, points) vs 9 (… customer, orders, edges, node, id)
    const viaFragment = (leaf: string) =>
      `{ findCustomers(email: "a@b.pl") { ...C } } fragment C on Customer { orders { edges { node { ... on EshopOrder { customer { ...D } } } } } } fragment D on Customer { ${leaf} }`;
    expectOk(check(viaFragment('loyalty { points }'), { maxDepth: 7 }));
    expect(check(viaFragment('orders { edges { node { id } } }'), { maxDepth: 7 })).toMatchObject({
      ok: false,
      code: 'OPERATION_TOO_DEEP',
      actual: 8,
    });
  });

  it('aliases (fragments expanded) → TOO_MANY_ALIASES', () => {
    const q = (n: number) => `{ product(sku: "x") { ${repeat(n, 'a$i: sku')} } }`;
    expectOk(check(q(30)));
    expect(check(q(31))).toMatchObject({ ok: false, code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    const viaFragment = (spreads: number) => `{ product(sku: "x") { ${repeat(spreads, '...A')} } } fragment A on Product { a: sku b: name c: ean }`;
    expectOk(check(viaFragment(10)));
    expectCode(check(viaFragment(11)), 'TOO_MANY_ALIASES');
  });

  it('a string argument longer than maxArgumentLength → BAD_USER_INPUT naming the argument, literal or variable, nested or not', () => {
    const long = 'S'.repeat(1_001);
    expectOk(check('query ($s: [ID!]!) { products(skus: $s) { sku } }', {}, { s: ['x'.repeat(1_000)] }));
    expect(check('query ($s: [ID!]!) { products(skus: $s) { sku } }', {}, { s: ['A', 'S'.repeat(1_200_000)] })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      argumentName: 'skus',
      limit: 1_000,
      actual: 1_200_000,
    });
    expect(check(`{ product(sku: "${long}") { sku } }`)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', argumentName: 'sku' });
    expect(check('query ($c: String) { storesWithStock(skus: ["A"], city: $c) { allAvailable } }', {}, { c: long })).toMatchObject({
      argumentName: 'city',
    });
    // below the root, inside a fragment
    expect(check(`{ product(sku: "A") { ...S } } fragment S on Product { stock(locationCodes: ["${long}"]) { available } }`)).toMatchObject({
      argumentName: 'locationCodes',
    });
  });

  it('an alias equal to the field name (`sku: sku`) counts like any other alias (issue 10)', () => {
    // It changes nothing in the response, but it is an alias the client wrote: counting what is written keeps the
    // rule one line, and a client that writes 31 of them is probing the limit, not using it.
    const identity = (n: number) => `{ product(sku: "x") { ${repeat(n, 'sku: sku')} } }`;
    const result = check(identity(30));
    expectOk(result);
    expect(result.ok && result.metrics.aliases).toBe(30);
    expect(check(identity(31))).toMatchObject({ ok: false, code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    expect(check(`{ ${repeat(31, 'product: product(sku: "x") { sku }')} }`)).toMatchObject({ ok: false });
  });

  it('root fields → TOO_MANY_ROOT_FIELDS', () => {
    const q = (n: number) => `{ ${repeat(n, 'product(sku: "x") { sku }')} }`;
    expectOk(check(q(10)));
    expect(check(q(11))).toMatchObject({ ok: false, code: 'TOO_MANY_ROOT_FIELDS', limit: 10, actual: 11 });
    // root fields brought in by a fragment count too
    expectCode(check(`{ ...R ...R } fragment R on Query { ${repeat(6, 'p$i: product(sku: "x") { sku }')} }`), 'TOO_MANY_ROOT_FIELDS');
  });

  it('mutation root fields → TOO_MANY_ROOT_FIELDS: one write per request for partners, aliases or not', () => {
    const note = 'addCustomerNote(idempotencyKey: "k$i", input: { customerId: "1", body: "x" }) { operation { state } }';
    const mutation = (n: number) => `mutation { ${repeat(n, `n$i: ${note}`)} }`;
    expectOk(check(mutation(1)));
    expect(check(mutation(2))).toMatchObject({ ok: false, code: 'TOO_MANY_ROOT_FIELDS', limit: 1, actual: 2 });
    expect(check(mutation(2))).toMatchObject({ message: expect.stringContaining('Mutation root field count') });
    // the profile's own figure (internal keys: 5); queries keep maxRootFields
    expectOk(check(mutation(5), { maxMutationRootFields: 5 }));
    expectCode(check(mutation(6), { maxMutationRootFields: 5 }), 'TOO_MANY_ROOT_FIELDS');
    expectOk(check(`{ ${repeat(10, 'product(sku: "x") { sku }')} }`));
  });

  it('directives → TOO_MANY_DIRECTIVES (on fields and on fragments alike)', () => {
    expectOk(check(`{ product(sku: "x") { sku ${repeat(50, '@include(if: true)')} } }`));
    expect(check(`{ product(sku: "x") { sku ${repeat(51, '@include(if: true)')} } }`)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_DIRECTIVES',
      limit: 50,
      actual: 51,
    });
    const onFragment = (n: number) =>
      `{ product(sku: "x") { ...A @skip(if: false) } } fragment A on Product ${repeat(n - 1, '@include(if: true)')} { sku }`;
    expectOk(check(onFragment(50)));
    expectCode(check(onFragment(51)), 'TOO_MANY_DIRECTIVES');
  });

  it('fields after expansion → TOO_MANY_FIELDS (breadth bomb, duplicates)', () => {
    const q = (n: number) => `{ product(sku: "x") { ${'sku '.repeat(n - 1)}} }`;
    expectOk(check(q(1000)));
    expect(check(q(1001))).toMatchObject({ ok: false, code: 'TOO_MANY_FIELDS', limit: 1000, actual: 1001 });
    // 2^10 leaves from 11 tiny fragments
    const fan = Array.from({ length: 10 }, (_, i) => `fragment B${i} on Product { ...B${i + 1} ...B${i + 1} }`).join(' ');
    expectCode(check(`{ product(sku: "x") { ...B0 } } ${fan} fragment B10 on Product { sku }`), 'TOO_MANY_FIELDS');
  });

  it('list arguments → LIST_TOO_LARGE (slicing argument, list literal, list variable)', () => {
    const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`);
    expectOk(check(`{ findCustomers(name: "a", first: 100) { id } }`));
    expect(check(`{ findCustomers(name: "a", first: 101) { id } }`)).toMatchObject({ ok: false, code: 'LIST_TOO_LARGE', limit: 100, actual: 101 });
    expectOk(check(`{ products(skus: ${JSON.stringify(skus(100))}) { sku } }`));
    expectCode(check(`{ products(skus: ${JSON.stringify(skus(101))}) { sku } }`), 'LIST_TOO_LARGE');
    const byVariable = 'query($s: [ID!]!) { products(skus: $s) { sku } }';
    expectOk(check(byVariable, {}, { s: skus(100) }));
    expectCode(check(byVariable, {}, { s: skus(101) }), 'LIST_TOO_LARGE');
    expectCode(check('query($n: Int) { findCustomers(name: "a", first: $n) { id } }', {}, { n: 100_000 }), 'LIST_TOO_LARGE');
    expectCode(check('query($n: Int = 500) { findCustomers(name: "a", first: $n) { id } }'), 'LIST_TOO_LARGE');
  });

  it('estimated cost → OPERATION_TOO_COMPLEX', () => {
    // products(skus: 100) { sku name } = 1 + 100 × 2
    const q = `{ products(skus: ${JSON.stringify(Array.from({ length: 100 }, (_, i) => `S${i}`))}) { sku name } }`;
    const result = check(q, { maxCost: 201 });
    expect(result).toMatchObject({ ok: true, cost: 201 });
    expect(check(q, { maxCost: 200 })).toMatchObject({ ok: false, code: 'OPERATION_TOO_COMPLEX', limit: 200 });
  });

  it('variables → VARIABLES_TOO_LARGE (values counted, nesting bounded)', () => {
    const q = 'query($email: String) { findCustomers(email: $email) { id } }';
    // the variables object + the array + its items
    expectOk(check(q, {}, { email: 'a@b.pl', pad: Array.from({ length: 4997 }, () => 0) }));
    expect(check(q, {}, { email: 'a@b.pl', pad: Array.from({ length: 4998 }, () => 0) })).toMatchObject({
      ok: false,
      code: 'VARIABLES_TOO_LARGE',
      limit: 5000,
      actual: 5001,
    });
    const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
    expectOk(check(q, {}, { x: deep(DEFAULT_OPERATION_LIMITS.maxNesting - 1) }));
    expectCode(check(q, {}, { x: deep(DEFAULT_OPERATION_LIMITS.maxNesting) }), 'VARIABLES_TOO_LARGE');
  });

  it('batched HTTP requests → BATCHING_NOT_ALLOWED, or BATCH_TOO_LARGE past maxBatchSize when allowed', () => {
    const batch = (n: number) => JSON.stringify(Array.from({ length: n }, () => ({ query: '{ product(sku: "x") { sku name } }' })));
    expectCode(checkOperationLimits({ body: batch(1), schema }), 'BATCHING_NOT_ALLOWED');
    const allowed = { ...DEFAULT_OPERATION_LIMITS, allowBatching: true };
    expect(checkOperationLimits({ body: batch(10), schema }, allowed)).toMatchObject({ ok: true, cost: 30, operations: 10 });
    expect(checkOperationLimits({ body: batch(11), schema }, allowed)).toMatchObject({ ok: false, code: 'BATCH_TOO_LARGE', limit: 10, actual: 11 });
    // an already decoded body (what Apollo Server hands over) is checked the same way
    expectCode(checkOperationLimits({ body: JSON.parse(batch(2)) as unknown[], schema }), 'BATCHING_NOT_ALLOWED');
    // the summed cost of a batch is what one HTTP request spends
    expectCode(checkOperationLimits({ body: batch(10), schema }, { ...allowed, maxCost: 29 }), 'OPERATION_TOO_COMPLEX');
  });

  it('introspection is flagged, and refused unless allowed', () => {
    const q = '{ __schema { queryType { name } } }';
    expectCode(check(q), 'INTROSPECTION_NOT_ALLOWED');
    expect(check(q, { allowIntrospection: true })).toMatchObject({ ok: true, introspection: true });
    expectCode(check('{ ...F } fragment F on Query { t: __type(name: "Customer") { name } }'), 'INTROSPECTION_NOT_ALLOWED');
    // __typename is not introspection; a fragment *named* __schema is not either (GraphQL Armor bypass #823 the other way round)
    expect(check('{ __typename product(sku: "x") { __typename sku } }')).toMatchObject({ ok: true, introspection: false });
    expect(check('{ product(sku: "x") { ...__schema } } fragment __schema on Product { sku }')).toMatchObject({ ok: true, introspection: false });
  });

  it('operation selection → OPERATION_RESOLUTION_FAILURE', () => {
    const two = 'query A { product(sku: "x") { sku } } query B { product(sku: "y") { name } }';
    expectCode(check(two), 'OPERATION_RESOLUTION_FAILURE');
    expectOk(check(two, {}, undefined, 'B'));
    expectCode(check(two, {}, undefined, 'C'), 'OPERATION_RESOLUTION_FAILURE');
  });

  it('unparsable input → GRAPHQL_PARSE_FAILED; unknown fields → GRAPHQL_VALIDATION_FAILED without suggestions; non-JSON → BAD_REQUEST', () => {
    expectCode(check('{ product(sku: '), 'GRAPHQL_PARSE_FAILED');
    expectCode(check('{ product(sku: "x) { sku } }'), 'GRAPHQL_PARSE_FAILED');
    const unknown = check('{ product(sku: "x") { nam } }');
    expectCode(unknown, 'GRAPHQL_VALIDATION_FAILED');
    expect(unknown.ok || unknown.message).not.toMatch(/did you mean/i);
    expectCode(checkOperationLimits({ body: 'query={a}', schema }), 'BAD_REQUEST');
    expectCode(checkOperationLimits({ body: '{"query": 1}', schema }), 'BAD_REQUEST');
  });
});

describe('circular fragments', () => {
  it('are rejected, directly and indirectly, and the check terminates', () => {
    expectCode(check('{ product(sku: "x") { ...A } } fragment A on Product { sku ...A }'), 'CIRCULAR_FRAGMENT');
    expectCode(
      check(
        '{ product(sku: "x") { ...A } } fragment A on Product { ...B } fragment B on Product { ... on Product { ...C } } fragment C on Product { ...A }',
      ),
      'CIRCULAR_FRAGMENT',
    );
    // a cycle in a fragment the operation never uses is still refused, as graphql-js validation would
    expectCode(check('{ product(sku: "x") { sku } } fragment A on Product { ...B } fragment B on Product { ...A }'), 'CIRCULAR_FRAGMENT');
    // a long chain does not overflow the stack of the cycle search
    const ring = Array.from({ length: 400 }, (_, i) => `fragment F${i} on Product { ...F${(i + 1) % 400} }`).join(' ');
    expectCode(check(`{ product(sku: "x") { ...F0 } } ${ring}`), 'CIRCULAR_FRAGMENT');
  });
});

describe('the operations our clients send pass with the defaults', () => {
  const cases: [string, string, Record<string, unknown> | undefined][] = [
    ['call-center example', EXAMPLE_QUERY, { phone: '+48 601 234 567' }],
    ['e2e orders, first 100', ORDERS_QUERY, { email: 'anna@example.pl', first: 100 }],
    ['e2e orders, first 3 with a cursor and channel', ORDERS_QUERY, { email: 'anna@example.pl', first: 3, after: 'abc', channel: 'MARKETPLACE' }],
    [
      'e2e products by SKU',
      `query($skus: [ID!]!) { products(skus: $skus) {
        sku name ean listPrice { net { amount currency } gross { amount currency } vatRate }
        stock { onHand reserved available asOf location { code kind } }
        eshopListing { price { amount currency } }
        marketplaceOffers { offerId price { amount currency } }
      } }`,
      { skus: ['A', 'B', 'C', 'SKU-DOES-NOT-EXIST'] },
    ],
    [
      'e2e click-and-collect',
      `query($skus: [ID!]!, $near: GeoPointInput) { storesWithStock(skus: $skus, near: $near, first: 10) {
        store { code kind address { city } } distanceKm items { sku available } allAvailable } }`,
      { skus: ['A'], near: { latitude: 52.4, longitude: 16.9 } },
    ],
    [
      'e2e order by reference',
      '{ orderByReference(reference: "1234") { order { channel number ... on EshopOrder { customer { id } } } matches { kind order { id } } } }',
      undefined,
    ],
    [
      'e2e loyalty and consents',
      '{ customer(id: "1") { loyalty { points tier } consents { emailMarketing smsMarketing phoneMarketing profiling } } }',
      undefined,
    ],
    ['e2e unknown SKU', '{ product(sku: "NOPE-123") { name } }', undefined],
  ];
  it.each(cases)('%s', (_name, query, variables) => {
    const result = check(query, {}, variables);
    expectOk(result);
    if (result.ok) console.log(`${_name}: cost ${result.cost}, ${JSON.stringify(result.metrics)}`);
  });

  it('estimates the call-center query as documented in README.md (22 151)', () => {
    expect(check(EXAMPLE_QUERY, {}, { phone: 'x' })).toMatchObject({ ok: true, cost: 22_151 });
  });
});

describe('a token flood never reaches the parser', () => {
  // braces: a function returned from beforeEach would be run as a teardown
  beforeEach(() => {
    vi.mocked(graphql.parse).mockClear();
  });

  it('rejects 1 MB of tokens by the token count without building an AST', () => {
    const flood = oneMegabyteOfTokens();
    expect(flood.length).toBeGreaterThan(1_000_000);
    expect(flood.length).toBeLessThan(DEFAULT_OPERATION_LIMITS.maxBodyBytes);
    expectCode(checkOperationLimits({ body: flood, schema }), 'TOO_MANY_TOKENS');
    expect(graphql.parse).not.toHaveBeenCalled();
    // the spy does see the parse of an ordinary request
    expectOk(check('{ product(sku: "x") { sku } }'));
    expect(graphql.parse).toHaveBeenCalledTimes(1);
  });
});

describe('introspection: refused for partners before the walk, bounded for internal callers (issue 14)', () => {
  const profiles = buildProfiles({ allowBatchingForInternal: true, partnerCostPerMinute: 1, internalCostPerMinute: 1 });
  const partner = profiles.partner.limits;
  const internal = profiles.internal.limits;
  const run = (query: string, limits: OperationLimits, operationName?: string) =>
    checkOperationLimits({ body: body(query, undefined, operationName), schema }, limits);
  const ofTypeChain = (levels: number) => `${'ofType { '.repeat(levels)}name${' }'.repeat(levels)}`;

  /**
   * The standard queries: graphql-js's with every option on, its default, and GraphiQL 3/4's (@graphiql/react builds
   * getIntrospectionQuery({ inputValueDeprecation, schemaDescription }) from its props, sends operationName
   * "IntrospectionQuery", and retries without `subscriptionType { name }` when a server refuses that).
   */
  const standard: [string, string][] = [
    ['graphql-js, every option', getIntrospectionQuery(EVERY_INTROSPECTION_OPTION)],
    ['graphql-js, default', getIntrospectionQuery()],
    ...[false, true].flatMap((inputValueDeprecation) =>
      [false, true].map((schemaDescription): [string, string] => [
        `GraphiQL, inputValueDeprecation ${inputValueDeprecation}, schemaDescription ${schemaDescription}`,
        getIntrospectionQuery({ inputValueDeprecation, schemaDescription }),
      ]),
    ),
    ['GraphiQL, without subscriptions', getIntrospectionQuery().replace('subscriptionType { name }', '')],
  ];

  it('the standard queries are deeper than the partner depth limit: the reason this test exists', () => {
    const deepest = run(getIntrospectionQuery(EVERY_INTROSPECTION_OPTION), internal);
    expect(deepest.ok && deepest.metrics.depth).toBeGreaterThan(partner.maxDepth);
  });

  it.each(standard)('%s: INTROSPECTION_NOT_ALLOWED for a partner, accepted within the internal limits', (_, query) => {
    expect(run(query, partner, 'IntrospectionQuery')).toMatchObject({ ok: false, code: 'INTROSPECTION_NOT_ALLOWED' });
    const result = run(query, internal, 'IntrospectionQuery');
    expect(result).toMatchObject({ ok: true, introspection: true });
    if (result.ok) expect(result.metrics.depth).toBeLessThanOrEqual(internal.maxDepth);
  });

  it('a partner gets INTROSPECTION_NOT_ALLOWED whatever the depth, width, aliases or cost of the operation', () => {
    const cases = {
      'of-type chain 50 deep': `{ __type(name: "Customer") { ${ofTypeChain(50)} } }`,
      'deep data beside __type': `{ ${queryOfDepth(30).slice(2, -2)} t: __type(name: "Customer") { name } }`,
      '200 aliases of __schema': `{ ${repeat(200, 's$i: __schema { queryType { name } }')} }`,
      '2 000 fields': `{ __schema { types { ${repeat(2_000, 'name')} } } }`,
      'the type cycle (cost)': '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
      'in a fragment 30 spreads down, in an inline fragment':
        `{ ...F0 } ${repeat(30, 'fragment F$i on Query { ...F_$i }').replaceAll(/F_(\d+)/g, (_, i: string) => `F${Number(i) + 1}`)} ` +
        'fragment F30 on Query { ... on Query { x: __schema { types { name } } } }',
      'under a directive': 'query($i: Boolean = false) { __type(name: "Customer") @include(if: $i) { name } }',
      'below the root': '{ product(sku: "x") { __schema { types { name } } } }',
    };
    for (const [name, query] of Object.entries(cases)) {
      expect(run(query, partner), name).toMatchObject({ ok: false, code: 'INTROSPECTION_NOT_ALLOWED' });
    }
    // without the introspection field, each of the first four is refused for its shape
    expectCode(run(queryOfDepth(30), partner), 'OPERATION_TOO_DEEP');
  });

  it('in an allowed batch, introspection in any entry is refused before any entry is walked', () => {
    const noIntrospection = { ...internal, allowIntrospection: false };
    const batch = JSON.stringify([{ query: queryOfDepth(30) }, { query: '{ __type(name: "Customer") { name } }' }]);
    expectCode(checkOperationLimits({ body: batch, schema }, noIntrospection), 'INTROSPECTION_NOT_ALLOWED');
    const withoutIt = JSON.stringify([{ query: queryOfDepth(30) }, { query: '{ product(sku: "x") { sku } }' }]);
    expectCode(checkOperationLimits({ body: withoutIt, schema }, noIntrospection), 'OPERATION_TOO_DEEP');
    // a partner's batch is refused as a batch, before any of its text is read
    expectCode(checkOperationLimits({ body: batch, schema }, partner), 'BATCHING_NOT_ALLOWED');
  });

  it('only the operation that runs counts; __typename and a fragment named __schema are not introspection', () => {
    const doc = 'query Data { product(sku: "x") { sku } } query Schema { __schema { queryType { name } } }';
    expect(run(doc, partner, 'Data')).toMatchObject({ ok: true, introspection: false });
    expectCode(run(doc, partner, 'Schema'), 'INTROSPECTION_NOT_ALLOWED');
    expect(run('{ __typename product(sku: "x") { __typename sku } }', partner)).toMatchObject({ ok: true, introspection: false });
    expect(run('{ product(sku: "x") { ...__schema } } fragment __schema on Product { sku }', partner)).toMatchObject({
      ok: true,
      introspection: false,
    });
    // a cycle through an introspection fragment is still a cycle (the document is malformed first)
    expectCode(run('{ __schema { types { ...T } } } fragment T on __Type { fields { type { ...T } } }', partner), 'CIRCULAR_FRAGMENT');
  });

  it('internal callers stay bounded: abusive introspection and deep data past the internal limits are refused', () => {
    expect(run(`{ __type(name: "Customer") { ${ofTypeChain(50)} } }`, internal)).toMatchObject({
      ok: false,
      code: 'OPERATION_TOO_DEEP',
      limit: internal.maxDepth,
    });
    expectCode(run(`{ __schema { types { ${repeat(3_001, 'name')} } } }`, internal), 'TOO_MANY_FIELDS');
    expectOk(run(queryOfDepth(internal.maxDepth), internal));
    expectCode(run(queryOfDepth(internal.maxDepth + 1), internal), 'OPERATION_TOO_DEEP');
  });

  it('the introspection verdict is kept with the text: a repeated refusal parses nothing again', () => {
    const memo = createOperationLimitsMemo();
    const query = getIntrospectionQuery(EVERY_INTROSPECTION_OPTION);
    vi.mocked(graphql.parse).mockClear();
    for (let i = 0; i < 3; i++) expectCode(checkOperationLimits({ body: body(query), schema, memo }, partner), 'INTROSPECTION_NOT_ALLOWED');
    expect(checkOperationLimits({ body: body(query), schema, memo }, internal)).toMatchObject({ ok: true, introspection: true });
    // partner and internal share the text-level limits (maxTokens, maxNesting, maxDirectives), so one parse serves both
    expect(graphql.parse).toHaveBeenCalledTimes(1);
  });
});

describe('malicious corpus', () => {
  let corpus: CorpusEntry[];
  beforeAll(() => {
    corpus = buildMaliciousCorpus();
  });

  /** The codes each category may be refused with: the cheapest limit that trips first wins, but never an odd one. */
  const EXPECTED: Record<CorpusCategory, OperationLimitCode[]> = {
    'depth-bomb': ['OPERATION_TOO_DEEP', 'NESTING_TOO_DEEP', 'GRAPHQL_VALIDATION_FAILED'],
    'alias-bomb': ['TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_TOKENS'],
    'circular-fragment': ['CIRCULAR_FRAGMENT'],
    'directive-overload': ['TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS'],
    'huge-list': ['LIST_TOO_LARGE', 'OPERATION_TOO_COMPLEX', 'TOO_MANY_TOKENS', 'VARIABLES_TOO_LARGE'],
    'token-flood': ['TOO_MANY_TOKENS', 'BODY_TOO_LARGE', 'NESTING_TOO_DEEP'],
    batching: ['BATCHING_NOT_ALLOWED'],
    // whatever else is wrong with it (depth, aliases, cost, a field in the wrong place), introspection is the answer
    introspection: ['INTROSPECTION_NOT_ALLOWED'],
    'field-suggestion': ['GRAPHQL_VALIDATION_FAILED'],
    'field-duplication': ['TOO_MANY_FIELDS', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_TOKENS'],
    'breadth-bomb': ['TOO_MANY_FIELDS'],
    'operation-name': ['OPERATION_RESOLUTION_FAILURE', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'TOO_MANY_TOKENS'],
    'huge-variables': ['VARIABLES_TOO_LARGE', 'BODY_TOO_LARGE', 'BAD_REQUEST'],
    'non-json-body': ['BAD_REQUEST', 'BODY_TOO_LARGE', 'GRAPHQL_PARSE_FAILED'],
  };

  it('holds at least 300 hostile requests with unique names, in every category', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((e) => `${e.category}/${e.name}`)).size).toBe(corpus.length);
    for (const category of CORPUS_CATEGORIES) expect(corpus.filter((e) => e.category === category).length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const again = buildMaliciousCorpus();
    expect(again.map((e) => `${e.name}:${e.body.length}`)).toEqual(corpus.map((e) => `${e.name}:${e.body.length}`));
  });

  it('accepts 0 of them, each refused with a stable code expected for its category', () => {
    const started = performance.now();
    const results = corpus.map((entry) => ({ entry, result: checkOperationLimits({ body: entry.body, schema }) }));
    const elapsedMs = performance.now() - started;

    const perCategory = new Map<string, Map<string, number>>();
    for (const { entry, result } of results) {
      const code = result.ok ? 'ACCEPTED' : result.code;
      const counts = perCategory.get(entry.category) ?? new Map<string, number>();
      counts.set(code, (counts.get(code) ?? 0) + 1);
      perCategory.set(entry.category, counts);
    }
    const lines = [...perCategory].map(
      ([category, counts]) =>
        `  ${category.padEnd(20)} ${[...counts.values()].reduce((a, b) => a + b, 0)}  ${[...counts].map(([c, n]) => `${c}×${n}`).join(' ')}`,
    );
    console.log(`malicious corpus: ${results.length} requests checked in ${elapsedMs.toFixed(1)} ms\n${lines.join('\n')}`);

    const accepted = results.filter((r) => r.result.ok).map((r) => `${r.entry.category}/${r.entry.name}`);
    expect(accepted).toEqual([]);
    const unexpected = results
      .filter(({ entry, result }) => !result.ok && !EXPECTED[entry.category].includes(result.code))
      .map(({ entry, result }) => `${entry.category}/${entry.name}: ${result.ok ? '' : result.code}`);
    expect(unexpected).toEqual([]);
    for (const { result } of results) if (!result.ok) expect(OPERATION_LIMIT_CODES).toContain(result.code);
  });
});

describe('the memo of text-level checks (createOperationLimitsMemo)', () => {
  /** The verdict as a client sees it: outcome, code, figures; the document compared by its printed form. */
  const seen = (result: OperationLimitsResult) =>
    result.ok ? { ...result, checked: result.checked.map((c) => ({ request: c.request, document: graphql.print(c.document) })) } : result;

  it('answers every malicious request exactly as without it, the first time and again', () => {
    const memo = createOperationLimitsMemo();
    for (const entry of buildMaliciousCorpus()) {
      const without = checkOperationLimits({ body: entry.body, schema });
      expect(seen(checkOperationLimits({ body: entry.body, schema, memo })), entry.name).toEqual(seen(without));
      expect(seen(checkOperationLimits({ body: entry.body, schema, memo })), entry.name).toEqual(seen(without));
    }
  });

  it("still checks each request's variables against a kept operation: list sizes, argument lengths, value counts", () => {
    const memo = createOperationLimitsMemo();
    const query = 'query Products($skus: [ID!]!) { products(skus: $skus) { sku name } }';
    const run = (variables: Record<string, unknown>) => checkOperationLimits({ body: body(query, variables), schema, memo });
    expectOk(run({ skus: ['A'] }));
    expectCode(run({ skus: Array.from({ length: 101 }, (_, i) => `S${i}`) }), 'LIST_TOO_LARGE');
    expectCode(run({ skus: ['x'.repeat(1_001)] }), 'BAD_USER_INPUT');
    expectCode(run({ skus: Array.from({ length: 5_001 }, () => 'A') }), 'VARIABLES_TOO_LARGE');
    const small = run({ skus: ['A', 'B'] });
    const large = run({ skus: Array.from({ length: 100 }, (_, i) => `S${i}`) });
    expect(small.ok && large.ok && large.cost > small.cost).toBe(true);
  });

  it('keeps verdicts apart per operation name, per text-level limits and per schema', () => {
    const memo = createOperationLimitsMemo();
    const query = 'query A { product(sku: "x") { sku } } query B { locations { code } }';
    expectOk(checkOperationLimits({ body: body(query, undefined, 'A'), schema, memo }));
    expectCode(checkOperationLimits({ body: body(query, undefined, 'C'), schema, memo }), 'OPERATION_RESOLUTION_FAILURE');
    expectCode(checkOperationLimits({ body: body(query), schema, memo }), 'OPERATION_RESOLUTION_FAILURE');
    const a = checkOperationLimits({ body: body(query, undefined, 'A'), schema, memo });
    const b = checkOperationLimits({ body: body(query, undefined, 'B'), schema, memo });
    expect(a.ok && b.ok && a.cost !== b.cost).toBe(true);
    // a lower token limit refuses a text an earlier request passed under the defaults
    expectCode(
      checkOperationLimits({ body: body(query, undefined, 'A'), schema, memo }, { ...DEFAULT_OPERATION_LIMITS, maxTokens: 5 }),
      'TOO_MANY_TOKENS',
    );
    // another schema (a supergraph update) without the field: the kept verdict of the old one does not hold
    const other = graphql.buildSchema('type Query { locations: [Location] } type Location { code: String }');
    expectCode(checkOperationLimits({ body: body(query, undefined, 'A'), schema: other, memo }), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('never takes one (operation name, text) pair for another, whatever characters the name holds', () => {
    const memo = createOperationLimitsMemo();
    const kept = 'query A { product(sku: "B\u0000C") { sku } }';
    const run = (query: string, name: string) => checkOperationLimits({ body: body(query, undefined, name), schema, memo });
    const first = run(kept, 'A');
    // the same key bytes if the name were put in the key as it is
    const [head, tail] = [kept.slice(0, kept.indexOf('\u0000')), kept.slice(kept.indexOf('\u0000') + 1)];
    const crafted = run(tail, `A\u0000${head}`);
    expect(crafted).toEqual(checkOperationLimits({ body: body(tail, undefined, `A\u0000${head}`), schema }));
    expect(first.ok && crafted.ok).toBe(false);
  });

  it('parses a text once while it is kept', () => {
    const memo = createOperationLimitsMemo();
    vi.mocked(graphql.parse).mockClear();
    for (let i = 0; i < 5; i++) expectOk(checkOperationLimits({ body: body('{ product(sku: "x") { sku } }'), schema, memo }));
    expect(graphql.parse).toHaveBeenCalledTimes(1);
  });
});
