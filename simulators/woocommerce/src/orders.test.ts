import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support.ts';

let h: Harness;

/** The A.2 example shop: a kettle at 246.00 and a navy mug at 61.50 (VAT 23 % included), a 10 % coupon. */
const FIXTURES = {
  products: [
    {
      id: 811,
      name: 'Czajnik elektryczny stalowy 1,7 l',
      type: 'simple',
      sku: 'SKU-TEST-KET-17',
      regular_price: '246.00',
      manage_stock: true,
      stock_quantity: 14,
    },
    { id: 640, name: 'Kubek termiczny 450 ml', type: 'variable', sku: '' },
    {
      id: 655,
      name: 'Kubek termiczny 450 ml - Granatowy',
      type: 'variation',
      parent_id: 640,
      sku: 'SKU-TEST-MUG-NAVY',
      regular_price: '61.50',
      manage_stock: true,
      stock_quantity: 20,
      attributes: [{ id: 1, name: 'Kolor', option: 'Granatowy' }],
    },
    { id: 812, name: 'Zestaw testowy', type: 'simple', sku: 'SKU-TEST-9999', regular_price: '99.99', manage_stock: true, stock_quantity: 50 },
  ],
  coupons: [
    { id: 9901, code: 'test10', discount_type: 'percent', amount: '10.00' },
    { id: 9902, code: 'minus10zl', discount_type: 'fixed_cart', amount: '10.00' },
    { id: 9903, code: 'used-up', discount_type: 'percent', amount: '5.00', usage_limit: 1, usage_count: 1 },
  ],
};

const ANNA = {
  first_name: 'Anna',
  last_name: 'Kowalska',
  address_1: 'ul. Półwiejska 12/4',
  city: 'Poznań',
  postcode: '61-888',
  country: 'PL',
  email: 'anna.kowalska@example.pl',
  phone: '+48 601 234 567',
};

beforeAll(async () => {
  h = await startHarness();
  for (const id of [640, 655, 811, 812]) expect(h.sim.woo.store.products.has(id) || h.sim.woo.store.variations.has(id)).toBe(false);
  const loaded = await fetch(`${h.base}/__simulator/records`, { method: 'POST', body: JSON.stringify(FIXTURES) });
  expect(loaded.status).toBe(201);
});
afterAll(() => h.close());

async function ids(path: string): Promise<number[]> {
  const res = await h.api(path);
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: number }[]).map((o) => o.id);
}

