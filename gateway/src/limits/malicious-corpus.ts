/**
 * A deterministic corpus of hostile requests against the Omnigraph API schema (issue 4, "malicious corpus"). Each entry
 * is the HTTP body exactly as an attacker would POST it, so the same list drives the unit test of the limits and,
 * later, the end-to-end test through a running gateway with a partner key (where 0 may execute).
 *
 * No randomness: names and sizes come from loops, so a failing entry has the same name on every run.
 */

import { getIntrospectionQuery } from 'graphql';

export const CORPUS_CATEGORIES = [
  'depth-bomb',
  'alias-bomb',
  'circular-fragment',
  'directive-overload',
  'huge-list',
  'token-flood',
  'batching',
  'introspection',
  'field-suggestion',
  'field-duplication',
  'breadth-bomb',
  'operation-name',
  'huge-variables',
  'non-json-body',
] as const;
export type CorpusCategory = (typeof CORPUS_CATEGORIES)[number];

export interface CorpusEntry {
  name: string;
  category: CorpusCategory;
  /** the raw HTTP body */
  body: string;
}

const req = (query: string, variables?: unknown, operationName?: string): string =>
  JSON.stringify(variables === undefined && operationName === undefined ? { query } : { query, variables, operationName });

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** `findCustomers → orders → edges → node → customer → orders …`: the one cycle in our graph, 4 levels per turn. */
function customerCycle(levels: number, leaf = 'id'): string {
  let inner = leaf;
  for (let i = 0; i < levels; i++) inner = `orders { edges { node { ... on EshopOrder { customer { ${inner} } } } } }`;
  return `{ findCustomers(email: "a@b.pl") { ${inner} } }`;
}

function depthBombs(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const levels of [4, 5, 6, 8, 10, 16, 25, 50, 100, 250, 1000])
    out.push({ name: `customer-cycle-${levels}`, category: 'depth-bomb', body: req(customerCycle(levels)) });
  for (const levels of [4, 6, 10, 30, 100]) {
    // the same cycle through named fragments: no brace nesting in the text, the depth appears only on expansion
    const defs = range(levels).map(
      (i) =>
        `fragment F${i} on Customer { orders { edges { node { ... on EshopOrder { customer { ${i + 1 < levels ? `...F${i + 1}` : 'id'} } } } } } }`,
    );
    out.push({
      name: `fragment-chain-${levels}`,
      category: 'depth-bomb',
      body: req(`{ findCustomers(email: "a@b.pl") { ...F0 } } ${defs.join(' ')}`),
    });
  }
  for (const levels of [4, 8, 20]) {
    // the same through the order lookup, with inline fragments on the other implementation
    let inner = 'id';
    for (let i = 0; i < levels; i++) inner = `orders(first: 1) { edges { node { ... on MarketplaceOrder { customer { ${inner} } } } } }`;
    out.push({
      name: `order-reference-cycle-${levels}`,
      category: 'depth-bomb',
      body: req(`{ orderByReference(reference: "1") { order { ... on EshopOrder { customer { ${inner} } } } } }`),
    });
  }
  for (const levels of [13, 20, 100, 1000, 10_000]) {
    // raw brace nesting of a field that does not exist: must be stopped before the parser recurses
    out.push({ name: `raw-braces-${levels}`, category: 'depth-bomb', body: req(`${'{ a '.repeat(levels)}${'}'.repeat(levels)}`) });
  }
  for (const levels of [70, 200, 1000]) {
    // nested inline fragments without a type condition add brace nesting but no field depth
    out.push({
      name: `inline-fragment-nesting-${levels}`,
      category: 'depth-bomb',
      body: req(`{ ${'... { '.repeat(levels)} product(sku: "x") { ${customerCycleLeaf()} } ${'} '.repeat(levels)}}`),
    });
  }
  for (const levels of [4, 12]) {
    // the recursion split between an operation, an inline fragment and named fragments
    const defs = range(levels).map(
      (i) => `fragment G${i} on Order { ... on EshopOrder { customer { orders { edges { node { ${i + 1 < levels ? `...G${i + 1}` : 'id'} } } } } } }`,
    );
    out.push({
      name: `mixed-fragments-${levels}`,
      category: 'depth-bomb',
      body: req(`{ orderByReference(reference: "1") { order { ...G0 } } } ${defs.join(' ')}`),
    });
  }
  return out;
}

/** A product subtree that is deep enough to cross the default depth under a few inline-fragment levels. */
function customerCycleLeaf(): string {
  return 'stock { location { address { city } } } listPrice { gross { amount } } ' + 'eshopListing { price { amount } }';
}

