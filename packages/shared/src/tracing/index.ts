export { activeTraceparent, contextFromTraceparent, endServerSpan, traceServerRequest, type ServerSpanOptions } from './server-spans.ts';
export { ATTR_URL_TEMPLATE, instrumentHttpClient } from './http-client-spans.ts';
export { startTracing, tracingExportersFromEnv, TracingConfigError, type StartTracingOptions, type Tracing } from './start-tracing.ts';
export { activeTraceId, isTracingEnabled } from './tracing-state.ts';
export { TRACER_NAME, tracer } from './tracer.ts';
export { noteUpstreamEvent, traceUpstreamCall, UPSTREAM_ATTRIBUTES, type UpstreamCallInfo, type UpstreamSpanEvent } from './upstream-spans.ts';
export { tracingEnvShape } from './tracing-env.ts';
