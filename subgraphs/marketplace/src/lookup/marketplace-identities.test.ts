import { describe, expect, it, vi } from 'vitest';
import type { MarketplaceBuyerModel, MarketplaceOrderModel } from '../upstream/marketplace-client.ts';
import type { MarketplaceLoaders } from '../upstream/marketplace-loaders.ts';
import { buyerIdentityOfOrder, buyerIdentityOfOrders, lookupMarketplaceIdentities } from './marketplace-identities.ts';

function form(number: string, placedAt: string, buyer: Partial<MarketplaceBuyerModel> = {}): MarketplaceOrderModel {
  const money = { amount: '1.00', currency: 'PLN' };
  return {
    id: `marketplace:${number}`,
    channel: 'MARKETPLACE',
    number,
    placedAt,
    status: 'PROCESSING',
    channelStatus: 'READY_FOR_PROCESSING/NEW',
    totals: { total: money, shipping: money, discount: money, tax: null, fees: money },
    lines: [],
    couponCodes: [],
    delivery: { method: 'COURIER', name: 'Kurier', cost: money, parcelLocker: null, store: null, address: null },
    paymentStatus: 'PAID',
    buyerLogin: buyer.login ?? 'marek_lew77',
    buyer: {
      id: '52718364',
      login: 'marek_lew77',
      firstName: 'Marek',
      lastName: 'Lewandowski',
      phone: null,
      postalCode: null,
      companyName: null,
      nip: null,
      guest: false,
      ...buyer,
    },
    paymentId: null,
    completedAt: null,
    invoice: null,
    formEvents: [],
  };
}

describe('buyerIdentityOfOrder', () => {
  it('gives the buyer account with the phone as the national number and the invoice NIP, never an e-mail', () => {
    expect(
      buyerIdentityOfOrder(
        form('a', '2026-01-01T00:00:00.000Z', { phone: '+48789012345', postalCode: '51-112', companyName: 'Firma', nip: 'PL6762481366' }),
      ),
    ).toEqual({
      source: 'MARKETPLACE',
      kind: 'ALLEGRO_BUYER',
      id: '52718364',
      matchedOn: 'STORED_LINK',
      email: null,
      phone: '789012345',
      login: 'marek_lew77',
      nip: '6762481366',
      companyName: 'Firma',
      firstName: 'Marek',
      lastName: 'Lewandowski',
      postalCode: '51-112',
      since: null,
    });
  });
});

describe('buyerIdentityOfOrders', () => {
  it('takes each detail from the newest form that has it, since the first purchase', () => {
    const identity = buyerIdentityOfOrders([
      form('b', '2026-03-01T00:00:00.000Z', { phone: null, postalCode: '51-112' }),
      form('a', '2026-01-01T00:00:00.000Z', { phone: '789012345', postalCode: '00-001' }),
    ]);
    expect(identity).toMatchObject({ phone: '789012345', postalCode: '51-112', since: '2026-01-01T00:00:00.000Z' });
  });

  it('is null for no forms', () => {
    expect(buyerIdentityOfOrders([])).toBeNull();
  });
});

describe('lookupMarketplaceIdentities', () => {
  it('asks Allegro nothing for the criteria it cannot search (e-mail, phone, name, company, NIP, unknown keys)', async () => {
    const load = vi.fn();
    const loaders = { orderSummariesByBuyerLogin: { load }, orderByNumber: { loadMany: load } } as unknown as MarketplaceLoaders;
    for (const key of [
      'email:k7rq2mf9zd@allegromail.pl',
      'email:marek.lewandowski@example.pl',
      'phone:789012345',
      'name:marek lewandowski',
      'company:firma',
      'nip:6762481366',
      'pesel:1',
      'x',
    ]) {
      expect(await lookupMarketplaceIdentities(key, loaders)).toEqual([]);
    }
    expect(load).not.toHaveBeenCalled();
  });
});
