import { READINESS_STATUSES, type ReadinessStatus } from '@omnigraph/shared/graphql-server';
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config.ts';
import { signedServiceHeaders } from './subgraph-data-source.ts';

/** A subgraph's upstream state as its own /readyz reports it, or `unreachable` when the subgraph does not answer. */
export type SubgraphReadinessStatus = ReadinessStatus | 'unreachable';

export interface GatewayReadiness {
  /** HTTP status for /readyz: 503 while a subgraph does not answer, 200 otherwise */
  httpStatus: 200 | 503;
  body: {
    /** `ready`: every subgraph and upstream is; `degraded`: every subgraph answers but an upstream is not ready
     *  (answers are partial, see `subgraphs`); `not ready`: a subgraph does not answer */
    status: 'ready' | 'degraded' | 'not ready';
    /** per role, never a URL */
    subgraphs: Record<SubgraphName, SubgraphReadinessStatus>;
  };
}

/** The probes' time budget: a readiness answer has to come quickly, whatever the subgraphs' request timeout. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The gateway's /readyz: each subgraph must answer a trivial signed query (it is up, and it trusts our secret), and
 * its unsigned `GET /readyz` says how its upstream is (`credentials_rejected` needs an operator; `upstream_unavailable`
 * usually passes). An upstream problem leaves the gateway ready (HTTP 200, `degraded`): it still answers, with that
 * source's fields null and named in `extensions.sources`; taking it out of rotation would blank every answer.
 */
export async function checkGatewayReadiness(config: GatewayConfig): Promise<GatewayReadiness> {
  const timeoutMs = Math.min(config.subgraphTimeoutMs, PROBE_TIMEOUT_MS);
  const entries = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => [name, await checkSubgraph(config, name, timeoutMs)] as const),
  );
  const subgraphs = Object.fromEntries(entries) as Record<SubgraphName, SubgraphReadinessStatus>;
  const statuses = Object.values(subgraphs);
  if (statuses.includes('unreachable')) return { httpStatus: 503, body: { status: 'not ready', subgraphs } };
  return { httpStatus: 200, body: { status: statuses.every((s) => s === 'ready') ? 'ready' : 'degraded', subgraphs } };
}

async function checkSubgraph(config: GatewayConfig, name: SubgraphName, timeoutMs: number): Promise<SubgraphReadinessStatus> {
  const url = config.subgraphUrls[name];
  const [answers, upstream] = await Promise.all([answersSignedQuery(url, config.subgraphSecret, timeoutMs), upstreamReadiness(url, timeoutMs)]);
  if (!answers) return 'unreachable';
  // A subgraph that answers but has no /readyz of its own (an older build): its upstream is not known to be broken.
  return upstream ?? 'ready';
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

/** The status word of the subgraph's `GET /readyz` (same origin as its GraphQL URL); undefined when there is none. */
async function upstreamReadiness(url: string, timeoutMs: number): Promise<ReadinessStatus | undefined> {
  try {
    const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => null)) as { status?: unknown } | null;
    const status = body?.status;
    return typeof status === 'string' && (READINESS_STATUSES as readonly string[]).includes(status) ? (status as ReadinessStatus) : undefined;
  } catch {
    return undefined;
  }
}
