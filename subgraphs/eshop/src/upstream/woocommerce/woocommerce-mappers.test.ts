import type { EshopOrderId } from '../eshop-client.ts';
import { describe, expect, it } from 'vitest';
import { WcCustomerDto, WcOrderDto, WcProductDto } from './woocommerce-dtos.ts';
import {
  isGuestOrderOf,
  mapWcCustomerDtoToEshopCustomer,
  mapWcDelivery,
  mapWcLine,
  mapWcOrderDtoToEshopOrder,
  mapWcOrderStatus,
  mapWcPaymentStatus,
  mapWcProductDtoToEshopListing,
} from './woocommerce-mappers.ts';

/** The order of shared/upstream-apis.md A.2.1, trimmed to the fields the DTO reads. */
function orderFixture(overrides: Record<string, unknown> = {}): WcOrderDto {
  return WcOrderDto.parse({
    id: 10482,
    number: '10482',
    status: 'processing',
    currency: 'PLN',
    date_created_gmt: '2026-05-11T17:42:10',
    discount_total: '30.00',
    discount_tax: '6.90',
    shipping_total: '13.00',
    shipping_tax: '2.99',
    total: '348.09',
    total_tax: '65.09',
    customer_id: 2317,
    billing: {
      first_name: 'Anna',
      last_name: 'Kowalska',
      company: '',
      address_1: 'ul. Półwiejska 12/4',
      address_2: '',
      city: 'Poznań',
      state: '',
      postcode: '61-888',
      country: 'PL',
      email: 'anna.kowalska@example.pl',
      phone: '+48 601 234 567',
    },
    shipping: {
      first_name: 'Anna',
      last_name: 'Kowalska',
      company: '',
      address_1: 'ul. Półwiejska 12/4',
      address_2: 'III piętro',
      city: 'Poznań',
      state: '',
      postcode: '61-888',
      country: 'PL',
      phone: '+48 601 234 567',
    },
    payment_method: 'przelewy24',
    date_paid_gmt: '2026-05-11T17:45:31',
    line_items: [
      // prices_include_tax: true; subtotal before the 10% coupon, total after it, both net with the tax beside them
      {
        id: 5521,
        name: 'Czajnik elektryczny stalowy 1,7 l',
        quantity: 1,
        subtotal: '200.00',
        subtotal_tax: '46.00',
        total: '180.00',
        total_tax: '41.40',
        sku: 'SKU-KET-17-STL',
        price: 180,
      },
      {
        id: 5522,
        name: 'Kubek termiczny 450 ml - Granatowy',
        quantity: 2,
        subtotal: '100.00',
        subtotal_tax: '23.00',
        total: '90.00',
        total_tax: '20.70',
        sku: 'SKU-MUG-450-NAVY',
        price: 45,
      },
    ],
    fee_lines: [],
    coupon_lines: [
      {
        id: 5524,
        code: 'wiosna10',
        discount: '30',
        discount_tax: '6.9',
        meta_data: [],
        discount_type: 'percent',
        nominal_amount: 10,
        free_shipping: false,
      },
    ],
    shipping_lines: [
      {
        id: 5523,
        method_title: 'InPost Paczkomat 24/7',
        method_id: 'flat_rate',
        total: '13.00',
        total_tax: '2.99',
        meta_data: [{ id: 40120, key: 'Produkty', value: 'Czajnik…' }],
      },
    ],
    ...overrides,
  });
}

