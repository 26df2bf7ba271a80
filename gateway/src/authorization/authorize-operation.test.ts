import { parse, print, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZATION_BOUNDS, authorizeOperation } from './authorize-operation.ts';
import type { AuthorizeOperationResult, RemovedField } from './authorize-operation.ts';
import { SHOP_SDL, composeGraph } from './fixture-supergraph.ts';
import type { ComposedGraph } from './fixture-supergraph.ts';

let graph: ComposedGraph;
beforeAll(() => {
  graph = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
});

function authorize(query: string, scopes: string[], operationName?: string): AuthorizeOperationResult {
  const document = parse(query);
  expect(validate(graph.schema, document)).toEqual([]);
  const result = authorizeOperation({ schema: graph.schema, map: graph.map, document, operationName, scopes: new Set(scopes) });
  // Whatever is left must still be an operation the gateway can plan and execute.
  if (result.ok) expect(validate(graph.schema, result.document).map((e) => e.message)).toEqual([]);
  return result;
}

/** The authorized document, printed; fails the test when nothing was left. */
function kept(result: AuthorizeOperationResult): string {
  if (!result.ok) throw new Error(`expected something authorized, got ok:false removing ${JSON.stringify(result.removed)}`);
  return print(result.document);
}

const same = (query: string) => print(parse(query));
const removed = (path: string[], coordinate: string, missing: string[]): RemovedField => ({ path, coordinate, missing });

