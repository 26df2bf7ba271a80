import { createHash, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, CHECKSUM_LENGTH, RANDOM_LENGTH, checksumOf, generateApiKey, keyIdOf, parseApiKey } from './api-key-format.ts';

const KEY_RE = /^omg_(live|test)_[0-9A-Za-z]{38}$/;

describe('generateApiKey', () => {
  it('produces omg_<env>_<32 random><6 checksum> keys that parse', () => {
    for (const env of ['live', 'test'] as const) {
      const key = generateApiKey(env);
      expect(key).toMatch(KEY_RE);
      expect(key.startsWith(`omg_${env}_`)).toBe(true);
      expect(key).toHaveLength(`omg_${env}_`.length + RANDOM_LENGTH + CHECKSUM_LENGTH);
      const parsed = parseApiKey(key);
      expect(parsed).toEqual({ ok: true, key, env, prefix: `omg_${env}_`, keyId: key.slice(9, 17) });
    }
  });

  it('uses the whole base62 alphabet with no obvious bias and no repeats', () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const key = generateApiKey('live');
      seen.add(key);
      for (const c of key.slice(9, 9 + RANDOM_LENGTH)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(2_000);
    expect(counts.size).toBe(62);
    const expected = (2_000 * RANDOM_LENGTH) / 62; // ≈ 1032 per character
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2);
  });

  it('supports another product prefix', () => {
    const key = generateApiKey('test', { product: 'acme' });
    expect(key.startsWith('acme_test_')).toBe(true);
    expect(parseApiKey(key, { product: 'acme' }).ok).toBe(true);
    expect(parseApiKey(key)).toEqual({ ok: false, reason: 'PREFIX' });
  });
});

describe('parseApiKey', () => {
  const key = generateApiKey('live');

  it.each([
    ['not a string', 42, 'NOT_A_STRING'],
    ['empty', '', 'PREFIX'],
    ['other product', key.replace('omg_', 'abc_'), 'PREFIX'],
    ['unknown env', key.replace('_live_', '_prod_'), 'PREFIX'],
    ['too short', key.slice(0, -1), 'LENGTH'],
    ['too long', `${key}0`, 'LENGTH'],
    ['huge input', `omg_live_${'a'.repeat(1_000_000)}`, 'LENGTH'],
    ['non-base62 character', `${key.slice(0, 20)}-${key.slice(21)}`, 'ALPHABET'],
    ['trailing newline', `${key.slice(0, -1)}\n`, 'ALPHABET'],
    ['wrong checksum', `${key.slice(0, -6)}${key.slice(-6) === '000000' ? '000001' : '000000'}`, 'CHECKSUM'],
  ])('rejects %s', (_label, input, reason) => {
    expect(parseApiKey(input)).toEqual({ ok: false, reason });
  });

  it('binds the checksum to the environment: a test key relabelled live is refused', () => {
    const testKey = generateApiKey('test');
    expect(parseApiKey(testKey.replace('omg_test_', 'omg_live_'))).toEqual({ ok: false, reason: 'CHECKSUM' });
  });

  it('accepts only the configured environments', () => {
    expect(parseApiKey(generateApiKey('test'), { envs: ['live'] })).toEqual({ ok: false, reason: 'PREFIX' });
  });

  it('computes a stable 6-character base62 checksum', () => {
    expect(checksumOf('omg_live_abc')).toBe(checksumOf('omg_live_abc'));
    expect(checksumOf('omg_live_abc')).toMatch(/^[0-9A-Za-z]{6}$/);
    expect(checksumOf('omg_live_abc')).not.toBe(checksumOf('omg_live_abd'));
  });

  it('keeps the checksum of every key already issued: pinned values, and the BigInt definition on 20 000 inputs', () => {
    // values of the original BigInt implementation: a changed checksum would lock every issued key out
    expect(checksumOf('omg_live_abc')).toBe('PoEiHJ');
    expect(checksumOf('omg_test_0123456789ABCDEFGHIJKLMNOPQRSTUV')).toBe('6F8cuI');
    expect(checksumOf('omg_live_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBe('sDaRsI');
    const byBigInt = (input: string) => {
      let value = BigInt(createHash('sha256').update(input).digest().readUIntBE(0, 6)) % 62n ** 6n;
      let out = '';
      for (let i = 0; i < 6; i++) {
        out = BASE62_ALPHABET[Number(value % 62n)] + out;
        value /= 62n;
      }
      return out;
    };
    for (let i = 0; i < 20_000; i++) {
      const input = generateApiKey(i % 2 === 0 ? 'live' : 'test').slice(0, -CHECKSUM_LENGTH);
      expect(checksumOf(input)).toBe(byBigInt(input));
    }
  });

  it('refuses 10 000 random mutations of valid keys by format or checksum', () => {
    const reasons = new Map<string, number>();
    const otherChar = (c: string) => {
      // Half base62 (caught by the checksum), half anything else printable or not (caught by format).
      const pool = randomInt(2) === 0 ? BASE62_ALPHABET : ' -_+/=.\n\t\u00e9\u0000!"#$%&';
      for (;;) {
        const candidate = pool[randomInt(pool.length)] ?? '0';
        if (candidate !== c) return candidate;
      }
    };
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const valid = generateApiKey(randomInt(2) === 0 ? 'live' : 'test');
      const chars = [...valid];
      const at = randomInt(chars.length);
      let mutated: string;
      switch (randomInt(5)) {
        case 0: // substitute one character
          chars[at] = otherChar(chars[at] ?? '');
          mutated = chars.join('');
          break;
        case 1: // insert one character
          chars.splice(at, 0, otherChar(''));
          mutated = chars.join('');
          break;
        case 2: // delete one character
          chars.splice(at, 1);
          mutated = chars.join('');
          break;
        case 3: {
          // swap two different adjacent characters (a classic transcription error)
          let j = randomInt(chars.length - 1);
          for (let tries = 0; chars[j] === chars[j + 1] && tries < 50; tries++) j = randomInt(chars.length - 1);
          if (chars[j] === chars[j + 1]) {
            chars[j] = otherChar(chars[j] ?? '');
          } else {
            [chars[j], chars[j + 1]] = [chars[j + 1] ?? '', chars[j] ?? ''];
          }
          mutated = chars.join('');
          break;
        }
        default: {
          // change 2–5 distinct random positions (the same position twice could change it back to the original)
          const positions = new Set<number>();
          for (const n = 2 + randomInt(4); positions.size < n;) positions.add(randomInt(chars.length));
          for (const p of positions) chars[p] = otherChar(chars[p] ?? '');
          mutated = chars.join('');
        }
      }
      expect(mutated).not.toBe(valid);
      const result = parseApiKey(mutated);
      if (result.ok) accepted++;
      else reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
    }
    expect(accepted).toBe(0);
    // Every class of rejection is exercised, the checksum in particular.
    for (const reason of ['PREFIX', 'LENGTH', 'ALPHABET', 'CHECKSUM']) expect(reasons.get(reason) ?? 0).toBeGreaterThan(100);
  });
});

describe('keyIdOf', () => {
  it('is the first 8 random characters, never the secret', () => {
    const key = generateApiKey('live');
    const keyId = keyIdOf(key);
    expect(keyId).toBe(key.slice(9, 17));
    expect(keyId).toHaveLength(8);
    expect(key.endsWith(keyId)).toBe(false);
  });

  it('throws on a malformed key without echoing it', () => {
    const bad = 'omg_live_SECRETSECRETSECRET';
    expect(() => keyIdOf(bad)).toThrow(/LENGTH/);
    try {
      keyIdOf(bad);
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });
});
