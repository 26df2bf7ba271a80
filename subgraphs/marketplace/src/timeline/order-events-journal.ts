/**
 * Allegro's order events kept per checkout form, for the order timeline. Allegro has no per-order history: its event
 * feed (`GET /order/events`) is seller-wide and kept 60 days, and the subgraph already polls it for cache freshness.
 * The poll records every event here as it reads it, in the subgraph's shared cache (Redis; memory without it), one
 * entry per checkout form, so a timeline costs no Allegro call for it.
 *
 * Bounded twice: each entry lives as long as Allegro keeps the events (60 days, renewed by a newer event) and keeps
 * the newest {@link ORDER_EVENTS_JOURNAL_MAX_PER_ORDER} events of its form. Allegro delivers events at least once and
 * not always in order: an event id already kept is not added again, and the entry is kept oldest first.
 */
import type { Cache } from '@omnigraph/shared/cache';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';

/** One Allegro order event as kept: its id, type (BOUGHT, READY_FOR_PROCESSING …) and when it happened (ISO 8601 UTC). */
export interface JournalEntry {
  id: string;
  type: string;
  at: string;
}

/** Allegro keeps order events 60 days (upstream-apis.md §1.6); the journal keeps them as long. */
export const ORDER_EVENTS_JOURNAL_TTL_SECONDS = 60 * 24 * 60 * 60;
/** A real order has a handful of events; more than this is a loop somewhere, and the oldest go first. */
export const ORDER_EVENTS_JOURNAL_MAX_PER_ORDER = 50;

export interface OrderEventsJournal {
  /** Adds polled events (any order, repeats allowed); resolves once stored. */
  record(events: readonly (JournalEntry & { checkoutFormId: string })[]): Promise<void>;
  /** The kept events of each form, oldest first, one list per form in the order given (empty when none). */
  eventsOf(checkoutFormIds: readonly string[]): Promise<JournalEntry[][]>;
}

function byTime(a: JournalEntry, b: JournalEntry): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createOrderEventsJournal(options: { cache: Cache; ttlSeconds?: number; maxPerOrder?: number }): OrderEventsJournal {
  const { cache } = options;
  const ttlSeconds = options.ttlSeconds ?? ORDER_EVENTS_JOURNAL_TTL_SECONDS;
  const maxPerOrder = options.maxPerOrder ?? ORDER_EVENTS_JOURNAL_MAX_PER_ORDER;
  return {
    async record(events) {
      const byForm = new Map<string, JournalEntry[]>();
      for (const { checkoutFormId, id, type, at } of events) {
        if (Number.isNaN(Date.parse(at))) continue;
        const list = byForm.get(checkoutFormId) ?? [];
        list.push({ id, type, at: new Date(Date.parse(at)).toISOString() });
        byForm.set(checkoutFormId, list);
      }
      const ids = [...byForm.keys()];
      const keys = ids.map(marketplaceCacheKeys.orderEvents);
      // Read-modify-write: the poll is the only writer (one poller per seller account, under the freshness lock).
      const stored = await cache.getMany<JournalEntry[]>(keys);
      await Promise.all(
        ids.map(async (id, i) => {
          const kept = new Map((stored[i] ?? []).map((entry) => [entry.id, entry]));
          for (const entry of byForm.get(id) ?? []) if (!kept.has(entry.id)) kept.set(entry.id, entry);
          const list = [...kept.values()].sort(byTime).slice(-maxPerOrder);
          await cache.set(keys[i] as string, list, ttlSeconds);
        }),
      );
    },
    async eventsOf(checkoutFormIds) {
      if (checkoutFormIds.length === 0) return [];
      const stored = await cache.getMany<JournalEntry[]>(checkoutFormIds.map(marketplaceCacheKeys.orderEvents));
      return stored.map((list) => [...(list ?? [])].sort(byTime));
    },
  };
}
