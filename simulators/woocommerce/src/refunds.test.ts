import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support.ts';

let h: Harness;

const PRODUCTS = {
  products: [
    { id: 821, name: 'Czajnik testowy', type: 'simple', sku: 'SKU-RF-KET', regular_price: '129.99', manage_stock: true, stock_quantity: 10 },
    { id: 822, name: 'Kubek testowy', type: 'simple', sku: 'SKU-RF-MUG', regular_price: '19.99', manage_stock: true, stock_quantity: 30 },
  ],
};

const BILLING = {
  first_name: 'Jan',
  last_name: 'Nowak',
  address_1: 'ul. Długa 1',
  city: 'Gdańsk',
  postcode: '80-001',
  country: 'PL',
  email: 'jan.nowak@example.pl',
};

beforeAll(async () => {
  h = await startHarness();
  expect((await fetch(`${h.base}/__simulator/records`, { method: 'POST', body: JSON.stringify(PRODUCTS) })).status).toBe(201);
});
afterAll(() => h.close());

interface Order {
  id: number;
  status: string;
  total: string;
  line_items: { id: number; sku: string | null; quantity: number; total: string; total_tax: string }[];
  shipping_lines: { method_id: string; meta_data: { key: string; value: unknown }[] }[];
  meta_data: { key: string; value: unknown }[];
  refunds: { id: number; reason: string; total: string }[];
}

async function placeOrder(paymentMethod = 'cod', extra: Record<string, unknown> = {}): Promise<Order> {
  const res = await h.api('/orders', {
    method: 'POST',
    json: {
      status: 'processing',
      payment_method: paymentMethod,
      billing: BILLING,
      // 129.99 and 19.99 gross at 23 %: nets with six decimals, as a shop with prices incl. VAT must post them
      line_items: [
        { sku: 'SKU-RF-KET', quantity: 2, subtotal: '211.365854', total: '211.365854' },
        { sku: 'SKU-RF-MUG', quantity: 3, subtotal: '48.756098', total: '48.756098' },
      ],
      shipping_lines: [{ method_id: 'flat_rate', method_title: 'Kurier', total: '0.00' }],
      meta_data: [{ key: '_omnigraph_idempotency_key', value: 'k-1' }],
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Order;
}

function stockOf(id: number): number | null {
  return h.sim.woo.store.products.get(id)!.stock_quantity;
}

describe('POST /orders with posted net line totals', () => {
  it('keeps sub-grosz nets, so lines and the order total come to the gross prices exactly', async () => {
    const order = await placeOrder();
    expect(order.total).toBe('319.95'); // 2 × 129.99 + 3 × 19.99
    expect(order.line_items.map((l) => [l.total, l.total_tax])).toEqual([
      ['211.37', '48.61'],
      ['48.76', '11.21'],
    ]);
    expect(order.meta_data).toContainEqual(expect.objectContaining({ key: '_omnigraph_idempotency_key', value: 'k-1' }));
  });

  it('accepts an unknown SKU without an error, as WooCommerce does: a line without a product', async () => {
    const res = await h.api('/orders', {
      method: 'POST',
      json: { billing: BILLING, line_items: [{ sku: 'SKU-NOPE', quantity: 1, subtotal: '10.00', total: '10.00' }] },
    });
    expect(res.status).toBe(201);
    const order = (await res.json()) as Order & { line_items: { product_id: number }[] };
    expect(order.line_items[0]).toMatchObject({ product_id: 0, sku: null });
  });

  it('commits, then drops the connection on a commit_then_reset fault: the order exists', async () => {
    const before = h.sim.woo.store.orders.size;
    h.sim.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: 'POST /wp-json/wc/v3/orders' }]);
    await expect(placeOrder()).rejects.toThrow();
    expect(h.sim.woo.store.orders.size).toBe(before + 1);
  });
});