function aliasBombs(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const n of [11, 31, 50, 101, 500, 1000])
    out.push({
      name: `root-product-aliases-${n}`,
      category: 'alias-bomb',
      body: req(
        `{ ${range(n)
          .map((i) => `p${i}: product(sku: "SKU-${i}") { name }`)
          .join(' ')} }`,
      ),
    });
  for (const n of [31, 60, 101, 500, 1000])
    out.push({
      name: `nested-name-aliases-${n}`,
      category: 'alias-bomb',
      body: req(
        `{ product(sku: "x") { ${range(n)
          .map((i) => `n${i}: name`)
          .join(' ')} } }`,
      ),
    });
  for (const n of [31, 200, 1000])
    out.push({
      name: `typename-aliases-${n}`,
      category: 'alias-bomb',
      body: req(
        `{ product(sku: "x") { ${range(n)
          .map((i) => `t${i}: __typename`)
          .join(' ')} } }`,
      ),
    });
  for (const n of [16, 40, 100]) {
    // aliases hidden in a fragment spread many times: only the expanded count shows them
    const frag = `fragment A on Product { ${range(8)
      .map((i) => `a${i}: sku`)
      .join(' ')} }`;
    out.push({
      name: `fragment-aliases-x${n}`,
      category: 'alias-bomb',
      body: req(
        `{ product(sku: "x") { ${range(n)
          .map(() => '...A')
          .join(' ')} } } ${frag}`,
      ),
    });
  }
  for (const n of [31, 100, 300])
    out.push({
      name: `order-enumeration-${n}`,
      category: 'alias-bomb',
      body: req(
        `{ product(sku: "x") { sku } o: orderByReference(reference: "1") { ${range(n)
          .map((i) => `c${i}: reference`)
          .join(' ')} } }`,
      ),
    });
  for (const n of [11, 50])
    out.push({
      name: `customer-brute-force-${n}`,
      category: 'alias-bomb',
      body: req(
        `{ ${range(n)
          .map((i) => `c${i}: customer(id: "${1000 + i}") { name phone }`)
          .join(' ')} }`,
      ),
    });
  return out;
}

function circularFragments(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  out.push({ name: 'self-spread', category: 'circular-fragment', body: req('{ product(sku: "x") { ...A } } fragment A on Product { sku ...A }') });
  out.push({ name: 'self-spread-only', category: 'circular-fragment', body: req('{ product(sku: "x") { ...A } } fragment A on Product { ...A }') });
  out.push({
    name: 'two-way',
    category: 'circular-fragment',
    body: req('{ product(sku: "x") { ...A } } fragment A on Product { ...B } fragment B on Product { ...A }'),
  });
  out.push({
    name: 'unused-cycle',
    category: 'circular-fragment',
    body: req('{ product(sku: "x") { sku } } fragment A on Product { ...B } fragment B on Product { ...A }'),
  });
  out.push({
    name: 'cycle-in-inline-fragment',
    category: 'circular-fragment',
    body: req('{ product(sku: "x") { ...A } } fragment A on Product { ... on Product { ... { ...A } } }'),
  });
  out.push({
    name: 'cycle-under-directive',
    category: 'circular-fragment',
    body: req('{ product(sku: "x") { ...A } } fragment A on Product { ...A @include(if: false) }'),
  });
  out.push({
    name: 'cycle-through-field',
    category: 'circular-fragment',
    body: req(
      '{ findCustomers(email: "a@b.pl") { ...C } } fragment C on Customer { orders { edges { node { ... on EshopOrder { customer { ...C } } } } } }',
    ),
  });
  out.push({
    name: 'introspection-cycle',
    category: 'circular-fragment',
    body: req('{ __schema { types { ...T } } } fragment T on __Type { fields { type { ...T } } }'),
  });
  for (const n of [3, 4, 5, 8, 10, 16, 20, 50, 100, 200]) {
    const defs = range(n).map((i) => `fragment F${i} on Product { sku ...F${(i + 1) % n} }`);
    out.push({ name: `ring-${n}`, category: 'circular-fragment', body: req(`{ product(sku: "x") { ...F0 } } ${defs.join(' ')}`) });
  }
  for (const n of [3, 10, 40]) {
    // a diamond of fragments that also loops back: a cycle reachable only after a shared node
    const defs = range(n).map((i) => `fragment D${i} on Product { ...D${i + 1} ...E${i} } fragment E${i} on Product { sku }`);
    out.push({
      name: `diamond-loop-${n}`,
      category: 'circular-fragment',
      body: req(`{ product(sku: "x") { ...D0 } } ${defs.join(' ')} fragment D${n} on Product { ...D0 }`),
    });
  }
  for (const n of [2, 5, 10]) {
    const defs = range(n).map(
      (i) =>
        `fragment X${i} on Product { ${range(n)
          .map((j) => `...X${j}`)
          .join(' ')} }`,
    );
    out.push({ name: `complete-graph-${n}`, category: 'circular-fragment', body: req(`{ product(sku: "x") { ...X0 } } ${defs.join(' ')}`) });
  }
  for (const n of [2, 10, 100])
    out.push({
      name: `spread-many-times-self-${n}`,
      category: 'circular-fragment',
      body: req(
        `{ product(sku: "x") { ...A } } fragment A on Product { ${range(n)
          .map(() => '...A')
          .join(' ')} }`,
      ),
    });
  return out;
}

