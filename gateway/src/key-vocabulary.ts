import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { collectScopeDeclarations } from './authorization/scope-map.ts';
import { loadOperationRegistry, OPERATIONS_DIR } from './edge/registered-operations.ts';
import { ISSUE_CUSTOMER_TOKENS_SCOPE } from './customer-tokens/customer-token-endpoint.ts';

/** What an API key may name: the scopes the graph declares and the operations registered for safelists. */
export interface KeyVocabulary {
  scopes: readonly string[];
  operations: readonly string[];
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
  const { types, fields } = collectScopeDeclarations(Supergraph.build(sdl).schema);
  const scopes = new Set<string>();
  for (const declared of [...types.values(), ...fields.values()]) for (const scope of declared) scopes.add(scope);
  // scopes of the gateway's own endpoints, declared by no field of the graph
  scopes.add(ISSUE_CUSTOMER_TOKENS_SCOPE);
  const operations = loadOperationRegistry(options.operationsDir ?? OPERATIONS_DIR)
    .all()
    .map((o) => o.name);
  return { scopes: [...scopes].sort(), operations: [...operations].sort() };
}
