import { trace, type Tracer } from '@opentelemetry/api';

/** Omnigraph's own instrumentation scope; @apollo/gateway reports under its own (`apollo/gateway-js`). */
export const TRACER_NAME = '@omnigraph/shared';

/** Only called behind `isTracingEnabled()`: asking the API for a tracer is itself work a disabled process skips. */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}
