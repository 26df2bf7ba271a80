import { describe, expect, it } from 'vitest';
import { toPolishE164, toPolishNationalNumber } from './phone.ts';

describe('toPolishNationalNumber', () => {
  it.each([
    ['+48 600 100 200', '600100200'],
    ['600-100-200', '600100200'],
    ['0048600100200', '600100200'],
    ['0048 600 100 200', '600100200'],
    ['(+48) 600 100 200', '600100200'],
    ['48 600 100 200', '600100200'],
    ['+48600100200', '600100200'],
    ['+48-600-100-200', '600100200'],
    ['600 100 200', '600100200'],
    ['600100200', '600100200'],
    ['  +48 601 234 567  ', '601234567'],
    ['0048 512 345 678', '512345678'],
    ['+48 12 422 18 90', '124221890'],
    ['(22) 123-45-67', '221234567'],
    ['(0-22) 123 45 67', '221234567'],
  ])('reads %s as %s', (raw, expected) => {
    expect(toPolishNationalNumber(raw)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['600 100 20'], // 8 digits
    ['600 100 2000'], // 10 digits without a trunk 0
    ['+49 600 100 200'], // German
    ['+1 600 100 2000'],
    ['600+100200'], // a plus in the middle
    ['++48 600 100 200'],
    ['060 010 020'], // a national number cannot start with 0
    ['600 100 200 ext. 5'],
    ['tel. 600 100 200 / 601'],
  ])('refuses %j', (raw) => {
    expect(toPolishNationalNumber(raw)).toBeNull();
  });
});

describe('toPolishE164', () => {
  it('prefixes the national number with +48', () => {
    expect(toPolishE164('600-100-200')).toBe('+48600100200');
    expect(toPolishE164('0048 512 345 678')).toBe('+48512345678');
  });

  it('is null for a number that is not Polish', () => {
    expect(toPolishE164('+44 20 7946 0958')).toBeNull();
    expect(toPolishE164('n/a')).toBeNull();
  });
});
