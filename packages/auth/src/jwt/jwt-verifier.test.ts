import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url } from 'jose';
import type { JWTPayload } from 'jose';
import { createLogger } from '@omnigraph/shared/logging';
import type { JwtAuthConfig } from './jwt-config.ts';
import { createJwtVerifier } from './jwt-verifier.ts';
import { createTestKey, startJwksServer, type TestKey } from './jwks-test-server.ts';

const ISSUER = 'https://login.example.pl/realms/omnigraph';
const AUDIENCE = 'omnigraph-gateway';

const configFor = (jwksUrl: string, overrides: Partial<JwtAuthConfig> = {}): JwtAuthConfig => ({
  jwksUrl,
  issuer: ISSUER,
  audience: AUDIENCE,
  clockToleranceSeconds: 30,
  scopeMap: {
    roles: { 'call-center': ['customers:read', 'customers:pii', 'orders:read'] },
    scope: { 'catalog.read': ['catalog:read'] },
    'realm_access.roles': { 'stock-viewer': ['stock:read'] },
  },
  subjectClaim: 'sub',
  rateLimitPerMinute: 600,
  ...overrides,
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function sign(key: TestKey, claims: JWTPayload = {}): Promise<string> {
  const now = nowSeconds();
  const payload = { sub: 'agent-17', roles: ['call-center'], iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 300, ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.privateKey);
}

const servers: { close: () => Promise<void> }[] = [];
async function jwks(keys: TestKey[]) {
  const server = await startJwksServer(keys);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let rsa: TestKey;
let ec: TestKey;
let ed: TestKey;
let stranger: TestKey;
beforeAll(async () => {
  [rsa, ec, ed, stranger] = await Promise.all([
    createTestKey('rsa-1', 'RS256'),
    createTestKey('ec-1', 'ES256'),
    createTestKey('ed-1', 'EdDSA'),
    createTestKey('rsa-1', 'RS256'), // same kid as the real key: only the signature tells them apart
  ]);
});

describe('createJwtVerifier: valid tokens', () => {
  it('returns the subject, mapped scopes and expiry for each allowed algorithm', async () => {
    const server = await jwks([rsa, ec, ed]);
    const verifier = createJwtVerifier(configFor(server.url));
    for (const key of [rsa, ec, ed]) {
      const result = await verifier.verify(await sign(key, { scope: 'openid catalog.read', realm_access: { roles: ['stock-viewer'] } }));
      expect(result).toMatchObject({
        ok: true,
        subject: 'agent-17',
        scopes: ['catalog:read', 'customers:pii', 'customers:read', 'orders:read', 'stock:read'],
      });
      expect(result.ok && result.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('accepts a token that maps to no scope, with an empty list (the gateway refuses it)', async () => {
    const server = await jwks([rsa]);
    const result = await createJwtVerifier(configFor(server.url)).verify(await sign(rsa, { roles: ['intern'] }));
    expect(result).toMatchObject({ ok: true, subject: 'agent-17', scopes: [] });
  });

  it('reads the subject from the configured claim, and refuses a token without it', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url, { subjectClaim: 'preferred_username' }));
    expect(await verifier.verify(await sign(rsa, { preferred_username: 'a.nowak' }))).toMatchObject({ ok: true, subject: 'a.nowak' });
    expect(await verifier.verify(await sign(rsa))).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('tolerates clock skew within the configured tolerance', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    const justExpired = await sign(rsa, { exp: nowSeconds() - 10 });
    expect(await verifier.verify(justExpired)).toMatchObject({ ok: true });
  });
});

describe('createJwtVerifier: refusals', () => {
  it('refuses a wrong issuer or audience as INVALID', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    expect(await verifier.verify(await sign(rsa, { iss: 'https://evil.example' }))).toEqual({ ok: false, reason: 'INVALID' });
    expect(await verifier.verify(await sign(rsa, { aud: 'another-api' }))).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses an expired token as EXPIRED and a not-yet-valid one as INVALID', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    expect(await verifier.verify(await sign(rsa, { exp: nowSeconds() - 120 }))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(await verifier.verify(await sign(rsa, { nbf: nowSeconds() + 600 }))).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses a token without exp', async () => {
    const server = await jwks([rsa]);
    const token = await new SignJWT({ sub: 'agent-17' })
      .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(rsa.privateKey);
    expect(await createJwtVerifier(configFor(server.url)).verify(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses a token signed by a key the JWKS does not hold, even under a known kid', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    expect(await verifier.verify(await sign(stranger))).toEqual({ ok: false, reason: 'INVALID' });
    expect(await verifier.verify(await sign(ec))).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses alg none and an HS256 token forged with the public key as secret', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    const claims = { sub: 'agent-17', roles: ['call-center'], iss: ISSUER, aud: AUDIENCE, exp: nowSeconds() + 300 };
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    expect(await verifier.verify(unsigned)).toEqual({ ok: false, reason: 'INVALID' });

    const secret = new TextEncoder().encode(JSON.stringify(rsa.publicJwk));
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: rsa.kid }).sign(secret);
    expect(await verifier.verify(forged)).toEqual({ ok: false, reason: 'INVALID' });
    // Neither got as far as fetching keys.
    expect(server.state.requests).toBe(0);
  });

  it('refuses garbage as MALFORMED without fetching keys', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    const valid = await sign(rsa);
    const [header, payload] = valid.split('.') as [string, string, string];
    const garbage = ['', 'not-a-jwt', 'a.b', 'a.b.c.d', 'omg_live_abc', '!!.??.##', 'a'.repeat(20_000)];
    // A valid token's parts rearranged: no signature part, a broken header, a payload that is not a JSON object.
    garbage.push(`${header}.${payload}`, `x${valid}`, `${header}.e30x.sig`);
    for (const token of garbage) {
      expect(await verifier.verify(token), token.slice(0, 40)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    expect(server.state.requests).toBe(0);
  });
});

describe('createJwtVerifier: the JWKS endpoint', () => {
  it('reports UNAVAILABLE when the endpoint is down, answers an error or times out', async () => {
    const down = await jwks([rsa]);
    await down.close();
    const token = await sign(rsa);
    expect(await createJwtVerifier(configFor(down.url)).verify(token)).toEqual({ ok: false, reason: 'UNAVAILABLE' });

    const failing = await jwks([rsa]);
    failing.state.mode = 'error';
    expect(await createJwtVerifier(configFor(failing.url)).verify(token)).toEqual({ ok: false, reason: 'UNAVAILABLE' });

    const hanging = await jwks([rsa]);
    hanging.state.mode = 'hang';
    const verifier = createJwtVerifier(configFor(hanging.url), { jwks: { timeoutMs: 50 } });
    expect(await verifier.verify(token)).toEqual({ ok: false, reason: 'UNAVAILABLE' });
  });

  it('reports UNAVAILABLE when the endpoint serves something that is not a key set', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    expect(await createJwtVerifier(configFor(url)).verify(await sign(rsa))).toEqual({ ok: false, reason: 'UNAVAILABLE' });
  });

  it('caches the key set: many verifications, one fetch', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    for (let i = 0; i < 5; i++) expect((await verifier.verify(await sign(rsa))).ok).toBe(true);
    expect(server.state.requests).toBe(1);
  });

  it('accepts a rotated-in key after refetching the key set', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url), { jwks: { cooldownMs: 0 } });
    expect((await verifier.verify(await sign(rsa))).ok).toBe(true);
    const next = await createTestKey('rsa-2');
    server.state.keys = [rsa, next];
    expect(await verifier.verify(await sign(next))).toMatchObject({ ok: true, subject: 'agent-17' });
    expect(server.state.requests).toBe(2);
  });

  it('does not refetch on every unknown kid within the cooldown (jose default 30 s)', async () => {
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url));
    expect((await verifier.verify(await sign(rsa))).ok).toBe(true);
    const next = await createTestKey('rsa-2');
    server.state.keys = [rsa, next];
    for (let i = 0; i < 3; i++) expect(await verifier.verify(await sign(next))).toEqual({ ok: false, reason: 'INVALID' });
    expect(server.state.requests).toBe(1);
  });
});

describe('createJwtVerifier: logging', () => {
  it('never writes the token or its claims', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ name: 'auth', level: 'debug', destination });
    const server = await jwks([rsa]);
    const verifier = createJwtVerifier(configFor(server.url), { logger });
    const expired = await sign(rsa, { exp: nowSeconds() - 120, sub: 'anna.kowalska@example.pl' });
    const forged = await sign(stranger, { sub: 'anna.kowalska@example.pl' });
    await verifier.verify(expired);
    await verifier.verify(forged);
    await server.close();
    const offline = createJwtVerifier(configFor(server.url), { logger });
    await offline.verify(forged);
    const written = lines.join('');
    expect(lines.length).toBe(3);
    expect(written).toContain('"reason":"EXPIRED"');
    expect(written).toContain('"reason":"UNAVAILABLE"');
    for (const token of [expired, forged]) for (const part of token.split('.')) expect(written).not.toContain(part);
    expect(written).not.toContain('anna.kowalska');
  });
});
