/**
 * A least-recently-used memo with two bounds: entries, and a total weight (e.g. the characters of the query texts
 * kept), so that callers sending many distinct or very large operations cannot grow it without end. For work that
 * depends only on what clients send over and over (a query text, an operation name, a caller's scopes): the
 * gateway's per-operation checks are the same for every request of one operation, only its variables change.
 */
export interface BoundedMemo<K, V> {
  /** the value kept for `key`, which becomes the most recently used; undefined when none is kept */
  get(key: K): V | undefined;
  /** keeps `value` (nothing is kept when `weight` alone is over the weight bound), evicting the least recently used */
  set(key: K, value: V, weight?: number): void;
  clear(): void;
  /**
   * Forgets every entry when `owner` is not the one of the previous call: entries derived from a schema (or any
   * other versioned input) hold for that version only, e.g. `memo.keepFor(schema)` before each use.
   */
  keepFor(owner: object): void;
  readonly size: number;
}

export interface BoundedMemoOptions {
  maxEntries: number;
  /** sum of the weights of the entries kept; @default Infinity */
  maxWeight?: number;
}

export function createBoundedMemo<K, V>(options: BoundedMemoOptions): BoundedMemo<K, V> {
  const { maxEntries } = options;
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<K, { value: V; weight: number }>();
  let weight = 0;
  let owner: object | undefined;
  const clear = () => {
    entries.clear();
    weight = 0;
  };

  const remove = (key: K) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    weight -= entry.weight;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, entryWeight = 0) {
      remove(key);
      if (entryWeight > maxWeight || maxEntries <= 0) return;
      entries.set(key, { value, weight: entryWeight });
      weight += entryWeight;
      while (entries.size > maxEntries || weight > maxWeight) remove(entries.keys().next().value as K);
    },
    clear,
    keepFor(next) {
      if (owner === next) return;
      clear();
      owner = next;
    },
    get size() {
      return entries.size;
    },
  };
}
