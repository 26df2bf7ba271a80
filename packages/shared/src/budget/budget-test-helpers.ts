// Helpers for this folder's tests only (not exported from the package).

/** Deterministic arrivals: mulberry32. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The largest number of `times` inside any window [t, t + windowMs): the sliding check. */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] as number) - (sorted[from] as number) >= windowMs) from++;
    max = Math.max(max, to - from + 1);
  }
  return max;
}

/** Poisson arrival offsets (ms) at `perSecond` on average within [0, durationMs). */
export function poissonArrivals(random: () => number, perSecond: number, durationMs: number): number[] {
  const arrivals: number[] = [];
  for (let t = (-Math.log(1 - random()) * 1000) / perSecond; t < durationMs; t += (-Math.log(1 - random()) * 1000) / perSecond) {
    arrivals.push(t);
  }
  return arrivals;
}
