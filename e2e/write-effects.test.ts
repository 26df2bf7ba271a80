/**
 * Issue 11, "Done when": each mutation through the gateway, and its effect visible in the graph at once — the
 * retailer's own audit: place a test order (first in the customer's unified list), collect it in a store, return it in
 * another store (the refund on the order, the goods in that store's stock), leave a note (first on the customer). And
 * every refusal has its stable code with 0 upstream writes (the simulators' counters); Redis down refuses writes
 * with WRITES_UNAVAILABLE while reads go on.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUpstreamWrites, subgraphEnvFor } from '@omnigraph/simulator-stack';
import { startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

const ANNA = '10000000001';
const STORE = 'WAW1';
const RETURN_STORE = 'KRK1';

const PLACE = `mutation ($key: String!, $input: PlaceOrderInput!) {
  placeOrder(idempotencyKey: $key, input: $input) {
    operation { state steps { step state upstreamId } }
    order { id number status delivery { method store { code } } totals { total { amount } } lines { id sku quantity } }
    erpReservation
  }
}`;
const RETURN = `mutation ($key: String!, $input: RegisterReturnInput!) {
  registerReturn(idempotencyKey: $key, input: $input) {
    operation { state steps { step state upstreamId } }
    refund { id amount { amount currency } status }
    stockReceipt
    eshopOrder { id returns { amount { amount } lines { sku quantity } } lines { sku returnedQuantity } }
  }
}`;
const NOTE = `mutation ($key: String!, $input: AddCustomerNoteInput!) {
  addCustomerNote(idempotencyKey: $key, input: $input) { operation { state } note { id body } }
}`;
const codeOf = (body: { errors?: any[] }) => body.errors?.[0]?.extensions?.code;

function stockQuery(sku: string, codes: string[]) {
  return { query: `{ product(sku: "${sku}") { stock(locationCodes: ${JSON.stringify(codes)}) { location { code } onHand available } } }` };
}

describe('the three writes and their effects in the graph', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack({ scale: 0.1 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function stockAt(sku: string, code: string): Promise<{ onHand: number; available: number }> {
    const { query } = stockQuery(sku, [code]);
    const body = (await stack.query(query)).body;
    return body.data.product.stock.find((s: { location: { code: string } }) => s.location.code === code);
  }

  /** An active product the store holds at least `n` of. */
  function productAt(code: string, n: number): string {
    const ds = stack.dataset;
    const store = ds.locations.find((l) => l.code === code)!;
    const level = ds.stock.find(
      (s) => s.locationId === store.stockLocationId && s.quantity - s.reserved >= n && ds.products.find((p) => p.id === s.productId)?.active,
    )!;
    return ds.products.find((p) => p.id === level.productId)!.sku;
  }

  it('place → collect → return in another store → note: each visible in the graph at once', async () => {
    // 1. click-and-collect in WAW1: first in Anna's list, reserved in the ERP (the store's availability falls)
    const sku = productAt(STORE, 3);
    const before = await stockAt(sku, STORE);
    const placed = (
      await stack.query(PLACE, {
        key: randomUUID(),
        input: { customerId: ANNA, lines: [{ sku, quantity: 2 }], delivery: { method: 'STORE_PICKUP', storeCode: STORE } },
      })
    ).body;
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.order;
    expect(placed.data.placeOrder.operation.steps.map((s: { step: string }) => s.step)).toEqual([
      'eshop.createOrder',
      'erp.reservePickup',
      'eshop.linkReservation',
    ]);
    expect(order.delivery).toEqual({ method: 'STORE_PICKUP', store: { code: STORE } });
    expect(placed.data.placeOrder.erpReservation).toMatch(/^S\d+/);
    expect((await stockAt(sku, STORE)).available).toBe(before.available - 2);
    const list = (await stack.query(`{ customer(id: "${ANNA}") { orders(first: 1) { edges { node { id } } } } }`)).body;
    expect(list.data.customer.orders.edges[0].node.id).toBe(order.id);

    // 2. the customer collects it (the shop completes the order, as its staff does in WooCommerce)
    const env = subgraphEnvFor(stack.simulators.woocommerce, stack.simulators.urls.woocommerce);
    const auth = Buffer.from(`${env['WOOCOMMERCE_CONSUMER_KEY']}:${env['WOOCOMMERCE_CONSUMER_SECRET']}`).toString('base64');
    const completed = await fetch(`${env['WOOCOMMERCE_BASE_URL']}/wp-json/wc/v3/orders/${order.id.slice('eshop:'.length)}`, {
      method: 'PUT',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'completed' }),
    });
    expect(completed.status).toBe(200);

    // 3. returns one in another store: the refund on the order, the goods in KRK1's stock
    const returnStoreBefore = await stockAt(sku, RETURN_STORE);
    const returned = (
      await stack.query(RETURN, {
        key: randomUUID(),
        input: { orderId: order.id, storeCode: RETURN_STORE, lines: [{ sku, quantity: 1 }], customerId: ANNA, reason: 'does not fit' },
      })
    ).body;
    expect(returned.errors).toBeUndefined();
    const unit = Number(order.totals.total.amount) / 2;
    expect(returned.data.registerReturn.refund.amount).toEqual({ amount: unit.toFixed(2), currency: 'PLN' });
    expect(returned.data.registerReturn.eshopOrder.returns[0].amount.amount).toBe(unit.toFixed(2));
    expect(returned.data.registerReturn.eshopOrder.lines).toEqual([{ sku, returnedQuantity: 1 }]);
    expect(returned.data.registerReturn.stockReceipt).toMatch(new RegExp(`^${RETURN_STORE}/IN/`));
    expect((await stockAt(sku, RETURN_STORE)).onHand).toBe(returnStoreBefore.onHand + 1);
    // more than is left (2 bought, 1 returned): refused, nothing written
    stack.resetCounters();
    const tooMany = { orderId: order.id, storeCode: RETURN_STORE, lines: [{ sku, quantity: 2 }] };
    expect(codeOf((await stack.query(RETURN, { key: randomUUID(), input: tooMany })).body)).toBe('RETURN_QUANTITY_EXCEEDED');
    expect(countUpstreamWrites(stack.simulators)).toEqual({});

    // 4. a note: first on the customer
    const body = `Returned 1 × ${sku} in ${RETURN_STORE}, refund ${unit.toFixed(2)} PLN.`;
    const noted = (await stack.query(NOTE, { key: randomUUID(), input: { customerId: ANNA, body } })).body;
    expect(noted.errors).toBeUndefined();
    const notes = (await stack.query(`{ customer(id: "${ANNA}") { notes(first: 1) { id body } } }`)).body;
    expect(notes.data.customer.notes).toEqual([{ id: noted.data.addCustomerNote.note.id, body }]);
  });

  it('refuses bad input with stable codes and 0 upstream writes', async () => {
    const sku = productAt(STORE, 1);
    const dataset = stack.dataset;
    const available = dataset.stock.find(
      (s) =>
        s.locationId === dataset.locations.find((l) => l.code === STORE)!.stockLocationId &&
        dataset.products.find((p) => p.id === s.productId)?.sku === sku,
    )!;
    // Anna's own completed order, long outside the 30-day window, and another customer's order
    const annaEshopId = dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!.eshopCustomerId;
    const old = dataset.eshopOrders.find((o) => o.customerId === annaEshopId && o.status === 'completed' && o.lines.every((l) => l.sku))!;
    const other = dataset.eshopOrders.find((o) => o.customerId !== annaEshopId && o.customerId !== 0 && o.status === 'completed')!;
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        'unknown SKU',
        PLACE,
        { customerId: ANNA, lines: [{ sku: 'SKU-DOES-NOT-EXIST', quantity: 1 }], delivery: { method: 'COURIER' } },
        'UNKNOWN_PRODUCT',
      ],
      [
        'more than the pickup store has',
        PLACE,
        {
          customerId: ANNA,
          lines: [{ sku, quantity: Math.min(999, available.quantity - available.reserved + 1) }],
          delivery: { method: 'STORE_PICKUP', storeCode: STORE },
        },
        'INSUFFICIENT_STOCK',
      ],
      ['a malformed idempotency-free input', PLACE, { customerId: ANNA, lines: [], delivery: { method: 'COURIER' } }, 'BAD_USER_INPUT'],
      [
        'outside the window',
        RETURN,
        { orderId: `eshop:${old.id}`, storeCode: STORE, lines: [{ sku: old.lines[0]!.sku, quantity: 1 }] },
        'RETURN_NOT_ELIGIBLE',
      ],
      [
        "another customer's order",
        RETURN,
        { orderId: `eshop:${other.id}`, storeCode: STORE, lines: [{ sku: other.lines[0]!.sku ?? 'x', quantity: 1 }], customerId: ANNA },
        'ORDER_OF_ANOTHER_CUSTOMER',
      ],
      ['an unknown customer', NOTE, { customerId: '99999999999', body: 'x' }, 'NOT_FOUND'],
    ];
    stack.resetCounters();
    const got = [];
    for (const [name, query, input] of cases) got.push([name, codeOf((await stack.query(query, { key: randomUUID(), input })).body)]);
    expect(got).toEqual(cases.map(([name, , , code]) => [name, code]));
    expect(countUpstreamWrites(stack.simulators)).toEqual({});
  });
});

