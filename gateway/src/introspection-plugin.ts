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
          const shape = introspectionShape(document, operation);
          if (!shape.onlyMeta) {
            if (!shape.asksIsOneOf) return null;
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

/** What the plugin needs to know of an operation, from one walk of its root selections and introspection subtrees. */
export interface IntrospectionShape {
  /** a query whose every root selection (through fragments) is `__schema`, `__type` or `__typename`, not only `__typename` */
  onlyMeta: boolean;
  /** `isOneOf` is asked below `__schema` or `__type` (introspection types are reachable only through those two) */
  asksIsOneOf: boolean;
}

export function introspectionShape(document: DocumentNode, operation: OperationDefinitionNode): IntrospectionShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  let data = false; // a root selection that is not a meta field, or a fragment that cannot be followed
  let introspection = false;
  let asksIsOneOf = false;
  // each entry: a selection set, and whether it lies under an introspection root field
  const stack: [SelectionSetNode, boolean][] = [[operation.selectionSet, false]];
  while (stack.length > 0) {
    const [set, underMeta] = stack.pop()!;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (underMeta) {
          if (name === 'isOneOf') asksIsOneOf = true;
          if (sel.selectionSet !== undefined) stack.push([sel.selectionSet, true]);
        } else if (!META_FIELDS.has(name)) {
          data = true; // below a data field nothing is introspection but __typename, which has no selections
        } else if (name !== '__typename') {
          introspection = true;
          if (sel.selectionSet !== undefined) stack.push([sel.selectionSet, true]);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) stack.push([sel.selectionSet, underMeta]);
      else {
        const key = `${sel.name.value}|${underMeta}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fragment = fragments.get(sel.name.value);
        if (fragment !== undefined) stack.push([fragment.selectionSet, underMeta]);
        else if (!underMeta) data = true;
      }
    }
  }
  return { onlyMeta: operation.operation === 'query' && introspection && !data, asksIsOneOf };
}
