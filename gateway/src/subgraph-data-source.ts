import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, requestIdentitySchema, SERVICE_IDENTITY, signIdentity, type RequestIdentity } from '@omnigraph/shared/identity';
import { gatewaySubgraphFetchDuration, gatewaySubgraphFetches } from '@omnigraph/shared/metrics';
import {
  readSourceReports,
  readUpstreamCalls,
  sourceStatusOfErrorCode,
  SUBGRAPH_SOURCES_EXTENSION,
  SUBGRAPH_UPSTREAM_CALLS_EXTENSION,
  type SourceReport,
  type SourceStatus,
} from '@omnigraph/shared/sources';
import type { SubgraphName } from './config.ts';
import { nullEntitiesFor } from './null-entities.ts';
import { currentRequestId } from '@omnigraph/shared/logging';
import { isTimeoutError } from '@omnigraph/shared/errors';
import { activeTraceparent } from '@omnigraph/shared/tracing';

/** What the fetcher needs of the request that process() is serving. */
interface CurrentFetch {
  identity: RequestIdentity;
  /** epoch ms by which this fetch must be over */
  fetchDeadlineAt: number;
  /** aborts the fetch (body included) at that time */
  signal: AbortSignal;
}

/**
 * The fetcher sees the serialized body but not the request context; process() sees the context but not the body.
 * This carries the identity and deadline from one to the other along the async call chain of one subgraph request.
 */
const currentFetch = new AsyncLocalStorage<CurrentFetch>();

/**
 * What a subgraph is told: its deadline is a little before the gateway's own, so a subgraph whose upstream is slow
 * can still answer with what it has (stale values, nulls and a FAILED status) before the gateway stops listening.
 * 10 % of the time left, between 50 and 500 ms.
 */
export function subgraphDeadline(fetchDeadlineAt: number, now: number): number {
  const margin = Math.min(500, Math.max(50, (fetchDeadlineAt - now) * 0.1));
  return fetchDeadlineAt - margin;
}

/**
 * How long one fetch may take when `remainingMs` are left of the request: not all of it, because a plan has later
 * steps (the merged order list, the order details, the products of their lines) that need time too, and a hung
 * upstream in an early step must not leave them none. A quarter of what is left, at most a second, is kept back.
 */
export function fetchBudgetMs(remainingMs: number): number {
  return remainingMs - Math.min(LATER_STEPS_RESERVE_MS, remainingMs * 0.25);
}
const LATER_STEPS_RESERVE_MS = 1_000;

/** The part of the gateway's request context the data source reads and writes. */
export interface SubgraphFetchContext {
  identity?: unknown;
  /** epoch ms the whole client request must be answered by */
  deadlineAt?: number;
  /** every source status the subgraphs reported for this request, and the gateway's own for subgraphs that failed */
  sourceReports?: SourceReport[];
  /**
   * upstream HTTP requests the subgraphs reported for this request (usage metering); an object because Apollo hands
   * each operation a shallow copy of the context, so only what is shared by reference adds up
   */
  usage?: { upstreamCalls: number };
}

type FetchOutcome = 'ok' | 'error' | 'failed';

