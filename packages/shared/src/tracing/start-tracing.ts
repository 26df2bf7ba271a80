import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import packageJson from '../../package.json' with { type: 'json' };
import { isTracingEnabled, setTracingEnabled } from './tracing-state.ts';

export interface StartTracingOptions {
  /**
   * The process's role (`gateway`, `erp`, …; simulators `odoo-simulator` …): the service name unless
   * `OTEL_SERVICE_NAME` says otherwise.
   */
  role: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Replaces the exporters the environment names (tests: an in-memory exporter behind a SimpleSpanProcessor). */
  spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  /** false: no provider was registered and every instrumentation point is a plain call */
  enabled: boolean;
  serviceName: string | undefined;
  /** Exports what is buffered, then unregisters the provider (instrumentation turns back into plain calls). */
  shutdown(): Promise<void>;
}

/** A tracing variable with a value this process cannot honour; reported at boot, never at the first request. */
export class TracingConfigError extends Error {
  override readonly name = 'TracingConfigError';
}

const EXPORTERS = new Set(['otlp', 'console', 'none']);
const OFF: Tracing = { enabled: false, serviceName: undefined, shutdown: async () => {} };
let current: Tracing | undefined;

/**
 * What the standard variables ask for, checked without starting anything (so a boot can report every problem at
 * once): the exporters (`OTEL_TRACES_EXPORTER`, `otlp` when unset but an OTLP endpoint is; nothing otherwise), or
 * the reasons the configuration cannot work.
 */
export function tracingExportersFromEnv(env: NodeJS.ProcessEnv): { exporters: string[]; problems: string[] } {
  const problems: string[] = [];
  if ((env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase() === 'true') return { exporters: [], problems };
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  const named = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  const exporters = named.length > 0 ? named : endpoint ? ['otlp'] : [];
  for (const exporter of exporters) {
    if (!EXPORTERS.has(exporter)) problems.push(`OTEL_TRACES_EXPORTER: "${exporter}" is not supported (use otlp, console or none)`);
  }
  const protocol = (env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] || env['OTEL_EXPORTER_OTLP_PROTOCOL'] || '').trim();
  if (exporters.includes('otlp') && protocol !== '' && protocol !== 'http/json') {
    problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported; Omnigraph exports OTLP over HTTP as JSON (http/json)`);
  }
  return { exporters: exporters.includes('none') ? [] : exporters, problems };
}

/**
 * Turns tracing on for this process, once, from the standard `OTEL_*` variables: off (the default) registers
 * nothing, so the OpenTelemetry API stays a no-op and our instrumentation points are plain calls. On: a
 * NodeTracerProvider with the service's resource (`OTEL_SERVICE_NAME`, else the role; `OTEL_RESOURCE_ATTRIBUTES`),
 * the sampler of `OTEL_TRACES_SAMPLER`/`_ARG` (the SDK's default: parent-based, always on), batched OTLP/HTTP
 * export to `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` (headers and timeout
 * from their variables too), and W3C trace context as the only propagator (no baggage: a client must not be able to
 * put arbitrary data into what we forward).
 *
 * Called again in the same process (the in-process stacks of `npm start` and the tests run several roles in one),
 * it returns the tracing already started: one provider per process.
 */
export function startTracing(options: StartTracingOptions): Tracing {
  if (current !== undefined) return current;
  const env = options.env ?? process.env;
  let processors = options.spanProcessors;
  if (processors === undefined) {
    const { exporters, problems } = tracingExportersFromEnv(env);
    if (problems.length > 0) throw new TracingConfigError(problems.join('\n'));
    if (exporters.length === 0) return OFF;
    processors = exporters.map((name) =>
      name === 'console' ? new SimpleSpanProcessor(new ConsoleSpanExporter()) : new BatchSpanProcessor(new OTLPTraceExporter()),
    );
  }
  const serviceName = env['OTEL_SERVICE_NAME']?.trim() || options.role;
  const resource = detectResources({ detectors: [envDetector] }).merge(
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_VERSION]: packageJson.version, 'service.namespace': 'omnigraph' }),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  setTracingEnabled(true);
  const started: Tracing = {
    enabled: true,
    serviceName,
    async shutdown() {
      if (current !== started) return;
      current = undefined;
      setTracingEnabled(false);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  current = started;
  return started;
}

export { isTracingEnabled };
