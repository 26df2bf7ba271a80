import { createHash } from 'node:crypto';
import type { AuthOutcome } from '../edge/authenticate.ts';
import type { ProfileSettings } from '../edge/profiles.ts';
import { verifyCustomerToken } from './customer-token.ts';

/**
 * What a bound credential holds at field level: the scopes its `me { … }` page needs (the customer's own profile,
 * identities, orders and the products on them). The root-field rule (only `me`) is what keeps it to one customer;
 * these only decide which of the customer's own fields it sees.
 */
export const BOUND_SCOPES: readonly string[] = Object.freeze(['customers:read', 'customers:pii', 'orders:read', 'catalog:read']);

export interface CustomerTokenAuthOptions {
  secret: string | undefined;
  audience: string;
  /** requests per minute per customer (all of their tokens together) */
  rateLimitPerMinute: number;
  /** registered operations bound callers are pinned to (GATEWAY_CUSTOMER_TOKEN_OPERATIONS); absent: any me { … } */
  operations?: readonly string[] | undefined;
  /** bound callers run with the partner profile's limits (no introspection, tight shapes) */
  partnerProfile: ProfileSettings;
  now?: () => Date;
}

/** A customer-bound token (`ogc_…`) turned into a principal, or the 401 it earns. */
export function authenticateCustomerToken(token: string, options: CustomerTokenAuthOptions): AuthOutcome {
  if (options.secret === undefined) {
    return { ok: false, code: 'CUSTOMER_TOKEN_INVALID', message: 'Customer tokens are not enabled on this gateway.' };
  }
  const result = verifyCustomerToken(options.secret, token, { audience: options.audience, ...(options.now ? { now: options.now() } : {}) });
  if (!result.ok) {
    return result.reason === 'EXPIRED'
      ? { ok: false, code: 'CUSTOMER_TOKEN_EXPIRED', message: 'The customer token has expired; mint a new one.' }
      : { ok: false, code: 'CUSTOMER_TOKEN_INVALID', message: 'The customer token is not valid.' };
  }
  const { claims } = result;
  return {
    ok: true,
    principal: {
      identity: {
        // the minting key: logs and usage name the storefront, never the person
        subject: claims.kid,
        kind: 'customer-token',
        ...(claims.own === undefined ? {} : { ownerId: claims.own }),
        scopes: [...BOUND_SCOPES],
        profile: 'partner',
        customer: claims.cus,
      },
      // one budget per customer, whatever number of tokens they hold; a digest, so no id travels into Redis keys
      subject: `customer:${createHash('sha256').update(`${claims.aud}\n${claims.sub}`).digest('hex').slice(0, 24)}`,
      rateLimit: { requestsPerMinute: options.rateLimitPerMinute, costPerMinute: options.partnerProfile.defaultCostPerMinute },
      ...(options.operations === undefined || options.operations.length === 0 ? {} : { operations: options.operations }),
    },
  };
}