/**
 * The gateway's fetch to one subgraph:
 * - the timeout @apollo/gateway lacks: the earlier of the per-fetch timeout and the request's deadline, which the
 *   subgraph also receives, signed, so its upstream calls end before the gateway gives up on it;
 * - failures named by role (UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT with `serviceName`) instead of Apollo's bare
 *   "fetch failed";
 * - partial answers: when an entity fetch fails, the entities come back with this subgraph's fields set to null, so
 *   only those fields are lost — a `@requires` that reads them (the merged order list reads each channel's
 *   summaries) sees null and says which channel is missing, instead of the whole entity, and with it the root,
 *   disappearing;
 * - source statuses: what the subgraph reported in `extensions.omnigraphSources`, or FAILED for this subgraph's
 *   system when it could not be asked, collected in the request context for the response's `extensions.sources`.
 *
 * Every request carries the caller's identity (`context.identity`, or the gateway's own service identity when there
 * is none) in the signed `x-omnigraph-identity` header. It is signed in the fetcher, over the exact body bytes sent,
 * once per HTTP request (so an APQ retry with the full query gets its own signature).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  /** bound once: every fetch only increments and observes */
  private readonly fetchMetrics: Record<FetchOutcome, { count: { inc(): void }; duration: { observe(seconds: number): void } }>;
  private readonly serviceName: SubgraphName;
  private readonly timeoutMs: number;

  constructor(
    serviceName: SubgraphName,
    url: string,
    timeoutMs: number,
    /** OMNIGRAPH_SUBGRAPH_SECRET, shared with the subgraphs */
    secret: string,
  ) {
    super({
      url,
      fetcher: (input, init) => {
        const fetchState = currentFetch.getStore();
        // Only reachable if @apollo/gateway fetched outside process(); refusing beats sending an unsigned request.
        if (fetchState === undefined) throw new Error('subgraph fetch outside SubgraphDataSource.process(): no identity to sign');
        const now = Date.now();
        const header = signIdentity(secret, fetchState.identity, init?.body ?? '', new Date(now), {
          deadlineAt: subgraphDeadline(fetchState.fetchDeadlineAt, now),
          // the client request's id and this fetch's trace context, signed, for the subgraph's logs and spans
          requestId: currentRequestId(),
          traceparent: activeTraceparent(),
        });
        const headers = { ...init?.headers, [IDENTITY_HEADER]: header };
        return fetch(input, { ...init, headers, signal: fetchState.signal } as RequestInit) as never;
      },
    });
    const bind = (outcome: FetchOutcome) => {
      const labels = { service: 'gateway', subgraph: serviceName, outcome };
      return { count: gatewaySubgraphFetches.labels(labels), duration: gatewaySubgraphFetchDuration.labels(labels) };
    };
    this.fetchMetrics = { ok: bind('ok'), error: bind('error'), failed: bind('failed') };
    this.serviceName = serviceName;
    this.timeoutMs = timeoutMs;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const context = options.context as SubgraphFetchContext | undefined;
    const now = Date.now();
    const startedAt = performance.now();
    const fetchDeadlineAt = Math.floor(now + Math.min(this.timeoutMs, fetchBudgetMs((context?.deadlineAt ?? Number.POSITIVE_INFINITY) - now)));
    try {
      if (fetchDeadlineAt <= now) throw new DeadlinePassedError();
      const identity = identityFromContext(context);
      // A timer cleared as soon as the answer is in, rather than AbortSignal.timeout, which stays alive until it
      // fires: at a few hundred requests per second that is thousands of live timers for nothing.
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new DOMException('the subgraph did not answer by the deadline', 'TimeoutError')),
        Math.max(1, fetchDeadlineAt - now),
      );
      try {
        const response = await currentFetch.run({ identity, fetchDeadlineAt, signal: controller.signal }, () => super.process(options));
        this.collectSources(context, response);
        this.measure(response.errors?.length ? 'error' : 'ok', startedAt);
        return response;
      } finally {
        clearTimeout(timer);
      }
    } catch (error) {
      const failure = this.toClientError(error);
      this.measure('failed', startedAt);
      this.report(context, [{ source: this.serviceName, status: statusOf(failure) }]);
      const nulls = nullEntitiesFor(options.request.query, options.request.variables?.['representations']);
      // Not an entity fetch (a root field): the gateway nulls the root fields of this fetch itself.
      if (nulls === undefined) throw failure;
      return { data: { _entities: nulls }, errors: [failure] };
    }
  }

  private collectSources(context: SubgraphFetchContext | undefined, response: GatewayGraphQLResponse): void {
    const reports = readSourceReports(response.extensions?.[SUBGRAPH_SOURCES_EXTENSION]);
    if (reports.length > 0) this.report(context, reports);
    const upstreamCalls = readUpstreamCalls(response.extensions?.[SUBGRAPH_UPSTREAM_CALLS_EXTENSION]);
    if (upstreamCalls > 0 && context?.usage !== undefined) context.usage.upstreamCalls += upstreamCalls;
  }

  private measure(outcome: FetchOutcome, startedAt: number): void {
    const metrics = this.fetchMetrics[outcome];
    metrics.count.inc();
    metrics.duration.observe((performance.now() - startedAt) / 1000);
  }

  private report(context: SubgraphFetchContext | undefined, reports: SourceReport[]): void {
    if (context === undefined) return;
    (context.sourceReports ??= []).push(...reports);
  }

  private toClientError(error: unknown): GraphQLError {
    if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string' && error.extensions['code'] !== 'INTERNAL_SERVER_ERROR') {
      return error;
    }
    const timedOut = isTimeoutError(error);
    return new GraphQLError(timedOut ? 'A data source did not answer in time.' : 'A data source failed to answer.', {
      extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: this.serviceName },
      originalError: error instanceof Error ? error : undefined,
    });
  }
}

class DeadlinePassedError extends Error {
  override readonly name = 'TimeoutError';
  constructor() {
    super('the request deadline passed before this subgraph fetch could start');
  }
}

/** A subgraph that could not be asked (or answered with an error instead of data) failed, unless its code says why. */
function statusOf(error: GraphQLError): SourceStatus {
  return sourceStatusOfErrorCode(error.extensions['code']) ?? 'FAILED';
}

/**
 * Headers for the gateway's own calls to a subgraph outside a client operation (the `/readyz` probe): JSON content
 * type and the service identity signed over `body`, which must be the exact string sent.
 */
export function signedServiceHeaders(secret: string, body: string): Record<string, string> {
  return { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(secret, SERVICE_IDENTITY, body) };
}

/**
 * The caller the gateway authenticated, or the service identity for calls made without one. A present but malformed
 * identity is a gateway bug: it fails the request rather than being replaced by another identity.
 */
function identityFromContext(context: SubgraphFetchContext | undefined): RequestIdentity {
  const identity = context?.identity;
  if (identity === undefined) return SERVICE_IDENTITY;
  const parsed = requestIdentitySchema.safeParse(identity);
  if (!parsed.success) throw new Error('context.identity is not a valid RequestIdentity');
  return parsed.data;
}
