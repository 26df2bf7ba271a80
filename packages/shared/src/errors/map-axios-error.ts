import { isAxiosError } from 'axios';
import { z } from 'zod';
import type { ServiceName, UpstreamErrorCode } from './upstream-error.ts';
import { UpstreamError } from './upstream-error.ts';

export interface UpstreamCallContext {
  serviceName: ServiceName;
  /** The adapter method name, e.g. `getProductsBySkus`. */
  operation: string;
}

// Node socket/DNS errors that mean "could not talk to the upstream at all". ETIMEDOUT is absent on purpose: axios
// reports its own timeout with that code when `clarifyTimeoutError` is on (as in createHttpClient), so it is a timeout.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_NETWORK']);

/**
 * Maps any failure of an upstream call to an UpstreamError. The one place every adapter's `catch` goes through, so
 * the client-visible codes are the same for all four products.
 *
 * Upstream 401/403 → UPSTREAM_REJECTED, not UNAUTHENTICATED/FORBIDDEN: the upstream is judging the *gateway's*
 * credentials (an API key in our config), not the client's. Telling the client UNAUTHENTICATED would send it off
 * re-checking a key that is fine, and would blur the line between "you are not allowed" and "we are misconfigured".
 * The status stays in `upstream.status` for operators. Upstream 404 → NOT_FOUND because there the upstream answers
 * exactly the client's question. Other 4xx → UPSTREAM_REJECTED: client input is validated before we call out, so an
 * upstream 400/409/422 means we built a request the upstream does not accept — our bug, not BAD_USER_INPUT.
 */
export function mapAxiosErrorToUpstreamError(error: unknown, context: UpstreamCallContext): UpstreamError {
  if (error instanceof UpstreamError) return error; // already mapped deeper down; keep the more specific operation
  const make = (code: UpstreamErrorCode, extra: { status?: number; retryAfterSeconds?: number | undefined } = {}) =>
    new UpstreamError({ code, ...context, ...extra, cause: error });

  // A DTO that did not match the wire JSON, or a body that was not JSON at all: the upstream answered, but with
  // something we cannot trust. `$ZodError` covers both zod classic and zod/mini errors.
  if (error instanceof z.core.$ZodError || error instanceof SyntaxError) return make('UPSTREAM_BAD_RESPONSE');

  if (!isAxiosError(error)) return make('INTERNAL_SERVER_ERROR');

  const status = error.response?.status;
  if (status !== undefined) {
    if (status === 429) {
      return make('UPSTREAM_RATE_LIMITED', {
        status,
        retryAfterSeconds: parseRetryAfterSeconds(headerValue(error.response?.headers, 'retry-after')),
      });
    }
    if (status === 404) return make('NOT_FOUND', { status });
    if (status >= 500) return make('UPSTREAM_UNAVAILABLE', { status });
    if (status >= 400) return make('UPSTREAM_REJECTED', { status });
    // 3xx (createHttpClient follows no redirects) or a 2xx whose body failed strict JSON parsing: the upstream answered
    // with something other than the API response we asked for.
    return make('UPSTREAM_BAD_RESPONSE', { status });
  }

  const code = error.code ?? errorCode(error.cause);
  // A request given a timed signal (`AbortSignal.timeout`, as the upstream-call helper does per attempt) that fired:
  // axios reports a cancellation, but to the client it is the upstream not answering in time.
  if (code === 'ERR_CANCELED' && isTimeoutReason(error.config?.signal)) return make('UPSTREAM_TIMEOUT');
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message)) return make('UPSTREAM_TIMEOUT');
  if ((code !== undefined && UNAVAILABLE_CODES.has(code)) || /socket hang up/i.test(error.message)) {
    return make('UPSTREAM_UNAVAILABLE');
  }
  // ERR_BAD_OPTION, ERR_INVALID_URL, ERR_CANCELED …: our own misuse of axios, so nothing the upstream did.
  return make('INTERNAL_SERVER_ERROR');
}

/**
 * `Retry-After` as whole seconds from now: either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Undefined when
 * absent or unparseable, so a garbage header never turns into a bogus hint for the client.
 */
export function parseRetryAfterSeconds(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // HTTP-dates start with a day name; without this check Date.parse reads "-5" as the year -5.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  // axios lower-cases Node response header names; AxiosHeaders also answers case-insensitively via get().
  const value: unknown = (headers as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function errorCode(cause: unknown): string | undefined {
  if (cause === null || typeof cause !== 'object' || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}

function isTimeoutReason(signal: unknown): boolean {
  if (signal === null || typeof signal !== 'object' || !('reason' in signal)) return false;
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError';
}
