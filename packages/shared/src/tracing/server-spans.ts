import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { isTracingEnabled } from './tracing-state.ts';
import { tracer } from './tracer.ts';

/** The W3C `traceparent` of the active span, to hand on to the next hop; undefined when tracing is off. */
export function activeTraceparent(): string | undefined {
  if (!isTracingEnabled()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** The context a `traceparent` value describes, on top of the root (never on whatever happens to be active). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (traceparent === undefined || traceparent === '') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

export interface ServerSpanOptions {
  /** `POST /graphql` */
  method: string;
  route: string;
  /** the caller's trace context, when it is trusted (a subgraph: the gateway's, signed) */
  traceparent?: string | undefined;
  attributes?: Attributes;
}

/**
 * A SERVER span around `fn`, child of `traceparent` (or a new trace), active while `fn` runs so everything it calls
 * (Apollo, DataLoader batches, upstream calls) is its descendant. `status()` is read when `fn` is over. Tracing off:
 * `fn()` as it is.
 */
export function traceServerRequest<T>(options: ServerSpanOptions, fn: () => Promise<T>, status: () => number): Promise<T> {
  if (!isTracingEnabled()) return fn();
  const parent = contextFromTraceparent(options.traceparent);
  const span = tracer().startSpan(
    `${options.method} ${options.route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: options.method, [ATTR_HTTP_ROUTE]: options.route, ...options.attributes },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), fn).finally(() => endServerSpan(span, status()));
}

/** Ends a SERVER span with its response status (5xx is the server's error; 4xx is the client's, not ours). */
export function endServerSpan(span: Span, statusCode: number, errorType?: string): void {
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
  if (errorType !== undefined) span.setAttribute('error.type', errorType);
  if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
