import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type EdgeErrorCode, type ErrorCode } from '@omnigraph/shared/errors';

/** A request the edge answers itself: nothing reaches Apollo, the planner or a subgraph. */
export interface Refusal {
  kind: 'refuse';
  status: number;
  headers: Record<string, string>;
  body: { errors: GraphQLFormattedError[] };
}

/** One refusal, its HTTP status from the registry, so a code always comes with the same status. */
export function refusal(
  code: EdgeErrorCode | 'UNAUTHENTICATED' | 'FORBIDDEN',
  message: string,
  options: { headers?: Record<string, string>; extensions?: Record<string, unknown>; errors?: GraphQLFormattedError[] } = {},
): Refusal {
  const status = ERROR_CODES[code as ErrorCode].httpStatus;
  const first: GraphQLFormattedError = { message, extensions: { code, ...options.extensions } };
  return { kind: 'refuse', status, headers: options.headers ?? {}, body: { errors: [first, ...(options.errors ?? [])] } };
}
