import type { Readiness, ReadinessCheck } from './readiness.ts';

export interface HttpReadinessProbe {
  /** a cheap, read-only call the service's credentials may make, e.g. `…/wp-json/wc/v3/products?per_page=1` */
  url: string;
  method?: 'GET' | 'POST';
  /** the credentials and content type the service's adapter sends */
  headers?: Record<string, string>;
  body?: string;
  /** below the readiness wait (createCachedReadiness' 1.5 s). @default 1_200 */
  timeoutMs?: number;
}

/**
 * A readiness check from one upstream call: 2xx → `ready`; 401/403 → `credentials_rejected` (the key, token or its
 * permissions were refused); anything else → `upstream_unavailable`. For upstreams with static credentials; one
 * with a token flow (Allegro) checks its token first. Redirects are not followed (they would carry the credentials
 * elsewhere), so a 3xx counts as unavailable.
 */
export function createHttpReadinessCheck(probe: HttpReadinessProbe): ReadinessCheck {
  return async (): Promise<Readiness> => {
    let status: number;
    try {
      const res = await fetch(probe.url, {
        method: probe.method ?? 'GET',
        headers: probe.headers ?? {},
        ...(probe.body === undefined ? {} : { body: probe.body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(probe.timeoutMs ?? 1_200),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { status: 'upstream_unavailable', detail: timedOut ? 'timeout' : 'unreachable' };
    }
    if (status >= 200 && status < 300) return { status: 'ready' };
    if (status === 401 || status === 403) return { status: 'credentials_rejected', detail: 'credentials_refused' };
    if (status === 429) return { status: 'upstream_unavailable', detail: 'rate_limited' };
    return { status: 'upstream_unavailable', detail: `status_${status}` };
  };
}
