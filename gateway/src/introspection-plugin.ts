import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { Kind, execute } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { GatewayContext } from './http-handler.ts';

const META_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type', '__typename']);

/**
 * Answers operations that select nothing but introspection (`__schema`, `__type`, `__typename` at the root) from the
 * API schema with graphql-js, as Apollo's gateway would answer them itself (no subgraph is asked either way), but
 * without its query planner: the planner reads the operation against its own copy of the introspection types, which
 * lacks `__Type.isOneOf` (graphql-js 16.9+, asked for by `getIntrospectionQuery({ oneOf: true })`), and throws, so a
 * standard introspection query came back as a 500. Who may introspect was decided at the edge before this runs.
 */
export function answerIntrospectionLocally(apiSchema: () => GraphQLSchema): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request }) {
          if (!selectsOnlyMetaFields(document, operation)) {
            if (!asksIsOneOf(document, operation)) return null;
            // Mixed with data, the operation goes to the planner, which would throw on isOneOf: a clear 400 instead.
            return {
              http: { status: 400, headers: new HeaderMap() },
              body: {
                kind: 'single',
                singleResult: {
                  errors: [
                    {
                      message: '"__Type.isOneOf" can only be asked in an operation that selects nothing but introspection.',
                      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
                    },
                  ],
                },
              },
            };
          }
          const result = await execute({
            schema: apiSchema(),
            document,
            operationName: operation.name?.value,
            variableValues: request.variables,
          });
          // Validation already passed, so errors are not expected here; if any, the gateway answers as before.
          if (result.errors !== undefined && result.errors.length > 0) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data ?? null } } };
        },
      };
    },
  };
}

/** Whether every root selection, through inline fragments and fragment spreads, is an introspection meta field. */
export function selectsOnlyMetaFields(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const stack: SelectionSetNode[] = [operation.selectionSet];
  let any = false;
  while (stack.length > 0) {
    for (const sel of stack.pop()!.selections) {
      if (sel.kind === Kind.FIELD) {
        // only __typename alone is not introspection: the gateway may keep answering that one
        if (!META_FIELDS.has(sel.name.value)) return false;
        if (sel.name.value !== '__typename') any = true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) stack.push(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment === undefined) return false;
        stack.push(fragment.selectionSet);
      }
    }
  }
  return any;
}

/**
 * Whether the operation asks for `isOneOf` under `__schema` or `__type` (the introspection types are reachable only
 * through those two root fields, so data fields named isOneOf are never counted).
 */
export function asksIsOneOf(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  // each entry: a selection set, and whether it lies under an introspection root field
  const stack: [SelectionSetNode, boolean][] = [[operation.selectionSet, false]];
  while (stack.length > 0) {
    const [set, underMeta] = stack.pop()!;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (underMeta && sel.name.value === 'isOneOf') return true;
        const meta = underMeta || sel.name.value === '__schema' || sel.name.value === '__type';
        // below a data field nothing is introspection but __typename, which has no selections
        if (meta && sel.selectionSet !== undefined) stack.push([sel.selectionSet, true]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) stack.push([sel.selectionSet, underMeta]);
      else {
        const key = `${sel.name.value}|${underMeta}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fragment = fragments.get(sel.name.value);
        if (fragment !== undefined) stack.push([fragment.selectionSet, underMeta]);
      }
    }
  }
  return false;
}
