/**
 * The `@scope` declarations of the supergraph. They must be read from the supergraph SDL: the gateway's API schema
 * strips composed directives, so the schema the gateway executes against cannot tell us who may read what.
 */
import { InterfaceType, ObjectType, Supergraph } from '@apollo/federation-internals';
import type { Schema } from '@apollo/federation-internals';

/** The spec our subgraphs `@link` (version-less identity, so a v0.2 of the spec is still found). */
export const SCOPE_SPEC_IDENTITY = 'https://omnigraph.dev/scope';

/**
 * `undefined` = nothing declared (deny by default); `[]` = declared as needing no extra scope (a value type, readable by
 * whoever may read the field that returns it).
 */
export interface ScopeMap {
  typeScopes(type: string): readonly string[] | undefined;
  fieldScopes(type: string, field: string): readonly string[] | undefined;
}

export function readScopeMap(supergraphSdl: string): ScopeMap {
  return scopeMapOf(collectScopeDeclarations(Supergraph.build(supergraphSdl).schema));
}

/** The scope map of declarations already collected (for a caller that has built the supergraph for more than this). */
export function scopeMapOf({ types, fields }: ScopeDeclarations): ScopeMap {
  return {
    typeScopes: (type) => types.get(type),
    fieldScopes: (type, field) => fields.get(`${type}.${field}`),
  };
}

export interface ScopeDeclarations {
  /** type name → scopes */
  types: Map<string, readonly string[]>;
  /** `Type.field` → scopes */
  fields: Map<string, readonly string[]>;
}

/** Every `@scope` of a federation-internals schema: a supergraph, or one subgraph (for the consistency check). */
export function collectScopeDeclarations(schema: Schema): ScopeDeclarations {
  const types = new Map<string, readonly string[]>();
  const fields = new Map<string, readonly string[]>();
  // Without our @link nothing is declared, so everything is denied; the coverage check fails composition long before.
  const feature = schema.coreFeatures?.getByIdentity(SCOPE_SPEC_IDENTITY);
  if (!feature) return { types, fields };
  // The import may rename the directive (`{ name: "@scope", as: "@authz" }`) or leave it namespaced (`@scope__scope`).
  const name = feature.directiveNameInSchema('scope');
  for (const type of schema.types()) {
    if (!(type instanceof ObjectType || type instanceof InterfaceType)) continue;
    const declared = requiresOf(type.appliedDirectivesOf(name), type.name);
    if (declared) types.set(type.name, declared);
    for (const field of type.fields()) {
      const onField = requiresOf(field.appliedDirectivesOf(name), field.coordinate);
      if (onField) fields.set(field.coordinate, onField);
    }
  }
  return { types, fields };
}

function requiresOf(applications: readonly { arguments(): Record<string, unknown> }[], where: string): readonly string[] | undefined {
  if (applications.length === 0) return undefined;
  const scopes = new Set<string>();
  for (const application of applications) {
    const requires = application.arguments()['requires'];
    if (!Array.isArray(requires) || !requires.every((s): s is string => typeof s === 'string' && s.length > 0)) {
      throw new Error(`@scope on ${where}: "requires" must be a list of non-empty strings`);
    }
    for (const scope of requires) scopes.add(scope);
  }
  return Object.freeze([...scopes].sort());
}
