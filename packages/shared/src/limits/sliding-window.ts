/**
 * The sliding-window log, the one algorithm behind every Omnigraph limit that must hold "at most N in any window of
 * W", at window boundaries too (a fixed window admits 2N across a boundary): the gateway's per-key request limit and
 * the upstream budgets. Each admission is logged with its time; the window is (now - W, now], so an admission
 * exactly W old no longer counts. Two twins: Lua on a Redis ZSET (shared by replicas, times from Redis `TIME`, in
 * µs) and an in-memory log (the per-replica fallback, times from the process clock, in ms).
 */

/**
 * Lua helpers to prepend to a script. `int` formats a number for Redis (Lua's tostring keeps only 14 digits, and an
 * epoch in µs has 16); `redis_now` is Redis `TIME` in µs, never a replica clock, so replicas whose clocks disagree
 * still see one window. Times and windows are in µs.
 */
export const SLIDING_WINDOW_LUA = `
local function int(x) return string.format('%.0f', x) end
local function redis_now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end
-- Drops what left the window and returns how many admissions remain in it.
local function window_count(key, now, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', int(now - window))
  return redis.call('ZCARD', key)
end
-- With count >= cap admissions in the window: how long until fewer than cap remain (the entry at count - cap leaves).
local function window_wait(key, count, cap, now, window)
  if cap <= 0 then return window end
  local entry = redis.call('ZRANGE', key, count - cap, count - cap, 'WITHSCORES')
  return tonumber(entry[2]) + window - now
end
-- Logs one admission; member must be unique across replicas, or two admissions in the same µs collapse into one.
local function window_add(key, now, window, member)
  redis.call('ZADD', key, int(now), member)
  redis.call('PEXPIRE', key, int(math.ceil(window / 1000)))
end
`;

/** In-memory twin of the Lua helpers: admission times in ms, ascending. */
export interface SlidingWindowLog {
  /** Drops what left the window (now - windowMs, now] and returns how many admissions remain in it. */
  trim(now: number, windowMs: number): number;
  /** Admissions kept (as of the last trim). */
  readonly count: number;
  /** With at least `cap` admissions in the window (trimmed at `now`): ms until fewer than `cap` remain. */
  waitFor(cap: number, now: number, windowMs: number): number;
  /** Logs one admission at `now`. */
  add(now: number): void;
  /** Admissions logged at or after `t` (at the same ms counts: with ms times, "at" is "after" as often as not). */
  countSince(t: number): number;
  /** The oldest admission kept, if any. */
  oldest(): number | undefined;
}

export function createSlidingWindowLog(): SlidingWindowLog {
  // Entries before `head` have left the window; they are trimmed lazily and compacted in bulk.
  let log: number[] = [];
  let head = 0;

  return {
    trim(now, windowMs) {
      while (head < log.length && (log[head] as number) <= now - windowMs) head++;
      if (head > 64 && head * 2 > log.length) {
        log = log.slice(head);
        head = 0;
      }
      return log.length - head;
    },
    get count() {
      return log.length - head;
    },
    waitFor(cap, now, windowMs) {
      if (cap <= 0) return windowMs;
      const count = log.length - head;
      return (log[head + count - cap] as number) + windowMs - now;
    },
    add(now) {
      // A clock stepped backwards must not unsort the log, or trimming from the head would keep expired entries.
      log.push(Math.max(now, log.at(-1) ?? now));
    },
    countSince(t) {
      // Binary search for the first entry at or after t.
      let lo = head;
      let hi = log.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((log[mid] as number) < t) lo = mid + 1;
        else hi = mid;
      }
      return log.length - lo;
    },
    oldest() {
      return head < log.length ? log[head] : undefined;
    },
  };
}
