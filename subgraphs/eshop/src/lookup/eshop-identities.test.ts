import { describe, expect, it } from 'vitest';
import { foldText } from '@omnigraph/shared/lookup';
import type { EshopBuyerModel, EshopOrderId, EshopOrderModel } from '../upstream/eshop-client.ts';
import { buyerIdentityOfOrder, companyKey, identitiesOfOrders } from './eshop-identities.ts';
import { phoneSearchTerms } from './eshop-lookups.ts';

function order(id: number, placedAt: string, customerId: string | null, buyer: Partial<EshopBuyerModel> = {}): EshopOrderModel {
  const pln = (amount: string) => ({ amount, currency: 'PLN' });
  return {
    id: `eshop:${id}`,
    orderId: String(id) as EshopOrderId,
    channel: 'ESHOP',
    number: String(id),
    placedAt,
    status: 'COMPLETED',
    channelStatus: 'completed',
    totals: { total: pln('10.00'), shipping: pln('0.00'), discount: pln('0.00'), tax: pln('1.87'), fees: pln('0.00') },
    lines: [],
    couponCodes: [],
    completedAt: null,
    refundIds: [],
    idempotencyKey: null,
    erpOrderName: null,
    delivery: { method: 'COURIER', name: 'Kurier', cost: pln('0.00'), parcelLocker: null, store: null, address: null },
    paymentStatus: 'PAID',
    billingEmail: buyer.email ?? null,
    customerId,
    buyer: { email: null, phone: null, firstName: null, lastName: null, postalCode: null, companyName: null, nip: null, ...buyer },
    trackingParcels: [],
    hasFulfillments: false,
    invoice: null,
    events: [],
  };
}

describe('buyerIdentityOfOrder', () => {
  it('is the registered account (STORED_LINK) with the billing details normalised', () => {
    const identity = buyerIdentityOfOrder(
      order(1, '2026-01-01T00:00:00Z', '2002', {
        email: 'zamowienia@podlipami.example.pl',
        phone: '+48 12 422 18 90',
        firstName: 'Magdalena',
        lastName: 'Nowak',
        postalCode: '31-146',
        companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
        nip: 'PL 676-248-13-66',
      }),
    );
    expect(identity).toEqual({
      source: 'ESHOP',
      kind: 'ESHOP_CUSTOMER',
      id: '2002',
      matchedOn: 'STORED_LINK',
      email: 'zamowienia@podlipami.example.pl',
      phone: '124221890',
      login: null,
      nip: '6762481366',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      firstName: 'Magdalena',
      lastName: 'Nowak',
      postalCode: '31-146',
      since: null,
    });
  });

  it('is a guest (EMAIL_MATCH) without an id, and never gives an Allegro relay address', () => {
    const guest = buyerIdentityOfOrder(order(2, '2026-01-01T00:00:00Z', null, { email: 'k7rq2mf9zd+3b1e07c2a@allegromail.pl', phone: 'n/a' }));
    expect(guest).toMatchObject({ kind: 'ESHOP_GUEST', id: null, matchedOn: 'EMAIL_MATCH', email: null, phone: null });
  });
});

describe('identitiesOfOrders', () => {
  it('gives one identity per account and per guest e-mail, since the first order, details from the newest', () => {
    const identities = identitiesOfOrders(
      [
        order(3, '2026-03-01T00:00:00Z', '7', { firstName: 'Nowe', phone: '600 100 200' }),
        order(1, '2026-01-01T00:00:00Z', '7', { firstName: 'Stare' }),
        order(2, '2026-02-01T00:00:00Z', null, { email: 'K.Zielinska@example.pl' }),
        order(4, '2026-04-01T00:00:00Z', null, { email: 'k.zielinska@example.pl', phone: '0048 512 345 678' }),
      ],
      'PHONE_MATCH',
      new Map([
        [
          '7',
          {
            customerId: '7',
            email: 'konto@example.pl',
            createdAt: '2025-12-01T00:00:00Z',
            firstName: null,
            lastName: null,
            phone: null,
            postalCode: null,
            companyName: null,
          },
        ],
      ]),
    );
    expect(identities).toEqual([
      expect.objectContaining({
        kind: 'ESHOP_CUSTOMER',
        id: '7',
        email: 'konto@example.pl',
        firstName: 'Nowe',
        phone: '600100200',
        since: '2025-12-01T00:00:00Z',
        matchedOn: 'PHONE_MATCH',
      }),
      expect.objectContaining({
        kind: 'ESHOP_GUEST',
        id: null,
        email: 'k.zielinska@example.pl',
        phone: '512345678',
        since: '2026-02-01T00:00:00Z',
        matchedOn: 'PHONE_MATCH',
      }),
    ]);
  });

  it('groups guests with a relay address by phone and gives no e-mail', () => {
    const identities = identitiesOfOrders(
      [
        order(1, '2026-01-01T00:00:00Z', null, { email: 'a1+x@allegromail.pl', phone: '789012345' }),
        order(2, '2026-02-01T00:00:00Z', null, { email: 'a1+y@allegromail.pl', phone: '+48 789 012 345' }),
      ],
      'PHONE_MATCH',
    );
    expect(identities).toEqual([expect.objectContaining({ kind: 'ESHOP_GUEST', email: null, phone: '789012345', since: '2026-01-01T00:00:00Z' })]);
  });
});

describe('companyKey', () => {
  it.each([
    'Kawiarnia Pod Lipami Sp. z o.o.',
    'KAWIARNIA POD LIPAMI SP. Z O.O.',
    'Kawiarnia Pod Lipami',
    '"Kawiarnia Pod Lipami" S.A.',
    'kawiarnia pod lipami sp.z o.o',
  ])('%j is Kawiarnia Pod Lipami', (name) => {
    expect(companyKey(foldText(name))).toBe('kawiarnia pod lipami');
  });

  it('keeps Polish letters folded and other names apart', () => {
    expect(companyKey(foldText('Zakład Usług Łódź'))).toBe('zaklad uslug lodz');
    expect(companyKey(foldText('Kawiarnia Pod Lipami Bis'))).not.toBe('kawiarnia pod lipami');
  });
});

describe('phoneSearchTerms', () => {
  it('searches the national number in the common mobile groupings and by a landline subscriber part', () => {
    expect(phoneSearchTerms('600100200')).toEqual(['600100200', '600 100 200', '600-100-200', '010 02 00']);
    expect(phoneSearchTerms('124221890')).toContain('422 18 90');
  });
});
