import { isAxiosError, type AxiosInstance } from 'axios';
import { UpstreamError, mapAxiosErrorToUpstreamError } from '@omnigraph/shared/errors';
import type { Logger } from '@omnigraph/shared/logging';
import { AllegroAuthErrorDto, AllegroTokenDto } from './allegro-dtos.ts';
import {
  MAX_REMEMBERED_SEEDS,
  TokenStoreUnavailableError,
  createMemoryAllegroTokenStore,
  fingerprintOfSeed,
  type AllegroTokenRecord,
  type AllegroTokenStore,
} from './allegro-token-store.ts';
import { createUpstream, type Upstream } from '@omnigraph/shared/upstream';

/**
 * Seller (user) access tokens for the Allegro REST API, from the OAuth2 refresh-token grant.
 *
 * - Rotation: every refresh answers a NEW refresh token (valid 3 months) and retires the one sent (allegro/allegro-api
 *   #6733, #8321: the old one keeps working for about 60 s, which we do not rely on). The newest one lives in an
 *   {@link AllegroTokenStore} (Redis for replicas, a file for one process), written before anyone uses it, so a
 *   restart or another replica continues from it instead of from the long-retired ALLEGRO_REFRESH_TOKEN.
 * - One refresher: the refresh runs under the store's lock; replicas that need a token meanwhile wait, then read the
 *   one the holder stored (access tokens are shared too: N replicas, one token call per ~12 h). In-process, concurrent
 *   callers share one attempt (single flight).
 * - The refresh POST is never retried: once Allegro has rotated, a retry would send a retired token. A failed attempt
 *   fails the requests waiting for it; the next request tries again.
 * - Seed: ALLEGRO_REFRESH_TOKEN seeds the store when it holds nothing, or when its value was never applied before
 *   (the operator's way to replace the grant: set a new token and restart). A stored token Allegro refuses
 *   (invalid_grant) is marked `rejected` in the store, so no replica asks Allegro again with it; if the configured
 *   seed differs from it, the seed is tried once first (a re-issued sandbox or a restarted simulator accepts it).
 * - Proactive: a token is replaced shortly before it expires; {@link AllegroTokenProvider.invalidate} covers the rest.
 */
export interface AllegroTokenProvider {
  /** a valid bearer token, refreshing first when there is none or it is about to expire */
  getAccessToken(): Promise<string>;
  /**
   * The API refused `accessToken` (401 invalid_token): forget it so the next {@link getAccessToken} refreshes —
   * unless a newer token has replaced it meanwhile (a concurrent request or another replica already refreshed).
   */
  invalidate(accessToken: string): void;
  /** how the last attempt to get a token ended ('unknown' before the first one) */
  state(): AllegroTokenState;
}

/**
 * - `credentials_rejected`: Allegro refused the refresh token (invalid_grant) or the client id/secret (401); an
 *   operator must act (a new ALLEGRO_REFRESH_TOKEN or client secret), a restart does not help;
 * - `upstream_unavailable`: the token endpoint did not answer usefully (network, timeout, 5xx, 429);
 * - `store_unavailable`: the token store (Redis, file) could not be read or locked, so no refresh could run.
 */
export type AllegroTokenState = 'unknown' | 'ok' | 'credentials_rejected' | 'upstream_unavailable' | 'store_unavailable';

export interface AllegroTokenProviderOptions {
  /** axios instance aimed at the token endpoint's base (https://allegro.pl for real Allegro, not api.allegro.pl) */
  http: AxiosInstance;
  /**
   * the shared upstream-call helper for the token endpoint (its own breaker: another host than the API).
   * @default one with the helper's default policies and a 10 s attempt timeout
   */
  upstream?: Upstream;
  clientId: string;
  clientSecret: string;
  /** ALLEGRO_REFRESH_TOKEN: seeds the store when it holds nothing or when this value was never applied before */
  refreshToken: string;
  /** where the rotating grant is kept. @default an in-process store (tests) */
  store?: AllegroTokenStore;
  /** epoch-ms clock, injectable for tests. @default Date.now */
  clock?: () => number;
  /** refresh outcomes (never a token) */
  logger?: Logger;
}

/** Refresh this long before expiry at most; 10 % of the lifetime for short-lived tokens (tests use 1 s). */
const MAX_REFRESH_MARGIN_MS = 60_000;
/** After Allegro refused the client id/secret, requests fail fast this long instead of asking again each time. */
const CLIENT_REJECTED_COOLDOWN_MS = 30_000;