describe('GET /orders filters', () => {
  it('lists a customer’s orders, newest first', async () => {
    const res = await h.api('/orders?customer=2000&per_page=100');
    const orders = (await res.json()) as { id: number; customer_id: number; date_created_gmt: string }[];
    expect(orders.length).toBe(6);
    expect(orders.every((o) => o.customer_id === 2000)).toBe(true);
    const dates = orders.map((o) => o.date_created_gmt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(res.headers.get('x-wp-total')).toBe('6');
  });

  it('finds guest orders by billing email and by name with search', async () => {
    const byEmail = (await (await h.api('/orders?search=k.zielinska@example.pl&per_page=100')).json()) as {
      customer_id: number;
      billing: { email: string };
    }[];
    expect(byEmail.length).toBe(5);
    expect(byEmail.every((o) => o.customer_id === 0 && o.billing.email === 'k.zielinska@example.pl')).toBe(true);
    const guest = [...h.sim.woo.store.orders.values()].find((o) => o.customer_id === 0 && o.billing.email === 'k.zielinska@example.pl')!;
    const byName = await ids(
      `/orders?search=${encodeURIComponent(`${guest.billing.first_name} ${guest.billing.last_name}`.toUpperCase())}&per_page=100`,
    );
    expect(byName).toContain(guest.id);
    expect(await ids('/orders?search=no-such-person-xyz')).toEqual([]);
  });

  it('matches parts of emails as substrings, like WooCommerce’s LIKE search', async () => {
    const store = h.sim.woo.store;
    const expected = (needle: string) =>
      [...store.orders.values()]
        .filter((o) => store.orderSearchText.get(o.id)!.includes(needle) && o.status !== 'trash')
        .map((o) => o.id)
        .sort();
    for (const term of ['zielinska@example.pl', 'k.zielinska@exam', '@example.pl', 'a@gmail.co', 'no-one@nowhere.invalid']) {
      const res = await h.api(`/orders?search=${encodeURIComponent(term)}&per_page=100`);
      const want = expected(term);
      expect(res.headers.get('x-wp-total')).toBe(String(want.length));
      const found = ((await res.json()) as { id: number }[]).map((o) => o.id);
      expect(found.length).toBe(Math.min(100, want.length));
      expect(found.every((id) => want.includes(id))).toBe(true);
    }
    expect(expected('@example.pl').length).toBeGreaterThan(5);
    // an "@" outside the billing email (here in the company name) is found too
    await fetch(`${h.base}/__simulator/records`, {
      method: 'POST',
      body: JSON.stringify({
        orders: [
          {
            id: 77001,
            status: 'processing',
            date_created_gmt: '2024-01-01T00:00:00',
            billing: { email: '', company: 'Biuro biuro@firma.example' },
            line_items: [],
          },
        ],
      }),
    });
    expect(await ids('/orders?search=biuro@firma')).toEqual([77001]);
  });

  it('keeps the requested order with include + orderby=include, and sorts by date otherwise', async () => {
    expect(await ids('/orders?include=10510,10003,10250&orderby=include&per_page=100')).toEqual([10510, 10003, 10250]);
    expect(await ids('/orders?include=10510,10003,10250&per_page=100')).toEqual([10510, 10250, 10003]);
    expect(await ids('/orders?include=10003,10250&order=asc')).toEqual([10003, 10250]);
  });

  it('filters by a status list, in both WordPress list syntaxes', async () => {
    const expected = [...h.sim.woo.store.orders.values()].filter((o) => o.status === 'processing' || o.status === 'on-hold').length;
    const res = await h.api('/orders?status=processing,on-hold&per_page=100');
    expect(res.headers.get('x-wp-total')).toBe(String(expected));
    const statuses = new Set(((await res.json()) as { status: string }[]).map((o) => o.status));
    expect([...statuses].every((s) => s === 'processing' || s === 'on-hold')).toBe(true);
    const bracket = await h.api('/orders?status[]=processing&status[]=on-hold&per_page=1');
    expect(bracket.headers.get('x-wp-total')).toBe(String(expected));
  });

  it('sees an order changed through the API with modified_after, in GMT and in site time', async () => {
    const before = new Date(Date.now() - 1000).toISOString().slice(0, 19);
    const put = await h.api('/orders/10003', { method: 'PUT', json: { customer_note: 'Proszę dzwonić przed doręczeniem.' } });
    expect(put.status).toBe(200);
    const changed = await put.json();
    expect(changed.date_modified_gmt > before).toBe(true);
    expect(await ids(`/orders?modified_after=${before}&dates_are_gmt=true&orderby=modified&order=asc`)).toContain(10003);
    const localBefore = new Date(Date.parse(`${changed.date_modified}Z`) - 1000).toISOString().slice(0, 19);
    expect(await ids(`/orders?modified_after=${localBefore}&orderby=modified`)).toContain(10003);
    // The dataset ends before the real clock: nothing else changed since.
    expect(await ids(`/orders?modified_after=${before}&dates_are_gmt=true&per_page=100`)).toEqual([10003]);
  });

  it('filters by creation date with after/before', async () => {
    const res = await h.api('/orders?after=2026-10-01T00:00:00&before=2026-10-08T00:00:00&per_page=100');
    const orders = (await res.json()) as { date_created: string }[];
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.date_created > '2026-10-01T00:00:00' && o.date_created < '2026-10-08T00:00:00')).toBe(true);
  });
});

