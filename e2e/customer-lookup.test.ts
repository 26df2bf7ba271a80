import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset, toPhoneDigits } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 10, "Done when": who is calling, through the gateway against the four simulators. Each identifier a customer
 * may give (e-mail in two cases, every phone format, a name typed without Polish letters, Allegro login, company, NIP
 * in three spellings, a secondary e-mail, a phone only a channel holds, every order reference class) finds the right
 * CRM customer; the upstream calls each row cost are recorded (simulator counters, in the order the rows run, caches
 * warm from earlier rows) and printed. Then every demo customer's identities with their rules, candidates for an
 * unlinked Allegro buyer's order, and no match through an Allegro relay address.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const demo = (key: string) => ds.demoCustomers.find((d) => d.key === key)!;
const anna = demo('anna-kowalska');
const tomasz = demo('tomasz-wisniewski');
const katarzyna = demo('katarzyna-guest');
const marek = demo('marek-allegro');
const ewa = demo('ewa-no-orders');
const nowak = demo('firma-b2b');
const DEMOS = [anna, tomasz, katarzyna, marek, ewa, nowak];

let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE });
}, 60_000);

interface CostRow {
  row: string;
  answer: string;
  calls: Record<string, number>;
}
const costs: CostRow[] = [];

afterAll(async () => {
  const width = Math.max(...costs.map((c) => c.row.length));
  const lines = costs.map(
    ({ row, answer, calls }) =>
      `${row.padEnd(width)}  ${answer.padEnd(12)}  hubspot ${calls['hubspot'] ?? 0}  woocommerce ${calls['woocommerce'] ?? 0}  allegro ${calls['allegro'] ?? 0}  odoo ${calls['odoo'] ?? 0}`,
  );
  console.log(`customer lookup — upstream calls per row (caches warm from earlier rows):\n${lines.join('\n')}`);
  await stack?.close();
});

/** Runs one operation and records what it cost upstream. */
async function measured<T = any>(row: string, query: string, variables: Record<string, unknown> = {}) {
  stack.resetCounters();
  const res = await stack.query<T>(query, variables);
  const answer = res.status >= 500 ? `HTTP ${res.status}` : res.body.errors ? String(res.body.errors[0]?.extensions?.code) : 'ok';
  costs.push({ row, answer, calls: stack.upstreamCalls() });
  return res;
}

interface Match {
  customer: { id: string };
  rules: string[];
  sources: string[];
}

const LOOKUP = (kind: string) => /* GraphQL */ `
  query ($value: String!) {
    customerLookup(${kind}: $value) {
      key
      matches { customer { id } rules sources }
      unavailableSources
    }
  }
`;

type Row = [label: string, kind: string, value: string, expected: string];

const rows: Row[] = [
  ...DEMOS.flatMap((d): Row[] => [
    [`e-mail ${d.key}`, 'email', d.email!, d.crmContactId],
    [`e-mail ${d.key} upper case`, 'email', d.email!.toUpperCase(), d.crmContactId],
  ]),
  ...['+48 600 100 200', '600-100-200', '0048600100200', '600 100 200', '(+48) 600 100 200', '48 600 100 200', '+48600100200'].map((phone): Row => [
    `phone ${phone}`,
    'phone',
    phone,
    tomasz.crmContactId,
  ]),
  ['phone +48 601 234 567', 'phone', '+48 601 234 567', anna.crmContactId],
  ['phone 0048 512 345 678', 'phone', '0048 512 345 678', katarzyna.crmContactId],
  ['phone landline (12) 422-18-90', 'phone', '(12) 422-18-90', nowak.crmContactId],
  ['name without diacritics "Tomasz Wisniewski"', 'name', 'Tomasz Wisniewski', tomasz.crmContactId],
  ['name without diacritics "Ewa Dabrowska"', 'name', 'Ewa Dabrowska', ewa.crmContactId],
  ['name upper case "ZIELIŃSKA"', 'name', 'ZIELIŃSKA', katarzyna.crmContactId],
  ['Allegro login ania_kowalska88', 'allegroLogin', 'ania_kowalska88', anna.crmContactId],
  ['Allegro login marek_lew77', 'allegroLogin', 'marek_lew77', marek.crmContactId],
  ['company "Kawiarnia Pod Lipami"', 'company', 'Kawiarnia Pod Lipami', nowak.crmContactId],
  ['company "KAWIARNIA POD LIPAMI SP. Z O.O."', 'company', 'KAWIARNIA POD LIPAMI SP. Z O.O.', nowak.crmContactId],
  ['NIP 6762481366', 'nip', '6762481366', nowak.crmContactId],
  ['NIP 676-248-13-66', 'nip', '676-248-13-66', nowak.crmContactId],
  ['NIP PL 6762481366', 'nip', 'PL 6762481366', nowak.crmContactId],
  ['secondary e-mail m.nowak@podlipami', 'email', 'm.nowak@podlipami.example.pl', nowak.crmContactId],
  ['channel-only phone (Marek on Allegro)', 'phone', '+48 789 012 345', marek.crmContactId],
];

