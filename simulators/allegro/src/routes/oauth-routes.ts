import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { AllegroAuth, GrantResult } from '../allegro-auth.ts';

/**
 * `/auth/oauth/token`: in reality on https://allegro.pl (not api.allegro.pl), so adapters need a separate auth base
 * URL; the simulator serves it on the same host. Parameters may come as query parameters (the form Allegro's FAQ
 * shows) or as an `application/x-www-form-urlencoded` body; the client authenticates with HTTP Basic.
 */
function oauthJson(status: number, body: unknown): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' },
    body,
  };
}

function oauthError(status: number, error: string, description: string): SimResponse {
  return oauthJson(status, { error, error_description: description });
}

function params(req: SimRequest): (name: string) => string | null {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const form =
    type.includes('application/x-www-form-urlencoded') && req.rawBody.length > 0 ? new URLSearchParams(req.rawBody.toString('utf8')) : null;
  return (name) => form?.get(name) ?? req.query.get(name);
}

function grantResponse(result: GrantResult): SimResponse {
  return result.ok ? oauthJson(200, result.body) : oauthError(result.status, result.error, result.description);
}

export function createOAuthRoutes(auth: AllegroAuth): Route[] {
  const handler = (req: SimRequest): SimResponse => {
    const header = req.headers['authorization'];
    const client = auth.checkClient(Array.isArray(header) ? header[0] : header);
    if (client === 'missing') {
      return oauthError(401, 'unauthorized', 'Full authentication is required to access this resource');
    }
    if (client === 'bad') return oauthError(401, 'invalid_client', 'Bad client credentials');
    const get = params(req);
    const grantType = get('grant_type');
    if (grantType === null || grantType === '') return oauthError(400, 'invalid_request', 'Missing grant type');
    const scopes = auth.parseScopes(get('scope'));
    if (!scopes.ok) return oauthError(400, 'invalid_scope', `Invalid scope: ${scopes.invalid}`);
    switch (grantType) {
      case 'client_credentials':
        return oauthJson(200, auth.clientCredentials(scopes.scopes));
      case 'authorization_code':
        return grantResponse(auth.authorizationCode(get('code'), scopes.scopes));
      case 'refresh_token':
        return grantResponse(auth.refresh(get('refresh_token')));
      default:
        return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
    }
  };
  return [
    { method: 'POST', path: '/auth/oauth/token', handler },
    // Spring's token endpoint also answers GET; some Allegro clients in the wild call it that way.
    { method: 'GET', path: '/auth/oauth/token', handler },
  ];
}
