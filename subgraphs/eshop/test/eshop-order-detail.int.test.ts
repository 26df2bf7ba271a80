/**
 * Order detail through the eshop subgraph against the WooCommerce simulator: `_entities` for EshopOrder with the
 * representation the gateway builds for `@requires(fields: "erpDeliveries {…}")` (here the ERP's deliveries of the
 * dataset, as the erp subgraph serves them), and the upstream calls each field costs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '@omnigraph/simulator-dataset';
import type { ErpDeliveryModel } from '@omnigraph/shared/models';
import { createEshopServer, type EshopServer } from '../src/create-eshop-server.ts';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import { DEMO, ORDERS_LIST, startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

const NOTES = 'GET /wp-json/wc/v3/orders/:order_id/notes';

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string }[];
}

let bed: WooCommerceTestBed;
let subgraph: EshopServer;

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
  subgraph = createEshopServer({
    client: createEshopClient({
      baseUrl: bed.baseUrl,
      consumerKey: bed.consumerKey,
      consumerSecret: bed.consumerSecret,
      timeoutMs: 5_000,
      currency: 'PLN',
    }),
    cacheTtlSeconds: 0,
  });
});
afterAll(() => bed.close());
beforeEach(() => bed.resetCounters());

async function entities(selection: string, representations: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on EshopOrder { id ${selection} } } }`;
  const response = await subgraph.server.executeOperation({ query, variables: { r: representations } }, { contextValue: subgraph.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const result = response.body.singleResult as GraphQLResult;
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] ?? []) as Record<string, unknown>[];
}

/** The ERP's deliveries of an e-shop order, as the erp subgraph answers `erpDeliveries`. */
function erpDeliveriesOf(dataset: Dataset, orderId: number): ErpDeliveryModel[] {
  const carriers = new Map(dataset.erpCarriers.map((c) => [c.id, c.name]));
  const sales = new Set(dataset.erpSaleOrders.filter((s) => s.channel === 'eshop' && s.channelOrderId === String(orderId)).map((s) => s.id));
  return dataset.erpDeliveries
    .filter((d) => sales.has(d.saleOrderId))
    .map((d) => ({
      name: d.name,
      state: d.state,
      carrierName: d.carrierId === null ? null : (carriers.get(d.carrierId) ?? null),
      trackingNumber: d.trackingRef,
      createdAt: d.createdAt,
      scheduledAt: d.scheduledDate,
      doneAt: d.dateDone,
    }));
}

const SHIPMENTS = 'shipments { id sources carrier carrierName trackingNumber trackingUrl shippedAt lineIds }';
const TIMELINE = 'timeline { at source kind status channelStatus text }';