interface HeldToken {
  accessToken: string;
  /** epoch ms the token expires */
  expiresAt: number;
  /** epoch ms after which it is replaced proactively */
  refreshAt: number;
}

type RefreshFailure = 'invalid_grant' | 'client_rejected' | 'unavailable';

const OPERATION = 'refreshAccessToken';

export function createAllegroTokenProvider(options: AllegroTokenProviderOptions): AllegroTokenProvider {
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryAllegroTokenStore();
  const upstream = options.upstream ?? createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: 10_000 });
  const seed = options.refreshToken;
  const seedFingerprint = fingerprintOfSeed(seed);
  const logger = options.logger;
  let current: HeldToken | null = null;
  let inflight: Promise<HeldToken> | null = null;
  let state: AllegroTokenState = 'unknown';
  /** the access token the API last refused; never adopted again from the store */
  let refusedAccessToken: string | undefined;
  let clientRejectedUntil = 0;
  /** a refreshed grant the store failed to keep: the only copy of the live refresh token, written at the next chance */
  let unsaved: AllegroTokenRecord | null = null;

  const heldOf = (record: AllegroTokenRecord): HeldToken | null => {
    if (record.accessToken === undefined || record.accessToken === refusedAccessToken) return null;
    const lifetimeMs = Math.max(0, record.expiresAt - (record.issuedAt ?? record.expiresAt));
    const refreshAt = record.expiresAt - Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
    return { accessToken: record.accessToken, expiresAt: record.expiresAt, refreshAt };
  };

  /** The record's access token when it is usable now and the record already reflects the configured seed. */
  const freshOf = (record: AllegroTokenRecord | null): HeldToken | null => {
    if (record === null || !record.seeds.includes(seedFingerprint)) return null;
    const held = heldOf(record);
    return held !== null && clock() < held.refreshAt ? held : null;
  };

  const adopt = (held: HeldToken): HeldToken => {
    state = 'ok';
    current = held;
    return held;
  };

  const rejectedError = (status?: number) =>
    new UpstreamError({ code: 'UPSTREAM_REJECTED', serviceName: 'marketplace', operation: OPERATION, status });

  /** `POST /auth/oauth/token?grant_type=refresh_token&refresh_token=…` with HTTP Basic client id/secret (A.1.6). */
  async function callTokenEndpoint(refreshToken: string): Promise<AllegroTokenDto> {
    return upstream.call({
      operation: OPERATION,
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
  }

  function recordOf(token: AllegroTokenDto, seeds: string[]): AllegroTokenRecord {
    const now = clock();
    return {
      refreshToken: token.refresh_token,
      accessToken: token.access_token,
      issuedAt: now,
      expiresAt: now + token.expires_in * 1000,
      seeds,
      updatedAt: now,
    };
  }

  /** Keeps a freshly rotated grant; if the store fails, holds it in memory and writes it at the next chance. */
  async function keep(record: AllegroTokenRecord): Promise<void> {
    try {
      await store.write(record);
      unsaved = null;
    } catch (error) {
      unsaved = record;
      logger?.error({ err: error, store: store.kind }, 'Allegro refresh token rotated but not stored; retrying on the next refresh');
    }
  }

  /** Under the lock: the stored grant, with the configured seed applied if it is new. */
  async function currentGrant(): Promise<AllegroTokenRecord> {
    const stored = unsaved ?? (await store.read());
    if (stored !== null && stored.seeds.includes(seedFingerprint)) return stored;
    const seeded: AllegroTokenRecord = {
      refreshToken: seed,
      expiresAt: 0,
      seeds: [...(stored?.seeds ?? []), seedFingerprint].slice(-MAX_REMEMBERED_SEEDS),
      updatedAt: clock(),
    };
    await store.write(seeded);
    unsaved = null;
    logger?.info({ store: store.kind, replaced: stored !== null }, 'Allegro token store seeded from ALLEGRO_REFRESH_TOKEN');
    return seeded;
  }

  /** One refresh attempt with `refreshToken`; never retried. */
  async function refreshWith(refreshToken: string, seeds: string[]): Promise<HeldToken | RefreshFailure> {
    try {
      const token = await callTokenEndpoint(refreshToken);
      const record = recordOf(token, seeds);
      await keep(record);
      logger?.info({ store: store.kind, expiresInSeconds: token.expires_in }, 'Allegro access token refreshed');
      return heldOf(record)!;
    } catch (error) {
      const failure = classifyRefreshFailure(error);
      if (failure === 'unavailable') throw mapAxiosErrorToUpstreamError(error, { serviceName: 'marketplace', operation: OPERATION });
      return failure;
    }
  }

  async function refreshUnderLock(): Promise<HeldToken> {
    const grant = await currentGrant();
    const fresh = freshOf(grant);
    if (fresh !== null) return fresh; // the previous lock holder refreshed
    if (grant.rejected === true) throw rejectedError(400);

    let outcome = await refreshWith(grant.refreshToken, grant.seeds);
    if (outcome === 'invalid_grant' && grant.refreshToken !== seed) {
      // The stored token is dead; the configured one may not be (a re-issued sandbox grant, a restarted simulator).
      outcome = await refreshWith(seed, grant.seeds);
    }
    if (typeof outcome !== 'string') return outcome;
    if (outcome === 'client_rejected') {
      clientRejectedUntil = clock() + CLIENT_REJECTED_COOLDOWN_MS;
      logger?.error('Allegro refused the client id/secret (ALLEGRO_CLIENT_ID / ALLEGRO_CLIENT_SECRET)');
      throw rejectedError(401);
    }
    // A replica whose lock expired mid-refresh may have rotated the grant meanwhile: then nothing is wrong.
    const latest = await store.read().catch(() => null);
    const rotated = latest !== null && latest.refreshToken !== grant.refreshToken ? freshOf(latest) : null;
    if (rotated !== null) return rotated;
    // invalid_grant: an operator must authorize again. Recorded so no replica (or restart) asks Allegro again with it.
    await keep({ ...grant, rejected: true, updatedAt: clock() });
    logger?.error(
      { store: store.kind },
      'Allegro refused the refresh token (invalid_grant); set a new ALLEGRO_REFRESH_TOKEN (authorization-code or device flow) and restart',
    );
    throw rejectedError(400);
  }

  async function obtain(): Promise<HeldToken> {
    if (clock() < clientRejectedUntil) throw rejectedError(401);
    if (unsaved !== null) await keep(unsaved);
    // Cheap path first, without the lock: another replica may have refreshed already.
    const stored = unsaved ?? (await store.read());
    const fresh = freshOf(stored);
    if (fresh !== null) return fresh;
    if (stored?.rejected === true && stored.seeds.includes(seedFingerprint)) throw rejectedError(400);
    return store.withRefreshLock(refreshUnderLock);
  }

  function noteFailure(error: unknown): void {
    if (error instanceof TokenStoreUnavailableError) state = 'store_unavailable';
    else if (error instanceof UpstreamError && error.extensions.code === 'UPSTREAM_REJECTED') state = 'credentials_rejected';
    else state = 'upstream_unavailable';
  }

  return {
    async getAccessToken() {
      if (current && current.accessToken !== refusedAccessToken && clock() < current.refreshAt) return current.accessToken;
      if (!inflight) {
        inflight = obtain().then(adopt, (error: unknown) => {
          noteFailure(error);
          throw error;
        });
        inflight.then(
          () => (inflight = null),
          () => (inflight = null),
        );
      }
      try {
        return (await inflight).accessToken;
      } catch (error) {
        if (!(error instanceof TokenStoreUnavailableError)) throw error;
        // Without the store no refresh may run (its new refresh token could not be kept); the held token still
        // serves until it really expires.
        if (current && current.accessToken !== refusedAccessToken && clock() < current.expiresAt) return current.accessToken;
        logger?.warn({ err: error, store: store.kind }, 'Allegro token store unavailable; no token refresh possible');
        throw new UpstreamError({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace', operation: OPERATION, cause: error });
      }
    },
    invalidate(accessToken) {
      refusedAccessToken = accessToken;
      if (current?.accessToken === accessToken) current = null;
    },
    state: () => state,
  };
}

/**
 * invalid_grant (400): the refresh token is retired, expired or revoked. 401 (invalid_client, unauthorized) or another
 * 400/403: our client credentials or request are refused. Anything else (network, timeout, 429, 5xx, a body that is
 * not a token) is the token endpoint being unavailable.
 */
function classifyRefreshFailure(failure: unknown): RefreshFailure {
  // the upstream-call helper has already mapped it; the HTTP answer it judged is kept as the cause
  const error = failure instanceof UpstreamError ? (failure as { cause?: unknown }).cause : failure;
  if (!isAxiosError(error) || error.response === undefined) return 'unavailable';
  const { status, data } = error.response;
  if (status === 400) {
    const body = AllegroAuthErrorDto.safeParse(data);
    return body.success && body.data.error === 'invalid_grant' ? 'invalid_grant' : 'client_rejected';
  }
  if (status === 401 || status === 403) return 'client_rejected';
  return 'unavailable';
}