function directiveOverload(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const many = (n: number, d = '@include(if: true)') =>
    range(n)
      .map(() => d)
      .join(' ');
  for (const n of [51, 100, 500, 1000])
    out.push({ name: `include-on-field-${n}`, category: 'directive-overload', body: req(`{ product(sku: "x") { name ${many(n)} } }`) });
  for (const n of [51, 300, 1000])
    out.push({
      name: `skip-on-field-${n}`,
      category: 'directive-overload',
      body: req(`{ product(sku: "x") { name ${many(n, '@skip(if: false)')} } }`),
    });
  for (const n of [51, 1000])
    out.push({ name: `unknown-directive-${n}`, category: 'directive-overload', body: req(`{ product(sku: "x") { name ${many(n, '@aa')} } }`) });
  for (const n of [51, 200, 1000])
    out.push({
      name: `on-fragment-definition-${n}`,
      category: 'directive-overload',
      body: req(`{ product(sku: "x") { ...A } } fragment A on Product ${many(n)} { sku }`),
    });
  for (const n of [51, 1000])
    out.push({
      name: `on-fragment-spread-${n}`,
      category: 'directive-overload',
      body: req(`{ product(sku: "x") { ...A ${many(n)} } } fragment A on Product { sku }`),
    });
  for (const n of [51, 1000])
    out.push({
      name: `on-inline-fragment-${n}`,
      category: 'directive-overload',
      body: req(`{ product(sku: "x") { ... on Product ${many(n)} { sku } } }`),
    });
  for (const n of [51, 1000])
    out.push({ name: `on-operation-${n}`, category: 'directive-overload', body: req(`query Q ${many(n, '@q')} { product(sku: "x") { sku } }`) });
  for (const n of [51, 500])
    out.push({
      name: `with-variable-${n}`,
      category: 'directive-overload',
      body: req(`query Q($t: Boolean!) { product(sku: "x") { name ${many(n, '@include(if: $t)')} } }`, { t: true }),
    });
  for (const n of [6, 20]) {
    // few per field, many fields: only the document-wide count catches it
    out.push({
      name: `spread-over-fields-${n}x10`,
      category: 'directive-overload',
      body: req(
        `{ product(sku: "x") { ${range(n)
          .map((i) => `f${i}: name ${many(10)}`)
          .join(' ')} } }`,
      ),
    });
  }
  return out;
}

