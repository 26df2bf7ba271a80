import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore } from '@omnigraph/auth';
import { createAuthenticator } from '../edge/authenticate.ts';
import { buildProfiles } from '../edge/profiles.ts';
import type { RateLimitDecision, RateLimiter } from '../rate-limit/index.ts';
import { createCustomerTokenEndpoint, type CustomerTokenSettings } from './customer-token-endpoint.ts';
import { verifyCustomerToken } from './customer-token.ts';
import { BindingUnavailableError, type ResolveBinding } from './resolve-binding.ts';

const SECRET = 'e'.repeat(40);
const SETTINGS: CustomerTokenSettings = { secret: SECRET, audience: 'omnigraph', ttlSeconds: 300 };
const profiles = buildProfiles({ allowBatchingForInternal: false, partnerCostPerMinute: 1_000, internalCostPerMinute: 9_000 });
const allowed: RateLimitDecision = { allowed: true, limit: 60, remaining: 59, resetSeconds: 60, store: 'local' };

let server: Server | undefined;
afterEach(() => server?.close());

async function setup(options: { settings?: CustomerTokenSettings; resolveBinding?: ResolveBinding; decision?: RateLimitDecision } = {}) {
  const keys = createApiKeyService({ store: createMemoryKeyStore(), pepper: 'p'.repeat(40) });
  const storefront = (
    await keys.createKey({ name: 's', ownerId: 'shop', scopes: ['customer-tokens:issue'], rateLimitPerMinute: 60, profile: 'internal' })
  ).key;
  const resolved: string[] = [];
  const limiter: RateLimiter = { consume: async () => options.decision ?? allowed, close: async () => {} };
  const handle = createCustomerTokenEndpoint({
    settings: options.settings ?? SETTINGS,
    authenticator: createAuthenticator({ keys, profiles, customerTokens: { secret: SECRET, audience: 'omnigraph', rateLimitPerMinute: 60 } }),
    limiter,
    resolveBinding:
      options.resolveBinding ??
      (async (id) => {
        resolved.push(id);
        return id === '1' ? { customerId: '1', emails: ['anna@example.pl'] } : null;
      }),
  });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/customer-tokens`;
  const post = async (body: string, headers: Record<string, string> = {}, method = 'POST') => {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${storefront}`, ...headers },
      ...(method === 'GET' ? {} : { body }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  return { post, resolved };
}

const codeOf = (r: { body: any }) => r.body.errors?.[0]?.extensions?.code;

describe('POST /customer-tokens', () => {
  it('mints a token the gateway accepts, for the customer the CRM knows', async () => {
    const { post, resolved } = await setup();
    const res = await post('{"customerId":"1"}');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const verified = verifyCustomerToken(SECRET, res.body.token, { audience: 'omnigraph' });
    expect(verified.ok && verified.claims.cus).toEqual({ customerId: '1', emails: ['anna@example.pl'] });
    expect(resolved).toEqual(['1']);
  });

  it('answers 404 while customer tokens are off, before reading the credential', async () => {
    const { post } = await setup({ settings: { ...SETTINGS, secret: undefined } });
    expect(codeOf(await post('{"customerId":"1"}', { authorization: '' }))).toBe('NOT_FOUND');
  });

  it('refuses other methods and bodies that are not a JSON object with a customer id, without asking the CRM', async () => {
    const { post, resolved } = await setup();
    const get = await post('', {}, 'GET');
    expect([get.status, codeOf(get), get.headers.get('allow')]).toEqual([400, 'BAD_REQUEST', 'POST']);
    expect(codeOf(await post('customerId=1', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe('BAD_REQUEST');
    expect(codeOf(await post('{not json'))).toBe('BAD_REQUEST');
    expect((await post(JSON.stringify({ customerId: '1'.repeat(2_000) }))).status).toBe(413);
    for (const body of ['[]', '{}', '{"customerId":1}', '{"customerId":"a b"}']) {
      const res = await post(body);
      expect(res.body.errors[0].extensions, body).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'customerId' });
    }
    expect(resolved).toEqual([]);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE with Retry-After when the CRM cannot be asked, 404 for an unknown customer', async () => {
    const down = await setup({
      resolveBinding: async () => {
        throw new BindingUnavailableError('crm answered HTTP 503');
      },
    });
    const res = await down.post('{"customerId":"1"}');
    expect([res.status, codeOf(res), res.headers.get('retry-after')]).toEqual([502, 'UPSTREAM_UNAVAILABLE', '1']);
    const up = await setup();
    expect(codeOf(await up.post('{"customerId":"2"}'))).toBe('NOT_FOUND');
  });

  it("counts against the key's rate limit: 429 with Retry-After once it is used up", async () => {
    const { post, resolved } = await setup({
      decision: { allowed: false, reason: 'RATE_LIMITED', limit: 60, remaining: 0, resetSeconds: 7, retryAfterSeconds: 7, store: 'local' },
    });
    const res = await post('{"customerId":"1"}');
    expect([res.status, codeOf(res), res.headers.get('retry-after')]).toEqual([429, 'RATE_LIMITED', '7']);
    expect(resolved).toEqual([]);
  });
});
