import type { IncomingMessage } from 'node:http';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { startTracing, type Tracing } from '@omnigraph/shared/tracing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { beginRequestTrace, edgePhase, startRequestSpan, type TraceparentTrust } from './request-telemetry.ts';

const CLIENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN = 'b7ad6b7169203331';
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ role: 'gateway', env: {}, spanProcessors: [new SimpleSpanProcessor(exporter)] });
});
afterAll(() => tracing.shutdown());
beforeEach(() => exporter.reset());

async function request(trust: TraceparentTrust, profile: 'partner' | 'internal' | undefined) {
  const req = { method: 'POST', headers: { traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` } } as unknown as IncomingMessage;
  const arrival = performance.timeOrigin + performance.now();
  beginRequestTrace(req);
  await edgePhase(req, 'authenticate', async () => ({ ok: true }));
  await edgePhase(
    req,
    'rate_limit',
    async () => ({ allowed: false }),
    () => 'RATE_LIMITED',
  );
  const trace = startRequestSpan(req, arrival, trust, profile);
  trace.end(429, 'RATE_LIMITED');
  const spans = exporter.getFinishedSpans();
  return { trace, server: spans.find((s) => s.name === 'POST /graphql')!, spans };
}

describe('the gateway request span and GATEWAY_TRACEPARENT_TRUST', () => {
  it.each([
    ['all', 'partner', true],
    ['internal', 'internal', true],
    ['internal', 'partner', false],
    ['internal', undefined, false],
    ['none', 'internal', false],
  ] as const)('trust %s, caller %s: continued %s', async (trust, profile, continued) => {
    const { trace, server } = await request(trust, profile);
    if (continued) {
      expect(trace.traceId).toBe(CLIENT_TRACE);
      expect(server.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
      expect(server.links).toEqual([]);
    } else {
      expect(trace.traceId).not.toBe(CLIENT_TRACE);
      expect(server.parentSpanContext).toBeUndefined();
      expect(server.links.map((l) => l.context.spanId)).toEqual([CLIENT_SPAN]);
    }
  });

  it('records the edge checks as children, with the refusal of the one that refused', async () => {
    const { server, spans } = await request('internal', 'partner');
    const checks = spans.filter((s) => s.name.startsWith('edge.'));
    expect(checks.map((s) => s.name)).toEqual(['edge.authenticate', 'edge.rate_limit']);
    for (const check of checks) expect(check.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(checks[1]!.attributes['omnigraph.refusal']).toBe('RATE_LIMITED');
    expect(server.attributes).toMatchObject({ 'http.response.status_code': 429, 'error.type': 'RATE_LIMITED', 'omnigraph.profile': 'partner' });
  });
});