describe('mapWcOrderDtoToEshopOrder', () => {
  it('maps the A.2.1 order with exact gross totals', () => {
    const dto = orderFixture();
    const order = mapWcOrderDtoToEshopOrder(dto);
    expect(order).toMatchObject({
      id: 'eshop:10482',
      orderId: '10482',
      channel: 'ESHOP',
      number: '10482',
      placedAt: '2026-05-11T17:42:10Z',
      status: 'PROCESSING',
      channelStatus: 'processing',
      paymentStatus: 'PAID',
      billingEmail: 'anna.kowalska@example.pl',
      customerId: '2317',
      totals: {
        total: { amount: '348.09', currency: 'PLN' },
        shipping: { amount: '15.99', currency: 'PLN' },
        discount: { amount: '36.90', currency: 'PLN' },
        tax: { amount: '65.09', currency: 'PLN' },
        fees: { amount: '0.00', currency: 'PLN' },
      },
      couponCodes: ['wiosna10'],
    });
    expect(order.lines).toEqual([
      expect.objectContaining({
        sku: 'SKU-KET-17-STL',
        name: 'Czajnik elektryczny stalowy 1,7 l',
        quantity: 1,
        unitPrice: { amount: '246.00', currency: 'PLN' },
        originalUnitPrice: { amount: '246.00', currency: 'PLN' },
        discount: { amount: '24.60', currency: 'PLN' },
        lineTotal: { amount: '221.40', currency: 'PLN' },
      }),
      expect.objectContaining({
        sku: 'SKU-MUG-450-NAVY',
        name: 'Kubek termiczny 450 ml - Granatowy',
        quantity: 2,
        unitPrice: { amount: '61.50', currency: 'PLN' },
        originalUnitPrice: { amount: '61.50', currency: 'PLN' },
        discount: { amount: '12.30', currency: 'PLN' },
        lineTotal: { amount: '110.70', currency: 'PLN' },
      }),
    ]);
    expect(order.lines.map((l) => [l.id, l.orderId, l.orderHasRefunds])).toEqual([
      [String(dto.line_items[0]!.id), order.orderId, false],
      [String(dto.line_items[1]!.id), order.orderId, false],
    ]);
    expect([order.completedAt, order.refundIds]).toEqual([dto.date_completed_gmt === null ? null : `${dto.date_completed_gmt}Z`, []]);
    expect(order.delivery).toEqual({
      method: 'COURIER',
      name: 'InPost Paczkomat 24/7',
      cost: { amount: '15.99', currency: 'PLN' },
      parcelLocker: null,
      store: null,
      address: { street: 'ul. Półwiejska 12/4 III piętro', city: 'Poznań', postalCode: '61-888', countryCode: 'PL' },
    });
  });

  it('carries the buyer of the billing address; the NIP only from the configured meta key', () => {
    const dto = orderFixture({
      billing: {
        first_name: 'Magdalena',
        last_name: 'Nowak',
        company: 'Kawiarnia Pod Lipami Sp. z o.o.',
        postcode: '31-146',
        email: 'zamowienia@podlipami.example.pl',
        phone: ' +48 12 422 18 90 ',
      },
      meta_data: [
        { id: 1, key: '_billing_nip', value: '676-248-13-66' },
        { id: 2, key: '_billing_nip_number', value: 6762481366 },
        { id: 3, key: '_wc_order_attribution_source_type', value: { complex: true } },
      ],
    });
    expect(mapWcOrderDtoToEshopOrder(dto).buyer).toEqual({
      email: 'zamowienia@podlipami.example.pl',
      phone: '+48 12 422 18 90',
      firstName: 'Magdalena',
      lastName: 'Nowak',
      postalCode: '31-146',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      // no ESHOP_NIP_META_KEY: a known NIP plugin's key (`_billing_nip`), as the invoice data reads it
      nip: '676-248-13-66',
    });
    expect(mapWcOrderDtoToEshopOrder(dto, { nipMetaKey: '_billing_nip' }).buyer.nip).toBe('676-248-13-66');
    // the configured key first; a plugin storing it as a number
    expect(mapWcOrderDtoToEshopOrder(dto, { nipMetaKey: '_billing_nip_number' }).buyer.nip).toBe('6762481366');
    // a configured key without a text value: the known keys still answer
    expect(mapWcOrderDtoToEshopOrder(dto, { nipMetaKey: '_wc_order_attribution_source_type' }).buyer.nip).toBe('676-248-13-66');
  });

  it("the buyer's NIP and the invoice's tax id come from the same keys (the configured one, then the known plugins')", () => {
    const base = orderFixture();
    const cases: { meta: { id: number; key: string; value: unknown }[]; nipMetaKey?: string; expected: string | null }[] = [
      // EU VAT Number / Aelia
      { meta: [{ id: 1, key: '_billing_vat_number', value: 'PL6762481366' }], expected: 'PL6762481366' },
      // Germanized, plus a custom key configured and present: the configured key wins
      {
        meta: [
          { id: 1, key: '_billing_vat_id', value: '5213000000' },
          { id: 2, key: '_faktura_nip', value: '676-248-13-66' },
        ],
        nipMetaKey: '_faktura_nip',
        expected: '676-248-13-66',
      },
      { meta: [{ id: 1, key: '_nip', value: '  ' }], expected: null },
    ];
    for (const c of cases) {
      const order = mapWcOrderDtoToEshopOrder(
        WcOrderDto.parse({ ...base, meta_data: c.meta }),
        c.nipMetaKey === undefined ? {} : { nipMetaKey: c.nipMetaKey },
      );
      expect(order.buyer.nip).toBe(c.expected);
      expect(order.invoice?.taxId ?? null).toBe(c.expected);
    }
  });

  it('reads an order without meta_data (a key without access to it) and without a billing phone', () => {
    const { meta_data: _omitted, ...rest } = orderFixture();
    const order = mapWcOrderDtoToEshopOrder(WcOrderDto.parse({ ...rest, billing: { ...rest.billing, phone: null } }), { nipMetaKey: '_billing_nip' });
    expect(order.buyer).toMatchObject({ phone: null, nip: null });
  });

  it('treats customer 0 as a guest and an empty billing e-mail as none', () => {
    const order = mapWcOrderDtoToEshopOrder(orderFixture({ customer_id: 0, billing: { email: '', first_name: 'K', city: 'Kraków' } }));
    expect(order.customerId).toBeNull();
    expect(order.billingEmail).toBeNull();
  });

  it('keeps amounts exact that floats would not (0.1 + 0.2)', () => {
    const order = mapWcOrderDtoToEshopOrder(orderFixture({ shipping_total: '0.10', shipping_tax: '0.20' }));
    expect(order.totals.shipping.amount).toBe('0.30');
  });
});

