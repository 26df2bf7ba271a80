import { describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore } from '@omnigraph/auth';
import { ConfigError } from '@omnigraph/shared/config';
import { loadGatewayConfig } from '../config.ts';
import { createAuthenticator } from '../edge/authenticate.ts';
import { buildProfiles } from '../edge/profiles.ts';
import { BOUND_SCOPES } from './bound-principal.ts';
import { mintCustomerToken } from './customer-token.ts';

const SECRET = 't'.repeat(40);
const profiles = buildProfiles({ allowBatchingForInternal: false, partnerCostPerMinute: 1_000, internalCostPerMinute: 9_000 });
const binding = { customerId: '10000000001', emails: ['anna.kowalska@example.pl'], eshopCustomerId: '2000' };

function authenticator(customerTokens: { secret: string | undefined; audience: string; rateLimitPerMinute: number } | undefined) {
  let lookups = 0;
  const store = createMemoryKeyStore();
  const counting: typeof store = {
    ...store,
    getByHash: (hash) => ((lookups += 1), store.getByHash(hash)),
    getById: (keyId) => ((lookups += 1), store.getById(keyId)),
  };
  const keys = createApiKeyService({ store: counting, pepper: 'p'.repeat(40) });
  return { auth: createAuthenticator({ keys, profiles, customerTokens }), lookups: () => lookups };
}

describe('customer-bound tokens at the edge', () => {
  it('become a partner-profile principal bound to the customer, limited per customer, named by the minting key', async () => {
    const { auth, lookups } = authenticator({ secret: SECRET, audience: 'omnigraph', rateLimitPerMinute: 120 });
    const { token } = mintCustomerToken(SECRET, { binding, audience: 'omnigraph', keyId: 'key_shop', ownerId: 'shop', ttlSeconds: 600 });
    const first = await auth.authenticate({ authorization: `Bearer ${token}` });
    const again = await auth.authenticate({
      'x-api-key': mintCustomerToken(SECRET, { binding, audience: 'omnigraph', keyId: 'key_shop', ttlSeconds: 60 }).token,
    });
    expect(first).toEqual({
      ok: true,
      principal: {
        identity: { subject: 'key_shop', kind: 'customer-token', ownerId: 'shop', scopes: [...BOUND_SCOPES], profile: 'partner', customer: binding },
        subject: expect.stringMatching(/^customer:[0-9a-f]{24}$/),
        rateLimit: { requestsPerMinute: 120, costPerMinute: 1_000 },
      },
    });
    // every token of one customer shares one budget; the rate-limit subject holds no id of theirs
    expect(again.ok && first.ok && again.principal.subject).toBe(first.ok && first.principal.subject);
    expect(first.ok && first.principal.subject).not.toContain(binding.customerId);
    expect(lookups()).toBe(0);
  });

  it('are refused with stable codes: expired, invalid, or customer tokens off', async () => {
    const { auth } = authenticator({ secret: SECRET, audience: 'omnigraph', rateLimitPerMinute: 120 });
    const expired = mintCustomerToken(SECRET, { binding, audience: 'omnigraph', keyId: 'k', ttlSeconds: 60, now: new Date(Date.now() - 600_000) });
    const staging = mintCustomerToken(SECRET, { binding, audience: 'staging', keyId: 'k', ttlSeconds: 60 });
    expect(await auth.authenticate({ authorization: `Bearer ${expired.token}` })).toMatchObject({ ok: false, code: 'CUSTOMER_TOKEN_EXPIRED' });
    expect(await auth.authenticate({ authorization: `Bearer ${staging.token}` })).toMatchObject({ ok: false, code: 'CUSTOMER_TOKEN_INVALID' });
    expect(await auth.authenticate({ authorization: 'Bearer ogc_v1.x.y' })).toMatchObject({ ok: false, code: 'CUSTOMER_TOKEN_INVALID' });
    const off = authenticator(undefined).auth;
    const valid = mintCustomerToken(SECRET, { binding, audience: 'omnigraph', keyId: 'k', ttlSeconds: 60 });
    expect(await off.authenticate({ authorization: `Bearer ${valid.token}` })).toMatchObject({ ok: false, code: 'CUSTOMER_TOKEN_INVALID' });
  });
});

describe('bound tokens pinned to registered operations', () => {
  it('carry the configured safelist, as a partner key with --operations does', async () => {
    const keys = createApiKeyService({ store: createMemoryKeyStore(), pepper: 'p'.repeat(40) });
    const auth = createAuthenticator({
      keys,
      profiles,
      customerTokens: { secret: SECRET, audience: 'omnigraph', rateLimitPerMinute: 60, operations: ['PartnerProductsBySku'] },
    });
    const { token } = mintCustomerToken(SECRET, { binding, audience: 'omnigraph', keyId: 'k', ttlSeconds: 60 });
    const outcome = await auth.authenticate({ authorization: `Bearer ${token}` });
    expect(outcome.ok && outcome.principal.operations).toEqual(['PartnerProductsBySku']);
  });
});

describe('customer token configuration', () => {
  const problemsOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadGatewayConfig(env);
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.issues.map((i) => `${i.path}: ${i.message}`);
    }
  };

  it('is off without a secret, on with one, 10 minutes by default', () => {
    expect(loadGatewayConfig({}).customerTokens).toEqual({ secret: undefined, audience: 'omnigraph', ttlSeconds: 600, rateLimitPerMinute: 120 });
    expect(loadGatewayConfig({ GATEWAY_CUSTOMER_TOKEN_SECRET: '' }).customerTokens.secret).toBeUndefined();
    expect(loadGatewayConfig({ GATEWAY_CUSTOMER_TOKEN_SECRET: SECRET, GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS: '900' }).customerTokens).toMatchObject({
      secret: SECRET,
      ttlSeconds: 900,
    });
  });

  it('refuses a short secret, the subgraph secret, and a lifetime over 15 minutes', () => {
    expect(problemsOf({ GATEWAY_CUSTOMER_TOKEN_SECRET: 'short' })).toEqual(['GATEWAY_CUSTOMER_TOKEN_SECRET: must be at least 32 characters']);
    expect(problemsOf({ GATEWAY_CUSTOMER_TOKEN_SECRET: SECRET, OMNIGRAPH_SUBGRAPH_SECRET: SECRET })).toEqual([
      'GATEWAY_CUSTOMER_TOKEN_SECRET: must differ from OMNIGRAPH_SUBGRAPH_SECRET',
    ]);
    expect(problemsOf({ GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS: '901' }).map((p) => p.split(':')[0])).toEqual(['GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS']);
    expect(problemsOf({ GATEWAY_CUSTOMER_TOKEN_OPERATIONS: 'PartnerProductsBySku, NoSuchOperation' })).toEqual([
      'GATEWAY_CUSTOMER_TOKEN_OPERATIONS: not registered in schema/operations: NoSuchOperation',
    ]);
    expect(loadGatewayConfig({ GATEWAY_CUSTOMER_TOKEN_OPERATIONS: 'PartnerProductsBySku' }).customerTokens.operations).toEqual([
      'PartnerProductsBySku',
    ]);
  });
});