describe('pagination', () => {
  it('sends X-WP-Total, X-WP-TotalPages and Link rel=prev/next with absolute URLs', async () => {
    const total = h.sim.woo.store.ordersByCustomer.get(2001)!.size;
    const res = await h.api('/orders?customer=2001&per_page=5&page=2');
    expect(res.headers.get('x-wp-total')).toBe(String(total));
    expect(res.headers.get('x-wp-totalpages')).toBe(String(Math.ceil(total / 5)));
    const link = res.headers.get('link')!;
    expect(link).toContain(`<${h.base}/wp-json/wc/v3/orders?customer=2001&per_page=5&page=1>; rel="prev"`);
    expect(link).toContain(`<${h.base}/wp-json/wc/v3/orders?customer=2001&per_page=5&page=3>; rel="next"`);
    expect(((await res.json()) as unknown[]).length).toBe(5);

    const pages = Math.ceil(total / 5);
    const last = await h.api(`/orders?customer=2001&per_page=5&page=${pages}`);
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const first = await h.api('/orders?customer=2001&per_page=5');
    expect(first.headers.get('link')).not.toContain('rel="prev"');
  });

  it('answers a page past the end with an empty list and a prev link to the last page', async () => {
    const res = await h.api('/orders?customer=2000&per_page=5&page=9');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-wp-total')).toBe('6');
    expect(res.headers.get('link')).toContain('page=2>; rel="prev"');
  });

  it('supports offset', async () => {
    const all = await ids('/orders?customer=2000&per_page=6');
    expect(await ids('/orders?customer=2000&per_page=2&offset=3')).toEqual(all.slice(3, 5));
  });
});

