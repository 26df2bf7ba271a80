import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkGtin, checkNumericId, checkOrderNumber, checkSku, checkSkus, checkStoreCodes, checkUuid } from './check-arguments.ts';
import { isGtin, isNumericId, isSku, isUuid } from './identifiers.ts';

/** The BAD_USER_INPUT a check threw, or undefined when it passed. */
function refusal(check: () => void): { message: string; code: unknown; argumentName: unknown } | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, code: error.extensions['code'], argumentName: error.extensions['argumentName'] };
  }
}

describe('identifier shapes', () => {
  it('accepts real SKUs: Odoo default_code, WooCommerce sku and Allegro external.id as shops write them', () => {
    const real = [
      'SKU-HP-XZ200-BLK',
      'SKU-KET-17-STL',
      '5901234123457',
      'A/2024/15.3',
      'Kubek 450 ml #granat',
      'ŻÓŁW-ŚLIMAK-ĄĘ',
      'x'.repeat(100),
      'x'.repeat(255),
      'émoji-🙂',
    ];
    expect(real.filter((sku) => !isSku(sku))).toEqual([]);
  });

  it('refuses SKUs that cannot exist: too long, blank, control characters, broken Unicode', () => {
    const bad = ['x'.repeat(256), 'x'.repeat(1_200_000), '', '   ', 'A\u0000B', 'A\nB', 'A\u009bB', 'A\uD800B'];
    expect(bad.filter((sku) => isSku(sku))).toEqual([]);
  });

  it('checks GTIN-8/12/13/14 check digits', () => {
    expect(['5901234123457', '96385074', '036000291452', '10012345678902', '4006381333931'].filter((g) => !isGtin(g))).toEqual([]);
    expect(['5901234123458', '9638507', '1234567890123', '59012341234570000', '590123412345A', ''].filter((g) => isGtin(g))).toEqual([]);
  });

  it('numeric ids: positive, no leading zero, at most 20 digits (64-bit)', () => {
    expect(['1', '101', '18446744073709551615'].every((id) => isNumericId(id))).toBe(true);
    expect(['0', '007', '-1', '1.0', '1e3', ' 1', '1'.repeat(21), '9'.repeat(24)].some((id) => isNumericId(id))).toBe(false);
  });

  it('UUIDs (Allegro checkout-form ids)', () => {
    expect(isUuid('29738e61-7f6a-11e8-ac45-09db60ede9d6')).toBe(true);
    expect(isUuid('29738E61-7F6A-11E8-AC45-09DB60EDE9D6')).toBe(true);
    expect(isUuid('29738e61-7f6a-11e8-ac45-09db60ede9d')).toBe(false);
    expect(isUuid(`29738e61-7f6a-11e8-ac45-09db60ede9d6${'0'.repeat(100)}`)).toBe(false);
  });
});

describe('argument checks', () => {
  it('a 1.2 MB SKU is BAD_USER_INPUT naming the argument, and the message does not repeat the value', () => {
    const huge = 'S'.repeat(1_200_000);
    const result = refusal(() => checkSkus(['SKU-OK', huge], 'skus'));
    expect(result).toEqual({ message: '`skus[1]` is longer than 255 characters: not a SKU.', code: 'BAD_USER_INPUT', argumentName: 'skus' });
    expect(refusal(() => checkSku(huge))?.argumentName).toBe('sku');
  });

  it('bounds list lengths', () => {
    expect(refusal(() => checkSkus(Array.from({ length: 201 }, (_, i) => `S${i}`)))).toMatchObject({ argumentName: 'skus' });
    expect(refusal(() => checkSkus(Array.from({ length: 200 }, (_, i) => `S${i}`)))).toBeUndefined();
    expect(refusal(() => checkStoreCodes(['WAW1', 'KRK1']))).toBeUndefined();
    expect(refusal(() => checkStoreCodes(['WAW1', 'W'.repeat(33)]))).toMatchObject({ argumentName: 'locationCodes' });
  });

  it('ids, order numbers and EANs', () => {
    expect(refusal(() => checkNumericId('9'.repeat(24), 'id', 'a CRM customer id'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(refusal(() => checkNumericId('1051', 'id', 'a CRM customer id'))).toBeUndefined();
    expect(refusal(() => checkUuid('0', 'checkoutFormId', 'an Allegro checkout-form id'))).toMatchObject({ argumentName: 'checkoutFormId' });
    expect(refusal(() => checkOrderNumber('ZAM/2024/0042'))).toBeUndefined();
    expect(refusal(() => checkOrderNumber('#15228'))).toBeUndefined();
    expect(refusal(() => checkOrderNumber('1'.repeat(65)))).toMatchObject({ argumentName: 'number' });
    expect(refusal(() => checkOrderNumber('15228\r\nX-Injected: 1'))).toMatchObject({ argumentName: 'number' });
    expect(refusal(() => checkGtin('5901234123457'))).toBeUndefined();
    expect(refusal(() => checkGtin('5901234123458'))).toMatchObject({ argumentName: 'ean' });
  });
});
