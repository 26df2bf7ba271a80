/**
 * Requests in flight per credential subject. A rate limit counts requests per minute; it does not stop one key from
 * opening 500 connections at once and holding every socket, subgraph slot and upstream budget while each request is
 * slow. The cap bounds that: over it the request is refused at once (429 CONCURRENCY_LIMIT_EXCEEDED), before any
 * parsing or planning, and a slot frees when a response has been written.
 */
export interface ConcurrencyLimiter {
  /** A release function (call it exactly once, when the response is done), or undefined when `subject` is at `limit`. */
  tryAcquire(subject: string, limit: number): (() => void) | undefined;
  /** requests of `subject` in flight now */
  inFlight(subject: string): number;
}

export function createConcurrencyLimiter(): ConcurrencyLimiter {
  // Only subjects with a request in flight have an entry: the map is bounded by the requests in flight, not by keys.
  const counts = new Map<string, number>();
  return {
    tryAcquire(subject, limit) {
      const current = counts.get(subject) ?? 0;
      if (current >= limit) return undefined;
      counts.set(subject, current + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(subject) ?? 1) - 1;
        if (left <= 0) counts.delete(subject);
        else counts.set(subject, left);
      };
    },
    inFlight: (subject) => counts.get(subject) ?? 0,
  };
}
