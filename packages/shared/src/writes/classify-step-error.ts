import { errorCodeOf } from './errors.ts';

/**
 * What a failed step tells the runner about its effect:
 * - `refused`: the receiver answered and definitively did not do it (a 4xx, a business refusal): final, never re-sent;
 * - `not-sent`: refused before it left (open breaker, rate limit, budget, refused connection): nothing happened, safe to
 *   send later;
 * - `unknown`: it may have happened (timeout, reset, 5xx, an invalid answer, anything unexpected): re-sent, and the
 *   step's lookup by tag finds the document if it did.
 */
export type StepErrorKind = 'refused' | 'unknown' | 'not-sent';

const REFUSED = new Set([
  'UPSTREAM_REJECTED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  // a step request our own code built wrong: sending it again cannot help, and it never ran
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  // the write codes
  'IDEMPOTENCY_KEY_REUSED',
  'UNKNOWN_PRODUCT',
  'INSUFFICIENT_STOCK',
  'RETURN_NOT_ELIGIBLE',
  'RETURN_QUANTITY_EXCEEDED',
  'ORDER_OF_ANOTHER_CUSTOMER',
]);

const NOT_SENT = new Set([
  'UPSTREAM_CIRCUIT_OPEN',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_BUDGET_EXHAUSTED',
  'RATE_LIMITED',
  'CONCURRENCY_LIMIT_EXCEEDED',
  'OVERLOADED',
  'WRITES_UNAVAILABLE',
]);

// Socket errors raised before a byte of the request could be written.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function classifyStepError(error: unknown): StepErrorKind {
  const code = errorCodeOf(error);
  if (code !== undefined) {
    if (REFUSED.has(code)) return 'refused';
    if (NOT_SENT.has(code)) return 'not-sent';
    return 'unknown';
  }
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const socketCode = (current as { code?: unknown }).code;
    if (typeof socketCode === 'string' && NOT_CONNECTED.has(socketCode)) return 'not-sent';
    current = (current as { cause?: unknown }).cause;
  }
  return 'unknown';
}