describe('order refunds', () => {
  let order: Order;
  beforeEach(async () => {
    order = await placeOrder();
  });

  it('refunds lines: negative quantities, _refunded_item_id, the order summary, restock on api_restock', async () => {
    const kettle = order.line_items[0]!;
    const stock = stockOf(821)!;
    const res = await h.api(`/orders/${order.id}/refunds`, {
      method: 'POST',
      json: {
        reason: 'Zwrot w sklepie',
        api_refund: false,
        line_items: [{ id: kettle.id, quantity: 1, refund_total: '105.68', refund_tax: [{ id: 1, refund_total: '24.31' }] }],
        meta_data: [{ key: '_omnigraph_idempotency_key', value: 'r-1' }],
      },
    });
    expect(res.status).toBe(201);
    const refund = (await res.json()) as {
      id: number;
      amount: string;
      refunded_payment: boolean;
      line_items: { quantity: number; total: string; meta_data: { key: string; value: unknown }[] }[];
      meta_data: { key: string; value: unknown }[];
    };
    // no amount posted: Σ refund_total + refund_tax
    expect(refund.amount).toBe('129.99');
    expect(refund.refunded_payment).toBe(false);
    expect(refund.line_items).toEqual([
      expect.objectContaining({
        quantity: -1,
        total: '-105.68',
        meta_data: [expect.objectContaining({ key: '_refunded_item_id', value: String(kettle.id) })],
      }),
    ]);
    expect(stockOf(821)).toBe(stock + 1);

    const after = (await (await h.api(`/orders/${order.id}`)).json()) as Order;
    expect(after.refunds).toEqual([{ id: refund.id, reason: 'Zwrot w sklepie', total: '-129.99' }]);
    expect(after.status).toBe('processing');

    const list = (await (await h.api(`/orders/${order.id}/refunds`)).json()) as { id: number }[];
    expect(list.map((r) => r.id)).toEqual([refund.id]);
    const one = await h.api(`/orders/${order.id}/refunds/${refund.id}`);
    expect(one.status).toBe(200);
  });

  it('leaves stock alone with api_restock false', async () => {
    const stock = stockOf(822)!;
    const mug = order.line_items[1]!;
    const res = await h.api(`/orders/${order.id}/refunds`, {
      method: 'POST',
      json: { amount: '19.99', api_refund: false, api_restock: false, line_items: [{ id: mug.id, quantity: 1, refund_total: '16.25' }] },
    });
    expect(res.status).toBe(201);
    expect(stockOf(822)).toBe(stock);
  });

  it('refuses more than is left to refund with the real 500 body, and writes nothing', async () => {
    const res = await h.api(`/orders/${order.id}/refunds`, { method: 'POST', json: { amount: '400.00', api_refund: false } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'woocommerce_rest_cannot_create_order_refund', message: 'Invalid refund amount.', data: 500 });
    expect(h.sim.woo.store.refundsByOrder.get(order.id)).toBeUndefined();
  });

  it('refuses api_refund for cash on delivery (the gateway cannot refund), and writes nothing', async () => {
    const res = await h.api(`/orders/${order.id}/refunds`, { method: 'POST', json: { amount: '10.00' } });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toBe('The payment gateway for this order does not support automatic refunds.');
    expect(h.sim.woo.store.refundsByOrder.get(order.id)).toBeUndefined();
  });

  it('refunds through an online gateway and moves a fully refunded order to refunded', async () => {
    const paid = await placeOrder('przelewy24', { set_paid: true });
    const res = await h.api(`/orders/${paid.id}/refunds`, { method: 'POST', json: { amount: paid.total } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { refunded_payment: boolean }).refunded_payment).toBe(true);
    const after = (await (await h.api(`/orders/${paid.id}`)).json()) as Order;
    expect(after.status).toBe('refunded');
    expect(after.refunds[0]).toMatchObject({ reason: 'Order fully refunded', total: '-319.95' });
  });

  it('answers an unknown order with 500 and the int data WooCommerce prints', async () => {
    const res = await h.api('/orders/99999999/refunds');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'woocommerce_rest_invalid_order_id', message: 'Invalid order ID.', data: 404 });
  });
});

describe('order notes', () => {
  it('adds, lists by type, reads and deletes (force only) notes of an order', async () => {
    const order = await placeOrder();
    const add = (json: Record<string, unknown>) => h.api(`/orders/${order.id}/notes`, { method: 'POST', json });
    // WooCommerce noted the status the order was created in (status_transition), in the shop's language
    const system = (await (await h.api(`/orders/${order.id}/notes`)).json()) as { id: number; note: string }[];
    expect(system.map((n) => n.note)).toEqual(['Status zamówienia zmieniony z Oczekujące na płatność na W trakcie realizacji.']);
    const systemIds = system.map((n) => n.id);
    expect((await add({})).status).toBe(400);
    const internal = (await (await add({ note: 'Zwrot przyjęty w sklepie POZ1' })).json()) as { id: number; author: string; customer_note: boolean };
    expect(internal).toMatchObject({ author: 'WooCommerce', customer_note: false });
    const toCustomer = (await (await add({ note: 'Dziękujemy', customer_note: true, added_by_user: true })).json()) as { id: number };
    const list = async (type: string) =>
      ((await (await h.api(`/orders/${order.id}/notes?type=${type}`)).json()) as { id: number }[]).map((n) => n.id);
    expect(await list('any')).toEqual([toCustomer.id, internal.id, ...systemIds]);
    expect(await list('customer')).toEqual([toCustomer.id]);
    expect(await list('internal')).toEqual([internal.id, ...systemIds]);
    expect((await h.api(`/orders/${order.id}/notes/${internal.id}`)).status).toBe(200);
    expect((await h.api(`/orders/${order.id}/notes/${internal.id}`, { method: 'DELETE' })).status).toBe(501);
    expect((await h.api(`/orders/${order.id}/notes/${internal.id}?force=true`, { method: 'DELETE' })).status).toBe(200);
    expect(await list('any')).toEqual([toCustomer.id, ...systemIds]);
    expect((await h.api('/orders/99999999/notes')).status).toBe(404);
  });
});
