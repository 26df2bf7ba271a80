import type { ReadinessReport } from '@omnigraph/shared/service';
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config.ts';
import { signedServiceHeaders } from './subgraph-data-source.ts';

/**
 * A subgraph as the gateway sees it: `ready`; `degraded` (it answers, but its upstream fails: its fields come back
 * partial or from cache); `draining` (it is shutting down); `unreachable` (it does not answer a signed query).
 */
export type SubgraphReadinessStatus = 'ready' | 'degraded' | 'draining' | 'unreachable';

export interface GatewayReadiness extends ReadinessReport {
  /** `ready`: every subgraph and upstream is; `degraded`: every subgraph answers but an upstream fails (answers are
   *  partial, see `subgraphs`); `failing`: a subgraph does not answer (503) */
  status: 'ready' | 'degraded' | 'failing';
  /** per role, never a URL */
  subgraphs: Record<SubgraphName, SubgraphReadinessStatus>;
  /** for each degraded subgraph, its upstream's state: `upstream_unavailable` passes on its own, `credentials_rejected` needs an operator */
  upstreams: Partial<Record<SubgraphName, string>>;
}

/** The probes' time budget: a readiness answer has to come quickly, whatever the subgraphs' request timeout. */
const PROBE_TIMEOUT_MS = 2_000;
const WORD = /^[a-z_]{1,40}$/;

/**
 * The gateway's /readyz: each subgraph must answer a trivial signed query (it is up, and it trusts our secret), and
 * its unsigned `GET /readyz` says how its upstream is. A subgraph that does not answer makes the gateway `failing`
 * (503): every operation that touches it would fail. An upstream problem leaves the gateway ready (200,
 * `degraded`): it still answers, with that source's fields null or stale and named in `extensions.sources`, and every
 * replica shares the upstream, so a 503 would take all of them out of rotation and blank every answer.
 */
export async function checkGatewayReadiness(config: GatewayConfig): Promise<GatewayReadiness> {
  const timeoutMs = Math.min(config.subgraphTimeoutMs, PROBE_TIMEOUT_MS);
  const entries = await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await checkSubgraph(config, name, timeoutMs)] as const));
  const subgraphs = Object.fromEntries(entries.map(([name, s]) => [name, s.status])) as Record<SubgraphName, SubgraphReadinessStatus>;
  const upstreams: Partial<Record<SubgraphName, string>> = {};
  for (const [name, s] of entries) if (s.upstream !== undefined) upstreams[name] = s.upstream;
  const statuses = Object.values(subgraphs);
  // A draining subgraph still answers: behind a Service it is one replica leaving while the others take over, so it
  // must not take every gateway replica out of rotation during a subgraph's rolling update.
  const status = statuses.includes('unreachable') ? 'failing' : statuses.includes('degraded') ? 'degraded' : 'ready';
  return { status, subgraphs, upstreams };
}

async function checkSubgraph(
  config: GatewayConfig,
  name: SubgraphName,
  timeoutMs: number,
): Promise<{ status: SubgraphReadinessStatus; upstream?: string }> {
  const url = config.subgraphUrls[name];
  const [answers, own] = await Promise.all([answersSignedQuery(url, config.subgraphSecret, timeoutMs), ownReadiness(url, timeoutMs)]);
  if (!answers) return { status: 'unreachable' };
  if (own?.status === 'draining') return { status: 'draining' };
  // A subgraph that answers but has no /readyz of its own (an older build): its upstream is not known to be broken.
  if (own === undefined || own.status === 'ready') return { status: 'ready' };
  return { status: 'degraded', ...(own.upstream === undefined ? {} : { upstream: own.upstream }) };
}

async function answersSignedQuery(url: string, secret: string, timeoutMs: number): Promise<boolean> {
  const body = JSON.stringify({ query: '{ __typename }' });
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: signedServiceHeaders(secret, body),
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The subgraph's own `GET /readyz` (same origin as its GraphQL URL), as status words: `{status: ready|degraded|
 * draining, upstream?}`. Undefined when it has none or does not answer.
 */
async function ownReadiness(url: string, timeoutMs: number): Promise<{ status: string; upstream?: string } | undefined> {
  try {
    const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => null)) as { status?: unknown; upstream?: unknown } | null;
    const status = typeof body?.status === 'string' && WORD.test(body.status) ? body.status : undefined;
    if (status === undefined) return undefined;
    const upstream = typeof body?.upstream === 'string' && WORD.test(body.upstream) ? body.upstream : undefined;
    // the status words of subgraphs from before issue 9 (503 with the upstream's state)
    if (status === 'upstream_unavailable' || status === 'credentials_rejected') return { status: 'degraded', upstream: status };
    return upstream === undefined ? { status } : { status, upstream };
  } catch {
    return undefined;
  }
}
