import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Principal } from '../edge/authenticate.ts';
import { refusalOf, type Refusal } from '../edge/refusal.ts';

/** The root fields a customer-bound credential may select: its own customer, and the type name. */
export const BOUND_ROOT_FIELDS: ReadonlySet<string> = new Set(['me', '__typename']);

/** A root field the credential may not select, with the alias it was asked under (for the error's path). */
export interface RefusedRootField {
  field: string;
  responseKey: string;
}

/**
 * The root fields of every operation in `document` that a customer-bound credential may not read: anything but
 * `me` and `__typename`, found through aliases, inline fragments and named fragments at the root; every mutation or
 * subscription as a whole. Every operation of the document is checked, not only the one `operationName` picks, so
 * nothing depends on which one Apollo ends up running. Runs on a document the operation limits already bounded
 * (fragment cycles refused), and keeps its own visited set anyway.
 */
export function refusedRootFields(document: DocumentNode): RefusedRootField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const refused: RefusedRootField[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!BOUND_ROOT_FIELDS.has(selection.name.value)) {
          refused.push({ field: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined) {
          refused.push({ field: `...${name}`, responseKey: name });
        } else if (!seen.has(name)) {
          visit(fragment.selectionSet, new Set([...seen, name]));
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (definition.operation !== 'query') {
      refused.push({ field: definition.operation, responseKey: definition.name?.value ?? definition.operation });
      continue;
    }
    visit(definition.selectionSet, new Set());
  }
  return refused;
}

/**
 * The edge's refusal for a customer-bound principal whose operations select anything but `me`: the whole request,
 * before planning, with one error per refused root field (its response key as path). Undefined: admitted (or not
 * bound at all).
 */
export function boundCustomerRefusal(principal: Principal, documents: readonly DocumentNode[]): Refusal | undefined {
  if (principal.identity.customer === undefined) return undefined;
  const refused = documents.flatMap((document) => refusedRootFields(document));
  if (refused.length === 0) return undefined;
  return refusalOf(
    'BOUND_TO_CUSTOMER',
    refused.map(({ field, responseKey }) => ({
      message: `Not allowed with a customer-bound credential: ${field} (only me { … } may be read).`,
      path: [responseKey],
      extensions: { code: 'BOUND_TO_CUSTOMER' },
    })),
  );
}
