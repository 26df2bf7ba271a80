import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestScope } from './request-scope.ts';
import { SUBGRAPH_SOURCES_EXTENSION } from './source-status.ts';
import { currentLogContext } from '../logging/create-logger.ts';

/** Upstream calls a subgraph made for one request, reported to the gateway for its access log and RequestRecord. */
export const SUBGRAPH_UPSTREAM_CALLS_EXTENSION = 'omnigraphUpstreamCalls';

/**
 * Puts the source statuses recorded while a subgraph served a request into its response's extensions, where the
 * gateway collects them from every subgraph of the plan. Nothing is added when no upstream was consulted.
 */
export function sourcesExtensionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const reports = currentRequestScope()?.sources.reports() ?? [];
          const upstreamCalls = currentLogContext()?.upstreamCalls ?? 0;
          if ((reports.length === 0 && upstreamCalls === 0) || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            ...(reports.length === 0 ? {} : { [SUBGRAPH_SOURCES_EXTENSION]: reports }),
            ...(upstreamCalls === 0 ? {} : { [SUBGRAPH_UPSTREAM_CALLS_EXTENSION]: upstreamCalls }),
          };
        },
      };
    },
  };
}
