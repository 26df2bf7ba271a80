import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOMER_TOKEN_TTL_SECONDS, mintCustomerToken, verifyCustomerToken } from './customer-token.ts';

const SECRET = 'c'.repeat(40);
const AUDIENCE = 'omnigraph';
const NOW = new Date('2026-12-06T09:00:00Z');
const BINDING = { customerId: '10000000001', emails: ['Anna.Kowalska@example.pl '], eshopCustomerId: '2000', allegroBuyerLogin: 'ania_kowalska88' };
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const mint = (overrides: Partial<Parameters<typeof mintCustomerToken>[1]> = {}) =>
  mintCustomerToken(SECRET, { binding: BINDING, audience: AUDIENCE, keyId: 'key_shop', ownerId: 'shop', ttlSeconds: 600, now: NOW, ...overrides });

/** A token signed with SECRET around any claims, to reach the checks behind the signature. */
function forge(claims: unknown): string {
  const signed = `ogc_v1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
}

describe('customer tokens', () => {
  it('round-trips the binding (canonical: e-mails trimmed and lower-cased) with who minted it and when it ends', () => {
    const { token, expiresAt, claims } = mint();
    expect(token).toMatch(/^ogc_v1\.[\w-]+\.[\w-]{43}$/);
    expect(expiresAt).toEqual(at(600));
    const verified = verifyCustomerToken(SECRET, token, { audience: AUDIENCE, now: at(599) });
    expect(verified).toEqual({ ok: true, claims });
    expect(claims).toMatchObject({
      aud: AUDIENCE,
      sub: '10000000001',
      kid: 'key_shop',
      own: 'shop',
      cus: { customerId: '10000000001', emails: ['anna.kowalska@example.pl'], eshopCustomerId: '2000', allegroBuyerLogin: 'ania_kowalska88' },
    });
    expect(mint().token).not.toBe(token);
  });

  it('expires after its lifetime (10 s of replica clock skew allowed), and is not valid before it was issued', () => {
    const { token } = mint({ ttlSeconds: 60 });
    expect(verifyCustomerToken(SECRET, token, { audience: AUDIENCE, now: at(69) }).ok).toBe(true);
    expect(verifyCustomerToken(SECRET, token, { audience: AUDIENCE, now: at(70) })).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyCustomerToken(SECRET, token, { audience: AUDIENCE, now: at(-11) })).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('refuses another audience, another secret, an edited payload or signature', () => {
    const { token } = mint();
    expect(verifyCustomerToken(SECRET, token, { audience: 'omnigraph-staging', now: NOW })).toEqual({ ok: false, reason: 'WRONG_AUDIENCE' });
    expect(verifyCustomerToken('d'.repeat(40), token, { audience: AUDIENCE, now: NOW })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const [version, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    for (const edit of [
      () => (claims.cus.customerId = claims.sub = '10000000002'),
      () => (claims.exp += 3_600),
      () => claims.cus.emails.push('tomasz.wisniewski@example.pl'),
      () => (claims.aud = 'x'),
    ]) {
      edit();
      const edited = `${version}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
      expect(verifyCustomerToken(SECRET, edited, { audience: AUDIENCE, now: NOW })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    }
    const flipped = `${version}.${payload}.${(mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)}`;
    expect(verifyCustomerToken(SECRET, flipped, { audience: AUDIENCE, now: NOW })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses malformed tokens before any crypto, and well-signed claims outside the rules', () => {
    for (const bad of ['', 'ogc_', 'ogc_v1.a', 'ogc_v2.a.b', 'omg_v1.a.b', 'ogc_v1.a+b.c', `ogc_v1.${'a'.repeat(5_000)}.b`]) {
      expect(verifyCustomerToken(SECRET, bad, { audience: AUDIENCE, now: NOW }), bad).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    const good = mint().claims;
    const iat = Math.floor(NOW.getTime() / 1000);
    for (const claims of [
      { ...good, exp: iat + MAX_CUSTOMER_TOKEN_TTL_SECONDS + 1 },
      { ...good, exp: iat },
      { ...good, sub: '10000000002' },
      { ...good, admin: true },
      { ...good, cus: { ...good.cus, scopes: ['customers:pii'] } },
      { ...good, cus: { ...good.cus, emails: Array.from({ length: 21 }, (_, i) => `a${i}@x.pl`) } },
      { ...good, cus: { ...good.cus, customerId: '../10000000002' }, sub: '../10000000002' },
      { ...good, jti: 'short' },
    ]) {
      expect(verifyCustomerToken(SECRET, forge(claims), { audience: AUDIENCE, now: NOW }), JSON.stringify(claims)).toEqual({
        ok: false,
        reason: 'MALFORMED',
      });
    }
    // the forging helper makes accepted tokens, so the refusals above are about the claims
    expect(verifyCustomerToken(SECRET, forge(good), { audience: AUDIENCE, now: NOW }).ok).toBe(true);
  });

  it('mints nothing longer-lived than 15 minutes', () => {
    expect(() => mint({ ttlSeconds: MAX_CUSTOMER_TOKEN_TTL_SECONDS + 1 })).toThrow(RangeError);
    expect(() => mint({ ttlSeconds: 0 })).toThrow(RangeError);
    expect(mint({ ttlSeconds: MAX_CUSTOMER_TOKEN_TTL_SECONDS }).expiresAt).toEqual(at(900));
  });
});
