import { describe, expect, it } from 'vitest';
import type { AllegroBuyer, AllegroCheckoutForm, AllegroOffer } from '@omnigraph/simulator-dataset';
import { deriveOrderEvents, money, relayEmail, revisionOf, toCheckoutForm, toEventOrder, toSaleOffer, uuidOf } from './allegro-mappers.ts';

/** The buyer and checkout form of upstream-apis.md A.1.1, as dataset facts. */
const buyer: AllegroBuyer = {
  id: '48213377',
  login: 'ania_kowalska88',
  relayLocal: 'k7rq2mf9zd',
  firstName: 'Anna',
  lastName: 'Kowalska',
  phone: '+48601234567',
  guest: false,
  companyName: null,
  nip: null,
  address: { street: 'ul. Półwiejska 12/4', city: 'Poznań', zip: '61-888', countryCode: 'PL' },
};

const form: AllegroCheckoutForm = {
  id: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
  buyerId: '48213377',
  relaySuffix: '3b1e07c2a',
  status: 'READY_FOR_PROCESSING',
  fulfillmentStatus: 'PROCESSING',
  lines: [
    {
      id: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b',
      offerId: '17745820341',
      offerName: 'Słuchawki bezprzewodowe XZ-200 czarne ANC',
      sku: 'SKU-HP-XZ200-BLK',
      quantity: 1,
      originalPriceGross: 17999,
      priceGross: 17999,
      vatRate: 23,
      boughtAt: '2026-05-12T08:12:47.101Z',
    },
    {
      id: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      offerId: '17745820999',
      offerName: 'Kubek termiczny 450 ml granatowy stal nierdzewna',
      sku: 'SKU-MUG-450-NAVY',
      quantity: 2,
      originalPriceGross: 4999,
      priceGross: 4499,
      vatRate: 23,
      boughtAt: '2026-05-12T08:12:47.101Z',
    },
  ],
  delivery: {
    kind: 'parcel_locker',
    methodId: '1fa56f79-4b6a-4821-a6f2-ca9c16d5c925',
    methodName: 'Allegro Paczkomaty InPost',
    costGross: 1299,
    address: {
      street: 'ul. Półwiejska 12/4',
      city: 'Poznań',
      zip: '61-888',
      countryCode: 'PL',
      firstName: 'Anna',
      lastName: 'Kowalska',
      phone: '601234567',
    },
    pickupPoint: {
      id: 'POZ08A',
      name: 'Paczkomat POZ08A',
      description: 'Przy stacji paliw',
      address: { street: 'ul. Grunwaldzka 108', city: 'Poznań', zip: '60-166', countryCode: 'PL' },
    },
  },
  payment: {
    id: '0f8f1d13-7e9e-11f0-9b00-c5b0dfb78ea6',
    type: 'ONLINE',
    provider: 'P24',
    finishedAt: '2026-05-12T08:14:03.512Z',
    paidAmount: 28296,
  },
  invoiceRequired: false,
  messageToSeller: 'Proszę o zapakowanie na prezent, bez paragonu w paczce.',
  totalGross: 28296,
  boughtAt: '2026-05-12T08:12:47.101Z',
  updatedAt: '2026-05-12T09:02:11.640Z',
  revision: '819b5836',
};

