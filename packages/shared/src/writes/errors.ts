import { GraphQLError } from 'graphql';
import { pickClientExtensions } from '../errors/client-extensions.ts';
import type { WriteError } from './write-types.ts';

/**
 * The idempotency store could not be reached, timed out or is disconnected: the write is refused (fail closed), never
 * run without the store, since a write run without its record could run twice. Nothing was written by this request.
 */
export class WritesUnavailableError extends GraphQLError {
  constructor(cause?: unknown) {
    super('Writes are unavailable right now: nothing was written. Retry later with the same idempotency key.', {
      extensions: { code: 'WRITES_UNAVAILABLE', retryAfterSeconds: 1 },
    });
    this.name = 'WritesUnavailableError';
    // Non-enumerable, like UpstreamError's: a Redis error can carry host names, never a client-facing field.
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false, configurable: true });
  }
}

export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    'This idempotency key was already used with a different input or for another mutation; nothing was written. Use a new key for a new write.',
    { extensions: { code: 'IDEMPOTENCY_KEY_REUSED', argumentName: 'idempotencyKey' } },
  );
}

export function idempotencyKeyInProgress(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('The first request with this idempotency key is still running; nothing was written by this one. Retry with the same key.', {
    extensions: { code: 'IDEMPOTENCY_KEY_IN_PROGRESS', retryAfterSeconds },
  });
}

/** The code of a GraphQLError (or anything carrying `extensions.code`), else undefined. */
export function errorCodeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const extensions = (error as { extensions?: unknown }).extensions;
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const code = (extensions as Record<string, unknown>)['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * What is stored and replayed of a final error: its code, message and the extensions a client may see (the one
 * allow-list of the masks), so a replay answers exactly what the first request answered, and nothing the masks would
 * have dropped (an upstream URL, a cause) is kept in Redis for days.
 */
export function toWriteError(error: unknown): WriteError {
  const code = errorCodeOf(error);
  if (code === undefined || !(error instanceof Error)) return { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' };
  const extensions = pickClientExtensions((error as GraphQLError).extensions ?? {});
  delete extensions['code'];
  return { code, message: error.message, ...(Object.keys(extensions).length > 0 ? { extensions } : {}) };
}

/** The stored error as the GraphQLError the first request threw (same code, message and extensions). */
export function writeErrorToGraphQLError(error: WriteError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.code } });
}
