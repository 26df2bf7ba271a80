import type { HttpMethod, Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { AllegroAuth, TokenClaims } from '../allegro-auth.ts';
import {
  USER_MESSAGES,
  acceptsVendorType,
  authError,
  errorsHolder,
  hasVendorContentType,
  notAcceptable,
  unsupportedMediaType,
} from '../allegro-http.ts';

export interface ApiContext {
  claims: TokenClaims;
}

export interface ApiRouteSpec {
  method: HttpMethod;
  path: string;
  /** the OAuth scope the operation requires (developer.allegro.pl lists one per operation) */
  scope: string;
  handler: (req: SimRequest, ctx: ApiContext) => SimResponse;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Wraps a resource handler in the checks Allegro makes before any resource runs, in the order the real API makes
 * them: content negotiation first (a request without the vendor `Accept` gets 406 even without a token), then the
 * body's media type, then the bearer token (401 AuthError), then whether the token belongs to a user and carries the
 * operation's scope (403 ErrorsHolder).
 */
export function apiRoute(auth: AllegroAuth, spec: ApiRouteSpec): Route {
  const hasBody = spec.method === 'PUT' || spec.method === 'POST' || spec.method === 'PATCH';
  return {
    method: spec.method,
    path: spec.path,
    handler: (req) => {
      if (!acceptsVendorType(req)) return notAcceptable(req);
      if (hasBody && !hasVendorContentType(req)) return unsupportedMediaType(req);
      const header = req.headers['authorization'];
      const match = BEARER.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
      if (!match) return authError(401, 'unauthorized', 'Full authentication is required to access this resource');
      const token = match[1]!;
      const verified = auth.verify(token);
      if (!verified.ok) {
        return verified.reason === 'expired'
          ? authError(401, 'invalid_token', `Access token expired: ${token}`)
          : authError(401, 'invalid_token', 'Cannot convert access token to JSON');
      }
      const { claims } = verified;
      if (claims.user_name === undefined) {
        // A client_credentials token reaches public resources only; seller resources refuse it.
        return errorsHolder(
          403,
          [{ code: 'AccessDeniedException', message: 'Username is undefined in oAuth token.', userMessage: USER_MESSAGES.forbidden }],
          req,
        );
      }
      if (!claims.scope.includes(spec.scope)) {
        return errorsHolder(403, [{ code: 'AccessDenied', message: 'Access is denied', userMessage: USER_MESSAGES.accessDenied }], req);
      }
      return spec.handler(req, { claims });
    },
  };
}
