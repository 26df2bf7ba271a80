/**
 * Renders docs/error-codes.md from the one registry in packages/shared, so the documented codes can never drift from
 * the ones the code sends (`npm run errors:check` in CI).
 */
import { writeFileSync } from 'node:fs';
import { ERROR_CODES } from '@omnigraph/shared/errors';

const rows = Object.values(ERROR_CODES).map((d) => `| \`${d.code}\` | ${d.httpStatus} | ${d.description} |`);
const doc = `# Error codes

Generated from \`packages/shared/src/errors/error-codes.ts\` by \`npm run errors:docs\`; do not edit by hand.

Every error a client sees carries one of these in \`extensions.code\`. Errors about an upstream system also carry
\`extensions.serviceName\` — the role that failed: \`erp\`, \`eshop\`, \`crm\` or \`marketplace\` — and may carry
\`upstream.operation\`, \`upstream.status\` and \`retryAfterSeconds\`. Messages are for people; branch on the code.
Codes are a public contract: new ones may be added, existing ones are never renamed or repurposed.

| code | HTTP status a REST caller would expect | when |
|---|---:|---|
${rows.join('\n')}
`;
writeFileSync(new URL('../docs/error-codes.md', import.meta.url), doc);
console.log('docs/error-codes.md written');
