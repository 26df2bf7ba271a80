import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { SHOP_SDL, composeGraph } from './fixture-supergraph.ts';
import { checkScopeCoverage } from './scope-coverage.ts';
import { readScopeMap } from './scope-map.ts';

describe('checkScopeCoverage', () => {
  it('the fixture graph is fully covered', () => {
    const { schema, map } = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
    expect(checkScopeCoverage(schema, map)).toEqual([]);
  });

  it('lists reachable fields without a declaration and root fields that need no scope, not unreachable types', () => {
    const sdl = SHOP_SDL.replace(
      'type Query {',
      `type Query {
  extra: Extra @scope(requires: ["read:extra"])
  open: String @scope(requires: [])
  undeclared: Int`,
    ).concat(`
type Extra @key(fields: "id") {
  id: ID! @scope(requires: ["read:extra"])
  forgotten: String
  next: Extra @scope(requires: ["read:extra"])
}
type Gizmo implements Thing {
  id: ID! @scope(requires: ["read:gizmo"])
  label: String
  kind: String
}
type Orphan @key(fields: "x") { x: ID! }
`);
    const { schema, map } = composeGraph([{ name: 'shop', sdl }]);
    // Gizmo is reachable only as an implementation of Thing; Orphan is reachable from nowhere.
    expect(checkScopeCoverage(schema, map)).toEqual(['Extra.forgotten', 'Gizmo.kind', 'Gizmo.label', 'Query.open', 'Query.undeclared']);
  });

  it('the committed supergraph is fully covered', () => {
    const sdl = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');
    expect(checkScopeCoverage(Supergraph.build(sdl).apiSchema().toGraphQLJSSchema(), readScopeMap(sdl))).toEqual([]);
  });
});