describe('EshopOrder order detail', () => {
  it('a shipped order of Anna: one parcel known to the shop and the ERP, and its timeline oldest first', async () => {
    const anna = bed.dataset.eshopOrders.filter((o) => String(o.customerId) === DEMO.anna.eshopCustomerId && o.status === 'completed');
    const order = anna.find((o) => erpDeliveriesOf(bed.dataset, o.id).some((d) => d.trackingNumber !== null));
    expect(order).toBeDefined();
    const deliveries = erpDeliveriesOf(bed.dataset, order!.id);
    const delivery = deliveries[0]!;
    const [entity] = await entities(`${SHIPMENTS} ${TIMELINE}`, [{ __typename: 'EshopOrder', id: `eshop:${order!.id}`, erpDeliveries: deliveries }]);
    expect(entity!['shipments']).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        sources: ['ESHOP', 'ERP'],
        carrier: expect.stringMatching(/^(INPOST|DPD|POCZTA_POLSKA)$/),
        carrierName: expect.any(String),
        trackingNumber: delivery.trackingNumber,
        trackingUrl: expect.stringContaining(encodeURIComponent(delivery.trackingNumber!)),
        shippedAt: delivery.doneAt!.replace('.000Z', 'Z'),
        lineIds: [],
      },
    ]);
    const timeline = entity!['timeline'] as { at: string; kind: string; status: string | null; source: string }[];
    expect(timeline.map((e) => [e.source, e.kind, e.status])).toEqual([
      ['ESHOP', 'PLACED', null],
      ['ESHOP', 'PAID', null],
      ['ESHOP', 'STATUS_CHANGED', 'PROCESSING'],
      ['ERP', 'WAREHOUSE', null],
      ['ERP', 'WAREHOUSE', null],
      ['ESHOP', 'SHIPPED', null],
      ['ESHOP', 'STATUS_CHANGED', 'COMPLETED'],
      ['ESHOP', 'DELIVERED', 'COMPLETED'],
    ]);
    const times = timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('without the ERP (erpDeliveries null) the shop’s own parcel only', async () => {
    const order = bed.dataset.eshopOrders.find(
      (o) => o.status === 'completed' && erpDeliveriesOf(bed.dataset, o.id).some((d) => d.trackingNumber !== null),
    )!;
    const [entity] = await entities(SHIPMENTS, [{ __typename: 'EshopOrder', id: `eshop:${order.id}`, erpDeliveries: null }]);
    expect((entity!['shipments'] as { sources: string[] }[]).map((s) => s.sources)).toEqual([['ESHOP']]);
  });

  it('while the shop cannot give the notes, the timeline keeps the order’s dates, parcels and the ERP’s states', async () => {
    const order = bed.dataset.eshopOrders.find(
      (o) => o.status === 'completed' && erpDeliveriesOf(bed.dataset, o.id).some((d) => d.trackingNumber !== null),
    )!;
    bed.simulator.control.addFaults([{ kind: 'status', status: 503, match: NOTES, count: 10 }]);
    try {
      const [entity] = await entities(TIMELINE, [
        { __typename: 'EshopOrder', id: `eshop:${order.id}`, erpDeliveries: erpDeliveriesOf(bed.dataset, order.id) },
      ]);
      const kinds = (entity!['timeline'] as { source: string; kind: string }[]).map((e) => `${e.source}:${e.kind}`);
      expect(kinds).toEqual(expect.arrayContaining(['ESHOP:PLACED', 'ERP:WAREHOUSE', 'ESHOP:SHIPPED', 'ESHOP:DELIVERED']));
      // the notes' status changes are what is missing
      expect(kinds).not.toContain('ESHOP:STATUS_CHANGED');
      expect((await bed.counters())[NOTES]).toBeGreaterThan(0);
    } finally {
      bed.simulator.control.clearFaults();
    }
  });

  it('upstream calls: shipments cost nothing beyond the order batch; the timeline one notes call per order, batched per request', async () => {
    const ids = bed.dataset.eshopOrders
      .filter((o) => String(o.customerId) === DEMO.tomasz.eshopCustomerId && !['pending', 'failed'].includes(o.status))
      .slice(0, 5)
      .map((o) => o.id);
    expect(ids).toHaveLength(5);
    const reps = ids.map((id) => ({ __typename: 'EshopOrder', id: `eshop:${id}`, erpDeliveries: erpDeliveriesOf(bed.dataset, id) }));
    await entities(`${SHIPMENTS} invoice { required }`, reps);
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    await bed.resetCounters();
    const withTimeline = await entities(TIMELINE, reps);
    expect(withTimeline.every((e) => (e['timeline'] as { kind: string }[]).some((t) => t.kind === 'STATUS_CHANGED'))).toBe(true);
    // refunds only for refunded orders, one each
    const refunded = ids.filter((id) => bed.dataset.eshopOrders.find((o) => o.id === id)!.status === 'refunded').length;
    expect(await bed.counters()).toEqual({
      [ORDERS_LIST]: 1,
      [NOTES]: 5,
      ...(refunded > 0 ? { 'GET /wp-json/wc/v3/orders/:order_id/refunds': refunded } : {}),
    });
  });

  it('ESHOP_SHIPMENT_TRACKING=fulfillments on a shop without the feature (404 rest_no_route): no parcels, no error', async () => {
    const fulfillmentsOnly = createEshopServer({
      client: createEshopClient({
        baseUrl: bed.baseUrl,
        consumerKey: bed.consumerKey,
        consumerSecret: bed.consumerSecret,
        timeoutMs: 5_000,
        currency: 'PLN',
      }),
      cacheTtlSeconds: 0,
      shipmentTracking: 'fulfillments',
    });
    const order = bed.dataset.eshopOrders.find(
      (o) => o.status === 'completed' && erpDeliveriesOf(bed.dataset, o.id).some((d) => d.trackingNumber !== null),
    )!;
    const response = await fulfillmentsOnly.server.executeOperation(
      {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on EshopOrder { ${SHIPMENTS} } } }`,
        variables: { r: [{ __typename: 'EshopOrder', id: `eshop:${order.id}`, erpDeliveries: null }] },
      },
      { contextValue: fulfillmentsOnly.createContext() },
    );
    const result = (response.body.kind === 'single' ? response.body.singleResult : null) as GraphQLResult;
    expect(result.errors).toBeUndefined();
    // the tracking meta is not read in this mode
    expect(result.data).toEqual({ _entities: [{ shipments: [] }] });
  });
});
