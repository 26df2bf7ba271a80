import { describe, expect, it } from 'vitest';
import { mapWcOrderStatus } from './woocommerce-mappers.ts';
import { WcFulfillmentListDto, WcOrderNoteListDto } from './woocommerce-dtos.ts';
import { hasWcFulfillments, mapWcFulfillments, mapWcInvoice, mapWcNoteToEvent, mapWcTrackingMeta, wcDateToIso } from './woocommerce-order-detail.ts';

const note = (text: string) => WcOrderNoteListDto.parse([{ id: 1, date_created_gmt: '2026-05-11T17:45:31', note: text, customer_note: false }])[0]!;

describe('order notes → timeline events', () => {
  it.each([
    ['Order status changed from Pending payment to Processing.', 'STATUS_CHANGED', 'PROCESSING', 'processing'],
    ['Status zamówienia zmieniony z Oczekujące na płatność na W trakcie realizacji.', 'STATUS_CHANGED', 'PROCESSING', 'processing'],
    [
      'Czekanie na przelew Status zamówienia zmieniony z Oczekujące na płatność na Wstrzymane (oczekujące na płatność).',
      'STATUS_CHANGED',
      'ON_HOLD',
      'on-hold',
    ],
    ['Status zamówienia zmieniony z W trakcie realizacji na Zrealizowane.', 'STATUS_CHANGED', 'COMPLETED', 'completed'],
    [
      'Anulowane nieopłacone zamówienie - osiągnięto limit czasu. Status zamówienia zmieniony z Oczekujące na płatność na Anulowane.',
      'CANCELLED',
      'CANCELLED',
      'cancelled',
    ],
    ['Order status changed from Processing to Refunded.', 'STATUS_CHANGED', 'REFUNDED', 'refunded'],
    // a plugin's status: the label as written, the graph status falls back like the order's
    ['Status zamówienia zmieniony z W trakcie realizacji na Wysłane.', 'STATUS_CHANGED', 'PROCESSING', 'Wysłane'],
  ] as const)('%s', (text, kind, status, channelStatus) => {
    expect(mapWcNoteToEvent(note(text), mapWcOrderStatus)).toEqual({
      at: '2026-05-11T17:45:31Z',
      source: 'ESHOP',
      kind,
      status,
      channelStatus,
      text,
    });
  });

  it('any other note is a NOTE with its text (HTML stripped)', () => {
    expect(mapWcNoteToEvent(note('Płatność <strong>Przelewy24</strong> przyjęta.'), mapWcOrderStatus)).toEqual({
      at: '2026-05-11T17:45:31Z',
      source: 'ESHOP',
      kind: 'NOTE',
      status: null,
      channelStatus: null,
      text: 'Płatność Przelewy24 przyjęta.',
    });
  });
});

describe('shipment tracking meta', () => {
  it('WooCommerce Shipment Tracking: a listed provider slug, a custom provider with its own link', () => {
    expect(
      mapWcTrackingMeta([
        {
          key: '_wc_shipment_tracking_items',
          value: [
            {
              tracking_provider: 'dpd-pl',
              custom_tracking_provider: '',
              custom_tracking_link: '',
              tracking_number: '1000634512345U',
              date_shipped: '1747044000',
              tracking_id: 'a1',
            },
            {
              tracking_provider: '',
              custom_tracking_provider: 'Kurier Zenek',
              custom_tracking_link: 'https://zenek.example/t/Z1',
              tracking_number: 'Z1',
              date_shipped: 1747130400,
              tracking_id: 'a2',
            },
            { tracking_provider: 'inpost', tracking_number: '' },
            'junk',
          ],
        },
      ]),
    ).toEqual([
      {
        id: 'a1',
        carrierName: 'dpd-pl',
        carrierId: 'dpd-pl',
        trackingNumber: '1000634512345U',
        trackingLink: null,
        shippedAt: '2025-05-12T10:00:00Z',
        lineIds: [],
      },
      {
        id: 'a2',
        carrierName: 'Kurier Zenek',
        carrierId: 'Kurier Zenek',
        trackingNumber: 'Z1',
        trackingLink: 'https://zenek.example/t/Z1',
        shippedAt: '2025-05-13T10:00:00Z',
        lineIds: [],
      },
    ]);
  });

  it('Advanced Shipment Tracking: formatted provider name and the lines of the parcel', () => {
    const [parcel] = mapWcTrackingMeta([
      {
        key: '_wc_shipment_tracking_items',
        value: [
          {
            tracking_provider: 'poczta-polska',
            formatted_tracking_provider: 'Poczta Polska',
            custom_tracking_provider: '',
            tracking_number: '00659007734000012345',
            tracking_product_code: '',
            date_shipped: '1747044000',
            products_list: [{ product: 811, item_id: 5521, qty: 1 }],
            status_shipped: '1',
            tracking_id: 'f0',
          },
        ],
      },
    ]);
    expect(parcel).toMatchObject({ carrierName: 'Poczta Polska', carrierId: 'poczta-polska', lineIds: ['5521'] });
  });

  it('Shipment Tracking before 1.4 kept one parcel in flat keys', () => {
    expect(
      mapWcTrackingMeta([
        { key: '_tracking_provider', value: 'inpost' },
        { key: '_tracking_number', value: '620000000000000000000001' },
        { key: '_date_shipped', value: '1747044000' },
      ]),
    ).toMatchObject([{ carrierId: 'inpost', trackingNumber: '620000000000000000000001', shippedAt: '2025-05-12T10:00:00Z' }]);
    expect(mapWcTrackingMeta([])).toEqual([]);
  });
});

