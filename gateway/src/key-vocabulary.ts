import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { authorizeOperation } from './authorization/authorize-operation.ts';
import { collectScopeDeclarations, scopeMapOf } from './authorization/scope-map.ts';
import { loadOperationRegistry, OPERATIONS_DIR } from './edge/registered-operations.ts';
import { checkPersistedDocument, type DocumentCheck } from './edge/persisted-documents.ts';
import { ISSUE_CUSTOMER_TOKENS_SCOPE } from './customer-tokens/customer-token-endpoint.ts';

/** What an API key may name: the scopes the graph declares and the operations registered for safelists. */
export interface KeyVocabulary {
  scopes: readonly string[];
  operations: readonly string[];
  /** whether a persisted document may be registered for a key at run time (ADR 0019): see checkPersistedDocument */
  checkDocument: (id: string, text: string) => DocumentCheck;
  /** what of a checked document a key with these scopes would not get (`Type.field (needs a:b)`), as the edge decides */
  unreadableFields: (text: string, scopes: readonly string[]) => string[];
}

const COMMITTED_SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/**
 * The gateway's public answer to "which scopes and operations exist" (`@omnigraph/gateway/key-vocabulary`), for the
 * keys CLI, so it refuses a key that could never work without reaching into the gateway's edge or authorization.
 * Read from the same files the gateway serves: the committed supergraph's `@scope` declarations and
 * `schema/operations/`, plus the scopes of the gateway's own endpoints (`customer-tokens:issue`, ADR 0009).
 */
export function loadKeyVocabulary(options: { supergraphPath?: string; operationsDir?: URL } = {}): KeyVocabulary {
  const sdl = readFileSync(options.supergraphPath ?? COMMITTED_SUPERGRAPH, 'utf8');
  const supergraph = Supergraph.build(sdl);
  const declarations = collectScopeDeclarations(supergraph.schema);
  const scopeMap = scopeMapOf(declarations);
  const { types, fields } = declarations;
  const scopes = new Set<string>();
  for (const declared of [...types.values(), ...fields.values()]) for (const scope of declared) scopes.add(scope);
  // scopes of the gateway's own endpoints, declared by no field of the graph
  scopes.add(ISSUE_CUSTOMER_TOKENS_SCOPE);
  const registered = loadOperationRegistry(options.operationsDir ?? OPERATIONS_DIR).all();
  const operations = registered.map((o) => o.name);
  // the API schema the gateway serves from this supergraph: what a registered document must validate against
  const context = {
    apiSchema: supergraph.apiSchema().toGraphQLJSSchema(),
    builtIns: new Map(registered.map((o) => [o.name, { ids: o.documentIds }])),
  };
  return {
    scopes: [...scopes].sort(),
    operations: [...operations].sort(),
    checkDocument: (id, text) => checkPersistedDocument(id, text, context),
    unreadableFields: (text, scopes) => {
      const document = parse(text, { noLocation: true });
      const { removed } = authorizeOperation({
        schema: context.apiSchema,
        map: scopeMap,
        document,
        operationName: undefined,
        scopes: new Set(scopes),
      });
      return removed.map((r) => `${r.coordinate} (needs ${r.missing.join(', ')})`);
    },
  };
}