describe('the money identity (docs/money-model.md)', () => {
  const grosze = (amount: string) => Math.round(Number(amount) * 100);
  const identityHolds = (order: ReturnType<typeof mapWcOrderDtoToEshopOrder>) =>
    order.lines.every((l) => l.quantity * grosze(l.unitPrice.amount) - grosze(l.discount.amount) === grosze(l.lineTotal.amount)) &&
    order.lines.reduce((sum, l) => sum + grosze(l.lineTotal.amount), 0) + grosze(order.totals.shipping.amount) + grosze(order.totals.fees.amount) ===
      grosze(order.totals.total.amount);

  it('adds fees (a negative one too) and every shipping line; the coupon codes in the order of the shop', () => {
    // prices include tax; courier and a second parcel, a COD surcharge and a loyalty fee that lowers the total
    const dto = orderFixture({
      shipping_total: '26.00',
      shipping_tax: '5.98',
      total: '367.23',
      total_tax: '69.23',
      shipping_lines: [
        { id: 1, method_title: 'Kurier DPD', method_id: 'flat_rate', total: '13.00', total_tax: '2.99', meta_data: [] },
        { id: 2, method_title: 'Kurier DPD (gabaryt)', method_id: 'flat_rate', total: '13.00', total_tax: '2.99', meta_data: [] },
      ],
      fee_lines: [
        { id: 7, name: 'Pobranie', tax_class: '', tax_status: 'taxable', amount: '5', total: '5.00', total_tax: '1.15', taxes: [], meta_data: [] },
        {
          id: 8,
          name: 'Rabat lojalnościowy',
          tax_class: '',
          tax_status: 'none',
          amount: '-3',
          total: '-3.00',
          total_tax: '0.00',
          taxes: [],
          meta_data: [],
        },
      ],
      coupon_lines: [
        { id: 5524, code: 'wiosna10', discount: '30', discount_tax: '6.9', meta_data: [] },
        { id: 5525, code: 'darmowa-dostawa', discount: '0', discount_tax: '0', meta_data: [] },
      ],
    });
    const order = mapWcOrderDtoToEshopOrder(dto);
    expect(order.totals.fees).toEqual({ amount: '3.15', currency: 'PLN' });
    expect(order.totals.shipping).toEqual({ amount: '31.98', currency: 'PLN' });
    expect(order.couponCodes).toEqual(['wiosna10', 'darmowa-dostawa']);
    expect(identityHolds(order)).toBe(true);
  });

  it('holds for the A.2.1 order; a shop total that disagrees is kept and reported by id', () => {
    expect(identityHolds(mapWcOrderDtoToEshopOrder(orderFixture()))).toBe(true);
    const reported: string[] = [];
    const order = mapWcOrderDtoToEshopOrder(orderFixture({ total: '348.10' }), { onMoneyMismatch: (id) => reported.push(id) });
    expect(order.totals.total.amount).toBe('348.10');
    expect(reported).toEqual(['10482']);
    mapWcOrderDtoToEshopOrder(orderFixture(), { onMoneyMismatch: (id) => reported.push(id) });
    expect(reported).toEqual(['10482']);
  });
});

