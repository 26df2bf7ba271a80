import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Principal } from './edge/authenticate.ts';
import type { Admission } from './edge/edge.ts';
import { refusal } from './edge/refusal.ts';
import type { GatewayContext } from './http-handler.ts';
import { buildRequestRecord, emitRequestRecord, emptyResponseSummary, startRequest, type RequestState } from './record-request.ts';
import type { RequestRecord } from './request-record.ts';

const principal: Principal = {
  identity: { subject: 'AbCd1234', kind: 'api-key', ownerId: 'partner-ceneo', scopes: ['catalog:read'], profile: 'partner' },
  subject: 'key:AbCd1234',
  rateLimit: { requestsPerMinute: 60, costPerMinute: 1_000 },
};

function fakeResponse(statusCode = 200) {
  const headers: Record<string, string> = {};
  const res = { statusCode, setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
  return { res, headers };
}
const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage;

function executed(summary: Partial<ReturnType<typeof emptyResponseSummary>>, upstreamCalls = 0): Pick<RequestState, 'outcome' | 'context'> {
  const admission: Admission = {
    kind: 'execute',
    body: {},
    principal,
    headers: {},
    removedByQuery: new Map(),
    release: () => {},
    cost: 42,
    operationName: 'PartnerProductsBySku',
  };
  const context = { usage: { upstreamCalls }, responses: { ...emptyResponseSummary(), ...summary } } as GatewayContext;
  return { outcome: admission, context };
}

describe('startRequest', () => {
  it('keeps a sane x-request-id, replaces anything else with a UUID, and sends it back', () => {
    for (const [incoming, kept] of [
      ['abc-123.x:y', true],
      ['', false],
      ['x'.repeat(129), false],
      ['a\r\nset-cookie: x', false],
      ['ä', false],
    ] as const) {
      const { res, headers } = fakeResponse();
      const { requestId } = startRequest(request({ 'x-request-id': incoming }), res);
      if (kept) expect(requestId).toBe(incoming);
      else expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers['x-request-id']).toBe(requestId);
    }
  });
});

describe('buildRequestRecord', () => {
  it('names the identified caller of a refusal (a 429 of a known key), with no cost', () => {
    const { res } = fakeResponse(429);
    const limited = { ...refusal('RATE_LIMITED', 'slow down'), principal, operationName: 'PartnerProductsBySku' };
    const record = buildRequestRecord({ requestId: 'r1', startedAt: performance.now() - 5, outcome: limited }, res);
    expect(record).toMatchObject({
      requestId: 'r1',
      status: 429,
      outcome: 'refused',
      errorCodes: ['RATE_LIMITED'],
      keyId: 'AbCd1234',
      ownerId: 'partner-ceneo',
      profile: 'partner',
      operationName: 'PartnerProductsBySku',
      cost: 0,
      upstreamCalls: 0,
    });
    expect(record.durationMs).toBeGreaterThanOrEqual(5);
  });

  it('leaves the caller out of a refusal before authentication', () => {
    const record = buildRequestRecord(
      { requestId: 'r', startedAt: performance.now(), outcome: refusal('UNAUTHENTICATED', 'who?') },
      fakeResponse(401).res,
    );
    expect(record).toMatchObject({ outcome: 'refused', errorCodes: ['UNAUTHENTICATED'] });
    expect(record).not.toHaveProperty('keyId');
    expect(record).not.toHaveProperty('ownerId');
  });

  it('tells served, partial and failed answers apart, with cost, upstream calls and distinct codes', () => {
    const at = { requestId: 'r', startedAt: performance.now() };
    expect(buildRequestRecord({ ...at, ...executed({ operations: 1, withData: 1 }, 7) }, fakeResponse(200).res)).toMatchObject({
      outcome: 'ok',
      cost: 42,
      upstreamCalls: 7,
      errorCodes: [],
    });
    const partial = executed({ operations: 1, withData: 1, withErrors: 1, errorCodes: new Set(['FORBIDDEN', 'UPSTREAM_TIMEOUT']) });
    expect(buildRequestRecord({ ...at, ...partial }, fakeResponse(200).res)).toMatchObject({
      outcome: 'partial',
      errorCodes: ['FORBIDDEN', 'UPSTREAM_TIMEOUT'],
    });
    const failed = executed({ operations: 1, withErrors: 1, errorCodes: new Set(['UPSTREAM_BUDGET_EXHAUSTED']) });
    expect(buildRequestRecord({ ...at, ...failed }, fakeResponse(429).res)).toMatchObject({ outcome: 'error', status: 429 });
    // the handler failed before any operation answered
    expect(buildRequestRecord({ ...at, outcome: executed({}).outcome }, fakeResponse(500).res)).toMatchObject({
      outcome: 'error',
      errorCodes: ['INTERNAL_SERVER_ERROR'],
    });
  });
});

describe('emitRequestRecord', () => {
  it('hands the record to every observer, even after one throws', () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const record = { requestId: 'r' } as RequestRecord;
    emitRequestRecord(
      [
        () => {
          throw new Error('broken observer');
        },
        (r) => seen.push(r.requestId),
      ],
      record,
      { error: (obj: unknown) => void errors.push(obj) } as never,
    );
    expect(seen).toEqual(['r']);
    expect(errors).toHaveLength(1);
  });
});
