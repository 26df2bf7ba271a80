import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalBinding, isBoundAllegroLogin, isBoundEmail, signIdentity, verifyIdentity, type RequestIdentity } from './index.ts';

const SECRET = 's'.repeat(32);
const BODY = '{"query":"{ me { id } }"}';
const NOW = new Date('2026-12-06T09:00:00Z');
const BOUND: RequestIdentity = {
  subject: 'key_shop',
  kind: 'customer-token',
  ownerId: 'shop',
  scopes: ['customers:read'],
  profile: 'partner',
  customer: {
    customerId: '10000000001',
    emails: ['anna.kowalska@example.pl'],
    eshopCustomerId: '2000',
    allegroBuyerLogin: 'ania_kowalska88',
    erpPartnerId: '17',
  },
};

function forge(payload: unknown): string {
  const signed = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
}

describe('the customer binding in the signed identity', () => {
  it('travels to the subgraphs under the signature, canonical', () => {
    const identity = { ...BOUND, customer: { ...BOUND.customer!, emails: [' Anna.Kowalska@Example.pl', 'anna.kowalska@example.pl'] } };
    expect(verifyIdentity(SECRET, signIdentity(SECRET, identity, BODY, NOW), BODY, NOW)).toEqual({ ok: true, identity: BOUND });
  });

  it('cannot be moved to another customer or widened without the secret', () => {
    const [version, payload, mac] = signIdentity(SECRET, BOUND, BODY, NOW).split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    decoded.identity.customer.customerId = '10000000002';
    const moved = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    expect(verifyIdentity(SECRET, `${version}.${moved}.${mac}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    delete decoded.identity.customer;
    const unbound = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    expect(verifyIdentity(SECRET, `${version}.${unbound}.${mac}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a signed but absurd binding (a gateway bug) rather than handing it to resolvers', () => {
    const iat = Math.floor(NOW.getTime() / 1000);
    const base = { identity: BOUND, iat, exp: iat + 60, bodySha256: createHash('sha256').update(BODY).digest('hex') };
    expect(verifyIdentity(SECRET, forge(base), BODY, NOW)).toEqual({ ok: true, identity: BOUND });
    for (const customer of [
      { ...BOUND.customer, extra: 1 },
      { ...BOUND.customer, customerId: '' },
      { ...BOUND.customer, customerId: '1 OR 1=1' },
      { ...BOUND.customer, emails: 'anna.kowalska@example.pl' },
      { ...BOUND.customer, emails: Array.from({ length: 21 }, (_, i) => `a${i}@x.pl`) },
      { emails: [] },
    ]) {
      const payload = { ...base, identity: { ...BOUND, customer } };
      expect(verifyIdentity(SECRET, forge(payload), BODY, NOW), JSON.stringify(customer)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });

  it('matches e-mails and Allegro logins case-insensitively, and nothing when the binding has none', () => {
    const binding = canonicalBinding({ customerId: '1', emails: ['Anna@Example.pl'] });
    expect(binding.emails).toEqual(['anna@example.pl']);
    expect(isBoundEmail(binding, ' ANNA@example.PL ')).toBe(true);
    expect(isBoundEmail(binding, 'anna@example.pl.evil')).toBe(false);
    expect(isBoundEmail(binding, '')).toBe(false);
    expect(isBoundEmail(binding, null)).toBe(false);
    expect(isBoundAllegroLogin(binding, 'anything')).toBe(false);
    expect(isBoundAllegroLogin({ ...binding, allegroBuyerLogin: 'Ania_K' }, 'ania_k')).toBe(true);
    expect(isBoundAllegroLogin({ ...binding, allegroBuyerLogin: 'ania_k' }, 'ania_k2')).toBe(false);
  });
});
