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
          if (!selectsOnlyMetaFields(document, operation)) return null;
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
