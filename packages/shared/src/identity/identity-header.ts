import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalBinding } from './customer-binding.ts';
import { requestIdentitySchema, type RequestIdentity } from './request-identity.ts';

export const IDENTITY_HEADER = 'x-omnigraph-identity';

/**
 * Short on purpose: the header is made right before the gateway sends the request and checked as soon as the body
 * has arrived, so a minute only has to cover transit and a slow subgraph queue; a captured header is useless after.
 */
export const IDENTITY_LIFETIME_SECONDS = 60;
/** Clock difference tolerated between the gateway's and a subgraph's host. */
export const IDENTITY_CLOCK_SKEW_SECONDS = 10;

const VERSION = 'v1';
/** Far above any real header (an identity is a few hundred bytes); refuses huge input before any decoding work. */
const MAX_HEADER_LENGTH = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export type IdentityFailureReason = 'MISSING' | 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'BODY_MISMATCH';
export type VerifyIdentityResult =
  | {
      ok: true;
      identity: RequestIdentity;
      /** epoch ms the gateway stops waiting for this request, when it set one */
      deadlineAt?: number;
      /** the gateway's id of the client request (logs) */
      requestId?: string;
      /** the W3C trace context of the gateway's fetch span (traces) */
      traceparent?: string;
      /** the caller decides a write on these reads: cached values do not count as fresh (see SignIdentityOptions) */
      freshReads?: true;
    }
  | { ok: false; reason: IdentityFailureReason };

export interface SignIdentityOptions {
  /**
   * Epoch ms at which the gateway gives up on this subgraph request. Signed with the identity, so a subgraph can
   * trust it to bound its own upstream calls: no subgraph waits longer than the gateway will.
   */
  deadlineAt?: number;
  /**
   * The gateway's request id and the trace context of its fetch: signed with the identity, so a subgraph logs and
   * traces under ids only the gateway can have chosen (a direct caller cannot attach its requests to another trace).
   */
  requestId?: string | undefined;
  traceparent?: string | undefined;
  /**
   * The reads decide a write (the commands subgraph checking stock, prices or an order's returnable quantities): the
   * subgraph asks its upstream instead of answering from its cache. Signed, so only a secret holder can spend the
   * upstream's budget this way.
   */
  freshReads?: boolean | undefined;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

const payloadSchema = z.strictObject({
  identity: requestIdentitySchema,
  /** issued at, seconds since the epoch */
  iat: z.number().int().nonnegative(),
  /** expires at, seconds since the epoch */
  exp: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the exact request body bytes: the header is valid for that body only */
  bodySha256: z.string().regex(SHA256_HEX),
  /** epoch ms: the gateway's deadline for this request (optional: probes and older gateways send none) */
  deadline: z.number().int().nonnegative().optional(),
  requestId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  traceparent: z.string().regex(TRACEPARENT).optional(),
  fresh: z.literal(true).optional(),
});

/**
 * The header value `v1.<base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, "v1.<payload>"))>`. The MAC covers
 * the version too, so a later format cannot be confused with this one. A home-made JWT-like format rather than a JWT
 * library: one algorithm, fixed by the version, leaves no `alg` header to negotiate and nothing to misconfigure.
 */
export function signIdentity(
  secret: string,
  identity: RequestIdentity,
  body: string | Uint8Array,
  now: Date = new Date(),
  options: SignIdentityOptions = {},
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = {
    identity: {
      subject: identity.subject,
      kind: identity.kind,
      ...(identity.ownerId === undefined ? {} : { ownerId: identity.ownerId }),
      scopes: [...identity.scopes],
      profile: identity.profile,
      ...(identity.customer === undefined ? {} : { customer: canonicalBinding(identity.customer) }),
    },
    iat,
    exp: iat + IDENTITY_LIFETIME_SECONDS,
    bodySha256: sha256Hex(body),
    ...(options.deadlineAt === undefined ? {} : { deadline: Math.floor(options.deadlineAt) }),
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    ...(options.traceparent === undefined ? {} : { traceparent: options.traceparent }),
    ...(options.freshReads === true ? { fresh: true } : {}),
  };
  const signed = `${VERSION}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
}

/**
 * Checks a header made by `signIdentity` against the body it arrived with. Order: shape, then signature (nothing the
 * sender wrote is parsed before it is known to come from a secret holder), then time, then body.
 */
export function verifyIdentity(
  secret: string,
  headerValue: string | undefined,
  body: string | Uint8Array,
  now: Date = new Date(),
): VerifyIdentityResult {
  if (headerValue === undefined || headerValue === '') return { ok: false, reason: 'MISSING' };
  if (headerValue.length > MAX_HEADER_LENGTH) return { ok: false, reason: 'MALFORMED' };
  const parts = headerValue.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'MALFORMED' };
  const [version, encodedPayload, encodedMac] = parts as [string, string, string];
  if (version !== VERSION || !BASE64URL.test(encodedPayload) || !BASE64URL.test(encodedMac)) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const expected = mac(secret, `${version}.${encodedPayload}`);
  const received = Buffer.from(encodedMac, 'base64url');
  // The length of a SHA-256 MAC is public, so comparing it first leaks nothing; timingSafeEqual needs equal lengths.
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };

  let payload: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'MALFORMED' };
    payload = parsed.data;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }

  const nowSeconds = now.getTime() / 1000;
  const lifetime = payload.exp - payload.iat;
  if (lifetime < 0 || lifetime > IDENTITY_LIFETIME_SECONDS) return { ok: false, reason: 'MALFORMED' };
  if (payload.iat > nowSeconds + IDENTITY_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'EXPIRED' };
  if (nowSeconds > payload.exp + IDENTITY_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'EXPIRED' };

  const bodyHash = Buffer.from(sha256Hex(body), 'utf8');
  if (!timingSafeEqual(bodyHash, Buffer.from(payload.bodySha256, 'utf8'))) return { ok: false, reason: 'BODY_MISMATCH' };
  const identity = payload.identity as RequestIdentity;
  return {
    ok: true,
    identity,
    ...(payload.deadline === undefined ? {} : { deadlineAt: payload.deadline }),
    ...(payload.requestId === undefined ? {} : { requestId: payload.requestId }),
    ...(payload.traceparent === undefined ? {} : { traceparent: payload.traceparent }),
    ...(payload.fresh === true ? { freshReads: true as const } : {}),
  };
}

function mac(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed, 'utf8').digest();
}

function sha256Hex(body: string | Uint8Array): string {
  return createHash('sha256')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}
