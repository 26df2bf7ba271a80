import { createHash } from 'node:crypto';
import { badUserInput } from '@omnigraph/shared/errors';
import { foldText } from '@omnigraph/shared/lookup';
import type { ErpCatalogueEntryModel } from '../upstream/erp-client.ts';

/**
 * Product discovery over the in-process catalogue index (ADR 0012): criteria, the sort order, opaque cursors and one
 * page of hits. Pure: the index (catalogue-index.ts) hands over a sorted snapshot, the resolver loads the page's
 * products through the batched product loader.
 */

export const MAX_SEARCH_FIRST = 100;
/** Longer text is no product name, and every extra word costs a scan of the catalogue. */
export const MAX_SEARCH_TEXT_LENGTH = 200;
export const MAX_SEARCH_WORDS = 10;

/** An index row: the catalogue entry plus its name folded once, when the index is built. */
export interface SearchEntry extends ErpCatalogueEntryModel {
  folded: string;
}

/**
 * Text as a shopper types it: case, Polish letters (ł included, which has no Unicode decomposition) and other marks
 * ignored, punctuation kept (so "1,7 l" still matches "1,7 l").
 */
export function foldForSearch(text: string): string {
  return foldText(text);
}

const collator = new Intl.Collator('pl', { sensitivity: 'variant', numeric: true });

/** The order of every search: name (Polish collation), then SKU, then the ERP id (a SKU need not be unique in Odoo). */
export function compareSearchEntries(a: SortKey, b: SortKey): number {
  return collator.compare(a.name, b.name) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) || a.productId - b.productId;
}

interface SortKey {
  name: string;
  sku: string;
  productId: number;
}

export function toSearchEntry(entry: ErpCatalogueEntryModel): SearchEntry {
  return { ...entry, folded: foldForSearch(entry.name) };
}

