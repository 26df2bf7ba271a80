import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadKeyVocabulary } from './key-vocabulary.ts';
import { loadOperationRegistry } from './edge/registered-operations.ts';

describe('loadKeyVocabulary', () => {
  it('names every scope the committed supergraph declares and every registered operation', () => {
    const vocabulary = loadKeyVocabulary();
    expect(vocabulary.scopes).toEqual([
      'catalog:read',
      'customer-tokens:issue',
      'customers:pii',
      'customers:read',
      'notes:write',
      'orders:read',
      'orders:write',
      'pricing:read',
      'returns:write',
      'stock:read',
      'writes:read',
    ]);
    expect(vocabulary.operations).toEqual(
      loadOperationRegistry()
        .all()
        .map((o) => o.name)
        .sort(),
    );
    expect(vocabulary.operations).toContain('PartnerProductsBySku');
  });

  it('checks a document to register against the served API schema (not the subgraph SDLs) and the built-ins', () => {
    const { checkDocument } = loadKeyVocabulary();
    const op = loadOperationRegistry().byName('PartnerProductsBySku')!;
    expect(checkDocument(op.documentIds[0]!, op.presetText)).toMatchObject({ ok: true, builtIn: true });
    // `_entities` exists in every subgraph SDL and the supergraph, never in the API clients see
    const text = 'query Entities { _entities(representations: []) { __typename } }';
    const result = checkDocument(createHash('sha256').update(text).digest('hex'), text);
    expect(result.ok ? '' : result.issues.join()).toMatch(/Cannot query field "_entities"/);
  });

  it('names what of a document a key’s scopes would not read, as the edge would remove it', () => {
    const { unreadableFields } = loadKeyVocabulary();
    const text = loadOperationRegistry().byName('PartnerProductsBySku')!.presetText;
    expect(unreadableFields(text, ['catalog:read'])).toEqual(['Product.stock (needs stock:read)']);
    expect(unreadableFields(text, ['catalog:read', 'stock:read'])).toEqual([]);
  });
});
