import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RequestPriority } from '@omnigraph/shared/sources';

export interface LoadShedderOptions {
  /** Requests in flight in this process at which even interactive (internal) requests are refused. */
  maxInFlight: number;
  /** Bulk (partner) requests are refused once this share of maxInFlight is in use. @default 0.5 */
  bulkInFlightShare?: number;
  /** Event-loop lag (ms) above which bulk requests are refused. */
  bulkLagMs: number;
  /** Event-loop lag (ms) above which interactive requests are refused too. */
  interactiveLagMs: number;
  /** The current event-loop lag in ms; injectable for tests. @default a perf_hooks monitor, see `createEventLoopLag` */
  lag?: EventLoopLag;
}

export interface EventLoopLag {
  /** the lag in ms the shedder decides on: the mean delay of the last window */
  current(): number;
  close(): void;
}

export type ShedDecision = { shed: false; release: () => void } | { shed: true; reason: 'lag' | 'in-flight'; retryAfterSeconds: number };

export interface LoadShedder {
  /** Admit one request of `priority`, or tell why not; an admitted request must call `release` once when done. */
  admit(priority: RequestPriority): ShedDecision;
  inFlight(): number;
  close(): void;
}

/**
 * Sheds load before the event loop saturates. Node serves every request on one thread: past its capacity every
 * request gets slower, the fast refusals too, until timeouts pile up and nobody is served. Two signals, both cheap:
 * requests in flight (a leading signal: they are about to cost CPU) and event-loop lag (the trailing proof that
 * they do). Bulk (partner) traffic is shed first, at a lower threshold of both, so the call center keeps its answers
 * while partners get 503 OVERLOADED with `Retry-After`.
 */
export function createLoadShedder(options: LoadShedderOptions): LoadShedder {
  const bulkShare = options.bulkInFlightShare ?? 0.5;
  const bulkMaxInFlight = Math.max(1, Math.floor(options.maxInFlight * bulkShare));
  const lag = options.lag ?? createEventLoopLag();
  let inFlight = 0;

  function release(): () => void {
    inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight--;
    };
  }

  return {
    admit(priority) {
      const bulk = priority === 'bulk';
      const lagMs = lag.current();
      if (lagMs > (bulk ? options.bulkLagMs : options.interactiveLagMs)) {
        // The loop needs a moment to drain; a bulk client should stay away longer than an interactive one.
        return { shed: true, reason: 'lag', retryAfterSeconds: bulk ? 2 : 1 };
      }
      if (inFlight >= (bulk ? bulkMaxInFlight : options.maxInFlight)) return { shed: true, reason: 'in-flight', retryAfterSeconds: bulk ? 2 : 1 };
      return { shed: false, release: release() };
    },
    inFlight: () => inFlight,
    close: () => lag.close(),
  };
}

/**
 * Event-loop lag from `perf_hooks.monitorEventLoopDelay` (a libuv timer histogram, no work on the loop itself):
 * every `windowMs` the mean delay of the window just ended is recorded and the histogram starts over; the current
 * value is the lower of the last two windows. The mean, not the maximum, and two windows, not one: one long task (a
 * GC pause, boot, planning a new operation) must not shed everyone, while a saturated loop delays every sample of
 * consecutive windows and is seen within two.
 */
export function createEventLoopLag(options: { windowMs?: number; resolutionMs?: number } = {}): EventLoopLag {
  const resolutionMs = options.resolutionMs ?? 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  let previous = 0;
  let last = 0;
  const timer = setInterval(() => {
    previous = last;
    // The histogram counts the timer's own resolution as delay: only what is beyond it is lag.
    last = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - resolutionMs) : 0;
    histogram.reset();
  }, options.windowMs ?? 500);
  timer.unref();
  return {
    current: () => Math.min(previous, last),
    close() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
