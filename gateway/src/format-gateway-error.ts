import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODE_LIST, pickClientExtensions } from '@omnigraph/shared/errors';

/**
 * Codes a client may see as they are: our registry (packages/shared errors), which includes Apollo's request-level codes.
 * Everything else — a subgraph that crashed, a subgraph that could not be reached, a bug — becomes a stable code with
 * a generic message, so no subgraph URL, upstream body or stack trace reaches a client.
 */
const PASS_THROUGH = new Set<string>(ERROR_CODE_LIST.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

export function maskGatewayError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const code = typeof formatted.extensions?.['code'] === 'string' ? formatted.extensions['code'] : undefined;
  const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (code && PASS_THROUGH.has(code)) {
    // The same list of client extensions as the subgraphs' mask (CLIENT_EXTENSIONS); anything else a subgraph attached is dropped.
    return { message: formatted.message, ...base, extensions: pickClientExtensions(formatted.extensions ?? {}) };
  }
  // A subgraph the gateway could not reach or that failed without a registry code: say which role, not how.
  const serviceName = formatted.extensions?.['serviceName'];
  if (typeof serviceName === 'string') {
    return { message: 'A data source failed to answer.', ...base, extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName } };
  }
  return { message: 'Unexpected error.', ...base, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
