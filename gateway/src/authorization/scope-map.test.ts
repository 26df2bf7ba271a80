import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SHOP_SDL, composeGraph, scopeLink } from './fixture-supergraph.ts';

describe('readScopeMap', () => {
  it('reads type- and field-level declarations from the supergraph, [] distinct from undeclared', () => {
    const { map } = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
    expect(map.typeScopes('Product')).toEqual(['read:products']);
    expect(map.fieldScopes('Product', 'internalCost')).toEqual(['read:cost']);
    expect(map.fieldScopes('Product', 'name')).toBeUndefined();
    expect(map.typeScopes('Money')).toEqual([]);
    expect(map.typeScopes('Query')).toBeUndefined();
    expect(map.fieldScopes('Query', 'me')).toEqual(['read:user']);
    expect(map.typeScopes('Thing')).toEqual([]);
    expect(map.fieldScopes('Thing', 'kind')).toEqual(['read:kind']);
  });

  it('must be read from the supergraph: the API schema the gateway serves has no trace of @scope', () => {
    const { schema } = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
    expect(printSchema(schema)).not.toMatch(/@scope|requires:/);
  });

  it('follows a renamed import of the directive', () => {
    const sdl = SHOP_SDL.replace(scopeLink(), scopeLink('@authz', '{ name: "@scope", as: "@authz" }')).replaceAll('@scope(', '@authz(');
    const { supergraphSdl, map } = composeGraph([{ name: 'shop', sdl }]);
    expect(supergraphSdl).toContain('@authz(requires: ["read:cost"])');
    expect(map.fieldScopes('Product', 'internalCost')).toEqual(['read:cost']);
    expect(map.typeScopes('User')).toEqual(['read:user']);
  });

  it('declares nothing when the supergraph does not link our spec (everything is then denied)', () => {
    const { map } = composeGraph([{ name: 'plain', sdl: 'type Query { hello: String }' }]);
    expect(map.fieldScopes('Query', 'hello')).toBeUndefined();
    expect(map.typeScopes('Query')).toBeUndefined();
  });

  it('merges repeated scopes into one sorted list', () => {
    const sdl = `${scopeLink()}\ntype Query { a: String @scope(requires: ["b:read", "a:read", "b:read"]) }`;
    expect(composeGraph([{ name: 's', sdl }]).map.fieldScopes('Query', 'a')).toEqual(['a:read', 'b:read']);
  });
});
