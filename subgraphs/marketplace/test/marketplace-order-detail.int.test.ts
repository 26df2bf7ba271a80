/**
 * Order detail through the subgraph (entity step with the ERP's deliveries, as the gateway sends it after `@requires`),
 * against the Allegro simulator: parcels merged with the ERP, the timeline with the journal of polled order events,
 * invoice data, refund lines; upstream calls counted.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { MarketplaceContext } from '../src/context.ts';
import { createAllegroOrderEvents } from '../src/upstream/allegro/allegro-order-events.ts';
import { marketplaceCacheKeys } from '../src/upstream/marketplace-cache-keys.ts';
import { startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

// see marketplace-subgraph.int.test.ts: one graphql build under vitest
vi.mock('graphql', () => createRequire(import.meta.url)('graphql') as Record<string, unknown>);

const SHIPMENTS = 'GET /order/checkout-forms/:id/shipments';
const REFUNDS = 'GET /payments/refunds';

interface Result<TData> {
  data?: TData | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}
async function execute<TData>(harness: MarketplaceHarness, query: string, variables: Record<string, unknown>, context?: MarketplaceContext) {
  const response = await harness.marketplace.server.executeOperation(
    { query, variables },
    { contextValue: context ?? harness.marketplace.createContext() },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result<TData>;
}

const DETAIL = /* GraphQL */ `
  query Detail($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on MarketplaceOrder {
        id
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
            street
            city
            postalCode
            countryCode
          }
        }
        lines {
          id
          vatRate
        }
      }
    }
  }
`;
interface Detail {
  id: string;
  shipments: { id: string; sources: string[]; carrier: string; trackingNumber: string | null; shippedAt: string | null; lineIds: string[] }[];
  timeline: { at: string; source: string; kind: string; status: string | null; channelStatus: string | null }[];
  invoice: { required: boolean; companyName: string | null; nip: string | null } | null;
  lines: { id: string; vatRate: string | null }[];
}

const dataset = getDataset({ scale: 0.3 });
const carriers = new Map(dataset.erpCarriers.map((c) => [c.id, c.name]));
const saleOrders = new Map(dataset.erpSaleOrders.map((so) => [so.id, so]));
/** the ERP's deliveries of each Allegro form, as the erp subgraph serves them (ErpDelivery) */
const erpDeliveriesOf = new Map<string, unknown[]>();
for (const d of dataset.erpDeliveries) {
  const so = saleOrders.get(d.saleOrderId);
  if (so?.channel !== 'allegro' || so.channelOrderId === null) continue;
  erpDeliveriesOf.set(so.channelOrderId, [
    ...(erpDeliveriesOf.get(so.channelOrderId) ?? []),
    {
      name: d.name,
      state: d.state,
      carrierName: d.carrierId === null ? null : (carriers.get(d.carrierId) ?? null),
      trackingNumber: d.trackingRef,
      createdAt: d.createdAt,
      scheduledAt: d.scheduledDate,
      doneAt: d.dateDone,
    },
  ]);
}
const shippedForms = dataset.allegroCheckoutForms.filter((f) => f.fulfillmentStatus === 'SENT' && erpDeliveriesOf.has(f.id)).slice(0, 12);

