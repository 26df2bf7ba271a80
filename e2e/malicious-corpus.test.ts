/**
 * The hostile corpus of gateway/src/limits (depth and alias bombs, circular fragments, directive overload, huge
 * lists, token floods, batches, introspection probes, field-suggestion probes, malformed bodies) sent to the running
 * gateway with a partner key: nothing may execute (no subgraph and no upstream call), every answer carries a stable
 * code from the registry, and the gateway stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@omnigraph/shared/errors';
import { buildMaliciousCorpus } from '../gateway/src/limits/malicious-corpus.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

describe('malicious corpus through the gateway with a partner key', () => {
  let stack: E2eStack;
  let partnerKey: string;
  const corpus = buildMaliciousCorpus();

  beforeAll(async () => {
    stack = await startE2eStack({ scale: 0.05 });
    partnerKey = await stack.createKey({ name: 'hostile partner', scopes: ['catalog:read', 'stock:read', 'orders:read', 'customers:read'] });
  }, 60_000);
  afterAll(() => stack?.close());

  it(`answers all ${corpus.length} hostile documents with a registry code and executes none`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    stack.resetCounters();
    const byCode = new Map<string, number>();
    const executed: string[] = [];
    const unstable: string[] = [];
    const startedAt = performance.now();
    for (const entry of corpus) {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': partnerKey },
        body: entry.body,
      });
      const text = await res.text();
      let code: string | undefined;
      try {
        const json = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        code = json.errors?.[0]?.extensions?.code;
        if (json.data !== undefined && json.data !== null) executed.push(entry.name);
      } catch {
        code = undefined;
      }
      if (code === undefined || !Object.hasOwn(ERROR_CODES, code) || res.status < 400 || res.status >= 500) {
        unstable.push(`${entry.name}: HTTP ${res.status} ${text.slice(0, 120)}`);
      } else {
        expect(res.status, entry.name).toBe(ERROR_CODES[code as ErrorCode].httpStatus);
      }
      if (code !== undefined) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
    const ms = performance.now() - startedAt;
    const upstream = stack.upstreamCalls();
    console.log(
      `${corpus.length} hostile documents in ${Math.round(ms)} ms: ${executed.length} executed, upstream calls ${JSON.stringify(upstream)}\n` +
        [...byCode]
          .sort((a, b) => b[1] - a[1])
          .map(([c, n]) => `  ${c} ×${n}`)
          .join('\n'),
    );
    expect(unstable).toEqual([]);
    expect(executed).toEqual([]);
    expect(Object.values(upstream).every((n) => n === 0)).toBe(true);
    // Still up and still serving the same partner normally.
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    const sku = stack.dataset.products[0]!.sku;
    const ok = await stack.query(`{ product(sku: "${sku}") { sku } }`, {}, { key: partnerKey });
    expect(ok.body.data?.product?.sku).toBe(sku);
  }, 120_000);
});
