/**
 * Which operations the gateway's response cache may hold: decided from the document and the supergraph's `@scope`
 * declarations alone, so a decision is made once per (schema, document text, operation name) and reused.
 */
import { isInterfaceType, isObjectType, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldRequirement, findOperation, type ScopeMap } from '../authorization/index.ts';

/**
 * Scopes whose data is the same for every caller and names no person: the catalogue, stock levels and prices. A field
 * whose requirement (its own, its type's and its interfaces') holds any other scope — `customers:*`, `orders:*`,
 * `writes:read`, an undeclared field — makes the whole operation uncacheable.
 */
export const NON_PERSONAL_SCOPES: ReadonlySet<string> = new Set(['catalog:read', 'stock:read', 'pricing:read']);

export type Eligibility =
  | {
      cacheable: true;
      /** the operation as printed by graphql-js: equal for texts differing only in layout */
      normalized: string;
      /**
       * Every object with a `sku` field that the answer holds carries its SKU under the key `sku` (selected, never
       * aliased, and no other field aliased `sku`), so the answer's SKUs can be read from it; else a change of any
       * SKU must drop it.
       */
      skuTagged: boolean;
    }
  | { cacheable: false; reason: 'not-a-query' | 'personal-or-undeclared-field' | 'unparsable' | 'no-operation' };

/**
 * Whether `query` (the text the edge admitted, after any rewrite) may be answered from the cache, and its normalized
 * form for the key. The document passed the operation limits and validation already; what is checked here is only
 * what kind of data it reads.
 */
export function decideEligibility(schema: GraphQLSchema, map: ScopeMap, query: string, operationName: string | undefined): Eligibility {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return { cacheable: false, reason: 'unparsable' };
  }
  const operation = findOperation(document, operationName);
  if (operation === undefined) return { cacheable: false, reason: 'no-operation' };
  if (operation.operation !== 'query') return { cacheable: false, reason: 'not-a-query' };

  const requirement = fieldRequirement(schema, map);
  const typeInfo = new TypeInfo(schema);
  let personal = false;
  let skuTagged = true;
  // Fragments are checked wherever they are defined, so a spread cannot hide a field from the check; other
  // operations of the document only cost a stricter answer (they are never run by this request).
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        // entered already: the parent type is the type this selection set selects from
        const named = typeInfo.getParentType();
        if (named === null || !(isObjectType(named) || isInterfaceType(named)) || named.getFields()['sku'] === undefined) return;
        const selectsSku = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'sku' && s.alias === undefined);
        if (!selectsSku) skuTagged = false;
      },
      Field(node) {
        if (node.alias?.value === 'sku' && node.name.value !== 'sku') skuTagged = false;
        if (node.alias !== undefined && node.name.value === 'sku') skuTagged = false;
        if (personal || node.name.value.startsWith('__')) return;
        const parent = typeInfo.getParentType();
        if (parent === null || !(isObjectType(parent) || isInterfaceType(parent))) {
          // a field of a union is only __typename, handled above; anything else is not known to be safe
          personal = true;
          return;
        }
        // a field's requirement includes its parent type's declaration, so a PII type is caught at each of its fields
        if (!requirement(parent, node.name.value).every((scope) => NON_PERSONAL_SCOPES.has(scope))) personal = true;
      },
    }),
  );
  if (personal) return { cacheable: false, reason: 'personal-or-undeclared-field' };
  return { cacheable: true, normalized: print(document), skuTagged };
}