/** A.1.1 with the A.1.2 variant's invoice (`required: false`) and no seller note, which the dataset does not hold. */
const expectedA11 = {
  id: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
  messageToSeller: 'Proszę o zapakowanie na prezent, bez paragonu w paczce.',
  buyer: {
    id: '48213377',
    email: 'k7rq2mf9zd+3b1e07c2a@allegromail.pl',
    login: 'ania_kowalska88',
    firstName: 'Anna',
    lastName: 'Kowalska',
    companyName: null,
    guest: false,
    personalIdentity: null,
    phoneNumber: '+48601234567',
    preferences: { language: 'pl-PL' },
    address: { street: 'ul. Półwiejska 12/4', city: 'Poznań', postCode: '61-888', countryCode: 'PL' },
  },
  payment: {
    id: '0f8f1d13-7e9e-11f0-9b00-c5b0dfb78ea6',
    type: 'ONLINE',
    provider: 'P24',
    finishedAt: '2026-05-12T08:14:03.512Z',
    paidAmount: { amount: '282.96', currency: 'PLN' },
    reconciliation: { amount: '282.96', currency: 'PLN' },
    features: [],
  },
  status: 'READY_FOR_PROCESSING',
  fulfillment: { status: 'PROCESSING', shipmentSummary: { lineItemsSent: 'NONE' }, provider: { id: 'SELLER' } },
  delivery: {
    address: {
      firstName: 'Anna',
      lastName: 'Kowalska',
      street: 'ul. Półwiejska 12/4',
      city: 'Poznań',
      zipCode: '61-888',
      countryCode: 'PL',
      companyName: null,
      phoneNumber: '601234567',
      modifiedAt: null,
    },
    method: { id: '1fa56f79-4b6a-4821-a6f2-ca9c16d5c925', name: 'Allegro Paczkomaty InPost' },
    pickupPoint: {
      id: 'POZ08A',
      name: 'Paczkomat POZ08A',
      description: 'Przy stacji paliw',
      address: { street: 'ul. Grunwaldzka 108', zipCode: '60-166', city: 'Poznań', countryCode: 'PL' },
    },
    cost: { amount: '12.99', currency: 'PLN' },
    time: {
      from: '2026-05-13T08:00:00Z',
      to: '2026-05-14T18:00:00Z',
      guaranteed: null,
      dispatch: { from: '2026-05-12T08:14:03Z', to: '2026-05-13T08:14:03Z' },
    },
    smart: false,
    cancellation: null,
    calculatedNumberOfPackages: 1,
  },
  invoice: { required: false, address: null, dueDate: null, features: [] },
  lineItems: [
    {
      id: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b',
      offer: {
        id: '17745820341',
        name: 'Słuchawki bezprzewodowe XZ-200 czarne ANC',
        external: { id: 'SKU-HP-XZ200-BLK' },
        productSet: null,
      },
      quantity: 1,
      originalPrice: { amount: '179.99', currency: 'PLN' },
      price: { amount: '179.99', currency: 'PLN' },
      selectedAdditionalServices: [],
      vouchers: [],
      tax: { rate: '23.00', subject: 'GOODS', exemption: null },
      boughtAt: '2026-05-12T08:12:47.101Z',
      discounts: [],
    },
    {
      id: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      offer: {
        id: '17745820999',
        name: 'Kubek termiczny 450 ml granatowy stal nierdzewna',
        external: { id: 'SKU-MUG-450-NAVY' },
        productSet: null,
      },
      quantity: 2,
      originalPrice: { amount: '49.99', currency: 'PLN' },
      price: { amount: '44.99', currency: 'PLN' },
      selectedAdditionalServices: [],
      vouchers: [],
      tax: { rate: '23.00', subject: 'GOODS', exemption: null },
      boughtAt: '2026-05-12T08:12:47.101Z',
      discounts: [{ type: 'UNIT_PERCENTAGE_DISCOUNT' }],
    },
  ],
  surcharges: [],
  note: null,
  marketplace: { id: 'allegro-pl' },
  summary: { totalToPay: { amount: '282.96', currency: 'PLN' } },
  updatedAt: '2026-05-12T09:02:11.640Z',
  revision: '819b5836',
};

