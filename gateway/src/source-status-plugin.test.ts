import { HeaderMap } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import type { SourceReport } from '@omnigraph/shared/sources';
import { reportSourceStatus } from './source-status-plugin.ts';

/** Runs the plugin's willSendResponse on a single result, as Apollo Server does. */
async function send(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined, sourceReports: SourceReport[]) {
  const response = {
    http: { status: undefined as number | undefined, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { data: {}, errors } },
  };
  const hooks = await reportSourceStatus().requestDidStart!({} as never);
  await hooks!.willSendResponse!({ contextValue: { sourceReports }, response } as never);
  return response as typeof response & { body: { singleResult: { extensions?: Record<string, unknown> } } };
}

describe('reportSourceStatus', () => {
  it('merges the reports into extensions.sources, adding systems named only by an upstream error', async () => {
    const response = await send(
      [
        { message: 'x', extensions: { code: 'UPSTREAM_CIRCUIT_OPEN', serviceName: 'crm' } },
        { message: 'y', extensions: { code: 'NOT_FOUND', serviceName: 'eshop' } },
      ],
      [
        { source: 'erp', status: 'OK', asOf: '2026-12-06T10:42:00.000Z' },
        { source: 'erp', status: 'STALE', asOf: '2026-12-06T10:40:00.000Z' },
      ],
    );
    expect(response.body.singleResult.extensions).toEqual({
      sources: [
        { source: 'crm', status: 'SKIPPED' },
        { source: 'erp', status: 'STALE', asOf: '2026-12-06T10:40:00.000Z' },
      ],
    });
    expect(response.http.status).toBeUndefined();
  });

  it('adds nothing when no source was consulted', async () => {
    expect((await send(undefined, [])).body.singleResult.extensions).toBeUndefined();
  });

  it('answers 429 with the longest Retry-After when an upstream budget refused the caller', async () => {
    const response = await send(
      [
        { message: 'a', extensions: { code: 'UPSTREAM_BUDGET_EXHAUSTED', serviceName: 'crm', retryAfterSeconds: 0.2 } },
        { message: 'b', extensions: { code: 'UPSTREAM_BUDGET_EXHAUSTED', serviceName: 'crm', retryAfterSeconds: 3 } },
      ],
      [],
    );
    expect(response.http.status).toBe(429);
    expect(response.http.headers.get('retry-after')).toBe('3');
    expect(response.body.singleResult.extensions).toEqual({ sources: [{ source: 'crm', status: 'RATE_LIMITED' }] });
  });
});
