/**
 * Composition keeps ONE application of a non-repeatable composed directive: where subgraphs disagree it picks the most
 * common with only a hint, and a subgraph that omits `@scope` is silently outvoted by one that has it. A shared type's
 * requirement must therefore be stated identically wherever it is defined, so that reading one subgraph's SDL never
 * misleads about what the gateway enforces.
 */
import { buildSubgraph } from '@apollo/federation-internals';
import type { DocumentNode } from 'graphql';
import { collectScopeDeclarations } from './scope-map.ts';

export interface SubgraphSdl {
  name: string;
  typeDefs: DocumentNode;
}

/** Human-readable inconsistencies between subgraphs' `@scope` declarations; `[]` when they agree. */
export function checkScopeConsistency(subgraphs: readonly SubgraphSdl[]): string[] {
  const problems: string[] = [];
  // coordinate → subgraph name → declared scopes (null = defined there without @scope)
  const seen = new Map<string, Map<string, readonly string[] | null>>();
  const record = (coordinate: string, subgraph: string, scopes: readonly string[] | undefined) => {
    let bySubgraph = seen.get(coordinate);
    if (!bySubgraph) seen.set(coordinate, (bySubgraph = new Map()));
    bySubgraph.set(subgraph, scopes ?? null);
  };

  for (const { name, typeDefs } of subgraphs) {
    const subgraph = buildSubgraph(name, `http://${name}`, typeDefs);
    const { types, fields } = collectScopeDeclarations(subgraph.schema);
    const metadata = subgraph.metadata();
    for (const type of subgraph.schema.types()) {
      if (type.kind !== 'ObjectType' && type.kind !== 'InterfaceType') continue;
      record(type.name, name, types.get(type.name));
      for (const field of type.fields()) {
        if (field.name.startsWith('_')) continue;
        if (metadata.isFieldExternal(field)) {
          // The owner states the requirement; a copy on an @external stub would take part in composition's vote.
          if (fields.has(field.coordinate)) problems.push(`${field.coordinate}: @scope on an @external field in ${name}`);
          continue;
        }
        record(field.coordinate, name, fields.get(field.coordinate));
      }
    }
  }

  for (const [coordinate, bySubgraph] of seen) {
    const variants = new Set([...bySubgraph.values()].map((scopes) => (scopes ? JSON.stringify(scopes) : 'none')));
    if (variants.size <= 1) continue;
    const detail = [...bySubgraph].map(([subgraph, scopes]) => `${subgraph}: ${scopes ? `[${scopes.join(', ')}]` : 'none'}`);
    problems.push(`${coordinate}: @scope differs between subgraphs (${detail.join('; ')})`);
  }
  return problems.sort();
}
