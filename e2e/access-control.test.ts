/**
 * The gateway's edge, end to end on the real stack: credentials (API keys and OIDC tokens), CSRF, profiles,
 * field-level authorization in filter mode, the safelist of registered operations, rate-limit headers, and error
 * hygiene. Every refusal must happen before any upstream system is called.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@omnigraph/shared/errors';
import { createTestKey, startJwksServer, type TestKey } from '../packages/auth/src/jwt/jwks-test-server.ts';
import { loadOperationRegistry } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

const ISSUER = 'https://login.example.pl/realms/retail';
const AUDIENCE = 'omnigraph';

describe('access control at the edge', () => {
  let stack: E2eStack;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let signingKey: TestKey;
  let catalogKey: string;
  let sku: string;

  beforeAll(async () => {
    signingKey = await createTestKey('idp-1');
    jwks = await startJwksServer([signingKey]);
    stack = await startE2eStack({
      scale: 0.05,
      gatewayEnv: {
        GATEWAY_CORS_ORIGINS: 'https://sklep.example.pl',
        OMNIGRAPH_OIDC_JWKS_URL: jwks.url,
        OMNIGRAPH_OIDC_ISSUER: ISSUER,
        OMNIGRAPH_OIDC_AUDIENCE: AUDIENCE,
        OMNIGRAPH_OIDC_SCOPE_MAP: JSON.stringify({
          roles: {
            'call-center': ['customers:read', 'customers:pii', 'orders:read', 'catalog:read', 'stock:read'],
            'catalog-viewer': ['catalog:read'],
          },
        }),
      },
    });
    catalogKey = await stack.createKey({ name: 'comparison site', scopes: ['catalog:read', 'stock:read'] });
    sku = stack.dataset.products[0]!.sku;
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await jwks?.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${stack.url}/graphql`, { method: 'POST', headers, body }).then(async (res) => ({
      status: res.status,
      headers: res.headers,
      text: await res.text(),
    }));
  const codeOf = (text: string) => (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

  describe('credentials', () => {
    it('refuses a missing, malformed, unknown, revoked or expired key with 401 UNAUTHENTICATED and calls nothing', async () => {
      stack.resetCounters();
      const body = JSON.stringify({ query: `{ product(sku: "${sku}") { name } }` });
      const json = { 'content-type': 'application/json' };
      const { key: revoked, record } = await stack.gateway.apiKeys.createKey({
        name: 'r',
        ownerId: 'p',
        scopes: ['catalog:read'],
        rateLimitPerMinute: 10,
      });
      await stack.gateway.apiKeys.revoke(record.keyId);
      const cases: [string, Record<string, string>, RegExp, string?][] = [
        ['none', json, /X-Api-Key/],
        ['malformed', { ...json, 'x-api-key': 'omg_live_nonsense' }, /not valid/],
        ['unknown', { ...json, 'x-api-key': `${catalogKey.slice(0, -6)}AAAAAA` }, /not valid/],
        ['revoked', { ...json, 'x-api-key': revoked }, /revoked/],
        // issue 10: its own code, so a client can tell "fix your headers" from "your key is bad" (e2e/argument-checks)
        [
          'two different credentials',
          { ...json, 'x-api-key': catalogKey, authorization: `Bearer ${revoked}` },
          /exactly one/,
          'CONFLICTING_CREDENTIALS',
        ],
        ['bad bearer', { ...json, authorization: 'Bearer not.a.jwt' }, /not valid/],
      ];
      for (const [name, headers, message, code = 'UNAUTHENTICATED'] of cases) {
        const res = await post(body, headers);
        expect(res.status, name).toBe(401);
        expect(res.headers.get('www-authenticate'), name).toContain('Bearer');
        expect(JSON.parse(res.text).errors[0], name).toMatchObject({
          message: expect.stringMatching(message),
          extensions: { code },
        });
      }
      expect(Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
    });

    it('accepts the key as X-Api-Key or Authorization: Bearer', async () => {
      const body = JSON.stringify({ query: `{ product(sku: "${sku}") { sku } }` });
      const variants: Record<string, string>[] = [{ 'x-api-key': catalogKey }, { authorization: `Bearer ${catalogKey}` }];
      for (const headers of variants) {
        const res = await post(body, { 'content-type': 'application/json', ...headers });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.text).data.product.sku).toBe(sku);
      }
    });

    it('accepts an OIDC token, maps its claims to scopes, and refuses forged, expired and foreign tokens', async () => {
      const token = (claims: Record<string, unknown>, options: { key?: TestKey; expiresIn?: string; issuer?: string } = {}) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: (options.key ?? signingKey).alg, kid: (options.key ?? signingKey).kid })
          .setIssuer(options.issuer ?? ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('agent-17')
          .setIssuedAt()
          .setExpirationTime(options.expiresIn ?? '5m')
          .sign((options.key ?? signingKey).privateKey);
      const anna = stack.dataset.demoCustomers.find((c) => c.key === 'anna-kowalska')!;
      const query = JSON.stringify({ query: `{ customer(id: "${anna.crmContactId}") { name loyalty { tier } } }` });
      // The identity provider is down before its keys were ever fetched: 503 AUTH_UNAVAILABLE (retry later), never a
      // 401 that would tell the client its token is bad.
      jwks.state.mode = 'error';
      const down = await post(query, { 'content-type': 'application/json', authorization: `Bearer ${await token({ roles: ['call-center'] })}` });
      jwks.state.mode = 'ok';
      expect(down.status).toBe(503);
      expect(codeOf(down.text)).toBe('AUTH_UNAVAILABLE');

      const agent = await post(query, { 'content-type': 'application/json', authorization: `Bearer ${await token({ roles: ['call-center'] })}` });
      expect(agent.status).toBe(200);
      expect(JSON.parse(agent.text).data.customer.name).toBe('Anna Kowalska');

      // a viewer's token maps to catalog:read only: the customer is not answered at all
      const viewer = await post(query, { 'content-type': 'application/json', authorization: `Bearer ${await token({ roles: ['catalog-viewer'] })}` });
      expect(viewer.status).toBe(403);
      expect(codeOf(viewer.text)).toBe('FORBIDDEN');

      const stranger = await createTestKey('attacker');
      for (const bad of [
        await token({ roles: ['call-center'] }, { key: stranger }),
        await token({ roles: ['call-center'] }, { expiresIn: '-1m' }),
        await token({ roles: ['call-center'] }, { issuer: 'https://evil.example' }),
      ]) {
        const res = await post(query, { 'content-type': 'application/json', authorization: `Bearer ${bad}` });
        expect(res.status).toBe(401);
        expect(codeOf(res.text)).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('CORS for browser frontends', () => {
    it('answers the preflight of a configured origin, and gives other origins no CORS header', async () => {
      const preflight = (origin: string) =>
        fetch(`${stack.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
        });
      const allowed = await preflight('https://sklep.example.pl');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://sklep.example.pl');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('x-api-key');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { origin: 'https://sklep.example.pl', 'content-type': 'application/json', 'x-api-key': catalogKey },
        body: JSON.stringify({ query: `{ product(sku: "${sku}") { sku } }` }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://sklep.example.pl');
      expect(res.headers.get('access-control-expose-headers')).toContain('RateLimit-Remaining');
      expect(res.headers.get('vary')).toContain('Origin');
    });
  });

  describe('CSRF, batching, introspection, suggestions', () => {
    it('refuses requests a browser could send cross-site without a preflight', async () => {
      const body = JSON.stringify({ query: '{ __typename }' });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await post(body, { 'content-type': type, 'x-api-key': catalogKey });
        expect(res.status, type).toBe(400);
        expect(codeOf(res.text), type).toBe('CSRF_PREVENTED');
      }
      const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'x-api-key': catalogKey } });
      expect(get.status).toBe(400);
      expect(codeOf(await get.text())).toBe('CSRF_PREVENTED');
      const preflighted = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(`{ product(sku: "${sku}") { sku } }`)}`, {
        headers: { 'x-api-key': catalogKey, 'apollo-require-preflight': 'true' },
      });
      expect(preflighted.status).toBe(200);
      expect((await preflighted.json()).data.product.sku).toBe(sku);
    });

    it('refuses batches and introspection for partners, allows introspection for internal keys, never suggests fields', async () => {
      const headers = { 'content-type': 'application/json', 'x-api-key': catalogKey };
      const batch = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), headers);
      expect([batch.status, codeOf(batch.text)]).toEqual([400, 'BATCHING_NOT_ALLOWED']);
      const introspection = JSON.stringify({ query: '{ __schema { types { name } } }' });
      const partner = await post(introspection, headers);
      expect([partner.status, codeOf(partner.text)]).toEqual([400, 'INTROSPECTION_NOT_ALLOWED']);
      const internal = await post(introspection, { 'content-type': 'application/json', 'x-api-key': stack.callCenterKey });
      expect(internal.status).toBe(200);
      expect(JSON.parse(internal.text).data.__schema.types.length).toBeGreaterThan(20);
      const typo = await post(JSON.stringify({ query: `{ product(sku: "${sku}") { nme } }` }), headers);
      expect(codeOf(typo.text)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.text).not.toMatch(/did you mean/i);
    });
  });

  describe('field-level authorization (filter mode)', () => {
    it('removes the fields a key may not read, reports each with its path, and answers the rest', async () => {
      const anna = stack.dataset.demoCustomers.find((c) => c.key === 'anna-kowalska')!;
      stack.resetCounters();
      const res = await stack.query(
        `query Mixed($sku: ID!, $id: ID!) {
          p: product(sku: $sku) { sku name stock { available } }
          customer(id: $id) { name email }
        }`,
        { sku, id: anna.crmContactId },
        { key: catalogKey },
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ p: { sku, name: expect.any(String), stock: expect.any(Array) } });
      expect(res.body.errors).toEqual([
        {
          message: expect.stringContaining('Query.customer'),
          path: ['customer'],
          extensions: { code: 'FORBIDDEN', missingScopes: ['customers:read'] },
        },
      ]);
      // the CRM was never asked: the field was removed before planning
      expect(stack.upstreamCalls().hubspot).toBe(0);
    });

    it('removes personal fields under an allowed object and keeps the allowed ones (aliases and fragments too)', async () => {
      const key = await stack.createKey({ name: 'loyalty partner', scopes: ['customers:read'] });
      const anna = stack.dataset.demoCustomers.find((c) => c.key === 'anna-kowalska')!;
      const res = await stack.query(
        `query($id: ID!) { customer(id: $id) { id contact: email ...Who loyalty { points } } }
         fragment Who on Customer { phone lastName }`,
        { id: anna.crmContactId },
        { key },
      );
      expect(res.status).toBe(200);
      expect(res.body.data.customer).toEqual({ id: anna.crmContactId, loyalty: { points: expect.any(Number) } });
      expect(res.body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
        'customer.contact',
        'customer.lastName',
        'customer.phone',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/Kowalsk|@/);
    });

    it('refuses with 403 an operation in which nothing is allowed, before any upstream call', async () => {
      stack.resetCounters();
      const res = await stack.query('{ findCustomers(phone: "+48 601 234 567") { name } }', {}, { key: catalogKey });
      expect(res.status).toBe(403);
      expect(res.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', missingScopes: ['customers:pii', 'customers:read'] });
      expect(Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
    });
  });

  describe('registered operations (safelist)', () => {
    const registry = loadOperationRegistry();
    const products = registry.byName('PartnerProductsBySku')!;

    it('a pinned key runs its registered operations, as text or by hash, and nothing else', async () => {
      const key = await stack.createKey({ name: 'pinned', scopes: ['catalog:read', 'stock:read'], operations: ['PartnerProductsBySku'] });
      const headers = { 'content-type': 'application/json', 'x-api-key': key };
      const asText = await post(JSON.stringify({ query: products.text, variables: { skus: [sku] } }), headers);
      expect(asText.status).toBe(200);
      expect(JSON.parse(asText.text).data.products[0].sku).toBe(sku);
      const byHash = await post(
        JSON.stringify({ variables: { skus: [sku] }, extensions: { persistedQuery: { version: 1, sha256Hash: products.sha256 } } }),
        headers,
      );
      expect(byHash.status).toBe(200);
      expect(JSON.parse(byHash.text).data.products[0].sku).toBe(sku);
      const adHoc = await post(JSON.stringify({ query: `{ product(sku: "${sku}") { sku } }` }), headers);
      expect([adHoc.status, codeOf(adHoc.text)]).toEqual([403, 'OPERATION_NOT_SAFELISTED']);
      const otherRegistered = await post(
        JSON.stringify({ query: registry.byName('PartnerStoresWithStock')!.text, variables: { skus: [sku], city: 'Poznań' } }),
        headers,
      );
      expect([otherRegistered.status, codeOf(otherRegistered.text)]).toEqual([403, 'OPERATION_NOT_SAFELISTED']);
      const unknownHash = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }), headers);
      expect([unknownHash.status, codeOf(unknownHash.text)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    });

    it('every registered operation validates against the graph and needs only the scopes its users hold', async () => {
      for (const op of registry.all()) {
        const res = await stack.query(op.text, {
          skus: [sku],
          city: 'Poznań',
          email: 'anna.kowalska@example.com',
          phone: '+48 601 234 567',
          text: sku,
        });
        expect(res.status, op.name).toBe(200);
        expect(res.body.errors ?? [], op.name).toEqual([]);
      }
    });
  });

  describe('rate limits', () => {
    it('sends RateLimit headers, and 429 with Retry-After once the key is over its limit', async () => {
      const key = await stack.createKey({ name: 'tiny', scopes: ['catalog:read'], rateLimitPerMinute: 3 });
      const statuses: number[] = [];
      let last: Awaited<ReturnType<E2eStack['query']>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await stack.query('{ __typename }', {}, { key });
        statuses.push(last.status);
        if (i === 0) {
          expect(last.headers.get('ratelimit-limit')).toBe('3');
          expect(last.headers.get('ratelimit-remaining')).toBe('2');
          expect(last.headers.get('ratelimit-policy')).toBe('3;w=60');
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    });

    it("charges the estimated query cost against the key's cost budget", async () => {
      const key = await stack.createKey({ name: 'cost', scopes: ['catalog:read'], costPerMinute: 250 });
      const skus = stack.dataset.products.slice(0, 100).map((p) => p.sku);
      const query = 'query($skus: [ID!]!) { products(skus: $skus) { sku } }'; // estimated 1 + 100 × 1
      const first = await stack.query(query, { skus }, { key });
      const second = await stack.query(query, { skus }, { key });
      const third = await stack.query(query, { skus }, { key });
      expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
      expect(third.body.errors![0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    });
  });

  it('every error code a client saw in this file is in the registry, and no body names an internal URL or a stack', async () => {
    const res = await stack.query('{ product(sku: 1) { nope } }', {}, { key: catalogKey });
    for (const error of res.body.errors ?? []) expect(Object.keys(ERROR_CODES)).toContain(error.extensions.code);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|localhost|\bat .*\.ts:\d+/);
  });
});
