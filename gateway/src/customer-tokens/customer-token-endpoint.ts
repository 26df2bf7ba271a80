import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '@omnigraph/shared/errors';
import { BodyTooLargeError, readBody, sendJson } from '@omnigraph/shared/graphql-server';
import type { Logger } from '@omnigraph/shared/logging';
import type { createAuthenticator } from '../edge/authenticate.ts';
import { rateLimitHeaders, type RateLimiter } from '../rate-limit/index.ts';
import { mintCustomerToken } from './customer-token.ts';
import { BindingUnavailableError, type ResolveBinding } from './resolve-binding.ts';

/** The path a storefront's back end posts `{ "customerId": "…" }` to. */
export const CUSTOMER_TOKENS_PATH = '/customer-tokens';
/** The scope an (internal) API key needs to mint customer-bound tokens: it can act as any one customer. */
export const ISSUE_CUSTOMER_TOKENS_SCOPE = 'customer-tokens:issue';
const MAX_BODY_BYTES = 1_024;
/** CRM ids are opaque to the gateway; this bounds what is forwarded to the crm subgraph. */
const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CustomerTokenSettings {
  /** GATEWAY_CUSTOMER_TOKEN_SECRET; undefined: customer tokens are off */
  secret: string | undefined;
  audience: string;
  ttlSeconds: number;
}

export interface CustomerTokenEndpointOptions {
  settings: CustomerTokenSettings;
  authenticator: ReturnType<typeof createAuthenticator>;
  limiter: RateLimiter;
  resolveBinding: ResolveBinding;
  logger?: Pick<Logger, 'info' | 'warn'> | undefined;
}

/**
 * `POST /customer-tokens` (ADR 0009): the storefront's back end, holding an internal API key with
 * `customer-tokens:issue`, exchanges the customer it has signed in (their CRM id) for a short-lived token bound to
 * that customer, which the browser then sends as `Authorization: Bearer ogc_…`. The gateway resolves the customer's
 * channel identities from the CRM now, once, and signs them into the token; an unknown customer gets no token.
 * Answers JSON with the registry's codes; never caches (`Cache-Control: no-store`).
 */
export function createCustomerTokenEndpoint(options: CustomerTokenEndpointOptions) {
  const { settings, authenticator, limiter, resolveBinding, logger } = options;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fail = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      const error: GraphQLFormattedError = { message, extensions: { code, ...extensions } };
      sendJson(res, ERROR_CODES[code].httpStatus, { errors: [error] }, { 'cache-control': 'no-store', ...headers });
    };
    if (settings.secret === undefined) return fail('NOT_FOUND', 'Customer tokens are not enabled on this gateway.');
    if ((req.method ?? '').toUpperCase() !== 'POST') return fail('BAD_REQUEST', 'Use POST.', {}, { allow: 'POST' });
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // JSON only: a browser cannot send it cross-site without a CORS preflight (same rule as /graphql)
    if (mediaType !== 'application/json') return fail('BAD_REQUEST', 'Send the request body as application/json.');

    const auth = await authenticator.authenticate(req.headers);
    if (!auth.ok) {
      return fail(
        auth.code,
        auth.message,
        {},
        auth.code === 'AUTH_UNAVAILABLE' ? { 'retry-after': '1' } : { 'www-authenticate': 'Bearer realm="omnigraph"' },
      );
    }
    const { identity } = auth.principal;
    // A bound token can never mint another one, and only an internal credential holding the scope mints at all.
    if (identity.customer !== undefined || identity.profile !== 'internal' || !identity.scopes.includes(ISSUE_CUSTOMER_TOKENS_SCOPE)) {
      return fail('FORBIDDEN', `Minting customer tokens needs an internal key with ${ISSUE_CUSTOMER_TOKENS_SCOPE}.`, {
        missingScopes: [ISSUE_CUSTOMER_TOKENS_SCOPE],
      });
    }
    const decision = await limiter.consume(auth.principal.subject, auth.principal.rateLimit, 0);
    const limitHeaders = rateLimitHeaders(decision);
    if (!decision.allowed) {
      const code = decision.reason ?? 'RATE_LIMITED';
      return fail(code, 'The request limits of this key are used up.', { retryAfterSeconds: decision.retryAfterSeconds }, limitHeaders);
    }

    let customerId: unknown;
    try {
      const raw = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
      const body: unknown = JSON.parse(raw);
      customerId = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)['customerId'] : undefined;
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return fail('BODY_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes.`, { limit: MAX_BODY_BYTES });
      return fail('BAD_REQUEST', 'Request body is not valid JSON.');
    }
    if (typeof customerId !== 'string' || !CUSTOMER_ID.test(customerId)) {
      return fail('BAD_USER_INPUT', '"customerId" must be the CRM id of the signed-in customer.', { argumentName: 'customerId' }, limitHeaders);
    }

    let binding;
    try {
      binding = await resolveBinding(customerId);
    } catch (error) {
      if (!(error instanceof BindingUnavailableError)) throw error;
      logger?.warn({ err: error }, 'customer token not minted: the CRM could not be asked');
      return fail(
        'UPSTREAM_UNAVAILABLE',
        'The CRM could not be asked for this customer; retry shortly.',
        { serviceName: 'crm' },
        {
          ...limitHeaders,
          'retry-after': '1',
        },
      );
    }
    if (binding === null) return fail('NOT_FOUND', 'The CRM has no customer with this id.', {}, limitHeaders);

    const minted = mintCustomerToken(settings.secret, {
      binding,
      audience: settings.audience,
      keyId: identity.subject,
      ownerId: identity.ownerId,
      ttlSeconds: settings.ttlSeconds,
    });
    // the token id and who minted it; never the token, nor anything of the customer's beyond the opaque CRM id
    logger?.info({ keyId: identity.subject, customerId: binding.customerId, jti: minted.claims.jti }, 'customer token minted');
    sendJson(
      res,
      200,
      {
        token: minted.token,
        tokenType: 'Bearer',
        expiresIn: settings.ttlSeconds,
        expiresAt: minted.expiresAt.toISOString(),
        customerId: binding.customerId,
      },
      { 'cache-control': 'no-store', ...limitHeaders },
    );
  };
}
