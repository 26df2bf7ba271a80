import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../errors/upstream-error.ts';
import { classifyStepError } from './classify-step-error.ts';
import { toWriteError, writeErrorToGraphQLError, WritesUnavailableError } from './errors.ts';
import { canonicalJson, fingerprintOf, validateIdempotencyKey } from './fingerprint.ts';

describe('fingerprintOf', () => {
  it('is the sha-256 of the canonical JSON: key order and undefined members do not matter, values do', () => {
    const a = fingerprintOf('placeOrder', { customerId: 'c', lines: [{ sku: 'A', quantity: 1 }], note: undefined });
    const b = fingerprintOf('placeOrder', { lines: [{ quantity: 1, sku: 'A' }], customerId: 'c' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf('placeOrder', { customerId: 'c', lines: [{ sku: 'A', quantity: 2 }] })).not.toBe(a);
    expect(fingerprintOf('registerReturn', { customerId: 'c', lines: [{ sku: 'A', quantity: 1 }] })).not.toBe(a);
    // order inside arrays is meaning (line order), so it counts
    expect(canonicalJson({ l: [2, 1] })).not.toBe(canonicalJson({ l: [1, 2] }));
    expect(canonicalJson({ b: 1, a: { d: [undefined], c: new Date(0) } })).toBe('{"a":{"c":"1970-01-01T00:00:00.000Z","d":[null]},"b":1}');
  });
});

describe('validateIdempotencyKey', () => {
  it('accepts 1–255 printable ASCII characters as sent', () => {
    expect(validateIdempotencyKey('3f2b8c1e-7d4a-4b9e-9f1a-2c3d4e5f6a7b')).toBe('3f2b8c1e-7d4a-4b9e-9f1a-2c3d4e5f6a7b');
    expect(validateIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    expect(validateIdempotencyKey(' a b ')).toBe(' a b ');
  });

  it.each([[''], ['x'.repeat(256)], ['   '], ['zażółć'], ['a\nb'], ['tab\there']])('refuses %j with BAD_USER_INPUT on idempotencyKey', (key) => {
    expect(() => validateIdempotencyKey(key)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'idempotencyKey' } }),
    );
  });
});

describe('classifyStepError', () => {
  const upstream = (code: ConstructorParameters<typeof UpstreamError>[0]['code']) =>
    new UpstreamError({ code, serviceName: 'eshop', operation: 'createOrder' });
  const coded = (code: string) => new GraphQLError('x', { extensions: { code } });

  it('refusals are final', () => {
    for (const code of ['UPSTREAM_REJECTED', 'NOT_FOUND'] as const) expect(classifyStepError(upstream(code))).toBe('refused');
    for (const code of [
      'BAD_USER_INPUT',
      'FORBIDDEN',
      'INSUFFICIENT_STOCK',
      'RETURN_QUANTITY_EXCEEDED',
      'ORDER_OF_ANOTHER_CUSTOMER',
      'UNKNOWN_PRODUCT',
    ])
      expect(classifyStepError(coded(code))).toBe('refused');
  });

  it('what did not leave is safe to send later', () => {
    for (const code of ['UPSTREAM_CIRCUIT_OPEN', 'UPSTREAM_RATE_LIMITED', 'UPSTREAM_BUDGET_EXHAUSTED'] as const)
      expect(classifyStepError(upstream(code))).toBe('not-sent');
    expect(classifyStepError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('not-sent');
  });

  it('anything that may have happened is unknown', () => {
    for (const code of ['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_BAD_RESPONSE', 'INTERNAL_SERVER_ERROR'] as const)
      expect(classifyStepError(upstream(code))).toBe('unknown');
    expect(classifyStepError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('unknown');
    expect(classifyStepError(new TypeError('bug'))).toBe('unknown');
    expect(classifyStepError('weird')).toBe('unknown');
  });
});

describe('write errors', () => {
  it('stores what a client may see of an error, and replays it as the same GraphQLError', () => {
    const original = new UpstreamError({
      code: 'UPSTREAM_REJECTED',
      serviceName: 'eshop',
      operation: 'createOrder',
      status: 400,
      cause: new Error('https://shop/wp-json?consumer_secret=x'),
    });
    const stored = toWriteError(original);
    expect(stored).toEqual({
      code: 'UPSTREAM_REJECTED',
      message: original.message,
      extensions: { serviceName: 'eshop', upstream: { operation: 'createOrder', status: 400 } },
    });
    const replayed = writeErrorToGraphQLError(stored);
    expect(replayed.message).toBe(original.message);
    expect(replayed.extensions).toEqual(original.extensions);
    expect(toWriteError(new Error('boom'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' });
  });

  it('WritesUnavailableError is a GraphQLError with a stable code, its cause kept out of JSON', () => {
    const error = new WritesUnavailableError(new Error('connect ECONNREFUSED 10.0.0.7:6379'));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions['code']).toBe('WRITES_UNAVAILABLE');
    expect(JSON.stringify(error)).not.toContain('10.0.0.7');
  });
});
