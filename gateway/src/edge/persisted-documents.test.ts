import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkPersistedDocument, normalizeDocumentId } from './persisted-documents.ts';
import { loadOperationRegistry } from './registered-operations.ts';

const apiSchema = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));
const registry = loadOperationRegistry();
const context = { apiSchema, builtIns: new Map(registry.all().map((o) => [o.name, { ids: o.documentIds }])) };
const sha = (algorithm: 'sha1' | 'sha256', text: string) => createHash(algorithm).update(text).digest('hex');
const COMMITTED = JSON.parse(
  readFileSync(new URL('../../../clients/typescript/src/__generated__/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;

describe('preset document ids of the built-in operations', () => {
  it('are the ids and texts the client preset generated (clients/typescript), so a preset-built client is found', () => {
    // e2e/persisted-documents.test.ts builds them afresh with the preset; this pins the committed output
    expect(Object.keys(COMMITTED).sort()).toEqual(
      registry
        .all()
        .map((o) => o.documentIds[0])
        .sort(),
    );
    for (const op of registry.all()) {
      expect(COMMITTED[op.documentIds[0]!]).toBe(op.presetText);
      expect(op.documentIds).toEqual([sha('sha256', op.presetText), sha('sha1', op.presetText)]);
      for (const id of [...op.documentIds, op.sha256]) expect(registry.byHash(id)).toBe(op);
    }
  });

  it('the issue-14 example: CallCenterCustomer is b7c41b23… for the preset, and keeps its older d40163bc… id', () => {
    const op = registry.byName('CallCenterCustomer')!;
    expect(op.documentIds[0]).toMatch(/^b7c41b23/);
    expect(op.sha256).toMatch(/^d40163bc/);
  });
});

describe('normalizeDocumentId', () => {
  const hex64 = 'AB'.repeat(32);
  it.each([
    [hex64, hex64.toLowerCase()],
    [`sha256:${hex64}`, hex64.toLowerCase()],
    ['a'.repeat(40), 'a'.repeat(40)],
    [`sha1:${'a'.repeat(40)}`, 'a'.repeat(40)],
  ])('accepts %s', (raw, expected) => expect(normalizeDocumentId(raw)).toBe(expected));

  it.each([[`sha1:${hex64}`], [`sha256:${'a'.repeat(40)}`], ['a'.repeat(63)], ['g'.repeat(64)], [`md5:${'a'.repeat(32)}`], [42], [undefined], [{}]])(
    'refuses %s',
    (raw) => expect(normalizeDocumentId(raw)).toBeUndefined(),
  );
});

describe('checkPersistedDocument', () => {
  const text = 'query StorefrontNames($skus: [ID!]!) { products(skus: $skus) { name sku } }';

  it('accepts a named operation under its sha256 or sha1, valid against the API schema', () => {
    expect(checkPersistedDocument(sha('sha256', text), text, context)).toEqual({
      ok: true,
      id: sha('sha256', text),
      name: 'StorefrontNames',
      builtIn: false,
    });
    expect(checkPersistedDocument(`sha1:${sha('sha1', text).toUpperCase()}`, text, context)).toEqual({
      ok: true,
      id: sha('sha1', text),
      name: 'StorefrontNames',
      builtIn: false,
    });
  });

  it('recognises a built-in operation by its preset id', () => {
    const op = registry.byName('PartnerProductsBySku')!;
    expect(checkPersistedDocument(op.documentIds[0]!, op.presetText, context)).toMatchObject({ ok: true, name: op.name, builtIn: true });
  });

  it.each([
    ['an id that is not its text’s hash', sha('sha256', `${text} `), text, /is not the sha256 of its text/],
    ['an id that is no digest', 'abc', text, /not a sha256 or sha1/],
    ['text that does not parse', sha('sha256', 'query {'), 'query {', /does not parse/],
    ['an anonymous operation', sha('sha256', '{ __typename }'), '{ __typename }', /exactly one operation, and name it/],
    [
      'two operations',
      sha('sha256', 'query A { __typename } query B { __typename }'),
      'query A { __typename } query B { __typename }',
      /exactly one/,
    ],
    ['a field the API does not have', sha('sha256', 'query X { nope }'), 'query X { nope }', /Cannot query field "nope"/],
    [
      'a different text under a built-in’s name',
      sha('sha256', 'query PartnerProductsBySku { __typename }'),
      'query PartnerProductsBySku { __typename }',
      /built-in registered operation .* different text/,
    ],
  ])('refuses %s', (_, id, documentText, issue) => {
    const result = checkPersistedDocument(id, documentText, context);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.join('\n')).toMatch(issue);
  });
});
