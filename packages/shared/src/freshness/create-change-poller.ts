import type { Logger } from '../logging/index.ts';
import type { ChangeEvent, OnChange } from './change-event.ts';
import type { CursorStore, RunnerLock } from './freshness-state.ts';

export interface PollPage {
  events: ChangeEvent[];
  /** the cursor after this page; stored once every event of the page was handled */
  cursor: string;
  /** more pages are waiting: poll again at once instead of after the interval */
  more?: boolean;
}

/** What a polled upstream offers: where to start, and the changes after a cursor. */
export interface PolledChangeSource {
  /** unique per subgraph, e.g. `allegro-order-events`: names the cursor and the lock */
  name: string;
  /**
   * The cursor to start from when none is stored (first start): the source's latest position, so history is not
   * replayed as a flood of invalidations.
   */
  initialCursor(): Promise<string>;
  /** one page of changes after `cursor` */
  poll(cursor: string): Promise<PollPage>;
}

export interface ChangePollerOptions extends PolledChangeSource {
  /** pause between polls when the source had nothing more. @default 1_000 */
  intervalMs?: number;
  cursors: CursorStore;
  lock: RunnerLock;
  /** lock lifetime; renewed on every tick, so it must exceed interval + one poll. @default max(10 s, 5 × interval) */
  lockTtlMs?: number;
  onChange: OnChange;
  logger: Logger;
  /** longest wait between failed polls (exponential from `intervalMs`, jittered). @default 30_000 */
  maxBackoffMs?: number;
}

export interface ChangePoller {
  /** starts the loop (idempotent) */
  start(): void;
  /** ends the loop, waits for a running poll and releases the lock */
  stop(): Promise<void>;
  /**
   * Runs one tick now (lock, cursor, poll, onChange, store) and tells what happened; the loop uses the same code.
   * For tests and for a readiness probe.
   */
  tick(): Promise<TickResult>;
}

export type TickResult =
  { outcome: 'standby' } | { outcome: 'initialized'; cursor: string } | { outcome: 'polled'; events: number; cursor: string; more: boolean };

/**
 * The shared loop of every polled freshness source: one runner across replicas (lock), a persisted cursor that
 * advances only after the page's events were handled (at-least-once), exponential backoff with jitter on failure,
 * and a `stop()` that leaves nothing running.
 */
export function createChangePoller(options: ChangePollerOptions): ChangePoller {
  const intervalMs = options.intervalMs ?? 1_000;
  const lockTtlMs = options.lockTtlMs ?? Math.max(10_000, intervalMs * 5);
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = options.logger.child({ poller: options.name });
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let failures = 0;
  let holding = false;

  async function tick(): Promise<TickResult> {
    holding = await options.lock.acquire(options.name, lockTtlMs);
    if (!holding) return { outcome: 'standby' };
    // Read on every tick: another replica may have advanced it while this one was standing by.
    const stored = await options.cursors.get(options.name);
    if (stored === undefined) {
      const cursor = await options.initialCursor();
      await options.cursors.set(options.name, cursor);
      log.info({ cursor }, 'freshness cursor initialised at the latest upstream position');
      return { outcome: 'initialized', cursor };
    }
    const page = await options.poll(stored);
    for (const event of page.events) await options.onChange(event);
    if (page.cursor !== stored) await options.cursors.set(options.name, page.cursor);
    return { outcome: 'polled', events: page.events.length, cursor: page.cursor, more: page.more === true };
  }

  async function run(): Promise<void> {
    while (running) {
      let delay = intervalMs;
      try {
        const result = await tick();
        failures = 0;
        if (result.outcome === 'polled' && result.more) delay = 0;
        if (result.outcome === 'initialized') delay = 0;
      } catch (error) {
        failures += 1;
        const base = Math.min(maxBackoffMs, intervalMs * 2 ** Math.min(failures, 16));
        // Full jitter, so replicas and sources that failed together do not retry in lockstep.
        delay = Math.max(intervalMs, Math.round(Math.random() * base));
        log.warn({ err: error, failures, retryInMs: delay }, 'freshness poll failed');
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, delay);
      });
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
      loop = undefined;
      if (holding) await options.lock.release(options.name).catch(() => undefined);
      holding = false;
    },
    tick,
  };
}
