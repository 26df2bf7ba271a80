import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, EshopOrder } from '@omnigraph/simulator-dataset';
import { ORDERS_QUERY } from './operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Order detail of e-shop orders through the gateway (issue 12): parcels, timeline, refunds with amount and lines,
 * invoice data, and the upstream calls each costs. The parcels and the timeline merge the shop's own with the ERP's
 * deliveries of the same order (`EshopOrder.erpDeliveries`, served by the erp subgraph, handed over by `@requires`).
 */
const SCALE = 0.1;
let stack: E2eStack;
let ds: Dataset;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE });
  ds = stack.dataset;
}, 60_000);
afterAll(() => stack?.close());

const WOO = 'woocommerce';
const endpoints = (name: string) => stack.simulators.all.find((s) => s.name === name)!.control.counters().endpoints;

/** The parcel the ERP shipped for an e-shop order (what the connector wrote back to the shop), or null. */
function shippedParcel(order: EshopOrder): { trackingRef: string; dateDone: string; createdAt: string; carrier: string } | null {
  const sale = ds.erpSaleOrders.find((s) => s.channel === 'eshop' && s.channelOrderId === String(order.id));
  const delivery = sale && ds.erpDeliveries.find((d) => d.saleOrderId === sale.id && d.state === 'done' && d.trackingRef !== null);
  if (!delivery) return null;
  return {
    trackingRef: delivery.trackingRef!,
    dateDone: delivery.dateDone!,
    createdAt: delivery.createdAt,
    carrier: ds.erpCarriers.find((c) => c.id === delivery.carrierId)!.code,
  };
}

const DETAIL = /* GraphQL */ `
  query ($number: String!) {
    eshopOrder(number: $number) {
      id
      status
      shipments {
        id
        sources
        carrier
        carrierName
        trackingNumber
        trackingUrl
        shippedAt
        lineIds
      }
      timeline {
        at
        source
        kind
        status
        channelStatus
        text
      }
    }
  }
`;

interface Event {
  at: string;
  source: string;
  kind: string;
  status: string | null;
  channelStatus: string | null;
}

describe('tracking and timeline of demo e-shop orders', () => {
  for (const [who, customerId] of [
    ['Anna Kowalska', 2000],
    ['Tomasz Wiśniewski', 2001],
  ] as const) {
    it(`${who}: the shipped parcel with carrier and link, and the shop's timeline oldest first`, async () => {
      const order = ds.eshopOrders.find((o) => o.customerId === customerId && o.status === 'completed' && shippedParcel(o) !== null)!;
      const parcel = shippedParcel(order)!;
      stack.resetCounters();
      const { body } = await stack.query(DETAIL, { number: order.number });
      expect(body.errors).toBeUndefined();
      const detail = body.data.eshopOrder;
      const carrier = { inpost_locker: 'INPOST', inpost_courier: 'INPOST', dpd: 'DPD', pocztex: 'POCZTA_POLSKA' }[parcel.carrier];
      expect(detail.shipments).toHaveLength(1);
      expect(detail.shipments[0]).toMatchObject({
        carrier,
        trackingNumber: parcel.trackingRef,
        trackingUrl: expect.stringContaining(parcel.trackingRef),
        shippedAt: parcel.dateDone.replace('.000Z', 'Z'),
      });
      // one parcel, known to the shop (tracking meta) and to the ERP's delivery with the same number
      expect(detail.shipments[0].sources).toEqual(['ESHOP', 'ERP']);
      // the ERP's picking: created, then validated when the parcel left
      // (Odoo keeps datetimes to the second)
      const seconds = (at: string) => Math.floor(Date.parse(at) / 1000);
      const warehouse = (detail.timeline as Event[]).filter((e) => e.source === 'ERP');
      expect(warehouse.map((e) => [e.kind, seconds(e.at), e.channelStatus])).toEqual([
        ['WAREHOUSE', seconds(parcel.createdAt), null],
        ['WAREHOUSE', seconds(parcel.dateDone), 'done'],
      ]);
      const shop = (detail.timeline as Event[]).filter((e) => e.source === 'ESHOP');
      // the shop's events (the warehouse may have validated the parcel after the shop completed the order: by time)
      expect(shop.map((e) => [e.kind, e.status, e.channelStatus]).sort()).toEqual(
        [
          ['PLACED', null, null],
          ['PAID', null, null],
          ['STATUS_CHANGED', 'PROCESSING', 'processing'],
          ['SHIPPED', null, null],
          ['STATUS_CHANGED', 'COMPLETED', 'completed'],
          ['DELIVERED', 'COMPLETED', 'completed'],
        ].sort(),
      );
      expect(shop.slice(0, 3).map((e) => e.kind)).toEqual(['PLACED', 'PAID', 'STATUS_CHANGED']);
      const times = (detail.timeline as Event[]).map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // upstream calls of the order-detail query: the order by number (the entity step finds it cached), its notes;
      // the parcel is in the order's meta
      expect(endpoints(WOO)).toEqual({ 'GET /wp-json/wc/v3/orders/:id': 1, 'GET /wp-json/wc/v3/orders/:order_id/notes': 1 });
      // and the ERP's deliveries: the sale order and its pickings (plus, once per process, the delivery types)
      expect(stack.upstreamCalls().odoo).toBeLessThanOrEqual(3);
    });
  }
});

