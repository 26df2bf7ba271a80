import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { pickClientExtensions } from './client-extensions.ts';
import { isErrorCode } from './error-codes.ts';

export interface MaskErrorOptions {
  /** Add `extensions.stacktrace`. Only for local development: stacks name files, hosts and libraries. */
  includeStack: boolean;
}

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/**
 * Apollo Server `formatError` policy (an allow-list, not a deny-list):
 * - a GraphQLError we or Apollo raised on purpose, with a registry code (request-level codes included), keeps its message and the
 *   extensions clients may see (`CLIENT_EXTENSIONS`: `code`, `serviceName`, `argumentName`, `upstream.operation`,
 *   `upstream.status`, `retryAfterSeconds`, …), the same list the gateway's mask keeps;
 * - everything else — plain Errors Apollo wrapped as INTERNAL_SERVER_ERROR, unknown codes, the gateway's
 *   `extensions.response` with subgraph URLs and bodies — becomes "Unexpected error.".
 * Log `error` yourself before masking; this function only decides what the client sees.
 *
 * Usage: `formatError: (formatted, error) => maskError(formatted, error, { includeStack: isDev })`.
 */
export function maskError(formattedError: GraphQLFormattedError, error: unknown, options: MaskErrorOptions): GraphQLFormattedError {
  const code = formattedError.extensions?.['code'];
  const known = isDeliberateGraphQLError(error) && code !== 'INTERNAL_SERVER_ERROR' && isErrorCode(code);

  const extensions: Record<string, unknown> = known ? pickClientExtensions(formattedError.extensions ?? {}) : { code: 'INTERNAL_SERVER_ERROR' };
  if (options.includeStack) {
    const stack = stackOf(error);
    if (stack !== undefined) extensions['stacktrace'] = stack.split('\n');
  }

  // `locations` and `path` describe the client's own document, so they are safe and help it find the null.
  const masked: GraphQLFormattedError = {
    message: known ? formattedError.message : UNEXPECTED_ERROR_MESSAGE,
    ...(formattedError.locations ? { locations: formattedError.locations } : {}),
    ...(formattedError.path ? { path: formattedError.path } : {}),
    extensions,
  };
  return masked;
}

/**
 * graphql-js wraps whatever a resolver throws in a located GraphQLError whose `originalError` is the thrown value.
 * A wrapped plain Error (or any object with an `extensions` property, which graphql-js copies) is not deliberate;
 * only a GraphQLError all the way down is.
 */
function isDeliberateGraphQLError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 10; depth += 1) {
    if (!(current instanceof GraphQLError)) return false;
    if (current.originalError === undefined || current.originalError === null) return true;
    current = current.originalError;
  }
  return false;
}

function stackOf(error: unknown): string | undefined {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  return original instanceof Error && typeof original.stack === 'string' ? original.stack : undefined;
}

/** The two logger methods the formatter uses (a pino Logger fits). */
export interface ErrorLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SubgraphErrorFormatterOptions extends MaskErrorOptions {
  /** where the cause of upstream and unexpected errors goes; clients never see it */
  logger?: ErrorLogger | undefined;
}

/**
 * Refusals Omnigraph decided itself before calling the upstream: nothing failed, there is no cause to log, and a
 * partner over its share makes one per request (50 per second measured in e2e/upstream-budget, each a warn with a
 * stack). The upstream helper counts them (`stats().budgetRefused`, `shortCircuited`) and logs each breaker
 * transition once.
 */
const OWN_REFUSALS: ReadonlySet<string> = new Set(['UPSTREAM_BUDGET_EXHAUSTED', 'UPSTREAM_CIRCUIT_OPEN']);

/**
 * The `formatError` of every subgraph: {@link maskError} decides what the client sees, and the cause of an upstream
 * failure (`UPSTREAM_*`, kept off-wire as `cause`) or of an unexpected error goes to the operator's log — otherwise
 * nobody could tell why Odoo or Allegro failed. Client mistakes (BAD_USER_INPUT, NOT_FOUND) and Omnigraph's own
 * refusals (budget used up, breaker open) are not logged.
 * Logged under `err` so the logger's serializer strips an axios cause's request config (credential headers).
 */
export function createSubgraphErrorFormatter(
  options: SubgraphErrorFormatterOptions,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const masked = maskError(formatted, error, options);
    const code = masked.extensions?.['code'];
    const { logger } = options;
    if (logger && typeof code === 'string' && (code === 'INTERNAL_SERVER_ERROR' || code.startsWith('UPSTREAM_')) && !OWN_REFUSALS.has(code)) {
      const thrown = error instanceof GraphQLError && error.originalError ? error.originalError : error;
      const cause = (thrown as { cause?: unknown } | null)?.cause;
      const details = { err: cause instanceof Error ? cause : thrown, code, path: formatted.path };
      if (code === 'INTERNAL_SERVER_ERROR') logger.error(details, formatted.message);
      else logger.warn(details, formatted.message);
    }
    return masked;
  };
}