describe('toCheckoutForm', () => {
  it('reproduces the checkout form of upstream-apis.md A.1.1 field by field, in Allegro’s field order', () => {
    const wire = toCheckoutForm(form, buyer);
    expect(wire).toEqual(expectedA11);
    expect(JSON.stringify(wire)).toBe(JSON.stringify(expectedA11));
  });

  it('builds a company invoice with the PL_NIP id for a B2B buyer and a natural person otherwise', () => {
    const b2b = toCheckoutForm({ ...form, invoiceRequired: true }, { ...buyer, companyName: 'Kowalska Design', nip: '7792433421' });
    expect(b2b.invoice).toEqual({
      required: true,
      address: {
        street: 'ul. Półwiejska 12/4',
        city: 'Poznań',
        zipCode: '61-888',
        countryCode: 'PL',
        company: { name: 'Kowalska Design', ids: [{ type: 'PL_NIP', value: '7792433421' }], vatPayerStatus: 'ACTIVE', taxId: '7792433421' },
        naturalPerson: null,
      },
      dueDate: null,
      features: [],
    });
    const person = toCheckoutForm({ ...form, invoiceRequired: true }, buyer);
    expect(person.invoice.address?.naturalPerson).toEqual({ firstName: 'Anna', lastName: 'Kowalska' });
  });

  it('emits null paidAmount/reconciliation for an unpaid order, and an `external: null` line for an offer without SKU', () => {
    const unpaid = toCheckoutForm(
      {
        ...form,
        status: 'BOUGHT',
        payment: { ...form.payment, finishedAt: null, paidAmount: null },
        lines: [{ ...form.lines[0]!, sku: null }],
      },
      buyer,
    );
    expect(unpaid.payment).toMatchObject({ finishedAt: null, paidAmount: null, reconciliation: null });
    expect(unpaid.lineItems[0]!.offer.external).toBeNull();
  });
});

describe('deriveOrderEvents', () => {
  it('derives the A.1.3 journal: BOUGHT, FILLED_IN, READY_FOR_PROCESSING at payment, FULFILLMENT_STATUS_CHANGED', () => {
    const events = deriveOrderEvents(form);
    expect(events.map((e) => [e.type, e.occurredAt])).toEqual([
      ['BOUGHT', '2026-05-12T08:12:47.101Z'],
      ['FILLED_IN', '2026-05-12T08:12:47.101Z'],
      ['READY_FOR_PROCESSING', '2026-05-12T08:14:03.512Z'],
      ['FULFILLMENT_STATUS_CHANGED', '2026-05-12T09:02:11.640Z'],
    ]);
    expect(events.at(-1)!.revision).toBe('819b5836');
    expect(new Set(events.map((e) => e.revision)).size).toBe(4);
    for (const e of events) expect(e.revision).toMatch(/^[0-9a-f]{8}$/);
  });

  it('ends cancelled orders with AUTO_CANCELLED when unpaid and BUYER_CANCELLED when paid', () => {
    const unpaid = { ...form, status: 'CANCELLED' as const, payment: { ...form.payment, finishedAt: null, paidAmount: null } };
    expect(deriveOrderEvents(unpaid).map((e) => e.type)).toEqual(['BOUGHT', 'FILLED_IN', 'AUTO_CANCELLED']);
    expect(deriveOrderEvents({ ...form, status: 'CANCELLED' }).map((e) => e.type)).toEqual(['BOUGHT', 'FILLED_IN', 'BUYER_CANCELLED']);
    expect(deriveOrderEvents({ ...form, status: 'BOUGHT' }).map((e) => e.type)).toEqual(['BOUGHT']);
    expect(deriveOrderEvents({ ...form, fulfillmentStatus: 'NEW' }).map((e) => e.type)).toEqual(['BOUGHT', 'FILLED_IN', 'READY_FOR_PROCESSING']);
  });
});

