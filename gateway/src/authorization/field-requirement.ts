/**
 * The scopes a caller needs to read one field of the API schema, derived from the supergraph's `@scope` declarations.
 */
import { isObjectType } from 'graphql';
import type { GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { ScopeMap } from './scope-map.ts';

/**
 * Required for a field with no `@scope` on it or its type. Not a valid scope name (`area:action`), so no key, token
 * mapping or configuration can ever grant it.
 */
export const UNDECLARED_SCOPE = '!undeclared';

export type FieldRequirement = (type: GraphQLObjectType | GraphQLInterfaceType, field: string) => readonly string[];

// Requirements depend only on (schema, map), both of which live as long as a supergraph version: compute each once.
const cache = new WeakMap<ScopeMap, WeakMap<GraphQLSchema, Map<string, readonly string[]>>>();

/**
 * Object field `T.f`: scopes(T) ∪ scopes(T.f), plus scopes(I) ∪ scopes(I.f) of every interface I of T that has f — so
 * a fragment on the concrete type can never be weaker than the interface field it implements.
 * Interface field `I.f`: scopes(I) ∪ scopes(I.f) ∪ the requirement of f on every implementation, because the runtime
 * type is unknown when the operation is checked, so the strictest one applies.
 */
export function fieldRequirement(schema: GraphQLSchema, map: ScopeMap): FieldRequirement {
  let bySchema = cache.get(map);
  if (!bySchema) cache.set(map, (bySchema = new WeakMap()));
  let memo = bySchema.get(schema);
  if (!memo) bySchema.set(schema, (memo = new Map()));
  const known = memo;

  const declared = (type: string, field: string): string[] => {
    const onType = map.typeScopes(type);
    const onField = map.fieldScopes(type, field);
    // Deny by default at run time too: a field nobody declared (a supergraph that skipped the composition check)
    // needs a scope no credential can hold.
    if (onType === undefined && onField === undefined) return [UNDECLARED_SCOPE];
    return [...(onType ?? []), ...(onField ?? [])];
  };
  const onObject = (type: GraphQLObjectType, field: string): readonly string[] => {
    const scopes = declared(type.name, field);
    for (const parent of type.getInterfaces()) {
      if (parent.getFields()[field]) scopes.push(...declared(parent.name, field));
    }
    return normalize(scopes);
  };

  return (type, field) => {
    const coordinate = `${type.name}.${field}`;
    let result = known.get(coordinate);
    if (result) return result;
    if (isObjectType(type)) {
      result = onObject(type, field);
    } else {
      const scopes = declared(type.name, field);
      for (const implementation of schema.getPossibleTypes(type)) scopes.push(...onObject(implementation, field));
      result = normalize(scopes);
    }
    known.set(coordinate, result);
    return result;
  };
}

/** The scopes of `required` that `granted` lacks, in the requirement's (sorted) order. */
export function missingScopes(required: readonly string[], granted: ReadonlySet<string>): string[] {
  return required.filter((scope) => !granted.has(scope));
}

function normalize(scopes: string[]): readonly string[] {
  return Object.freeze([...new Set(scopes)].sort());
}
