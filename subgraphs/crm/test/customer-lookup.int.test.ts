/**
 * Issue 10 against the HubSpot simulator: the new `findCustomers` criteria, `customerLookup` and the `CustomerLookup`,
 * `Customer.identities`, order link / candidates and `OrderReferenceLookup` entities, fed the channel lists directly
 * as `_entities` representations (what the gateway sends after asking the channels), with HubSpot calls counted.
 */
import type { SimulatorStack } from '@omnigraph/simulator-stack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrmServer, type CrmServer } from '../src/create-crm-server.ts';
import { BATCH_READ, createTestCrmClient, DEMO, HUBSPOT_TOKEN, hubspotCalls, SEARCH, startCrmTestStack } from './crm-test-support.ts';

let stack: SimulatorStack;
let crm: CrmServer;

interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function execute(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const response = await crm.server.executeOperation({ query, variables }, { contextValue: crm.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const total = () => stack.hubspot.control.counters().total;
const NOWAK = { id: '10000000006', secondary: 'm.nowak@podlipami.example.pl' };
const EWA = { id: '10000000005' };

beforeAll(async () => {
  stack = await startCrmTestStack();
  // no cache: every test counts real upstream calls
  crm = createCrmServer({ client: createTestCrmClient(stack) });
});
afterAll(async () => {
  await crm.server.stop();
  await stack.close();
});
beforeEach(() => {
  stack.hubspot.control.resetCounters();
});

const FIND = /* GraphQL */ `
  query ($email: String, $phone: String, $name: String, $allegroLogin: String, $company: String, $first: Int) {
    findCustomers(email: $email, phone: $phone, name: $name, allegroLogin: $allegroLogin, company: $company, first: $first) {
      id
      name
      companyName
      additionalEmails
    }
  }
`;
const ids = (result: Result) => (result.data?.['findCustomers'] as { id: string }[] | null)?.map((c) => c.id);

describe('findCustomers: the new criteria', () => {
  it.each(['Wisniewski', 'WIŚNIEWSKI', 'wiśniewski', 'Tomasz Wisniewski', 'TOMASZ WIŚNIEWSKI'])(
    'finds Tomasz Wiśniewski by %j (case and Polish diacritics ignored) with one search',
    async (name) => {
      const result = await execute(FIND, { name, first: 100 });
      expect(result.errors).toBeUndefined();
      expect(ids(result)).toContain(DEMO.tomasz.id);
      expect(hubspotCalls(stack, SEARCH)).toBe(1);
      // exact after the coarse search: every answer really carries the word
      for (const c of result.data?.['findCustomers'] as { name: string }[]) expect(c.name).toMatch(/wi[sś]niewsk/i);
    },
  );

  it('finds a name the CRM holds without Polish letters by a query with them', async () => {
    const created = await fetch(`${stack.urls.hubspot}/crm/v3/objects/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { email: 'lukasz.zolkiewski@example.pl', firstname: 'Lukasz', lastname: 'Zolkiewski' } }),
    });
    const { id } = (await created.json()) as { id: string };
    stack.hubspot.control.resetCounters();
    expect(ids(await execute(FIND, { name: 'Łukasz Żółkiewski' }))).toEqual([id]);
    expect(ids(await execute(FIND, { name: 'żółkiewski' }))).toEqual([id]);
  });

  it('finds by Allegro login with one batch read', async () => {
    expect(ids(await execute(FIND, { allegroLogin: 'tomek_wisnia' }))).toEqual([DEMO.tomasz.id]);
    expect(ids(await execute(FIND, { allegroLogin: 'nobody_here_1' }))).toEqual([]);
    expect(hubspotCalls(stack, BATCH_READ)).toBe(2);
    expect(total()).toBe(2);
  });

  it('finds by company name, case and diacritics ignored, every word a word of the company', async () => {
    for (const company of ['Kawiarnia Pod Lipami', 'KAWIARNIA pod lipami sp. z o.o.', 'lipami']) {
      const result = await execute(FIND, { company });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['findCustomers']).toContainEqual(
        expect.objectContaining({ id: NOWAK.id, companyName: 'Kawiarnia Pod Lipami Sp. z o.o.', additionalEmails: [NOWAK.secondary] }),
      );
    }
    expect(ids(await execute(FIND, { company: 'Kawiarnia Pod Dębami' }))).not.toContain(NOWAK.id);
  });

  it('finds by an additional e-mail with one search, and never through an Allegro relay address', async () => {
    expect(ids(await execute(FIND, { email: NOWAK.secondary.toUpperCase() }))).toEqual([NOWAK.id]);
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
    stack.hubspot.control.resetCounters();
    // Anna's CRM record keeps her stripped relay address among the additional e-mails
    expect(await execute(FIND, { email: 'k7rq2mf9zd@allegromail.pl' })).toEqual({ data: { findCustomers: [] } });
    expect(total()).toBe(0);
  });

  it('hides relay addresses from additionalEmails', async () => {
    const result = await execute(FIND, { email: DEMO.anna.email });
    expect(result.data?.['findCustomers']).toEqual([expect.objectContaining({ id: DEMO.anna.id, additionalEmails: [] })]);
  });

  it.each([
    [{ allegroLogin: 'a b' }, 'a malformed login'],
    [{ company: ' ' }, 'a blank company'],
    [{ company: 'x', name: 'y' }, 'two criteria'],
  ])('refuses %j (%s) with BAD_USER_INPUT and no upstream call', async (variables: Record<string, unknown>, _case: string) => {
    const result = await execute(FIND, variables);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(total()).toBe(0);
  });
});

describe('Query.customerLookup', () => {
  it('validates the criterion and names the lookup by its normalised key, without an upstream call', async () => {
    const result = await execute(`{
      a: customerLookup(nip: "PL 676-248-13-66") { key }
      b: customerLookup(name: "Tomasz WIŚNIEWSKI", first: 20) { key }
      c: customerLookup(phone: "0048 600 100 200") { key }
    }`);
    expect(result).toEqual({
      data: { a: { key: 'nip:6762481366' }, b: { key: 'name@20:tomasz wisniewski' }, c: { key: 'phone:600100200' } },
    });
    expect(total()).toBe(0);
  });

  it('refuses a malformed criterion with BAD_USER_INPUT', async () => {
    const result = await execute(`{ customerLookup(nip: "6762481367") { key } }`);
    expect(result.data).toEqual({ customerLookup: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

const LOOKUP_ENTITY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on CustomerLookup {
        key
        matches {
          customer {
            id
          }
          rules
          sources
        }
        unavailableSources
      }
    }
  }
`;

function lookup(key: string, lists: Partial<Record<'eshopIdentities' | 'marketplaceIdentities' | 'erpIdentities', unknown[] | null>>) {
  return { __typename: 'CustomerLookup', key, eshopIdentities: [], marketplaceIdentities: [], erpIdentities: [], ...lists };
}

function identity(fields: Record<string, unknown>) {
  return {
    id: null,
    email: null,
    phone: null,
    login: null,
    nip: null,
    companyName: null,
    firstName: null,
    lastName: null,
    postalCode: null,
    since: null,
    ...fields,
  };
}

async function matchesOf(representation: Record<string, unknown>) {
  const result = await execute(LOOKUP_ENTITY, { representations: [representation] });
  expect(result.errors).toBeUndefined();
  return (
    result.data?.['_entities'] as { matches: { customer: { id: string }; rules: string[]; sources: string[] }[]; unavailableSources: string[] }[]
  )[0]!;
}

describe('CustomerLookup.matches', () => {
  it('links an ERP partner found by NIP through the stored odoo_partner_id (one batch read)', async () => {
    const erp = identity({ source: 'ERP', kind: 'ERP_PARTNER', id: '100', matchedOn: 'NIP_MATCH', nip: '6762481366' });
    const found = await matchesOf(lookup('nip:6762481366', { erpIdentities: [erp] }));
    expect(found.matches).toEqual([{ customer: { id: NOWAK.id }, rules: ['STORED_LINK', 'NIP_MATCH'], sources: ['CRM', 'ERP'] }]);
    expect(found.unavailableSources).toEqual([]);
    expect(hubspotCalls(stack, BATCH_READ)).toBe(1);
    expect(total()).toBe(1);
  });

  it('unites what the CRM holds and what a channel found (e-mail of guest orders)', async () => {
    const guest = identity({ source: 'ESHOP', kind: 'ESHOP_GUEST', matchedOn: 'EMAIL_MATCH', email: DEMO.katarzyna.email });
    const found = await matchesOf(lookup(`email:${DEMO.katarzyna.email}`, { eshopIdentities: [guest] }));
    expect(found.matches).toEqual([{ customer: { id: DEMO.katarzyna.id }, rules: ['CRM_RECORD', 'EMAIL_MATCH'], sources: ['CRM', 'ESHOP'] }]);
    // the CRM's own e-mail match and the guest's address are one search
    expect(total()).toBe(1);
  });

  it('finds a customer by a phone only a channel holds (Marek’s Allegro phone), through the stored Allegro link', async () => {
    const buyer = identity({
      source: 'MARKETPLACE',
      kind: 'ALLEGRO_BUYER',
      id: '52718364',
      login: 'marek_lew77',
      matchedOn: 'PHONE_MATCH',
      phone: '789012345',
      email: 'h2vd9tkq4m+1a2b3c@allegromail.pl',
    });
    const found = await matchesOf(lookup('phone:789012345', { marketplaceIdentities: [buyer] }));
    expect(found.matches).toEqual([{ customer: { id: DEMO.marek.id }, rules: ['STORED_LINK', 'PHONE_MATCH'], sources: ['CRM', 'MARKETPLACE'] }]);
  });

  it('never links through an Allegro relay address, and names a channel that could not be asked', async () => {
    const buyer = identity({
      source: 'MARKETPLACE',
      kind: 'ALLEGRO_BUYER',
      id: '99999999',
      login: 'someone_else',
      matchedOn: 'EMAIL_MATCH',
      email: 'k7rq2mf9zd@allegromail.pl',
    });
    const found = await matchesOf(lookup('email:k7rq2mf9zd@allegromail.pl', { marketplaceIdentities: [buyer], erpIdentities: null }));
    expect(found.matches).toEqual([]);
    expect(found.unavailableSources).toEqual(['ERP']);
  });

  it('costs the same few calls for 1 or 60 identities (batched per phase), strongest first, at most `first`', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      identity({
        source: 'ESHOP',
        kind: 'ESHOP_CUSTOMER',
        id: String(2000 + i),
        matchedOn: 'NAME_MATCH',
        email: `nobody${i}@example.pl`,
        phone: `60010${String(i).padStart(4, '0')}`,
      }),
    );
    const one = await matchesOf(lookup('name:anna', { eshopIdentities: many.slice(0, 1) }));
    const callsForOne = total();
    stack.hubspot.control.resetCounters();
    const all = await matchesOf(lookup('name@50:anna', { eshopIdentities: many }));
    const callsForSixty = total();
    expect(one.matches.length).toBeGreaterThan(0);
    expect(all.matches.length).toBeLessThanOrEqual(50);
    expect(callsForSixty).toBeLessThanOrEqual(callsForOne + 2);
    // own name search (≤ 3 pages) + stored links + e-mails + phones
    expect(callsForSixty).toBeLessThanOrEqual(6);
    const strongest = all.matches.map((m) => m.rules[0]);
    expect(strongest.indexOf('NAME_MATCH') === -1 || strongest.lastIndexOf('STORED_LINK') < strongest.indexOf('NAME_MATCH')).toBe(true);
    console.info(`CustomerLookup.matches: ${callsForOne} HubSpot calls for 1 identity, ${callsForSixty} for 60`);
  });
});

describe('Customer.identities', () => {
  const IDENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Customer {
          id
          identities {
            source
            kind
            value
            link
            since
          }
        }
      }
    }
  `;

  it('lists the CRM record (relay addresses left out, phones in E.164) and the channels’ identities with their rule', async () => {
    const result = await execute(IDENTITIES, {
      representations: [
        {
          __typename: 'Customer',
          id: DEMO.anna.id,
          eshopIdentities: [
            identity({ source: 'ESHOP', kind: 'ESHOP_CUSTOMER', id: '2000', matchedOn: 'STORED_LINK', since: '2023-02-14T10:05:12.000Z' }),
          ],
          marketplaceIdentities: [
            identity({ source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', id: '38472615', login: 'ania_kowalska88', matchedOn: 'STORED_LINK' }),
          ],
          erpIdentities: null,
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    const [customer] = result.data?.['_entities'] as { identities: unknown[] }[];
    expect(customer!.identities).toEqual([
      { source: 'CRM', kind: 'EMAIL', value: DEMO.anna.email, link: 'CRM_RECORD', since: expect.any(String) },
      { source: 'CRM', kind: 'PHONE', value: '+48601234567', link: 'CRM_RECORD', since: null },
      { source: 'ESHOP', kind: 'ESHOP_CUSTOMER', value: '2000', link: 'STORED_LINK', since: '2023-02-14T10:05:12.000Z' },
      { source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', value: 'ania_kowalska88', link: 'STORED_LINK', since: null },
    ]);
    expect(total()).toBe(1);
  });
});

describe('orders: customerLink and customerCandidates', () => {
  const ORDER = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on EshopOrder {
          id
          customerLink {
            customer {
              id
            }
            rules
            sources
          }
          customerCandidates {
            customer {
              id
            }
            rules
            sources
          }
        }
        ... on MarketplaceOrder {
          id
          customerLink {
            customer {
              id
            }
            rules
            sources
          }
          customerCandidates {
            customer {
              id
            }
            rules
            sources
          }
        }
      }
    }
  `;

  it('links a registered buyer by the stored link and a guest order by its e-mail', async () => {
    const result = await execute(ORDER, {
      representations: [
        {
          __typename: 'EshopOrder',
          id: 'eshop:1',
          buyerIdentity: identity({ source: 'ESHOP', kind: 'ESHOP_CUSTOMER', id: '2001', matchedOn: 'STORED_LINK', email: DEMO.tomasz.email }),
        },
        {
          __typename: 'EshopOrder',
          id: 'eshop:2',
          buyerIdentity: identity({ source: 'ESHOP', kind: 'ESHOP_GUEST', matchedOn: 'EMAIL_MATCH', email: DEMO.katarzyna.email.toUpperCase() }),
        },
        {
          __typename: 'MarketplaceOrder',
          id: 'marketplace:1',
          buyerIdentity: identity({ source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', id: '52718364', login: 'marek_lew77', matchedOn: 'STORED_LINK' }),
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      {
        id: 'eshop:1',
        customerLink: { customer: { id: DEMO.tomasz.id }, rules: ['STORED_LINK'], sources: ['CRM', 'ESHOP'] },
        customerCandidates: [],
      },
      {
        id: 'eshop:2',
        customerLink: { customer: { id: DEMO.katarzyna.id }, rules: ['EMAIL_MATCH'], sources: ['CRM', 'ESHOP'] },
        customerCandidates: [],
      },
      {
        id: 'marketplace:1',
        customerLink: { customer: { id: DEMO.marek.id }, rules: ['STORED_LINK'], sources: ['CRM', 'MARKETPLACE'] },
        customerCandidates: [],
      },
    ]);
  });

  it('suggests candidates for unlinked Allegro buyers by phone and by name + postcode, never by relay e-mail, batched', async () => {
    const unlinked = (i: number, fields: Record<string, unknown>) => ({
      __typename: 'MarketplaceOrder',
      id: `marketplace:u${i}`,
      buyerIdentity: identity({
        source: 'MARKETPLACE',
        kind: 'ALLEGRO_BUYER',
        id: String(90000000 + i),
        login: `stranger_${i}`,
        matchedOn: 'STORED_LINK',
        email: 'k7rq2mf9zd+x@allegromail.pl',
        ...fields,
      }),
    });
    const representations = [
      unlinked(1, { phone: '+48 600 100 200' }),
      unlinked(2, { firstName: 'ANNA', lastName: 'Kowalska', postalCode: '60144' }),
      unlinked(3, { firstName: 'Ewa', lastName: 'Dabrowska', postalCode: '31-159' }),
      ...Array.from({ length: 20 }, (_, i) =>
        unlinked(10 + i, { phone: `50099${String(i).padStart(4, '0')}`, firstName: 'X', lastName: 'Y', postalCode: `00-${String(100 + i)}` }),
      ),
    ];
    const result = await execute(ORDER, { representations });
    expect(result.errors).toBeUndefined();
    const orders = result.data?.['_entities'] as { customerLink: unknown; customerCandidates: { customer: { id: string }; rules: string[] }[] }[];
    expect(orders[0]).toMatchObject({ customerLink: null, customerCandidates: [{ customer: { id: DEMO.tomasz.id }, rules: ['PHONE_MATCH'] }] });
    expect(orders[1]).toMatchObject({ customerLink: null, customerCandidates: [{ customer: { id: DEMO.anna.id }, rules: ['NAME_MATCH'] }] });
    expect(orders[2]).toMatchObject({ customerLink: null, customerCandidates: [{ customer: { id: EWA.id }, rules: ['NAME_MATCH'] }] });
    // 23 orders: stored links (2 batch reads: buyer ids, logins), one phone search, one postcode search
    expect(hubspotCalls(stack, BATCH_READ)).toBe(2);
    expect(hubspotCalls(stack, SEARCH)).toBe(2);
    expect(total()).toBe(4);
  });
});

describe('OrderReferenceLookup', () => {
  const BY_REF = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on OrderReferenceLookup {
          reference
          order {
            __typename
            id
          }
          matches {
            kind
            order {
              id
            }
          }
        }
      }
    }
  `;
  const none = { recognised: false, hits: [] };
  const ref = (reference: string, hits: Record<string, unknown>) => ({
    __typename: 'OrderReferenceLookup',
    reference,
    eshopHits: none,
    marketplaceHits: none,
    erpHits: none,
    ...hits,
  });

  it('answers the newest order a reference names, and every match newest first', async () => {
    const result = await execute(BY_REF, {
      representations: [
        ref('620000000000012345', {
          erpHits: {
            recognised: true,
            hits: [
              { ref: { typename: 'EshopOrder', id: 'eshop:10001' }, kind: 'TRACKING_NUMBER', placedAt: '2026-01-02T10:00:00Z' },
              { ref: { typename: 'MarketplaceOrder', id: 'marketplace:abc' }, kind: 'TRACKING_NUMBER', placedAt: '2026-03-02T10:00:00Z' },
            ],
          },
        }),
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      {
        reference: '620000000000012345',
        order: { __typename: 'MarketplaceOrder', id: 'marketplace:abc' },
        matches: [
          { kind: 'TRACKING_NUMBER', order: { id: 'marketplace:abc' } },
          { kind: 'TRACKING_NUMBER', order: { id: 'eshop:10001' } },
        ],
      },
    ]);
    expect(total()).toBe(0);
  });

  it.each([
    ['recognised somewhere, found nowhere', { eshopHits: { recognised: true, hits: [] } }, 'NOT_FOUND'],
    ['recognised nowhere', {}, 'BAD_USER_INPUT'],
    ['a channel could not be asked', { marketplaceHits: null }, 'UPSTREAM_UNAVAILABLE'],
  ])('answers null when %s (%j) with %s', async (_case, hits, code) => {
    const result = await execute(BY_REF, { representations: [ref('99999999', hits)] });
    expect(result.data?.['_entities']).toEqual([null]);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toContain(code);
  });
});
