/**
 * The eshop write steps (ADR 0011) end to end against the WooCommerce simulator: each is idempotent by its meta tag
 * (a retry, also after a commit_then_reset, writes nothing more: simulator counters and records), writes what the read
 * side reads back (totals to the grosz, delivery, refunds and returned quantities), and refuses bad input before any
 * write.
 */
import { encodeOrderListKey } from '@omnigraph/shared/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCache, type Cache } from '@omnigraph/shared/cache';
import { createLogger } from '@omnigraph/shared/logging';
import { createEshopServer, type EshopServer } from '../src/create-eshop-server.ts';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import { DEMO, listedSkus, startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const CREATE_ORDERS = 'POST /wp-json/wc/v3/orders';
const CREATE_REFUNDS = 'POST /wp-json/wc/v3/orders/:order_id/refunds';
const LIST_REFUNDS = 'GET /wp-json/wc/v3/orders/:order_id/refunds';
const UPDATE_ORDER = 'PUT /wp-json/wc/v3/orders/:id';

let bed: WooCommerceTestBed;
let subgraph: EshopServer;
let skus: string[];

async function execute(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  const response = await subgraph.server.executeOperation({ query, variables }, { contextValue: subgraph.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult;
}

function ok(result: GraphQLResult): Record<string, unknown> {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const CREATE_ORDER = /* GraphQL */ `
  mutation ($key: String!, $input: EshopCreateOrderInput!) {
    eshopCreateOrder(idempotencyKey: $key, input: $input) {
      orderId
      number
      created
    }
  }
`;

const CREATE_REFUND = /* GraphQL */ `
  mutation ($key: String!, $input: EshopCreateRefundInput!) {
    eshopCreateRefund(idempotencyKey: $key, input: $input) {
      refundId
      amount {
        amount
        currency
      }
      status
      created
    }
  }
`;

const LINK = /* GraphQL */ `
  mutation ($key: String!, $orderId: ID!, $name: String!) {
    eshopLinkReservation(idempotencyKey: $key, orderId: $orderId, erpOrderName: $name) {
      orderId
      created
    }
  }
`;

const ORDERS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on EshopOrder {
        id
        status
        completedAt
        totals {
          total {
            amount
          }
        }
        lines {
          id
          sku
          quantity
          unitPrice {
            amount
          }
          returnedQuantity
        }
        delivery {
          method
          name
          parcelLocker {
            id
          }
          store {
            code
          }
        }
        returns {
          id
          amount {
            amount
          }
          status
          lines {
            sku
            quantity
          }
          store {
            code
          }
        }
      }
    }
  }
`;

const SLICE = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on OrderConnection {
        eshopSlice {
          orders {
            ref {
              id
            }
          }
        }
      }
    }
  }
`;

interface OrderView {
  id: string;
  status: string;
  totals: { total: { amount: string } };
  lines: { id: string; sku: string; quantity: number; unitPrice: { amount: string }; returnedQuantity: number }[];
  delivery: { method: string; name: string; parcelLocker: { id: string } | null; store: { code: string } | null };
  returns: { id: string; amount: { amount: string }; status: string; lines: { sku: string; quantity: number }[]; store: { code: string } | null }[];
}

async function orders(ids: string[]): Promise<OrderView[]> {
  return ok(await execute(ORDERS, { representations: ids.map((id) => ({ __typename: 'EshopOrder', id })) }))['_entities'] as OrderView[];
}

const ANNA_BILLING = {
  firstName: 'Anna',
  lastName: 'Kowalska',
  email: DEMO.anna.email,
  phone: '+48 601 234 567',
  street: 'ul. Półwiejska 12/4',
  city: 'Poznań',
  postalCode: '61-888',
  countryCode: 'PL',
};

function orderInput(overrides: Record<string, unknown> = {}) {
  return {
    customerId: 'crm-anna',
    eshopCustomerId: DEMO.anna.eshopCustomerId,
    billing: ANNA_BILLING,
    lines: [
      { sku: skus[0], quantity: 2, unitGross: '129.99', vatRate: '23' },
      { sku: skus[1], quantity: 3, unitGross: '19.99', vatRate: '23' },
      { sku: skus[2], quantity: 1, unitGross: '0.07', vatRate: '8' },
    ],
    delivery: { method: 'COURIER' },
    ...overrides,
  };
}

function taggedOrders(key: string): number {
  return [...bed.simulator.woo.store.orders.values()].filter((o) =>
    o.meta_data.some((m) => m.key === '_omnigraph_idempotency_key' && m.value === key),
  ).length;
}

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
  skus = listedSkus(bed.dataset, 3);
  subgraph = buildSubgraph(createMemoryCache());
});