export interface SearchArgs {
  text?: string | null | undefined;
  ean?: string | null | undefined;
  categoryId?: string | null | undefined;
  includeInactive?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/** The validated criteria; `categoryIds` is filled in by the resolver from the category tree. */
export interface SearchCriteria {
  /** folded words, every one must occur in the folded name */
  words: string[];
  /** the text as typed (trimmed), compared with SKUs exactly */
  sku: string | null;
  ean: string | null;
  categoryId: number | null;
  includeInactive: boolean;
  first: number;
  /** a hash of everything above except `first`: a cursor is valid for the search that made it */
  hash: string;
}

/** BAD_USER_INPUT for no criterion, `first` outside 1..100, text too long; the cursor is checked by {@link decodeCursor}. */
export function parseSearchArgs(args: SearchArgs): SearchCriteria {
  const text = args.text?.trim() ?? '';
  const ean = args.ean?.trim() ?? '';
  const categoryId = args.categoryId ?? null;
  if (text === '' && ean === '' && categoryId === null) {
    throw badUserInput('Give at least one of `text`, `ean` or `categoryId`.', 'text');
  }
  if (text.length > MAX_SEARCH_TEXT_LENGTH) throw badUserInput(`\`text\` is longer than ${MAX_SEARCH_TEXT_LENGTH} characters.`, 'text');
  const words = [...new Set(foldForSearch(text).split(' '))].filter((w) => w !== '');
  if (words.length > MAX_SEARCH_WORDS) throw badUserInput(`\`text\` may have at most ${MAX_SEARCH_WORDS} words.`, 'text');
  if (ean.length > 32) throw badUserInput('`ean` is longer than 32 characters.', 'ean');
  if (categoryId !== null && !/^[1-9]\d{0,17}$/.test(categoryId))
    throw badUserInput('`categoryId` is not an ERP category id (a positive whole number).', 'categoryId');
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_FIRST)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_SEARCH_FIRST}.`, 'first');
  const includeInactive = args.includeInactive === true;
  const criteria = {
    words,
    sku: text === '' ? null : text,
    ean: ean === '' ? null : ean,
    categoryId: categoryId === null ? null : Number(categoryId),
    includeInactive,
  };
  const hash = createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 16);
  return { ...criteria, first, hash };
}

/** The cursor of an edge: base64url of its sort key and the search's hash (opaque to clients). */
export function encodeCursor(entry: SearchEntry & { sku: string }, hash: string): string {
  return Buffer.from(JSON.stringify([entry.name, entry.sku, entry.productId, hash]), 'utf8').toString('base64url');
}

/** The sort key a cursor points after; BAD_USER_INPUT when it is malformed or belongs to another search. */
export function decodeCursor(cursor: string, hash: string): SortKey {
  let parsed: unknown;
  try {
    parsed = cursor.length <= 2_000 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !Number.isInteger(parsed[2]) ||
    typeof parsed[3] !== 'string'
  ) {
    throw badUserInput('`after` is not a cursor of productSearch.', 'after');
  }
  if (parsed[3] !== hash) throw badUserInput('`after` is a cursor of another search (other criteria); start again without it.', 'after');
  return { name: parsed[0], sku: parsed[1], productId: parsed[2] as number };
}

/** Whether an entry meets the criteria; `categoryIds` is the asked category and its descendants. */
export function matchesSearch(entry: SearchEntry, criteria: SearchCriteria, categoryIds: ReadonlySet<number> | null): boolean {
  if (entry.sku === null) return false;
  if (!criteria.includeInactive && !entry.active) return false;
  if (criteria.ean !== null && entry.ean !== criteria.ean) return false;
  if (categoryIds !== null && (entry.categoryId === null || !categoryIds.has(entry.categoryId))) return false;
  if (criteria.sku !== null) {
    // the length test first: a lower-cased copy of every SKU of a large catalogue per search is not free
    const bySku = entry.sku.length === criteria.sku.length && entry.sku.toLowerCase() === criteria.sku.toLowerCase();
    if (!bySku && !criteria.words.every((word) => entry.folded.includes(word))) return false;
  }
  return true;
}

export interface SearchPage {
  totalCount: number;
  hits: Array<SearchEntry & { sku: string }>;
  hasNextPage: boolean;
}

/** The positions in `entries` (sorted) of every entry matching the search: one pass over the catalogue. */
export function matchPositions(entries: readonly SearchEntry[], criteria: SearchCriteria, categoryIds: ReadonlySet<number> | null): Int32Array {
  const positions: number[] = [];
  for (let i = 0; i < entries.length; i++) if (matchesSearch(entries[i]!, criteria, categoryIds)) positions.push(i);
  return Int32Array.from(positions);
}

/** One page of the matches at `positions`, after the cursor `after`, located by binary search (no scan). */
export function pageOfMatches(entries: readonly SearchEntry[], positions: Int32Array, first: number, after: SortKey | null): SearchPage {
  const start = after === null ? 0 : firstAfter(entries, after);
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positions[mid]! < start) low = mid + 1;
    else high = mid;
  }
  const hits: Array<SearchEntry & { sku: string }> = [];
  for (let i = low; i < positions.length && hits.length < first; i++) hits.push(entries[positions[i]!] as SearchEntry & { sku: string });
  return { totalCount: positions.length, hits, hasNextPage: low + hits.length < positions.length };
}

/**
 * One page of `entries` (sorted by {@link compareSearchEntries}) matching `criteria`, after the cursor `after`. The
 * count needs every match anyway; a scan of 200 000 folded names takes 150–300 ms, so callers paging through one
 * search keep its positions ({@link matchPositions}) and page with {@link pageOfMatches}.
 */
export function searchEntries(
  entries: readonly SearchEntry[],
  criteria: SearchCriteria,
  categoryIds: ReadonlySet<number> | null,
  after: SortKey | null,
): SearchPage {
  return pageOfMatches(entries, matchPositions(entries, criteria, categoryIds), criteria.first, after);
}

/** The index of the first entry sorting after `key` (entries.length when none does). */
export function firstAfter(entries: readonly SearchEntry[], key: SortKey): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = entries[mid]!;
    if (compareSearchEntries({ name: entry.name, sku: entry.sku ?? '', productId: entry.productId }, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
