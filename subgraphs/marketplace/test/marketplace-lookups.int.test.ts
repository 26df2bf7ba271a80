/**
 * The marketplace's part of customer lookups, customer identities and order references, against the Allegro
 * simulator, sent as the gateway sends them (`_entities`), with the simulator's request counters.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { getDataset } from '@omnigraph/simulator-dataset';
import { refreshBuyerDirectory } from '../src/lookup/buyer-directory.ts';
import { COUNTER, startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

// See marketplace-subgraph.int.test.ts: pin graphql to its CommonJS build under vitest (dual-package hazard).
vi.mock('graphql', () => createRequire(import.meta.url)('graphql') as Record<string, unknown>);

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}
type Identity = Record<string, unknown>;
type Hits = { recognised: boolean; hits: { ref: { typename: string; id: string }; kind: string; placedAt: string | null }[] };

let h: MarketplaceHarness;
// the harness's dataset (scale 0.3, default seed)
const dataset = getDataset({ scale: 0.3 });

async function execute(query: string, variables: Record<string, unknown>): Promise<Result> {
  const response = await h.marketplace.server.executeOperation({ query, variables }, { contextValue: h.marketplace.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

function entities(result: Result): Record<string, unknown>[] {
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] ?? []) as Record<string, unknown>[];
}

const IDENTITY_FIELDS = 'source kind id matchedOn email phone login nip companyName firstName lastName postalCode since';
const LOOKUPS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on CustomerLookup { key marketplaceIdentities { ${IDENTITY_FIELDS} } } }
  }
`;
const REFERENCES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on OrderReferenceLookup {
        reference
        marketplaceHits {
          recognised
          hits {
            ref {
              typename
              id
            }
            kind
            placedAt
          }
        }
      }
    }
  }
`;
const CUSTOMER_BOTH = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer { id marketplaceIdentities { ${IDENTITY_FIELDS} } }
    }
  }
`;
const ORDER_BUYER = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on MarketplaceOrder { id buyerIdentity { ${IDENTITY_FIELDS} } } }
  }
`;

beforeAll(async () => {
  h = await startMarketplaceHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  h.sim.control.clearFaults();
  await h.close().catch(() => undefined);
  h = await startMarketplaceHarness({ cache: createMemoryCache() });
  h.sim.control.resetCounters();
});

function buyerOf(login: string) {
  return dataset.allegroBuyers.find((b) => b.login === login)!;
}

describe('CustomerLookup.marketplaceIdentities', () => {
  it('finds marek_lew77 by login, with the phone the CRM does not hold, since his first purchase, in one list call', async () => {
    const marek = buyerOf('marek_lew77');
    const result = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'allegroLogin:marek_lew77' }] });
    const [lookup] = entities(result);
    const identities = lookup?.['marketplaceIdentities'] as Identity[];
    const forms = dataset.allegroCheckoutForms.filter((f) => f.buyerId === marek.id);
    expect(identities).toEqual([
      {
        source: 'MARKETPLACE',
        kind: 'ALLEGRO_BUYER',
        id: marek.id,
        matchedOn: 'STORED_LINK',
        email: null,
        phone: '789012345',
        login: 'marek_lew77',
        nip: null,
        companyName: null,
        firstName: 'Marek',
        lastName: 'Lewandowski',
        postalCode: marek.address.zip,
        since: expect.any(String),
      },
    ]);
    const earliest = forms.map((f) => f.boughtAt).sort()[0]!;
    expect(Date.parse(identities[0]!['since'] as string)).toBeLessThanOrEqual(Date.parse(earliest) + 60_000);
    expect(h.count(COUNTER.listForms)).toBe(1);
    expect(h.count(COUNTER.getForm)).toBe(0);
  });

  it('finds marek_lew77 by the Allegro phone the CRM does not hold, through the buyer directory: no Allegro call for the lookup', async () => {
    // before any form was read: unknown
    const before = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'phone:789012345' }] });
    expect(entities(before)[0]?.['marketplaceIdentities']).toEqual([]);

    // the start-up backfill (index.ts): one page of the newest 100 forms
    expect(await refreshBuyerDirectory({ client: h.client, directory: h.marketplace.buyerDirectory, pages: 1 })).toBe(100);
    expect(h.count(COUNTER.listForms)).toBe(1);
    h.sim.control.resetCounters();

    const marek = buyerOf('marek_lew77');
    const result = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'phone:789012345' }] });
    expect(entities(result)[0]?.['marketplaceIdentities']).toEqual([
      expect.objectContaining({
        kind: 'ALLEGRO_BUYER',
        id: marek.id,
        login: 'marek_lew77',
        matchedOn: 'PHONE_MATCH',
        phone: '789012345',
        email: null,
        since: expect.any(String),
      }),
    ]);
    expect(h.sim.control.counters().endpoints).toEqual({});
  });

  it('indexes the buyers of forms it reads anyway: a login lookup makes the phone findable', async () => {
    await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'allegroLogin:tomek_wisnia' }] });
    const result = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'phone:600100200' }] });
    expect(entities(result)[0]?.['marketplaceIdentities']).toEqual([expect.objectContaining({ login: 'tomek_wisnia', matchedOn: 'PHONE_MATCH' })]);
  });

  it('answers every other criterion with [] and no Allegro call; an unknown login with []', async () => {
    const keys = [
      'email:k7rq2mf9zd@allegromail.pl',
      'email:anna.kowalska@example.pl',
      'name:marek lewandowski',
      'company:kawiarnia pod lipami',
      'nip:6762481366',
    ];
    const result = await execute(LOOKUPS, { representations: keys.map((key) => ({ __typename: 'CustomerLookup', key })) });
    expect(entities(result).map((l) => l['marketplaceIdentities'])).toEqual(keys.map(() => []));
    expect(h.sim.control.counters().endpoints[COUNTER.listForms] ?? 0).toBe(0);

    const unknown = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'allegroLogin:nobody_here_123' }] });
    expect(entities(unknown)[0]?.['marketplaceIdentities']).toEqual([]);
  });

  it('is null with the error when Allegro fails', async () => {
    h.sim.control.addFaults([{ kind: 'status', status: 503, count: 20 }]);
    const result = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'allegroLogin:marek_lew77' }] });
    expect((result.data?.['_entities'] as { marketplaceIdentities: unknown }[])[0]?.marketplaceIdentities).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toMatch(/^UPSTREAM_/);
  });
});

describe('Customer.marketplaceIdentities', () => {
  it("gives anna's buyer account (STORED_LINK), since her first purchase, with one listing per login", async () => {
    const representations = [
      { __typename: 'Customer', id: 'c1', allegroBuyerLogin: 'ania_kowalska88' },
      { __typename: 'Customer', id: 'c2', allegroBuyerLogin: 'tomek_wisnia' },
      { __typename: 'Customer', id: 'c5', allegroBuyerLogin: null },
    ];
    const [anna, tomasz, ewa] = entities(await execute(CUSTOMER_BOTH, { representations }));
    const annaOrders = await h.client.listOrdersByBuyerLogin({ buyerLogin: 'ania_kowalska88' });
    expect(anna?.['marketplaceIdentities']).toEqual([
      expect.objectContaining({
        kind: 'ALLEGRO_BUYER',
        id: buyerOf('ania_kowalska88').id,
        login: 'ania_kowalska88',
        matchedOn: 'STORED_LINK',
        email: null,
        phone: '601234567',
        since: annaOrders.map((o) => o.placedAt).sort()[0],
      }),
    ]);
    expect(tomasz?.['marketplaceIdentities']).toEqual([expect.objectContaining({ login: 'tomek_wisnia', phone: '600100200' })]);
    expect(ewa?.['marketplaceIdentities']).toEqual([]);
  });
});

describe('MarketplaceOrder.buyerIdentity', () => {
  it('reads the buyer from the checkout form, never the relay e-mail', async () => {
    const marek = buyerOf('marek_lew77');
    const form = dataset.allegroCheckoutForms.find((f) => f.buyerId === marek.id)!;
    const result = await execute(ORDER_BUYER, { representations: [{ __typename: 'MarketplaceOrder', id: `marketplace:${form.id}` }] });
    expect(entities(result)[0]?.['buyerIdentity']).toEqual({
      source: 'MARKETPLACE',
      kind: 'ALLEGRO_BUYER',
      id: marek.id,
      matchedOn: 'STORED_LINK',
      email: null,
      phone: '789012345',
      login: 'marek_lew77',
      nip: null,
      companyName: null,
      firstName: 'Marek',
      lastName: 'Lewandowski',
      postalCode: marek.address.zip,
      since: null,
    });
    expect(JSON.stringify(result)).not.toContain('allegromail');
  });
});

describe('OrderReferenceLookup.marketplaceHits', () => {
  it('finds a checkout form by its id (any case), recognises an unknown UUID without hits, and nothing else costs a call', async () => {
    const form = dataset.allegroCheckoutForms[0]!;
    const references = [
      form.id,
      form.id.toUpperCase(),
      '00000000-0000-1000-8000-000000000000',
      '15228',
      '#15228',
      'S00042',
      '0',
      '1'.repeat(24),
      'x'.repeat(100_000),
    ];
    const result = await execute(REFERENCES, { representations: references.map((reference) => ({ __typename: 'OrderReferenceLookup', reference })) });
    const hits = entities(result).map((e) => e['marketplaceHits'] as Hits);
    expect(hits[0]).toEqual({
      recognised: true,
      hits: [{ ref: { typename: 'MarketplaceOrder', id: `marketplace:${form.id}` }, kind: 'ALLEGRO_CHECKOUT_FORM_ID', placedAt: expect.any(String) }],
    });
    expect(hits[1]).toEqual(hits[0]);
    expect(hits[2]).toEqual({ recognised: true, hits: [] });
    expect(hits.slice(3)).toEqual(references.slice(3).map(() => ({ recognised: false, hits: [] })));
    // one read per distinct form id; the non-UUIDs cost nothing
    expect(h.count(COUNTER.getForm)).toBe(2);
  });
});
