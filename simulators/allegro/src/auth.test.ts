import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtPayload, startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

const VND = 'application/vnd.allegro.public.v1+json';

describe('Allegro simulator: OAuth2 token endpoint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('issues an application token for client_credentials, without a refresh token', async () => {
    const res = await h.token({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in', 'scope', 'allegro_api', 'jti']);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 43199, allegro_api: true });
    const claims = decodeJwtPayload(body['access_token'] as string);
    expect(claims['user_name']).toBeUndefined();
    expect(claims['client_id']).toBe('omnigraph-simulator-client');
  });

  it('exchanges the demo authorization code for a seller token and a refresh token', async () => {
    const res = await h.token({ grant_type: 'authorization_code', code: 'omnigraph-simulator-auth-code', redirect_uri: 'http://localhost/cb' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'refresh_token', 'expires_in', 'scope', 'allegro_api', 'jti']);
    const token = body['access_token'] as string;
    expect(token.split('.')).toHaveLength(3);
    const claims = decodeJwtPayload(token);
    expect(claims['user_name']).toBe('437848322');
    expect(claims['client_id']).toBe('omnigraph-simulator-client');
    expect(claims['scope']).toEqual(expect.arrayContaining(['allegro:api:orders:read', 'allegro:api:sale:offers:read']));
    expect(claims['exp']).toBeGreaterThan(Date.now() / 1000 + 43_000);
    expect(String(body['scope']).split(' ')).toContain('allegro:api:orders:write');
    expect((await h.api('/me', { token })).status).toBe(200);
  });

  it('rejects a wrong authorization code with invalid_grant', async () => {
    const res = await h.token({ grant_type: 'authorization_code', code: 'nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code: nope' });
  });

  it('rotates refresh tokens: a used refresh token stops working, the new one works once', async () => {
    const first = await h.token({ grant_type: 'refresh_token', refresh_token: 'omnigraph-simulator-refresh-token' });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { access_token: string; refresh_token: string };
    expect(body.refresh_token).not.toBe('omnigraph-simulator-refresh-token');
    expect(decodeJwtPayload(body.access_token)['user_name']).toBe('437848322');

    const reused = await h.token({ grant_type: 'refresh_token', refresh_token: 'omnigraph-simulator-refresh-token' });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token: omnigraph-simulator-refresh-token',
    });

    const second = await h.token({ grant_type: 'refresh_token', refresh_token: body.refresh_token });
    expect(second.status).toBe(200);
    const again = await h.token({ grant_type: 'refresh_token', refresh_token: body.refresh_token });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('accepts the parameters as a form-encoded body too', async () => {
    const res = await fetch(`${h.base}/auth/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('omnigraph-simulator-client:omnigraph-simulator-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
  });

  it('answers 401 invalid_client for a bad secret and 401 unauthorized without Basic auth', async () => {
    const bad = await h.token({ grant_type: 'client_credentials' }, { id: 'omnigraph-simulator-client', secret: 'wrong' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
    const none = await h.token({ grant_type: 'client_credentials' }, null);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: string }).error).toBe('unauthorized');
  });

  it('rejects a missing or unknown grant type', async () => {
    const missing = await h.token({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'invalid_request', error_description: 'Missing grant type' });
    const unknown = await h.token({ grant_type: 'password' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });
});

describe('Allegro simulator: bearer tokens, scopes and media type', () => {
  let h: Harness;
  let clock = Date.now();
  beforeAll(async () => {
    h = await startHarness({ clock: () => clock });
  });
  afterAll(() => h.sim.close());

  it('refuses an application (client_credentials) token on seller resources with 403 ErrorsHolder', async () => {
    const tokenRes = await h.token({ grant_type: 'client_credentials' });
    const appToken = ((await tokenRes.json()) as { access_token: string }).access_token;
    for (const path of ['/order/checkout-forms', '/sale/offers', '/me', '/order/events']) {
      const res = await h.api(path, { token: appToken });
      expect(res.status, path).toBe(403);
      const body = (await res.json()) as ErrorsHolderBody;
      expect(body.errors[0]).toMatchObject({ code: 'AccessDeniedException', message: 'Username is undefined in oAuth token.' });
    }
  });

  it('answers 401 AuthError without a bearer token', async () => {
    const res = await h.api('/order/checkout-forms', { token: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'unauthorized',
      error_description: 'Full authentication is required to access this resource',
    });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="oauth2-resource"/);
  });

  it('answers 401 invalid_token for a forged or malformed token', async () => {
    const forged = `${h.sellerToken.slice(0, -4)}AAAA`;
    for (const token of [forged, 'not-a-jwt']) {
      const res = await h.api('/me', { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_token', error_description: 'Cannot convert access token to JSON' });
    }
  });

  it('expires access tokens after the configured TTL with invalid_token', async () => {
    const short = await startHarness({ credentials: { tokenTtlSeconds: 1 }, clock: () => clock });
    try {
      const res = await short.token({ grant_type: 'refresh_token', refresh_token: 'omnigraph-simulator-refresh-token' });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      expect(body.expires_in).toBe(1);
      expect((await short.api('/me', { token: body.access_token })).status).toBe(200);
      clock += 2_000;
      const expired = await short.api('/me', { token: body.access_token });
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({
        error: 'invalid_token',
        error_description: `Access token expired: ${body.access_token}`,
      });
    } finally {
      await short.sim.close();
    }
  });

  it('answers 406 ErrorsHolder without the vendor Accept type, before even looking at the token', async () => {
    for (const accept of [null, '*/*', 'application/json', 'application/vnd.allegro.beta.v1+json']) {
      const headers: Record<string, string> = accept === null ? {} : { accept };
      const res = await fetch(`${h.base}/order/checkout-forms`, { headers });
      expect(res.status, String(accept)).toBe(406);
      const body = (await res.json()) as ErrorsHolderBody;
      expect(body.errors).toEqual([
        {
          code: 'NotAcceptableException',
          message: "Not acceptable representation requested. Please check 'Accept' request header",
          details: null,
          path: null,
          userMessage: 'Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.',
          metadata: {},
        },
      ]);
    }
  });

  it('localizes userMessage: Polish by default, English with Accept-Language en-US', async () => {
    const en = await fetch(`${h.base}/me`, { headers: { accept: 'application/json', 'accept-language': 'en-US' } });
    expect(((await en.json()) as ErrorsHolderBody).errors[0]!.userMessage).toBe('Request contains invalid data. Contact the application author.');
    const plRes = await h.api('/order/checkout-forms?limit=0');
    expect(((await plRes.json()) as ErrorsHolderBody).errors[0]!.userMessage).toBe('Nieprawidłowe parametry zapytania.');
    const enRes = await h.api('/order/checkout-forms?limit=0', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(((await enRes.json()) as ErrorsHolderBody).errors[0]!.userMessage).toBe('Invalid request parameters.');
  });

  it('accepts the vendor type among others and answers with it', async () => {
    const res = await h.api('/me', { headers: { accept: `application/json, ${VND};q=0.9` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(VND);
    expect(res.headers.get('trace-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('answers 415 when a body is not sent as the vendor type', async () => {
    const res = await h.api('/order/checkout-forms/7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50/fulfillment', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'PROCESSING' }),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorsHolderBody).errors[0]!.code).toBe('NotSupportedException');
  });

  it('refuses a token lacking the operation scope with 403 AccessDenied', async () => {
    const res = await h.token({ grant_type: 'authorization_code', code: 'omnigraph-simulator-auth-code', scope: 'allegro:api:profile:read' });
    const token = ((await res.json()) as { access_token: string }).access_token;
    expect((await h.api('/me', { token })).status).toBe(200);
    const denied = await h.api('/order/checkout-forms', { token });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as ErrorsHolderBody).errors[0]).toMatchObject({ code: 'AccessDenied', message: 'Access is denied' });
  });

  it('serves GET /me for the seller', async () => {
    const res = await h.api('/me');
    expect(await res.json()).toMatchObject({
      id: '437848322',
      login: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
      email: expect.stringContaining('@'),
      baseMarketplace: { id: 'allegro-pl' },
    });
  });

  it('shows a ready-made seller access token on the admin page', async () => {
    const admin = (await (await fetch(`${h.base}/__simulator`)).json()) as Record<string, unknown>;
    expect(admin['simulator']).toBe('allegro');
    expect((admin['credentials'] as Record<string, unknown>)['clientId']).toBe('omnigraph-simulator-client');
    const res = await h.api('/order/event-stats', { token: admin['sellerAccessToken'] as string });
    expect(res.status).toBe(200);
  });

  it('answers unknown routes with a 404 ErrorsHolder', async () => {
    const res = await h.api('/order/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorsHolderBody).errors[0]!.code).toBe('NOT_FOUND');
  });
});