describe('a refunded e-shop order', () => {
  it('has its refund with the amount, the date and every line with its money', async () => {
    const order = ds.eshopOrders.find((o) => [2000, 2001].includes(o.customerId) && o.status === 'refunded')!;
    expect(order).toBeDefined();
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($number: String!) {
          eshopOrder(number: $number) {
            status
            paymentStatus
            totals {
              total {
                amount
              }
              shipping {
                amount
              }
            }
            lines {
              id
              sku
              quantity
              returnedQuantity
              lineTotal {
                amount
              }
            }
            returns {
              id
              createdAt
              amount {
                amount
                currency
              }
              status
              lines {
                lineId
                sku
                quantity
                amount {
                  amount
                }
              }
            }
            timeline {
              kind
            }
          }
        }
      `,
      { number: order.number },
    );
    expect(body.errors).toBeUndefined();
    const detail = body.data.eshopOrder;
    expect(detail).toMatchObject({ status: 'REFUNDED', paymentStatus: 'REFUNDED' });
    expect(detail.returns).toHaveLength(1);
    const [refund] = detail.returns;
    expect(refund.amount).toEqual({ amount: detail.totals.total.amount, currency: 'PLN' });
    expect(refund.lines).toEqual(
      detail.lines.map((l: { id: string; sku: string; quantity: number; lineTotal: { amount: string } }) => ({
        lineId: l.id,
        sku: l.sku,
        quantity: l.quantity,
        amount: { amount: l.lineTotal.amount },
      })),
    );
    for (const line of detail.lines) expect(line.returnedQuantity).toBe(line.quantity);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain('REFUNDED');
  });
});

describe('invoice data of a B2B order', () => {
  it('the company, its NIP normalised and as typed, the billing name and address', async () => {
    const partner = ds.erpPartners.find((p) => p.ref === 'WC-2002')!;
    const order = ds.eshopOrders.find((o) => o.customerId === 2002 && o.billing.company !== '')!;
    const { body } = await stack.query(
      `{ eshopOrder(number: "${order.number}") { invoice { required companyName nip taxId firstName lastName address { street city postalCode countryCode } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const digits = partner.vat!.replace(/\D/g, '');
    expect(body.data.eshopOrder.invoice).toEqual({
      required: true,
      companyName: order.billing.company,
      nip: digits,
      taxId: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
      firstName: order.billing.firstName,
      lastName: order.billing.lastName,
      address: { street: order.billing.street, city: order.billing.city, postalCode: order.billing.zip, countryCode: 'PL' },
    });
  });
});

describe('the call-center order list', () => {
  it('costs no notes, refunds or fulfillments calls unless the timeline or parcels are asked', async () => {
    // a customer no other test here has asked about (nothing of hers is cached)
    const katarzyna = ds.demoCustomers.find((c) => c.key === 'katarzyna-guest')!;
    stack.resetCounters();
    const list = await stack.query(ORDERS_QUERY, { email: katarzyna.email, first: 50 });
    expect(list.body.errors).toBeUndefined();
    const plain = endpoints(WOO);
    expect(Object.keys(plain).filter((k) => /notes|refunds|fulfillments/.test(k))).toEqual([]);

    const withDetail = ORDERS_QUERY.replace(
      'id channel number',
      'id channel number ... on EshopOrder { shipments { trackingNumber } timeline { kind } }',
    );
    expect(withDetail).not.toBe(ORDERS_QUERY);
    stack.resetCounters();
    const detailed = await stack.query(withDetail, { email: katarzyna.email, first: 50 });
    expect(detailed.body.errors).toBeUndefined();
    const eshopOrders = (detailed.body.data.findCustomers[0].orders.edges as { node: { channel: string } }[]).filter(
      (e) => e.node.channel === 'ESHOP',
    ).length;
    const counted = endpoints(WOO);
    // the timeline's notes: one call per e-shop order on the page; parcels come with the orders
    expect(counted['GET /wp-json/wc/v3/orders/:order_id/notes']).toBe(eshopOrders);
    expect(counted['GET /wp-json/wc/v3/orders/:order_id/fulfillments'] ?? 0).toBe(0);
  });
});