describe('marketplace subgraph: order detail', () => {
  let harness: MarketplaceHarness;

  beforeAll(async () => {
    harness = await startMarketplaceHarness();
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    harness.sim.control.resetCounters();
  });

  it('merges Allegro parcels with the ERP deliveries: one parcel per tracking number, both sources, one shipments call per order', async () => {
    expect(shippedForms.length).toBe(12);
    const result = await execute<{ _entities: Detail[] }>(harness, DETAIL, {
      representations: shippedForms.map((f) => ({
        __typename: 'MarketplaceOrder',
        id: `marketplace:${f.id}`,
        erpDeliveries: erpDeliveriesOf.get(f.id),
      })),
    });
    expect(result.errors).toBeUndefined();
    for (const [i, order] of result.data!._entities.entries()) {
      const erp = erpDeliveriesOf.get(shippedForms[i]!.id) as { trackingNumber: string; doneAt: string }[];
      expect(order.shipments).toHaveLength(1);
      expect(order.shipments[0]).toMatchObject({
        sources: ['MARKETPLACE', 'ERP'],
        trackingNumber: erp[0]!.trackingNumber,
        shippedAt: erp[0]!.doneAt,
      });
      expect(order.shipments[0]!.carrier).not.toBe('OTHER');
      expect(order.shipments[0]!.lineIds).toEqual(order.lines.map((l) => l.id));
      expect(order.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['PLACED', 'WAREHOUSE', 'SHIPPED']));
      const times = order.timeline.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(order.lines.every((l) => l.vatRate === '23.00' || l.vatRate === '8.00' || l.vatRate === '5.00' || l.vatRate === '0.00')).toBe(true);
    }
    // shipments and timeline share one loader; refunds once per order for the timeline; no batch endpoint exists
    expect(harness.count(SHIPMENTS)).toBe(12);
    expect(harness.count(REFUNDS)).toBe(12);
    harness.sim.control.resetCounters();
    await execute(harness, DETAIL, {
      representations: shippedForms.map((f) => ({ __typename: 'MarketplaceOrder', id: `marketplace:${f.id}`, erpDeliveries: null })),
    });
    // cached like the order
    expect(harness.count(SHIPMENTS)).toBe(0);
  });

  it("without the ERP (erpDeliveries null) the channel's parcels only", async () => {
    const form = shippedForms[0]!;
    const result = await execute<{ _entities: Detail[] }>(harness, DETAIL, {
      representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${form.id}`, erpDeliveries: null }],
    });
    const [order] = result.data!._entities;
    expect(order!.shipments.map((s) => s.sources)).toEqual([['MARKETPLACE']]);
    expect(order!.timeline.some((e) => e.source === 'ERP')).toBe(false);
  });

  it('adds the polled Allegro order events (journal) to the timeline', async () => {
    const form = shippedForms[1]!;
    const source = createAllegroOrderEvents({ http: harness.apiHttp, tokens: harness.tokens, journal: harness.marketplace.journal });
    let cursor = '0';
    for (let more = true; more;) {
      const page = await source.poll(cursor);
      cursor = page.cursor;
      more = page.more === true;
    }
    const [journal] = await harness.marketplace.journal.eventsOf([form.id]);
    expect(journal!.length).toBeGreaterThan(0);
    const result = await execute<{ _entities: Detail[] }>(harness, DETAIL, {
      representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${form.id}`, erpDeliveries: null }],
    });
    const timeline = result.data!._entities[0]!.timeline;
    for (const entry of journal!) expect(timeline.map((e) => e.at)).toContain(entry.at);
  });

  it('keeps the timeline while Allegro cannot list parcels: the form and ERP events stay, Allegro parcels are left out', async () => {
    const form = shippedForms[2]!;
    await harness.marketplace.createContext().loaders.orderByNumber.load(form.id);
    // no stored copy to stand in (an earlier test read this order's parcels)
    await harness.cache.delete(marketplaceCacheKeys.shipments(form.id));
    harness.sim.control.addFaults([{ kind: 'status', status: 503, match: SHIPMENTS, count: 10 }]);
    const query = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on MarketplaceOrder {
            timeline {
              source
              kind
            }
          }
        }
      }
    `;
    const response = await harness.marketplace.server.executeOperation(
      {
        query,
        variables: {
          representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${form.id}`, erpDeliveries: erpDeliveriesOf.get(form.id) }],
        },
      },
      { contextValue: harness.marketplace.createContext() },
    );
    harness.sim.control.clearFaults();
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    // (the source status `marketplace: UNAVAILABLE` is reported in the response's extensions under a request scope,
    // which executeOperation does not set up; the HTTP path does)
    const { data, errors } = response.body.singleResult as Result<{ _entities: Detail[] }>;
    expect(errors).toBeUndefined();
    const kinds = data!._entities[0]!.timeline.map((e) => `${e.source}:${e.kind}`);
    // the ERP's delivery still gives the parcel's SHIPPED moment
    expect(kinds).toEqual(expect.arrayContaining(['MARKETPLACE:PLACED', 'ERP:WAREHOUSE', 'ERP:SHIPPED']));
    expect(harness.count(SHIPMENTS)).toBeGreaterThan(0);
  });

  it('answers the order without its parcels (null, with the error) while Allegro cannot list them', async () => {
    const form = shippedForms[2]!;
    await harness.cache.delete(marketplaceCacheKeys.shipments(form.id));
    harness.sim.control.addFaults([{ kind: 'status', status: 503, match: SHIPMENTS, count: 10 }]);
    const query = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on MarketplaceOrder {
            number
            shipments {
              id
            }
          }
        }
      }
    `;
    const response = await harness.marketplace.server.executeOperation(
      { query, variables: { representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${form.id}`, erpDeliveries: null }] } },
      { contextValue: harness.marketplace.createContext() },
    );
    harness.sim.control.clearFaults();
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult as Result<{ _entities: { number: string; shipments: unknown }[] }>;
    expect(data!._entities[0]).toEqual({ number: form.id, shipments: null });
    expect(errors?.map((e) => e.path)).toEqual([['_entities', 0, 'shipments']]);
  });

  it('gives the invoice data of a B2B buyer, with a valid NIP', async () => {
    const b2b = dataset.allegroCheckoutForms.find((f) => f.invoiceRequired && dataset.allegroBuyers.find((b) => b.id === f.buyerId)?.nip);
    expect(b2b).toBeDefined();
    const result = await execute<{ _entities: Detail[] }>(harness, DETAIL, {
      representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${b2b!.id}` }],
    });
    const invoice = result.data!._entities[0]!.invoice;
    expect(invoice).toMatchObject({ required: true });
    expect(invoice!.companyName).not.toBeNull();
    expect(invoice!.nip).toMatch(/^\d{10}$/);
  });
});
