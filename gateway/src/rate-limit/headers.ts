import type { RateLimitDecision } from './types.ts';

/**
 * Response headers for a decision: the IETF draft's `RateLimit-*` fields (one header per field, delta seconds) and,
 * on refusal, `Retry-After` (RFC 9110) for clients that only know that one.
 */
export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `${d.limit};w=60`,
    'RateLimit-Limit': String(d.limit),
    'RateLimit-Remaining': String(d.remaining),
    'RateLimit-Reset': String(d.resetSeconds),
  };
  if (!d.allowed && d.retryAfterSeconds !== undefined) headers['Retry-After'] = String(d.retryAfterSeconds);
  return headers;
}
