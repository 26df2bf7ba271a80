import { describe, expect, it } from 'vitest';
import { addDecimals, divideMinorUnits, divideMinorUnitsUp, formatMinorUnits, normalizeDecimal, parseDecimalToMinorUnits } from './money.ts';

describe('money', () => {
  it('parses decimal strings into grosze without floats', () => {
    expect(parseDecimalToMinorUnits('348.09')).toBe(34809);
    expect(parseDecimalToMinorUnits('246')).toBe(24600);
    expect(parseDecimalToMinorUnits('41.4')).toBe(4140);
    expect(parseDecimalToMinorUnits('-0.05')).toBe(-5);
    expect(parseDecimalToMinorUnits('1.005')).toBe(101);
    expect(parseDecimalToMinorUnits('1.004')).toBe(100);
    expect(() => parseDecimalToMinorUnits('1,5')).toThrow(/not a decimal/);
  });

  it('formats with exactly two decimals', () => {
    expect(formatMinorUnits(34809)).toBe('348.09');
    expect(formatMinorUnits(0)).toBe('0.00');
    expect(formatMinorUnits(-5)).toBe('-0.05');
    expect(normalizeDecimal('246')).toBe('246.00');
  });

  it('adds exactly', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.30');
    expect(addDecimals('13.00', '2.99')).toBe('15.99');
  });

  it('divides rounding half away from zero', () => {
    expect(divideMinorUnits(15298, 3)).toBe(5099);
    expect(divideMinorUnits(5, 2)).toBe(3);
    expect(divideMinorUnits(-5, 2)).toBe(-3);
    expect(() => divideMinorUnits(5, 0)).toThrow();
    // up: a unit price that times the quantity never falls short of the subtotal (the remainder becomes discount)
    expect(divideMinorUnitsUp(15299, 3)).toBe(5100);
    expect(divideMinorUnitsUp(15300, 3)).toBe(5100);
    expect(() => divideMinorUnitsUp(5, 0)).toThrow();
  });
});