function hugeLists(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const skus = (n: number) =>
    range(n)
      .map((i) => `"SKU-${i}"`)
      .join(' ');
  for (const n of [101, 500, 1000, 4000, 10_000])
    out.push({ name: `products-skus-literal-${n}`, category: 'huge-list', body: req(`{ products(skus: [${skus(n)}]) { sku name } }`) });
  for (const n of [101, 10_000, 100_000])
    out.push({
      name: `products-skus-variable-${n}`,
      category: 'huge-list',
      body: req('query($s: [ID!]!) { products(skus: $s) { sku } }', { s: range(n).map((i) => `SKU-${i}`) }),
    });
  for (const first of [101, 1000, 100_000, 1_000_000_000, 2_147_483_647])
    out.push({
      name: `orders-first-${first}`,
      category: 'huge-list',
      body: req(`{ findCustomers(email: "a@b.pl") { orders(first: ${first}) { edges { node { id } } } } }`),
    });
  for (const first of [101, 100_000])
    out.push({ name: `find-customers-first-${first}`, category: 'huge-list', body: req(`{ findCustomers(name: "a", first: ${first}) { id } }`) });
  for (const first of [101, 100_000])
    out.push({
      name: `stores-first-variable-${first}`,
      category: 'huge-list',
      body: req('query($n: Int) { storesWithStock(skus: ["x"], city: "Poznań", first: $n) { store { code } } }', { n: first }),
    });
  for (const n of [101, 5000])
    out.push({
      name: `stock-location-codes-${n}`,
      category: 'huge-list',
      body: req('query($c: [ID!]) { product(sku: "x") { stock(locationCodes: $c) { onHand } } }', { c: range(n).map((i) => `L${i}`) }),
    });
  // each list is within the per-argument cap; together they multiply past the cost budget
  const nested = (first: number, customers: number) =>
    `{ findCustomers(name: "a", first: ${customers}) { orders(first: ${first}) { edges { node { lines { product { stock { location { address { city } } } marketplaceOffers { price { amount } } } } } } } } }`;
  for (const [first, customers] of [
    [100, 100],
    [100, 50],
    [50, 100],
    [100, 30],
  ] as const)
    out.push({ name: `nested-lists-${customers}x${first}`, category: 'huge-list', body: req(nested(first, customers)) });
  for (const copies of [3, 10]) {
    // several expensive root fields, each within budget, over it together
    out.push({
      name: `expensive-roots-${copies}`,
      category: 'huge-list',
      body: req(
        `{ ${range(copies)
          .map(
            (i) => `c${i}: findCustomers(name: "a", first: 100) { orders(first: 100) { edges { node { lines { product { stock { onHand } } } } } } }`,
          )
          .join(' ')} }`,
      ),
    });
  }
  out.push({
    name: 'negative-first-with-huge-skus',
    category: 'huge-list',
    body: req(`{ storesWithStock(skus: [${skus(200)}], city: "x", first: -1) { store { code } } }`),
  });
  return out;
}

function tokenFloods(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const n of [5001, 20_000, 200_000])
    out.push({ name: `name-tokens-${n}`, category: 'token-flood', body: req(`{ product(sku: "x") { ${'name '.repeat(n)}} }`) });
  for (const n of [10_000, 100_000])
    out.push({ name: `punctuation-${n}`, category: 'token-flood', body: req(`{ product(sku: "x") { name } } ${'!'.repeat(n)}`) });
  for (const n of [6000, 50_000])
    out.push({
      name: `string-list-${n}`,
      category: 'token-flood',
      body: req(`{ product(sku: "x") { stock(locationCodes: [${'"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" '.repeat(n)}]) { onHand } } }`),
    });
  // one string token larger than the body limit
  out.push({ name: 'long-string-3mb', category: 'token-flood', body: req(`{ product(sku: "${'x'.repeat(3_000_000)}") { name } }`) });
  out.push({ name: 'long-block-string-3mb', category: 'token-flood', body: req(`{ product(sku: """${'y'.repeat(3_000_000)}""") { name } }`) });
  for (const n of [100, 1000, 10_000, 100_000])
    out.push({
      name: `nested-list-argument-${n}`,
      category: 'token-flood',
      body: req(`{ products(skus: ${'['.repeat(n)}"x"${']'.repeat(n)}) { sku } }`),
    });
  for (const n of [100, 5000])
    out.push({
      name: `nested-object-argument-${n}`,
      category: 'token-flood',
      body: req(`{ storesWithStock(skus: ["x"], near: ${'{latitude: '.repeat(n)}1${'}'.repeat(n)}) { distanceKm } }`),
    });
  for (const n of [3000, 60_000])
    out.push({
      name: `variable-definitions-${n}`,
      category: 'token-flood',
      body: req(
        `query(${range(n)
          .map((i) => `$v${i}: Int`)
          .join(' ')}) { product(sku: "x") { name } }`,
      ),
    });
  out.push({ name: 'comment-flood-3mb', category: 'token-flood', body: req(`# ${'c'.repeat(3_000_000)}\n{ product(sku: "x") { name } }`) });
  out.push({ name: 'one-megabyte-of-tokens', category: 'token-flood', body: oneMegabyteOfTokens() });
  for (const n of [3000, 30_000])
    out.push({
      name: `argument-flood-${n}`,
      category: 'token-flood',
      body: req(
        `{ product(sku: "x", ${range(n)
          .map((i) => `a${i}: 1`)
          .join(' ')}) { name } }`,
      ),
    });
  return out;
}

/** About 1 MB of short tokens in one query (used by the test that the AST is never built for it). */
export function oneMegabyteOfTokens(): string {
  return req(`{ product(sku: "x") { ${'name '.repeat(200_000)}} }`);
}

