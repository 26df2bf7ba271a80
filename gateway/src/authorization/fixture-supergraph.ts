/**
 * A small hand-written graph for the authorization tests, shaped after Apollo Router's `@requiresScopes` test schema:
 * an entity with a protected field, a person type with PII, an interface whose implementations differ, a union, a
 * scalar list and a mutation. Composed for real, so the tests read `@scope` exactly as the gateway will.
 */
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { readScopeMap } from './scope-map.ts';
import type { ScopeMap } from './scope-map.ts';

export const scopeLink = (directive = '@scope', importEntry = '"@scope"') => `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective"])
  @link(url: "https://omnigraph.dev/scope/v0.1", import: [${importEntry}])
  @composeDirective(name: "${directive}")

directive ${directive}(requires: [String!]!) on OBJECT | INTERFACE | FIELD_DEFINITION
`;

export const SHOP_SDL = `${scopeLink()}
type Query {
  topProducts: [Product!]! @scope(requires: ["read:products"])
  product(upc: ID!): Product @scope(requires: ["read:products"])
  me: User @scope(requires: ["read:user"])
  things: [Thing!]! @scope(requires: ["read:things"])
  search(term: String): [SearchResult!]! @scope(requires: ["read:search"])
  tags: [String!]! @scope(requires: ["read:tags"])
}

type Mutation {
  rename(id: ID!, name: String!): User @scope(requires: ["write:user"])
}

type Product @key(fields: "upc") @scope(requires: ["read:products"]) {
  upc: ID!
  name: String
  price: Money!
  internalCost: Money @scope(requires: ["read:cost"])
  reviewer: User @scope(requires: ["read:user"])
}

type Money @shareable @scope(requires: []) {
  amount: Int!
  currency: String!
}

type User @key(fields: "id") @scope(requires: ["read:user"]) {
  id: ID!
  name: String @scope(requires: ["read:pii"])
  email: String @scope(requires: ["read:pii"])
  favourite: Product
}

"No scope of its own: what a Thing needs comes from its implementations (and its own field declarations)."
interface Thing @scope(requires: []) {
  id: ID!
  label: String
  kind: String @scope(requires: ["read:kind"])
}

type Gadget implements Thing @scope(requires: ["read:gadgets"]) {
  id: ID!
  label: String
  kind: String
  voltage: Int
}

type Widget implements Thing @scope(requires: []) {
  id: ID!
  label: String @scope(requires: ["read:widget-label"])
  kind: String
  colour: String
}

union SearchResult = Product | User
`;

/**
 * A second subgraph whose fields declare no scope, as a supergraph composed without the coverage check (or by a
 * future composition that drops the directive) would serve them: `Query.ledger`, `Query.auditLog` and
 * `Ledger.total` have no `@scope` on the field nor on their type. The gateway's fallback must deny them to every
 * credential (`UNDECLARED_SCOPE`); `Query.openLedger` and `Ledger.currency` are declared, so an operation can be
 * partly allowed. The test of this fixture is the only one that exercises the fallback: every real field declares a scope.
 */
export const UNDECLARED_SDL = `${scopeLink()}
type Query {
  ledger: Ledger
  auditLog: [String!]!
  openLedger: Ledger @scope(requires: ["read:products"])
}

type Ledger {
  total: Int
  currency: String @scope(requires: [])
}
`;

export interface ComposedGraph {
  supergraphSdl: string;
  schema: GraphQLSchema;
  map: ScopeMap;
}

export function composeGraph(subgraphs: readonly { name: string; sdl: string }[]): ComposedGraph {
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, url: `http://${name}.test/graphql`, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const supergraphSdl = result.supergraphSdl;
  return { supergraphSdl, schema: Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema(), map: readScopeMap(supergraphSdl) };
}