describe('mapWcLine', () => {
  it('takes the line total as the shop states it and puts the rounding remainder in the discount, never in the total', () => {
    // A shop with prices excluding tax: 3 × 41.46 net = 124.38 + 28.61 VAT = 152.99 gross, not a whole grosz per unit.
    // Dividing the line total (the old 0.01 bug) would give 51.00 × 3 = 153.00.
    const line = mapWcLine(
      { id: 1, name: 'Bidon', quantity: 3, subtotal: '124.38', subtotal_tax: '28.61', total: '124.38', total_tax: '28.61', sku: 'SKU-BDN' },
      'PLN',
      '9' as EshopOrderId,
    );
    expect([line.unitPrice.amount, line.discount.amount, line.lineTotal.amount]).toEqual(['51.00', '0.01', '152.99']);
  });

  it('reads a refund-style line without subtotal: no discount, the unit price from the total', () => {
    const line = mapWcLine({ id: 2, name: 'x', quantity: 2, total: '20.00', total_tax: '4.60', sku: null }, 'PLN', '9' as EshopOrderId);
    expect([line.unitPrice.amount, line.discount.amount, line.lineTotal.amount]).toEqual(['12.30', '0.00', '24.60']);
  });

  it('keeps a line of a deleted product without a SKU', () => {
    expect(mapWcLine({ id: 1, name: 'Gone', quantity: 1, total: '10.00', total_tax: '2.30', sku: null }, 'PLN', '9' as EshopOrderId).sku).toBeNull();
    expect(mapWcLine({ id: 1, name: 'Gone', quantity: 1, total: '10.00', total_tax: '2.30', sku: '' }, 'PLN', '9' as EshopOrderId).sku).toBeNull();
  });
});

describe('mapWcDelivery', () => {
  const shipping = orderFixture().shipping;

  it('maps local pickup with a location code to STORE_PICKUP', () => {
    const delivery = mapWcDelivery({
      currency: 'PLN',
      shipping,
      shipping_lines: [
        {
          method_title: 'Odbiór osobisty – Sklep Poznań City Center',
          method_id: 'local_pickup',
          total: '0.00',
          total_tax: '0.00',
          meta_data: [
            { key: 'Produkty', value: '…' },
            { key: '_pickup_location_code', value: 'POZ1' },
          ],
        },
      ],
    });
    expect(delivery).toMatchObject({ method: 'STORE_PICKUP', store: { code: 'POZ1' }, parcelLocker: null, cost: { amount: '0.00' } });
  });

  it('maps a parcel machine meta to PARCEL_LOCKER', () => {
    const delivery = mapWcDelivery({
      currency: 'PLN',
      shipping,
      shipping_lines: [
        {
          method_title: 'Paczkomat InPost 24/7',
          method_id: 'flat_rate',
          total: '13.00',
          total_tax: '2.99',
          meta_data: [{ key: '_parcel_machine_id', value: 'POZ08A' }],
        },
      ],
    });
    expect(delivery).toMatchObject({
      method: 'PARCEL_LOCKER',
      name: 'Paczkomat InPost 24/7',
      parcelLocker: { id: 'POZ08A', name: null, address: null },
      store: null,
      cost: { amount: '15.99', currency: 'PLN' },
    });
  });

  it('answers a free COURIER delivery for an order without shipping lines', () => {
    expect(mapWcDelivery({ currency: 'PLN', shipping, shipping_lines: [] })).toMatchObject({
      method: 'COURIER',
      name: '',
      cost: { amount: '0.00', currency: 'PLN' },
    });
  });
});