describe('POST /orders', () => {
  it('prices lines by SKU and by variation, applies a coupon and computes every amount to the grosz (A.2.1)', async () => {
    const res = await h.api('/orders', {
      method: 'POST',
      json: {
        customer_id: 2000,
        set_paid: true,
        payment_method: 'przelewy24',
        payment_method_title: 'Przelewy24',
        transaction_id: 'P24-4410029381',
        billing: ANNA,
        shipping: { ...ANNA, email: undefined },
        line_items: [
          { sku: 'sku-test-ket-17', quantity: 1 },
          { product_id: 640, variation_id: 655, quantity: 2 },
        ],
        shipping_lines: [{ method_id: 'flat_rate', method_title: 'InPost Paczkomat 24/7', total: '13.00' }],
        coupon_lines: [{ code: 'TEST10' }],
      },
    });
    expect(res.status).toBe(201);
    const order = await res.json();
    expect(res.headers.get('location')).toBe(`${h.base}/wp-json/wc/v3/orders/${order.id}`);
    expect(order).toMatchObject({
      status: 'processing',
      created_via: 'rest-api',
      currency: 'PLN',
      prices_include_tax: true,
      customer_id: 2000,
      transaction_id: 'P24-4410029381',
      discount_total: '30.00',
      discount_tax: '6.90',
      shipping_total: '13.00',
      shipping_tax: '2.99',
      cart_tax: '62.10',
      total: '348.09',
      total_tax: '65.09',
      needs_payment: false,
      needs_processing: true,
      is_editable: false,
    });
    expect(order.number).toBe(String(order.id));
    expect(order.order_key).toMatch(/^wc_order_[A-Za-z0-9]{13}$/);
    expect(order.date_paid_gmt).not.toBeNull();
    expect(order.line_items[0]).toMatchObject({
      name: 'Czajnik elektryczny stalowy 1,7 l',
      product_id: 811,
      variation_id: 0,
      quantity: 1,
      subtotal: '200.00',
      subtotal_tax: '46.00',
      total: '180.00',
      total_tax: '41.40',
      taxes: [{ id: 1, total: '41.4', subtotal: '46' }],
      sku: 'SKU-TEST-KET-17',
      price: 180,
      parent_name: null,
    });
    expect(order.line_items[1]).toMatchObject({
      product_id: 640,
      variation_id: 655,
      quantity: 2,
      subtotal: '100.00',
      subtotal_tax: '23.00',
      total: '90.00',
      total_tax: '20.70',
      price: 45,
      parent_name: 'Kubek termiczny 450 ml',
    });
    expect(order.coupon_lines[0]).toMatchObject({
      code: 'test10',
      discount: '30',
      discount_tax: '6.9',
      discount_type: 'percent',
      nominal_amount: 10,
    });
    expect(order.tax_lines).toEqual([
      expect.objectContaining({ rate_code: 'PL-VAT-1', rate_id: 1, label: 'VAT', tax_total: '62.10', shipping_tax_total: '2.99', rate_percent: 23 }),
    ]);
    expect(order.shipping_lines[0]).toMatchObject({
      method_id: 'flat_rate',
      total: '13.00',
      total_tax: '2.99',
      taxes: [{ id: 1, total: '2.99', subtotal: '' }],
    });

    // set_paid reduced stock and counted the coupon
    expect((await (await h.api('/products/811')).json()).stock_quantity).toBe(13);
    expect((await (await h.api('/products/640/variations/655')).json()).stock_quantity).toBe(18);
    expect((await (await h.api('/coupons/9901')).json()).usage_count).toBe(1);
    expect(await ids('/orders?customer=2000&per_page=1')).toEqual([order.id]);
  });

  it('rounds awkward prices to the grosz: 3 × 99.99 with a 10 zł fixed-cart coupon', async () => {
    const res = await h.api('/orders', {
      method: 'POST',
      json: {
        billing: { email: 'gosc@example.pl', country: 'PL' },
        line_items: [{ sku: 'SKU-TEST-9999', quantity: 3 }],
        coupon_lines: [{ code: 'minus10zl' }],
      },
    });
    const order = await res.json();
    expect(res.status).toBe(201);
    expect(order.customer_id).toBe(0);
    expect(order.status).toBe('pending');
    expect(order.needs_payment).toBe(true);
    expect(order.line_items[0]).toMatchObject({ subtotal: '243.88', subtotal_tax: '56.09', total: '235.75', total_tax: '54.22' });
    expect(order).toMatchObject({ discount_total: '8.13', discount_tax: '1.87', cart_tax: '54.22', total_tax: '54.22', total: '289.97' });
    expect(order.line_items[0].price).toBeCloseTo(78.58333333333333, 10);
    // pending orders do not take stock
    expect((await (await h.api('/products/812')).json()).stock_quantity).toBe(50);
  });

  it('charges no Polish VAT when the order ships abroad', async () => {
    const res = await h.api('/orders', {
      method: 'POST',
      json: { billing: { email: 'kunde@example.de', country: 'DE' }, line_items: [{ sku: 'SKU-TEST-KET-17', quantity: 1 }] },
    });
    const order = await res.json();
    expect(order.line_items[0]).toMatchObject({ subtotal: '200.00', subtotal_tax: '0.00', taxes: [] });
    expect(order.total).toBe('200.00');
    expect(order.tax_lines).toEqual([]);
  });

  it('validates coupons: unknown, expired, used up', async () => {
    const post = (code: string) => h.api('/orders', { method: 'POST', json: { line_items: [{ sku: 'SKU-TEST-KET-17' }], coupon_lines: [{ code }] } });
    const unknown = await post('NOPE-2026');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      code: 'woocommerce_rest_invalid_coupon',
      message: 'Coupon &quot;nope-2026&quot; cannot be applied because it does not exist.',
      data: { status: 400 },
    });
    expect(await (await post('wiosna10')).json()).toEqual({
      code: 'woocommerce_rest_invalid_coupon',
      message: 'This coupon has expired.',
      data: { status: 400 },
    });
    expect((await (await post('used-up')).json()).message).toBe('Coupon usage limit has been reached.');
  });

  it('validates bodies like WordPress: money must be a string, emails must be emails', async () => {
    const money = await h.api('/orders', { method: 'POST', json: { shipping_lines: [{ method_id: 'flat_rate', total: 13 }] } });
    expect(money.status).toBe(400);
    expect((await money.json()).data.params).toEqual({ shipping_lines: 'shipping_lines[0][total] is not of type string.' });
    const email = await h.api('/orders', { method: 'POST', json: { billing: { email: 'not-an-email' } } });
    expect((await email.json()).data.params).toEqual({ billing: 'Invalid email address.' });
    const customer = await h.api('/orders', { method: 'POST', json: { customer_id: 987654 } });
    expect(await customer.json()).toEqual({
      code: 'woocommerce_rest_invalid_customer_id',
      message: 'Customer ID is invalid.',
      data: { status: 400 },
    });
    const noProduct = await h.api('/orders', { method: 'POST', json: { line_items: [{ quantity: 1 }] } });
    expect((await noProduct.json()).code).toBe('woocommerce_rest_required_product_reference');
    const noMethod = await h.api('/orders', { method: 'POST', json: { shipping_lines: [{ total: '10.00' }] } });
    expect((await noMethod.json()).code).toBe('woocommerce_rest_invalid_shipping_item');
  });

  it('creates a zero-value line for an unknown SKU, as WooCommerce does, instead of failing', async () => {
    const res = await h.api('/orders', { method: 'POST', json: { line_items: [{ sku: 'SKU-DOES-NOT-EXIST', quantity: 2 }] } });
    expect(res.status).toBe(201);
    const order = await res.json();
    expect(order.line_items[0]).toMatchObject({ product_id: 0, name: '', total: '0.00', sku: null });
    expect(order.total).toBe('0.00');
  });

  it('has no idempotency: the same body posted twice makes two orders', async () => {
    const body = { billing: { email: 'twice@example.pl' }, line_items: [{ sku: 'SKU-TEST-9999' }] };
    const a = await (await h.api('/orders', { method: 'POST', json: body })).json();
    const b = await (await h.api('/orders', { method: 'POST', json: body })).json();
    expect(b.id).toBe(a.id + 1);
  });
});

