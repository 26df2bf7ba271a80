import { describe, expect, it } from 'vitest';
import { classifyEshopOrderReference, compileOrderNumberPattern } from './eshop-order-numbers.ts';

describe('classifyEshopOrderReference (core numbering: the number is the order id)', () => {
  it.each([
    ['15228', '15228'],
    ['#15228', '15228'],
    ['# 15228', '15228'],
    ['  15228 ', '15228'],
    ['0015228', '15228'],
  ])('%j → order %s', (reference, orderId) => {
    expect(classifyEshopOrderReference(reference, null)).toEqual({ kind: 'orderId', orderId });
  });

  it.each([
    '0',
    '#0',
    '000',
    '',
    '#',
    'abc',
    '15228a',
    '12 34',
    '-5',
    '1.5',
    '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
    'S00042',
    '1'.repeat(20),
    '1'.repeat(24),
    'x'.repeat(1_000_000),
  ])('%j is not an e-shop number', (reference) => {
    expect(classifyEshopOrderReference(reference, null)).toBeNull();
  });

  it('a 19-digit number is a number no order of the shop can carry: recognised, never asked', () => {
    expect(classifyEshopOrderReference('9'.repeat(19), null)).toEqual({ kind: 'impossible' });
  });
});

describe('classifyEshopOrderReference (a numbering plugin)', () => {
  const pattern = compileOrderNumberPattern('ZAM/\\d{4}/\\d+');

  it('takes numbers of the plugin form, with or without #, and nothing else', () => {
    expect(classifyEshopOrderReference('ZAM/2026/00042', pattern)).toEqual({ kind: 'pluginNumber', number: 'ZAM/2026/00042' });
    expect(classifyEshopOrderReference('#ZAM/2026/00042', pattern)).toEqual({ kind: 'pluginNumber', number: 'ZAM/2026/00042' });
    // the pattern is anchored: a longer string that contains a number is not one
    expect(classifyEshopOrderReference('xZAM/2026/00042', pattern)).toBeNull();
    expect(classifyEshopOrderReference('15228', pattern)).toBeNull();
  });

  it('compiles nothing for an unset pattern and anchors a given one', () => {
    expect(compileOrderNumberPattern(undefined)).toBeNull();
    expect(compileOrderNumberPattern('  ')).toBeNull();
    expect(compileOrderNumberPattern('^\\d{4,8}$')?.test('12345')).toBe(true);
    expect(compileOrderNumberPattern('\\d{4,8}')?.test('123456789')).toBe(false);
  });
});
