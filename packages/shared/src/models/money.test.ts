import { describe, expect, it } from 'vitest';
import { divideRoundingHalfAway } from './money.ts';

describe('divideRoundingHalfAway', () => {
  it('rounds halves away from zero, whatever the signs', () => {
    expect(divideRoundingHalfAway(5n, 2n)).toBe(3n);
    expect(divideRoundingHalfAway(-5n, 2n)).toBe(-3n);
    expect(divideRoundingHalfAway(5n, -2n)).toBe(-3n);
    expect(divideRoundingHalfAway(7n, 3n)).toBe(2n);
    expect(divideRoundingHalfAway(-7n, 3n)).toBe(-2n);
    expect(divideRoundingHalfAway(0n, 7n)).toBe(0n);
  });
});
