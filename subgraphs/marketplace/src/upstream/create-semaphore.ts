/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in FIFO order. Used to cap parallel
 * per-id reads where the upstream has no batch endpoint (Allegro answers 429 to too many parallel requests of one
 * seller, upstream-apis.md §1.4).
 */
export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** tasks running right now (for tests and metrics) */
  readonly active: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`semaphore limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter, so `active` never exceeds the limit in between.
    if (next) next();
    else active -= 1;
  };
  return {
    get active() {
      return active;
    },
    async run(task) {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
