import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allowFrozenEntities } from './read-only-entities.ts';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "sku") { sku: ID! name: String! tags: [String!]! }
  type Query { product(sku: ID!): Product }
`);

// what the memory cache hands out: one deep-frozen object for every read
const cached = Object.freeze({ sku: 'A-1', name: 'Kubek', tags: Object.freeze(['kuchnia']) });

function schemaResolvingTo(resolve: (reference: { sku: string }) => unknown) {
  return buildSubgraphSchema({ typeDefs, resolvers: { Product: { __resolveReference: resolve } } as never });
}

const ENTITIES = `query { _entities(representations: [{ __typename: "Product", sku: "A-1" }]) { ... on Product { sku name tags } } }`;

describe('allowFrozenEntities', () => {
  it("is needed: @apollo/subgraph's _entities writes __typename on the resolved value, which fails on a frozen one", async () => {
    const result = await graphql({ schema: schemaResolvingTo(() => cached), source: ENTITIES });
    expect(result.errors?.[0]?.message).toMatch(/not extensible/);
  });

  it('resolves an entity to a frozen value (returned or awaited) through a shallow copy, leaving the value as it was', async () => {
    for (const resolve of [() => cached, async () => cached]) {
      const result = await graphql({ schema: allowFrozenEntities(schemaResolvingTo(resolve)), source: ENTITIES });
      expect(result).toEqual({ data: { _entities: [{ sku: 'A-1', name: 'Kubek', tags: ['kuchnia'] }] } });
    }
    expect(Object.getOwnPropertyNames(cached)).toEqual(['sku', 'name', 'tags']);
  });

  it('passes anything that is not frozen on untouched (the same object), and null as null', async () => {
    const fresh = { sku: 'A-1', name: 'Kubek', tags: [] };
    const seen: unknown[] = [];
    const schema = allowFrozenEntities(
      buildSubgraphSchema({
        typeDefs,
        resolvers: { Product: { __resolveReference: () => fresh, name: (product: unknown) => (seen.push(product), 'Kubek') } } as never,
      }),
    );
    await graphql({ schema, source: ENTITIES });
    expect(seen).toEqual([fresh]);
    expect(seen[0]).toBe(fresh);
    const none = await graphql({ schema: allowFrozenEntities(schemaResolvingTo(() => null)), source: ENTITIES });
    expect(none).toEqual({ data: { _entities: [null] } });
  });
});
