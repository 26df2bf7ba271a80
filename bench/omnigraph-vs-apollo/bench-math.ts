/** The arithmetic of `npm run bench`, apart so it can be unit-tested without starting a stack. */

/** CPU ms per request from a clock-tick delta of /proc/<pid>/stat (USER_HZ = 100 on Linux: one tick is 10 ms). */
export function cpuMsPerRequest(ticks: number, requests: number): number {
  return requests > 0 ? (ticks * 10) / requests : NaN;
}

/** Requests one fully busy core would serve at this CPU cost: the fair per-core figure on a shared box. */
export function requestsPerCoreSecond(cpuMsPerReq: number): number {
  return cpuMsPerReq > 0 ? 1000 / cpuMsPerReq : NaN;
}

/** RSS growth from the first to the last sample, in percent of the first. */
export function driftPercent(start: number, end: number): number {
  return start > 0 ? ((end - start) / start) * 100 : NaN;
}

/** Median and range of repeated samples. */
export function summarise(xs: number[]): { median: number; min: number; max: number } {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
  return { median, min: finite[0]!, max: finite[finite.length - 1]! };
}

/** Share of the concurrency bound reached: C connections over a latency floor allow at most C ÷ floor requests/s. */
export function shareOfConcurrencyBound(rps: number, connections: number, floorMs: number): number {
  return floorMs > 0 ? rps / ((connections * 1000) / floorMs) : NaN;
}

/**
 * Marginal gateway CPU per list item, in µs: the slope between the shortest and the longest list, so the fixed cost of
 * a request (HTTP, parse, plan) cancels out. `points` are [list size, CPU ms per request].
 */
export function microsPerListItem(points: [number, number][]): number {
  // a missing size would silently change the span the slope is taken over
  if (points.length < 2 || points.some(([, ms]) => !Number.isFinite(ms))) return NaN;
  const finite = [...points].sort((a, b) => a[0] - b[0]);
  const [n0, ms0] = finite[0]!;
  const [n1, ms1] = finite[finite.length - 1]!;
  return n1 > n0 ? ((ms1 - ms0) * 1000) / (n1 - n0) : NaN;
}

/**
 * RSS over a soak from samples taken at even intervals: the start is the mean of the second tenth (the first is
 * warm-up: caches filling, JIT, pools growing), the end the mean of the last tenth and the settled `after` figure,
 * the peak the highest sample.
 */
export function soakRss(samples: number[], after = NaN): { start: number; end: number; peak: number } {
  const xs = samples.filter(Number.isFinite);
  const mean = (ys: number[]) => (ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : NaN);
  if (xs.length === 0) return { start: NaN, end: after, peak: after };
  const tenth = Math.max(1, Math.floor(xs.length / 10));
  const start = mean(xs.slice(tenth, 2 * tenth).length > 0 ? xs.slice(tenth, 2 * tenth) : xs.slice(0, 1));
  const last = xs.slice(-tenth);
  const end = mean(Number.isFinite(after) ? [...last, after] : last);
  return { start, end, peak: Math.max(...xs) };
}

export type Verdict = 'PASS' | 'FAIL' | '—';

/** A target check: `value` against `target` with `op`; not measured (NaN) is neither a pass nor a fail. */
export function judge(value: number, op: '≤' | '≥', target: number): Verdict {
  if (!Number.isFinite(value)) return '—';
  return (op === '≤' ? value <= target : value >= target) ? 'PASS' : 'FAIL';
}
