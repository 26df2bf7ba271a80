import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { SubgraphName } from './config.ts';

/**
 * The gateway's fetch to one subgraph, with the timeout @apollo/gateway lacks, and failures named by role: a subgraph
 * that cannot be reached or does not answer in time becomes UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT with
 * `serviceName`, instead of Apollo's bare "fetch failed" that says neither what nor where.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly serviceName: SubgraphName,
    url: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never,
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
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

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}
