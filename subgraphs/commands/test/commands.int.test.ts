/**
 * The three writes end to end against the simulators: each happens exactly once whatever the retries, and every
 * refusal is decided before anything is written (counted on the simulators).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ADD_NOTE,
  AGENT,
  codeOf,
  PLACE_ORDER,
  REGISTER_RETURN,
  startCommandsBed,
  WRITE_OPERATION,
  type CommandsBed,
} from './commands-test-support.ts';

const ANNA = '10000000001';
const ORDERS = 'woocommerce POST /wp-json/wc/v3/orders';
const DAY = 86_400_000;
/** The dataset is frozen at 2026-11-01; a year's window keeps its recent orders returnable whatever today is. */
const WINDOW_DAYS = 365;

let bed: CommandsBed;

beforeAll(async () => {
  bed = await startCommandsBed({
    COMMANDS_RETURN_WINDOW_DAYS: String(WINDOW_DAYS),
    // the recovery test fails the shop's look-ups on purpose; a breaker opened by them would only add its 5 s pauses
    ESHOP_BREAKER_FAILURES: '100',
  });
});
afterAll(async () => {
  await bed?.stop();
});
beforeEach(() => bed.resetCounters());

/** An active product that the store WAW1 holds `atLeast` of (available = on hand − reserved). */
function productInStore(code: string, atLeast: number): { sku: string; available: number } {
  const { dataset } = bed;
  const store = dataset.locations.find((l) => l.code === code)!;
  for (const level of dataset.stock) {
    if (level.locationId !== store.stockLocationId) continue;
    const product = dataset.products.find((p) => p.id === level.productId);
    const available = level.quantity - level.reserved;
    if (product?.active && available >= atLeast) return { sku: product.sku, available };
  }
  throw new Error(`no product with ${atLeast} available in ${code}`);
}

/** A completed e-shop order with a line of quantity ≥ 1 and nothing refunded, delivered `daysAgo` (±) from today. */
function completedEshopOrder(filter: (completedAt: number) => boolean) {
  const order = bed.dataset.eshopOrders.find(
    (o) => o.status === 'completed' && o.completedAt !== null && filter(Date.parse(o.completedAt!)) && o.lines.every((l) => l.sku),
  );
  if (order === undefined) throw new Error('no such order in the dataset');
  return order;
}

