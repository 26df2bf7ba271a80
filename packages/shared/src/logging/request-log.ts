import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { traceServerRequest } from '../tracing/server-spans.ts';
import { activeTraceId } from '../tracing/tracing-state.ts';
import { runWithLogContext, type Logger } from './create-logger.ts';

export interface SubgraphRequestLogOptions {
  logger: Pick<Logger, 'info'>;
  /** the subgraph's role */
  service: string | undefined;
  /** the gateway's request id (signed); a request without one (an old gateway, a probe) gets its own */
  requestId: string | undefined;
  /** the gateway's trace context (signed) */
  traceparent: string | undefined;
  res: ServerResponse;
  /** the upstream HTTP requests made for this request so far (the request scope counts them, for the gateway too) */
  upstreamCalls(): number;
}

/**
 * Serves one subgraph request under the gateway's request id (every log line written meanwhile carries it), inside a
 * SERVER span continuing the gateway's trace, and writes one access-log line when it is over: request id, trace id,
 * status, duration, upstream calls. Nothing of the request itself (variables, representations) is logged.
 */
export async function logSubgraphRequest(options: SubgraphRequestLogOptions, serve: () => Promise<void>): Promise<void> {
  const startedAt = performance.now();
  const context = { requestId: options.requestId ?? randomUUID() };
  let traceId: string | undefined;
  await runWithLogContext(context, () =>
    traceServerRequest(
      {
        method: 'POST',
        route: '/graphql',
        traceparent: options.traceparent,
        ...(options.service === undefined ? {} : { attributes: { 'omnigraph.service': options.service } }),
      },
      async () => {
        traceId = activeTraceId();
        await serve();
      },
      () => options.res.statusCode,
    ),
  ).finally(() => {
    options.logger.info(
      {
        requestId: context.requestId,
        ...(traceId === undefined ? {} : { traceId }),
        ...(options.service === undefined ? {} : { service: options.service }),
        status: options.res.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        upstreamCalls: options.upstreamCalls(),
      },
      'subgraph request',
    );
  });
}
