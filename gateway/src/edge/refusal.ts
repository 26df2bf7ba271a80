import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type EdgeErrorCode, type ErrorCode } from '@omnigraph/shared/errors';
import type { Principal } from './authenticate.ts';

/** A request the edge answers itself: nothing reaches Apollo, the planner or a subgraph. */
export interface Refusal {
  kind: 'refuse';
  status: number;
  headers: Record<string, string>;
  body: { errors: GraphQLFormattedError[] };
  /**
   * Who was refused, when the credential was checked before the refusal (a 403 or 429 for a known key), so the
   * request record, the access log and usage metering can name the partner.
   */
  principal?: Principal;
  /** the operation name the request asked for, when the body was read before the refusal */
  operationName?: string;
}

/** One refusal, its HTTP status from the registry, so a code always comes with the same status. */
export function refusal(
  code: EdgeErrorCode | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT',
  message: string,
  options: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Refusal {
  return refusalOf(code, [{ message, extensions: { code, ...options.extensions } }], options.headers);
}

/** A refusal made of errors already built (each with its own path and extensions), at `code`'s status. */
export function refusalOf(code: ErrorCode, errors: GraphQLFormattedError[], headers: Record<string, string> = {}): Refusal {
  return { kind: 'refuse', status: ERROR_CODES[code].httpStatus, headers, body: { errors } };
}