function batching(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const op = (i: number) => ({ query: `query Q${i} { product(sku: "SKU-${i}") { name listPrice { gross { amount } } } }` });
  for (const n of [2, 3, 10, 11, 50, 100, 1000]) out.push({ name: `array-of-${n}`, category: 'batching', body: JSON.stringify(range(n).map(op)) });
  out.push({
    name: 'array-of-1000-logins',
    category: 'batching',
    body: JSON.stringify(range(1000).map((i) => ({ query: `{ customer(id: "${i}") { name phone email } }` }))),
  });
  out.push({ name: 'array-of-one', category: 'batching', body: JSON.stringify([op(0)]) });
  out.push({ name: 'empty-array', category: 'batching', body: '[]' });
  out.push({ name: 'array-of-nulls', category: 'batching', body: JSON.stringify(range(100).map(() => null)) });
  out.push({
    name: 'array-of-introspection',
    category: 'batching',
    body: JSON.stringify(range(20).map(() => ({ query: '{ __schema { types { name } } }' }))),
  });
  out.push({ name: 'nested-arrays', category: 'batching', body: JSON.stringify([[op(0)], [op(1)]]) });
  return out;
}

function introspection(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const probes: [string, string][] = [
    ['schema-types', '{ __schema { types { name } } }'],
    ['schema-query-type', '{ __schema { queryType { name fields { name } } } }'],
    ['schema-directives', '{ __schema { directives { name args { name } } } }'],
    ['type-customer', '{ __type(name: "Customer") { fields { name type { name } } } }'],
    ['type-query', '{ __type(name: "Query") { fields { name args { name } } } }'],
    ['type-and-data', '{ product(sku: "x") { name } __type(name: "Product") { name } }'],
    ['aliased-schema', '{ s: __schema { types { name } } }'],
    ['aliased-type', '{ t: __type(name: "Customer") { name } }'],
    ['named-operation', 'query IntrospectionQuery { __schema { queryType { name } } }'],
    ['in-named-fragment', '{ ...I } fragment I on Query { __schema { types { name } } }'],
    ['in-inline-fragment', '{ ... on Query { __type(name: "Customer") { name } } }'],
    ['nested-type-in-fragments', '{ ...A } fragment A on Query { ...B } fragment B on Query { __type(name: "Order") { possibleTypes { name } } }'],
    ['under-skip-false', '{ __schema @skip(if: false) { types { name } } }'],
    ['under-include-variable', 'query($i: Boolean = true) { __schema @include(if: $i) { types { name } } }'],
    ['circular-of-types', '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }'],
    ['of-type-chain', '{ __type(name: "Customer") { fields { type { ofType { ofType { ofType { name } } } } } } }'],
    ['enum-values', '{ __type(name: "OrderStatus") { enumValues { name } } }'],
    ['input-fields', '{ __type(name: "GeoPointInput") { inputFields { name } } }'],
    ['description-harvest', '{ __schema { types { name description fields { name description } } } }'],
    ['mutation-type', '{ __schema { mutationType { name } subscriptionType { name } } }'],
  ];
  for (const [name, query] of probes) out.push({ name, category: 'introspection', body: req(query) });
  for (const n of [2, 5, 10])
    out.push({
      name: `aliases-of-schema-${n}`,
      category: 'introspection',
      body: req(
        `{ ${range(n)
          .map((i) => `s${i}: __schema { queryType { name } }`)
          .join(' ')} }`,
      ),
    });
  out.push({ name: 'full-introspection-query', category: 'introspection', body: req(FULL_INTROSPECTION) });
  out.push({ name: 'typename-probe-with-type', category: 'introspection', body: req('{ __typename t: __type(name: "Customer") { name } }') });
  // __type is a root-only meta field: the nested place is still a probe, refused as unknown
  out.push({ name: 'type-below-root', category: 'introspection', body: req('{ product(sku: "x") { __type(name: "Customer") { name } } }') });
  out.push({ name: 'schema-below-root', category: 'introspection', body: req('{ product(sku: "x") { __schema { types { name } } } }') });
  // The standard queries tools send, deeper than the partner depth limit (issue 14): refused as introspection, not as depth.
  out.push({ name: 'graphql-js-default', category: 'introspection', body: req(getIntrospectionQuery()) });
  out.push({ name: 'graphql-js-every-option', category: 'introspection', body: req(getIntrospectionQuery(EVERY_INTROSPECTION_OPTION)) });
  out.push({
    name: 'graphiql',
    category: 'introspection',
    body: req(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }), undefined, 'IntrospectionQuery'),
  });
  // Whatever else would refuse them, introspection is what they are refused for.
  out.push({ name: 'of-type-depth-50', category: 'introspection', body: req(`{ __type(name: "Customer") { ${ofTypeChain(50)} } }`) });
  out.push({
    name: 'deep-data-beside-type',
    category: 'introspection',
    // 21 levels of data next to one harmless __type
    body: req(`{ ${customerCycle(5).slice(2, -2)} t: __type(name: "Customer") { name } }`),
  });
  out.push({
    name: 'aliased-schema-flood',
    category: 'introspection',
    body: req(
      `{ ${range(200)
        .map((i) => `s${i}: __schema { queryType { name } }`)
        .join(' ')} }`,
    ),
  });
  out.push({
    name: 'type-cycle-cost',
    category: 'introspection',
    body: req('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }'),
  });
  out.push({
    name: 'deep-fragment-chain',
    category: 'introspection',
    body: req(
      `{ ...F0 } ${range(30)
        .map((i) => `fragment F${i} on Query { ...F${i + 1} }`)
        .join(' ')} fragment F30 on Query { ... on Query { x: __schema { types { name } } } }`,
    ),
  });
  return out;
}

