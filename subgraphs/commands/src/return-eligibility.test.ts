import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ChannelOrder, CrmCustomer } from './graph-reads.ts';
import { allocateReturn, checkReturnWindow, isOrderOfCustomer } from './return-eligibility.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-06-30T12:00:00Z');

function extensionsOf(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions as Record<string, unknown>;
  }
  throw new Error('expected a refusal');
}

const order = (over: Partial<ChannelOrder> = {}): ChannelOrder => ({
  id: 'eshop:1',
  number: '1',
  status: 'COMPLETED',
  placedAt: new Date(now - 40 * DAY).toISOString(),
  completedAt: new Date(now - 10 * DAY).toISOString(),
  lines: [
    { id: '11', sku: 'A', quantity: 2, returnedQuantity: 0, unitPrice: { amount: '10.00', currency: 'PLN' } },
    { id: '12', sku: 'B', quantity: 3, returnedQuantity: 1, unitPrice: { amount: '5.00', currency: 'PLN' } },
    { id: '13', sku: 'B', quantity: 1, returnedQuantity: 0, unitPrice: { amount: '5.00', currency: 'PLN' } },
  ],
  buyerIdentity: { id: '77', email: 'anna@example.com', login: null },
  ...over,
});

describe('checkReturnWindow', () => {
  it('accepts a completed or shipped order inside the window, counted from delivery', () => {
    expect(() => checkReturnWindow(order(), now, 30)).not.toThrow();
    expect(() => checkReturnWindow(order({ status: 'SHIPPED' }), now, 30)).not.toThrow();
  });

  it('counts from placing when the channel does not say when it was delivered', () => {
    expect(extensionsOf(() => checkReturnWindow(order({ completedAt: null }), now, 30))).toMatchObject({
      code: 'RETURN_NOT_ELIGIBLE',
      reason: 'WINDOW_EXPIRED',
    });
    expect(() => checkReturnWindow(order({ completedAt: null }), now, 45)).not.toThrow();
  });

  it.each([
    ['PROCESSING', 'NOT_DELIVERED'],
    ['READY_FOR_PICKUP', 'NOT_DELIVERED'],
    ['PENDING_PAYMENT', 'NOT_DELIVERED'],
    ['CANCELLED', 'CANCELLED'],
    ['FAILED', 'CANCELLED'],
  ] as const)('refuses a %s order: %s', (status, reason) => {
    expect(extensionsOf(() => checkReturnWindow(order({ status }), now, 30))).toEqual({ code: 'RETURN_NOT_ELIGIBLE', reason });
  });

  it('refuses a day after the window', () => {
    expect(extensionsOf(() => checkReturnWindow(order({ completedAt: new Date(now - 31 * DAY).toISOString() }), now, 30)).reason).toBe(
      'WINDOW_EXPIRED',
    );
  });
});

describe('allocateReturn', () => {
  it('spreads a SKU over its lines by what each has left', () => {
    expect(
      allocateReturn(order(), [
        { sku: 'B', quantity: 3 },
        { sku: 'A', quantity: 1 },
      ]),
    ).toEqual([
      { lineId: '12', sku: 'B', quantity: 2 },
      { lineId: '13', sku: 'B', quantity: 1 },
      { lineId: '11', sku: 'A', quantity: 1 },
    ]);
  });

  it('refuses more than is left, a second return of the same goods, and a SKU not on the order', () => {
    expect(extensionsOf(() => allocateReturn(order(), [{ sku: 'B', quantity: 4 }]))).toMatchObject({ code: 'RETURN_QUANTITY_EXCEEDED' });
    const returned = order({ lines: [{ id: '11', sku: 'A', quantity: 2, returnedQuantity: 2, unitPrice: { amount: '1', currency: 'PLN' } }] });
    expect(extensionsOf(() => allocateReturn(returned, [{ sku: 'A', quantity: 1 }]))).toMatchObject({ code: 'RETURN_QUANTITY_EXCEEDED' });
    expect(extensionsOf(() => allocateReturn(order(), [{ sku: 'Z', quantity: 1 }]))).toMatchObject({
      code: 'RETURN_QUANTITY_EXCEEDED',
      argumentName: 'input.lines[0].quantity',
    });
  });
});

describe('isOrderOfCustomer', () => {
  const customer: CrmCustomer = {
    id: '1',
    email: 'Anna@Example.com',
    additionalEmails: [],
    firstName: 'Anna',
    lastName: 'Nowak',
    phone: null,
    companyName: null,
    address: null,
    eshopCustomerId: null,
    erpPartnerId: null,
    allegroBuyerId: 'buyer-1',
    allegroBuyerLogin: 'anna_n',
  };

  it('matches an e-shop order by the linked customer id, else by e-mail', () => {
    expect(isOrderOfCustomer('eshop', order(), customer)).toBe(true);
    expect(isOrderOfCustomer('eshop', order(), { ...customer, eshopCustomerId: '77' })).toBe(true);
    expect(isOrderOfCustomer('eshop', order(), { ...customer, eshopCustomerId: '78' })).toBe(false);
    expect(isOrderOfCustomer('eshop', order(), { ...customer, email: 'other@example.com' })).toBe(false);
  });

  it('matches an Allegro order by buyer id or login, and never an order whose buyer is not known', () => {
    expect(isOrderOfCustomer('marketplace', order({ buyerIdentity: { id: 'buyer-1', email: null, login: null } }), customer)).toBe(true);
    expect(isOrderOfCustomer('marketplace', order({ buyerIdentity: { id: 'x', email: null, login: 'ANNA_N' } }), customer)).toBe(true);
    expect(isOrderOfCustomer('marketplace', order({ buyerIdentity: { id: 'x', email: null, login: 'other' } }), customer)).toBe(false);
    expect(isOrderOfCustomer('eshop', order({ buyerIdentity: null }), customer)).toBe(false);
  });
});
