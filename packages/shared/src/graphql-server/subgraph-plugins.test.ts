import { describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { leanSubgraphPlugins } from './subgraph-plugins.ts';

const typeDefs = parse(/* GraphQL */ `
  type Query {
    product: Product
  }
  type Product @key(fields: "sku") {
    sku: ID!
  }
`);
const product = () => ({ sku: 'KUB-001' });

async function run(plugins: ConstructorParameters<typeof ApolloServer>[0]['plugins']) {
  const schema: GraphQLSchema = buildSubgraphSchema({ typeDefs, resolvers: { Query: { product } } });
  const field = schema.getQueryType()!.getFields()['product']!;
  const resolverBefore: GraphQLFieldResolver<unknown, unknown> | undefined = field.resolve;
  const server = new ApolloServer({ schema, ...(plugins === undefined ? {} : { plugins }) });
  await server.start();
  const response = await server.executeOperation({ query: '{ product { sku } }' });
  await server.stop();
  return { response, resolverUnwrapped: field.resolve === resolverBefore };
}

describe('leanSubgraphPlugins', () => {
  it('leaves every resolver as written: no per-field hook and no cache-control header', async () => {
    const { response, resolverUnwrapped } = await run(leanSubgraphPlugins());
    expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({ product: { sku: 'KUB-001' } });
    expect(resolverUnwrapped).toBe(true);
    expect(response.http.headers.get('cache-control')).toBeUndefined();
  });

  it("is what stops Apollo Server's defaults from wrapping each resolver (the control)", async () => {
    const { response, resolverUnwrapped } = await run(undefined);
    expect(resolverUnwrapped).toBe(false);
    expect(response.http.headers.get('cache-control')).toBe('no-store');
  });
});
