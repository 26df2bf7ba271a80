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
});
