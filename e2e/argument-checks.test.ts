/**
 * Issue 10, items 5 and 6, end to end: a malformed argument is the client's BAD_USER_INPUT naming the argument
 * (`argumentName` survives the subgraph's and the gateway's masks, one shared list), decided before any upstream is
 * asked; and two different credentials in one request are refused (CONFLICTING_CREDENTIALS) instead of the first
 * Authorization header winning.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSku, MAX_SKU_LENGTH } from '@omnigraph/shared/arguments';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

describe('arguments checked before they reach an upstream', () => {
  let stack: E2eStack;
  let partnerKey: string;
  const totalCalls = () => Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    stack = await startE2eStack({ scale: 0.05 });
    partnerKey = await stack.createKey({ name: 'argument checks', scopes: ['catalog:read', 'stock:read'], profile: 'partner' });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('a 1.2 MB SKU is BAD_USER_INPUT naming `skus` at the gateway, at 0 subgraph and upstream calls, not UPSTREAM_UNAVAILABLE blaming the ERP', async () => {
    const sku = stack.dataset.products[0]!.sku;
    stack.resetCounters();
    const { status, body } = await stack.query(
      'query ($skus: [ID!]!) { products(skus: $skus) { sku name } }',
      { skus: [sku, 'S'.repeat(1_200_000)] },
      { key: partnerKey },
    );
    // The edge refuses it before planning: forwarded, it would exceed the ERP subgraph's 1 MB body limit and come back
    // as that subgraph's failure (what the issue saw). The ERP subgraph checks SKUs itself too (erp-arguments.int.test).
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect((body.errors as GraphQLError[]).map((e) => e.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'skus', limit: 1_000, actual: 1_200_000 },
    ]);
    expect(totalCalls()).toBe(0);
    expect(JSON.stringify(body).length).toBeLessThan(1_000);
  });

  it('every real SKU of the dataset passes the check (a valid value is never refused)', () => {
    const skus = stack.dataset.products.map((p) => p.sku);
    expect(skus.length).toBeGreaterThan(0);
    expect(skus.filter((sku) => !isSku(sku))).toEqual([]);
    expect(Math.max(...skus.map((s) => s.length))).toBeLessThan(MAX_SKU_LENGTH);
  });

  it.each([
    ['erp: product(sku:) with a control character', 'query ($v: ID!) { product(sku: $v) { sku } }', 'SKU\u0000X', 'sku', 'product'],
    [
      'erp: storesWithStock(skus:) with a 300-character SKU',
      'query ($v: [ID!]!) { storesWithStock(skus: $v, city: "Warszawa") { allAvailable } }',
      ['x'.repeat(300)],
      'skus',
      'storesWithStock',
    ],
    ['eshop: eshopOrder(number:) of 65 characters', 'query ($v: String!) { eshopOrder(number: $v) { id } }', '1'.repeat(65), 'number', 'eshopOrder'],
    [
      'marketplace: marketplaceOrder(checkoutFormId:) "0"',
      'query ($v: ID!) { marketplaceOrder(checkoutFormId: $v) { id } }',
      '0',
      'checkoutFormId',
      'marketplaceOrder',
    ],
    ['crm: customer(id:) of 24 digits', 'query ($v: ID!) { customer(id: $v) { id } }', '9'.repeat(24), 'id', 'customer'],
  ])(
    'a subgraph BAD_USER_INPUT reaches the client with its argumentName — %s — at 0 upstream calls',
    async (_, query, value, argumentName, field) => {
      stack.resetCounters();
      const { body } = await stack.query(query, { v: value });
      expect(body.data?.[field]).toBeNull();
      expect((body.errors as GraphQLError[]).map((e) => [e.path, e.extensions?.['code'], e.extensions?.['argumentName']])).toEqual([
        [[field], 'BAD_USER_INPUT', argumentName],
      ]);
      expect(totalCalls()).toBe(0);
    },
  );

  it('a gateway-side BAD_USER_INPUT (a variable that does not fit its type) names the argument the variable feeds', async () => {
    stack.resetCounters();
    const { status, body } = await stack.query('query ($s: [ID!]!) { products(skus: $s) { sku } }', { s: [1.5] }, { key: partnerKey });
    expect(status).toBe(400);
    expect((body.errors as GraphQLError[]).map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'skus' }]);
    expect(totalCalls()).toBe(0);
  });
});

describe('two credentials in one request', () => {
  let stack: E2eStack;
  let catalogKey: string;

  beforeAll(async () => {
    stack = await startE2eStack({ scale: 0.05 });
    catalogKey = await stack.createKey({ name: 'catalog', scopes: ['catalog:read', 'stock:read'], profile: 'partner' });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** A raw request: fetch would join repeated headers into one value; node:http sends each as its own line. */
  function post(headers: Record<string, string | string[]>): Promise<{ status: number; body: { data?: unknown; errors?: GraphQLError[] } }> {
    const body = JSON.stringify({ query: '{ locations { code } }' });
    const url = new URL(`${stack.url}/graphql`);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { data?: unknown; errors?: GraphQLError[] } }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('two different credentials are refused with 401 CONFLICTING_CREDENTIALS, whichever comes first', async () => {
    stack.resetCounters();
    const cases: Record<string, string | string[]>[] = [
      { authorization: [`Bearer ${catalogKey}`, `Bearer ${stack.callCenterKey}`] },
      { authorization: [`Bearer ${stack.callCenterKey}`, `Bearer ${catalogKey}`] },
      { 'x-api-key': [catalogKey, stack.callCenterKey] },
      { 'x-api-key': catalogKey, authorization: `Bearer ${stack.callCenterKey}` },
    ];
    const outcomes = [];
    for (const headers of cases) outcomes.push(await post(headers));
    expect(outcomes.map((o) => [o.status, o.body.errors?.[0]?.extensions?.['code'], o.body.data])).toEqual(
      cases.map(() => [401, 'CONFLICTING_CREDENTIALS', undefined]),
    );
    expect(Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('the same credential twice is accepted (decided: nothing is ambiguous), as the one credential it is', async () => {
    const cases: Record<string, string | string[]>[] = [
      { authorization: [`Bearer ${catalogKey}`, `Bearer ${catalogKey}`] },
      { 'x-api-key': catalogKey, authorization: `Bearer ${catalogKey}` },
    ];
    for (const headers of cases) {
      const { status, body } = await post(headers);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ locations: expect.any(Array) });
    }
  });
});