describe('Redis down', () => {
  let redis: DisposableRedisServer;
  let stack: E2eStack;
  beforeAll(async () => {
    redis = await startRedisServer();
    // the commands subgraph keeps its idempotency records in this Redis (the other subgraphs their caches)
    stack = await startE2eStack({ scale: 0.05, subgraphEnv: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  it('refuses writes with WRITES_UNAVAILABLE and writes nothing upstream; reads are answered', async () => {
    const sku = stack.dataset.products.find((p) => p.active)!.sku;
    const input = { customerId: ANNA, lines: [{ sku, quantity: 1 }], delivery: { method: 'COURIER' } };
    expect(codeOf((await stack.query(PLACE, { key: randomUUID(), input })).body)).toBeUndefined();
    await redis.kill();
    stack.resetCounters();

    const started = performance.now();
    const refused = await Promise.all([
      stack.query(PLACE, { key: randomUUID(), input }),
      stack.query(NOTE, { key: randomUUID(), input: { customerId: ANNA, body: 'x' } }),
    ]);
    const refusedMs = performance.now() - started;
    expect(refused.map((r) => codeOf(r.body))).toEqual(['WRITES_UNAVAILABLE', 'WRITES_UNAVAILABLE']);
    expect(countUpstreamWrites(stack.simulators)).toEqual({});

    const read = (await stack.query(`{ product(sku: "${sku}") { sku name } customer(id: "${ANNA}") { id loyalty { points } } }`)).body;
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({ product: { sku }, customer: { id: ANNA } });
    console.log(`Redis down: writes refused in ${refusedMs.toFixed(0)} ms with WRITES_UNAVAILABLE, reads answered`);
    expect(refusedMs).toBeLessThan(5_000);
  });
});
