import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { toHeaderMap, writeGraphQLResponse } from '@omnigraph/shared/graphql-server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { SourceReport } from '@omnigraph/shared/sources';
import type { Admission } from './edge/edge.ts';
import { emptyResponseSummary, type ResponseSummary } from './record-request.ts';

/** What every resolver-side hook of the gateway sees for one HTTP request. */
export interface GatewayContext {
  /** the authenticated caller, forwarded to the subgraphs in the signed identity header */
  identity: RequestIdentity;
  /** FORBIDDEN errors for the fields the edge removed, per executed query text (one entry per batched operation) */
  removedByQuery: Map<string, GraphQLFormattedError[]>;
  /** epoch ms by which every subgraph fetch of this request must be over (carried, signed, to the subgraphs) */
  deadlineAt: number;
  /** source statuses reported by the subgraphs of the plan (and by the gateway for those it could not reach) */
  sourceReports: SourceReport[];
  /** upstream HTTP calls the subgraphs reported for this request (see SubgraphDataSource), for usage metering */
  usage: { upstreamCalls: number };
  /** what the operations answered (see summarizeResponses), for the request record */
  responses: ResponseSummary;
}

/**
 * Runs an admitted request through Apollo Server: the body is the edge's (already decoded, possibly rewritten without
 * unauthorized fields), never the raw one. GET stays GET, rebuilt from the admitted body, so Apollo still refuses
 * mutations over GET.
 */
export async function executeAdmitted(
  server: ApolloServer<GatewayContext>,
  req: IncomingMessage,
  res: ServerResponse,
  admission: Admission,
  /** how long this caller's request may take, from now (the profile's deadline) */
  deadlineMs: number,
  /** given the request's context before it runs, so whoever records the request can read it when the response closes */
  holder?: { context?: GatewayContext },
  /** sees a complete (not streamed) answer before it is written, with the context it was computed in (response cache) */
  onComplete?: (response: { status: number; body: string; headers: Iterable<[string, string]> }, context: GatewayContext) => void,
): Promise<void> {
  const deadlineAt = Date.now() + deadlineMs;
  const context: GatewayContext = {
    identity: admission.principal.identity,
    removedByQuery: admission.removedByQuery,
    deadlineAt,
    sourceReports: [],
    usage: { upstreamCalls: 0 },
    responses: emptyResponseSummary(),
  };
  if (holder !== undefined) holder.context = context;
  const headers = toHeaderMap(req.headers);
  const method = (req.method ?? 'GET').toUpperCase();
  let search = '';
  if (method === 'GET' && !Array.isArray(admission.body)) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(admission.body)) {
      if (value !== undefined && value !== null) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    search = `?${params.toString()}`;
  }
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body: method === 'GET' ? undefined : admission.body },
    context: async () => context,
  });
  if (onComplete !== undefined && response.body.kind === 'complete') {
    onComplete({ status: response.status ?? 200, body: response.body.string, headers: response.headers }, context);
  }
  await writeGraphQLResponse(res, response, admission.headers);
}
