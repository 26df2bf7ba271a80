import type { KeyStore } from './key-store.ts';
import { addCounts, utcDay, zeroUsage, type UsageCounts, type UsageIncrement } from './usage.ts';

export interface UsageMeterOptions {
  store: Pick<KeyStore, 'addUsage'>;
  /** How often the buffer is written to the store. @default 1_000 */
  flushIntervalMs?: number;
  /**
   * Key-days held while the store fails; beyond that the oldest buffered usage is dropped (and reported), so an
   * outage cannot grow the process without bound. @default 100_000
   */
  maxBufferedKeyDays?: number;
  /** Told after every write attempt: how many key-days, and the error when it failed (the usage is kept for the next). */
  onFlush?: (result: { keyDays: number; error?: unknown; dropped?: number }) => void;
  /** @default () => new Date() */
  clock?: () => Date;
}

export interface UsageMeter {
  /** Adds one request's usage to its key's current UTC day, in memory; never waits and never throws. */
  record(keyId: string, counts: Partial<UsageCounts>): void;
  /** Writes what is buffered now (also called by the timer and by `close`). */
  flush(): Promise<void>;
  /** Stops the timer and writes the rest. */
  close(): Promise<void>;
}

/**
 * Partner usage metering off the request path: requests add to an in-memory buffer per key and UTC day, and a timer
 * writes the buffer to the key store in one batch (for Redis, one pipeline of HINCRBY) every second and at close. A
 * write that fails puts its usage back into the buffer for the next one, so a short store outage loses nothing.
 */
export function createUsageMeter(options: UsageMeterOptions): UsageMeter {
  const clock = options.clock ?? (() => new Date());
  const maxBuffered = options.maxBufferedKeyDays ?? 100_000;
  let buffer = new Map<string, UsageIncrement>();
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  function add(keyId: string, day: string, counts: UsageCounts): void {
    const slot = `${keyId}\u0000${day}`;
    const existing = buffer.get(slot);
    if (existing !== undefined) {
      addCounts(existing, counts);
      return;
    }
    buffer.set(slot, { keyId, day, ...zeroUsage(), ...counts });
  }

  async function writeOnce(): Promise<void> {
    if (buffer.size === 0) return;
    const batch = buffer;
    buffer = new Map();
    const increments = [...batch.values()];
    try {
      await options.store.addUsage(increments);
      options.onFlush?.({ keyDays: increments.length });
    } catch (error) {
      for (const increment of increments) add(increment.keyId, increment.day, increment);
      let dropped = 0;
      for (const slot of buffer.keys()) {
        if (buffer.size <= maxBuffered) break;
        buffer.delete(slot);
        dropped++;
      }
      options.onFlush?.({ keyDays: increments.length, error, ...(dropped > 0 ? { dropped } : {}) });
    }
  }

  // One write at a time: a slow store must not have two flushes add the same usage twice.
  const flush = (): Promise<void> => (writing = writing.then(writeOnce, writeOnce));

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  return {
    record(keyId, counts) {
      if (closed) return;
      add(keyId, utcDay(clock()), { ...zeroUsage(), ...counts });
    },
    flush,
    async close() {
      closed = true;
      clearInterval(timer);
      await flush();
    },
  };
}
