import { describe, expect, it } from 'vitest';
import type { ErpCatalogueEntryModel } from '../upstream/erp-client.ts';
import {
  decodeCursor,
  encodeCursor,
  foldForSearch,
  matchesSearch,
  parseSearchArgs,
  searchEntries,
  toSearchEntry,
  compareSearchEntries,
} from './product-search.ts';

const entry = (productId: number, name: string, sku: string | null, extra: Partial<ErpCatalogueEntryModel> = {}) =>
  toSearchEntry({ productId, name, sku, ean: null, categoryId: 1, active: true, changedAt: '2026-01-01T00:00:00Z', ...extra });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('foldForSearch', () => {
  it('ignores case and Polish letters, ł included, and keeps punctuation', () => {
    expect(foldForSearch('ŻÓŁTY Kubek  Łódź 1,7 l')).toBe('zolty kubek lodz 1,7 l');
    expect(foldForSearch('Świeża bawełna')).toBe('swieza bawelna');
  });
});

describe('parseSearchArgs', () => {
  it('needs a criterion and a page size of 1..100', () => {
    expect(codeOf(() => parseSearchArgs({}))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parseSearchArgs({ text: '  ', ean: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parseSearchArgs({ text: 'kubek', first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parseSearchArgs({ text: 'kubek', first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parseSearchArgs({ categoryId: 'abc' }))).toBe('BAD_USER_INPUT');
    expect(parseSearchArgs({ categoryId: '12' })).toMatchObject({ categoryId: 12, first: 20, words: [], sku: null });
  });

  it('gives the same hash to the same search typed differently, another to other criteria, whatever the page size', () => {
    const a = parseSearchArgs({ text: 'Żółty  KUBEK', first: 5 });
    expect(parseSearchArgs({ text: 'Żółty  KUBEK', first: 50 }).hash).toBe(a.hash);
    expect(parseSearchArgs({ text: 'Żółty kubek', includeInactive: true }).hash).not.toBe(a.hash);
    expect(parseSearchArgs({ text: 'Żółty kubek', categoryId: '3' }).hash).not.toBe(a.hash);
  });
});

describe('cursors', () => {
  it('round-trip the sort key and refuse another search or garbage', () => {
    const hit = entry(7, 'Kubek', 'SKU-1') as ReturnType<typeof entry> & { sku: string };
    const cursor = encodeCursor(hit, 'h1');
    expect(decodeCursor(cursor, 'h1')).toEqual({ name: 'Kubek', sku: 'SKU-1', productId: 7 });
    expect(codeOf(() => decodeCursor(cursor, 'h2'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor('bm90IGpzb24', 'h1'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(Buffer.from('[1,2,3,"h1"]').toString('base64url'), 'h1'))).toBe('BAD_USER_INPUT');
  });
});

describe('searchEntries', () => {
  const entries = [
    entry(1, 'Żółty kubek termiczny', 'MUG-Y'),
    entry(2, 'Kubek termiczny (Czarny)', 'MUG-B', { ean: '5901234123457' }),
    entry(3, 'Zolty kubek', 'MUG-OLD', { active: false }),
    entry(4, 'Patelnia', 'PAN-1', { categoryId: 2 }),
    entry(5, 'Kubek bez SKU', null),
    entry(6, 'Kubek termiczny (Czarny)', 'MUG-A'),
  ].sort((a, b) => compareSearchEntries({ ...a, sku: a.sku ?? '' }, { ...b, sku: b.sku ?? '' }));

  it('matches every folded word, the exact SKU, the EAN, the category set and skips archived or SKU-less variants', () => {
    const skus = (args: Parameters<typeof parseSearchArgs>[0], categories: number[] | null = null) =>
      searchEntries(entries, parseSearchArgs(args), categories === null ? null : new Set(categories), null).hits.map((h) => h.sku);
    expect(skus({ text: 'zolty KUBEK' })).toEqual(['MUG-Y']);
    expect(skus({ text: 'zolty kubek', includeInactive: true })).toEqual(['MUG-OLD', 'MUG-Y']);
    expect(skus({ text: 'kubek termiczny' })).toEqual(['MUG-A', 'MUG-B', 'MUG-Y']);
    expect(skus({ text: 'pan-1' })).toEqual(['PAN-1']);
    expect(skus({ ean: '5901234123457' })).toEqual(['MUG-B']);
    expect(skus({ categoryId: '2' }, [2])).toEqual(['PAN-1']);
    expect(skus({ text: 'kubek', categoryId: '1' }, [1, 2])).toEqual(['MUG-A', 'MUG-B', 'MUG-Y']);
    expect(matchesSearch(entry(9, 'Kubek', null), parseSearchArgs({ text: 'kubek' }), null)).toBe(false);
  });

  it('pages after a cursor without gaps or repeats and counts the whole search', () => {
    const criteria = parseSearchArgs({ text: 'kubek', first: 2, includeInactive: true });
    const first = searchEntries(entries, criteria, null, null);
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    const after = decodeCursor(encodeCursor(first.hits[1]!, criteria.hash), criteria.hash);
    const second = searchEntries(entries, criteria, null, after);
    expect(second).toMatchObject({ totalCount: 4, hasNextPage: false });
    expect([...first.hits, ...second.hits].map((h) => h.sku)).toEqual(['MUG-A', 'MUG-B', 'MUG-OLD', 'MUG-Y']);
  });
});
