/**
 * Customer-bound credentials (ADR 0009) end to end: a storefront's internal key mints a token for Anna; with it,
 * `me { … }` reads her own profile, loyalty, consents and orders, and every other path to another customer (Tomasz)
 * is refused, through the gateway and directly at each subgraph with Anna's binding signed as the gateway signs it.
 * The figure that matters is counted, not sampled: responses carrying any of Tomasz's data must be 0.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity, type CustomerBinding, type RequestIdentity } from '@omnigraph/shared/identity';
import { encodeOrderListKey, type OrderListKey } from '@omnigraph/shared/models';
import { mintCustomerToken } from '../gateway/src/customer-tokens/customer-token.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/** An order page as crm keys it (ADR 0014): whose identities each channel is asked to list. */
function orderPage(key: Partial<OrderListKey> & { customerId: string }) {
  const id = encodeOrderListKey({ email: null, eshopCustomerId: null, allegroBuyerLogin: null, first: 20, after: null, channel: null, ...key });
  return { __typename: 'OrderConnection', id };
}

const TOKEN_SECRET = randomBytes(32).toString('base64url');
const AUDIENCE = 'omnigraph-e2e';

let stack: E2eStack;
let storefrontKey: string;
let annaToken: string;
let anna: { id: string; email: string; eshopCustomerId: string; allegroLogin: string };
let tomasz: {
  id: string;
  email: string;
  eshopCustomerId: string;
  allegroLogin: string;
  orderNumber: string;
  eshopOrderId: string;
  formId: string;
  /** strings only Tomasz's records hold: a response containing one of them read his data */
  markers: string[];
};
/** every response of the refusal paths, for the cross-customer count */
const responses: { path: string; text: string }[] = [];

