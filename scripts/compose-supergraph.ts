/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql (committed; `npm run compose:check` fails CI when
 * it is stale). Composition errors fail here, at build time, instead of at gateway start-up — and so do gaps in the
 * `@scope` declarations: the gateway denies undeclared fields, so a forgotten one would otherwise ship as an outage.
 */
import { writeFileSync } from 'node:fs';
import { composeSchemas } from './compose-schemas.ts';

const schemaDir = new URL('../schema/', import.meta.url);
const composed = composeSchemas(schemaDir);
if (!composed.ok) {
  for (const error of composed.errors) console.error(error);
  process.exit(1);
}
// Hints are expected (e.g. the Order interface's fields live in the channel subgraphs); print them for review.
for (const hint of composed.hints) console.log(hint);

writeFileSync(new URL('supergraph.graphql', schemaDir), composed.supergraphSdl);
// The API schema: what clients see and introspect (no federation machinery). Client code generation reads it, and the
// schema change check (`npm run schema:check`) compares it with its previous committed version.
writeFileSync(new URL('api.graphql', schemaDir), composed.apiSdl);
console.log('schema/supergraph.graphql and schema/api.graphql written');