/** Every option graphql-js's getIntrospectionQuery knows (16.x), all on: the largest standard introspection query. */
export const EVERY_INTROSPECTION_OPTION = Object.freeze({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

/** `ofType { ofType { … name } }`, `levels` deep. */
function ofTypeChain(levels: number): string {
  return `${'ofType { '.repeat(levels)}name${' }'.repeat(levels)}`;
}

const FULL_INTROSPECTION = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue }
  type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function fieldSuggestions(): CorpusEntry[] {
  // misspellings of real fields, the clairvoyance technique: each "Did you mean" would reveal a real name
  const probes: [string, string][] = [
    ['Query', 'custmer(id: "1") { id }'],
    ['Query', 'customers { id }'],
    ['Query', 'findCustomer(email: "a@b.pl") { id }'],
    ['Query', 'prodcts(skus: ["x"]) { sku }'],
    ['Query', 'produc(sku: "x") { sku }'],
    ['Query', 'order(id: "1") { id }'],
    ['Query', 'orders { id }'],
    ['Query', 'location { code }'],
    ['Query', 'storeWithStock(skus: ["x"]) { distanceKm }'],
    ['Query', 'user { id }'],
    ['Query', 'users { id }'],
    ['Query', 'admin { id }'],
    ['Query', 'myself { id }'],
    ['Query', 'node(id: "1") { id }'],
    ['Query', '_entities(representations: []) { __typename }'],
    ['Query', '_service { sdl }'],
    ['Query', 'eshopOrders { id }'],
    ['Query', 'marketplaceOrderz(checkoutFormId: "1") { id }'],
    ['Mutation', 'createOrder { id }'],
    ['Mutation', 'deleteCustomer(id: "1") { id }'],
  ];
  const nested = [
    'product(sku: "x") { nam }',
    'product(sku: "x") { price }',
    'product(sku: "x") { listprice { gross { amount } } }',
    'product(sku: "x") { stock { availble } }',
    'product(sku: "x") { stock { location { adress { city } } } }',
    'product(sku: "x") { cost }',
    'product(sku: "x") { supplier { name } }',
    'product(sku: "x") { eshopListing { prce { amount } } }',
    'customer(id: "1") { pesel }',
    'customer(id: "1") { phonee }',
    'customer(id: "1") { password }',
    'customer(id: "1") { adress { city } }',
    'customer(id: "1") { loyalty { point } }',
    'customer(id: "1") { consents { email } }',
    'customer(id: "1") { orders { edge { node { id } } } }',
    'customer(id: "1") { orders { edges { nod { id } } } }',
    'orderByReference(reference: "1") { customr { id } }',
    'orderByReference(reference: "1") { line { sku } }',
    'orderByReference(reference: "1") { total { amount } }',
    'orderByReference(reference: "1") { billingEmail }',
    'locations { cod }',
    'locations { coordinates { lat } }',
    'storesWithStock(skus: ["x"], city: "a") { store { code } item { sku } }',
    'product(sku: "x") { name { first } }',
    'product(sku: "x") { listPrice }',
  ];
  const out: CorpusEntry[] = probes.map(([root, sel], i) => ({
    name: `${root.toLowerCase()}-${i}-${sel.split(/[ ({]/)[0]}`,
    category: 'field-suggestion' as const,
    body: req(root === 'Mutation' ? `mutation { ${sel} }` : `{ ${sel} }`),
  }));
  nested.forEach((sel, i) => out.push({ name: `nested-${i}`, category: 'field-suggestion', body: req(`{ ${sel} }`) }));
  out.push({ name: 'unknown-fragment-type', category: 'field-suggestion', body: req('{ product(sku: "x") { ... on Prodct { sku } } }') });
  out.push({ name: 'unknown-fragment', category: 'field-suggestion', body: req('{ product(sku: "x") { ...Missing } }') });
  out.push({ name: 'subscription', category: 'field-suggestion', body: req('subscription { product(sku: "x") { sku } }') });
  out.push({ name: 'type-definition', category: 'field-suggestion', body: req('type Hack { a: String } { product(sku: "x") { sku } }') });
  return out;
}

function fieldDuplication(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const n of [1001, 2000, 4000])
    out.push({ name: `name-x${n}`, category: 'field-duplication', body: req(`{ product(sku: "x") { ${'name '.repeat(n)}} }`) });
  for (const n of [10_000, 50_000])
    out.push({ name: `sku-x${n}`, category: 'field-duplication', body: req(`{ product(sku: "x") { ${'sku '.repeat(n)}} }`) });
  for (const n of [11, 500, 10_000])
    out.push({ name: `root-x${n}`, category: 'field-duplication', body: req(`{ ${'product(sku: "x") { sku } '.repeat(n)}}`) });
  for (const n of [1001, 2500])
    out.push({ name: `typename-x${n}`, category: 'field-duplication', body: req(`{ product(sku: "x") { ${'__typename '.repeat(n)}} }`) });
  for (const n of [400, 1000])
    out.push({
      name: `nested-object-x${n}`,
      category: 'field-duplication',
      body: req(`{ product(sku: "x") { ${'listPrice { gross { amount } } '.repeat(n)}} }`),
    });
  return out;
}