describe('core order fulfillments', () => {
  it('maps the documented shape (10.1 `_shipment_provider` and 10.7 `_shipping_provider`), drops deleted and untracked drafts', () => {
    const dto = WcFulfillmentListDto.parse([
      {
        id: 1,
        entity_type: 'WC_Order',
        entity_id: '123',
        status: 'fulfilled',
        is_fulfilled: true,
        date_updated: '2024-01-15T10:30:00',
        date_deleted: null,
        meta_data: [
          {
            id: 1,
            key: '_items',
            value: [
              { item_id: 456, qty: 2 },
              { item_id: 789, qty: 1 },
            ],
          },
          { id: 2, key: '_tracking_number', value: '620000000000000000000002' },
          { id: 3, key: '_shipment_provider', value: 'inpost' },
        ],
      },
      {
        id: 2,
        status: 'fulfilled',
        is_fulfilled: true,
        date_updated: '2024-01-16T09:30:00',
        date_deleted: null,
        meta_data: [
          { id: 4, key: '_tracking_number', value: '00659007734000012345' },
          { id: 5, key: '_shipping_provider', value: 'poczta-polska' },
          { id: 6, key: '_tracking_url', value: 'https://emonitoring.poczta-polska.pl/track/00659007734000012345' },
          { id: 7, key: '_date_fulfilled', value: '2024-01-16 08:00:00' },
        ],
      },
      { id: 3, status: 'unfulfilled', is_fulfilled: false, date_updated: '2024-01-16T09:30:00', date_deleted: null, meta_data: [] },
      { id: 4, status: 'fulfilled', is_fulfilled: true, date_updated: '2024-01-16T09:30:00', date_deleted: '2024-01-17T09:30:00', meta_data: [] },
    ]);
    expect(mapWcFulfillments(dto)).toEqual([
      {
        id: '1',
        carrierName: 'inpost',
        carrierId: 'inpost',
        trackingNumber: '620000000000000000000002',
        trackingLink: null,
        shippedAt: '2024-01-15T10:30:00Z',
        lineIds: ['456', '789'],
      },
      {
        id: '2',
        carrierName: 'poczta-polska',
        carrierId: 'poczta-polska',
        trackingNumber: '00659007734000012345',
        trackingLink: 'https://emonitoring.poczta-polska.pl/track/00659007734000012345',
        shippedAt: '2024-01-16T08:00:00Z',
        lineIds: [],
      },
    ]);
  });

  it('an order has fulfillments while its `_fulfillment_status` meta says so', () => {
    expect(hasWcFulfillments([{ key: '_fulfillment_status', value: 'partially_fulfilled' }])).toBe(true);
    expect(hasWcFulfillments([{ key: '_fulfillment_status', value: 'no_fulfillments' }])).toBe(false);
    expect(hasWcFulfillments([])).toBe(false);
  });
});

describe('invoice data', () => {
  const billing = {
    first_name: 'Magdalena',
    last_name: 'Nowak',
    company: 'Hotel Pod Lipami Sp. z o.o.',
    address_1: 'ul. Floriańska 20',
    address_2: '',
    city: 'Kraków',
    state: '',
    postcode: '31-019',
    country: 'PL',
  };

  it('takes the configured key first, then the known plugins’ keys; nip only for a valid 10-digit NIP', () => {
    expect(mapWcInvoice({ billing, meta_data: [{ key: '_billing_nip', value: 'PL 526-104-08-28' }] }, null)).toEqual({
      required: true,
      companyName: 'Hotel Pod Lipami Sp. z o.o.',
      nip: '5261040828',
      taxId: 'PL 526-104-08-28',
      firstName: 'Magdalena',
      lastName: 'Nowak',
      address: { street: 'ul. Floriańska 20', city: 'Kraków', postalCode: '31-019', countryCode: 'PL' },
    });
    expect(
      mapWcInvoice(
        {
          billing,
          meta_data: [
            { key: 'nip_firmy', value: '5261040828' },
            { key: '_billing_nip', value: 'x' },
          ],
        },
        'nip_firmy',
      )?.nip,
    ).toBe('5261040828');
    // a foreign VAT id and a bad checksum are kept as typed, never as a NIP
    expect(mapWcInvoice({ billing, meta_data: [{ key: '_billing_vat_number', value: 'DE811907980' }] }, null)).toMatchObject({
      nip: null,
      taxId: 'DE811907980',
      required: true,
    });
    expect(mapWcInvoice({ billing, meta_data: [{ key: 'vat_number', value: '5261040829' }] }, null)).toMatchObject({
      nip: null,
      taxId: '5261040829',
    });
  });

  it('an invoice checkbox alone makes it required; a company alone does not; nothing → null', () => {
    expect(mapWcInvoice({ billing, meta_data: [{ key: '_billing_invoice_ask', value: '1' }] }, null)).toMatchObject({ required: true, nip: null });
    expect(mapWcInvoice({ billing, meta_data: [{ key: '_billing_faktura', value: '0' }] }, null)).toMatchObject({ required: false });
    expect(mapWcInvoice({ billing: { ...billing, company: '' }, meta_data: [] }, null)).toBeNull();
  });
});

describe('wcDateToIso', () => {
  it('reads the date shapes plugins store', () => {
    expect(wcDateToIso('2026-05-12T09:30:00')).toBe('2026-05-12T09:30:00Z');
    expect(wcDateToIso('2026-05-12 09:30:00')).toBe('2026-05-12T09:30:00Z');
    expect(wcDateToIso('2026-05-12T11:30:00+02:00')).toBe('2026-05-12T09:30:00Z');
    expect(wcDateToIso('2026-05-12')).toBe('2026-05-12T00:00:00Z');
    expect(wcDateToIso('1747044000')).toBe('2025-05-12T10:00:00Z');
    expect(wcDateToIso('')).toBeNull();
    expect(wcDateToIso(false)).toBeNull();
  });
});
