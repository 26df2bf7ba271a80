import { isAxiosError, type AxiosInstance } from 'axios';
import type { Readiness } from '@omnigraph/shared/graphql-server';
import { ALLEGRO_MEDIA_TYPE } from './allegro-client.ts';
import type { AllegroTokenProvider } from './allegro-token-provider.ts';

export interface AllegroReadinessOptions {
  /** aimed at the API base (https://api.allegro.pl) */
  http: AxiosInstance;
  tokens: AllegroTokenProvider;
  /** the probe call's own timeout, below the readiness wait. @default 1_200 */
  timeoutMs?: number;
}

/**
 * Allegro as the subgraph's `/readyz` sees it: first a token (from the store, or a refresh when one is due, so a
 * retired or revoked grant shows as `credentials_rejected` even before any client request), then one cheap call with
 * it, `GET /order/event-stats` (a tiny body, under the `orders:read` scope the subgraph needs anyway; `/me` would
 * need `profile:read`, which a seller may not have granted).
 */
export function createAllegroReadiness(options: AllegroReadinessOptions): () => Promise<Readiness> {
  const timeout = options.timeoutMs ?? 1_200;

  const probe = (token: string) =>
    options.http.get('/order/event-stats', {
      headers: { Accept: ALLEGRO_MEDIA_TYPE, Authorization: `Bearer ${token}` },
      timeout,
    });

  async function tokenOrReadiness(): Promise<string | Readiness> {
    try {
      return await options.tokens.getAccessToken();
    } catch {
      switch (options.tokens.state()) {
        case 'credentials_rejected':
          return { status: 'credentials_rejected', detail: 'token_refresh_refused' };
        case 'store_unavailable':
          return { status: 'upstream_unavailable', detail: 'token_store_unavailable' };
        default:
          return { status: 'upstream_unavailable', detail: 'token_endpoint_unavailable' };
      }
    }
  }

  return async () => {
    let token = await tokenOrReadiness();
    if (typeof token !== 'string') return token;
    try {
      await probe(token);
      return { status: 'ready' };
    } catch (error) {
      // An expired or revoked access token: one refresh, as a client request would do, then judge.
      if (!isAxiosError(error) || error.response?.status !== 401) return readinessOfProbeFailure(error);
      options.tokens.invalidate(token);
      token = await tokenOrReadiness();
      if (typeof token !== 'string') return token;
      try {
        await probe(token);
        return { status: 'ready' };
      } catch (again) {
        return readinessOfProbeFailure(again);
      }
    }
  };
}

function readinessOfProbeFailure(error: unknown): Readiness {
  if (!isAxiosError(error)) return { status: 'upstream_unavailable', detail: 'check_failed' };
  const status = error.response?.status;
  if (status === undefined) {
    const timedOut = error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED';
    return { status: 'upstream_unavailable', detail: timedOut ? 'timeout' : 'unreachable' };
  }
  // 401 after a fresh token, or 403 (a scope the seller did not grant): only a new authorization helps.
  if (status === 401 || status === 403) return { status: 'credentials_rejected', detail: 'api_refused_token' };
  if (status === 429) return { status: 'upstream_unavailable', detail: 'rate_limited' };
  return { status: 'upstream_unavailable', detail: `status_${status}` };
}