function breadthBombs(): CorpusEntry[] {
  // fragments each spreading the next one several times: a small text that expands exponentially
  const out: CorpusEntry[] = [];
  for (const [levels, fan] of [
    [10, 2],
    [20, 2],
    [30, 2],
    [8, 3],
    [6, 5],
    [12, 4],
    [40, 2],
    [5, 10],
  ] as const) {
    const defs = range(levels).map(
      (i) =>
        `fragment B${i} on Product { ${
          i + 1 < levels
            ? range(fan)
                .map(() => `...B${i + 1}`)
                .join(' ')
            : 'sku name'
        } }`,
    );
    out.push({ name: `fragment-fan-${fan}^${levels}`, category: 'breadth-bomb', body: req(`{ product(sku: "x") { ...B0 } } ${defs.join(' ')}`) });
  }
  for (const n of [100, 200]) {
    // the same with inline fragments, written out: every copy selects the whole product
    const copy = '... on Product { sku name ean active listPrice { net { amount currency } gross { amount currency } vatRate } }';
    out.push({
      name: `inline-copies-${n}`,
      category: 'breadth-bomb',
      body: req(
        `{ product(sku: "x") { ${range(n)
          .map(() => copy)
          .join(' ')} } }`,
      ),
    });
  }
  return out;
}

function operationNames(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const n of [2, 10, 100, 1000]) {
    const ops = range(n)
      .map((i) => `query Q${i} { product(sku: "SKU-${i}") { name } }`)
      .join(' ');
    out.push({ name: `${n}-operations-no-name`, category: 'operation-name', body: req(ops) });
  }
  out.push({ name: 'two-anonymous', category: 'operation-name', body: req('{ product(sku: "x") { sku } } { product(sku: "y") { sku } }') });
  out.push({ name: 'unknown-operation-name', category: 'operation-name', body: req('query A { product(sku: "x") { sku } }', {}, 'B') });
  out.push({
    name: 'name-of-fragment',
    category: 'operation-name',
    body: req('query A { product(sku: "x") { ...F } } fragment F on Product { sku }', {}, 'F'),
  });
  out.push({ name: 'fragments-only', category: 'operation-name', body: req('fragment F on Product { sku }') });
  out.push({
    name: 'operation-name-number',
    category: 'operation-name',
    body: JSON.stringify({ query: 'query A { product(sku: "x") { sku } }', operationName: 1 }),
  });
  out.push({
    name: 'operation-name-object',
    category: 'operation-name',
    body: JSON.stringify({ query: 'query A { product(sku: "x") { sku } }', operationName: { a: 1 } }),
  });
  for (const n of [2, 50])
    out.push({
      name: `duplicate-fragment-names-${n}`,
      category: 'operation-name',
      body: req(`{ product(sku: "x") { ...F } } ${'fragment F on Product { sku } '.repeat(n)}`),
    });
  return out;
}

