import type { Cache } from '../cache/cache.ts';
import { invalidate } from '../cache/invalidate.ts';
import type { Logger } from '../logging/index.ts';
import type { ChangeEvent, OnChange } from './change-event.ts';

/**
 * Which cache keys (below the subgraph's key prefix) one change makes wrong: each subgraph's mapping, kept next to its
 * `<role>-cache-keys.ts`. It may read the cache (the CRM learns a contact's e-mail and login from its cached entry,
 * since HubSpot's events carry ids only). Return only keys you can name; what cannot be named lives until its TTL.
 */
export type KeysOfChange = (event: ChangeEvent, cache: Cache) => readonly string[] | Promise<readonly string[]>;

export interface CreateCacheInvalidatorOptions {
  /** the subgraph's process-wide cache (memory or Redis), the one its loaders store in */
  cache: Cache;
  keysOf: KeysOfChange;
  logger: Logger;
  /**
   * The subgraph's per-call upstream timeout; the same keys are deleted again twice this long after the event (0: no
   * second delete). A read already in flight when the change happened may have fetched the old value and store it
   * just after the first delete, where it would be served as fresh for a whole TTL. Such a read has ended once its
   * call (and one retry) has timed out at the latest, so the second delete catches it; a read that starts after the
   * change fetches the new value anyway.
   */
  upstreamTimeoutMs: number;
  /** Called with every event once its entries are gone (tests observe events here). */
  observer?: OnChange | undefined;
}

export interface CacheInvalidator {
  /** The subgraph's `onChange`: drops the event's keys, schedules the second delete, then calls the observer. */
  onChange: OnChange;
  /** Clears the pending second deletes (at shutdown, before the cache closes); later events still drop their keys once. */
  stop(): void;
}

/**
 * The one way every subgraph turns a change event into dropped cache entries (only the key mapping differs).
 * Idempotent, as change sources deliver at least once: deleting a key twice is the same as once, and an event that
 * names nothing cached costs a few deletes of missing keys. A failing mapping throws, so a polled source keeps its
 * cursor and delivers the event again.
 */
export function createCacheInvalidator(options: CreateCacheInvalidatorOptions): CacheInvalidator {
  const { cache, keysOf, logger, observer } = options;
  const redeleteAfterMs = 2 * Math.max(0, options.upstreamTimeoutMs);
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  function redeleteLater(keys: readonly string[]): void {
    if (stopped || redeleteAfterMs <= 0 || keys.length === 0) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void invalidate(cache, keys);
    }, redeleteAfterMs);
    // a pending second delete never keeps the process alive
    timer.unref();
    timers.add(timer);
  }

  return {
    async onChange(event) {
      const keys = [...new Set(await keysOf(event, cache))];
      await invalidate(cache, keys);
      redeleteLater(keys);
      // counts and the cause only: ids and keys can name people (key names hash e-mails, but not every id is opaque)
      logger.debug(
        { system: event.system, kind: event.kind, cause: event.cause, records: event.ids.length, keys: keys.length },
        'upstream change: cache entries dropped',
      );
      await observer?.(event);
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