function buildSubgraph(cache: Cache | undefined): EshopServer {
  return createEshopServer({
    client: createEshopClient({
      baseUrl: bed.baseUrl,
      consumerKey: bed.consumerKey,
      consumerSecret: bed.consumerSecret,
      timeoutMs: 5_000,
      currency: 'PLN',
    }),
    cache,
    cacheTtlSeconds: 60,
  });
}
afterAll(() => bed.close());
beforeEach(() => bed.resetCounters());

/** The first page of anna's order list as crm keys it (ADR 0014). */
function annaFirstPage() {
  const id = encodeOrderListKey({
    customerId: 'c',
    email: DEMO.anna.email,
    eshopCustomerId: DEMO.anna.eshopCustomerId,
    allegroBuyerLogin: null,
    first: 5,
    after: null,
    channel: null,
  });
  return { __typename: 'OrderConnection', id };
}

describe('eshopCreateOrder', () => {
  it('creates the order once; a retry with the same key answers it with created: false and writes nothing', async () => {
    // the customer's first page is read before the order exists: the next read must show it
    const listBefore = ok(await execute(SLICE, { representations: [annaFirstPage()] }));
    expect(listBefore['_entities']).toHaveLength(1);

    const first = ok(await execute(CREATE_ORDER, { key: 'order-once', input: orderInput() }))['eshopCreateOrder'] as {
      orderId: string;
      created: boolean;
    };
    expect(first).toMatchObject({ created: true });
    const again = ok(await execute(CREATE_ORDER, { key: 'order-once', input: orderInput() }))['eshopCreateOrder'];
    expect(again).toEqual({ ...first, created: false });
    expect((await bed.counters())[CREATE_ORDERS]).toBe(1);
    expect(taggedOrders('order-once')).toBe(1);

    // the gross total is Σ qty × unit gross to the grosz; each line reads back at its unit price
    const [order] = await orders([first.orderId]);
    expect(order!.totals.total.amount).toBe('320.02'); // 2 × 129.99 + 3 × 19.99 + 0.07
    expect(order!.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.returnedQuantity])).toEqual([
      [skus[0], 2, '129.99', 0],
      [skus[1], 3, '19.99', 0],
      [skus[2], 1, '0.07', 0],
    ]);
    expect(order!.status).toBe('PROCESSING');
    expect(order!.returns).toEqual([]);

    // first in the customer's unified list at once
    const slices = ok(await execute(SLICE, { representations: [annaFirstPage()] }))['_entities'] as {
      eshopSlice: { orders: { ref: { id: string } }[] };
    }[];
    expect(slices[0]!.eshopSlice.orders[0]!.ref.id).toBe(first.orderId);
  });

  it('after a commit_then_reset on POST /orders, the step re-sent finds the order: exactly one exists', async () => {
    bed.simulator.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: CREATE_ORDERS }]);
    const lost = await execute(CREATE_ORDER, { key: 'order-reset', input: orderInput() });
    expect(lost.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(taggedOrders('order-reset')).toBe(1);

    const resent = ok(await execute(CREATE_ORDER, { key: 'order-reset', input: orderInput() }))['eshopCreateOrder'];
    expect(resent).toMatchObject({ created: false });
    expect(taggedOrders('order-reset')).toBe(1);
    expect((await bed.counters())[CREATE_ORDERS]).toBe(1);
  });

  it('answers the oldest of two orders carrying one key and reports the duplicate (ids only)', async () => {
    const lines: string[] = [];
    const logger = createLogger({ name: 'eshop', destination: { write: (line: string) => lines.push(line) } });
    const logged = createEshopServer({
      client: createEshopClient({
        baseUrl: bed.baseUrl,
        consumerKey: bed.consumerKey,
        consumerSecret: bed.consumerSecret,
        timeoutMs: 5_000,
        currency: 'PLN',
      }),
      cacheTtlSeconds: 60,
      logger,
    });
    // a write that happened twice, straight into the shop
    const post = () =>
      fetch(`${bed.baseUrl}/wp-json/wc/v3/orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${bed.consumerKey}:${bed.consumerSecret}`).toString('base64')}`,
        },
        body: JSON.stringify({
          customer_id: Number(DEMO.anna.eshopCustomerId),
          line_items: [{ sku: skus[0], quantity: 1 }],
          meta_data: [{ key: '_omnigraph_idempotency_key', value: 'twice' }],
        }),
      }).then(async (res) => ((await res.json()) as { id: number }).id);
    const older = await post();
    await post();
    const response = await logged.server.executeOperation(
      { query: CREATE_ORDER, variables: { key: 'twice', input: orderInput() } },
      { contextValue: logged.createContext() },
    );
    const result = response.body.kind === 'single' ? (response.body.singleResult as GraphQLResult) : {};
    expect(ok(result)['eshopCreateOrder']).toMatchObject({ orderId: `eshop:${older}`, created: false });
    const report = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry['duplicate'] === true);
    expect(report).toMatchObject({ step: 'eshop.createOrder', idempotencyKey: 'twice', upstreamIds: [`eshop:${older}`, `eshop:${older + 1}`] });
    expect(JSON.stringify(report)).not.toContain(DEMO.anna.email);
  });

  it('finds a guest order again by the billing e-mail', async () => {
    const guest = orderInput({ eshopCustomerId: null, billing: { ...ANNA_BILLING, email: 'nowy.gosc@example.pl' } });
    const first = ok(await execute(CREATE_ORDER, { key: 'guest-once', input: guest }))['eshopCreateOrder'] as { orderId: string };
    const again = ok(await execute(CREATE_ORDER, { key: 'guest-once', input: guest }))['eshopCreateOrder'];
    expect(again).toEqual({ ...first, created: false });
    expect(taggedOrders('guest-once')).toBe(1);
  });

  it('writes the three deliveries so that they read back as asked', async () => {
    const parcel = ok(
      await execute(CREATE_ORDER, { key: 'd-locker', input: orderInput({ delivery: { method: 'PARCEL_LOCKER', parcelLockerId: 'POZ08M' } }) }),
    )['eshopCreateOrder'] as { orderId: string };
    const pickup = ok(
      await execute(CREATE_ORDER, {
        key: 'd-pickup',
        input: orderInput({ delivery: { method: 'STORE_PICKUP', storeCode: 'POZ1', storeName: 'Poznań Stary Browar' } }),
      }),
    )['eshopCreateOrder'] as { orderId: string };
    const courier = ok(await execute(CREATE_ORDER, { key: 'd-courier', input: orderInput() }))['eshopCreateOrder'] as { orderId: string };
    const [a, b, c] = await orders([parcel.orderId, pickup.orderId, courier.orderId]);
    expect(a!.delivery).toMatchObject({ method: 'PARCEL_LOCKER', name: 'Paczkomat InPost 24/7', parcelLocker: { id: 'POZ08M' }, store: null });
    expect(b!.delivery).toMatchObject({
      method: 'STORE_PICKUP',
      name: 'Odbiór osobisty – Poznań Stary Browar',
      parcelLocker: null,
      store: { code: 'POZ1' },
    });
    expect(c!.delivery).toMatchObject({ method: 'COURIER', name: 'Kurier', parcelLocker: null, store: null });
  });

  it('refuses an unknown SKU with UNKNOWN_PRODUCT and creates nothing', async () => {
    const result = await execute(CREATE_ORDER, {
      key: 'unknown-sku',
      input: orderInput({ lines: [{ sku: 'SKU-DOES-NOT-EXIST', quantity: 1, unitGross: '10.00', vatRate: '23' }] }),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_PRODUCT' });
    expect(result.errors?.[0]?.message).toContain('SKU-DOES-NOT-EXIST');
    expect((await bed.counters())[CREATE_ORDERS]).toBeUndefined();
    expect(taggedOrders('unknown-sku')).toBe(0);
  });

  it('refuses a non-positive quantity and a locker delivery without a locker with BAD_USER_INPUT, before any call', async () => {
    const zero = await execute(CREATE_ORDER, {
      key: 'bad-qty',
      input: orderInput({ lines: [{ sku: skus[0], quantity: 0, unitGross: '1.00', vatRate: '23' }] }),
    });
    expect(zero.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const locker = await execute(CREATE_ORDER, { key: 'bad-locker', input: orderInput({ delivery: { method: 'PARCEL_LOCKER' } }) });
    expect(locker.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await bed.counters()).toEqual({});
  });
});

describe('EshopOrder.completedAt', () => {
  it('is date_completed_gmt of a completed order and null before', async () => {
    const completed = bed.dataset.eshopOrders.find((o) => o.status === 'completed')!;
    const open = bed.dataset.eshopOrders.find((o) => o.status === 'processing')!;
    const result = ok(
      await execute(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on EshopOrder { completedAt } } }`, {
        r: [completed, open].map((o) => ({ __typename: 'EshopOrder', id: `eshop:${o.id}` })),
      }),
    )['_entities'];
    expect(result).toEqual([{ completedAt: `${bed.simulator.woo.store.orders.get(completed.id)!.date_completed_gmt}Z` }, { completedAt: null }]);
  });
});

