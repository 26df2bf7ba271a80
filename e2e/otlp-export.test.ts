/**
 * Tracing switched on the way an operator does it — only the standard OTEL_* variables — in a real gateway process,
 * with a small OTLP/HTTP receiver standing in for the collector: the spans arrive as OTLP JSON on /v1/traces, under
 * the configured service name, and a SIGTERM flushes what is still batched before the process exits 0.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEntry, type SpawnedEntry } from '@omnigraph/shared/testing';

const GATEWAY_ENTRY = fileURLToPath(new URL('../gateway/src/index.ts', import.meta.url));

interface Received {
  path: string;
  contentType: string | undefined;
  body: string;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans?: Array<{ spans?: Array<{ name: string; traceId: string }> }>;
  }>;
}

describe('tracing configured by OTEL_* variables only', () => {
  let gateway: SpawnedEntry | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterAll(async () => {
    gateway?.kill();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('exports the gateway spans as OTLP/HTTP JSON to OTEL_EXPORTER_OTLP_ENDPOINT, flushed on SIGTERM', async () => {
    receiver = await startReceiver();
    gateway = spawnEntry(GATEWAY_ENTRY, {
      env: {
        ...process.env,
        GATEWAY_PORT: '0',
        GATEWAY_METRICS_PORT: 'off',
        GATEWAY_SHUTDOWN_DELAY_MS: '0',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'omnigraph-gateway-under-test',
        // the subgraphs are not needed: an unauthenticated request is answered by the edge alone
        ERP_URL: 'http://127.0.0.1:9/graphql',
        ESHOP_URL: 'http://127.0.0.1:9/graphql',
        CRM_URL: 'http://127.0.0.1:9/graphql',
        MARKETPLACE_URL: 'http://127.0.0.1:9/graphql',
      },
    });
    const [, url] = await gateway.waitFor(/gateway listening on (http:\/\/\S+)\/graphql/, 30_000);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    // the batch processor waits up to 5 s before exporting; SIGTERM must not lose what it holds
    expect(receiver.received).toEqual([]);
    gateway.child.kill('SIGTERM');
    const exited = await gateway.exited;
    expect({ code: exited.code, signal: exited.signal }, gateway.output()).toEqual({ code: 0, signal: null });

    const exports = receiver.received.filter((r) => r.path === '/v1/traces');
    expect(exports.length, gateway.output()).toBeGreaterThan(0);
    expect(exports[0]!.contentType).toMatch(/application\/json/);
    const resourceSpans = exports.flatMap((r) => (JSON.parse(r.body) as OtlpExport).resourceSpans ?? []);
    const serviceNames = resourceSpans.flatMap((rs) => rs.resource?.attributes ?? []).filter((a) => a.key === 'service.name');
    expect(serviceNames.map((a) => a.value.stringValue)).toContain('omnigraph-gateway-under-test');
    const spans = resourceSpans.flatMap((rs) => rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? []);
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^edge\.authenticate$/)]));
    // an unauthenticated caller is not trusted: its trace id is not continued
    expect(spans.every((s) => s.traceId !== '0af7651916cd43dd8448eb211c80319c')).toBe(true);
  }, 60_000);
});
