/**
 * The e-shop's part of customer lookups, customer identities and order references, against the WooCommerce
 * simulator, sent as the gateway sends them (`_entities` representations: CustomerLookup by key, OrderReferenceLookup
 * by reference, Customer with its required fields), with the simulator's request counters: calls are bounded per
 * lookup and do not grow with the identities or hits found.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { createWooCommerceSimulator, DEFAULT_CREDENTIALS, type WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { createEshopServer, type EshopServer } from '../src/create-eshop-server.ts';
import { compileOrderNumberPattern } from '../src/lookup/eshop-order-numbers.ts';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import { DEMO, ORDERS_LIST, startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

const CUSTOMERS_LIST = 'GET /wp-json/wc/v3/customers';

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}
type Identity = Record<string, unknown>;
type Hits = { recognised: boolean; hits: { ref: { typename: string; id: string }; kind: string; placedAt: string | null }[] };

let bed: WooCommerceTestBed;
let subgraph: EshopServer;

function buildSubgraph(baseUrl: string, options: { nipMetaKey?: string; orderNumberPattern?: string } = {}): EshopServer {
  const pattern = compileOrderNumberPattern(options.orderNumberPattern);
  return createEshopServer({
    client: createEshopClient({
      baseUrl,
      consumerKey: DEFAULT_CREDENTIALS.consumerKey,
      consumerSecret: DEFAULT_CREDENTIALS.consumerSecret,
      timeoutMs: 5_000,
      currency: 'PLN',
      nipMetaKey: options.nipMetaKey,
      pluginOrderNumbers: pattern !== null,
    }),
    cache: createMemoryCache(),
    cacheTtlSeconds: 60,
    nipLookup: options.nipMetaKey !== undefined,
    orderNumberPattern: pattern,
  });
}

async function execute(query: string, variables: Record<string, unknown>, on: EshopServer = subgraph): Promise<GraphQLResult> {
  const response = await on.server.executeOperation({ query, variables }, { contextValue: on.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult;
}

const IDENTITY_FIELDS = 'source kind id matchedOn email phone login nip companyName firstName lastName postalCode since';

const LOOKUPS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on CustomerLookup { key eshopIdentities { ${IDENTITY_FIELDS} } }
    }
  }
`;
const REFERENCES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on OrderReferenceLookup {
        reference
        eshopHits {
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
const CUSTOMERS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer { id eshopIdentities { ${IDENTITY_FIELDS} } }
    }
  }
`;
const CUSTOMERS_WITH_SUMMARIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer { id eshopIdentities { ${IDENTITY_FIELDS} } }
    }
  }
`;
const ORDER_BUYER = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on EshopOrder { id buyerIdentity { ${IDENTITY_FIELDS} } }
    }
  }
`;

function data(result: GraphQLResult): Record<string, unknown>[] {
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] ?? []) as Record<string, unknown>[];
}

async function lookup(...keys: string[]): Promise<Identity[][]> {
  const result = await execute(LOOKUPS, { representations: keys.map((key) => ({ __typename: 'CustomerLookup', key })) });
  return data(result).map((entity) => entity['eshopIdentities'] as Identity[]);
}

async function references(...refs: string[]): Promise<Hits[]> {
  const result = await execute(REFERENCES, { representations: refs.map((reference) => ({ __typename: 'OrderReferenceLookup', reference })) });
  return data(result).map((entity) => entity['eshopHits'] as Hits);
}

function ordersOf(predicate: (o: (typeof bed.dataset.eshopOrders)[number]) => boolean) {
  return bed.dataset.eshopOrders.filter(predicate).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function gmt(value: string): string {
  return `${value}Z`;
}

function customerCreated(id: number): string {
  return gmt(bed.simulator.woo.store.customers.get(id)!.date_created_gmt);
}

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
});

afterAll(async () => {
  await bed.close();
});

beforeEach(async () => {
  bed.simulator.control.clearFaults();
  subgraph = buildSubgraph(bed.baseUrl);
  await bed.resetCounters();
});

describe('CustomerLookup.eshopIdentities', () => {
  it("finds anna-kowalska's account by e-mail (EMAIL_MATCH, since the account was created) in 1 + 1 calls", async () => {
    const [identities] = await lookup('email:anna.kowalska@example.pl');
    expect(identities).toEqual([
      {
        source: 'ESHOP',
        kind: 'ESHOP_CUSTOMER',
        id: DEMO.anna.eshopCustomerId,
        matchedOn: 'EMAIL_MATCH',
        email: DEMO.anna.email,
        phone: '601234567',
        login: null,
        nip: null,
        companyName: null,
        firstName: 'Anna',
        lastName: 'Kowalska',
        postalCode: '60-144',
        since: customerCreated(2000),
      },
    ]);
    expect(await bed.counters()).toEqual({ [CUSTOMERS_LIST]: 1, [ORDERS_LIST]: 1 });
  });

  it("finds katarzyna-guest's guest orders by e-mail (ESHOP_GUEST, no id, since her first guest order)", async () => {
    const [identities] = await lookup(`email:${DEMO.katarzyna.email}`);
    const guestOrders = bed.dataset.eshopOrders.filter((o) => o.billing.email === DEMO.katarzyna.email);
    const first = guestOrders.map((o) => bed.simulator.woo.store.orders.get(o.id)!.date_created_gmt).sort()[0]!;
    expect(identities).toEqual([
      expect.objectContaining({
        kind: 'ESHOP_GUEST',
        id: null,
        matchedOn: 'EMAIL_MATCH',
        email: DEMO.katarzyna.email,
        phone: '512345678',
        since: gmt(first),
      }),
    ]);
    expect(await bed.counters()).toEqual({ [CUSTOMERS_LIST]: 1, [ORDERS_LIST]: 1 });
  });

  it('finds tomasz-wisniewski by phone in any spelling, typed "(+48) 600 100 200" in his orders: bounded calls whatever his 262 orders', async () => {
    const [identities] = await lookup('phone:600100200');
    expect(identities).toEqual([
      expect.objectContaining({
        kind: 'ESHOP_CUSTOMER',
        id: DEMO.tomasz.eshopCustomerId,
        matchedOn: 'PHONE_MATCH',
        email: DEMO.tomasz.email,
        phone: '600100200',
        since: customerCreated(2001),
      }),
    ]);
    const counters = await bed.counters();
    // 4 spellings × at most 2 pages, and one batch read of the customers found
    expect(counters[ORDERS_LIST]).toBeLessThanOrEqual(8);
    expect(counters[CUSTOMERS_LIST]).toBe(1);
  });

  it('finds a landline typed "+48 12 422 18 90" (the B2B customer) and a guest by her compact number', async () => {
    const [b2b, guest] = await lookup('phone:124221890', 'phone:512345678');
    expect(b2b).toEqual([
      expect.objectContaining({
        kind: 'ESHOP_CUSTOMER',
        id: '2002',
        companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
        phone: '124221890',
        matchedOn: 'PHONE_MATCH',
      }),
    ]);
    expect(guest).toEqual([expect.objectContaining({ kind: 'ESHOP_GUEST', email: DEMO.katarzyna.email, matchedOn: 'PHONE_MATCH' })]);
  });

  it('finds the B2B customer by company name (folded, legal form ignored)', async () => {
    const [identities] = await lookup('company:kawiarnia pod lipami');
    expect(identities).toEqual([
      expect.objectContaining({ kind: 'ESHOP_CUSTOMER', id: '2002', matchedOn: 'COMPANY_MATCH', companyName: 'Kawiarnia Pod Lipami Sp. z o.o.' }),
    ]);
    const counters = await bed.counters();
    expect(counters[ORDERS_LIST]).toBeLessThanOrEqual(2);
    expect(counters[CUSTOMERS_LIST]).toBe(1);
  });

  it('answers name, Allegro login, NIP (no NIP meta key configured), relay e-mails and unknown keys with [] and no call', async () => {
    const results = await lookup(
      'name:tomasz wisniewski',
      'allegroLogin:tomek_wisnia',
      'nip:6762481366',
      'email:k7rq2mf9zd@allegromail.pl',
      'pesel:123',
      'garbage',
    );
    expect(results).toEqual([[], [], [], [], [], []]);
    expect(await bed.counters()).toEqual({});
  });

  it('is null with the error when WooCommerce fails, for that lookup only', async () => {
    bed.simulator.control.addFaults([{ kind: 'status', status: 503, count: 20 }]);
    const result = await execute(LOOKUPS, {
      representations: [
        { __typename: 'CustomerLookup', key: 'phone:600100200' },
        { __typename: 'CustomerLookup', key: 'name:x' },
      ],
    });
    const lookups = result.data?.['_entities'] as { eshopIdentities: Identity[] | null }[];
    expect(lookups[0]?.eshopIdentities).toBeNull();
    expect(lookups[1]?.eshopIdentities).toEqual([]);
    expect(result.errors?.[0]?.extensions?.['code']).toMatch(/^UPSTREAM_/);
  });
});

describe('CustomerLookup by NIP (ESHOP_NIP_META_KEY)', () => {
  let shop: WooCommerceSimulator;
  let shopUrl: string;

  beforeAll(async () => {
    // a checkout plugin that stores `_billing_nip` and makes it searchable
    shop = createWooCommerceSimulator({ dataset: bed.dataset, orderSearchMetaKeys: ['_billing_nip'] });
    shopUrl = await shop.listen(0, '127.0.0.1');
    const b2bOrder = ordersOf((o) => o.customerId === 2002)[0]!;
    const stored = shop.woo.store.orders.get(b2bOrder.id)!;
    shop.woo.store.putOrder({ ...stored, meta_data: [...stored.meta_data, { id: 999_001, key: '_billing_nip', value: '676-248-13-66' }] });
  });

  afterAll(async () => {
    await shop.close();
  });

  it('finds the order carrying the NIP in any spelling and reads it on the order', async () => {
    const nipShop = buildSubgraph(shopUrl, { nipMetaKey: '_billing_nip' });
    const result = await execute(LOOKUPS, { representations: [{ __typename: 'CustomerLookup', key: 'nip:6762481366' }] }, nipShop);
    expect(data(result)[0]?.['eshopIdentities']).toEqual([
      expect.objectContaining({ kind: 'ESHOP_CUSTOMER', id: '2002', nip: '6762481366', matchedOn: 'NIP_MATCH' }),
    ]);
  });
});

describe('Customer.eshopIdentities', () => {
  it("gives anna-kowalska's linked account (STORED_LINK, since her first order)", async () => {
    const result = await execute(CUSTOMERS, {
      representations: [{ __typename: 'Customer', id: 'c1', email: DEMO.anna.email, eshopCustomerId: '2000' }],
    });
    const anna = ordersOf((o) => o.customerId === 2000);
    const first = anna.map((o) => bed.simulator.woo.store.orders.get(o.id)!.date_created_gmt).sort()[0]!;
    expect(data(result)[0]?.['eshopIdentities']).toEqual([
      expect.objectContaining({
        kind: 'ESHOP_CUSTOMER',
        id: '2000',
        matchedOn: 'STORED_LINK',
        email: DEMO.anna.email,
        phone: '601234567',
        since: gmt(first),
      }),
    ]);
  });

  it("gives katarzyna-guest's guest orders (EMAIL_MATCH) and nothing for a customer the shop does not know", async () => {
    const result = await execute(CUSTOMERS, {
      representations: [
        { __typename: 'Customer', id: 'c3', email: DEMO.katarzyna.email, eshopCustomerId: null },
        { __typename: 'Customer', id: 'c5', email: DEMO.ewa.email, eshopCustomerId: null },
      ],
    });
    const [katarzyna, ewa] = data(result);
    expect(katarzyna?.['eshopIdentities']).toEqual([
      expect.objectContaining({ kind: 'ESHOP_GUEST', id: null, matchedOn: 'EMAIL_MATCH', email: DEMO.katarzyna.email }),
    ]);
    expect(ewa?.['eshopIdentities']).toEqual([]);
  });

  it("answers several customers' identities in one request", async () => {
    const representations = [
      { __typename: 'Customer', id: 'c1', email: DEMO.anna.email, eshopCustomerId: '2000' },
      { __typename: 'Customer', id: 'c2', email: DEMO.tomasz.email, eshopCustomerId: '2001' },
      { __typename: 'Customer', id: 'c3', email: DEMO.katarzyna.email, eshopCustomerId: null },
    ];
    const both = data(await execute(CUSTOMERS_WITH_SUMMARIES, { representations }));
    expect(both.map((c) => (c['eshopIdentities'] as Identity[]).length)).toEqual([1, 1, 1]);
  });
});

describe('EshopOrder.buyerIdentity', () => {
  it('reads the buyer from the order itself: the account for a registered order, the guest for a guest order', async () => {
    const registered = ordersOf((o) => o.customerId === 2002)[0]!;
    const guest = ordersOf((o) => o.billing.email === DEMO.katarzyna.email)[0]!;
    const result = await execute(ORDER_BUYER, {
      representations: [
        { __typename: 'EshopOrder', id: `eshop:${registered.id}` },
        { __typename: 'EshopOrder', id: `eshop:${guest.id}` },
      ],
    });
    const [b2b, kasia] = data(result);
    expect(b2b?.['buyerIdentity']).toEqual({
      source: 'ESHOP',
      kind: 'ESHOP_CUSTOMER',
      id: '2002',
      matchedOn: 'STORED_LINK',
      email: 'zamowienia@podlipami.example.pl',
      phone: '124221890',
      login: null,
      // the order's `_billing_nip` (a known NIP plugin key) without ESHOP_NIP_META_KEY, as its invoice data reads it
      nip: '6762481366',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      firstName: 'Magdalena',
      lastName: 'Nowak',
      postalCode: '31-146',
      since: null,
    });
    expect(kasia?.['buyerIdentity']).toMatchObject({
      kind: 'ESHOP_GUEST',
      id: null,
      matchedOn: 'EMAIL_MATCH',
      email: DEMO.katarzyna.email,
      phone: '512345678',
    });
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
  });
});

describe('OrderReferenceLookup.eshopHits', () => {
  it('finds orders by number as the shop shows it (15228, #15228, padded) in one batch call for all of them', async () => {
    const [a, b, c] = bed.dataset.eshopOrders.slice(0, 3);
    const hits = await references(String(a!.id), `#${b!.id}`, `00${c!.id}`);
    expect(hits.map((h) => h.hits.map((hit) => hit.ref.id))).toEqual([[`eshop:${a!.id}`], [`eshop:${b!.id}`], [`eshop:${c!.id}`]]);
    expect(hits[0]).toEqual({
      recognised: true,
      hits: [
        {
          ref: { typename: 'EshopOrder', id: `eshop:${a!.id}` },
          kind: 'ESHOP_ORDER_NUMBER',
          placedAt: gmt(bed.simulator.woo.store.orders.get(a!.id)!.date_created_gmt),
        },
      ],
    });
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
  });

  it('answers a well-formed unknown number as recognised without hits, and malformed references as not recognised with no call', async () => {
    const hits = await references('99999999');
    expect(hits).toEqual([{ recognised: true, hits: [] }]);
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    await bed.resetCounters();

    const none = await references('0', '#', '1'.repeat(24), '9'.repeat(19), '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50', 'S00042', 'x'.repeat(100_000));
    expect(none).toEqual([
      { recognised: false, hits: [] },
      { recognised: false, hits: [] },
      { recognised: false, hits: [] },
      // a number, but beyond any id the shop can hold: not found without asking
      { recognised: true, hits: [] },
      { recognised: false, hits: [] },
      { recognised: false, hits: [] },
      { recognised: false, hits: [] },
    ]);
    expect(await bed.counters()).toEqual({});
  });
});

describe('OrderReferenceLookup with a numbering plugin (ESHOP_ORDER_NUMBER_PATTERN)', () => {
  let shop: WooCommerceSimulator;
  let shopUrl: string;
  let renumbered: number;

  beforeAll(async () => {
    shop = createWooCommerceSimulator({ dataset: bed.dataset });
    shopUrl = await shop.listen(0, '127.0.0.1');
    // Sequential Order Numbers Pro: `_order_number_formatted` shown as `number`, found by the order search
    renumbered = bed.dataset.eshopOrders[0]!.id;
    const stored = shop.woo.store.orders.get(renumbered)!;
    shop.woo.store.putOrder({
      ...stored,
      number: 'ZAM/2026/00042',
      meta_data: [...stored.meta_data, { id: 999_002, key: '_order_number_formatted', value: 'ZAM/2026/00042' }],
    });
  });

  afterAll(async () => {
    await shop.close();
  });

  it('finds the plugin number with one search call; core-looking numbers are not this shop’s', async () => {
    const plugin = buildSubgraph(shopUrl, { orderNumberPattern: 'ZAM/\\d{4}/\\d{5}' });
    shop.control.resetCounters();
    const result = await execute(
      REFERENCES,
      {
        representations: ['#ZAM/2026/00042', 'ZAM/2026/99999', String(renumbered)].map((reference) => ({
          __typename: 'OrderReferenceLookup',
          reference,
        })),
      },
      plugin,
    );
    const hits = data(result).map((entity) => entity['eshopHits'] as Hits);
    expect(hits[0]).toEqual({
      recognised: true,
      hits: [expect.objectContaining({ ref: { typename: 'EshopOrder', id: `eshop:${renumbered}` }, kind: 'ESHOP_ORDER_NUMBER' })],
    });
    expect(hits[1]).toEqual({ recognised: true, hits: [] });
    expect(hits[2]).toEqual({ recognised: false, hits: [] });
    // one search per plugin number; none for the reference that is not one
    expect(shop.control.counters().endpoints).toEqual({ [ORDERS_LIST]: 2 });
  });

  it('core numbering does not take a renumbered order for its id', async () => {
    const core = buildSubgraph(shopUrl);
    const result = await execute(REFERENCES, { representations: [{ __typename: 'OrderReferenceLookup', reference: String(renumbered) }] }, core);
    expect(data(result)[0]?.['eshopHits']).toEqual({ recognised: true, hits: [] });
  });
});
