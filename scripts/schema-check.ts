/**
 * `npm run schema:check`: composes the API schema from the current schema/<subgraph>.graphql files and compares it
 * with the previous committed schema/api.graphql (see schema-check-base.ts for which commit) under the change policy
 * of docs/schema-changes.md. Exit 0: nothing breaks clients (dangerous changes and notices are printed); exit 1:
 * breaking changes or deprecation-workflow violations, listed with their coordinates; exit 2: the check could not
 * run (composition failed, SCHEMA_BASE_REF does not resolve).
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { composeSchemas } from './compose-schemas.ts';
import { SchemaBaseError, findSchemaBase } from './schema-check-base.ts';
import { formatVerdict, judgeSchemaChange, MIN_DEPRECATION_WINDOW_DAYS } from './schema-change-policy.ts';

let root: string;
try {
  root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
} catch (error) {
  // e.g. not a checkout, or git refusing a directory owned by another user (safe.directory) in a CI container
  console.error(`schema:check: git cannot read this checkout: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const composed = composeSchemas(pathToFileURL(`${root}/schema/`));
if (!composed.ok) {
  for (const error of composed.errors) console.error(error);
  console.error('schema:check: the subgraphs do not compose; nothing to compare');
  process.exit(2);
}

let base;
try {
  base = findSchemaBase({ cwd: root, env: process.env });
} catch (error) {
  if (!(error instanceof SchemaBaseError)) throw error;
  console.error(`schema:check: ${error.message}`);
  process.exit(2);
}
const where = `${base.how}${base.commit === undefined ? '' : ` (${base.commit.slice(0, 12)})`}`;
if (base.sdl === undefined) {
  console.log(`schema:check: no previous schema/api.graphql at ${where}; nothing to compare`);
  process.exit(0);
}

const today = new Date().toISOString().slice(0, 10);
const verdict = await judgeSchemaChange(base.sdl, composed.apiSdl, today);
console.log(`schema:check: the API schema composed from schema/*.graphql against schema/api.graphql at ${where}, on ${today}`);
const report = formatVerdict(verdict);
if (report !== '') console.log(report);
if (verdict.failures.length > 0) {
  console.error(
    `\nschema:check failed: ${verdict.failures.length} change(s) would break clients or the deprecation workflow.\n` +
      `Keep the element and mark it @deprecated(reason: "Use … instead. Removal after YYYY-MM-DD.") with a date at least ` +
      `${MIN_DEPRECATION_WINDOW_DAYS} days away; remove it after that date (docs/schema-changes.md).`,
  );
  process.exit(1);
}
console.log('schema:check passed: no change breaks clients');
