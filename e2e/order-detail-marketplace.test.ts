import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { ORDERS_QUERY } from './operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 12, order detail of Allegro orders through the gateway: where is the parcel (carrier, number, link), what
 * happened (timeline), what was refunded (amount and lines), the invoice data; the upstream calls of the detail query
 * stated, and the call-center order list unchanged when no detail is asked.
 *
 * The parcels and the timeline merge Allegro's own with the ERP's deliveries of the same order, which the erp subgraph
 * serves as `MarketplaceOrder.erpDeliveries` and the gateway hands the marketplace subgraph (`@requires`).
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const marek = ds.demoCustomers.find((d) => d.key === 'marek-allegro')!;
const buyerOf = new Map(ds.allegroBuyers.map((b) => [b.id, b]));
const formsOfMarek = ds.allegroCheckoutForms.filter((f) => buyerOf.get(f.buyerId)?.login === marek.allegroBuyerLogin);
const saleOrderOfForm = new Map(
  ds.erpSaleOrders.flatMap((so) => (so.channel === 'allegro' && so.channelOrderId ? [[so.channelOrderId, so.id] as const] : [])),
);
const deliveryOfSaleOrder = new Map(ds.erpDeliveries.map((d) => [d.saleOrderId, d]));
const shippedForm = formsOfMarek.find((f) => f.fulfillmentStatus === 'SENT' || f.fulfillmentStatus === 'PICKED_UP')!;
const shippedDelivery = deliveryOfSaleOrder.get(saleOrderOfForm.get(shippedForm.id)!)!;
// another of Marek's orders, refunded in Allegro's panel before anyone asked for it
const refundedForm = formsOfMarek.find((f) => f !== shippedForm && f.status === 'READY_FOR_PROCESSING')!;
const b2bForm = ds.allegroCheckoutForms.find((f) => f.invoiceRequired && buyerOf.get(f.buyerId)?.nip)!;

const DETAIL = /* GraphQL */ `
  query MarketplaceOrderDetail($id: ID!) {
    marketplaceOrder(checkoutFormId: $id) {
      id
      status
      lines {
        id
        sku
        vatRate
        lineTotal {
          amount
          currency
        }
      }
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
      }
      invoice {
        required
        companyName
        nip
        taxId
        firstName
        lastName
        address {
          city
          postalCode
          countryCode
        }
      }
      returns {
        id
        createdAt
        status
        amount {
          amount
          currency
        }
        lines {
          lineId
          sku
          quantity
          amount {
            amount
            currency
          }
        }
      }
    }
  }
`;

let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE });
}, 60_000);
afterAll(() => stack?.close());

const allegroEndpoints = () => stack.simulators.allegro.control.counters().endpoints;

