import { createHash } from 'node:crypto';
import { badUserInput } from '../errors/client-errors.ts';

/**
 * JSON with object keys sorted at every depth and `undefined` members left out, so two inputs that mean the same
 * (fields in another order, an optional field absent or explicitly undefined) have one text and one fingerprint.
 * Values follow JSON.stringify otherwise (toJSON, undefined in arrays → null, non-finite numbers → null).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined && typeof member !== 'function' && typeof member !== 'symbol') sorted[key] = sortKeys(member);
  }
  return sorted;
}

/** sha-256 (hex) of the canonical JSON of (operation, input): same key + another fingerprint → IDEMPOTENCY_KEY_REUSED. */
export function fingerprintOf(operation: string, input: unknown): string {
  return sha256(canonicalJson({ operation, input }));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const MAX_KEY_LENGTH = 255;

/**
 * An idempotency key as the client chose it (a UUID v4 is the advice): 1–255 printable ASCII characters, not only
 * spaces. Kept as sent, never trimmed or case-folded: `abc` and `ABC` are two keys. Returns the key.
 */
export function validateIdempotencyKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw badUserInput(`The idempotency key must be 1 to ${MAX_KEY_LENGTH} characters long.`, 'idempotencyKey');
  }
  if (!/^[\x20-\x7e]+$/.test(key)) {
    throw badUserInput('The idempotency key may hold printable ASCII characters only (a UUID is a good key).', 'idempotencyKey');
  }
  if (key.trim().length === 0) throw badUserInput('The idempotency key must not be blank.', 'idempotencyKey');
  return key;
}
