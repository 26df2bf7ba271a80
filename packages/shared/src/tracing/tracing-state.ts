import { trace } from '@opentelemetry/api';

/**
 * Whether this process registered a tracer provider (`startTracing`). Every instrumentation point checks this flag
 * first and, when it is off, calls straight through: no tracer is asked, no span object (not even a non-recording
 * one) is made, no header is injected.
 */
let enabled = false;

export function isTracingEnabled(): boolean {
  return enabled;
}

/** @internal set by startTracing and its shutdown */
export function setTracingEnabled(value: boolean): void {
  enabled = value;
}

/** The trace id of the active span, when tracing is on and a span is active. */
export function activeTraceId(): string | undefined {
  if (!enabled) return undefined;
  const context = trace.getActiveSpan()?.spanContext();
  return context === undefined || context.traceId === INVALID_TRACE_ID ? undefined : context.traceId;
}

const INVALID_TRACE_ID = '00000000000000000000000000000000';
