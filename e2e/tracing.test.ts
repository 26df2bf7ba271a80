import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { SpanKind } from '@opentelemetry/api';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startTracing, type Tracing } from '@omnigraph/shared/tracing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../gateway/src/example-query.ts';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 9, traces: the call-center query exported to an in-process collector (an in-memory span exporter) is one
 * trace holding the gateway's spans (request, edge checks, Apollo's planning and fetches), every subgraph's request
 * span and a span for every upstream HTTP call the simulators counted; a trusted client's `traceparent` is
 * continued, an untrusted one (a partner, under the default GATEWAY_TRACEPARENT_TRUST=internal) only linked.
 */
const SCALE = 0.1;
const CANARY = 'zq7trace';
const dataset = getDataset({ scale: SCALE, piiCanary: CANARY });
const anna = dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
const CLIENT_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN_ID = 'b7ad6b7169203331';
const SKUS = dataset.allegroOffers
  .map((o) => o.sku)
  .filter((sku): sku is string => sku !== null)
  .slice(0, 2);

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let stack: E2eStack;

beforeAll(async () => {
  tracing = startTracing({ role: 'e2e', env: {}, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  stack = await startE2eStack({ scale: SCALE, piiCanary: CANARY });
});
afterAll(async () => {
  await stack?.close();
  await tracing?.shutdown();
});
beforeEach(() => {
  exporter.reset();
  stack.resetCounters();
});

async function post(query: string, variables: Record<string, unknown>, key: string, traceparent?: string) {
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...(traceparent === undefined ? {} : { traceparent }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as { data?: unknown; errors?: unknown } };
}

/** SimpleSpanProcessor exports a span when it ends; the gateway's own span ends right after the response is sent. */
async function spansOfTrace(traceId: string): Promise<ReadableSpan[]> {
  for (let i = 0; i < 50; i += 1) {
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    if (spans.some((s) => s.name === 'POST /graphql' && s.attributes['omnigraph.service'] === 'gateway')) return spans;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no gateway span in trace ${traceId}`);
}

/** The gateway's request span of the one request sent since the last reset (it ends just after the response). */
async function gatewaySpan(): Promise<ReadableSpan> {
  for (let i = 0; i < 100; i += 1) {
    const span = exporter.getFinishedSpans().find((s) => s.name === 'POST /graphql' && s.attributes['omnigraph.service'] === 'gateway');
    if (span !== undefined) return span;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no gateway span');
}

describe('one trace per call-center request, from the client to every upstream call', () => {
  it('continues a trusted client traceparent through the gateway, every subgraph and every upstream HTTP call', async () => {
    const { status, body } = await post(EXAMPLE_QUERY, { phone: anna.phone }, stack.callCenterKey, `00-${CLIENT_TRACE_ID}-${CLIENT_SPAN_ID}-01`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const spans = await spansOfTrace(CLIENT_TRACE_ID);
    const byName = (name: string) => spans.filter((s) => s.name === name);

    const gateway = spans.find((s) => s.name === 'POST /graphql' && s.attributes['omnigraph.service'] === 'gateway')!;
    expect(gateway.kind).toBe(SpanKind.SERVER);
    expect(gateway.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
    for (const check of ['edge.authenticate', 'edge.limits', 'edge.authorize', 'edge.rate_limit']) {
      expect(byName(check).map((s) => s.parentSpanContext?.spanId)).toEqual([gateway.spanContext().spanId]);
    }
    // @apollo/gateway's own spans, under ours
    expect(byName('gateway.request')[0]?.parentSpanContext?.spanId).toBe(gateway.spanContext().spanId);
    expect(byName('gateway.plan')).toHaveLength(1);
    const fetches = byName('gateway.fetch');
    expect(new Set(fetches.map((f) => f.attributes['service']))).toEqual(new Set(['erp', 'eshop', 'crm', 'marketplace']));

    // each subgraph's request span is a child of one of the gateway's fetches (the trace context came signed)
    const subgraphs = spans.filter((s) => s.kind === SpanKind.SERVER && s !== gateway);
    expect(new Set(subgraphs.map((s) => s.attributes['omnigraph.service']))).toEqual(new Set(['erp', 'eshop', 'crm', 'marketplace']));
    const fetchIds = new Set(fetches.map((f) => f.spanContext().spanId));
    for (const s of subgraphs) expect(fetchIds.has(s.parentSpanContext!.spanId)).toBe(true);

    // one CLIENT span per HTTP request the simulators received, each under an upstream call of a subgraph
    const clients = spans.filter((s) => s.kind === SpanKind.CLIENT);
    const counted = stack.upstreamCalls();
    expect(clients).toHaveLength(Object.values(counted).reduce((a, b) => a + b, 0));
    const calls = new Map(spans.filter((s) => s.attributes['omnigraph.upstream.system'] !== undefined).map((s) => [s.spanContext().spanId, s]));
    for (const client of clients) {
      const call = calls.get(client.parentSpanContext!.spanId)!;
      expect(call).toBeDefined();
      expect(client.attributes).toMatchObject({
        'http.request.method': expect.any(String),
        'server.address': '127.0.0.1',
        'http.response.status_code': 200,
      });
      expect(client.attributes['url.template']).toMatch(/^\/[\w./{}-]*$/);
    }
    const systems = new Set([...calls.values()].map((c) => c.attributes['omnigraph.upstream.system']));
    for (const [product, count] of Object.entries(counted)) if (count > 0) expect(systems.has(product)).toBe(true);

    // no personal data in any span: names, attributes, events, links
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, links: s.links })));
    expect(text).not.toContain(CANARY);
    expect(text).not.toMatch(/@|%40/);
    for (const value of [anna.phone!, anna.phone!.replace(/\D/g, '').slice(-9)]) expect(text).not.toContain(value);
  });

  it('does not continue a partner traceparent: a new trace, linked to the client context', async () => {
    const partnerKey = await stack.createKey({ name: 'comparison site', scopes: ['catalog:read', 'stock:read'] });
    const { status } = await post(
      registeredOperationText('PartnerProductsBySku'),
      { skus: SKUS },
      partnerKey,
      `00-${CLIENT_TRACE_ID}-${CLIENT_SPAN_ID}-01`,
    );
    expect(status).toBe(200);
    const gateway = await gatewaySpan();
    const spans = exporter.getFinishedSpans();
    expect(spans.filter((s) => s.spanContext().traceId === CLIENT_TRACE_ID)).toEqual([]);
    expect(gateway.parentSpanContext).toBeUndefined();
    expect(gateway.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([[CLIENT_TRACE_ID, CLIENT_SPAN_ID]]);
    // the request's own trace still reaches the subgraphs
    const own = spans.filter((s) => s.spanContext().traceId === gateway.spanContext().traceId);
    expect(own.some((s) => s.kind === SpanKind.SERVER && s.attributes['omnigraph.service'] === 'erp')).toBe(true);
  });

  it('starts a new trace for a request without traceparent, and puts its trace id in the access log', async () => {
    const { requestId } = await post(EXAMPLE_QUERY, { phone: anna.phone }, stack.callCenterKey);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const gateway = await gatewaySpan();
    expect(gateway.parentSpanContext).toBeUndefined();
    expect(gateway.links).toEqual([]);
  });
});
