import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  parseOrderId,
  validateAddCustomerNoteInput,
  validatePlaceOrderInput,
  validateRegisterReturnInput,
  type RawPlaceOrderInput,
} from './validation.ts';

function errorOf(fn: () => unknown): { code: unknown; argumentName: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { code, argumentName } = (error as GraphQLError).extensions;
    return { code, argumentName };
  }
  throw new Error('expected a refusal');
}

const courier: RawPlaceOrderInput = {
  customerId: '10000000001',
  lines: [{ sku: 'TSHIRT-BLK-M', quantity: 2 }],
  delivery: { method: 'COURIER' },
};

describe('validatePlaceOrderInput', () => {
  it('fills the defaults, so the same order always has the same fingerprint', () => {
    expect(validatePlaceOrderInput(courier)).toEqual({
      customerId: '10000000001',
      lines: [{ sku: 'TSHIRT-BLK-M', quantity: 2 }],
      delivery: { method: 'COURIER' },
      pricing: 'LIST_PRICE',
    });
    const withAddress = validatePlaceOrderInput({
      ...courier,
      delivery: { method: 'COURIER', address: { street: ' Prosta 1 ', city: 'Poznań', postalCode: '61-001', countryCode: null } },
    });
    expect(withAddress.delivery.address).toEqual({ street: 'Prosta 1', city: 'Poznań', postalCode: '61-001', countryCode: 'PL' });
  });

  it.each([
    ['no lines', { ...courier, lines: [] }, 'input.lines'],
    ['51 lines', { ...courier, lines: Array.from({ length: 51 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 })) }, 'input.lines'],
    [
      'a SKU twice',
      {
        ...courier,
        lines: [
          { sku: 'A', quantity: 1 },
          { sku: 'A', quantity: 2 },
        ],
      },
      'input.lines',
    ],
    ['quantity 0', { ...courier, lines: [{ sku: 'A', quantity: 0 }] }, 'input.lines[0].quantity'],
    ['quantity 1000', { ...courier, lines: [{ sku: 'A', quantity: 1000 }] }, 'input.lines[0].quantity'],
    ['a control character in a SKU', { ...courier, lines: [{ sku: 'A\nB', quantity: 1 }] }, 'input.lines[0].sku'],
    ['a customer id that is not one', { ...courier, customerId: 'abc' }, 'input.customerId'],
    ['a locker without its id', { ...courier, delivery: { method: 'PARCEL_LOCKER' } }, 'input.delivery.parcelLockerId'],
    ['a pickup without its store', { ...courier, delivery: { method: 'STORE_PICKUP' } }, 'input.delivery.storeCode'],
    ['a courier with a store', { ...courier, delivery: { method: 'COURIER', storeCode: 'WAW1' } }, 'input.delivery.storeCode'],
    [
      'a pickup with an address',
      { ...courier, delivery: { method: 'STORE_PICKUP', storeCode: 'WAW1', address: { street: 'a', city: 'b', postalCode: 'c' } } },
      'input.delivery.address',
    ],
    ['a note of 501 characters', { ...courier, customerNote: 'x'.repeat(501) }, 'input.customerNote'],
  ] as Array<[string, RawPlaceOrderInput, string]>)('refuses %s with BAD_USER_INPUT naming the argument', (_name, input, argumentName) => {
    expect(errorOf(() => validatePlaceOrderInput(input))).toEqual({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('takes a locker id and a store pickup as given', () => {
    expect(validatePlaceOrderInput({ ...courier, delivery: { method: 'PARCEL_LOCKER', parcelLockerId: 'poz08a' } }).delivery).toEqual({
      method: 'PARCEL_LOCKER',
      parcelLockerId: 'POZ08A',
    });
    expect(validatePlaceOrderInput({ ...courier, delivery: { method: 'STORE_PICKUP', storeCode: 'WAW1' } }).delivery).toEqual({
      method: 'STORE_PICKUP',
      storeCode: 'WAW1',
    });
  });
});

describe('validateRegisterReturnInput', () => {
  const valid = { orderId: 'eshop:10482', storeCode: 'WAW1', lines: [{ sku: 'A', quantity: 1 }] };

  it('knows the channel from the global id', () => {
    expect(validateRegisterReturnInput(valid).channel).toBe('eshop');
    expect(parseOrderId('marketplace:29e4f3a0-5d3e-11ee-8c4e-0242ac120002')).toEqual({
      channel: 'marketplace',
      channelId: '29e4f3a0-5d3e-11ee-8c4e-0242ac120002',
    });
  });

  it.each([
    ['an id of no channel', { ...valid, orderId: 'erp:S00012' }, 'input.orderId'],
    ['an e-shop id that is not a number', { ...valid, orderId: 'eshop:abc' }, 'input.orderId'],
    ['an Allegro id that is not a UUID', { ...valid, orderId: 'marketplace:123' }, 'input.orderId'],
    ['an empty store', { ...valid, storeCode: ' ' }, 'input.storeCode'],
    ['a reason of 501 characters', { ...valid, reason: 'x'.repeat(501) }, 'input.reason'],
    ['no lines', { ...valid, lines: [] }, 'input.lines'],
  ])('refuses %s', (_name, input, argumentName) => {
    expect(errorOf(() => validateRegisterReturnInput(input))).toEqual({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('validateAddCustomerNoteInput', () => {
  it('takes 1–5000 characters, newlines included', () => {
    expect(validateAddCustomerNoteInput({ customerId: '1', body: 'Called back.\nWants the invoice again.' }).body).toContain('\n');
    expect(errorOf(() => validateAddCustomerNoteInput({ customerId: '1', body: '   ' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.body',
    });
    expect(errorOf(() => validateAddCustomerNoteInput({ customerId: '1', body: 'x'.repeat(5001) }))).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.body',
    });
  });
});
