import type { IncomingHttpHeaders } from 'node:http';
import { trace, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.ts';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import { createUpstream } from '../upstream/create-upstream.ts';
import { startTracing, tracingExportersFromEnv, TracingConfigError, type Tracing } from './start-tracing.ts';
import { traceServerRequest } from './server-spans.ts';

/** A provider that only counts: what any instrumentation asked of the API. */
function countingProvider() {
  const counts = { getTracer: 0, startSpan: 0 };
  const real = trace.getTracerProvider();
  const provider: TracerProvider = {
    getTracer(name, version) {
      counts.getTracer += 1;
      const tracer = real.getTracer(name, version);
      return {
        startSpan: (...args: Parameters<Tracer['startSpan']>) => {
          counts.startSpan += 1;
          return tracer.startSpan(...args);
        },
        startActiveSpan: tracer.startActiveSpan.bind(tracer),
      } as Tracer;
    },
  };
  return { provider, counts };
}

/** One upstream call through the shared helper and HTTP client, inside a server span: every instrumentation point. */
async function exercise(): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = await startTestHttpServer((req, res) => {
    seen = req.headers;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  try {
    const http = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000 });
    const upstream = createUpstream({ serviceName: 'crm', product: 'hubspot', attemptTimeoutMs: 1_000 });
    await traceServerRequest(
      { method: 'POST', route: '/graphql' },
      () =>
        upstream.call({
          operation: 'getContactByEmail',
          idempotent: true,
          send: (signal) => http.get(`/crm/v3/objects/contacts/${encodeURIComponent('jan@example.pl')}`, { signal }),
          parse: (res) => res.data,
        }),
      () => 200,
    );
  } finally {
    await server.close();
  }
  return seen;
}

let tracing: Tracing | undefined;
afterEach(async () => {
  await tracing?.shutdown();
  tracing = undefined;
  trace.disable();
});

describe('tracing off (the default)', () => {
  it('registers nothing from an empty environment', () => {
    tracing = startTracing({ role: 'crm', env: {} });
    expect(tracing.enabled).toBe(false);
    expect(tracingExportersFromEnv({})).toEqual({ exporters: [], problems: [] });
  });

  it('costs nothing: no tracer asked for, no span object made, no traceparent sent — even with a provider installed by someone else', async () => {
    const { provider, counts } = countingProvider();
    trace.setGlobalTracerProvider(provider);
    const headers = await exercise();
    expect(counts).toEqual({ getTracer: 0, startSpan: 0 });
    expect(headers['traceparent']).toBeUndefined();
  });
});

describe('tracing on', () => {
  it('makes a server span, a span per upstream call and a CLIENT span per HTTP request, and sends their traceparent', async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ role: 'crm', env: {}, spanProcessors: [new SimpleSpanProcessor(exporter)] });
    expect(tracing.enabled).toBe(true);
    const headers = await exercise();
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.name === 'POST /graphql')!;
    const call = spans.find((s) => s.name === 'hubspot getContactByEmail')!;
    const client = spans.find((s) => s.name === 'GET /crm/v3/objects/contacts/{id}')!;
    expect(call.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(client.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(client.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/crm/v3/objects/contacts/{id}',
      'server.address': '127.0.0.1',
      'http.response.status_code': 200,
    });
    expect(call.attributes).toMatchObject({ 'omnigraph.upstream.outcome': 'ok', 'omnigraph.upstream.attempts': 1 });
    expect(headers['traceparent']).toBe(`00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('jan');
    expect(tracing.serviceName).toBe('crm');
  });

  it('names the service after OTEL_SERVICE_NAME, else the role; refuses exporters and protocols it cannot honour', () => {
    expect(tracingExportersFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).exporters).toEqual(['otlp']);
    expect(tracingExportersFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).exporters).toEqual([]);
    expect(tracingExportersFromEnv({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }).exporters).toEqual([]);
    expect(() => startTracing({ role: 'crm', env: { OTEL_TRACES_EXPORTER: 'jaeger' } })).toThrow(TracingConfigError);
    expect(() => startTracing({ role: 'crm', env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } })).toThrow(/http\/json/);
    tracing = startTracing({ role: 'crm', env: { OTEL_SERVICE_NAME: 'crm-eu' }, spanProcessors: [] });
    expect(tracing.serviceName).toBe('crm-eu');
  });
});
