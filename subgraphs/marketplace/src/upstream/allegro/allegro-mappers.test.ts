import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AllegroCheckoutFormDto, AllegroOfferDto, AllegroRefundDto } from './allegro-dtos.ts';
import {
  mapAllegroCheckoutFormDtoToMarketplaceOrder,
  mapAllegroOfferDtoToMarketplaceOffer,
  mapAllegroPaymentToPaymentStatus,
  mapAllegroRefundDtoToMarketplaceRefund,
  mapAllegroStatusToOrderStatus,
  normalizeDecimal,
} from './allegro-mappers.ts';

const formJson = JSON.parse(readFileSync(new URL('../../../test/fixtures/allegro/checkout-form.200.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('mapAllegroCheckoutFormDtoToMarketplaceOrder', () => {
  const order = mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse(formJson));

  it('maps the checkout form of upstream-apis.md A.1.1 to an order', () => {
    expect(order).toEqual({
      id: 'marketplace:7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
      channel: 'MARKETPLACE',
      number: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
      // the earliest line, not the first
      placedAt: '2026-05-12T08:12:47.101Z',
      status: 'PROCESSING',
      channelStatus: 'READY_FOR_PROCESSING/PROCESSING',
      totals: {
        total: { amount: '282.96', currency: 'PLN' },
        shipping: { amount: '12.99', currency: 'PLN' },
        // (49.99 − 44.99) × 2
        discount: { amount: '10.00', currency: 'PLN' },
        tax: null,
        fees: { amount: '0.00', currency: 'PLN' },
      },
      lines: [
        {
          id: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b',
          orderNumber: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
          sku: 'SKU-HP-XZ200-BLK',
          name: 'Słuchawki bezprzewodowe XZ-200 czarne ANC',
          quantity: 1,
          unitPrice: { amount: '179.99', currency: 'PLN' },
          originalUnitPrice: { amount: '179.99', currency: 'PLN' },
          discount: { amount: '0.00', currency: 'PLN' },
          lineTotal: { amount: '179.99', currency: 'PLN' },
          product: { sku: 'SKU-HP-XZ200-BLK' },
          vatRate: '23.00',
        },
        {
          id: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
          orderNumber: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
          sku: null,
          name: 'Kubek termiczny 450 ml granatowy stal nierdzewna',
          quantity: 2,
          // originalPrice 49.99, price 44.99: 2 × 49.99 − 10.00 = 89.98, what totalToPay counts
          unitPrice: { amount: '49.99', currency: 'PLN' },
          originalUnitPrice: { amount: '49.99', currency: 'PLN' },
          discount: { amount: '10.00', currency: 'PLN' },
          lineTotal: { amount: '89.98', currency: 'PLN' },
          product: null,
          vatRate: '23.00',
        },
      ],
      couponCodes: [],
      delivery: {
        method: 'PARCEL_LOCKER',
        name: 'Allegro Paczkomaty InPost',
        cost: { amount: '12.99', currency: 'PLN' },
        parcelLocker: {
          id: 'POZ08A',
          name: 'Paczkomat POZ08A',
          address: { street: 'ul. Grunwaldzka 108', city: 'Poznań', postalCode: '60-166', countryCode: 'PL' },
        },
        store: null,
        address: { street: 'ul. Półwiejska 12/4', city: 'Poznań', postalCode: '61-888', countryCode: 'PL' },
      },
      paymentStatus: 'PAID',
      buyerLogin: 'ania_kowalska88',
      buyer: {
        id: '48213377',
        login: 'ania_kowalska88',
        firstName: 'Anna',
        lastName: 'Kowalska',
        phone: '+48601234567',
        // the buyer's address, not the delivery address
        postalCode: '61-888',
        companyName: null,
        nip: null,
        guest: false,
      },
      paymentId: '0f8f1d13-7e9e-11f0-9b00-c5b0dfb78ea6',
      // fulfillment PROCESSING: the buyer does not have the goods yet
      completedAt: null,
      // the list variant of A.1.2: no invoice asked for
      invoice: null,
      // the same moments as the order events of A.1.3: BOUGHT, READY_FOR_PROCESSING, FULFILLMENT_STATUS_CHANGED
      formEvents: [
        { at: '2026-05-12T08:12:47.101Z', source: 'MARKETPLACE', kind: 'PLACED', status: null, channelStatus: 'BOUGHT', text: null },
        { at: '2026-05-12T08:14:03.512Z', source: 'MARKETPLACE', kind: 'PAID', status: null, channelStatus: 'READY_FOR_PROCESSING', text: null },
        {
          at: '2026-05-12T09:02:11.640Z',
          source: 'MARKETPLACE',
          kind: 'STATUS_CHANGED',
          status: 'PROCESSING',
          channelStatus: 'PROCESSING',
          text: null,
        },
      ],
    });
  });

  it('maps statuses Allegro adds later to PROCESSING and reports each through onUnknown', () => {
    const unknown: string[] = [];
    const order = mapAllegroCheckoutFormDtoToMarketplaceOrder(
      AllegroCheckoutFormDto.parse({ ...formJson, status: 'AWAITING_VERIFICATION', fulfillment: { status: 'HANDED_TO_CARRIER' } }),
      undefined,
      (field, value) => unknown.push(`${field}=${value}`),
    );
    expect(order.status).toBe('PROCESSING');
    expect(unknown).toEqual(['status=AWAITING_VERIFICATION', 'fulfillment.status=HANDED_TO_CARRIER']);
    expect(mapAllegroStatusToOrderStatus('READY_FOR_PROCESSING', 'SENT', () => unknown.push('never'))).toBe('SHIPPED');
    expect(unknown).toHaveLength(2);
  });

  it('dates completedAt from the form only once the buyer picked the goods up (PICKED_UP), never SENT', () => {
    const at = (fulfillment: string) =>
      mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse({ ...formJson, fulfillment: { status: fulfillment } })).completedAt;
    expect(at('PICKED_UP')).toBe('2026-05-12T09:02:11.640Z');
    expect(at('SENT')).toBeNull();
    expect(at('READY_FOR_PICKUP')).toBeNull();
  });

  it('maps a refund: totalValue as the amount, whole items of QUANTITY line items, AMOUNT lines with their value, the comment kept', () => {
    const refund = mapAllegroRefundDtoToMarketplaceRefund(
      AllegroRefundDto.parse({
        id: '09f0b4cc-7880-11e9-8f9e-2a86e4085a59',
        payment: { id: '0f8f1d13-7e9e-11f0-9b00-c5b0dfb78ea6' },
        order: { id: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50' },
        reason: 'REFUND',
        status: 'SUCCESS',
        createdAt: '2017-05-17T08:36:57.292+02:00',
        totalValue: { amount: '99.9', currency: 'PLN' },
        lineItems: [
          { id: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b', type: 'QUANTITY', quantity: 1, value: null },
          { id: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', type: 'AMOUNT', value: { amount: '10.00', currency: 'PLN' } },
        ],
        sellerComment: 'Zwrot [omnigraph:0123456789abcdef]',
        someFieldAllegroAddsLater: true,
      }),
    );
    expect(refund).toEqual({
      id: '09f0b4cc-7880-11e9-8f9e-2a86e4085a59',
      orderNumber: '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50',
      createdAt: '2017-05-17T06:36:57.292Z',
      amount: { amount: '99.90', currency: 'PLN' },
      status: 'SUCCESS',
      lines: [
        { lineId: '62ae358b-8f65-4fc4-9c77-bedf604a2e2b', quantity: 1, value: null },
        // a partial price refund returns no goods
        { lineId: '9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', quantity: 0, value: { amount: '10.00', currency: 'PLN' } },
      ],
      note: 'Zwrot [omnigraph:0123456789abcdef]',
    });
  });

  it("reads a company invoice's PL_NIP id and name (upstream-apis.md A.1.2)", () => {
    const b2b = mapAllegroCheckoutFormDtoToMarketplaceOrder(
      AllegroCheckoutFormDto.parse({
        ...formJson,
        invoice: {
          required: true,
          address: {
            street: 'ul. Długa 14',
            city: 'Kraków',
            zipCode: '31-146',
            countryCode: 'PL',
            company: {
              name: 'Kawiarnia Pod Lipami Sp. z o.o.',
              ids: [{ type: 'PL_NIP', value: '6762481366' }],
              vatPayerStatus: 'ACTIVE',
              taxId: '6762481366',
            },
            naturalPerson: null,
          },
          dueDate: null,
          features: [],
        },
      }),
    );
    expect(b2b.buyer).toMatchObject({ companyName: 'Kawiarnia Pod Lipami Sp. z o.o.', nip: '6762481366' });
  });

  it('reads a form whose buyer has only a login (a guest form from an older integration)', () => {
    const minimal = mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse({ ...formJson, buyer: { login: 'Client:1234' } }));
    expect(minimal.buyer).toEqual({
      id: null,
      login: 'Client:1234',
      firstName: null,
      lastName: null,
      phone: null,
      postalCode: null,
      companyName: null,
      nip: null,
      guest: false,
    });
  });

  it('never carries the relay e-mail', () => {
    expect(JSON.stringify(order)).not.toContain('allegromail');
  });

  it('maps a courier delivery without pickup point to COURIER', () => {
    const dto = AllegroCheckoutFormDto.parse({
      ...formJson,
      delivery: { ...(formJson['delivery'] as object), pickupPoint: null, method: { id: 'x', name: 'Allegro Kurier DPD' } },
    });
    const mapped = mapAllegroCheckoutFormDtoToMarketplaceOrder(dto);
    expect(mapped.delivery.method).toBe('COURIER');
    expect(mapped.delivery.parcelLocker).toBeNull();
    expect(mapped.delivery.name).toBe('Allegro Kurier DPD');
  });

  it('falls back to updatedAt when no line has boughtAt, and to a 0.00 discount without originalPrice', () => {
    const lines = (formJson['lineItems'] as Record<string, unknown>[]).map((l) => ({ ...l, boughtAt: null, originalPrice: null }));
    const mapped = mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse({ ...formJson, lineItems: lines }));
    expect(mapped.placedAt).toBe('2026-05-12T09:02:11.640Z');
    expect(mapped.totals.discount).toEqual({ amount: '0.00', currency: 'PLN' });
    expect(mapped.lines[1]).toMatchObject({ unitPrice: { amount: '44.99' }, discount: { amount: '0.00' }, lineTotal: { amount: '89.98' } });
  });

  it('keeps totalToPay when it is not the lines plus delivery, and reports the form id', () => {
    const reported: string[] = [];
    const good = mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse(formJson), (id) => reported.push(id));
    expect(reported).toEqual([]);
    const grosze = (amount: string) => Math.round(Number(amount) * 100);
    const sum =
      good.lines.reduce((acc, l) => acc + grosze(l.lineTotal.amount), 0) + grosze(good.totals.shipping.amount) + grosze(good.totals.fees.amount);
    expect(sum).toBe(grosze(good.totals.total.amount));
    for (const l of good.lines) expect(l.quantity * grosze(l.unitPrice.amount) - grosze(l.discount.amount)).toBe(grosze(l.lineTotal.amount));

    const off = AllegroCheckoutFormDto.parse({ ...formJson, summary: { totalToPay: { amount: '283.00', currency: 'PLN' } } });
    expect(mapAllegroCheckoutFormDtoToMarketplaceOrder(off, (id) => reported.push(id)).totals.total.amount).toBe('283.00');
    expect(reported).toEqual(['7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50']);
  });

  it('counts paid additional services as fees, inside totalToPay', () => {
    const lines = (formJson['lineItems'] as Record<string, unknown>[]).map((l, i) =>
      i === 0
        ? {
            ...l,
            selectedAdditionalServices: [
              { definitionId: 'GIFT_WRAP', name: 'Pakowanie na prezent', price: { amount: '7.50', currency: 'PLN' }, quantity: 2 },
            ],
          }
        : l,
    );
    const reported: string[] = [];
    const dto = AllegroCheckoutFormDto.parse({ ...formJson, lineItems: lines, summary: { totalToPay: { amount: '297.96', currency: 'PLN' } } });
    const mapped = mapAllegroCheckoutFormDtoToMarketplaceOrder(dto, (id) => reported.push(id));
    expect(mapped.totals.fees).toEqual({ amount: '15.00', currency: 'PLN' });
    expect(reported).toEqual([]);
  });

  it('ignores an originalPrice below the price (a price rise since listing) rather than inventing a negative discount', () => {
    const lines = (formJson['lineItems'] as Record<string, unknown>[]).map((l) => ({ ...l, originalPrice: { amount: '1.00', currency: 'PLN' } }));
    const mapped = mapAllegroCheckoutFormDtoToMarketplaceOrder(AllegroCheckoutFormDto.parse({ ...formJson, lineItems: lines }));
    expect(mapped.lines.map((l) => [l.unitPrice.amount, l.discount.amount])).toEqual([
      ['179.99', '0.00'],
      ['44.99', '0.00'],
    ]);
  });
});

