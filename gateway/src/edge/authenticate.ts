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
  /** when set, the caller may run only these registered operations (and its `documents`) */
  operations?: readonly string[];
  /** operations registered for this key at run time (ADR 0019), found by id; on the safelist when `operations` is set */
  documents?: readonly KeyDocument[];
}

/** A run-time registered operation of a key: the client preset's id and text. */
export interface KeyDocument {
  id: string;
  name: string;
  text: string;
}

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | {
      ok: false;
      code: 'UNAUTHENTICATED' | 'CONFLICTING_CREDENTIALS' | 'AUTH_UNAVAILABLE' | 'CUSTOMER_TOKEN_EXPIRED' | 'CUSTOMER_TOKEN_INVALID';
      message: string;
    };

/**
 * The request's headers with every value of a repeated header (`IncomingMessage.headersDistinct`): Node's
 * `req.headers` keeps only the first `Authorization` and joins repeated custom headers with ", ", so a second
 * credential would be silently ignored ("first wins"). A plain `IncomingHttpHeaders` is accepted too.
 */
export type CredentialHeaders = IncomingHttpHeaders | NodeJS.Dict<string[]>;

/** The header an API key is sent in (lower case, as node:http names headers); `Authorization: Bearer` works too. */
export const API_KEY_HEADER = 'x-api-key';

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
        ...(record.documents === undefined ? {} : { documents: record.documents }),
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
    async authenticate(headers: CredentialHeaders): Promise<AuthOutcome> {
      const credential = credentialOf(headers);
      if (credential === undefined) return refuse('Send an API key in the X-Api-Key header (or Authorization: Bearer).');
      if (credential === MALFORMED) return refuse('The Authorization header must be "Bearer <credential>".');
      if (credential === CONFLICTING) {
        return { ok: false, code: 'CONFLICTING_CREDENTIALS', message: 'The request carries different credentials; send exactly one.' };
      }
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

const MALFORMED = Symbol('malformed');
const CONFLICTING = Symbol('conflicting');

const valuesOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The one credential of a request, from every `X-Api-Key` and `Authorization` value. Different credentials are
 * refused rather than guessed (a proxy adding its own header next to the client's must not decide whose key runs);
 * the same credential repeated (a client or proxy sending the header twice, or the key in both headers) is no
 * ambiguity and is accepted. A repeated header joined into one value by a proxy ("Bearer a, Bearer b") is malformed.
 */
function credentialOf(headers: CredentialHeaders): string | undefined | typeof MALFORMED | typeof CONFLICTING {
  const found = new Set<string>();
  for (const apiKey of valuesOf(headers[API_KEY_HEADER])) if (apiKey.trim() !== '') found.add(apiKey.trim());
  for (const authorization of valuesOf(headers.authorization)) {
    if (authorization.trim() === '') continue;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (match === null) return MALFORMED;
    found.add(match[1]!);
  }
  if (found.size > 1) return CONFLICTING;
  return found.values().next().value;
}
