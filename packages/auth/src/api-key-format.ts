import { createHash, randomBytes } from 'node:crypto';

/** base62: no `-`/`+`/`/`, so a double-click selects the whole key and URLs, shells and YAML leave it alone. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62_RE = /^[0-9A-Za-z]+$/;

export const RANDOM_LENGTH = 32; // ≈ 190 bits: far beyond guessing, so a fast keyed hash is enough for storage.
export const CHECKSUM_LENGTH = 6;
export const KEY_ID_LENGTH = 8;

export type ApiKeyEnv = 'live' | 'test';

export interface ApiKeyFormatOptions {
  /**
   * The product part of the prefix. A distinctive prefix is what lets secret scanners (ours, GitHub's) find a leaked
   * key with near-zero false positives.
   * @default 'omg'
   */
  product?: string;
  /** Environments accepted by `parseApiKey`; a gateway may accept only `live`. @default ['live', 'test'] */
  envs?: readonly ApiKeyEnv[];
}

export type ApiKeyRejection = 'NOT_A_STRING' | 'LENGTH' | 'PREFIX' | 'ALPHABET' | 'CHECKSUM';

export type ParsedApiKey = { ok: true; key: string; env: ApiKeyEnv; prefix: string; keyId: string } | { ok: false; reason: ApiKeyRejection };

const DEFAULT_PRODUCT = 'omg';
const DEFAULT_ENVS: readonly ApiKeyEnv[] = ['live', 'test'];

function prefixOf(product: string, env: ApiKeyEnv): string {
  return `${product}_${env}_`;
}

/** Uniform base62 characters: rejection sampling, because `byte % 62` would favour the first 8 characters. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

// 62⁶ ≈ 5.7e10 and a 6-byte value < 2⁴⁸: both exact as doubles, so plain number arithmetic gives the BigInt result
// without BigInt's allocations (this runs on every request with a key).
const CHECKSUM_MODULUS = 62 ** CHECKSUM_LENGTH;

/**
 * First 6 bytes of SHA-256(prefix + random), reduced to 6 base62 characters. Covering the prefix means a `test` key
 * edited into a `live` one fails the checksum. Not a MAC: it only lets us drop typos and garbage before any lookup.
 */
export function checksumOf(prefixAndRandom: string): string {
  const digest = createHash('sha256').update(prefixAndRandom).digest();
  let value = digest.readUIntBE(0, 6) % CHECKSUM_MODULUS;
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62_ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function generateApiKey(env: ApiKeyEnv, options: ApiKeyFormatOptions = {}): string {
  const product = options.product ?? DEFAULT_PRODUCT;
  const body = prefixOf(product, env) + randomBase62(RANDOM_LENGTH);
  return body + checksumOf(body);
}

/**
 * Validates shape and checksum only — no I/O. Everything that fails here is refused before storage is touched, so a
 * flood of garbage keys costs CPU for a hash, never a Redis round trip.
 */
export function parseApiKey(raw: unknown, options: ApiKeyFormatOptions = {}): ParsedApiKey {
  if (typeof raw !== 'string') return { ok: false, reason: 'NOT_A_STRING' };
  const product = options.product ?? DEFAULT_PRODUCT;
  const envs = options.envs ?? DEFAULT_ENVS;
  // All prefixes of one product have the same length (`live`/`test`), but do not rely on it.
  const env = envs.find((e) => raw.startsWith(prefixOf(product, e)));
  if (env === undefined) {
    // Length before prefix would tell a prober less, but a wrong prefix is the more useful reason for an operator.
    return { ok: false, reason: 'PREFIX' };
  }
  const prefix = prefixOf(product, env);
  if (raw.length !== prefix.length + RANDOM_LENGTH + CHECKSUM_LENGTH) return { ok: false, reason: 'LENGTH' };
  const tail = raw.slice(prefix.length);
  if (!BASE62_RE.test(tail)) return { ok: false, reason: 'ALPHABET' };
  const body = raw.slice(0, prefix.length + RANDOM_LENGTH);
  if (checksumOf(body) !== raw.slice(body.length)) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, key: raw, env, prefix, keyId: tail.slice(0, KEY_ID_LENGTH) };
}

/**
 * The public id of a key: its first 8 random characters. Safe to log and print (it leaves ≈ 143 unknown bits), and
 * an operator holding a leaked key can find its record without the pepper. Throws on a malformed key so a caller
 * cannot accidentally log a slice of arbitrary input.
 */
export function keyIdOf(key: string, options: ApiKeyFormatOptions = {}): string {
  const parsed = parseApiKey(key, options);
  if (!parsed.ok) throw new Error(`keyIdOf: not a valid API key (${parsed.reason})`);
  return parsed.keyId;
}
