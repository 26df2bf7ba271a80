import type { ServerResponse } from 'node:http';

/** The refusals that say "you are sending in parallel faster than you are answered". */
const FLOOD_CODES = new Set(['CONCURRENCY_LIMIT_EXCEEDED', 'OVERLOADED']);

export interface RefusalDelayOptions {
  /** how long a flood refusal is held before it is sent; 0 sends every refusal at once */
  delayMs: number;
  /** refusals held at most at a time; beyond it they are sent at once (memory and sockets stay bounded) */
  maxPending?: number;
}

export interface RefusalDelay {
  /** sends the refusal now, or after the delay when its code is a flood code; `send` writes the response */
  answer(res: ServerResponse, code: unknown, send: () => void): void;
  pending(): number;
}

/**
 * Flood refusals are answered late. A client over its concurrency cap, or shed while the gateway is overloaded, has
 * more requests in flight than it is being answered; an immediate 429/503 only invites the next request on the same
 * connection, and refusing thousands of requests per second is itself what fills the event loop that every
 * well-behaved caller shares. Holding the refusal for about its `Retry-After` limits each of the flooding client's
 * connections to one request per delay, at the cost of a timer per held socket. A client that disconnects frees its
 * slot at once.
 */
export function createRefusalDelay({ delayMs, maxPending = 10_000 }: RefusalDelayOptions): RefusalDelay {
  let pending = 0;
  return {
    answer(res, code, send) {
      if (delayMs <= 0 || !FLOOD_CODES.has(String(code)) || pending >= maxPending) {
        send();
        return;
      }
      pending += 1;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        pending -= 1;
        clearTimeout(timer);
        res.off('close', finish);
      };
      const timer = setTimeout(() => {
        finish();
        if (!res.destroyed) send();
      }, delayMs);
      res.on('close', finish);
    },
    pending: () => pending,
  };
}