describe('mapAllegroStatusToOrderStatus', () => {
  it.each([
    ['CANCELLED', 'NEW', 'CANCELLED'],
    ['BOUGHT', null, 'PENDING_PAYMENT'],
    ['FILLED_IN', 'NEW', 'PENDING_PAYMENT'],
    ['READY_FOR_PROCESSING', 'NEW', 'PROCESSING'],
    ['READY_FOR_PROCESSING', 'PROCESSING', 'PROCESSING'],
    ['READY_FOR_PROCESSING', 'READY_FOR_SHIPMENT', 'PROCESSING'],
    ['READY_FOR_PROCESSING', 'READY_FOR_PICKUP', 'READY_FOR_PICKUP'],
    ['READY_FOR_PROCESSING', 'SENT', 'SHIPPED'],
    ['READY_FOR_PROCESSING', 'PICKED_UP', 'COMPLETED'],
    ['READY_FOR_PROCESSING', 'CANCELLED', 'CANCELLED'],
    ['READY_FOR_PROCESSING', 'RETURNED', 'REFUNDED'],
    ['READY_FOR_PROCESSING', 'SUSPENDED', 'ON_HOLD'],
  ] as const)('maps %s/%s to %s', (status, fulfillment, expected) => {
    expect(mapAllegroStatusToOrderStatus(status, fulfillment)).toBe(expected);
  });
});

