import { describe, expect, it } from 'vitest';
import { OBJECT_TYPES } from './hubspot-properties.ts';
import { parseSearchRequest, SEARCH_RESULT_CAP } from './hubspot-search.ts';

const contacts = OBJECT_TYPES.contacts;

describe('parseSearchRequest', () => {
  it('reads the documented body with defaults', () => {
    const r = parseSearchRequest(contacts, {});
    expect(r).toEqual({ ok: true, request: { query: null, filterGroups: [], sorts: [], properties: null, limit: 10, after: 0 } });
  });

  it('accepts both sort syntaxes and a bare filters list', () => {
    const r = parseSearchRequest(contacts, {
      filters: [{ propertyName: 'email', operator: 'EQ', value: 'a@b.pl' }],
      sorts: ['-lastmodifieddate', { propertyName: 'createdate', direction: 'ASCENDING' }, 'loyalty_points'],
      after: 20,
    });
    expect(r.ok && r.request.sorts).toEqual([
      { propertyName: 'lastmodifieddate', direction: 'DESCENDING' },
      { propertyName: 'createdate', direction: 'ASCENDING' },
      { propertyName: 'loyalty_points', direction: 'ASCENDING' },
    ]);
    expect(r.ok && r.request.filterGroups).toHaveLength(1);
    expect(r.ok && r.request.after).toBe(20);
  });

  it('enforces the limits and operator requirements', () => {
    const f = { propertyName: 'email', operator: 'HAS_PROPERTY' };
    const fail = (body: unknown) => {
      const r = parseSearchRequest(contacts, body);
      return r.ok ? null : r.error;
    };
    expect(fail({ limit: 201 })?.category).toBe('VALIDATION_ERROR');
    expect(fail({ limit: 200 })).toBeNull();
    expect(fail({ after: String(SEARCH_RESULT_CAP) })?.message).toMatch(/10000/);
    expect(fail({ after: String(SEARCH_RESULT_CAP - 1) })).toBeNull();
    expect(fail({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [f] })) })?.message).toMatch(/filter groups/);
    expect(fail({ filterGroups: [{ filters: Array.from({ length: 11 }, () => f) }] })?.message).toMatch(/filter group/);
    expect(fail({ filterGroups: Array.from({ length: 3 }, () => ({ filters: Array.from({ length: 9 }, () => f) })) })?.message).toMatch(/max 25/);
    expect(fail({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN' }] }] })?.message).toMatch(/requires values/);
    expect(fail({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ' }] }] })?.category).toBeNull();
    expect(fail({ sorts: ['-nope'] })?.category).toBe('VALIDATION_ERROR');
  });

  it('accepts associations.contact only on notes', () => {
    const filter = { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: '1' }] }] };
    expect(parseSearchRequest(OBJECT_TYPES.notes, filter).ok).toBe(true);
    expect(parseSearchRequest(contacts, filter).ok).toBe(false);
  });
});
