/**
 * Writes the scopes each field needs into its description, so a client developer reads them where they read the
 * field: GraphiQL's docs, an IDE's hover, the committed schema/api.graphql, generated client types.
 *
 * It rewrites the supergraph SDL (descriptions only) before the gateway loads it, and `npm run compose` writes
 * schema/api.graphql from the same rewrite: what clients introspect and the committed API schema are one text. The
 * `@scope` directives are left as they are, so the scope map the edge enforces is read exactly as before.
 */
import { Supergraph } from '@apollo/federation-internals';
import {
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { fieldRequirement, UNDECLARED_SCOPE } from './field-requirement.ts';
import { collectScopeDeclarations, scopeMapOf } from './scope-map.ts';

const SCOPES_LINE = /\n*^(Requires scopes: .*|Denied to every caller: .*)$/m;

/**
 * The description with its scopes line (replacing an earlier one: applying this twice changes nothing). No line for a
 * field needing no scope of its own (a value type's field: whoever may read its parent may read it).
 */
export function describeScopes(description: string | undefined, scopes: readonly string[]): string | undefined {
  const text = (description ?? '').replace(SCOPES_LINE, '').trimEnd();
  if (scopes.length === 0) return text === '' ? undefined : text;
  const line = scopes.includes(UNDECLARED_SCOPE) ? 'Denied to every caller: no @scope is declared for it.' : `Requires scopes: ${scopes.join(', ')}.`;
  return text === '' ? line : `${text}\n\n${line}`;
}

/**
 * The supergraph SDL with every field's effective requirement (fieldRequirement: the field's and its type's `@scope`,
 * and its interfaces') appended to the field's description.
 */
export function describeFieldScopes(supergraphSdl: string): string {
  const supergraph = Supergraph.build(supergraphSdl);
  const map = scopeMapOf(collectScopeDeclarations(supergraph.schema));
  const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();
  const requirement = fieldRequirement(apiSchema, map);

  const annotate = <T extends ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>(node: T): T => {
    const type = apiSchema.getType(node.name.value);
    // federation's own types (join__Graph, link__Purpose…) are not in the API schema; neither are @inaccessible fields
    if (!isObjectType(type) && !isInterfaceType(type)) return node;
    const apiFields = type.getFields();
    const annotated = node.fields?.map((field): FieldDefinitionNode => {
      if (apiFields[field.name.value] === undefined) return field;
      const description = describeScopes(field.description?.value, requirement(type, field.name.value));
      if (description === field.description?.value) return field;
      return { ...field, description: description === undefined ? undefined : { kind: Kind.STRING, value: description, block: true } };
    });
    return { ...node, fields: annotated };
  };

  return print(
    visit(parse(supergraphSdl), {
      ObjectTypeDefinition: annotate,
      InterfaceTypeDefinition: annotate,
    }),
  );
}