/** `key` null: no credential at all */
async function mint(customerId: unknown, key: string | null = storefrontKey) {
  const res = await fetch(`${stack.url}/customer-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ customerId }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function asCustomer(token: string, query: string, options: { operationName?: string; variables?: Record<string, unknown> } = {}) {
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, ...options }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any };
}

/** A request straight to a subgraph, signed with the stack's secret for `identity`: what the gateway would send. */
async function direct(subgraph: keyof E2eStack['subgraphUrls'], identity: RequestIdentity, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(stack.subgraphUrls[subgraph], {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(stack.subgraphSecret, identity, body) },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any };
}

const codesOf = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);
const leaks = (text: string) => tomasz.markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

beforeAll(async () => {
  stack = await startE2eStack({
    gatewayEnv: {
      GATEWAY_CUSTOMER_TOKEN_SECRET: TOKEN_SECRET,
      GATEWAY_CUSTOMER_TOKEN_AUDIENCE: AUDIENCE,
      GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS: '300',
      // the mint and access lines are info
      LOG_LEVEL: 'info',
    },
  });
  storefrontKey = await stack.createKey({ name: 'storefront back end', scopes: ['customer-tokens:issue'], profile: 'internal' });
  const ds = stack.dataset;
  const a = ds.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
  const t = ds.demoCustomers.find((d) => d.key === 'tomasz-wisniewski')!;
  anna = { id: a.crmContactId, email: a.email!, eshopCustomerId: String(a.eshopCustomerId), allegroLogin: a.allegroBuyerLogin! };
  const tOrders = ds.eshopOrders.filter((o) => o.customerId === t.eshopCustomerId);
  const tBuyer = ds.allegroBuyers.find((b) => b.login === t.allegroBuyerLogin)!;
  const tForms = ds.allegroCheckoutForms.filter((f) => f.buyerId === tBuyer.id);
  tomasz = {
    id: t.crmContactId,
    email: t.email!,
    eshopCustomerId: String(t.eshopCustomerId),
    allegroLogin: t.allegroBuyerLogin!,
    orderNumber: tOrders[0]!.number,
    eshopOrderId: `eshop:${tOrders[0]!.id}`,
    formId: tForms[0]!.id,
    markers: [
      t.crmContactId,
      t.email!,
      t.allegroBuyerLogin!,
      'Wiśniewski',
      'Wisniewski',
      tBuyer.id,
      ...tOrders.map((o) => `"eshop:${o.id}"`),
      ...tForms.map((f) => f.id),
    ],
  };
  const minted = await mint(anna.id);
  expect(minted.status).toBe(200);
  annaToken = minted.body.token;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('minting (POST /customer-tokens)', () => {
  it('mints a short-lived token bound to the customer, from one CRM read', async () => {
    stack.resetCounters();
    const res = await mint(anna.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300, customerId: anna.id });
    expect(res.body.token).toMatch(/^ogc_v1\.[\w-]+\.[\w-]{43}$/);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const calls = stack.upstreamCalls();
    expect(calls.hubspot).toBeLessThanOrEqual(1);
    expect(calls.woocommerce + calls.allegro + calls.odoo).toBe(0);
  });

  it('refuses an unknown customer, a malformed id, and callers that may not mint', async () => {
    expect(await mint('99999999999')).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
    for (const bad of ['', 'x'.repeat(65), '10000000001; DROP', 42, null]) {
      const res = await mint(bad);
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'customerId' });
    }
    expect((await mint(anna.id, null)).status).toBe(401);
    const partner = await stack.createKey({ scopes: ['customer-tokens:issue'], profile: 'partner' });
    const withoutScope = await stack.createKey({ scopes: ['customers:read', 'customers:pii'], profile: 'internal' });
    for (const key of [partner, withoutScope, stack.callCenterKey, annaToken]) {
      const res = await mint(anna.id, key);
      expect(res.status).toBe(403);
      expect(res.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', missingScopes: ['customer-tokens:issue'] });
    }
  });
});

describe("Anna's own account (me)", () => {
  it('reads her profile, loyalty, consents and orders from every channel', async () => {
    const res = await asCustomer(
      annaToken,
      `{ me { id name email loyalty { tier } consents { emailMarketing } orders(first: 50) { edges { node { id channel } } } } }`,
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const me = res.body.data.me;
    expect(me).toMatchObject({ id: anna.id, name: 'Anna Kowalska', loyalty: { tier: 'GOLD' }, consents: { emailMarketing: true } });
    const demo = stack.dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
    expect(me.orders.edges).toHaveLength(demo.eshopOrderCount + demo.allegroOrderCount);
    expect(new Set(me.orders.edges.map((e: any) => e.node.channel))).toEqual(new Set(['ESHOP', 'MARKETPLACE']));
    expect(leaks(res.text)).toEqual([]);
  });

  it('reads the fields of her own orders, and the customer they link to is her', async () => {
    const res = await asCustomer(
      annaToken,
      `{ me { orders(first: 5) { edges { node { id ... on EshopOrder { number customer { id } } ... on MarketplaceOrder { buyerLogin customer { id } } } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.me.orders.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.customer).toEqual({ id: anna.id });
  });

  it('is null for a credential bound to nobody', async () => {
    const res = await stack.query(`{ me { id } }`);
    expect(res.body).toEqual({ data: { me: null } });
  });
});

describe('every path to another customer, through the gateway', () => {
  const paths = (): Array<[string, string, string?]> => [
    ['customer by id', `{ customer(id: "${tomasz.id}") { id name email } }`],
    ['order reference: e-shop number', `{ orderByReference(reference: "${tomasz.orderNumber}") { order { id } } }`],
    ['order reference: #number', `{ orderByReference(reference: "#${tomasz.orderNumber}") { matches { order { id } } } }`],
    ['order reference: checkout form', `{ orderByReference(reference: "${tomasz.formId}") { order { id } } }`],
    ['eshopOrder', `{ eshopOrder(number: "${tomasz.orderNumber}") { id billingEmail } }`],
    ['marketplaceOrder', `{ marketplaceOrder(checkoutFormId: "${tomasz.formId}") { id buyerLogin } }`],
    ['findCustomers by e-mail', `{ findCustomers(email: "${tomasz.email}") { id name } }`],
    ['findCustomers by name', `{ findCustomers(name: "Wisniewski") { id } }`],
    ['customerLookup', `{ customerLookup(allegroLogin: "${tomasz.allegroLogin}") { matches { customer { id name } } } }`],
    ['products', `{ products(skus: ["X"]) { sku } }`],
    ['alias beside me', `{ me { id } him: customer(id: "${tomasz.id}") { id name } }`],
    ['alias named me', `{ me: customer(id: "${tomasz.id}") { id name } }`],
    ['inline fragment', `{ me { id } ... on Query { customer(id: "${tomasz.id}") { id name } } }`],
    ['named fragment', `query { ...Him } fragment Him on Query { customer(id: "${tomasz.id}") { id name } }`],
    [
      'fragment in a fragment',
      `{ me { id } ...A } fragment A on Query { ...B } fragment B on Query { eshopOrder(number: "${tomasz.orderNumber}") { id } }`,
    ],
    ['another operation of the document', `query Mine { me { id } } query His { customer(id: "${tomasz.id}") { id name } }`, 'Mine'],
    ['introspection', `{ __schema { types { name } } }`],
    ['type introspection', `{ __type(name: "Customer") { fields { name } } }`],
  ];

  it('refuses each with BOUND_TO_CUSTOMER (introspection with the partner introspection rule) before anything runs', async () => {
    stack.resetCounters();
    for (const [path, query, operationName] of paths()) {
      const res = await asCustomer(annaToken, query, operationName === undefined ? {} : { operationName });
      responses.push({ path: `gateway: ${path}`, text: res.text });
      expect(res.body.data, path).toBeUndefined();
      // bound callers run with the partner limits, which refuse introspection before any authorization
      const expected = path.includes('introspection') ? 'INTROSPECTION_NOT_ALLOWED' : 'BOUND_TO_CUSTOMER';
      expect(codesOf(res.body)[0], `${path}: ${res.text}`).toBe(expected);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }
    // refused at the edge: no upstream was asked for any of them
    expect(Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('refuses over GET too', async () => {
    const params = new URLSearchParams({ query: `{ customer(id: "${tomasz.id}") { id name } }` });
    const res = await fetch(`${stack.url}/graphql?${params}`, {
      headers: { authorization: `Bearer ${annaToken}`, 'apollo-require-preflight': 'true' },
    });
    const text = await res.text();
    responses.push({ path: 'gateway: GET customer', text });
    expect(res.status).toBe(403);
    expect(codesOf(JSON.parse(text))).toEqual(['BOUND_TO_CUSTOMER']);
  });
});

describe("every path to another customer, at the subgraphs, signed with Anna's binding", () => {
  let annaIdentity: RequestIdentity;
  let unbound: RequestIdentity;

  const customerFields = `id name email`;
  const attempts = (): Array<[keyof E2eStack['subgraphUrls'], string, string, Record<string, unknown>?]> => {
    const reps = (r: unknown[]) => ({ r });
    const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
    return [
      ['crm', 'customer(id)', `{ customer(id: "${tomasz.id}") { ${customerFields} } }`],
      ['crm', 'findCustomers', `{ findCustomers(email: "${tomasz.email}") { ${customerFields} } }`],
      ['crm', 'orderByReference', `{ orderByReference(reference: "${tomasz.orderNumber}") { reference } }`],
      ['crm', '_entities Customer', entities(`... on Customer { ${customerFields} }`), reps([{ __typename: 'Customer', id: tomasz.id }])],
      [
        'crm',
        '_entities EshopOrder with his buyer identity',
        entities(`... on EshopOrder { customerLink { customer { ${customerFields} } } }`),
        reps([
          {
            __typename: 'EshopOrder',
            id: tomasz.eshopOrderId,
            billingEmail: tomasz.email,
            buyerIdentity: {
              source: 'ESHOP',
              kind: 'ESHOP_CUSTOMER',
              id: tomasz.eshopCustomerId,
              matchedOn: null,
              email: tomasz.email,
              phone: null,
              login: null,
              nip: null,
              companyName: null,
              firstName: null,
              lastName: null,
              postalCode: null,
              since: null,
            },
          },
        ]),
      ],
      [
        'crm',
        '_entities EshopOrder with only his e-mail',
        entities(`... on EshopOrder { customer { ${customerFields} } }`),
        reps([{ __typename: 'EshopOrder', id: tomasz.eshopOrderId, billingEmail: tomasz.email }]),
      ],
      [
        'crm',
        '_entities MarketplaceOrder',
        entities(`... on MarketplaceOrder { customer { ${customerFields} } }`),
        reps([{ __typename: 'MarketplaceOrder', id: `marketplace:${tomasz.formId}`, buyerLogin: tomasz.allegroLogin }]),
      ],
      [
        'crm',
        '_entities CustomerLookup',
        entities(`... on CustomerLookup { key }`),
        reps([{ __typename: 'CustomerLookup', key: `email:${tomasz.email}` }]),
      ],
      ['eshop', 'eshopOrder', `{ eshopOrder(number: "${tomasz.orderNumber}") { id billingEmail } }`],
      [
        'eshop',
        '_entities EshopOrder',
        entities(`... on EshopOrder { id number billingEmail }`),
        reps([{ __typename: 'EshopOrder', id: tomasz.eshopOrderId }]),
      ],
      [
        'eshop',
        '_entities OrderConnection: his page',
        entities(`... on OrderConnection { eshopSlice { orders { ref { id } } } }`),
        reps([orderPage({ customerId: tomasz.id, email: tomasz.email, eshopCustomerId: tomasz.eshopCustomerId })]),
      ],
      [
        'eshop',
        "_entities OrderConnection: Anna's id, his identities",
        entities(`... on OrderConnection { eshopSlice { orders { ref { id } } } }`),
        reps([orderPage({ customerId: anna.id, email: tomasz.email, eshopCustomerId: tomasz.eshopCustomerId })]),
      ],
      [
        'eshop',
        "_entities OrderConnection: Anna's id, his shop account only",
        entities(`... on OrderConnection { eshopSlice { orders { ref { id } } } }`),
        reps([orderPage({ customerId: anna.id, email: anna.email, eshopCustomerId: tomasz.eshopCustomerId })]),
      ],
      [
        'eshop',
        '_entities OrderReferenceLookup',
        entities(`... on OrderReferenceLookup { reference }`),
        reps([{ __typename: 'OrderReferenceLookup', reference: tomasz.orderNumber }]),
      ],
      ['marketplace', 'marketplaceOrder', `{ marketplaceOrder(checkoutFormId: "${tomasz.formId}") { id buyerLogin } }`],
      [
        'marketplace',
        '_entities MarketplaceOrder',
        entities(`... on MarketplaceOrder { id buyerLogin }`),
        reps([{ __typename: 'MarketplaceOrder', id: `marketplace:${tomasz.formId}` }]),
      ],
      [
        'marketplace',
        "_entities OrderConnection: Anna's id, his login",
        entities(`... on OrderConnection { marketplaceSlice { orders { ref { id } } } }`),
        reps([orderPage({ customerId: anna.id, allegroBuyerLogin: tomasz.allegroLogin })]),
      ],
      [
        'erp',
        "_entities Customer: Anna's id, his e-mail",
        entities(`... on Customer { id }`),
        reps([{ __typename: 'Customer', id: anna.id, email: tomasz.email, erpPartnerId: null }]),
      ],
    ];
  };

  beforeAll(() => {
    const binding: CustomerBinding = {
      customerId: anna.id,
      emails: [anna.email],
      eshopCustomerId: anna.eshopCustomerId,
      allegroBuyerLogin: anna.allegroLogin,
    };
    annaIdentity = { subject: 'key_storefront', kind: 'customer-token', scopes: ['customers:read'], profile: 'partner', customer: binding };
    unbound = { subject: 'key_callcenter', kind: 'api-key', scopes: ['customers:read'], profile: 'internal' };
  });

  it('without a binding the same requests do read Tomasz (so the count below can see a leak)', async () => {
    let read = 0;
    for (const [subgraph, , query, variables] of attempts()) {
      const res = await direct(subgraph, unbound, query, variables);
      if (leaks(res.text).length > 0) read += 1;
    }
    expect(read).toBeGreaterThanOrEqual(10);
  });

  it('with her binding each is refused with FORBIDDEN', async () => {
    for (const [subgraph, path, query, variables] of attempts()) {
      const res = await direct(subgraph, annaIdentity, query, variables);
      responses.push({ path: `${subgraph}: ${path}`, text: res.text });
      expect(codesOf(res.body), `${subgraph}: ${path}: ${res.text}`).toContain('FORBIDDEN');
    }
  });

  it("her own rows still resolve with her binding (the guard refuses others', not everything)", async () => {
    const me = await direct('crm', annaIdentity, `{ me { id name } }`);
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data).toEqual({ me: { id: anna.id, name: 'Anna Kowalska' } });
    const own = await direct(
      'eshop',
      annaIdentity,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrderConnection { eshopSlice { orders { ref { id } } } } } }`,
      { r: [orderPage({ customerId: anna.id, email: anna.email, eshopCustomerId: anna.eshopCustomerId })] },
    );
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data._entities[0].eshopSlice.orders.length).toBeGreaterThan(0);
  });
});

describe('0 cross-customer reads', () => {
  it('no refused response carries any of Tomasz’s data', () => {
    const crossCustomerReads = responses.filter((r) => leaks(r.text).length > 0);
    console.log(
      `customer-bound credential: ${crossCustomerReads.length} cross-customer reads in ${responses.length} responses to paths at another customer`,
    );
    expect(responses.length).toBeGreaterThanOrEqual(30);
    expect(crossCustomerReads.map((r) => `${r.path}: ${leaks(r.text).join(', ')}`)).toEqual([]);
  });
});

describe('logs', () => {
  it('record each minting by key and token id, and never a token', () => {
    const lines = stack.logLines();
    const minted = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'customer token minted');
    expect(minted.length).toBeGreaterThanOrEqual(2);
    for (const line of minted) expect(Object.keys(line)).toEqual(expect.arrayContaining(['keyId', 'customerId', 'jti']));
    expect(lines.filter((l) => l.includes(annaToken.split('.')[2]!))).toEqual([]);
  });
});

describe('tokens that are not (or no longer) good', () => {
  const minted = (overrides: { secret?: string; audience?: string; now?: Date; ttlSeconds?: number } = {}) =>
    mintCustomerToken(overrides.secret ?? TOKEN_SECRET, {
      binding: { customerId: anna.id, emails: [anna.email] },
      audience: overrides.audience ?? AUDIENCE,
      keyId: 'key_storefront',
      ttlSeconds: overrides.ttlSeconds ?? 300,
      ...(overrides.now === undefined ? {} : { now: overrides.now }),
    }).token;

  it.each([
    ['expired', () => minted({ now: new Date(Date.now() - 3_600_000) }), 'CUSTOMER_TOKEN_EXPIRED'],
    ['for another audience', () => minted({ audience: 'omnigraph-staging' }), 'CUSTOMER_TOKEN_INVALID'],
    ['signed with another secret', () => minted({ secret: 'x'.repeat(40) }), 'CUSTOMER_TOKEN_INVALID'],
    [
      'bound to Tomasz by editing the payload',
      () => {
        const [v, payload, mac] = annaToken.split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        claims.sub = tomasz.id;
        claims.cus.customerId = tomasz.id;
        return `${v}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
      },
      'CUSTOMER_TOKEN_INVALID',
    ],
    ['truncated', () => annaToken.slice(0, -3), 'CUSTOMER_TOKEN_INVALID'],
    ['garbage after the prefix', () => 'ogc_not-a-token', 'CUSTOMER_TOKEN_INVALID'],
  ])('%s → 401 %s', async (_name, token, code) => {
    const res = await asCustomer(token(), `{ me { id name } }`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    expect(leaks(res.text)).toEqual([]);
  });
});
