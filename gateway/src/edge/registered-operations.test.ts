import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalText, loadOperationRegistry, operationHash } from './registered-operations.ts';

function dirWith(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'omnigraph-ops-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return pathToFileURL(`${dir}/`);
}

describe('loadOperationRegistry', () => {
  it('indexes the committed operations by name, by canonical text and by sha256 of that text', () => {
    const registry = loadOperationRegistry();
    const names = registry.all().map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['CallCenterCustomer', 'CustomerOrders', 'PartnerProductsBySku', 'PartnerStoresWithStock']));
    for (const op of registry.all()) {
      expect(registry.byHash(op.sha256)).toBe(op);
      expect(operationHash(op.text)).toBe(op.sha256);
      // any formatting of the same operation is recognised, comments and whitespace included
      const reformatted = `# a comment\n${op.text.replace(/\n\s*/g, ' ')}`;
      expect(registry.byText(canonicalText(reformatted))).toBe(op);
    }
  });

  it('refuses a file with two operations or an operation not named like its file', () => {
    expect(() => loadOperationRegistry(dirWith({ 'A.graphql': 'query A { __typename } query B { __typename }' }))).toThrow(
      /exactly one operation, named A/,
    );
    expect(() => loadOperationRegistry(dirWith({ 'A.graphql': 'query B { __typename }' }))).toThrow(/named A/);
    expect(loadOperationRegistry(dirWith({ 'A.graphql': 'query A { __typename }' })).byName('A')?.text).toBe('query A {\n  __typename\n}');
  });
});
