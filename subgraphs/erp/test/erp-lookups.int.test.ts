import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { foldText, toPolishNationalNumber } from '@omnigraph/shared/lookup';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, startOdoo } from './odoo-test-support.ts';

// the simulator of odoo-test-support.ts serves this dataset
const ds = getDataset({ scale: 0.3 });
const iso = (value: string): string => value.replace(/\.\d{3}Z$/, 'Z');

let sim: OdooSimulator;
let baseUrl: string;
let client: ErpClient;
let server: ApolloServer<ErpContext>;

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000, partnerPhoneFields: ['phone', 'phone_sanitized'] });
  server = createErpServer();
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetCounters();
});

interface Result {
  data?: { _entities?: Array<Record<string, unknown> | null> } | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** `_entities` as the gateway sends it, with a fresh context (new loaders, fresh cache). */
async function entities(representations: object[], selection: string): Promise<Result> {
  const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60 });
  const response = await server.executeOperation(
    { query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`, variables: { representations } },
    { contextValue },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const HITS = `... on OrderReferenceLookup { reference erpHits { recognised hits { ref { typename id } kind placedAt } } }`;
const IDENTITY = `source kind id matchedOn email phone login nip companyName firstName lastName postalCode since`;
const refs = (...references: string[]) => references.map((reference) => ({ __typename: 'OrderReferenceLookup', reference }));
const lookups = (...keys: string[]) => keys.map((key) => ({ __typename: 'CustomerLookup', key }));

const eshopOrder = ds.erpSaleOrders.find((o) => o.channel === 'eshop')!;
const allegroOrders = ds.erpSaleOrders.filter((o) => o.channel === 'allegro');
const offlineOrder = ds.erpSaleOrders.find((o) => o.channel === null)!;
const deliveryOf = (id: number) => ds.erpDeliveries.find((d) => d.saleOrderId === id)!;
const shippedAllegro = allegroOrders.filter((o) => /^\d{24}$/.test(deliveryOf(o.id).trackingRef ?? ''));
const shippedDpd = ds.erpSaleOrders.filter((o) => o.channel === 'eshop' && /^\d{13}U$/.test(deliveryOf(o.id).trackingRef ?? ''));

describe('OrderReferenceLookup.erpHits', () => {
  it('maps a sale-order name (as typed, any case) to the e-shop order it came from, with its order date', async () => {
    const result = await entities(refs(eshopOrder.name, eshopOrder.name.toLowerCase()), HITS);
    expect(result.errors).toBeUndefined();
    const expected = {
      recognised: true,
      hits: [
        {
          ref: { typename: 'EshopOrder', id: `eshop:${eshopOrder.channelOrderId}` },
          kind: 'ERP_SALE_ORDER_NAME',
          placedAt: iso(eshopOrder.dateOrder),
        },
      ],
    };
    expect(result.data?._entities?.map((e) => e?.['erpHits'])).toEqual([expected, expected]);
    expect(odooCalls(sim)).toEqual({ 'sale.order.search_read': 1 });
  });

  it('maps parcel numbers (InPost 24 digits, DPD typed with spaces) through the delivery to the channel order', async () => {
    const allegro = shippedAllegro[0]!;
    const dpd = shippedDpd[0]!;
    const dpdRef = deliveryOf(dpd.id).trackingRef!;
    const spaced = `${dpdRef.slice(0, 4)} ${dpdRef.slice(4, 9)} ${dpdRef.slice(9)}`;
    const result = await entities(refs(deliveryOf(allegro.id).trackingRef!, spaced), HITS);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities?.map((e) => e?.['erpHits'])).toEqual([
      {
        recognised: true,
        hits: [
          {
            ref: { typename: 'MarketplaceOrder', id: `marketplace:${allegro.channelOrderId}` },
            kind: 'TRACKING_NUMBER',
            placedAt: iso(allegro.dateOrder),
          },
        ],
      },
      {
        recognised: true,
        hits: [{ ref: { typename: 'EshopOrder', id: `eshop:${dpd.channelOrderId}` }, kind: 'TRACKING_NUMBER', placedAt: iso(dpd.dateOrder) }],
      },
    ]);
    expect(odooCalls(sim)).toEqual({ 'stock.picking.search_read': 1, 'sale.order.search_read': 1 });
  });

  it('recognises an ERP-only order and unknown well-formed references but finds no graph order for them', async () => {
    const result = await entities(refs(offlineOrder.name, 'S99999', '999999999999999999999999', '99999999'), HITS);
    expect(result.data?._entities?.map((e) => e?.['erpHits'])).toEqual(Array.from({ length: 4 }, () => ({ recognised: true, hits: [] })));
  });

  it('does not recognise other references and asks Odoo nothing for them', async () => {
    const result = await entities(
      refs(
        '0',
        '15228',
        '#15228',
        'S0042',
        'hello world',
        eshopOrder.channelOrderId!,
        allegroOrders[0]!.channelOrderId!,
        'x'.repeat(65),
        `9${'1'.repeat(70)}`,
        '',
      ),
      HITS,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities?.every((e) => JSON.stringify(e?.['erpHits']) === JSON.stringify({ recognised: false, hits: [] }))).toBe(true);
    expect(odooCalls(sim)).toEqual({});
  });

  it('answers 40 references of both classes in two Odoo calls', async () => {
    const names = ds.erpSaleOrders.slice(0, 20).map((o) => o.name);
    const parcels = shippedAllegro.slice(0, 20).map((o) => deliveryOf(o.id).trackingRef!);
    const result = await entities(refs(...names, ...parcels), HITS);
    expect(result.errors).toBeUndefined();
    const hits = result.data!._entities!.map((e) => (e!['erpHits'] as { hits: unknown[] }).hits.length);
    expect(hits.slice(20)).toEqual(Array.from({ length: 20 }, () => 1));
    expect(hits.slice(0, 20).reduce((a, b) => a + b, 0)).toBe(ds.erpSaleOrders.slice(0, 20).filter((o) => o.channel !== null).length);
    expect(odooCalls(sim)).toEqual({ 'stock.picking.search_read': 1, 'sale.order.search_read': 1 });
  });

  it('finds each parcel of a multi-parcel delivery and a Poczta Polska number typed with spaces', async () => {
    const order = ds.erpSaleOrders.find((o) => o.channel === 'eshop' && deliveryOf(o.id).state === 'done')!;
    const records = await fetch(new URL('/__simulator/records', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'stock.picking': [
          {
            id: deliveryOf(order.id).id,
            carrier_tracking_ref: '600000000000000000000001,600000000000000000000002; 00659007734210841438',
          },
        ],
      }),
    });
    expect(records.status).toBe(201);
    sim.control.resetCounters();
    const result = await entities(refs('600000000000000000000002', '00659 00773 42108 41438', '60000000000000000000000'), HITS);
    const hit = {
      recognised: true,
      hits: [{ ref: { typename: 'EshopOrder', id: `eshop:${order.channelOrderId}` }, kind: 'TRACKING_NUMBER', placedAt: iso(order.dateOrder) }],
    };
    // the third is a prefix of the stored numbers: the ilike superset finds the delivery, the exact comparison drops it
    expect(result.data?._entities?.map((e) => e?.['erpHits'])).toEqual([hit, hit, { recognised: true, hits: [] }]);
    expect(odooCalls(sim)).toEqual({ 'stock.picking.search_read': 1, 'sale.order.search_read': 1 });
  });

  it('nulls only the hits, with the error, when Odoo fails', async () => {
    sim.control.addFaults([{ kind: 'status', status: 503, count: 10 }]);
    const result = await entities(refs(eshopOrder.name), HITS);
    expect(result.data?._entities?.[0]).toEqual({ reference: eshopOrder.name, erpHits: null });
    expect(result.errors?.[0]?.extensions?.['code']).toMatch(/^UPSTREAM_/);
  });
});

const b2b = ds.erpPartners.find((p) => p.id === 100)!;

describe('CustomerLookup.erpIdentities', () => {
  it('finds the demo B2B partner by NIP, company name (any case, no diacritics) and phone, one call per key kind batch', async () => {
    const company = ds.erpPartners.find((p) => p.isCompany && p.id > 100 && /[łśżą]/.test(p.name))!;
    const phone = toPolishNationalNumber(b2b.phone!)!;
    const result = await entities(
      lookups('nip:6762481366', 'company:kawiarnia pod lipami', `company:${foldText(company.name)}`, `phone:${phone}`),
      `... on CustomerLookup { key erpIdentities { ${IDENTITY} } }`,
    );
    expect(result.errors).toBeUndefined();
    const [byNip, byCompany, byFolded, byPhone] = result.data!._entities!.map((e) => e!['erpIdentities'] as Array<Record<string, unknown>>);
    const partner100 = {
      source: 'ERP',
      kind: 'ERP_PARTNER',
      id: '100',
      email: 'zamowienia@podlipami.example.pl',
      phone,
      login: null,
      nip: '6762481366',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      firstName: null,
      lastName: null,
      postalCode: '31-146',
      since: iso(b2b.createdAt),
    };
    expect(byNip).toEqual([{ ...partner100, matchedOn: 'NIP_MATCH' }]);
    expect(byCompany).toEqual([{ ...partner100, matchedOn: 'COMPANY_MATCH' }]);
    expect(byFolded!.map((i) => i['id'])).toContain(String(company.id));
    expect(byPhone!.find((i) => i['id'] === '100')).toEqual({ ...partner100, matchedOn: 'PHONE_MATCH' });
    // one merged res.partner search for the four keys (no contact person here, so no commercial-partner read)
    expect(odooCalls(sim)).toEqual({ 'res.partner.search_read': 1 });
  });

  it('matches a NIP stored with the PL prefix and the company contact persons, by e-mail case-insensitively, never through relay addresses', async () => {
    const records = await fetch(new URL('/__simulator/records', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'res.partner': [
          { id: 900_001, name: 'Zakład Ślusarski Łukasz', is_company: true, vat: 'PL5260250274', email: 'Biuro@Slusarz.example.pl' },
          { id: 900_002, name: 'Łukasz Żak', is_company: false, parent_id: 900_001, email: 'lukasz@slusarz.example.pl', phone: '501 234 567' },
        ],
      }),
    });
    expect(records.status).toBe(201);
    sim.control.resetCounters();
    const relay = ds.erpChannelPartners.find((p) => p.email?.endsWith('@allegromail.pl'))!;
    const result = await entities(
      lookups(
        'nip:5260250274',
        'email:biuro@slusarz.example.pl',
        'company:zaklad slusarski lukasz',
        `email:${relay.email!.toLowerCase()}`,
        'name:lukasz zak',
        'allegroLogin:tomek_wisnia',
      ),
      `... on CustomerLookup { erpIdentities { id matchedOn email nip companyName phone } }`,
    );
    expect(result.errors).toBeUndefined();
    const lists = result.data!._entities!.map((e) => e!['erpIdentities']);
    expect(lists[0]).toEqual([
      {
        id: '900001',
        matchedOn: 'NIP_MATCH',
        email: 'Biuro@Slusarz.example.pl',
        nip: '5260250274',
        companyName: 'Zakład Ślusarski Łukasz',
        phone: null,
      },
      {
        id: '900002',
        matchedOn: 'NIP_MATCH',
        email: 'lukasz@slusarz.example.pl',
        nip: '5260250274',
        companyName: 'Zakład Ślusarski Łukasz',
        phone: '501234567',
      },
    ]);
    expect(lists[1]).toEqual([expect.objectContaining({ id: '900001', matchedOn: 'EMAIL_MATCH' })]);
    expect(lists[2]).toEqual([expect.objectContaining({ id: '900001', matchedOn: 'COMPANY_MATCH' })]);
    expect(lists.slice(3)).toEqual([[], [], []]);
    expect(odooCalls(sim)).toEqual({ 'res.partner.search_read': 1 });
  });

  it('makes no call for criteria the ERP cannot match (name, Allegro login, relay e-mail)', async () => {
    const result = await entities(
      lookups('name:anna kowalska', 'allegroLogin:ania_kowalska88', 'email:k7rq2mf9zd@allegromail.pl', 'unknown:x'),
      `... on CustomerLookup { erpIdentities { id } }`,
    );
    expect(result.data?._entities?.map((e) => e?.['erpIdentities'])).toEqual([[], [], [], []]);
    expect(odooCalls(sim)).toEqual({});
  });
});

describe('Customer.erpIdentities', () => {
  it('gives the linked partner (STORED_LINK) and partners holding the e-mail (EMAIL_MATCH) of many customers in one call', async () => {
    const contacts = ds.crmContacts.filter((c) => c.email !== null).slice(0, 60);
    const reps = contacts.map((c) => ({
      __typename: 'Customer',
      id: c.id,
      email: c.email,
      erpPartnerId: c.erpPartnerId === null ? null : String(c.erpPartnerId),
    }));
    const result = await entities(reps, `... on Customer { id erpIdentities { id matchedOn email since } }`);
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data!._entities!.map((e) => [e!['id'], e!['erpIdentities'] as Array<Record<string, unknown>>]));
    expect(byId.get('10000000006')).toEqual([
      { id: '100', matchedOn: 'STORED_LINK', email: 'zamowienia@podlipami.example.pl', since: iso(b2b.createdAt) },
    ]);
    const anna = ds.erpChannelPartners.find((p) => p.email?.toLowerCase() === 'anna.kowalska@example.pl')!;
    expect(byId.get('10000000001')).toEqual([{ id: String(anna.id), matchedOn: 'EMAIL_MATCH', email: anna.email, since: iso(anna.createdAt) }]);
    // Marek buys on Allegro only: his ERP partner holds a relay address, which never matches
    expect(byId.get('10000000004')).toEqual([]);
    for (const c of contacts) {
      const all = [...ds.erpPartners, ...ds.erpChannelPartners];
      const expected = new Set(
        all.filter((p) => p.id === c.erpPartnerId || p.email?.toLowerCase() === c.email!.toLowerCase()).map((p) => String(p.id)),
      );
      expect(new Set(byId.get(c.id)!.map((i) => i['id']))).toEqual(expected);
    }
    const calls = odooCalls(sim);
    expect(calls['res.partner.search_read']).toBe(1);
    expect(calls['res.partner.read'] ?? 0).toBeLessThanOrEqual(1);
  });
});
