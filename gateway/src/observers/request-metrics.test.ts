import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '@omnigraph/shared/metrics';
import type { RequestRecord } from '../request-record.ts';
import { createRequestMetricsObserver } from './request-metrics.ts';

const record = (overrides: Partial<RequestRecord>): RequestRecord => ({
  requestId: 'r',
  status: 200,
  outcome: 'ok',
  durationMs: 12,
  cost: 0,
  upstreamCalls: 0,
  errorCodes: [],
  ...overrides,
});

/** Distinct values of one label of the requests counter, over the whole registry. */
async function labelValues(label: string): Promise<Set<string>> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === 'omnigraph_gateway_requests_total');
  return new Set((metric?.values ?? []).map((v) => String((v.labels as Record<string, unknown>)[label])));
}

describe('request metrics: label bounds', () => {
  it('keeps registered operation names, caps ad-hoc ones, and maps non-names and the overflow to other', async () => {
    const observe = createRequestMetricsObserver({ registeredOperations: ['PartnerProductsBySku'], maxAdHocOperations: 3, maxKeyIds: 1_000 });
    for (let i = 0; i < 100; i++) observe(record({ operationName: `Flood${i}` }));
    observe(record({ operationName: 'PartnerProductsBySku' }));
    observe(record({ operationName: 'x'.repeat(200) }));
    observe(record({}));
    const operations = await labelValues('operation');
    expect([...operations].filter((o) => o.startsWith('Flood'))).toEqual(['Flood0', 'Flood1', 'Flood2']);
    expect(operations).toContain('PartnerProductsBySku');
    expect(operations).toContain('other');
    expect(operations).toContain('anonymous');
    expect([...operations].some((o) => o.length > 64)).toBe(false);
  });

  it('caps key ids, labels requests without a key none, and codes outside the registry other', async () => {
    const observe = createRequestMetricsObserver({ registeredOperations: [], maxKeyIds: 2 });
    for (const keyId of ['KEY00001', 'KEY00002', 'KEY00003', 'KEY00004'])
      observe(record({ keyId, outcome: 'refused', status: 429, errorCodes: ['RATE_LIMITED'] }));
    observe(record({ outcome: 'refused', status: 401, errorCodes: ['UNAUTHENTICATED'] }));
    for (let i = 0; i < 50; i++) observe(record({ keyId: 'KEY00001', outcome: 'error', status: 500, errorCodes: [`WEIRD_${i}`] }));
    const keys = await labelValues('key_id');
    expect([...keys].filter((k) => k.startsWith('KEY'))).toHaveLength(2);
    expect(keys).toContain('other');
    expect(keys).toContain('none');
    const codes = await labelValues('code');
    expect(codes).toContain('RATE_LIMITED');
    expect([...codes].filter((c) => c.startsWith('WEIRD_')).length).toBeLessThanOrEqual(20);
    expect(codes).toContain('other');
  });
});
