import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AllegroCredentials } from './config.ts';
import { uuidOf } from './allegro-mappers.ts';

/** The scopes a seller grants the application; the operations this simulator serves need these. */
export const ALLEGRO_SCOPES = [
  'allegro:api:orders:read',
  'allegro:api:orders:write',
  'allegro:api:sale:offers:read',
  'allegro:api:sale:offers:write',
  'allegro:api:profile:read',
  'allegro:api:fulfillment:read',
  'allegro:api:payments:read',
  'allegro:api:payments:write',
] as const;

/** Refresh tokens live about three months (developer.allegro.pl "Authentication and authorization"). */
const REFRESH_TTL_SECONDS = 90 * 24 * 3600;

/** Claims of the JWT access tokens; real Allegro tokens decode to the same names. */
export interface TokenClaims {
  /** the seller id; absent on client_credentials (application) tokens */
  user_name?: string;
  client_id: string;
  scope: string[];
  allegro_api: true;
  authorities?: string[];
  iss: string;
  /** epoch seconds */
  exp: number;
  jti: string;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  refresh_token?: string;
  expires_in: number;
  scope: string;
  allegro_api: true;
  jti: string;
}

export type GrantResult = { ok: true; body: TokenResponse } | { ok: false; status: number; error: string; description: string };

interface RefreshGrant {
  userName: string;
  scopes: string[];
  /** epoch ms */
  expiresAtMs: number;
}

const JWT_HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/** Verified tokens are cached so a hot GET does not pay for HMAC and JSON parsing each time. */
const VERIFY_CACHE_MAX = 10_000;

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

/**
 * OAuth2 of the simulated Allegro: issues JWT-shaped tokens signed with HMAC-SHA256 (real Allegro signs with RS256,
 * which a client never verifies anyway), verifies bearer tokens, and keeps the set of live refresh tokens, which
 * rotate: using one returns a new one and retires the old (see README).
 */
export class AllegroAuth {
  private refreshTokens = new Map<string, RefreshGrant>();
  private verified = new Map<string, TokenClaims>();
  private seq = 0;

  readonly credentials: AllegroCredentials;
  readonly sellerId: string;
  private readonly clock: () => number;

  constructor(credentials: AllegroCredentials, sellerId: string, clock: () => number) {
    this.credentials = credentials;
    this.sellerId = sellerId;
    this.clock = clock;
    this.reset();
  }

  reset(): void {
    this.refreshTokens = new Map([
      [
        this.credentials.refreshToken,
        {
          userName: this.sellerId,
          scopes: [...ALLEGRO_SCOPES],
          // The configured token stands for one the seller granted earlier; it does not age out while running.
          expiresAtMs: Number.POSITIVE_INFINITY,
        },
      ],
    ]);
    this.verified.clear();
    this.seq = 0;
  }

