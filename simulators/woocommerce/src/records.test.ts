import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function load(payload: unknown): Promise<Response> {
  return fetch(`${h.base}/__simulator/records`, { method: 'POST', body: JSON.stringify(payload) });
}

/** A.2.1 of the reference, verbatim but for the id (10482 is a seed order at this scale): a payload seen on a real shop. */
const A21_ORDER = {
  id: 90482,
  parent_id: 0,
  number: '90482',
  order_key: 'wc_order_Qk3vZp8RtY1mA',
  created_via: 'checkout',
  version: '9.8.2',
  status: 'processing',
  currency: 'PLN',
  date_created: '2026-05-11T19:42:10',
  date_created_gmt: '2026-05-11T17:42:10',
  date_modified: '2026-05-11T19:45:31',
  date_modified_gmt: '2026-05-11T17:45:31',
  discount_total: '30.00',
  discount_tax: '6.90',
  shipping_total: '13.00',
  shipping_tax: '2.99',
  cart_tax: '62.10',
  total: '348.09',
  total_tax: '65.09',
  prices_include_tax: true,
  customer_id: 0,
  customer_ip_address: '83.24.117.9',
  customer_user_agent: 'Mozilla/5.0',
  customer_note: 'Proszę o kontakt telefoniczny przed doręczeniem.',
  billing: {
    first_name: 'Anna',
    last_name: 'Nowakowska',
    company: '',
    address_1: 'ul. Półwiejska 12/4',
    address_2: '',
    city: 'Poznań',
    state: '',
    postcode: '61-888',
    country: 'PL',
    email: 'anna.nowakowska@example.pl',
    phone: '+48 601 234 567',
  },
  shipping: {
    first_name: 'Anna',
    last_name: 'Nowakowska',
    company: '',
    address_1: 'ul. Półwiejska 12/4',
    address_2: '',
    city: 'Poznań',
    state: '',
    postcode: '61-888',
    country: 'PL',
    phone: '+48 601 234 567',
  },
  payment_method: 'przelewy24',
  payment_method_title: 'Przelewy24',
  transaction_id: 'P24-4410029381',
  date_paid: '2026-05-11T19:45:31',
  date_paid_gmt: '2026-05-11T17:45:31',
  date_completed: null,
  date_completed_gmt: null,
  cart_hash: '3f1c9a0d5e2b7c64a8f0b1d2e3c4a5b6',
  meta_data: [{ id: 88121, key: '_loyalty_card_number', value: '044a7c1e9b2d' }],
  line_items: [
    {
      id: 5521,
      name: 'Czajnik elektryczny stalowy 1,7 l',
      product_id: 811,
      variation_id: 0,
      quantity: 1,
      tax_class: '',
      subtotal: '200.00',
      subtotal_tax: '46.00',
      total: '180.00',
      total_tax: '41.40',
      taxes: [{ id: 1, total: '41.4', subtotal: '46' }],
      meta_data: [],
      sku: 'SKU-KET-17-STL',
      price: 180,
      image: { id: 812, src: 'https://sklep.example.pl/wp-content/uploads/2026/02/czajnik-17-stal.jpg' },
      parent_name: null,
    },
  ],
  tax_lines: [
    {
      id: 5525,
      rate_code: 'PL-VAT-1',
      rate_id: 1,
      label: 'VAT',
      compound: false,
      tax_total: '62.10',
      shipping_tax_total: '2.99',
      rate_percent: 23,
      meta_data: [],
    },
  ],
  shipping_lines: [
    {
      id: 5523,
      method_title: 'InPost Paczkomat 24/7',
      method_id: 'flat_rate',
      instance_id: '3',
      total: '13.00',
      total_tax: '2.99',
      taxes: [{ id: 1, total: '2.99', subtotal: '' }],
      meta_data: [],
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
  refunds: [],
  payment_url: 'https://sklep.example.pl/zamowienie/order-pay/90482/?pay_for_order=true&key=wc_order_Qk3vZp8RtY1mA',
  is_editable: false,
  needs_payment: false,
  needs_processing: true,
  _links: {
    self: [{ href: 'https://sklep.example.pl/wp-json/wc/v3/orders/90482' }],
    collection: [{ href: 'https://sklep.example.pl/wp-json/wc/v3/orders' }],
  },
};

describe('POST /__simulator/records', () => {
  it('loads a real order payload as is and serves it back unchanged, indexed for search', async () => {
    const res = await load({ orders: [A21_ORDER] });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ loaded: { products: 0, customers: 0, orders: 1, coupons: 0 } });
    expect(await (await h.api('/orders/90482')).json()).toEqual(A21_ORDER);
    const found = (await (await h.api('/orders?search=anna.nowakowska@example.pl')).json()) as { id: number }[];
    expect(found.map((o) => o.id)).toEqual([90482]);
    expect(((await (await h.api('/orders?customer=0&include=90482')).json()) as { id: number }[]).map((o) => o.id)).toEqual([90482]);
  });

  it('completes minimal records with WooCommerce defaults', async () => {
    const res = await load({
      customers: [{ id: 9100, email: 'Nowy.Klient@Example.pl', first_name: 'Nowy', last_name: 'Klient' }],
      products: [{ id: 9200, name: 'Produkt z importu', sku: 'SKU-IMPORT-1', regular_price: '19.9', stock_quantity: 3 }],
      coupons: [{ id: 9300, code: 'IMPORT5', discount_type: 'percent', amount: '5.00' }],
      orders: [
        {
          id: 9400,
          status: 'on-hold',
          customer_id: 9100,
          billing: { email: 'nowy.klient@example.pl' },
          line_items: [{ id: 1, name: 'Produkt z importu', product_id: 9200, quantity: 1, total: '16.18' }],
          date_created_gmt: '2026-01-15T10:00:00',
        },
      ],
    });
    expect(res.status).toBe(201);
    const customer = (await (await h.api('/customers?email=nowy.klient@example.pl')).json())[0];
    expect(customer).toMatchObject({ id: 9100, username: 'Nowy.Klient', role: 'customer', billing: { email: '' } });
    const product = (await (await h.api('/products?sku=sku-import-1')).json())[0];
    expect(product).toMatchObject({
      id: 9200,
      price: '19.9',
      regular_price: '19.9',
      sale_price: '',
      manage_stock: true,
      stock_status: 'instock',
      type: 'simple',
    });
    expect(product._links.self[0].href).toBe(`${h.base}/wp-json/wc/v3/products/9200`);
    expect((await (await h.api('/coupons?code=import5')).json())[0]).toMatchObject({ id: 9300, code: 'import5', amount: '5.00' });
    const order = await (await h.api('/orders/9400')).json();
    expect(order).toMatchObject({
      id: 9400,
      status: 'on-hold',
      customer_id: 9100,
      date_created_gmt: '2026-01-15T10:00:00',
      date_created: '2026-01-15T11:00:00',
      is_editable: true,
    });
    expect(order.line_items[0]).toMatchObject({ product_id: 9200, subtotal: '16.18', total: '16.18', variation_id: 0 });
    expect(((await (await h.api('/orders?customer=9100')).json()) as { id: number }[]).map((o) => o.id)).toEqual([9400]);
  });

  it('rejects junk with a clear 400 and loads nothing', async () => {
    const before = h.sim.woo.store.orders.size;
    const cases: [unknown, RegExp][] = [
      [[1, 2], /JSON object/],
      [{ invoices: [] }, /unknown record kind\(s\) "invoices"/],
      [{ orders: [{ id: 1, status: 'processing', line_items: [] }] }, /orders\[0\]\.billing/],
      [{ orders: [{ id: -5, status: 'x', billing: { email: 'a@b.pl' }, line_items: [] }] }, /orders\[0\]\.id/],
      [{ products: [{ id: 9999, name: 'Kopia', sku: 'SKU-IMPORT-1' }] }, /already used by product 9200/],
      [{ products: [{ id: 9998, name: 'Wariant', type: 'variation', parent_id: 424242 }] }, /needs an existing parent product/],
      [{ customers: [{ id: 5, email: 'not-an-email' }] }, /customers\[0\]\.email/],
      [{ coupons: [{ id: 5, code: 'x', discount_type: 'bogus', amount: '1' }] }, /coupons\[0\]\.discount_type/],
    ];
    for (const [payload, message] of cases) {
      const res = await load(payload);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    expect(h.sim.woo.store.orders.size).toBe(before);
  });

  it('forgets loaded records and writes on reset', async () => {
    expect((await h.api('/orders/90482')).status).toBe(200);
    expect((await fetch(`${h.base}/__simulator/reset`, { method: 'POST' })).status).toBe(204);
    expect((await h.api('/orders/90482')).status).toBe(404);
    expect(await (await h.api('/customers?email=nowy.klient@example.pl')).json()).toEqual([]);
    const info = await (await fetch(`${h.base}/__simulator`)).json();
    expect(info.simulator).toBe('woocommerce');
    expect(info.credentials.read_write.consumer_key).toBe(h.sim.woo.credentials.consumerKey);
    expect(info.demoCustomers.find((d: { key: string }) => d.key === 'anna-kowalska')).toMatchObject({ customerId: 2000, orders: 6 });
  });
});
