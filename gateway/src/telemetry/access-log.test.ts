import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@omnigraph/shared/logging';
import type { RequestRecord } from '../request-record.ts';
import { accessLogFields, createAccessLog } from './access-log.ts';

const RECORD: RequestRecord = {
  requestId: '6f1c9a52-7d1e-4a8e-9a57-1d2f3c4b5a69',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  operationName: 'PartnerProductsBySku',
  keyId: 'k7Qx2mPa',
  ownerId: 'comparison-site',
  profile: 'partner',
  status: 429,
  outcome: 'refused',
  durationMs: 3.4,
  cost: 0,
  upstreamCalls: 0,
  errorCodes: ['RATE_LIMITED'],
};

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ name: 'gateway', destination }), lines };
}

describe('the access log', () => {
  it('writes one JSON line per request with every field of the record, the key that was refused included', () => {
    const { logger, lines } = capture();
    createAccessLog(logger)(RECORD);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, name: 'gateway', msg: 'request', ...RECORD });
    expect(typeof lines[0]!['time']).toBe('string');
  });

  it('leaves out what the record does not know, in a fixed column order', () => {
    const { keyId: _k, ownerId: _o, traceId: _t, operationName: _n, profile: _p, ...anonymous } = RECORD;
    const fields = accessLogFields({ ...anonymous, status: 401, errorCodes: ['UNAUTHENTICATED'] });
    expect(Object.keys(fields)).toEqual(['requestId', 'status', 'outcome', 'durationMs', 'cost', 'upstreamCalls', 'errorCodes']);
    expect(Object.keys(accessLogFields(RECORD))).toEqual([
      'requestId',
      'traceId',
      'operationName',
      'keyId',
      'ownerId',
      'profile',
      'status',
      'outcome',
      'durationMs',
      'cost',
      'upstreamCalls',
      'errorCodes',
    ]);
  });
});
