/**
 * The gateway's response cache for answers that carry no personal information (ADR 0015): whole HTTP bodies of
 * eligible queries, in this process's memory, bounded by bytes (least recently used out first), each for at most the
 * TTL and dropped earlier by the change events of the SKUs it contains.
 */
import { createHash } from 'node:crypto';
import { gatewayResponseCacheBytes, gatewayResponseCacheEvents } from '@omnigraph/shared/metrics';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { canonicalJson } from '@omnigraph/shared/writes';

export interface CachedResponse {
  /** the response body, as sent the first time */
  body: Buffer;
  /** Apollo's response headers (content type, `cache-control: no-store`), replayed on every hit */
  headers: ReadonlyArray<readonly [string, string]>;
  /** epoch ms the answer was stored: its age goes out in the `Age` header */
  storedAt: number;
}

interface Entry extends CachedResponse {
  key: string;
  expiresAt: number;
  bytes: number;
  tags: readonly string[];
}

export interface ResponseCacheOptions {
  ttlSeconds: number;
  maxBytes: number;
  /** injectable so TTL tests do not sleep @default Date.now */
  now?: () => number;
}

/** What changes an answer, besides the data behind it (see ADR 0015 for what is deliberately left out). */
export interface ResponseCacheKeyParts {
  /** the operation's document, printed by graphql-js (layout-independent) */
  normalized: string;
  operationName: string | undefined;
  variables: unknown;
  /** the client's Accept header: Apollo answers `application/json` or `application/graphql-response+json` by it */
  accept: string | undefined;
}

/** The tag of an answer whose SKUs cannot be read from it (see `skuTagged`): any SKU's change drops it. */
export const ANY_SKU = '*';

// The Map slot, the entry object and its fields, roughly; keeps many tiny answers from looking free.
const ENTRY_OVERHEAD_BYTES = 200;

export type ResponseCache = ReturnType<typeof createResponseCache>;

export function createResponseCache(options: ResponseCacheOptions) {
  const { maxBytes } = options;
  const ttlMs = options.ttlSeconds * 1000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used entry first.
  const entries = new Map<string, Entry>();
  const byTag = new Map<string, Set<string>>();
  // One entry is at most an eighth of the cache: a single large answer must not flush everything else.
  const maxEntryBytes = Math.floor(maxBytes / 8);
  let bytes = 0;
  // Bumped by every change event: a miss whose subgraph fetches began before an event may have read the old data, so
  // its answer is not stored (see `generation` and `store`).
  let generation = 0;
  const count = {
    hit: gatewayResponseCacheEvents.labels({ service: 'gateway', event: 'hit' }),
    miss: gatewayResponseCacheEvents.labels({ service: 'gateway', event: 'miss' }),
    store: gatewayResponseCacheEvents.labels({ service: 'gateway', event: 'store' }),
    evict: gatewayResponseCacheEvents.labels({ service: 'gateway', event: 'evict' }),
    invalidate: gatewayResponseCacheEvents.labels({ service: 'gateway', event: 'invalidate' }),
  };
  const bytesGauge = gatewayResponseCacheBytes.labels({ service: 'gateway' });

  function remove(entry: Entry): void {
    entries.delete(entry.key);
    bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(entry.key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  }

  return {
    get enabled() {
      return ttlMs > 0 && maxBytes > 0;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    /** The current invalidation generation: read it before executing a miss, hand it to `store`. */
    get generation() {
      return generation;
    },

    /** A live entry, counted as a hit, or undefined, counted as a miss. */
    lookup(key: string): CachedResponse | undefined {
      const entry = entries.get(key);
      if (entry !== undefined && entry.expiresAt > now()) {
        entries.delete(key);
        entries.set(key, entry);
        count.hit.inc();
        return entry;
      }
      if (entry !== undefined) {
        remove(entry);
        count.evict.inc();
        bytesGauge.set(bytes);
      }
      count.miss.inc();
      return undefined;
    },

    /**
     * Keeps a complete answer. `startedAt` is the generation read before the answer was computed: if a change event
     * came in since, the answer may predate it and is dropped. Returns whether it was kept.
     */
    store(key: string, body: string, headers: ReadonlyArray<readonly [string, string]>, tags: readonly string[], startedAt: number): boolean {
      if (ttlMs <= 0 || startedAt !== generation) return false;
      const buffer = Buffer.from(body, 'utf8');
      const size =
        buffer.length +
        key.length +
        headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
        tags.reduce((sum, tag) => sum + tag.length + 64, 0) +
        ENTRY_OVERHEAD_BYTES;
      if (size > maxEntryBytes) return false;
      const previous = entries.get(key);
      if (previous !== undefined) remove(previous);
      const t = now();
      const entry: Entry = { key, body: buffer, headers, storedAt: t, expiresAt: t + ttlMs, bytes: size, tags };
      entries.set(key, entry);
      bytes += size;
      for (const tag of tags) {
        let keys = byTag.get(tag);
        if (keys === undefined) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      count.store.inc();
      while (bytes > maxBytes) {
        const oldest = entries.values().next();
        if (oldest.done === true) break;
        remove(oldest.value);
        count.evict.inc();
      }
      bytesGauge.set(bytes);
      return true;
    },

    /**
     * Drops what a change makes wrong: the entries holding one of the event's SKUs (and those tagged ANY_SKU), or every entry when a catalogue
     * or stock change does not say which SKUs (nothing narrower can be named). Other kinds (orders, contacts,
     * customers) change no cacheable answer by themselves: the stock an order moves arrives as its own stock event.
     */
    onChange(event: Pick<ChangeEvent, 'kind' | 'refs'>): void {
      generation += 1;
      const skus = event.refs?.skus ?? [];
      if (skus.length === 0) {
        if (event.kind === 'product' || event.kind === 'stock') this.clear('invalidate');
        return;
      }
      for (const sku of [...skus, ANY_SKU]) {
        for (const key of [...(byTag.get(sku) ?? [])]) {
          const entry = entries.get(key);
          if (entry === undefined) continue;
          remove(entry);
          count.invalidate.inc();
        }
      }
      bytesGauge.set(bytes);
    },

    /** Drops everything (a new supergraph, or a change that names no SKU). */
    clear(reason: 'invalidate' | 'schema' = 'schema'): void {
      generation += 1;
      if (reason === 'invalidate') count.invalidate.inc(entries.size);
      entries.clear();
      byTag.clear();
      bytes = 0;
      bytesGauge.set(0);
    },
  };
}

/** A digest of everything that can change the answer, so a key weighs 64 bytes whatever the document's size. */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  return createHash('sha256')
    .update(parts.normalized)
    .update('\0')
    .update(parts.operationName ?? '')
    .update('\0')
    .update(canonicalJson(parts.variables ?? {}))
    .update('\0')
    .update(parts.accept ?? '')
    .digest('hex');
}

/** The SKUs an answer holds (every `sku` string of its data, at any depth): the tags change events find it by. */
export function skusOf(data: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) skusOf(item, into);
  } else if (data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    // the own enumerable keys, as Object.entries gives them, without an array of pairs per object (every stored miss
    // walks a whole answer: a 50-product one has a few hundred objects)
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (key === 'sku' && typeof value === 'string') into.add(value);
      else if (typeof value === 'object') skusOf(value, into);
    }
  }
  return into;
}