describe('order detail of Allegro orders (issue 12)', () => {
  it("tracks a demo customer's shipped Allegro order: carrier, the ERP's parcel number, a tracking link, and its timeline", async () => {
    expect(shippedDelivery.trackingRef).not.toBeNull();
    stack.resetCounters();
    const { body } = await stack.query(DETAIL, { id: shippedForm.id });
    expect(body.errors).toBeUndefined();
    const order = body.data.marketplaceOrder;
    expect(order.shipments).toHaveLength(1);
    const [parcel] = order.shipments;
    // one parcel known to Allegro and to the ERP's delivery with the same number
    expect(parcel).toMatchObject({
      sources: ['MARKETPLACE', 'ERP'],
      trackingNumber: shippedDelivery.trackingRef,
      shippedAt: shippedDelivery.dateDone,
    });
    expect(parcel.carrier).not.toBe('OTHER');
    if (parcel.carrier !== 'ALLEGRO_ONE') expect(parcel.trackingUrl).toContain(encodeURIComponent(shippedDelivery.trackingRef!));
    expect(parcel.lineIds).toEqual(order.lines.map((l: { id: string }) => l.id));
    const kinds = order.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('PLACED');
    expect(kinds).toEqual(expect.arrayContaining(['PLACED', 'SHIPPED']));
    // the ERP's picking: created, then validated (done) when the parcel left
    // (Odoo keeps datetimes to the second)
    const seconds = (at: string) => Math.floor(Date.parse(at) / 1000);
    const warehouse = order.timeline.filter((e: { source: string; kind: string }) => e.source === 'ERP' && e.kind === 'WAREHOUSE');
    expect(warehouse.map((e: { at: string; channelStatus: string | null }) => [seconds(e.at), e.channelStatus])).toEqual([
      [seconds(shippedDelivery.createdAt), null],
      [seconds(shippedDelivery.dateDone!), 'done'],
    ]);
    const times = order.timeline.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const line of order.lines) expect(line.vatRate).toMatch(/^\d+\.\d{2}$/);
    const calls = stack.upstreamCalls();
    console.log(`order detail upstream calls: ${JSON.stringify(calls)}; allegro ${JSON.stringify(allegroEndpoints())}`);
    // one form read, one shipments call (shared by shipments and timeline), one refunds call (returns and timeline);
    // the ERP's deliveries: its sale order and pickings searches (the delivery types' warehouses once per process)
    expect(calls.odoo).toBeLessThanOrEqual(3);
    expect(calls.woocommerce + calls.hubspot).toBe(0);
    expect(allegroEndpoints()).toEqual({
      'GET /order/checkout-forms/:id': 1,
      'GET /order/checkout-forms/:id/shipments': 1,
      'GET /payments/refunds': 1,
    });
  });

  it('shows a refunded Allegro order with its amount, date and lines (line id, quantity, money)', async () => {
    const form = stack.simulators.allegro.allegro.store.getCheckoutForm(refundedForm.id)!;
    const line = form.lineItems[0]!;
    const outcome = stack.simulators.allegro.allegro.store.refunds.create(
      {
        paymentId: form.payment!.id,
        orderId: form.id,
        commandId: '8f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5',
        reason: 'REFUND',
        lineItems: [{ id: line.id, type: 'QUANTITY', quantity: 1, valueMinor: 0 }],
        deliveryMinor: null,
        overpaidMinor: null,
        surcharges: [],
        additionalServicesMinor: null,
        sellerComment: null,
      },
      form,
    );
    expect(outcome).toMatchObject({ ok: true });
    const { body } = await stack.query(DETAIL, { id: refundedForm.id });
    expect(body.errors).toBeUndefined();
    const order = body.data.marketplaceOrder;
    const refunds = order.returns;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      amount: { amount: line.price.amount, currency: 'PLN' },
      lines: [{ lineId: line.id, sku: line.offer.external?.id ?? null, quantity: 1, amount: { amount: line.price.amount, currency: 'PLN' } }],
    });
    expect(order.timeline.map((e: { kind: string }) => e.kind)).toContain('REFUNDED');
  });

  it("gives a B2B buyer's invoice data: company, a valid NIP, the address", async () => {
    const { body } = await stack.query(DETAIL, { id: b2bForm.id });
    expect(body.errors).toBeUndefined();
    const invoice = body.data.marketplaceOrder.invoice;
    const buyer = buyerOf.get(b2bForm.buyerId)!;
    expect(invoice).toMatchObject({ required: true, companyName: buyer.companyName, nip: buyer.nip, taxId: buyer.nip, firstName: null });
    expect(invoice.address.countryCode).toBe('PL');
  });

  it("leaves the call-center order list's upstream calls as they were: no parcel or refund call without the detail", async () => {
    await stack.query(ORDERS_QUERY, { email: 'anna.kowalska@example.com', first: 50 });
    stack.resetCounters();
    const { body } = await stack.query(ORDERS_QUERY, { email: 'anna.kowalska@example.com', first: 50 });
    expect(body.errors).toBeUndefined();
    const endpoints = Object.keys(allegroEndpoints());
    expect(endpoints.filter((e) => e.includes('shipments') || e.includes('refunds'))).toEqual([]);
  });
});
