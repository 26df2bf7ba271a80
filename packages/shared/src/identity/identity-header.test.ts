import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IDENTITY_CLOCK_SKEW_SECONDS, IDENTITY_LIFETIME_SECONDS, signIdentity, verifyIdentity, type RequestIdentity } from './index.ts';

const SECRET = 's'.repeat(32);
const BODY = JSON.stringify({ query: '{ locations { code } }' });
const NOW = new Date('2026-11-24T02:00:00Z');
const PARTNER: RequestIdentity = { subject: 'key_123', kind: 'api-key', ownerId: 'acme', scopes: ['orders:read'], profile: 'partner' };

const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000);

/** A header signed with SECRET around an arbitrary payload, to reach the checks behind the signature. */
function forge(payload: unknown): string {
  const signed = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
}

describe('signIdentity / verifyIdentity', () => {
  it('round-trips the identity for the exact body it was signed with', () => {
    const header = signIdentity(SECRET, PARTNER, BODY, NOW);
    expect(header).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyIdentity(SECRET, header, BODY, NOW)).toEqual({ ok: true, identity: PARTNER });
    expect(verifyIdentity(SECRET, header, Buffer.from(BODY, 'utf8'), NOW)).toEqual({ ok: true, identity: PARTNER });
  });

  it('carries the gateway deadline under the signature: changing it breaks the header', () => {
    const deadlineAt = NOW.getTime() + 4_500;
    const header = signIdentity(SECRET, PARTNER, BODY, NOW, { deadlineAt });
    expect(verifyIdentity(SECRET, header, BODY, NOW)).toEqual({ ok: true, identity: PARTNER, deadlineAt });
    const [version, payload, signature] = header.split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const moved = Buffer.from(JSON.stringify({ ...decoded, deadline: deadlineAt + 60_000 })).toString('base64url');
    expect(verifyIdentity(SECRET, `${version}.${moved}.${signature}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('carries "fresh reads" (a write decides on them) under the signature; absent unless asked for', () => {
    const header = signIdentity(SECRET, PARTNER, BODY, NOW, { freshReads: true });
    expect(verifyIdentity(SECRET, header, BODY, NOW)).toEqual({ ok: true, identity: PARTNER, freshReads: true });
    expect(verifyIdentity(SECRET, signIdentity(SECRET, PARTNER, BODY, NOW, { freshReads: false }), BODY, NOW)).toEqual({
      ok: true,
      identity: PARTNER,
    });
    const [version, payload, signature] = signIdentity(SECRET, PARTNER, BODY, NOW).split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const added = Buffer.from(JSON.stringify({ ...decoded, fresh: true })).toString('base64url');
    expect(verifyIdentity(SECRET, `${version}.${added}.${signature}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('keeps an identity without ownerId without one, and non-ASCII subjects intact', () => {
    const jwt: RequestIdentity = { subject: 'użytkownik|42', kind: 'jwt', scopes: [], profile: 'internal' };
    const result = verifyIdentity(SECRET, signIdentity(SECRET, jwt, BODY, NOW), BODY, NOW);
    expect(result).toEqual({ ok: true, identity: jwt });
    expect(result.ok && 'ownerId' in result.identity).toBe(false);
  });

  it('refuses a header signed with another secret', () => {
    const header = signIdentity('o'.repeat(32), PARTNER, BODY, NOW);
    expect(verifyIdentity(SECRET, header, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a tampered payload or signature', () => {
    const [version, payload, mac] = signIdentity(SECRET, PARTNER, BODY, NOW).split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    decoded.identity.profile = 'internal';
    decoded.identity.scopes.push('admin');
    const elevated = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    expect(verifyIdentity(SECRET, `${version}.${elevated}.${mac}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(verifyIdentity(SECRET, `${version}.${payload}.${flipped}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyIdentity(SECRET, `${version}.${payload}.${mac.slice(0, -2)}`, BODY, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses the header with any other body, even one differing in whitespace', () => {
    const header = signIdentity(SECRET, PARTNER, BODY, NOW);
    for (const other of [JSON.stringify({ query: '{ products(skus: ["X"]) { sku } }' }), `${BODY} `, '', BODY.replace('code', 'name')]) {
      expect(verifyIdentity(SECRET, header, other, NOW)).toEqual({ ok: false, reason: 'BODY_MISMATCH' });
    }
  });

  it('accepts the header for its lifetime plus the skew allowance and refuses it after', () => {
    const header = signIdentity(SECRET, PARTNER, BODY, NOW);
    const lastValid = IDENTITY_LIFETIME_SECONDS + IDENTITY_CLOCK_SKEW_SECONDS;
    expect(verifyIdentity(SECRET, header, BODY, at(lastValid)).ok).toBe(true);
    expect(verifyIdentity(SECRET, header, BODY, at(lastValid + 1))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyIdentity(SECRET, header, BODY, at(3600))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('tolerates a signer clock ahead by the skew allowance, not more', () => {
    const header = signIdentity(SECRET, PARTNER, BODY, NOW);
    expect(verifyIdentity(SECRET, header, BODY, at(-IDENTITY_CLOCK_SKEW_SECONDS)).ok).toBe(true);
    expect(verifyIdentity(SECRET, header, BODY, at(-IDENTITY_CLOCK_SKEW_SECONDS - 1))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('reports a missing header as MISSING', () => {
    expect(verifyIdentity(SECRET, undefined, BODY, NOW)).toEqual({ ok: false, reason: 'MISSING' });
    expect(verifyIdentity(SECRET, '', BODY, NOW)).toEqual({ ok: false, reason: 'MISSING' });
  });

  it('reports garbage of every shape as MALFORMED, never as valid and without throwing', () => {
    const valid = signIdentity(SECRET, PARTNER, BODY, NOW);
    const [, payload, mac] = valid.split('.') as [string, string, string];
    const garbage = [
      'x',
      'Bearer abc',
      '.',
      '..',
      '...',
      'v1..',
      `v1.${payload}.`,
      `v1..${mac}`,
      `v2.${payload}.${mac}`,
      `V1.${payload}.${mac}`,
      `v1.${payload}.${mac}.extra`,
      `v1.${payload}`,
      `v1.${payload}=.${mac}`,
      `v1.${payload}.${mac}==`,
      `v1.pay+load/.${mac}`,
      `v1.${payload} .${mac}`,
      `v1.${'A'.repeat(10_000)}.${mac}`,
      '\u0000\u0001\u0002',
      'v1.ü.ü',
      `${valid},${valid}`,
    ];
    for (const value of garbage) expect(verifyIdentity(SECRET, value, BODY, NOW), value.slice(0, 40)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('refuses correctly signed payloads that are not a well-formed identity', () => {
    const iat = Math.floor(NOW.getTime() / 1000);
    const good = JSON.parse(Buffer.from(signIdentity(SECRET, PARTNER, BODY, NOW).split('.')[1]!, 'base64url').toString('utf8'));
    const signedGarbage = [
      null,
      42,
      'text',
      [],
      {},
      { ...good, identity: undefined },
      { ...good, identity: { ...PARTNER, kind: 'root' } },
      { ...good, identity: { ...PARTNER, profile: 'admin' } },
      { ...good, identity: { ...PARTNER, subject: '' } },
      { ...good, identity: { ...PARTNER, scopes: 'orders:read' } },
      { ...good, identity: { ...PARTNER, extra: true } },
      { ...good, iat: String(iat) },
      { ...good, exp: undefined },
      { ...good, exp: iat + 86_400 },
      { ...good, exp: iat - 1 },
      { ...good, bodySha256: 'abc' },
      { ...good, admin: true },
    ];
    for (const payload of signedGarbage) {
      expect(verifyIdentity(SECRET, forge(payload), BODY, NOW), JSON.stringify(payload)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    const notJson = `v1.${Buffer.from('{not json').toString('base64url')}`;
    const header = `${notJson}.${createHmac('sha256', SECRET).update(notJson).digest('base64url')}`;
    expect(verifyIdentity(SECRET, header, BODY, NOW)).toEqual({ ok: false, reason: 'MALFORMED' });
    // the forging helper itself produces accepted headers, so the refusals above are about the payloads
    expect(verifyIdentity(SECRET, forge(good), BODY, NOW)).toEqual({ ok: true, identity: PARTNER });
  });
});