describe('mapWcOrderStatus', () => {
  it.each([
    ['pending', 'PENDING_PAYMENT'],
    ['on-hold', 'ON_HOLD'],
    ['processing', 'PROCESSING'],
    ['completed', 'COMPLETED'],
    ['cancelled', 'CANCELLED'],
    ['refunded', 'REFUNDED'],
    ['failed', 'FAILED'],
    ['checkout-draft', 'PENDING_PAYMENT'],
    ['shipped', 'PROCESSING'],
  ] as const)('maps %s to %s', (wc, expected) => {
    expect(mapWcOrderStatus(wc)).toBe(expected);
  });
});

describe('mapWcPaymentStatus', () => {
  it('prefers REFUNDED, then PAID, then CASH_ON_DELIVERY, else UNPAID', () => {
    expect(mapWcPaymentStatus({ status: 'refunded', date_paid_gmt: '2026-01-01T00:00:00', payment_method: 'bacs' })).toBe('REFUNDED');
    expect(mapWcPaymentStatus({ status: 'completed', date_paid_gmt: '2026-01-01T00:00:00', payment_method: 'cod' })).toBe('PAID');
    expect(mapWcPaymentStatus({ status: 'processing', date_paid_gmt: null, payment_method: 'cod' })).toBe('CASH_ON_DELIVERY');
    expect(mapWcPaymentStatus({ status: 'pending', date_paid_gmt: null, payment_method: 'bacs' })).toBe('UNPAID');
  });
});

describe('isGuestOrderOf', () => {
  it('matches guests by exact e-mail, case-insensitively, never registered orders or look-alikes', () => {
    const guest = { customer_id: 0, billing: orderFixture({ billing: { email: 'K.Zielinska@Example.pl' } }).billing };
    expect(isGuestOrderOf(guest, 'k.zielinska@example.pl')).toBe(true);
    expect(isGuestOrderOf(guest, 'zielinska@example.pl')).toBe(false);
    expect(isGuestOrderOf({ ...guest, customer_id: 7 }, 'k.zielinska@example.pl')).toBe(false);
  });
});