describe('toEventOrder', () => {
  it('builds the event order snapshot of A.1.3', () => {
    const order = toEventOrder(toCheckoutForm(form, buyer), '437848322', '5d2a11fe');
    expect(order).toEqual({
      seller: { id: '437848322' },
      buyer: {
        id: '48213377',
        email: 'k7rq2mf9zd+3b1e07c2a@allegromail.pl',
        login: 'ania_kowalska88',
        guest: false,
        preferences: { language: 'pl-PL' },
      },
      lineItems: [
        {
          id: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b',
          offer: { id: '17745820341', name: 'Słuchawki bezprzewodowe XZ-200 czarne ANC', external: { id: 'SKU-HP-XZ200-BLK' } },
          quantity: 1,
          originalPrice: { amount: '179.99', currency: 'PLN' },
          price: { amount: '179.99', currency: 'PLN' },
          boughtAt: '2026-05-12T08:12:47.101Z',
        },
        expect.objectContaining({ id: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', quantity: 2 }),
      ],
      checkoutForm: { id: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50', revision: '5d2a11fe' },
      marketplace: { id: 'allegro-pl' },
    });
  });
});

describe('toSaleOffer', () => {
  const offer: AllegroOffer = {
    id: '17745820341',
    sku: 'SKU-HP-XZ200-BLK',
    name: 'Słuchawki bezprzewodowe XZ-200 czarne ANC',
    priceGross: 17999,
    available: 23,
    sold: 41,
    status: 'ACTIVE',
    categoryId: '257931',
    startedAt: '2026-03-02T10:00:00Z',
  };

  it('lists an offer with the fields and nulls of A.1.4', () => {
    const wire = toSaleOffer(offer, '2026-11-01T00:00:00.000Z');
    expect(Object.keys(wire)).toEqual([
      'id',
      'name',
      'category',
      'primaryImage',
      'sellingMode',
      'saleInfo',
      'stock',
      'stats',
      'publication',
      'afterSalesServices',
      'additionalServices',
      'external',
      'delivery',
      'b2b',
      'fundraisingCampaign',
      'isFulfillment',
      'additionalMarketplaces',
    ]);
    expect(wire).toMatchObject({
      id: '17745820341',
      category: { id: '257931' },
      primaryImage: { url: expect.stringMatching(/^https:\/\/a\.allegroimg\.com\/original\/[0-9a-f]{6}\/[0-9a-f]{28}$/) },
      sellingMode: {
        format: 'BUY_NOW',
        price: { amount: '179.99', currency: 'PLN' },
        priceAutomation: null,
        minimalPrice: null,
        startingPrice: null,
      },
      saleInfo: { currentPrice: null, biddersCount: 0 },
      stock: { available: 23, sold: 41 },
      publication: {
        status: 'ACTIVE',
        startingAt: null,
        startedAt: '2026-03-02T10:00:00Z',
        endingAt: null,
        endedAt: null,
        marketplaces: { base: { id: 'allegro-pl' }, additional: [] },
      },
      additionalServices: null,
      external: { id: 'SKU-HP-XZ200-BLK' },
      b2b: { buyableOnlyByBusiness: false },
      fundraisingCampaign: null,
      isFulfillment: false,
      additionalMarketplaces: {},
    });
  });

  it('gives ended offers an endedAt and offers without SKU `external: null`', () => {
    const ended = toSaleOffer({ ...offer, status: 'ENDED', sku: null }, '2026-11-01T00:00:00.000Z');
    expect(ended.publication.endedAt).toBe('2026-04-01T10:00:00.000Z');
    expect(ended.external).toBeNull();
  });
});

describe('small helpers', () => {
  it('formats money as Allegro amount strings', () => {
    expect(money(28296)).toEqual({ amount: '282.96', currency: 'PLN' });
    expect(money(5)).toEqual({ amount: '0.05', currency: 'PLN' });
  });

  it('builds relay emails and deterministic ids', () => {
    expect(relayEmail('k7rq2mf9zd', '3b1e07c2a')).toBe('k7rq2mf9zd+3b1e07c2a@allegromail.pl');
    expect(revisionOf('a', 1)).toBe(revisionOf('a', 1));
    expect(revisionOf('a', 1)).not.toBe(revisionOf('a', 2));
    expect(uuidOf('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