  /** Checks an `Authorization: Basic` header against the configured client. */
  checkClient(authorization: string | undefined): 'ok' | 'missing' | 'bad' {
    if (!authorization || !/^basic\s+/i.test(authorization)) return 'missing';
    const decoded = Buffer.from(authorization.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return 'bad';
    const id = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    return safeEqual(id, this.credentials.clientId) && safeEqual(secret, this.credentials.clientSecret) ? 'ok' : 'bad';
  }

  /** Parses a `scope` request parameter; null means "all the application's scopes". */
  parseScopes(raw: string | null): { ok: true; scopes: string[] } | { ok: false; invalid: string } {
    if (raw === null || raw.trim() === '') return { ok: true, scopes: [...ALLEGRO_SCOPES] };
    const scopes = raw.split(/[\s,]+/).filter(Boolean);
    const known: readonly string[] = ALLEGRO_SCOPES;
    const invalid = scopes.find((s) => !known.includes(s));
    return invalid === undefined ? { ok: true, scopes } : { ok: false, invalid };
  }

  clientCredentials(scopes: string[]): TokenResponse {
    return this.tokenResponse(undefined, scopes, false);
  }

  authorizationCode(code: string | null, scopes: string[]): GrantResult {
    if (code === null || code === '' || !safeEqual(code, this.credentials.authCode)) {
      return { ok: false, status: 400, error: 'invalid_grant', description: `Invalid authorization code: ${code ?? 'null'}` };
    }
    return { ok: true, body: this.tokenResponse(this.sellerId, scopes, true) };
  }

  refresh(refreshToken: string | null): GrantResult {
    const grant = refreshToken === null ? undefined : this.refreshTokens.get(refreshToken);
    if (refreshToken === null || grant === undefined) {
      return {
        ok: false,
        status: 400,
        error: 'invalid_grant',
        description: `Invalid refresh token: ${refreshToken ?? 'null'}`,
      };
    }
    if (grant.expiresAtMs <= this.clock()) {
      this.refreshTokens.delete(refreshToken);
      return { ok: false, status: 400, error: 'invalid_grant', description: `Invalid refresh token (expired): ${refreshToken}` };
    }
    // Rotation: the used token is retired; only the one returned now will work next time.
    this.refreshTokens.delete(refreshToken);
    return { ok: true, body: this.tokenResponse(grant.userName, grant.scopes, true) };
  }

  /** A fresh seller token with every scope, for `GET /__simulator` and for tests. */
  sellerAccessToken(): string {
    return this.issueAccessToken(this.sellerId, [...ALLEGRO_SCOPES]).token;
  }

  /** A fresh application (client_credentials) token. */
  applicationAccessToken(): string {
    return this.issueAccessToken(undefined, [...ALLEGRO_SCOPES]).token;
  }

  /** The refresh tokens that would be accepted right now. */
  liveRefreshTokens(): string[] {
    return [...this.refreshTokens.keys()];
  }

  verify(token: string): VerifyResult {
    let claims = this.verified.get(token);
    if (!claims) {
      const parsed = this.decode(token);
      if (!parsed) return { ok: false, reason: 'invalid' };
      claims = parsed;
      if (this.verified.size >= VERIFY_CACHE_MAX) this.verified.clear();
      this.verified.set(token, claims);
    }
    if (claims.exp * 1000 <= this.clock()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /** The client id of a well-signed token, expired or not: the rate-limit key. */
  clientIdOf(token: string): string | null {
    const cached = this.verified.get(token);
    if (cached) return cached.client_id;
    return this.decode(token)?.client_id ?? null;
  }

  private decode(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = this.sign(`${header}.${payload}`);
    if (!safeEqual(signature, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.exp !== 'number' || typeof claims.client_id !== 'string' || !Array.isArray(claims.scope)) {
        return null;
      }
      return claims;
    } catch {
      return null;
    }
  }

  private sign(input: string): string {
    return createHmac('sha256', this.credentials.tokenSecret).update(input).digest('base64url');
  }

  private issueAccessToken(userName: string | undefined, scopes: string[]): { token: string; claims: TokenClaims } {
    this.seq += 1;
    const nowSeconds = Math.floor(this.clock() / 1000);
    const claims: TokenClaims = {
      ...(userName === undefined ? {} : { user_name: userName }),
      client_id: this.credentials.clientId,
      scope: scopes,
      allegro_api: true,
      ...(userName === undefined ? {} : { authorities: ['ROLE_USER'] }),
      iss: 'https://allegro.pl',
      exp: nowSeconds + this.credentials.tokenTtlSeconds,
      jti: uuidOf('access-token', this.seq),
    };
    const unsigned = `${JWT_HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, claims };
  }

  private tokenResponse(userName: string | undefined, scopes: string[], withRefresh: boolean): TokenResponse {
    const { token, claims } = this.issueAccessToken(userName, scopes);
    const body: TokenResponse = {
      access_token: token,
      token_type: 'bearer',
      expires_in: this.credentials.tokenTtlSeconds,
      scope: scopes.join(' '),
      allegro_api: true,
      jti: claims.jti,
    };
    if (withRefresh && userName !== undefined) {
      const expiresAtMs = this.clock() + REFRESH_TTL_SECONDS * 1000;
      const refreshClaims = {
        user_name: userName,
        scope: scopes,
        ati: claims.jti,
        allegro_api: true,
        exp: Math.floor(expiresAtMs / 1000),
        jti: uuidOf('refresh-token', this.seq),
        client_id: this.credentials.clientId,
      };
      const unsigned = `${JWT_HEADER}.${base64url(JSON.stringify(refreshClaims))}`;
      const refreshToken = `${unsigned}.${this.sign(unsigned)}`;
      this.refreshTokens.set(refreshToken, { userName, scopes, expiresAtMs });
      // Insert refresh_token after token_type, where Spring's OAuth2 serializer puts it.
      return {
        access_token: body.access_token,
        token_type: body.token_type,
        refresh_token: refreshToken,
        expires_in: body.expires_in,
        scope: body.scope,
        allegro_api: true,
        jti: body.jti,
      };
    }
    return body;
  }
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
