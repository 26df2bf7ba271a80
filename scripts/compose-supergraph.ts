/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql (committed; `npm run compose:check` fails CI when
 * it is stale). Composition errors fail here, at build time, instead of at gateway start-up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const SUBGRAPHS = [
  { name: 'erp', port: 4001 },
  { name: 'eshop', port: 4002 },
  { name: 'crm', port: 4003 },
  { name: 'marketplace', port: 4004 },
] as const;

const schemaDir = new URL('../schema/', import.meta.url);
const result = composeServices(
  SUBGRAPHS.map(({ name, port }) => ({
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    typeDefs: parse(readFileSync(new URL(`${name}.graphql`, schemaDir), 'utf8')),
  })),
);

if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
// Hints are expected (e.g. the Order interface's fields live in the channel subgraphs); print them for review.
for (const hint of result.hints) console.log(`hint ${hint.definition.code}: ${hint.message}`);
writeFileSync(new URL('supergraph.graphql', schemaDir), `${result.supergraphSdl.trimEnd()}\n`);
console.log('schema/supergraph.graphql written');
