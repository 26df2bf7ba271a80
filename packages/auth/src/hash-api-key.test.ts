import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey } from './api-key-format.ts';
import { DEVELOPMENT_PEPPER, hashApiKey, hashesEqual, pepperProductionIssues } from './hash-api-key.ts';

const PEPPER = 'p'.repeat(32);

describe('hashApiKey', () => {
  it('is HMAC-SHA256(pepper, key) as 64 hex characters', () => {
    const key = generateApiKey('live');
    const expected = createHmac('sha256', PEPPER).update(key).digest('hex');
    expect(hashApiKey(PEPPER, key)).toBe(expected);
    expect(hashApiKey(PEPPER, key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the pepper, so a store dump alone cannot confirm a guessed key', () => {
    const key = generateApiKey('live');
    expect(hashApiKey(PEPPER, key)).not.toBe(hashApiKey('q'.repeat(32), key));
    expect(hashApiKey(PEPPER, key)).not.toContain(key);
  });
});

describe('hashesEqual', () => {
  it('compares in constant time and handles different lengths', () => {
    const a = hashApiKey(PEPPER, 'a');
    expect(hashesEqual(a, a)).toBe(true);
    expect(hashesEqual(a, hashApiKey(PEPPER, 'b'))).toBe(false);
    expect(hashesEqual(a, a.slice(0, -1))).toBe(false);
    expect(hashesEqual('', '')).toBe(true);
  });
});

describe('pepperProductionIssues', () => {
  it('requires a real pepper in production only', () => {
    expect(pepperProductionIssues({ NODE_ENV: 'development' })).toEqual([]);
    expect(pepperProductionIssues({ NODE_ENV: 'production' })).toEqual([{ path: 'OMNIGRAPH_API_KEY_PEPPER', message: 'is required in production' }]);
    expect(pepperProductionIssues({ NODE_ENV: 'production', OMNIGRAPH_API_KEY_PEPPER: DEVELOPMENT_PEPPER })).toHaveLength(1);
    expect(pepperProductionIssues({ NODE_ENV: 'production', OMNIGRAPH_API_KEY_PEPPER: PEPPER })).toEqual([]);
  });
});