describe('authorizeOperation on the fixture graph (Router authorization shapes)', () => {
  it('basic filter: drops the protected field, keeps the rest', () => {
    const result = authorize('{ topProducts { upc name internalCost { amount } } }', ['read:products']);
    expect(kept(result)).toBe(same('{ topProducts { upc name } }'));
    expect(result.removed).toEqual([removed(['topProducts', 'internalCost'], 'Product.internalCost', ['read:cost'])]);
  });

  it('keeps everything when every scope is granted', () => {
    const query = '{ topProducts { upc name internalCost { amount } } }';
    const result = authorize(query, ['read:products', 'read:cost']);
    expect(kept(result)).toBe(same(query));
    expect(result.removed).toEqual([]);
  });

  it('field alias: the removed path uses the alias (the response key)', () => {
    const result = authorize('{ p: product(upc: "1") { n: name cost: internalCost { amount } } }', ['read:products']);
    expect(kept(result)).toBe(same('{ p: product(upc: "1") { n: name } }'));
    expect(result.removed).toEqual([removed(['p', 'cost'], 'Product.internalCost', ['read:cost'])]);
  });

  it('scalar list at the root', () => {
    const result = authorize('{ tags topProducts { upc } }', ['read:products']);
    expect(kept(result)).toBe(same('{ topProducts { upc } }'));
    expect(result.removed).toEqual([removed(['tags'], 'Query.tags', ['read:tags'])]);
  });

  it('nested object: the type-level scope of the nested type applies to its fields', () => {
    const query = '{ topProducts { upc reviewer { id email favourite { upc } } } }';
    const withUser = authorize(query, ['read:products', 'read:user']);
    expect(kept(withUser)).toBe(same('{ topProducts { upc reviewer { id favourite { upc } } } }'));
    expect(withUser.removed).toEqual([removed(['topProducts', 'reviewer', 'email'], 'User.email', ['read:pii'])]);

    const withoutUser = authorize(query, ['read:products']);
    expect(kept(withoutUser)).toBe(same('{ topProducts { upc } }'));
    expect(withoutUser.removed).toEqual([removed(['topProducts', 'reviewer'], 'Product.reviewer', ['read:user'])]);
  });

  it('a path to a person through a permitted type stays closed (Product → reviewer → email)', () => {
    const result = authorize('{ me { favourite { reviewer { name } } } }', ['read:user', 'read:products']);
    expect(result).toEqual({ ok: false, removed: [removed(['me', 'favourite', 'reviewer', 'name'], 'User.name', ['read:pii'])] });
  });

  it('interface inline fragment: each fragment is checked with its concrete type', () => {
    const result = authorize('{ things { __typename ... on Gadget { voltage } ... on Widget { colour } } }', ['read:things']);
    expect(kept(result)).toBe(same('{ things { __typename ... on Widget { colour } } }'));
    expect(result.removed).toEqual([removed(['things', 'voltage'], 'Gadget.voltage', ['read:gadgets'])]);
  });

  it('interface named fragment: inlined on the same type, then filtered', () => {
    const result = authorize('query { things { ...G ...W } } fragment G on Gadget { id voltage } fragment W on Widget { id colour }', [
      'read:things',
    ]);
    expect(kept(result)).toBe(same('{ things { ... on Widget { id colour } } }'));
    expect(result.removed).toEqual([
      removed(['things', 'id'], 'Gadget.id', ['read:gadgets']),
      removed(['things', 'voltage'], 'Gadget.voltage', ['read:gadgets']),
    ]);
  });

  it('interface field: needs what EVERY implementation needs (runtime type unknown ⇒ strictest)', () => {
    const query = '{ things { id label } }';
    const partial = authorize(query, ['read:things', 'read:gadgets']);
    expect(kept(partial)).toBe(same('{ things { id } }'));
    expect(partial.removed).toEqual([removed(['things', 'label'], 'Thing.label', ['read:widget-label'])]);
    expect(kept(authorize(query, ['read:things', 'read:gadgets', 'read:widget-label']))).toBe(same(query));
    // On the concrete type only that type's rule applies.
    expect(kept(authorize('{ things { ... on Widget { id } } }', ['read:things']))).toBe(same('{ things { ... on Widget { id } } }'));
  });

  it("an interface field's declaration also binds the implementations (no bypass through a concrete fragment)", () => {
    const result = authorize('{ things { ... on Widget { kind } } }', ['read:things']);
    expect(result).toEqual({ ok: false, removed: [removed(['things', 'kind'], 'Widget.kind', ['read:kind'])] });
  });

  it('__typename on a protected type stays; the field reaching the type is still checked', () => {
    expect(kept(authorize('{ me { __typename name } }', ['read:user']))).toBe(same('{ me { __typename } }'));
    const result = authorize('{ __typename product(upc: "1") { __typename } }', []);
    expect(kept(result)).toBe(same('{ __typename }'));
    expect(result.removed).toEqual([removed(['product'], 'Query.product', ['read:products'])]);
  });

  it('union: members are checked with their own rules', () => {
    const result = authorize('{ search(term: "a") { __typename ... on Product { upc } ... on User { id name } } }', ['read:search', 'read:products']);
    expect(kept(result)).toBe(same('{ search(term: "a") { __typename ... on Product { upc } } }'));
    expect(result.removed).toEqual([
      removed(['search', 'id'], 'User.id', ['read:user']),
      removed(['search', 'name'], 'User.name', ['read:pii', 'read:user']),
    ]);
  });

  it('introspection mixed with protected fields: introspection stays, protected fields go', () => {
    const result = authorize('{ __schema { queryType { name } } __type(name: "User") { name } me { id } }', []);
    expect(kept(result)).toBe(same('{ __schema { queryType { name } } __type(name: "User") { name } }'));
    expect(result.removed).toEqual([removed(['me'], 'Query.me', ['read:user'])]);
  });

  it('non-null list whose items lose every field: the list field goes, reported once for the field below it', () => {
    const result = authorize('{ topProducts { internalCost { amount } } tags }', ['read:products', 'read:tags']);
    expect(kept(result)).toBe(same('{ tags }'));
    expect(result.removed).toEqual([removed(['topProducts', 'internalCost'], 'Product.internalCost', ['read:cost'])]);
  });

  it('named fragment nested in a protected type', () => {
    const result = authorize('query { topProducts { ...P } } fragment P on Product { upc reviewer { ...U } } fragment U on User { id email }', [
      'read:products',
    ]);
    expect(kept(result)).toBe(same('{ topProducts { ... on Product { upc } } }'));
    expect(result.removed).toEqual([removed(['topProducts', 'reviewer'], 'Product.reviewer', ['read:user'])]);
  });

  it('everything unauthorized → ok:false with every removal', () => {
    expect(authorize('{ me { id } tags }', ['read:products'])).toEqual({
      ok: false,
      removed: [removed(['me'], 'Query.me', ['read:user']), removed(['tags'], 'Query.tags', ['read:tags'])],
    });
  });

  it('a mutation is filtered by the same rules', () => {
    const query = 'mutation R($id: ID!, $name: String!) { rename(id: $id, name: $name) { id } }';
    expect(authorize(query, ['read:user'])).toEqual({ ok: false, removed: [removed(['rename'], 'Mutation.rename', ['write:user'])] });
    expect(kept(authorize(query, ['write:user', 'read:user']))).toBe(same(query));
  });

  it('variables used only in removed fields (arguments or @include) are dropped, the others kept', () => {
    const result = authorize(
      'query Q($upc: ID!, $term: String, $show: Boolean!, $skip: Boolean = false) { product(upc: $upc) @skip(if: $skip) { upc } search(term: $term) @include(if: $show) { __typename } }',
      ['read:products'],
    );
    expect(kept(result)).toBe(same('query Q($upc: ID!, $skip: Boolean = false) { product(upc: $upc) @skip(if: $skip) { upc } }'));
    expect(result.removed).toEqual([removed(['search'], 'Query.search', ['read:search'])]);
  });

  it('skip/include directives on kept fields and fragments stay as written', () => {
    const query = 'query ($a: Boolean!) { topProducts @include(if: $a) { upc ... on Product @skip(if: true) { name } } }';
    expect(kept(authorize(query, ['read:products']))).toBe(same(query));
    const spread = authorize('query ($a: Boolean!) { topProducts { ...P @include(if: $a) } } fragment P on Product { name }', ['read:products']);
    expect(kept(spread)).toBe(same('query ($a: Boolean!) { topProducts { ... on Product @include(if: $a) { name } } }'));
  });

  it('keeps only the selected operation and no fragment definitions', () => {
    const document = 'query A { tags } query B { topProducts { ...P } } fragment P on Product { upc }';
    const result = authorize(document, ['read:products', 'read:tags'], 'B');
    expect(kept(result)).toBe(same('query B { topProducts { ... on Product { upc } } }'));
    expect(() => authorize(document, ['read:tags'])).toThrow(/operationName is required/);
    expect(() => authorize(document, ['read:tags'], 'C')).toThrow(/unknown operation "C"/);
  });

  it('the same field asked twice under one key is reported once', () => {
    const result = authorize('{ topProducts { internalCost { amount } upc internalCost { currency } } }', ['read:products']);
    expect(kept(result)).toBe(same('{ topProducts { upc } }'));
    expect(result.removed).toHaveLength(1);
  });

  it('refuses (throws) beyond its bounds instead of recursing without limit', () => {
    const nested = `{ ${'... on Query { '.repeat(AUTHORIZATION_BOUNDS.maxNesting + 1)}tags${' }'.repeat(AUTHORIZATION_BOUNDS.maxNesting + 1)} }`;
    expect(() => authorize(nested, ['read:tags'])).toThrow(RangeError);
    const justInside = `{ ${'... on Query { '.repeat(AUTHORIZATION_BOUNDS.maxNesting)}tags${' }'.repeat(AUTHORIZATION_BOUNDS.maxNesting)} }`;
    expect(authorize(justInside, ['read:tags']).ok).toBe(true);
  });
});