describe('customerLookup: every identifier a caller gives finds the right customer', () => {
  it.each(rows)('%s', async (label, kind, value, expected) => {
    const res = await measured(label, LOOKUP(kind), { value });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const lookup = res.body.data.customerLookup as { matches: Match[]; unavailableSources: string[] };
    expect(lookup.matches.map((m) => m.customer.id)).toContain(expected);
    // unique identifiers name one customer, first; a name may be shared by namesakes
    if (kind !== 'name') expect(lookup.matches[0]?.customer.id).toBe(expected);
    // every channel answered for the key
    expect(lookup.unavailableSources).toEqual([]);
  });

  it('answers the same through findCustomers where the CRM holds the identifier', async () => {
    const find = `query ($name: String, $company: String, $email: String, $allegroLogin: String) {
      findCustomers(name: $name, company: $company, email: $email, allegroLogin: $allegroLogin) { id }
    }`;
    for (const [row, variables, expected] of [
      ['findCustomers name "wisniewski"', { name: 'wisniewski' }, tomasz.crmContactId],
      ['findCustomers company "pod lipami"', { company: 'pod lipami' }, nowak.crmContactId],
      ['findCustomers secondary e-mail', { email: 'M.Nowak@podlipami.example.pl' }, nowak.crmContactId],
      ['findCustomers Allegro login', { allegroLogin: 'tomek_wisnia' }, tomasz.crmContactId],
    ] as const) {
      const res = await measured(row, find, variables);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.findCustomers.map((c: { id: string }) => c.id)).toContain(expected);
    }
  });
});

describe('no match through Allegro relay addresses', () => {
  it.each([
    ['the stripped relay address the CRM keeps', 'k7rq2mf9zd@allegromail.pl'],
    ['a per-order relay address', 'k7rq2mf9zd+3b1e07c2a@allegromail.pl'],
  ])('%s finds nobody', async (_label, email) => {
    const res = await measured(`relay e-mail ${email}`, LOOKUP('email'), { value: email });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.customerLookup.matches).toEqual([]);
    const find = await stack.query(`query ($e: String) { findCustomers(email: $e) { id } }`, { e: email });
    expect(find.body.data.findCustomers).toEqual([]);
  });
});

