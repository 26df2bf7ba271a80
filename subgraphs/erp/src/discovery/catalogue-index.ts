import { AsyncResource } from 'node:async_hooks';
import { createLogger } from '@omnigraph/shared/logging';
import type { ErpCatalogueEntryModel, ErpClient } from '../upstream/erp-client.ts';
import { compareSearchEntries, firstAfter, toSearchEntry, type SearchEntry } from './product-search.ts';

/**
 * The process's compact copy of the catalogue that product search filters (ADR 0012): one row per variant (id, SKU,
 * name folded once, EAN, category, active), sorted by the search order. Built once with keyset-paged reads, then kept
 * current with reads of what changed (`write_date`), so a search costs no catalogue read and its upstream calls do not
 * depend on the page size. Memory: about 0.45 KB per variant (measured: 90 MB for 200 000), bounded by `maxEntries`.
 */

export const DEFAULT_INDEX_PAGE_SIZE = 2_000;
export const DEFAULT_INDEX_MAX_ENTRIES = 300_000;
export const DEFAULT_INDEX_REFRESH_SECONDS = 30;
export const DEFAULT_INDEX_REBUILD_SECONDS = 3_600;
/** Odoo dates a row with its transaction's start: a delta looks this far behind the newest change it has seen. */
const OVERLAP_MS = 60_000;

export interface CatalogueSnapshot {
  /** sorted by compareSearchEntries */
  entries: readonly SearchEntry[];
  /** when the last full build started (epoch ms) */
  builtAt: number;
}

export interface CatalogueIndex {
  /** The current snapshot: built on first use, refreshed with a delta read when older than the refresh interval. */
  snapshot(): Promise<CatalogueSnapshot>;
  /** A product changed (the change feed said so): the next search reads the delta first. */
  markStale(): void;
}

export interface CatalogueIndexOptions {
  client: Pick<ErpClient, 'listCatalogue'>;
  /** rows per catalogue read (ERP_SEARCH_INDEX_PAGE_SIZE). @default 2000 */
  pageSize?: number;
  /** refuse to hold more variants than this (ERP_SEARCH_INDEX_MAX_ENTRIES). @default 300000 */
  maxEntries?: number;
  /** a search reads the delta when the index is older than this (ERP_SEARCH_INDEX_REFRESH_SECONDS). @default 30 */
  refreshSeconds?: number;
  /** a full rebuild (deleted variants vanish) this often, in the background. @default 3600 */
  rebuildSeconds?: number;
  now?: () => number;
}

/** Thrown when the catalogue outgrows `maxEntries`: search is then off rather than the process out of memory. */
export class CatalogueTooLargeError extends Error {
  readonly maxEntries: number;
  constructor(maxEntries: number) {
    super(`the ERP catalogue has more than ${maxEntries} variants (ERP_SEARCH_INDEX_MAX_ENTRIES); product search is off`);
    this.name = 'CatalogueTooLargeError';
    this.maxEntries = maxEntries;
  }
}

interface State {
  byId: Map<number, SearchEntry>;
  snapshot: CatalogueSnapshot;
  /** newest `changedAt` seen (ISO), the delta's lower bound minus the overlap */
  newestChange: string;
  refreshedAt: number;
}

const logger = createLogger({ name: 'erp' });

/**
 * Runs `fn` in the context this module was loaded in, outside any request's scope: building the copy of a large
 * catalogue takes longer than one request's deadline, which would otherwise cut every later page read short (and the
 * build would never finish). Shared work is not metered to the request that happened to start it either.
 */
const outsideRequests = AsyncResource.bind(<T>(fn: () => T): T => fn());

