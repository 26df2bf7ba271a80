import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scopeLink } from './fixture-supergraph.ts';
import { checkScopeConsistency } from './scope-consistency.ts';

const subgraph = (name: string, body: string) => ({ name, typeDefs: parse(`${scopeLink()}\n${body}`) });
const money = (annotation: string) => `type Money @shareable ${annotation} { amount: Int! }`;

describe('checkScopeConsistency', () => {
  it('accepts a shared type annotated the same in every subgraph', () => {
    expect(
      checkScopeConsistency([
        subgraph('a', `type Query { a: Money @scope(requires: ["x:read"]) }\n${money('@scope(requires: [])')}`),
        subgraph('b', `type Query { b: Money @scope(requires: ["x:read"]) }\n${money('@scope(requires: [])')}`),
      ]),
    ).toEqual([]);
  });

  it('reports a shared type annotated in one subgraph only, or differently', () => {
    const a = subgraph('a', `type Query { a: Money @scope(requires: ["x:read"]) }\n${money('@scope(requires: [])')}`);
    expect(checkScopeConsistency([a, subgraph('b', `type Query { b: Int @scope(requires: ["x:read"]) }\n${money('')}`)])).toEqual([
      'Money: @scope differs between subgraphs (a: []; b: none)',
    ]);
    expect(
      checkScopeConsistency([a, subgraph('b', `type Query { b: Int @scope(requires: ["x:read"]) }\n${money('@scope(requires: ["y:read"])')}`)]),
    ).toEqual(['Money: @scope differs between subgraphs (a: []; b: [y:read])']);
  });

  it('reports a shared field whose declarations differ', () => {
    const shared = (scope: string) => `type Money @shareable @scope(requires: []) { amount: Int! ${scope} }`;
    expect(
      checkScopeConsistency([
        subgraph('a', `type Query { a: Money @scope(requires: ["x:read"]) }\n${shared('@scope(requires: ["pii"])')}`),
        subgraph('b', `type Query { b: Money @scope(requires: ["x:read"]) }\n${shared('')}`),
      ]),
    ).toEqual(['Money.amount: @scope differs between subgraphs (a: [pii]; b: none)']);
  });

  it('reports @scope on an @external field (the owner states the requirement)', () => {
    const owner = subgraph(
      'owner',
      'type Query { u: User @scope(requires: ["u"]) }\ntype User @key(fields: "id") @scope(requires: ["u"]) { id: ID! email: String @scope(requires: ["pii"]) }',
    );
    const other = subgraph(
      'other',
      'type Query { v: Int @scope(requires: ["u"]) }\ntype User @key(fields: "id") @scope(requires: ["u"]) { id: ID! email: String @external @scope(requires: ["pii"]) greeting: String @requires(fields: "email") @scope(requires: ["pii"]) }',
    );
    expect(checkScopeConsistency([owner, other])).toEqual(['User.email: @scope on an @external field in other']);
  });

  it('the four real subgraphs agree', () => {
    const names = ['erp', 'eshop', 'crm', 'marketplace'];
    const subgraphs = names.map((name) => ({
      name,
      typeDefs: parse(readFileSync(new URL(`../../../schema/${name}.graphql`, import.meta.url), 'utf8')),
    }));
    expect(checkScopeConsistency(subgraphs)).toEqual([]);
  });
});
