import { describe, expect, it } from 'vitest';
import { cpuMsPerRequest, driftPercent, requestsPerCoreSecond, shareOfConcurrencyBound, summarise } from './bench-math.ts';

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
});