describe('eshopLinkReservation', () => {
  it('stores the ERP order name once', async () => {
    const { orderId } = ok(await execute(CREATE_ORDER, { key: 'link-order', input: orderInput() }))['eshopCreateOrder'] as { orderId: string };
    await bed.resetCounters();
    expect(ok(await execute(LINK, { key: 'link-1', orderId, name: 'S00042' }))['eshopLinkReservation']).toEqual({ orderId, created: true });
    expect(ok(await execute(LINK, { key: 'link-1', orderId, name: 'S00042' }))['eshopLinkReservation']).toEqual({ orderId, created: false });
    expect((await bed.counters())[UPDATE_ORDER]).toBe(1);
    const stored = bed.simulator.woo.store.orders.get(Number(orderId.slice('eshop:'.length)))!;
    expect(stored.meta_data.filter((m) => m.key === '_omnigraph_erp_order').map((m) => m.value)).toEqual(['S00042']);
  });
});

describe('eshopCreateRefund', () => {
  let order: OrderView;
  beforeAll(async () => {
    const { orderId } = ok(await execute(CREATE_ORDER, { key: 'refund-order', input: orderInput() }))['eshopCreateOrder'] as { orderId: string };
    [order] = (await orders([orderId])) as [OrderView];
  });

  it('refunds lines once: amount = their gross; returns and returnedQuantity show it; a retry writes nothing', async () => {
    const stockBefore = bed.simulator.woo.store.products.get(bed.simulator.woo.store.idBySku(skus[0]!)!)?.stock_quantity;
    const input = { orderId: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], reason: 'Zwrot w sklepie', storeCode: 'POZ1' };
    const first = ok(await execute(CREATE_REFUND, { key: 'refund-once', input }))['eshopCreateRefund'] as { refundId: string };
    expect(first).toMatchObject({ amount: { amount: '129.99', currency: 'PLN' }, status: 'completed', created: true });
    expect(ok(await execute(CREATE_REFUND, { key: 'refund-once', input }))['eshopCreateRefund']).toEqual({ ...first, created: false });
    expect((await bed.counters())[CREATE_REFUNDS]).toBe(1);
    // ESHOP_RETURN_RESTOCK defaults to false: the shop's stock is left to the ERP
    expect(bed.simulator.woo.store.products.get(bed.simulator.woo.store.idBySku(skus[0]!)!)?.stock_quantity).toBe(stockBefore);

    const [after] = await orders([order.id]);
    expect(after!.returns).toEqual([
      { id: first.refundId, amount: { amount: '129.99' }, status: 'completed', lines: [{ sku: skus[0], quantity: 1 }], store: { code: 'POZ1' } },
    ]);
    expect(after!.lines.map((l) => l.returnedQuantity)).toEqual([1, 0, 0]);
  });

  it('after a commit_then_reset, the re-sent step finds the refund: exactly one exists', async () => {
    bed.simulator.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: CREATE_REFUNDS }]);
    const input = { orderId: order.id, lines: [{ lineId: order.lines[1]!.id, quantity: 2 }], reason: null, storeCode: 'POZ1' };
    const lost = await execute(CREATE_REFUND, { key: 'refund-reset', input });
    expect(lost.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    const resent = ok(await execute(CREATE_REFUND, { key: 'refund-reset', input }))['eshopCreateRefund'];
    expect(resent).toMatchObject({ amount: { amount: '39.98' }, created: false });
    const orderId = Number(order.id.slice('eshop:'.length));
    const tagged = (bed.simulator.woo.store.refundsByOrder.get(orderId) ?? []).filter((r) => r.meta_data.some((m) => m.value === 'refund-reset'));
    expect(tagged).toHaveLength(1);
    expect((await bed.counters())[CREATE_REFUNDS]).toBe(1);
    // the lost answer never dropped the cached refunds; the re-sent step did, so the order shows both returns
    const [after] = await orders([order.id]);
    expect(after!.returns.map((r) => r.amount.amount)).toEqual(['39.98', '129.99']);
    expect(after!.lines.map((l) => l.returnedQuantity)).toEqual([1, 2, 0]);
  });

  it('refuses more than is left to return with RETURN_QUANTITY_EXCEEDED, and a line of another order with BAD_USER_INPUT, writing nothing', async () => {
    const tooMany = await execute(CREATE_REFUND, {
      key: 'refund-too-many',
      input: { orderId: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 2 }], storeCode: 'POZ1' },
    });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('RETURN_QUANTITY_EXCEEDED');
    const foreign = await execute(CREATE_REFUND, {
      key: 'refund-foreign',
      input: { orderId: order.id, lines: [{ lineId: '1', quantity: 1 }], storeCode: 'POZ1' },
    });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const negative = await execute(CREATE_REFUND, {
      key: 'refund-negative',
      input: { orderId: order.id, lines: [{ lineId: order.lines[2]!.id, quantity: -1 }], storeCode: 'POZ1' },
    });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((await bed.counters())[CREATE_REFUNDS]).toBeUndefined();
  });

  it('reads refunds only for orders that have any: one call per such order in a list', async () => {
    const plain = bed.dataset.eshopOrders.filter((o) => o.status === 'processing').slice(0, 5);
    const uncached = buildSubgraph(undefined);
    await bed.resetCounters();
    const response = await uncached.server.executeOperation(
      {
        query: ORDERS,
        variables: { representations: [...plain.map((o) => `eshop:${o.id}`), order.id].map((id) => ({ __typename: 'EshopOrder', id })) },
      },
      { contextValue: uncached.createContext() },
    );
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeFalsy();
    // `returns` and every line's `returnedQuantity` of the refunded order share one read
    expect((await bed.counters())[LIST_REFUNDS]).toBe(1);
  });
});