describe('mapWcProductDtoToEshopListing', () => {
  const READ_AT = '2026-05-12T08:30:00.000Z';
  const product = (overrides: Record<string, unknown> = {}): WcProductDto =>
    WcProductDto.parse({
      id: 172,
      name: 'Toster 4 kromki - Stalowy',
      permalink: 'https://sklep.example.pl/produkt/toster/?attribute_pa_kolor=stalowy',
      status: 'publish',
      sku: 'SKU-TOS-4-STL',
      price: '249.99',
      regular_price: '288.99',
      sale_price: '249.99',
      on_sale: true,
      stock_quantity: 121,
      stock_status: 'instock',
      type: 'variation',
      ...overrides,
    });

  it('maps a variation on sale', () => {
    expect(mapWcProductDtoToEshopListing(product(), 'PLN', READ_AT)).toEqual({
      sku: 'SKU-TOS-4-STL',
      productId: '172',
      name: 'Toster 4 kromki - Stalowy',
      price: { amount: '249.99', currency: 'PLN' },
      regularPrice: { amount: '288.99', currency: 'PLN' },
      salePrice: { amount: '249.99', currency: 'PLN' },
      onSale: true,
      saleStartsAt: null,
      saleEndsAt: null,
      status: 'PUBLISHED',
      url: 'https://sklep.example.pl/produkt/toster/?attribute_pa_kolor=stalowy',
      stockStatus: 'IN_STOCK',
      stockQuantity: 121,
      stockAsOf: READ_AT,
      // no content in this fixture (a trimmed answer): empty, never a rejection
      description: null,
      shortDescription: null,
      images: [],
      categories: [],
      parentProductId: null,
    });
  });

  // WooCommerce REST v3 product: date_on_sale_from_gmt / date_on_sale_to_gmt are "the start/end date of sale price,
  // as GMT", null when unset; the shop keeps them after a sale price is cleared.
  it('reads a scheduled sale from date_on_sale_from_gmt / date_on_sale_to_gmt, null when unset or without a sale price', () => {
    const scheduled = mapWcProductDtoToEshopListing(
      product({ date_on_sale_from_gmt: '2026-05-01T00:00:00', date_on_sale_to_gmt: '2026-05-31T23:59:59' }),
      'PLN',
      READ_AT,
    );
    expect(scheduled).toMatchObject({ saleStartsAt: '2026-05-01T00:00:00Z', saleEndsAt: '2026-05-31T23:59:59Z' });
    const openEnded = mapWcProductDtoToEshopListing(
      product({ date_on_sale_from_gmt: '2026-05-01T00:00:00', date_on_sale_to_gmt: null }),
      'PLN',
      READ_AT,
    );
    expect(openEnded).toMatchObject({ saleStartsAt: '2026-05-01T00:00:00Z', saleEndsAt: null });
    const noSale = mapWcProductDtoToEshopListing(
      product({
        price: '288.99',
        sale_price: '',
        on_sale: false,
        date_on_sale_from_gmt: '2026-05-01T00:00:00',
        date_on_sale_to_gmt: '2026-05-31T23:59:59',
      }),
      'PLN',
      READ_AT,
    );
    expect(noSale).toMatchObject({ saleStartsAt: null, saleEndsAt: null });
  });

  it('dates stock by the read, not by date_modified_gmt, which stock changes from orders do not move', () => {
    const withModified = product({ date_modified_gmt: '2026-04-01T10:00:00', date_modified: '2026-04-01T12:00:00' });
    expect(mapWcProductDtoToEshopListing(withModified, 'PLN', READ_AT)?.stockAsOf).toBe(READ_AT);
    expect(mapWcProductDtoToEshopListing(product(), 'PLN', READ_AT)?.stockAsOf).toBe(READ_AT);
  });

  it('normalises prices typed without decimals and maps an empty sale price to null', () => {
    const listing = mapWcProductDtoToEshopListing(
      product({
        price: '246',
        regular_price: '246',
        sale_price: '',
        on_sale: false,
        status: 'draft',
        stock_status: 'onbackorder',
        stock_quantity: null,
      }),
      'PLN',
      READ_AT,
    );
    expect(listing).toMatchObject({
      price: { amount: '246.00' },
      regularPrice: { amount: '246.00' },
      salePrice: null,
      status: 'DRAFT',
      stockStatus: 'ON_BACKORDER',
      stockQuantity: null,
    });
  });

  it('maps private and out-of-stock, and skips a product without any price', () => {
    expect(mapWcProductDtoToEshopListing(product({ status: 'private', stock_status: 'outofstock' }), 'PLN', READ_AT)).toMatchObject({
      status: 'PRIVATE',
      stockStatus: 'OUT_OF_STOCK',
    });
    expect(mapWcProductDtoToEshopListing(product({ price: '', regular_price: '', sale_price: '' }), 'PLN', READ_AT)).toBeNull();
  });
});

describe('mapWcCustomerDtoToEshopCustomer', () => {
  it('maps the A.2 customer, falling back to the saved billing name when the account has none', () => {
    const customer = mapWcCustomerDtoToEshopCustomer(
      WcCustomerDto.parse({
        id: 2000,
        date_created_gmt: '2023-02-14T10:05:12',
        email: 'anna.kowalska@example.pl',
        first_name: '',
        last_name: '',
        role: 'customer',
        billing: {
          first_name: 'Anna',
          last_name: 'Kowalska',
          company: '',
          postcode: '60-144',
          phone: '601-234-567',
          email: 'anna.kowalska@example.pl',
        },
      }),
    );
    expect(customer).toEqual({
      customerId: '2000',
      email: 'anna.kowalska@example.pl',
      createdAt: '2023-02-14T10:05:12Z',
      firstName: 'Anna',
      lastName: 'Kowalska',
      phone: '601-234-567',
      postalCode: '60-144',
      companyName: null,
    });
  });
});