describe('mapAllegroPaymentToPaymentStatus', () => {
  it('tells cash on delivery, paid and unpaid apart', () => {
    expect(mapAllegroPaymentToPaymentStatus({ type: 'CASH_ON_DELIVERY', finishedAt: null, paidAmount: null })).toBe('CASH_ON_DELIVERY');
    expect(
      mapAllegroPaymentToPaymentStatus({
        type: 'CASH_ON_DELIVERY',
        finishedAt: '2026-05-12T08:14:03.512Z',
        paidAmount: { amount: '1.00', currency: 'PLN' },
      }),
    ).toBe('PAID');
    expect(mapAllegroPaymentToPaymentStatus({ type: 'ONLINE', finishedAt: null, paidAmount: { amount: '1.00', currency: 'PLN' } })).toBe('PAID');
    expect(mapAllegroPaymentToPaymentStatus({ type: 'ONLINE', finishedAt: null, paidAmount: null })).toBe('UNPAID');
    expect(mapAllegroPaymentToPaymentStatus(null)).toBe('UNPAID');
  });
});

describe('mapAllegroOfferDtoToMarketplaceOffer', () => {
  it('keeps the price string exact and builds the offer URL', () => {
    const dto = AllegroOfferDto.parse({
      id: '17745820341',
      name: 'Słuchawki',
      sellingMode: { format: 'BUY_NOW', price: { amount: '179.9', currency: 'PLN' } },
      stock: { available: 23, sold: 41 },
      publication: { status: 'ENDED' },
      external: { id: 'SKU-HP-XZ200-BLK' },
    });
    expect(mapAllegroOfferDtoToMarketplaceOffer(dto, '2026-05-12T08:30:00.000Z')).toEqual({
      offerId: '17745820341',
      sku: 'SKU-HP-XZ200-BLK',
      title: 'Słuchawki',
      price: { amount: '179.90', currency: 'PLN' },
      availableQuantity: 23,
      // GET /sale/offers carries no stock change time: the figure is dated by its read
      stockAsOf: '2026-05-12T08:30:00.000Z',
      soldQuantity: 41,
      status: 'ENDED',
      url: 'https://allegro.pl/oferta/17745820341',
    });
  });
});

describe('normalizeDecimal', () => {
  it('pads to two decimals without rounding', () => {
    expect(normalizeDecimal('7')).toBe('7.00');
    expect(normalizeDecimal('12.9')).toBe('12.90');
    expect(normalizeDecimal('0.10')).toBe('0.10');
    expect(normalizeDecimal('1.005')).toBe('1.005');
  });
});
