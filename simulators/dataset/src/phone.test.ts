import { describe, expect, it } from 'vitest';
import { PHONE_STYLES, formatPhoneAsTyped, isPolishLandline, isPolishMobile, toPhoneDigits } from './phone.ts';

describe('toPhoneDigits', () => {
  it.each([
    '+48 600 100 200',
    '600-100-200',
    '0048600100200',
    '0048 600 100 200',
    '(+48) 600 100 200',
    '600100200',
    '+48600100200',
    '48 600 100 200',
    '48600100200',
    '+48-600-100-200',
    '600 100 200',
    '  600.100.200  ',
    '+48 (600) 100-200',
    'tel. 600 100 200',
    'Tel: +48 600 100 200',
    '600\u00a0100\u00a0200',
  ])('reads mobile "%s"', (raw) => {
    expect(toPhoneDigits(raw)).toBe('600100200');
  });

  it.each([
    ['22 123 45 67', '221234567'],
    ['(22) 123-45-67', '221234567'],
    ['+48 22 123 45 67', '221234567'],
    ['(0-22) 123 45 67', '221234567'],
    ['022 123 45 67', '221234567'],
    ['+48 (0) 22 123 45 67', '221234567'],
    ['61 624 30 15', '616243015'],
    ['12 422 18 90', '124221890'],
    ['48 123 45 67', '481234567'],
  ])('reads landline "%s"', (raw, digits) => {
    expect(toPhoneDigits(raw)).toBe(digits);
  });

  it.each([
    ['foreign number', '+49 30 1234567'],
    ['foreign number with 00', '0044 20 7946 0958'],
    ['too short', '600 100 20'],
    ['too long', '600 100 2000'],
    ['free-phone range', '800 123 456'],
    ['premium range', '703 123 456'],
    ['unassigned leading digit', '100 100 200'],
    ['subscriber starting with 0', '22 012 34 56'],
    ['plus in the middle', '600+100200'],
    ['two plus signs', '++48 600 100 200'],
    ['letters', '600 100 2OO'],
    ['e-mail', 'anna@example.pl'],
    ['empty', ''],
    ['spaces only', '   '],
    ['extension', '600 100 200 wew. 12'],
  ])('rejects %s', (_label, raw) => {
    expect(toPhoneDigits(raw)).toBeNull();
  });
});

describe('number classes', () => {
  it('tells mobiles from landlines', () => {
    expect(isPolishMobile('601234567')).toBe(true);
    expect(isPolishMobile('451234567')).toBe(true);
    expect(isPolishMobile('221234567')).toBe(false);
    expect(isPolishLandline('221234567')).toBe(true);
    expect(isPolishLandline('601234567')).toBe(false);
  });
});

describe('formatPhoneAsTyped', () => {
  it('writes mobiles in every style', () => {
    const typed = Object.fromEntries(PHONE_STYLES.map((style) => [style, formatPhoneAsTyped('600100200', style)]));
    expect(typed).toEqual({
      'international-spaced': '+48 600 100 200',
      international: '+48600100200',
      'international-dashed': '+48-600-100-200',
      parenthesized: '(+48) 600 100 200',
      'double-zero': '0048600100200',
      'double-zero-spaced': '0048 600 100 200',
      'country-spaced': '48 600 100 200',
      spaced: '600 100 200',
      dashed: '600-100-200',
      plain: '600100200',
    });
  });

  it('groups landlines the Polish way', () => {
    expect(formatPhoneAsTyped('221234567', 'spaced')).toBe('22 123 45 67');
    expect(formatPhoneAsTyped('221234567', 'dashed')).toBe('(22) 123-45-67');
    expect(formatPhoneAsTyped('221234567', 'international-spaced')).toBe('+48 22 123 45 67');
  });

  it('round-trips through toPhoneDigits for every style', () => {
    for (const digits of ['600100200', '512345678', '881234567', '221234567', '586248630', '124221890']) {
      for (const style of PHONE_STYLES) expect(toPhoneDigits(formatPhoneAsTyped(digits, style))).toBe(digits);
    }
  });

  it('refuses anything but nine digits', () => {
    expect(() => formatPhoneAsTyped('60010020', 'plain')).toThrow(RangeError);
    expect(() => formatPhoneAsTyped('+48600100200', 'plain')).toThrow(RangeError);
  });
});
