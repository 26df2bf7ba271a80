import { GraphQLError } from 'graphql';
import type { ExecutionErrorCode } from './error-codes.ts';

/** An argument the client must fix; `argumentName` says which. Apollo's built-in code, reused by the registry. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) } });
}

/** Something the client named does not exist where the schema promises it does (e.g. an order reference). */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * Any other registry code a resolver decides itself (the write refusals: UNKNOWN_PRODUCT, INSUFFICIENT_STOCK,
 * RETURN_NOT_ELIGIBLE with its `reason`…), with client extensions from CLIENT_EXTENSIONS.
 */
export function clientError(code: ExecutionErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * Whether `error` (or one of its causes) is an abort by a deadline: `AbortSignal.timeout`, or an AbortController
 * aborted with a TimeoutError. Maps a failed fetch to UPSTREAM_TIMEOUT rather than UPSTREAM_UNAVAILABLE.
 */
export function isTimeoutError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}