export function createCatalogueIndex(options: CatalogueIndexOptions): CatalogueIndex {
  const { client } = options;
  const pageSize = options.pageSize ?? DEFAULT_INDEX_PAGE_SIZE;
  const maxEntries = options.maxEntries ?? DEFAULT_INDEX_MAX_ENTRIES;
  const refreshMs = (options.refreshSeconds ?? DEFAULT_INDEX_REFRESH_SECONDS) * 1_000;
  const rebuildMs = (options.rebuildSeconds ?? DEFAULT_INDEX_REBUILD_SECONDS) * 1_000;
  const now = options.now ?? Date.now;
  let state: State | null = null;
  let stale = false;
  let building: Promise<State> | null = null;
  let refreshing: Promise<void> | null = null;

  /** Every row changed since `since` (or all rows), page after page in id order. */
  async function readAll(since: string | undefined, limit: number): Promise<ErpCatalogueEntryModel[]> {
    const rows: ErpCatalogueEntryModel[] = [];
    for (let after = 0; ;) {
      const page = await client.listCatalogue({ afterProductId: after, limit: pageSize, changedSince: since });
      rows.push(...page);
      if (rows.length > limit) throw new CatalogueTooLargeError(maxEntries);
      if (page.length < pageSize) return rows;
      after = page[page.length - 1]!.productId;
    }
  }

  const newestOf = (rows: readonly ErpCatalogueEntryModel[], from: string) => rows.reduce((max, r) => (r.changedAt > max ? r.changedAt : max), from);

  const hasSku = (e: SearchEntry): e is SearchEntry & { sku: string } => e.sku !== null;

  function snapshotOf(byId: ReadonlyMap<number, SearchEntry>, builtAt: number): CatalogueSnapshot {
    const entries = [...byId.values()].filter(hasSku);
    entries.sort(compareSearchEntries);
    return { entries, builtAt };
  }

  /**
   * The sorted entries with `changed` replaced: a few changes are placed by binary search (sorting 200 000 names with
   * the Polish collation takes seconds of CPU); a bulk change sorts again.
   */
  function withChanges(
    entries: readonly SearchEntry[],
    changed: readonly SearchEntry[],
    byId: ReadonlyMap<number, SearchEntry>,
    builtAt: number,
  ): CatalogueSnapshot {
    if (changed.length > 1_000) return snapshotOf(byId, builtAt);
    const ids = new Set(changed.map((e) => e.productId));
    const next = entries.filter((e) => !ids.has(e.productId));
    for (const entry of changed.filter(hasSku)) next.splice(firstAfter(next, entry), 0, entry);
    return { entries: next, builtAt };
  }

  async function build(): Promise<State> {
    const startedAt = now();
    const rows = await readAll(undefined, maxEntries);
    const byId = new Map(rows.map((row) => [row.productId, toSearchEntry(row)]));
    return { byId, snapshot: snapshotOf(byId, startedAt), newestChange: newestOf(rows, '1970-01-01T00:00:00Z'), refreshedAt: startedAt };
  }

  function startBuild(): Promise<State> {
    building ??= outsideRequests(build)
      .then((built) => {
        state = built;
        stale = false;
        return built;
      })
      .finally(() => {
        building = null;
      });
    return building;
  }

  async function refresh(current: State): Promise<void> {
    const startedAt = now();
    const since = new Date(Date.parse(current.newestChange) - OVERLAP_MS).toISOString();
    stale = false;
    const rows = await readAll(since, maxEntries);
    if (rows.length > 0) {
      const byId = new Map(current.byId);
      const changed = rows.map(toSearchEntry);
      for (const entry of changed) byId.set(entry.productId, entry);
      if (byId.size > maxEntries) throw new CatalogueTooLargeError(maxEntries);
      state = {
        byId,
        snapshot: withChanges(current.snapshot.entries, changed, byId, current.snapshot.builtAt),
        newestChange: newestOf(rows, current.newestChange),
        refreshedAt: startedAt,
      };
    } else {
      state = { ...current, refreshedAt: startedAt };
    }
  }

  return {
    async snapshot() {
      const current = state ?? (await startBuild());
      const at = now();
      if (at - current.snapshot.builtAt >= rebuildMs && building === null) {
        // in the background: searches keep the current copy meanwhile
        startBuild().catch((error: unknown) => logger.warn({ err: error }, 'catalogue index rebuild failed; the previous copy is kept'));
      }
      if (stale || at - current.refreshedAt >= refreshMs) {
        refreshing ??= outsideRequests(() => refresh(current)).finally(() => {
          refreshing = null;
        });
        try {
          await refreshing;
        } catch (error) {
          // the copy is at most one refresh behind; an ERP hiccup must not turn search off
          stale = true;
          if (error instanceof CatalogueTooLargeError) throw error;
          logger.warn({ err: error }, 'catalogue index refresh failed; searching the previous copy');
        }
      }
      return (state ?? current).snapshot;
    },
    markStale() {
      stale = true;
    },
  };
}
