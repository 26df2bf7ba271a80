import { Supergraph } from '@apollo/federation-internals';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeFieldScopes, describeScopes } from './describe-scopes.ts';
import { fieldRequirement } from './field-requirement.ts';
import { SHOP_SDL, UNDECLARED_SDL, composeGraph } from './fixture-supergraph.ts';
import { readScopeMap } from './scope-map.ts';

const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const descriptionOf = (schema: GraphQLSchema, type: string, field: string): string | undefined => {
  const named = schema.getType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) throw new Error(`${type} has no fields`);
  return named.getFields()[field]?.description ?? undefined;
};

describe('describeScopes', () => {
  it('appends one line naming the scopes, after a blank line when there is a description', () => {
    expect(describeScopes(undefined, ['customers:read'])).toBe('Requires scopes: customers:read.');
    expect(describeScopes('The name.', ['customers:pii', 'customers:read'])).toBe('The name.\n\nRequires scopes: customers:pii, customers:read.');
  });

  it('replaces an earlier line instead of adding a second one', () => {
    const once = describeScopes('The name.', ['a:read']);
    expect(describeScopes(once, ['a:read', 'b:read'])).toBe('The name.\n\nRequires scopes: a:read, b:read.');
    expect(describeScopes(once, [])).toBe('The name.');
    expect(describeScopes('Requires scopes: a:read.', [])).toBeUndefined();
  });

  it('says a field nobody declared is denied, rather than naming the scope no credential can hold', () => {
    expect(describeScopes(undefined, ['!undeclared'])).toBe('Denied to every caller: no @scope is declared for it.');
  });
});

describe('describeFieldScopes', () => {
  const { supergraphSdl } = composeGraph([{ name: 'shop', sdl: SHOP_SDL }]);
  const described = describeFieldScopes(supergraphSdl);
  const api = apiSchemaOf(described);

  it("writes each field's effective requirement: the type's scopes, the field's, and (for interfaces) every implementation's", () => {
    expect(descriptionOf(api, 'Query', 'me')).toBe('Requires scopes: read:user.');
    expect(descriptionOf(api, 'Product', 'name')).toBe('Requires scopes: read:products.');
    expect(descriptionOf(api, 'Product', 'internalCost')).toBe('Requires scopes: read:cost, read:products.');
    expect(descriptionOf(api, 'User', 'email')).toBe('Requires scopes: read:pii, read:user.');
    // Thing.label: Widget's label needs read:widget-label, Gadget's needs read:gadgets; the runtime type is unknown
    expect(descriptionOf(api, 'Thing', 'label')).toBe('Requires scopes: read:gadgets, read:widget-label.');
    // a value type's field needs nothing of its own: no line
    expect(descriptionOf(api, 'Money', 'amount')).toBeUndefined();
  });

  it('agrees with the requirement the edge enforces for every field of the API schema', () => {
    const requirement = fieldRequirement(api, readScopeMap(supergraphSdl));
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || (!isObjectType(type) && !isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const scopes = requirement(type, field.name);
        expect(field.description ?? undefined, `${type.name}.${field.name}`).toBe(describeScopes(undefined, scopes));
      }
    }
  });

  it('leaves the @scope declarations as they were, so the scope map read from it is the same', () => {
    const before = readScopeMap(supergraphSdl);
    const after = readScopeMap(described);
    for (const [type, field] of [
      ['Product', 'internalCost'],
      ['User', 'name'],
      ['Query', 'me'],
      ['Thing', 'kind'],
    ] as const) {
      expect(after.fieldScopes(type, field)).toEqual(before.fieldScopes(type, field));
      expect(after.typeScopes(type)).toEqual(before.typeScopes(type));
    }
  });

  it('is idempotent, so a supergraph described already (or twice) reads the same', () => {
    expect(describeFieldScopes(described)).toBe(described);
  });

  it('marks fields nobody declared as denied', () => {
    const undeclared = apiSchemaOf(describeFieldScopes(composeGraph([{ name: 'ledger', sdl: UNDECLARED_SDL }]).supergraphSdl));
    expect(descriptionOf(undeclared, 'Query', 'ledger')).toBe('Denied to every caller: no @scope is declared for it.');
    expect(descriptionOf(undeclared, 'Query', 'openLedger')).toBe('Requires scopes: read:products.');
  });
});
