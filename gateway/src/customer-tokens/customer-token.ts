import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalBinding, customerBindingSchema, type CustomerBinding } from '@omnigraph/shared/identity';

/**
 * Customer-bound tokens (ADR 0009): `ogc_v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, "ogc_v1.<claims>"))>`.
 * The prefix tells them from API keys (`omg_…`) and OIDC JWTs at a glance, before any crypto; the version is under
 * the MAC, so a later format cannot be mistaken for this one. One algorithm fixed by the version, as for the identity
 * header: no `alg` to negotiate. Only the gateway mints and checks them, so a shared-secret MAC is enough.
 */
export const CUSTOMER_TOKEN_PREFIX = 'ogc_';
const VERSION = 'ogc_v1';
/** The longest a token may live, whatever the configuration says: a leaked token is useless after this. */
export const MAX_CUSTOMER_TOKEN_TTL_SECONDS = 900;
export const DEFAULT_CUSTOMER_TOKEN_TTL_SECONDS = 600;
export const MIN_CUSTOMER_TOKEN_SECRET_LENGTH = 32;
/** Clock difference tolerated between gateway replicas. */
const CLOCK_SKEW_SECONDS = 10;
/** A token holds one binding (a few hundred bytes); anything far longer is refused before decoding. */
const MAX_TOKEN_LENGTH = 4_096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const claimsSchema = z.strictObject({
  /** the gateway deployment the token is for (GATEWAY_CUSTOMER_TOKEN_AUDIENCE) */
  aud: z.string().min(1).max(200),
  /** the CRM customer id (same as `cus.customerId`) */
  sub: z.string().min(1).max(64),
  /** the id of the API key that minted it: the storefront, for logs and usage */
  kid: z.string().min(1).max(200),
  /** the owner of that key */
  own: z.string().min(1).max(200).optional(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().nonnegative(),
  /** a random id, so two tokens are never equal and one can be named in an incident */
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  cus: customerBindingSchema,
});

export type CustomerTokenClaims = z.infer<typeof claimsSchema>;

export interface MintCustomerTokenInput {
  binding: CustomerBinding;
  audience: string;
  /** the minting key */
  keyId: string;
  ownerId?: string | undefined;
  ttlSeconds: number;
  now?: Date;
}

export interface MintedCustomerToken {
  token: string;
  expiresAt: Date;
  claims: CustomerTokenClaims;
}

export function mintCustomerToken(secret: string, input: MintCustomerTokenInput): MintedCustomerToken {
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < 1 || input.ttlSeconds > MAX_CUSTOMER_TOKEN_TTL_SECONDS) {
    throw new RangeError(`a customer token lives 1..${MAX_CUSTOMER_TOKEN_TTL_SECONDS} s`);
  }
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const binding = canonicalBinding(input.binding);
  const claims: CustomerTokenClaims = {
    aud: input.audience,
    sub: binding.customerId,
    kid: input.keyId,
    ...(input.ownerId === undefined ? {} : { own: input.ownerId }),
    iat,
    exp: iat + input.ttlSeconds,
    jti: randomBytes(16).toString('base64url'),
    cus: binding,
  };
  const signed = `${VERSION}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}`;
  return { token: `${signed}.${mac(secret, signed).toString('base64url')}`, expiresAt: new Date(claims.exp * 1000), claims };
}

export type CustomerTokenFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_AUDIENCE';
export type VerifyCustomerTokenResult = { ok: true; claims: CustomerTokenClaims } | { ok: false; reason: CustomerTokenFailure };

/**
 * Shape, then signature (nothing in the token is parsed before it is known to come from the gateway), then claims,
 * audience and time. A token living longer than the hard maximum is refused even with a valid signature.
 */
export function verifyCustomerToken(secret: string, token: string, options: { audience: string; now?: Date }): VerifyCustomerTokenResult {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'MALFORMED' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'MALFORMED' };
  const [version, encoded, encodedMac] = parts as [string, string, string];
  if (version !== VERSION || !BASE64URL.test(encoded) || !BASE64URL.test(encodedMac)) return { ok: false, reason: 'MALFORMED' };
  const expected = mac(secret, `${version}.${encoded}`);
  const received = Buffer.from(encodedMac, 'base64url');
  // a SHA-256 MAC's length is public; timingSafeEqual needs equal lengths
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  let claims: CustomerTokenClaims;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'MALFORMED' };
    claims = parsed.data;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (claims.sub !== claims.cus.customerId) return { ok: false, reason: 'MALFORMED' };
  const lifetime = claims.exp - claims.iat;
  if (lifetime < 1 || lifetime > MAX_CUSTOMER_TOKEN_TTL_SECONDS) return { ok: false, reason: 'MALFORMED' };
  if (claims.aud !== options.audience) return { ok: false, reason: 'WRONG_AUDIENCE' };
  const nowSeconds = (options.now ?? new Date()).getTime() / 1000;
  // issued in the future: not a clock a replica of ours has
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'MALFORMED' };
  if (nowSeconds >= claims.exp + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, claims };
}

function mac(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed, 'utf8').digest();
}
