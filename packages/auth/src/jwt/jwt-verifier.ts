import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from '@omnigraph/shared/logging';
import { claimAt, scopesFromClaims } from './claims.ts';
import type { JwtAuthConfig } from './jwt-config.ts';

/**
 * Asymmetric only. `none` would accept unsigned tokens, and HS* with a JWKS lets anyone who has the public key (everyone)
 * forge tokens by using it as the HMAC secret.
 */
export const JWT_ALGORITHMS: readonly string[] = ['RS256', 'ES256', 'EdDSA'];

export type JwtRefusal = 'MALFORMED' | 'INVALID' | 'EXPIRED' | 'UNAVAILABLE';

export type JwtVerification = { ok: true; subject: string; scopes: string[]; expiresAt?: Date } | { ok: false; reason: JwtRefusal };

export interface JwtVerifier {
  verify(token: string): Promise<JwtVerification>;
}

export interface JwtVerifierOptions {
  logger?: Pick<Logger, 'debug' | 'warn'>;
  /** jose's JWKS fetching; defaults are jose's (5 s timeout, 30 s cooldown between refetches on unknown kid, 10 min cache). */
  jwks?: { timeoutMs?: number; cooldownMs?: number; cacheMaxAgeMs?: number };
}

/** Bigger than any sane access token; stops us base64-decoding megabytes for an attacker. */
const MAX_TOKEN_LENGTH = 16_384;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Marks a JWKS endpoint failure, so it is told apart from a bad token after jwtVerify rethrows it. */
class JwksUnavailable extends Error {}

// Errors jose raises while fetching the key set (non-200, bad JSON, not a JWKS, timeout); a failed fetch() is a TypeError.
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === errors.JOSEError.code;
}

function refusalFor(error: unknown): JwtRefusal {
  if (error instanceof JwksUnavailable) return 'UNAVAILABLE';
  if (error instanceof errors.JWTExpired) return 'EXPIRED';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'MALFORMED';
  return 'INVALID';
}

/** Verifies OIDC access tokens against the identity provider's JWKS and maps their claims to our scopes. */
export function createJwtVerifier(config: JwtAuthConfig, options: JwtVerifierOptions = {}): JwtVerifier {
  const { logger } = options;
  const remote = createRemoteJWKSet(new URL(config.jwksUrl), {
    timeoutDuration: options.jwks?.timeoutMs,
    cooldownDuration: options.jwks?.cooldownMs,
    cacheMaxAge: options.jwks?.cacheMaxAgeMs,
  });
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      throw isFetchFailure(error) ? new JwksUnavailable('JWKS unavailable', { cause: error }) : error;
    }
  };

  const refuse = (reason: JwtRefusal, error?: unknown): JwtVerification => {
    // Only jose's error code and the fetch cause: never the token, and no claims (a subject can be an e-mail).
    if (reason === 'UNAVAILABLE') logger?.warn({ reason, err: (error as Error).cause }, 'jwt verification impossible: JWKS unavailable');
    else logger?.debug({ reason, code: (error as { code?: string } | undefined)?.code }, 'jwt refused');
    return { ok: false, reason };
  };

  return {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return refuse('MALFORMED');
      try {
        // Both halves must decode (header and a JSON-object payload) before we spend a JWKS fetch on the token.
        decodeProtectedHeader(token);
        decodeJwt(token);
      } catch (error) {
        return refuse('MALFORMED', error);
      }
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: [...JWT_ALGORITHMS],
          clockTolerance: config.clockToleranceSeconds,
          // A bearer token that never expires stays useful to whoever copies it from a log or a browser forever.
          requiredClaims: ['exp'],
        });
        const subject = claimAt(payload, config.subjectClaim);
        if (typeof subject !== 'string' || subject.length === 0) return refuse('INVALID');
        return {
          ok: true,
          subject,
          scopes: scopesFromClaims(payload, config.scopeMap),
          ...(payload.exp !== undefined ? { expiresAt: new Date(payload.exp * 1000) } : {}),
        };
      } catch (error) {
        return refuse(refusalFor(error), error);
      }
    },
  };
}
