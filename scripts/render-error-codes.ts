/**
 * Renders docs/error-codes.md from the one registry in packages/shared, so the documented codes can never drift from
 * the ones the code sends (`npm run errors:check` in CI).
 */
import { writeFileSync } from 'node:fs';
import { CLIENT_EXTENSIONS, ERROR_CODES } from '@omnigraph/shared/errors';

const rows = Object.values(ERROR_CODES).map((d) => `| \`${d.code}\` | ${d.httpStatus} | ${d.description} |`);
const extensionRows = Object.entries(CLIENT_EXTENSIONS).map(([name, d]) => `| \`${name}\` | ${d.description} |`);
const doc = `# Error codes

Generated from \`packages/shared/src/errors/error-codes.ts\` by \`npm run errors:docs\`; do not edit by hand.

Every error a client sees carries one of these in \`extensions.code\`. Messages are for people; branch on the code.
Codes are a public contract: new ones may be added, existing ones are never renamed or repurposed.

## Extensions

An error carries only these extensions (\`CLIENT_EXTENSIONS\` in \`packages/shared/src/errors/client-extensions.ts\`, the one
list both the subgraphs' and the gateway's error masks keep); anything else is dropped before it reaches a client.

| extension | meaning |
|---|---|
${extensionRows.join('\n')}

## Codes

| code | HTTP status a REST caller would expect | when |
|---|---:|---|
${rows.join('\n')}
`;
writeFileSync(new URL('../docs/error-codes.md', import.meta.url), doc);
console.log('docs/error-codes.md written');
