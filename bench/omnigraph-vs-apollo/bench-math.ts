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
