import type { AxiosInstance } from 'axios';
import type { Upstream } from '@omnigraph/shared/upstream';
import { AllegroTokenDto } from './allegro-dtos.ts';

/**
 * Seller (user) access tokens for the Allegro REST API, from the OAuth2 refresh-token grant.
 *
 * - Allegro rotates refresh tokens: every refresh answers a NEW refresh token and retires the one sent
 *   (allegro/allegro-api#2927). The latest one is kept in memory only. TODO(production): persist it (e.g. Redis,
 *   refreshed under a lock) so that a restart or a second replica does not start from a retired token; today each
 *   process must be started with a live ALLEGRO_REFRESH_TOKEN and only one replica may refresh with it.
 * - Single flight: concurrent callers share one refresh, so N parallel first requests cost one token call (and
 *   cannot retire each other's refresh token).
 * - Proactive: a token is replaced shortly before `expires_in` runs out, so requests rarely meet an expired token;
 *   {@link AllegroTokenProvider.invalidate} covers the rest (clock skew, revoked tokens).
 */
export interface AllegroTokenProvider {
  /** a valid bearer token, refreshing first when there is none or it is about to expire */
  getAccessToken(): Promise<string>;
  /**
   * The API refused `accessToken` (401 invalid_token): forget it so the next {@link getAccessToken} refreshes —
   * unless a newer token has replaced it meanwhile (a concurrent request already refreshed).
   */
  invalidate(accessToken: string): void;
}

export interface AllegroTokenProviderOptions {
  /** axios instance aimed at the token endpoint's base (https://allegro.pl for real Allegro, not api.allegro.pl) */
  http: AxiosInstance;
  /** the shared upstream-call helper for the token endpoint (its own breaker: another host than the API) */
  upstream: Upstream;
  clientId: string;
  clientSecret: string;
  /** the seller's refresh token to start from; replaced in memory by each refresh's answer */
  refreshToken: string;
  /** epoch-ms clock, injectable for tests. @default Date.now */
  clock?: () => number;
}

/** Refresh this long before expiry at most; 10 % of the lifetime for short-lived tokens (tests use 1 s). */
const MAX_REFRESH_MARGIN_MS = 60_000;

interface HeldToken {
  accessToken: string;
  /** epoch ms after which the token is considered stale and refreshed proactively */
  refreshAtMs: number;
}

export function createAllegroTokenProvider(options: AllegroTokenProviderOptions): AllegroTokenProvider {
  const clock = options.clock ?? Date.now;
  let refreshToken = options.refreshToken;
  let current: HeldToken | null = null;
  let inflight: Promise<HeldToken> | null = null;

  /** `POST /auth/oauth/token?grant_type=refresh_token&refresh_token=…` with HTTP Basic client id/secret (A.1.6). */
  async function refresh(): Promise<HeldToken> {
    // 400 invalid_grant (a retired or expired refresh token) surfaces like any upstream 4xx: the operator has to
    // provide a new ALLEGRO_REFRESH_TOKEN (device or authorization-code flow).
    const token = await options.upstream.call({
      operation: 'refreshAccessToken',
      // Never retried: Allegro may have rotated the refresh token before the answer was lost, and a second refresh
      // with the old one would be refused for good.
      idempotent: false,
      // and never cut short by one request's deadline: the answer carries the only copy of the new refresh token
      ignoreRequestDeadline: true,
      // the token endpoint (allegro.pl) is not the REST API's 9000/min budget
      buckets: [],
      send: (signal) =>
        options.http.post<unknown>('/auth/oauth/token', null, {
          // Query parameters, the form Allegro's FAQ documents for the token endpoint.
          params: { grant_type: 'refresh_token', refresh_token: refreshToken },
          auth: { username: options.clientId, password: options.clientSecret },
          headers: { Accept: 'application/json' },
          signal,
        }),
      parse: (response) => AllegroTokenDto.parse(response.data),
    });
    refreshToken = token.refresh_token;
    const lifetimeMs = token.expires_in * 1000;
    const marginMs = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
    return { accessToken: token.access_token, refreshAtMs: clock() + lifetimeMs - marginMs };
  }

  return {
    async getAccessToken() {
      if (current && clock() < current.refreshAtMs) return current.accessToken;
      if (!inflight) {
        inflight = refresh().then(
          (token) => {
            current = token;
            inflight = null;
            return token;
          },
          (error: unknown) => {
            inflight = null;
            throw error;
          },
        );
      }
      return (await inflight).accessToken;
    },
    invalidate(accessToken) {
      if (current?.accessToken === accessToken) current = null;
    },
  };
}
