import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes.ts';

/** Subgraph roles. Errors name the role, never the product (`erp`, not `odoo`), so swapping a product changes no client contract. */
export const SERVICE_NAMES = ['erp', 'eshop', 'crm', 'marketplace', 'commands', 'pricing'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The registry codes an adapter may raise; auth codes are the client's business, never an upstream's (see map-axios-error.ts). */
export type UpstreamErrorCode = Extract<
  ErrorCode,
  | 'NOT_FOUND'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_CIRCUIT_OPEN'
  | 'UPSTREAM_BUDGET_EXHAUSTED'
  | 'INTERNAL_SERVER_ERROR'
>;

// A type alias, not an interface: GraphQLError's extensions is an index-signature type, which interfaces don't satisfy.
export type UpstreamErrorExtensions = {
  code: UpstreamErrorCode;
  serviceName: ServiceName;
  upstream: {
    /** Our adapter method (`getProductsBySkus`), never the upstream URL: URLs leak hosts and query strings. */
    operation: string;
    /** The upstream HTTP status, when there was a response. */
    status?: number;
  };
  /** For UPSTREAM_RATE_LIMITED (when the upstream sent a usable `Retry-After`), UPSTREAM_CIRCUIT_OPEN and UPSTREAM_BUDGET_EXHAUSTED. */
  retryAfterSeconds?: number;
};

export interface UpstreamErrorOptions {
  code: UpstreamErrorCode;
  serviceName: ServiceName;
  operation: string;
  status?: number | undefined;
  retryAfterSeconds?: number | undefined;
  /** The original failure, for logs only: it may hold URLs, headers and bodies, so it never reaches extensions. */
  cause?: unknown;
}

// Fixed messages per code: the client-facing text can never echo an upstream body, host name or PII.
const MESSAGES: Record<UpstreamErrorCode, (serviceName: ServiceName) => string> = {
  NOT_FOUND: (s) => `The requested ${s} record was not found.`,
  UPSTREAM_TIMEOUT: (s) => `The ${s} service did not answer in time.`,
  UPSTREAM_UNAVAILABLE: (s) => `The ${s} service is unavailable.`,
  UPSTREAM_RATE_LIMITED: (s) => `The ${s} service is rate limiting requests; try again later.`,
  UPSTREAM_BAD_RESPONSE: (s) => `The ${s} service returned an invalid response.`,
  UPSTREAM_REJECTED: (s) => `The ${s} service rejected the request.`,
  UPSTREAM_CIRCUIT_OPEN: (s) => `The ${s} service is failing; it was not asked this time.`,
  UPSTREAM_BUDGET_EXHAUSTED: (s) => `The ${s} service's request budget is used up; try again later.`,
  INTERNAL_SERVER_ERROR: () => 'Unexpected error.',
};

/**
 * The one error type adapters throw. A GraphQLError subclass so Apollo keeps its extensions instead of masking it,
 * and resolvers can let it through unchanged.
 */
export class UpstreamError extends GraphQLError {
  declare readonly extensions: UpstreamErrorExtensions;

  constructor(options: UpstreamErrorOptions) {
    const upstream: UpstreamErrorExtensions['upstream'] = { operation: options.operation };
    if (options.status !== undefined) upstream.status = options.status;
    const extensions: UpstreamErrorExtensions = { code: options.code, serviceName: options.serviceName, upstream };
    if (options.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = options.retryAfterSeconds;
    // Deliberately not `originalError`: graphql-js would copy the original's stack into ours and Apollo's
    // unwrapping would surface it; `cause` stays out of every client-facing path.
    super(MESSAGES[options.code](options.serviceName), { extensions });
    this.name = 'UpstreamError';
    if (options.cause !== undefined) {
      // Non-enumerable, so serialisers that walk own keys (JSON, pino) don't dump an axios config with its headers.
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: false, configurable: true });
    }
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
