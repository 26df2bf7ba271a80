import { describe, expect, it } from 'vitest';
import { createSourceRecorder, mergeSourceReports, readSourceReports, sourceStatusOfErrorCode } from './source-status.ts';

describe('mergeSourceReports', () => {
  it('keeps the worst status and the oldest asOf per source, sources sorted', () => {
    expect(
      mergeSourceReports([
        { source: 'marketplace', status: 'OK' },
        { source: 'erp', status: 'STALE', asOf: '2026-12-06T10:42:00.000Z' },
        { source: 'erp', status: 'OK', asOf: '2026-12-06T10:40:00.000Z' },
        { source: 'marketplace', status: 'FAILED' },
      ]),
    ).toEqual([
      { source: 'erp', status: 'STALE', asOf: '2026-12-06T10:40:00.000Z' },
      { source: 'marketplace', status: 'FAILED' },
    ]);
  });

  it('ranks FAILED over SKIPPED over RATE_LIMITED over STALE over OK', () => {
    const order = ['OK', 'STALE', 'RATE_LIMITED', 'SKIPPED', 'FAILED'] as const;
    for (let i = 1; i < order.length; i++) {
      expect(
        mergeSourceReports([
          { source: 'crm', status: order[i - 1]! },
          { source: 'crm', status: order[i]! },
        ])[0]?.status,
      ).toBe(order[i]);
    }
  });
});

describe('readSourceReports', () => {
  it('drops anything that is not a well-formed report', () => {
    expect(
      readSourceReports([
        { source: 'crm', status: 'OK' },
        { source: 'crm', status: 'BROKEN' },
        { source: 'http://internal:8080', status: 'OK' },
        { source: 'erp', status: 'STALE', asOf: '2026-12-06T10:42:00+01:00' },
        null,
        'x',
      ]),
    ).toEqual([
      { source: 'crm', status: 'OK' },
      { source: 'erp', status: 'STALE', asOf: '2026-12-06T09:42:00.000Z' },
    ]);
    expect(readSourceReports({ source: 'crm' })).toEqual([]);
  });
});

describe('createSourceRecorder', () => {
  it('records with asOf as ISO time and stays bounded', () => {
    const recorder = createSourceRecorder();
    for (let i = 0; i < 1000; i++) recorder.record('erp', 'OK', Date.UTC(2026, 11, 6, 10, 0, i % 60));
    recorder.record('crm', 'RATE_LIMITED');
    expect(recorder.reports()).toEqual([
      { source: 'crm', status: 'RATE_LIMITED' },
      { source: 'erp', status: 'OK', asOf: '2026-12-06T10:00:00.000Z' },
    ]);
  });
});

describe('sourceStatusOfErrorCode', () => {
  it('names the status an upstream code implies, and nothing for codes that say nothing about the source', () => {
    expect(sourceStatusOfErrorCode('UPSTREAM_CIRCUIT_OPEN')).toBe('SKIPPED');
    expect(sourceStatusOfErrorCode('UPSTREAM_RATE_LIMITED')).toBe('RATE_LIMITED');
    expect(sourceStatusOfErrorCode('UPSTREAM_BUDGET_EXHAUSTED')).toBe('RATE_LIMITED');
    for (const code of ['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_BAD_RESPONSE', 'UPSTREAM_REJECTED']) {
      expect(sourceStatusOfErrorCode(code)).toBe('FAILED');
    }
    for (const code of ['NOT_FOUND', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR', undefined, 42]) {
      expect(sourceStatusOfErrorCode(code)).toBeUndefined();
    }
  });
});
