import { describe, expect, it } from 'vitest';
import {
  cpuMsPerRequest,
  driftPercent,
  judge,
  microsPerListItem,
  requestsPerCoreSecond,
  shareOfConcurrencyBound,
  soakRss,
  summarise,
} from './bench-math.ts';

describe('bench arithmetic', () => {
  it('turns clock ticks into CPU ms per request', () => {
    expect(cpuMsPerRequest(30, 100)).toBe(3);
    expect(cpuMsPerRequest(30, 0)).toBeNaN();
  });

  it('turns CPU per request into requests per core-second', () => {
    expect(requestsPerCoreSecond(2)).toBe(500);
    expect(requestsPerCoreSecond(0)).toBeNaN();
  });

  it('reports drift relative to the first sample', () => {
    expect(driftPercent(200, 250)).toBe(25);
    expect(driftPercent(200, 180)).toBe(-10);
  });

  it('takes the median of an even count as the mean of the middle two and ignores non-finite samples', () => {
    expect(summarise([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(summarise([5, NaN, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(summarise([]).median).toBeNaN();
  });

  it('measures throughput against C ÷ floor', () => {
    // 50 connections over a 100 ms floor allow 500 requests/s
    expect(shareOfConcurrencyBound(450, 50, 100)).toBeCloseTo(0.9);
  });

  it('gives the CPU per list item as the slope from the shortest to the longest list, so the fixed cost cancels', () => {
    // 2 ms fixed + 10 µs per item
    expect(
      microsPerListItem([
        [200, 4],
        [10, 2.1],
        [1000, 12],
      ]),
    ).toBeCloseTo(10);
    expect(
      microsPerListItem([
        [10, 2.1],
        [1000, NaN],
      ]),
    ).toBeNaN();
    expect(microsPerListItem([[10, 2]])).toBeNaN();
  });

  it('takes the soak start after the warm-up tenth, the end from the last tenth and the settled figure', () => {
    // 20 samples: the warm-up climbs 100 → 190, then steady at 200, the last two 210
    const samples = [100, 190, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 210, 210];
    const r = soakRss(samples, 216);
    expect(r.start).toBe(200);
    expect(r.end).toBeCloseTo((210 + 210 + 216) / 3);
    expect(r.peak).toBe(210);
    expect(driftPercent(r.start, r.end)).toBeCloseTo(6);
  });

  it('falls back to the first sample when a short soak has no second tenth', () => {
    expect(soakRss([150], 160)).toEqual({ start: 150, end: 155, peak: 150 });
    expect(soakRss([], 160).start).toBeNaN();
  });

  it('judges a figure against its target, and a missing figure as neither pass nor fail', () => {
    expect(judge(1.3, '≤', 1.3)).toBe('PASS');
    expect(judge(1.31, '≤', 1.3)).toBe('FAIL');
    expect(judge(2.9, '≥', 3)).toBe('FAIL');
    expect(judge(3, '≥', 3)).toBe('PASS');
    expect(judge(NaN, '≤', 1)).toBe('—');
  });
});
