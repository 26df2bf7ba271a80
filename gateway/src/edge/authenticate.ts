import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyService, JwtVerifier } from '@omnigraph/auth';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { Logger } from '@omnigraph/shared/logging';
import type { RateLimitPolicy } from '../rate-limit/index.ts';
import type { Profile, ProfileSettings } from './profiles.ts';
import { authenticateCustomerToken, type CustomerTokenAuthOptions } from '../customer-tokens/bound-principal.ts';
import { CUSTOMER_TOKEN_PREFIX } from '../customer-tokens/customer-token.ts';

/** The authenticated caller, as every later stage of the edge needs it. */
export interface Principal {
  identity: RequestIdentity & { profile: Profile };
  /** the rate-limit subject: `key:<keyId>` or `jwt:<digest of sub>`, never the credential nor a person's name */
  subject: string;
  rateLimit: RateLimitPolicy;
  /** when set, the caller may run only these registered operations */
  operations?: readonly string[];
}

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; code: 'UNAUTHENTICATED' | 'AUTH_UNAVAILABLE' | 'CUSTOMER_TOKEN_EXPIRED' | 'CUSTOMER_TOKEN_INVALID'; message: string };

export interface AuthenticatorOptions {
  keys: ApiKeyService;
  /** OIDC access tokens of internal users; absent when no JWKS URL is configured */
  jwt?: { verifier: JwtVerifier; rateLimitPerMinute: number } | undefined;
  profiles: Record<Profile, ProfileSettings>;
  logger?: Pick<Logger, 'warn'> | undefined;
  /** customer-bound tokens (`ogc_…`, ADR 0009); absent: refused like any unknown credential */
  customerTokens?: Omit<CustomerTokenAuthOptions, 'partnerProfile'> | undefined;
}

const API_KEY_PREFIX = 'omg_';
const refuse = (message: string): AuthOutcome => ({ ok: false, code: 'UNAUTHENTICATED', message });
const unavailable: AuthOutcome = {
  ok: false,
  code: 'AUTH_UNAVAILABLE',
  message: 'The credential could not be checked right now; retry shortly.',
};

/**
 * Finds the one credential of a request (`X-Api-Key: omg_…` or `Authorization: Bearer <key or JWT>`) and turns it
 * into a principal. A malformed key is refused by its checksum without a storage lookup (inside the key service);
 * a store or identity-provider outage is AUTH_UNAVAILABLE (503, retryable), never a 401 that would make a client
 * throw its valid key away, and never a 500.
 */
export function createAuthenticator(options: AuthenticatorOptions) {
  const { keys, jwt, profiles, logger } = options;

  async function withApiKey(raw: string): Promise<AuthOutcome> {
    let result;
    try {
      result = await keys.authenticate(raw);
    } catch (error) {
      logger?.warn({ err: error }, 'api key store unavailable');
      return unavailable;
    }
    if (!result.ok) {
      switch (result.reason) {
        case 'REVOKED':
          return refuse('This API key has been revoked.');
        case 'EXPIRED':
          return refuse('This API key has expired.');
        default:
          return refuse('The API key is not valid.');
      }
    }
    const record = result.record;
    const profile = profiles[record.profile];
    return {
      ok: true,
      principal: {
        identity: { subject: record.keyId, kind: 'api-key', ownerId: record.ownerId, scopes: record.scopes, profile: record.profile },
        subject: `key:${record.keyId}`,
        rateLimit: {
          requestsPerMinute: record.rateLimitPerMinute,
          costPerMinute: record.costPerMinute ?? profile.defaultCostPerMinute,
          ...(record.quotaPerDay === undefined ? {} : { quotaPerDay: record.quotaPerDay }),
        },
        ...(record.operations === undefined ? {} : { operations: record.operations }),
      },
    };
  }

  async function withJwt(token: string): Promise<AuthOutcome> {
    if (jwt === undefined) return refuse('The credential is not valid.');
    const result = await jwt.verifier.verify(token);
    if (!result.ok) {
      if (result.reason === 'UNAVAILABLE') return unavailable;
      return refuse(result.reason === 'EXPIRED' ? 'The bearer token has expired.' : 'The bearer token is not valid.');
    }
    return {
      ok: true,
      principal: {
        identity: { subject: result.subject, kind: 'jwt', scopes: result.scopes, profile: 'internal' },
        // A token's `sub` may be an e-mail: rate-limit keys and logs get a digest, never the person.
        subject: `jwt:${createHash('sha256').update(result.subject).digest('hex').slice(0, 24)}`,
        rateLimit: { requestsPerMinute: jwt.rateLimitPerMinute, costPerMinute: profiles.internal.defaultCostPerMinute },
      },
    };
  }

  return {
    async authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome> {
      const credential = credentialOf(headers);
      if (credential === undefined) return refuse('Send an API key in the X-Api-Key header (or Authorization: Bearer).');
      if (credential === null) return refuse('Send exactly one credential.');
      if (credential.startsWith(CUSTOMER_TOKEN_PREFIX)) {
        return authenticateCustomerToken(credential, {
          secret: undefined,
          audience: '',
          rateLimitPerMinute: 1,
          ...options.customerTokens,
          partnerProfile: profiles.partner,
        });
      }
      return credential.startsWith(API_KEY_PREFIX) || jwt === undefined ? withApiKey(credential) : withJwt(credential);
    },
  };
}

/** undefined: none sent; null: several different ones (ambiguous, refused rather than guessed). */
function credentialOf(headers: IncomingHttpHeaders): string | undefined | null {
  const found = new Set<string>();
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') found.add(apiKey.trim());
  if (Array.isArray(apiKey)) return null;
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (match === null) return null;
    found.add(match[1]!);
  }
  if (found.size > 1) return null;
  return found.values().next().value;
}