describe('updates, deletes, batches', () => {
  it('changes the status, stamps dates and puts stock back on cancellation', async () => {
    const created = await (
      await h.api('/orders', { method: 'POST', json: { status: 'processing', line_items: [{ sku: 'SKU-TEST-9999', quantity: 2 }] } })
    ).json();
    expect(created.date_paid).not.toBeNull();
    const stock = (await (await h.api('/products/812')).json()).stock_quantity;
    const completed = await (await h.api(`/orders/${created.id}`, { method: 'PATCH', json: { status: 'completed' } })).json();
    expect(completed.status).toBe('completed');
    expect(completed.date_completed_gmt).not.toBeNull();
    expect(completed.date_modified_gmt >= created.date_modified_gmt).toBe(true);
    const cancelled = await (await h.api(`/orders/${created.id}`, { method: 'POST', json: { status: 'cancelled' } })).json();
    expect(cancelled.status).toBe('cancelled');
    expect((await (await h.api('/products/812')).json()).stock_quantity).toBe(stock + 2);
  });

  it('trashes, then refuses to trash again; force deletes for good', async () => {
    const trashed = await h.api('/orders/10004', { method: 'DELETE' });
    expect(trashed.status).toBe(200);
    expect((await trashed.json()).id).toBe(10004);
    expect((await (await h.api('/orders/10004')).json()).status).toBe('trash');
    expect(await ids('/orders?include=10004')).toEqual([]);
    expect(await ids('/orders?include=10004&status=trash')).toEqual([10004]);
    const again = await h.api('/orders/10004', { method: 'DELETE' });
    expect(again.status).toBe(410);
    expect((await again.json()).code).toBe('woocommerce_rest_already_trashed');
    expect((await h.api('/orders/10004?force=true', { method: 'DELETE' })).status).toBe(200);
    expect((await h.api('/orders/10004')).status).toBe(404);
  });

  it('runs a batch of up to 100 objects and embeds per-item errors', async () => {
    const res = await h.api('/orders/batch', {
      method: 'POST',
      json: {
        create: [{ billing: { email: 'batch@example.pl' }, line_items: [{ sku: 'SKU-TEST-9999' }] }, { coupon_lines: [{ code: 'nope' }] }],
        update: [
          { id: 10005, status: 'completed' },
          { id: 999999, status: 'completed' },
        ],
        delete: [999998],
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.create[0].billing.email).toBe('batch@example.pl');
    expect(body.create[1]).toEqual({
      id: 0,
      error: {
        code: 'woocommerce_rest_invalid_coupon',
        message: 'Coupon &quot;nope&quot; cannot be applied because it does not exist.',
        data: { status: 400 },
      },
    });
    expect(body.update[0]).toMatchObject({ id: 10005, status: 'completed' });
    expect(body.update[1]).toEqual({
      id: 999999,
      error: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 400 } },
    });
    expect(body.delete).toEqual([
      { id: 999998, error: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } } },
    ]);
  });

  it('refuses more than 100 objects in one batch with 413', async () => {
    const update = Array.from({ length: 101 }, (_, i) => ({ id: 10100 + i, status: 'cancelled' }));
    const before = h.sim.woo.store.orders.get(10150)!;
    const res = await h.api('/orders/batch', { method: 'POST', json: { update } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: 'woocommerce_rest_request_entity_too_large',
      message: 'Unable to accept more than 100 items for this request.',
      data: { status: 413 },
    });
    expect(h.sim.woo.store.orders.get(10150)).toBe(before);
    const hundred = await h.api('/orders/batch', { method: 'POST', json: { update: update.slice(0, 100) } });
    expect(hundred.status).toBe(200);
    expect(((await hundred.json()).update as { status: string }[]).every((o) => o.status === 'cancelled')).toBe(true);
  });
});