describe('placeOrder', () => {
  it('places a courier order once: the same key again answers the same order without a second POST /orders', async () => {
    const key = randomUUID();
    const { sku } = productInStore('WAW1', 1);
    const input = { customerId: ANNA, lines: [{ sku, quantity: 1 }], delivery: { method: 'COURIER' } };
    const first = await bed.call(PLACE_ORDER, { key, input });
    expect(first.errors).toBeUndefined();
    expect(first.data.placeOrder.operation).toMatchObject({ state: 'SUCCEEDED', operation: 'placeOrder' });
    expect(first.data.placeOrder.operation.steps).toEqual([expect.objectContaining({ step: 'eshop.createOrder', state: 'DONE' })]);
    const orderId: string = first.data.placeOrder.order.id;
    expect(orderId).toMatch(/^eshop:\d+$/);
    expect(bed.writes()[ORDERS]).toBe(1);

    const again = await bed.call(PLACE_ORDER, { key, input });
    expect(again.data.placeOrder.order.id).toBe(orderId);
    expect(bed.writes()[ORDERS]).toBe(1);

    const other = await bed.call(PLACE_ORDER, { key, input: { ...input, lines: [{ sku, quantity: 2 }] } });
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(bed.writes()[ORDERS]).toBe(1);

    const followed = await bed.call(WRITE_OPERATION, { key });
    expect(followed.data.writeOperation).toMatchObject({ operation: 'placeOrder', state: 'SUCCEEDED' });
    // another caller's key space: the same key is unknown there
    const stranger = await bed.call(WRITE_OPERATION, { key }, { ...AGENT, subject: 'key:someone-else' });
    expect(stranger.data.writeOperation).toBeNull();
  });

  it('an answer lost after WooCommerce committed (connection reset): the step is re-sent, finds its order, one order', async () => {
    bed.upstreams.simulators.woocommerce.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: 'POST /wp-json/wc/v3/orders' }]);
    const { sku } = productInStore('WAW1', 1);
    const key = randomUUID();
    const placed = await bed.call(PLACE_ORDER, { key, input: { customerId: ANNA, lines: [{ sku, quantity: 1 }], delivery: { method: 'COURIER' } } });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder.operation.state).toBe('SUCCEEDED');
    expect(placed.data.placeOrder.order.id).toMatch(/^eshop:\d+$/);
    expect(bed.writes()[ORDERS]).toBe(1);
  });

  it('an outcome still unknown when the request ends answers PENDING; the recovery path completes it, one order', async () => {
    const shop = bed.upstreams.simulators.woocommerce.control;
    // the order is committed but its answer lost, and the shop then fails every look-up the request has time for
    shop.addFaults([
      { kind: 'commit_then_reset', count: 1, match: 'POST /wp-json/wc/v3/orders' },
      { kind: 'status', status: 503, count: 9, match: 'GET /wp-json/wc/v3/orders' },
    ]);
    const { sku } = productInStore('WAW1', 1);
    const key = randomUUID();
    const input = { customerId: ANNA, lines: [{ sku, quantity: 1 }], delivery: { method: 'COURIER' } };
    const placed = await bed.call(PLACE_ORDER, { key, input });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder).toMatchObject({ operation: { state: 'PENDING' }, order: null });
    await expect
      .poll(async () => (await bed.call(WRITE_OPERATION, { key })).data.writeOperation.state, { timeout: 30_000, interval: 500 })
      .toBe('SUCCEEDED');
    const replay = await bed.call(PLACE_ORDER, { key, input });
    expect(replay.data.placeOrder.order.id).toMatch(/^eshop:\d+$/);
    expect(bed.writes()[ORDERS]).toBe(1);
  });

  it('refuses an unknown SKU with UNKNOWN_PRODUCT and writes nothing; the key stays free', async () => {
    const key = randomUUID();
    const input = { customerId: ANNA, lines: [{ sku: 'SKU-DOES-NOT-EXIST', quantity: 1 }], delivery: { method: 'COURIER' } };
    expect(codeOf(await bed.call(PLACE_ORDER, { key, input }))).toBe('UNKNOWN_PRODUCT');
    expect(bed.writes()).toEqual({});
    expect((await bed.call(WRITE_OPERATION, { key })).data.writeOperation).toBeNull();
  });

  it('refuses a store pickup of more than the store has with INSUFFICIENT_STOCK, and writes nothing', async () => {
    const { sku, available } = productInStore('WAW1', 1);
    const input = {
      customerId: ANNA,
      lines: [{ sku, quantity: Math.min(999, Math.floor(available) + 1) }],
      delivery: { method: 'STORE_PICKUP', storeCode: 'WAW1' },
    };
    expect(codeOf(await bed.call(PLACE_ORDER, { key: randomUUID(), input }))).toBe('INSUFFICIENT_STOCK');
    expect(bed.writes()).toEqual({});
  });

  // Anna has no ERP partner: the reservation goes to ERP_DEFAULT_PARTNER_ID, which the simulator stack sets.
  it('reserves a store pickup in the ERP and links it to the e-shop order', async () => {
    const { sku } = productInStore('WAW1', 2);
    const input = { customerId: ANNA, lines: [{ sku, quantity: 1 }], delivery: { method: 'STORE_PICKUP', storeCode: 'WAW1' } };
    const placed = await bed.call(PLACE_ORDER, { key: randomUUID(), input });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder.operation.steps.map((s: { step: string }) => s.step)).toEqual([
      'eshop.createOrder',
      'erp.reservePickup',
      'eshop.linkReservation',
    ]);
    expect(placed.data.placeOrder.erpReservation).toMatch(/^S\d+/);
  });

  it('refuses bad input before anything, naming the argument', async () => {
    const response = await bed.call(PLACE_ORDER, {
      key: randomUUID(),
      input: { customerId: ANNA, lines: [{ sku: 'A', quantity: 1 }], delivery: { method: 'PARCEL_LOCKER' } },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.delivery.parcelLockerId' });
    expect(bed.writes()).toEqual({});
  });
});

