import { currentRequestScope } from '../sources/request-scope.ts';
import { createMemoryCache } from './memory-cache.ts';

/**
 * How long a listed order waits in the hand-off for the entity step of the same query: the gateway asks for it
 * milliseconds after the listing, so seconds are plenty.
 */
export const HAND_OFF_SECONDS = 10;

/**
 * Carries the orders a listing read to the entity step of the same gateway request (ADR 0014), so that a listed order
 * is not read again, also when the shared cache is off or its TTL is 0.
 *
 * Scoped to one gateway request and caller (the signed request id, the caller's subject and customer binding), never
 * a cache: a later request — the read a write decides on, a query after a webhook changed the order — never sees
 * what an earlier one listed, so no change event has to reach it. A read that must be fresh (`freshReads`) and a call
 * without a gateway request id (background work, a subgraph's own calls) neither hand over nor take.
 */
export interface HandOff {
  put<T>(entries: ReadonlyArray<readonly [key: string, value: T]>): Promise<void>;
  /** one entry per key, in key order; undefined where nothing was handed over */
  take<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
}

/** One per process; bounded: a few hundred pages' worth at most, the oldest evicted first. */
export function createHandOff(): HandOff {
  const store = createMemoryCache({ maxEntries: 5_000, maxBytes: 16 * 1024 * 1024 });
  const requestPrefix = (): string | null => {
    const scope = currentRequestScope();
    if (scope === undefined || scope.requestId === undefined || scope.freshReads) return null;
    // the request id alone is the client's when it sent a sane one: the caller keeps one client's ids from another's
    const { identity } = scope;
    return `${JSON.stringify([scope.requestId, identity.kind, identity.subject, identity.customer ?? null])}\n`;
  };
  return {
    async put(entries) {
      const prefix = requestPrefix();
      if (prefix === null) return;
      await Promise.all(entries.map(([key, value]) => store.set(prefix + key, value, HAND_OFF_SECONDS)));
    },
    async take<T>(keys: readonly string[]) {
      const prefix = requestPrefix();
      if (prefix === null || keys.length === 0) return keys.map((): T | undefined => undefined);
      return store.getMany<T>(keys.map((key) => prefix + key));
    },
  };
}
