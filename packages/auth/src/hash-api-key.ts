import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const MIN_PEPPER_LENGTH = 32;

/**
 * Used only outside production so local runs and tests work without setup. Refused in production: anyone who reads
 * this file could otherwise recompute every stored hash from a leaked key list.
 */
export const DEVELOPMENT_PEPPER = 'omnigraph-development-pepper-do-not-use-in-production';

/**
 * HMAC-SHA256(pepper, key) as hex. A fast keyed hash, not bcrypt/argon2: keys carry ≈ 190 random bits, so a slow KDF
 * would add latency to every request without making brute force any less hopeless. The pepper lives in config, not
 * in the store, so a dump of Redis or the key file alone does not allow offline confirmation of a guessed key.
 */
export function hashApiKey(pepper: string, key: string): string {
  return createHmac('sha256', pepper).update(key, 'utf8').digest('hex');
}

/**
 * Constant-time equality of two hex digests. Stores look records up by hash (the lookup itself cannot be made
 * constant-time), so this guards the final comparison, where a store bug or a prefix-matching index could otherwise
 * leak how many leading characters matched.
 */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** The pepper variable's own rules; the production requirement is `pepperProductionIssues`, kept apart so a config
 * parser can report it together with every other problem (a zod refinement would only run once all fields pass). */
export const pepperSchema = z.string().min(MIN_PEPPER_LENGTH, `must be at least ${MIN_PEPPER_LENGTH} characters`).optional();

export function pepperProductionIssues(env: {
  NODE_ENV?: string | undefined;
  OMNIGRAPH_API_KEY_PEPPER?: string | undefined;
}): Array<{ path: string; message: string }> {
  if (env.NODE_ENV !== 'production') return [];
  const pepper = env.OMNIGRAPH_API_KEY_PEPPER;
  if (pepper === undefined || pepper === '') return [{ path: 'OMNIGRAPH_API_KEY_PEPPER', message: 'is required in production' }];
  if (pepper === DEVELOPMENT_PEPPER) {
    return [{ path: 'OMNIGRAPH_API_KEY_PEPPER', message: 'must not be the published development pepper in production' }];
  }
  return [];
}