describe('registerReturn', () => {
  it('refunds and books the goods in once; a second return of the same goods is RETURN_QUANTITY_EXCEEDED', async () => {
    const order = completedEshopOrder((t) => Date.now() - t < (WINDOW_DAYS - 5) * DAY);
    const line = order.lines[0]!;
    const input = { orderId: `eshop:${order.id}`, storeCode: 'WAW1', lines: [{ sku: line.sku, quantity: line.quantity }], reason: 'does not fit' };
    const key = randomUUID();
    const returned = await bed.call(REGISTER_RETURN, { key, input });
    expect(returned.errors).toBeUndefined();
    expect(returned.data.registerReturn).toMatchObject({
      operation: { state: 'SUCCEEDED' },
      eshopOrder: { id: `eshop:${order.id}` },
      marketplaceOrder: null,
      refund: { amount: { currency: 'PLN' } },
    });
    expect(returned.data.registerReturn.stockReceipt).toEqual(expect.any(String));
    const writes = bed.writes();
    expect(Object.entries(writes).filter(([endpoint]) => endpoint.startsWith('woocommerce') && endpoint.endsWith('/refunds'))).toEqual([
      [expect.any(String), 1],
    ]);

    // the same key: the same answer, nothing more written
    expect((await bed.call(REGISTER_RETURN, { key, input })).data.registerReturn.refund.id).toBe(returned.data.registerReturn.refund.id);
    expect(bed.writes()).toEqual(writes);

    // a new key for the same goods: they were returned already
    expect(codeOf(await bed.call(REGISTER_RETURN, { key: randomUUID(), input }))).toBe('RETURN_QUANTITY_EXCEEDED');
    expect(bed.writes()).toEqual(writes);
  });

  it('takes back an Allegro order the buyer picked up: the payment refund, then the receipt in the store', async () => {
    const form = bed.dataset.allegroCheckoutForms.filter((f) => f.fulfillmentStatus === 'PICKED_UP' && f.lines.every((l) => l.sku)).at(-1)!;
    const line = form.lines[0]!;
    const key = randomUUID();
    const input = { orderId: `marketplace:${form.id}`, storeCode: 'WAW1', lines: [{ sku: line.sku, quantity: 1 }] };
    const returned = await bed.call(REGISTER_RETURN, { key, input });
    expect(returned.errors).toBeUndefined();
    expect(returned.data.registerReturn).toMatchObject({
      operation: { state: 'SUCCEEDED' },
      marketplaceOrder: { id: `marketplace:${form.id}` },
      eshopOrder: null,
    });
    expect(returned.data.registerReturn.operation.steps.map((s: { step: string }) => s.step)).toEqual([
      'marketplace.createRefund',
      'erp.receiveReturn',
    ]);
    const refunds = Object.entries(bed.writes()).filter(([endpoint]) => endpoint.startsWith('allegro POST'));
    expect(refunds).toEqual([[expect.stringContaining('/payments/refunds'), 1]]);
  });

  it('refuses more than was bought with RETURN_QUANTITY_EXCEEDED, and writes nothing', async () => {
    const order = completedEshopOrder((t) => Date.now() - t < (WINDOW_DAYS - 5) * DAY);
    const line = order.lines.at(-1)!;
    const input = { orderId: `eshop:${order.id}`, storeCode: 'WAW1', lines: [{ sku: line.sku, quantity: line.quantity + 1 }] };
    expect(codeOf(await bed.call(REGISTER_RETURN, { key: randomUUID(), input }))).toBe('RETURN_QUANTITY_EXCEEDED');
    expect(bed.writes()).toEqual({});
  });

  it('refuses an order delivered before the window with RETURN_NOT_ELIGIBLE WINDOW_EXPIRED', async () => {
    const order = completedEshopOrder((t) => Date.now() - t > (WINDOW_DAYS + 5) * DAY);
    const line = order.lines[0]!;
    const response = await bed.call(REGISTER_RETURN, {
      key: randomUUID(),
      input: { orderId: `eshop:${order.id}`, storeCode: 'WAW1', lines: [{ sku: line.sku, quantity: 1 }] },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'RETURN_NOT_ELIGIBLE', reason: 'WINDOW_EXPIRED' });
    expect(bed.writes()).toEqual({});
  });

  it("refuses another customer's order with ORDER_OF_ANOTHER_CUSTOMER", async () => {
    const anna = bed.dataset.crmContacts.find((c) => c.id === ANNA)!;
    const order = bed.dataset.eshopOrders.find(
      (o) => o.status === 'completed' && o.billing.email !== anna.email && String(o.customerId) !== String(anna.eshopCustomerId ?? ''),
    )!;
    const line = order.lines[0]!;
    const response = await bed.call(REGISTER_RETURN, {
      key: randomUUID(),
      input: { orderId: `eshop:${order.id}`, storeCode: 'WAW1', customerId: ANNA, lines: [{ sku: line.sku, quantity: 1 }] },
    });
    expect(codeOf(response)).toBe('ORDER_OF_ANOTHER_CUSTOMER');
    expect(bed.writes()).toEqual({});
  });
});

describe('addCustomerNote', () => {
  it('adds one HubSpot note, however often it is sent', async () => {
    const key = randomUUID();
    const input = { customerId: ANNA, body: 'Asked for the invoice of her last order again.' };
    const first = await bed.call(ADD_NOTE, { key, input });
    expect(first.errors).toBeUndefined();
    expect(first.data.addCustomerNote).toMatchObject({ operation: { state: 'SUCCEEDED' }, customer: { id: ANNA } });
    const again = await bed.call(ADD_NOTE, { key, input });
    expect(again.data.addCustomerNote.note.id).toBe(first.data.addCustomerNote.note.id);
    // one note (the HubSpot simulator counts a create under its route template and under the object's path)
    const writes = Object.entries(bed.writes());
    expect(writes.length).toBeGreaterThan(0);
    for (const [endpoint, count] of writes) {
      expect(endpoint).toMatch(/^hubspot POST \/crm\/v3\/objects\/(notes|:objectType)$/);
      expect(count).toBe(1);
    }
  });

  it('refuses an unknown customer with NOT_FOUND and writes nothing', async () => {
    const response = await bed.call(ADD_NOTE, { key: randomUUID(), input: { customerId: '99999999999', body: 'x' } });
    expect(codeOf(response)).toBe('NOT_FOUND');
    expect(bed.writes()).toEqual({});
  });
});
