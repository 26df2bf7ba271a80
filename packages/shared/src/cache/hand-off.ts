import type { Cache } from './cache.ts';
import { createMemoryCache } from './memory-cache.ts';

/**
 * How long a listed order waits in the hand-off for the entity step of the same query: the gateway asks for it
 * milliseconds after the listing, so seconds are plenty, and short enough that a change missed here shows at once.
 */
export const HAND_OFF_SECONDS = 10;

/**
 * A small process-local cache that carries the orders a listing read to the entity step that follows (ADR 0014), so
 * that a listed order is never read again, also when the shared cache is off or its TTL is 0. Bounded: one process
 * holds a few hundred pages' worth at most, the oldest evicted first.
 */
export function createHandOff(): Cache {
  return createMemoryCache({ maxEntries: 5_000, maxBytes: 16 * 1024 * 1024 });
}
