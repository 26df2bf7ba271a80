/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql (committed; `npm run compose:check` fails CI when
 * it is stale). Composition errors fail here, at build time, instead of at gateway start-up — and so do gaps in the
 * `@scope` declarations: the gateway denies undeclared fields, so a forgotten one would otherwise ship as an outage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { checkScopeConsistency, checkScopeCoverage, readScopeMap } from '../gateway/src/authorization/index.ts';

const SUBGRAPHS = [
  { name: 'erp', port: 4001 },
  { name: 'eshop', port: 4002 },
  { name: 'crm', port: 4003 },
  { name: 'marketplace', port: 4004 },
  { name: 'commands', port: 4005 },
  { name: 'pricing', port: 4006 },
] as const;

const schemaDir = new URL('../schema/', import.meta.url);
const services = SUBGRAPHS.map(({ name, port }) => ({
  name,
  url: `http://127.0.0.1:${port}/graphql`,
  typeDefs: parse(readFileSync(new URL(`${name}.graphql`, schemaDir), 'utf8')),
}));
const result = composeServices(services);

if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
// Hints are expected (e.g. the Order interface's fields live in the channel subgraphs); print them for review.
for (const hint of result.hints) console.log(`hint ${hint.definition.code}: ${hint.message}`);

const inconsistent = checkScopeConsistency(services);
for (const problem of inconsistent) console.error(`scope error: ${problem}`);
const apiSchema = Supergraph.build(result.supergraphSdl).apiSchema().toGraphQLJSSchema();
const uncovered = checkScopeCoverage(apiSchema, readScopeMap(result.supergraphSdl));
for (const coordinate of uncovered) {
  console.error(`scope error: ${coordinate} is reachable but has no @scope on the field or its type (or is a root field needing no scope)`);
}
if (inconsistent.length > 0 || uncovered.length > 0) process.exit(1);

writeFileSync(new URL('supergraph.graphql', schemaDir), `${result.supergraphSdl.trimEnd()}\n`);
console.log('schema/supergraph.graphql written');
