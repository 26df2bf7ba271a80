/**
 * How a subgraph with no upstream of its own (commands, pricing) talks to the others: GraphQL over HTTP POST to each
 * subgraph's own URL (not through the gateway: the fields it needs are @inaccessible, and a second trip through the
 * edge would count the caller's limits twice), signed with the caller's identity exactly as the gateway's
 * SubgraphDataSource signs it. The subgraph therefore sees the same caller, deadline, request id and trace as it would
 * behind the gateway.
 */
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, signIdentity, type RequestIdentity } from '../identity/index.ts';
import { currentRequestId } from '../logging/index.ts';
import { currentRequestScope } from '../sources/index.ts';
import { activeTraceparent } from '../tracing/index.ts';
import { isTimeoutError, type ServiceName } from '../errors/index.ts';

export interface SubgraphClientOptions<S extends ServiceName> {
  /** the subgraphs this service calls, by role */
  urls: Record<S, string>;
  /** OMNIGRAPH_SUBGRAPH_SECRET, shared with the gateway and the subgraphs */
  secret: string;
  /**
   * The caller decides a write on these reads (commands): every subgraph then reads its upstream instead of its cache
   * (signed `fresh`). A reader that only reports (pricing) passes false and is served from the subgraphs' caches like
   * any client behind the gateway.
   */
  freshReads: boolean;
  /**
   * One call's limit when no client request bounds it (commands' recovery path), and the upper bound of one call inside
   * a request (e.g. COMMANDS_STEP_TIMEOUT_MS)
   */
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface SubgraphClient<S extends ServiceName = ServiceName> {
  /**
   * Sends one operation to `service` on behalf of `identity` and resolves with its `data`. Throws the subgraph's
   * first error as a GraphQLError with its registry code and client extensions (a refusal such as NOT_FOUND or
   * UNKNOWN_PRODUCT stays that code), or UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT with `serviceName` when the
   * subgraph could not be asked or did not answer in time: the outcome of a write is then unknown.
   */
  request<T>(service: S, query: string, variables: Record<string, unknown>, identity: RequestIdentity): Promise<T>;
}

/** What a subgraph must at least leave of the deadline for its answer to come back: below it, the call is not sent. */
const MIN_CALL_MS = 50;

export function createSubgraphClient<S extends ServiceName>(options: SubgraphClientOptions<S>): SubgraphClient<S> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  return {
    async request<T>(service: S, query: string, variables: Record<string, unknown>, identity: RequestIdentity): Promise<T> {
      const startedAt = now();
      // Inside a client request its (signed, gateway-chosen) deadline bounds every call; the recovery path has none.
      const requestDeadline = currentRequestScope()?.deadlineAt;
      const deadlineAt = Math.min(requestDeadline ?? Number.POSITIVE_INFINITY, startedAt + options.timeoutMs);
      if (deadlineAt - startedAt < MIN_CALL_MS) throw unavailable(service, true);
      const body = JSON.stringify({ query, variables });
      const header = signIdentity(options.secret, identity, body, new Date(startedAt), {
        deadlineAt,
        requestId: currentRequestId(),
        traceparent: activeTraceparent(),
        freshReads: options.freshReads,
      });
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new DOMException('the subgraph did not answer by the deadline', 'TimeoutError')),
        Math.max(1, deadlineAt - startedAt),
      );
      let payload: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
      try {
        const response = await doFetch(options.urls[service], {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', [IDENTITY_HEADER]: header },
          body,
          signal: controller.signal,
        });
        const text = await response.text();
        try {
          payload = JSON.parse(text) as typeof payload;
        } catch {
          // A proxy's HTML 502, a cut body: nothing a GraphQL answer can be read from.
          throw unavailable(service, false);
        }
        if (payload === null || typeof payload !== 'object') throw unavailable(service, false);
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        throw unavailable(service, isTimeoutError(error), error);
      } finally {
        clearTimeout(timer);
      }
      const first = payload.errors?.[0];
      if (first !== undefined) throw subgraphError(service, first);
      if (payload.data === undefined || payload.data === null) throw unavailable(service, false);
      return payload.data as T;
    },
  };
}

/**
 * The subgraph's own error, as its formatter made it for clients (registry code and client extensions only). An
 * error without a code, or with INTERNAL_SERVER_ERROR, says nothing about whether a write happened: it is reported
 * as the subgraph being unavailable, which the runner treats as an unknown outcome and verifies by the step's tag.
 */
function subgraphError(service: ServiceName, error: { message?: string; extensions?: Record<string, unknown> }): GraphQLError {
  const extensions = error.extensions ?? {};
  const code = extensions['code'];
  if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') return unavailable(service, false);
  return new GraphQLError(error.message ?? 'A data source refused the request.', {
    extensions: { ...extensions, code, ...(extensions['serviceName'] === undefined && isUpstreamCode(code) ? { serviceName: service } : {}) },
  });
}

function isUpstreamCode(code: string): boolean {
  return code.startsWith('UPSTREAM_');
}

export function unavailable(service: ServiceName, timedOut: boolean, cause?: unknown): GraphQLError {
  return new GraphQLError(timedOut ? 'A data source did not answer in time.' : 'A data source failed to answer.', {
    extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: service },
    originalError: cause instanceof Error ? cause : undefined,
  });
}
