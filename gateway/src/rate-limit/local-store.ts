import { createSlidingWindowLog, type SlidingWindowLog } from '@omnigraph/shared/limits';
import { COST_EPSILON, DAY_MS, WINDOW_MS } from './policy.ts';
import type { EffectiveLimits, RateLimitReason, StoreOutcome } from './types.ts';

/**
 * In-process twin of the Redis script (same checks, same order, same all-or-nothing rule), used while Redis is
 * unreachable or when none is configured. Times in ms from the injected clock.
 */
export interface LocalStore {
  consume(subject: string, limits: EffectiveLimits, cost: number): StoreOutcome;
  /** Subjects with state (tests check that idle ones are dropped). */
  readonly size: number;
}

interface SubjectState {
  /** Admission times: the shared sliding-window log. */
  log: SlidingWindowLog;
  /** Cost bucket: units spent and not yet refilled, as of `at`. */
  debt: number;
  at: number;
  day: number;
  used: number;
}

/** Every this many calls, subjects with nothing left to remember are dropped, so memory follows active subjects. */
const SWEEP_EVERY = 1_024;

export function createLocalStore(now: () => number): LocalStore {
  const subjects = new Map<string, SubjectState>();
  let calls = 0;

  function sweep(t: number): void {
    const day = Math.floor(t / DAY_MS);
    for (const [subject, state] of subjects) {
      // A full window refills any debt a budget allows.
      if (state.log.trim(t, WINDOW_MS) === 0 && t - state.at >= WINDOW_MS && (state.day !== day || state.used === 0)) subjects.delete(subject);
    }
  }

  return {
    get size() {
      return subjects.size;
    },
    consume(subject, limits, cost) {
      const t = now();
      if (++calls % SWEEP_EVERY === 0) sweep(t);
      let state = subjects.get(subject);
      if (state === undefined) {
        state = { log: createSlidingWindowLog(), debt: 0, at: t, day: Math.floor(t / DAY_MS), used: 0 };
        subjects.set(subject, state);
      }

      let reason: RateLimitReason | undefined;
      let wait = 0;
      const refuse = (why: RateLimitReason, after: number) => {
        reason ??= why;
        wait = Math.max(wait, after);
      };

      const day = Math.floor(t / DAY_MS);
      if (state.day !== day) {
        state.day = day;
        state.used = 0;
      }
      if (limits.quota > 0 && state.used >= limits.quota) refuse('QUOTA_EXCEEDED', (day + 1) * DAY_MS - t);

      const count = state.log.trim(t, WINDOW_MS);
      if (count >= limits.requests) refuse('RATE_LIMITED', state.log.waitFor(limits.requests, t, WINDOW_MS));

      // Token bucket of `limits.cost` units refilling in one window (GCRA with quantity = cost, burst = budget).
      let debt = 0;
      if (limits.cost > 0) {
        debt = Math.max(0, state.debt - (Math.max(0, t - state.at) * limits.cost) / WINDOW_MS) + cost;
        if (debt > limits.cost + COST_EPSILON) {
          // A cost above the whole budget never fits: say "a minute", the longest any refill takes.
          refuse('COST_LIMIT_EXCEEDED', cost > limits.cost ? WINDOW_MS : ((debt - limits.cost) * WINDOW_MS) / limits.cost);
        }
      }

      const quotaRemaining = limits.quota > 0 ? { quotaRemaining: limits.quota - state.used } : {};
      if (reason !== undefined) {
        return {
          allowed: false,
          reason,
          retryAfterMs: wait,
          requestsRemaining: Math.max(0, limits.requests - count),
          requestsResetMs: 0,
          ...quotaRemaining,
        };
      }

      state.log.add(t);
      if (limits.cost > 0) {
        state.debt = debt;
        state.at = t;
      }
      if (limits.quota > 0) state.used++;
      return {
        allowed: true,
        retryAfterMs: 0,
        requestsRemaining: limits.requests - count - 1,
        requestsResetMs: (state.log.oldest() as number) + WINDOW_MS - t,
        ...(limits.quota > 0 ? { quotaRemaining: limits.quota - state.used } : {}),
      };
    },
  };
}
