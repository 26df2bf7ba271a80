import { describe, expect, it } from 'vitest';
import { formatBasisPointsAsPercent, formatMinorUnits, grossFromNet, toMinorUnits } from './money.ts';

describe('money', () => {
  it('converts Odoo float prices to grosze without float drift', () => {
    expect(toMinorUnits(73.16)).toBe(7316);
    expect(toMinorUnits(200.0)).toBe(20000);
    expect(toMinorUnits(1.005)).toBe(100); // 1.005 is 1.00499… as a double: the upstream float decides
    expect(toMinorUnits(0.29)).toBe(29);
  });

  it('formats minor units as a 2-decimal string', () => {
    expect(formatMinorUnits(24600)).toBe('246.00');
    expect(formatMinorUnits(5)).toBe('0.05');
    expect(formatMinorUnits(-5)).toBe('-0.05');
    expect(formatMinorUnits(0)).toBe('0.00');
  });

  it('computes gross rounding half up to a grosz', () => {
    expect(grossFromNet(20000, 2300)).toBe(24600);
    expect(grossFromNet(7316, 2300)).toBe(8999); // 8998.68
    expect(grossFromNet(50, 2300)).toBe(62); // 61.5 → 62
    expect(grossFromNet(150, 2300)).toBe(185); // 184.5 → 185
    expect(grossFromNet(-50, 2300)).toBe(-62);
    expect(grossFromNet(1000, 0)).toBe(1000);
  });

  it('formats VAT rates without trailing zeros', () => {
    expect(formatBasisPointsAsPercent(2300)).toBe('23');
    expect(formatBasisPointsAsPercent(800)).toBe('8');
    expect(formatBasisPointsAsPercent(550)).toBe('5.5');
    expect(formatBasisPointsAsPercent(0)).toBe('0');
  });
});
