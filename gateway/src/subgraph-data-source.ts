import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, requestIdentitySchema, SERVICE_IDENTITY, signIdentity, type RequestIdentity } from '@omnigraph/shared/identity';
import type { SubgraphName } from './config.ts';

/**
 * The fetcher sees the serialized body but not the request context; process() sees the context but not the body.
 * This carries the identity from one to the other along the async call chain of one subgraph request.
 */
const identityOfCurrentFetch = new AsyncLocalStorage<RequestIdentity>();

/**
 * The gateway's fetch to one subgraph, with the timeout @apollo/gateway lacks, and failures named by role: a subgraph
 * that cannot be reached or does not answer in time becomes UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT with
 * `serviceName`, instead of Apollo's bare "fetch failed" that says neither what nor where.
 *
 * Every request carries the caller's identity (`context.identity`, or the gateway's own service identity when there
 * is none) in the signed `x-omnigraph-identity` header. It is signed in the fetcher, over the exact body bytes sent,
 * once per HTTP request (so an APQ retry with the full query gets its own signature).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly serviceName: SubgraphName,
    url: string,
    timeoutMs: number,
    /** OMNIGRAPH_SUBGRAPH_SECRET, shared with the subgraphs */
    secret: string,
  ) {
    super({
      url,
      fetcher: (input, init) => {
        const identity = identityOfCurrentFetch.getStore();
        // Only reachable if @apollo/gateway fetched outside process(); refusing beats sending an unsigned request.
        if (identity === undefined) throw new Error('subgraph fetch outside SubgraphDataSource.process(): no identity to sign');
        const headers = { ...init?.headers, [IDENTITY_HEADER]: signIdentity(secret, identity, init?.body ?? '') };
        return fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never;
      },
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await identityOfCurrentFetch.run(identityFromContext(options.context), () => super.process(options));
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string' && error.extensions['code'] !== 'INTERNAL_SERVER_ERROR') {
        throw error;
      }
      const timedOut = isTimeout(error);
      throw new GraphQLError(timedOut ? 'A data source did not answer in time.' : 'A data source failed to answer.', {
        extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: this.serviceName },
        originalError: error instanceof Error ? error : undefined,
      });
    }
  }
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
function identityFromContext(context: Record<string, unknown> | undefined): RequestIdentity {
  const identity = context?.['identity'];
  if (identity === undefined) return SERVICE_IDENTITY;
  const parsed = requestIdentitySchema.safeParse(identity);
  if (!parsed.success) throw new Error('context.identity is not a valid RequestIdentity');
  return parsed.data;
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}
