/**
 * A subgraph's view of its upstream system, answered at `GET /readyz`:
 * - `ready`: the last check reached the upstream with our credentials;
 * - `credentials_rejected`: the upstream refused our credentials (a refresh token retired or revoked, a wrong client
 *   secret or API key, a missing scope). An operator must act; restarting the subgraph changes nothing;
 * - `upstream_unavailable`: the upstream (or what we need to call it, e.g. the token store) did not answer usefully:
 *   network error, timeout, 5xx, 429. Usually passes on its own.
 */
export const READINESS_STATUSES = ['ready', 'credentials_rejected', 'upstream_unavailable'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export interface Readiness {
  status: ReadinessStatus;
  /**
   * A short machine word saying why (`token_refresh_refused`, `timeout`, `status_503` …). Only `[a-z0-9_]` words up to
   * 40 characters are ever served (see {@link readinessBody}): no URL, host, token or upstream text can leak through.
   */
  detail?: string;
}

export type ReadinessCheck = () => Promise<Readiness>;

const DETAIL = /^[a-z0-9_]{1,40}$/;

/** The body `/readyz` serves: the status word and, when it is a plain word, the detail. Nothing else, ever. */
export function readinessBody(readiness: Readiness): Readiness {
  const status = (READINESS_STATUSES as readonly string[]).includes(readiness.status) ? readiness.status : 'upstream_unavailable';
  return readiness.detail !== undefined && DETAIL.test(readiness.detail) ? { status, detail: readiness.detail } : { status };
}

export interface CachedReadinessOptions {
  /** how long an answer is reused, so probes every second cost one upstream check per period. @default 5_000 */
  ttlMs?: number;
  /**
   * Longest wait for a check; past it the probe answers `upstream_unavailable` / `readiness_timeout` while the check
   * goes on, and its result serves the next probe. Below the gateway's probe timeout (2 s). @default 1_500
   */
  timeoutMs?: number;
  clock?: () => number;
}

/**
 * Wraps a readiness check that calls an upstream: one check in flight at a time (Kubernetes, the gateway and an
 * operator's curl probing together make one upstream call), its answer reused for `ttlMs`, and a bounded wait.
 * A check that throws counts as `upstream_unavailable`.
 */
export function createCachedReadiness(check: ReadinessCheck, options: CachedReadinessOptions = {}): ReadinessCheck {
  const ttlMs = options.ttlMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 1_500;
  const clock = options.clock ?? Date.now;
  let last: { readiness: Readiness; at: number } | undefined;
  let inflight: Promise<Readiness> | undefined;

  const run = (): Promise<Readiness> => {
    inflight ??= check()
      .catch((): Readiness => ({ status: 'upstream_unavailable', detail: 'check_failed' }))
      .then((readiness) => {
        last = { readiness, at: clock() };
        inflight = undefined;
        return readiness;
      });
    return inflight;
  };

  return async () => {
    if (last !== undefined && clock() - last.at < ttlMs) return last.readiness;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'upstream_unavailable', detail: 'readiness_timeout' }), timeoutMs);
    });
    try {
      return await Promise.race([run(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
