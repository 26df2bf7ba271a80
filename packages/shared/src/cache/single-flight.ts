/**
 * In-flight upstream reads of one process, by key, so concurrent requests missing the same cache entry cost one
 * upstream call instead of one each (a cache stampede after an entry expires, or N call-center agents typing the same
 * phone number). Create ONE per process (at boot, beside the cache) and hand it to every request's loaders; a
 * per-request instance would dedupe nothing. Not shared between replicas: each replica still makes its own call,
 * which is bounded by the replica count and needs no Redis lock on the hot path.
 */
export interface SingleFlight {
  /** The result another request is already fetching for `key`, if any. */
  joinable(key: string): Promise<unknown> | undefined;
  /**
   * Publishes `promise` as the in-flight result of `key`. Returns the function that withdraws it; the owner calls it
   * once the result is in the cache, so a request that missed the cache a moment earlier still finds the flight.
   */
  publish(key: string, promise: Promise<unknown>): () => void;
  /** Keys in flight (bounded by the upstream calls in flight); for tests and metrics. */
  readonly size: number;
}

export function createSingleFlight(): SingleFlight {
  const flights = new Map<string, Promise<unknown>>();
  return {
    joinable: (key) => flights.get(key),
    publish(key, promise) {
      // joiners handle the outcome; this only keeps an unobserved rejection from crashing the process
      promise.catch(() => {});
      flights.set(key, promise);
      return () => {
        // a later flight for the same key may have replaced this one; leave it alone
        if (flights.get(key) === promise) flights.delete(key);
      };
    },
    get size() {
      return flights.size;
    },
  };
}
