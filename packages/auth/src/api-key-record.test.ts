import { describe, expect, it } from 'vitest';
import { apiKeyRecordSchema, copyApiKeyRecord, type ApiKeyRecord } from './api-key-record.ts';

const FULL: ApiKeyRecord = {
  keyId: 'ABCDEFGH',
  hash: 'a'.repeat(64),
  name: 'partner key',
  ownerId: 'acme',
  scopes: ['catalog:read', 'stock:read'],
  profile: 'partner',
  rateLimitPerMinute: 600,
  costPerMinute: 100_000,
  quotaPerDay: 50_000,
  operations: ['PartnerProductsBySku'],
  documents: [{ id: 'b'.repeat(64), name: 'StoreFront', text: 'query StoreFront { __typename }', registeredAt: '2026-12-02T00:00:00.000Z' }],
  expiresAt: '2027-01-01T00:00:00.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
  lastUsedAt: '2026-12-06T00:00:00.000Z',
  revokedAt: '2026-12-06T01:00:00.000Z',
  replacedBy: 'HGFEDCBA',
};

/** zod's name of a field's type, under optional and default wrappers. */
function kindOf(field: unknown): string {
  let def = (field as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
  while ((def.type === 'optional' || def.type === 'default') && def.innerType !== undefined) {
    def = (def.innerType as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
  }
  return def.type;
}

describe('copyApiKeyRecord', () => {
  it('copies every field, and no list or object of the record is shared with the copy', () => {
    expect(Object.keys(FULL).sort()).toEqual(Object.keys(apiKeyRecordSchema.shape).sort());
    const copy = copyApiKeyRecord(FULL);
    expect(copy).toEqual(FULL);
    expect(copy).toEqual(structuredClone(FULL));
    for (const key of Object.keys(FULL) as (keyof ApiKeyRecord)[]) {
      if (typeof FULL[key] === 'object') expect(copy[key], key).not.toBe(FULL[key]);
    }
    expect(copy.documents?.[0]).not.toBe(FULL.documents?.[0]);
    expect(copyApiKeyRecord({ ...FULL, operations: undefined } as ApiKeyRecord).operations).toBeUndefined();
  });

  it('knows every field that is not a primitive (a new one must be copied too)', () => {
    const nested = Object.entries(apiKeyRecordSchema.shape)
      .filter(([, field]) => !['string', 'number', 'enum', 'boolean'].includes(kindOf(field)))
      .map(([name]) => name);
    expect(nested.sort()).toEqual(['documents', 'operations', 'scopes']);
  });
});