/** Odoo JSON-2, as an agent's ERP screen reads it: the references the ERP shows. */
async function odoo<T>(model: string, body: object): Promise<T> {
  const { apiKey, database } = stack.simulators.odoo.odoo.credentials;
  const res = await fetch(`${stack.simulators.urls.odoo}/json/2/${model}/search_read`, {
    method: 'POST',
    headers: { authorization: `bearer ${apiKey}`, 'x-odoo-database': database, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`odoo ${model}: ${res.status} `);
  return (await res.json()) as T;
}

describe('orderByReference: each reference class', () => {
  const BY_REF = /* GraphQL */ `
    query ($r: String!) {
      orderByReference(reference: $r) {
        reference
        order {
          __typename
          id
          ... on EshopOrder {
            customer {
              id
            }
          }
          ... on MarketplaceOrder {
            customer {
              id
            }
          }
        }
        matches {
          kind
          order {
            id
          }
        }
      }
    }
  `;
  const annasOrder = ds.eshopOrders.filter((o) => o.customerId === anna.eshopCustomerId).at(-1)!;
  const marekBuyer = ds.allegroBuyers.find((b) => b.login === marek.allegroBuyerLogin)!;
  const mareksForm = ds.allegroCheckoutForms.find((f) => f.buyerId === marekBuyer.id)!;

  it.each([
    ['e-shop order number', annasOrder.number, 'ESHOP_ORDER_NUMBER', anna.crmContactId],
    ['e-shop order number with #', `#${annasOrder.number}`, 'ESHOP_ORDER_NUMBER', anna.crmContactId],
    ['Allegro checkout-form id', mareksForm.id, 'ALLEGRO_CHECKOUT_FORM_ID', marek.crmContactId],
    ['Allegro checkout-form id, upper case', mareksForm.id.toUpperCase(), 'ALLEGRO_CHECKOUT_FORM_ID', marek.crmContactId],
  ])('%s → the order and its customer', async (label, reference, kind, customerId) => {
    const res = await measured(`reference: ${label}`, BY_REF, { r: reference });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.orderByReference.matches[0].kind).toBe(kind);
    expect(res.body.data.orderByReference.order.customer).toEqual({ id: customerId });
  });

  it('an ERP sale-order name and a delivery tracking number → the channel order behind them', async () => {
    const [sale] = await odoo<{ name: string }[]>('sale.order', { domain: [], fields: ['name'], limit: 1 });
    const [picking] = await odoo<{ carrier_tracking_ref: string | false }[]>('stock.picking', {
      domain: [['carrier_tracking_ref', '!=', false]],
      fields: ['carrier_tracking_ref'],
      limit: 1,
    });
    for (const [label, reference, kind] of [
      ['ERP sale-order name', sale!.name, 'ERP_SALE_ORDER_NAME'],
      ['tracking number', String(picking!.carrier_tracking_ref), 'TRACKING_NUMBER'],
    ] as const) {
      const res = await measured(`reference: ${label}`, BY_REF, { r: reference });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.orderByReference.matches.map((m: { kind: string }) => m.kind)).toContain(kind);
      expect(['EshopOrder', 'MarketplaceOrder']).toContain(res.body.data.orderByReference.order.__typename);
    }
  });

  it.each([
    ['a well-formed unknown e-shop number', '99999999', 'NOT_FOUND'],
    ['a well-formed unknown checkout-form id', '00000000-0000-1000-8000-000000000000', 'NOT_FOUND'],
    ['"0"', '0', null],
    ['24 digits', '1'.repeat(24), null],
    ['a string no channel owns', 'hello?', 'BAD_USER_INPUT'],
    ['65 characters', 'x'.repeat(65), 'BAD_USER_INPUT'],
    ['a control character', 'S0001\u0000', 'BAD_USER_INPUT'],
  ])('%s → a documented answer, never a 5xx or INTERNAL_SERVER_ERROR', async (label, reference, code) => {
    const res = await measured(`malformed/unknown reference: ${label}`, BY_REF, { r: reference });
    expect(res.status).toBeLessThan(500);
    const codes = (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(res.body.data?.orderByReference ?? null).toBeNull();
    if (code !== null) expect(codes).toContain(code);
    else expect(codes.every((c: string) => c === 'NOT_FOUND' || c === 'BAD_USER_INPUT')).toBe(true);
  });
});

describe('Customer.identities of every demo customer', () => {
  const IDENTITIES = /* GraphQL */ `
    query ($id: ID!) {
      customer(id: $id) {
        identities {
          source
          kind
          value
          link
          since
        }
      }
    }
  `;
  const e164 = (phone: string) => `+48${toPhoneDigits(phone)}`;
  const expected: Record<string, { source: string; kind: string; value: string; link: string }[]> = {
    [anna.key]: [
      { source: 'CRM', kind: 'EMAIL', value: anna.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: e164(anna.phone!), link: 'CRM_RECORD' },
      { source: 'ESHOP', kind: 'ESHOP_CUSTOMER', value: String(anna.eshopCustomerId), link: 'STORED_LINK' },
      { source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', value: anna.allegroBuyerLogin!, link: 'STORED_LINK' },
    ],
    [tomasz.key]: [
      { source: 'CRM', kind: 'EMAIL', value: tomasz.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: '+48600100200', link: 'CRM_RECORD' },
      { source: 'ESHOP', kind: 'ESHOP_CUSTOMER', value: String(tomasz.eshopCustomerId), link: 'STORED_LINK' },
      { source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', value: tomasz.allegroBuyerLogin!, link: 'STORED_LINK' },
    ],
    [katarzyna.key]: [
      { source: 'CRM', kind: 'EMAIL', value: katarzyna.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: '+48512345678', link: 'CRM_RECORD' },
      { source: 'ESHOP', kind: 'ESHOP_GUEST', value: katarzyna.email!, link: 'EMAIL_MATCH' },
    ],
    [marek.key]: [
      { source: 'CRM', kind: 'EMAIL', value: marek.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: '+48503222111', link: 'CRM_RECORD' },
      { source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', value: marek.allegroBuyerLogin!, link: 'STORED_LINK' },
    ],
    [ewa.key]: [
      { source: 'CRM', kind: 'EMAIL', value: ewa.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: '+48698765432', link: 'CRM_RECORD' },
    ],
    [nowak.key]: [
      { source: 'CRM', kind: 'EMAIL', value: nowak.email!, link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'EMAIL', value: 'm.nowak@podlipami.example.pl', link: 'CRM_RECORD' },
      { source: 'CRM', kind: 'PHONE', value: '+48124221890', link: 'CRM_RECORD' },
      { source: 'ESHOP', kind: 'ESHOP_CUSTOMER', value: String(nowak.eshopCustomerId), link: 'STORED_LINK' },
      { source: 'ERP', kind: 'ERP_PARTNER', value: '100', link: 'STORED_LINK' },
    ],
  };

  /** Partners the ERP connector created for the customer's orders hold the customer's e-mail: EMAIL_MATCH. */
  const erpEmailMatches = (d: (typeof DEMOS)[number]) =>
    [...ds.erpPartners, ...ds.erpChannelPartners]
      .filter(
        (p) =>
          p.id !== ds.crmContacts.find((c) => c.id === d.crmContactId)!.erpPartnerId &&
          d.email !== null &&
          p.email?.toLowerCase() === d.email.toLowerCase(),
      )
      .map((p) => ({ source: 'ERP', kind: 'ERP_PARTNER', value: String(p.id), link: 'EMAIL_MATCH' }));

  it.each(DEMOS.map((d) => [d.key, d] as const))('%s', async (key, d) => {
    const res = await measured(`identities of ${key}`, IDENTITIES, { id: d.crmContactId });
    expect(res.body.errors).toBeUndefined();
    const identities = res.body.data.customer.identities as { source: string; kind: string; value: string; link: string }[];
    expect(identities.map(({ source, kind, value, link }) => ({ source, kind, value, link }))).toEqual([...expected[key]!, ...erpEmailMatches(d)]);
    // never a relay address among them
    expect(identities.some((i) => i.value.endsWith('@allegromail.pl'))).toBe(false);
  });
});

describe('candidates for an unlinked Allegro buyer’s order', () => {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/ł/g, 'l');
  const linkedBuyers = new Set(ds.crmContacts.map((c) => c.allegroBuyerId).filter((id) => id !== null));
  /** What the CRM holds that suggests this buyer: the same phone, or the same names at the same postal code. */
  const suggestions = (buyer: (typeof ds.allegroBuyers)[number]) => {
    const digits = buyer.phone ? toPhoneDigits(buyer.phone) : null;
    return ds.crmContacts.flatMap((c) => {
      const rules: string[] = [];
      if (digits !== null && (c.phoneDigits === digits || (c.mobilePhone !== null && toPhoneDigits(c.mobilePhone) === digits)))
        rules.push('PHONE_MATCH');
      if (fold(c.firstName) === fold(buyer.firstName) && fold(c.lastName) === fold(buyer.lastName) && c.address?.zip === buyer.address.zip) {
        rules.push('NAME_MATCH');
      }
      return rules.length > 0 ? [{ id: c.id, rules }] : [];
    });
  };
  const candidate = ds.allegroBuyers
    .filter((b) => !b.guest && !linkedBuyers.has(b.id) && ds.allegroCheckoutForms.some((f) => f.buyerId === b.id))
    .map((b) => ({ buyer: b, expected: suggestions(b) }))
    .find((c) => c.expected.length > 0);

  it('has no customer link and lists the CRM customers its buyer could be, with the rule behind each', async () => {
    expect(candidate, 'an unlinked Allegro buyer the CRM knows by phone or name + postcode').toBeDefined();
    const form = ds.allegroCheckoutForms.find((f) => f.buyerId === candidate!.buyer.id)!;
    const res = await measured(
      'candidates of an unlinked Allegro buyer’s order',
      /* GraphQL */ `
        query ($r: String!) {
          orderByReference(reference: $r) {
            order {
              ... on MarketplaceOrder {
                customer {
                  id
                }
                customerLink {
                  customer {
                    id
                  }
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
        }
      `,
      { r: form.id },
    );
    expect(res.body.errors).toBeUndefined();
    const order = res.body.data.orderByReference.order;
    expect(order.customer).toBeNull();
    expect(order.customerLink).toBeNull();
    const got = (order.customerCandidates as Match[]).map((m) => ({ id: m.customer.id, rules: m.rules }));
    for (const e of candidate!.expected) expect(got).toContainEqual(e);
  });
});