function hugeVariables(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const q = 'query($email: String) { findCustomers(email: $email) { id } }';
  for (const n of [5001, 50_000, 150_000])
    out.push({ name: `unused-keys-${n}`, category: 'huge-variables', body: req(q, Object.fromEntries(range(n).map((i) => [`k${i}`, i]))) });
  out.push({ name: 'value-3mb', category: 'huge-variables', body: req(q, { email: 'a'.repeat(3_000_000) }) });
  out.push({ name: 'unused-array-100k', category: 'huge-variables', body: req(q, { email: 'a@b.pl', pad: range(100_000) }) });
  for (const n of [100, 1000, 50_000]) {
    const deep = `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    out.push({
      name: `deep-object-${n}`,
      category: 'huge-variables',
      body: `{"query":${JSON.stringify(q)},"variables":{"email":"a@b.pl","x":${deep}}}`,
    });
    out.push({
      name: `deep-array-${n}`,
      category: 'huge-variables',
      body: `{"query":${JSON.stringify(q)},"variables":{"email":"a@b.pl","x":${'['.repeat(n)}1${']'.repeat(n)}}}`,
    });
  }
  out.push({
    name: 'geo-point-deep',
    category: 'huge-variables',
    body: `{"query":${JSON.stringify('query($n: GeoPointInput) { storesWithStock(skus: ["x"], near: $n) { distanceKm } }')},"variables":{"n":{"latitude":1,"longitude":${'['.repeat(500)}1${']'.repeat(500)}}}}`,
  });
  out.push({ name: 'variables-array', category: 'huge-variables', body: JSON.stringify({ query: q, variables: range(10) }) });
  out.push({ name: 'variables-string', category: 'huge-variables', body: JSON.stringify({ query: q, variables: 'x'.repeat(1000) }) });
  return out;
}

function nonJsonBodies(): CorpusEntry[] {
  const bodies: [string, string][] = [
    ['empty', ''],
    ['whitespace', '   \n  '],
    ['raw-graphql', '{ product(sku: "x") { name } }'],
    ['form-urlencoded', 'query=%7B%20product(sku%3A%20%22x%22)%20%7B%20name%20%7D%20%7D'],
    ['truncated-json', '{"query": "{ product(sku: \\"x\\") { name } }"'],
    ['json-null', 'null'],
    ['json-number', '42'],
    ['json-string', '"{ product(sku: \\"x\\") { name } }"'],
    ['json-true', 'true'],
    ['xml', '<?xml version="1.0"?><query>{ product(sku: "x") { name } }</query>'],
    ['query-number', '{"query": 1}'],
    ['query-object', '{"query": {"kind": "Document", "definitions": []}}'],
    ['query-array', '{"query": ["{ product(sku: \\"x\\") { name } }"]}'],
    ['query-missing', '{"variables": {}}'],
    ['query-empty', '{"query": ""}'],
    ['query-syntax-error', '{"query": "{ product(sku: "}'],
    ['query-unterminated-string', '{"query": "{ product(sku: \\"x) { name } }"}'],
    ['query-bad-character', '{"query": "{ product(sku: \\"x\\") { name \\u0007 } }"}'],
    ['nul-bytes', `{"query": "{ product(sku: \\"x\\") { name } }"}${'\u0000'.repeat(10)}`],
    ['json-with-trailing-comma', '{"query": "{ product(sku: \\"x\\") { name } }",}'],
    ['multipart', '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ product(sku: \\"x\\") { name } }"}\r\n--b--'],
    ['bom-prefixed-garbage', '\uFEFF\uFEFF{"query": "{ product }"'],
    ['binary', Buffer.from(range(256)).toString('latin1')],
    ['big-garbage-3mb', 'x'.repeat(3_000_000)],
  ];
  return bodies.map(([name, body]) => ({ name, category: 'non-json-body' as const, body }));
}

/** Every entry, in a fixed order. Builds ~60 MB of strings: call once per test file, not per test. */
export function buildMaliciousCorpus(): CorpusEntry[] {
  return [
    ...depthBombs(),
    ...aliasBombs(),
    ...circularFragments(),
    ...directiveOverload(),
    ...hugeLists(),
    ...tokenFloods(),
    ...batching(),
    ...introspection(),
    ...fieldSuggestions(),
    ...fieldDuplication(),
    ...breadthBombs(),
    ...operationNames(),
    ...hugeVariables(),
    ...nonJsonBodies(),
  ];
}
