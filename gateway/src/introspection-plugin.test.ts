import { getIntrospectionQuery, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { introspectionShape } from './introspection-plugin.ts';

const withOperation =
  <T>(check: (document: DocumentNode, operation: OperationDefinitionNode) => T) =>
  (query: string, operationName?: string) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (operationName === undefined || d.name?.value === operationName),
    )!;
    return check(document, operation);
  };
const only = withOperation((document, operation) => introspectionShape(document, operation).onlyMeta);
const oneOf = withOperation((document, operation) => introspectionShape(document, operation).asksIsOneOf);

describe('introspectionShape: onlyMeta', () => {
  it('is true for the standard introspection queries and introspection reached through fragments', () => {
    expect(only(getIntrospectionQuery({ oneOf: true, schemaDescription: true }))).toBe(true);
    expect(only('{ __typename t: __type(name: "Customer") { name } }')).toBe(true);
    expect(only('{ ...A } fragment A on Query { ... on Query { __schema { queryType { name } } } }')).toBe(true);
  });

  it('is false when data is asked too, for __typename alone, for mutations, and for an unknown fragment', () => {
    expect(only('{ __schema { queryType { name } } product(sku: "x") { sku } }')).toBe(false);
    expect(only('{ ...A } fragment A on Query { product(sku: "x") { sku } __type(name: "X") { name } }')).toBe(false);
    expect(only('{ __typename }')).toBe(false);
    expect(only('mutation { __typename }')).toBe(false);
    expect(only('{ ...Missing }')).toBe(false);
    expect(only('query A { product(sku: "x") { sku } } query B { __schema { queryType { name } } }', 'A')).toBe(false);
    expect(only('query A { product(sku: "x") { sku } } query B { __schema { queryType { name } } }', 'B')).toBe(true);
  });
});

describe('introspectionShape: asksIsOneOf', () => {
  it('finds isOneOf under __type or __schema, directly or through fragments', () => {
    expect(oneOf('{ __type(name: "X") { isOneOf } product(sku: "x") { sku } }')).toBe(true);
    expect(oneOf('{ product(sku: "x") { sku } ...A } fragment A on Query { __schema { types { ...T } } } fragment T on __Type { isOneOf }')).toBe(
      true,
    );
    expect(oneOf(getIntrospectionQuery({ oneOf: true }))).toBe(true);
  });

  it('ignores data fields named isOneOf and introspection without it', () => {
    expect(oneOf('{ product(sku: "x") { isOneOf } }')).toBe(false);
    expect(oneOf('{ __type(name: "X") { name } product(sku: "x") { sku } }')).toBe(false);
    expect(oneOf('{ ...A } fragment A on Query { product(sku: "x") { ...B } } fragment B on Product { isOneOf }')).toBe(false);
  });
});
