import { context, createContextKey, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { isTracingEnabled } from './tracing-state.ts';
import { tracer } from './tracer.ts';

/** Attribute names of our own (no semantic convention covers a logical call with retries and a breaker). */
export const UPSTREAM_ATTRIBUTES = {
  system: 'omnigraph.upstream.system',
  operation: 'omnigraph.upstream.operation',
  service: 'omnigraph.service',
  attempts: 'omnigraph.upstream.attempts',
  outcome: 'omnigraph.upstream.outcome',
  breaker: 'omnigraph.upstream.breaker',
} as const;

export interface UpstreamCallTrace {
  span: Span;
  operation: string;
  /** HTTP requests sent so far for this call (the HTTP client span's `http.request.resend_count` is this minus one) */
  requests: number;
}

const UPSTREAM_CALL = createContextKey('omnigraph.upstream-call');

/** The upstream call the active context belongs to (the HTTP client spans read it). */
export function currentUpstreamCall(): UpstreamCallTrace | undefined {
  return context.active().getValue(UPSTREAM_CALL) as UpstreamCallTrace | undefined;
}

export interface UpstreamCallInfo {
  /** the subgraph role (`crm`) */
  serviceName: string;
  /** the product (`hubspot`) */
  product: string;
  /** the adapter method (`getContactByEmail`): never a URL */
  operation: string;
}

/**
 * One span per logical upstream call (`hubspot getContactByEmail`), around every gate, retry and HTTP attempt of the
 * upstream helper; each HTTP request is a CLIENT child span made by the HTTP client. Tracing off: `fn()` as it is.
 */
export function traceUpstreamCall<T>(info: UpstreamCallInfo, fn: () => Promise<T>): Promise<T> {
  if (!isTracingEnabled()) return fn();
  const span = tracer().startSpan(`${info.product} ${info.operation}`, {
    kind: SpanKind.INTERNAL,
    attributes: {
      [UPSTREAM_ATTRIBUTES.system]: info.product,
      [UPSTREAM_ATTRIBUTES.operation]: info.operation,
      [UPSTREAM_ATTRIBUTES.service]: info.serviceName,
    },
  });
  const callTrace: UpstreamCallTrace = { span, operation: info.operation, requests: 0 };
  const ctx = trace.setSpan(context.active(), span).setValue(UPSTREAM_CALL, callTrace);
  return context.with(ctx, fn).finally(() => span.end());
}

/** The upstream helper's events, as the call's span sees them: the outcome, retries and the breaker's decisions. */
export type UpstreamSpanEvent =
  | { type: 'attempt'; attempt: number }
  | { type: 'retry'; attempt: number; delayMs: number; code: string }
  | { type: 'success'; attempts: number }
  | { type: 'failure'; code: string; attempts: number }
  | { type: 'breaker'; state: string };

/** Records `event` on the active upstream call's span; nothing when tracing is off or outside a call. */
export function noteUpstreamEvent(event: UpstreamSpanEvent): void {
  if (!isTracingEnabled()) return;
  const call = currentUpstreamCall();
  if (call === undefined) return;
  const { span } = call;
  switch (event.type) {
    case 'attempt':
      return;
    case 'retry':
      span.addEvent('retry', { attempt: event.attempt, delay_ms: event.delayMs, [ATTR_ERROR_TYPE]: event.code });
      return;
    case 'success':
      span.setAttributes({ [UPSTREAM_ATTRIBUTES.attempts]: event.attempts, [UPSTREAM_ATTRIBUTES.outcome]: 'ok' });
      return;
    case 'failure':
      span.setAttributes({
        [UPSTREAM_ATTRIBUTES.attempts]: event.attempts,
        [UPSTREAM_ATTRIBUTES.outcome]: event.code,
        [ATTR_ERROR_TYPE]: event.code,
        ...(event.code === 'UPSTREAM_CIRCUIT_OPEN' ? { [UPSTREAM_ATTRIBUTES.breaker]: 'open' } : {}),
      });
      // a record the upstream does not hold is an answer, not a failure
      if (event.code !== 'NOT_FOUND') span.setStatus({ code: SpanStatusCode.ERROR, message: event.code });
      return;
    case 'breaker':
      span.addEvent('breaker', { [UPSTREAM_ATTRIBUTES.breaker]: event.state });
      span.setAttribute(UPSTREAM_ATTRIBUTES.breaker, event.state);
      return;
  }
}
