/**
 * The one registry of error codes Omnigraph puts in `extensions.code`. Clients branch on these strings, so they are
 * a public contract: add codes freely, never rename or repurpose one. Apollo's built-in names are reused where they
 * mean the same thing, so a client sees one vocabulary whether Apollo or our code raised the error.
 */

export interface ErrorCodeDefinition<C extends string = string> {
  /** The stable `SCREAMING_SNAKE` string sent to clients as `extensions.code`. */
  readonly code: C;
  /** One line: when this code is used. Rendered into the error-code docs. */
  readonly description: string;
  /** The HTTP status a REST-ish caller would expect; GraphQL responses stay 200 with partial data. */
  readonly httpStatus: number;
  /**
   * Only the gateway's edge raises it, before anything executes: the whole request is refused with `httpStatus`.
   * Codes without it can also come from a subgraph or resolver, at a `path`, next to partial data.
   */
  readonly edgeOnly?: true;
}

// The generic parameter makes the compiler check that every key equals its `code`, so the two can never drift.
function defineErrorCodes<const T extends { readonly [K in keyof T]: ErrorCodeDefinition<K & string> }>(codes: T): T {
  return Object.freeze(codes);
}

export const ERROR_CODES = defineErrorCodes({
  BAD_USER_INPUT: {
    code: 'BAD_USER_INPUT',
    description:
      'An argument from the client failed validation (Apollo built-in); `extensions.argumentName` names it when one is to blame. ' +
      "From a resolver it is at the field's path, next to partial data; from the gateway (a variable that does not fit its " +
      'type, a string argument over the length limit) the whole request is refused.',
    httpStatus: 400,
  },
  UNAUTHENTICATED: {
    code: 'UNAUTHENTICATED',
    description: "The caller's credential (API key or bearer token) is missing, malformed, unknown, revoked or expired.",
    httpStatus: 401,
  },
  CONFLICTING_CREDENTIALS: {
    code: 'CONFLICTING_CREDENTIALS',
    description:
      'The request carries two different credentials (two `Authorization` or `X-Api-Key` headers, or both with different ' +
      'values); none of them is used. The same credential sent twice is accepted.',
    httpStatus: 401,
    edgeOnly: true,
  },
  FORBIDDEN: {
    code: 'FORBIDDEN',
    description:
      "The caller's credentials are valid but lack a scope: for a field, it is removed from the operation and reported " +
      'with its path and `missingScopes` (the rest is answered); when nothing in the operation is allowed, the request is refused.',
    httpStatus: 403,
  },
  NOT_FOUND: {
    code: 'NOT_FOUND',
    description: 'The requested entity does not exist (upstream 404, or missing where the schema field is non-null).',
    httpStatus: 404,
  },
  UPSTREAM_TIMEOUT: {
    code: 'UPSTREAM_TIMEOUT',
    description: 'The upstream product did not answer within its timeout.',
    httpStatus: 504,
  },
  UPSTREAM_UNAVAILABLE: {
    code: 'UPSTREAM_UNAVAILABLE',
    description:
      'The upstream product refused or dropped the connection, failed DNS, or answered 5xx; or so many calls to it were ' +
      'already in flight and queued that this one was not sent.',
    httpStatus: 502,
  },
  UPSTREAM_RATE_LIMITED: {
    code: 'UPSTREAM_RATE_LIMITED',
    description: 'The upstream product answered 429; see extensions.retryAfterSeconds when it said how long to wait.',
    httpStatus: 503,
  },
  UPSTREAM_BAD_RESPONSE: {
    code: 'UPSTREAM_BAD_RESPONSE',
    description: 'The upstream product answered, but the body was not JSON or failed its DTO schema.',
    httpStatus: 502,
  },
  UPSTREAM_REJECTED: {
    code: 'UPSTREAM_REJECTED',
    description:
      "The upstream product rejected our request (4xx other than 404/429, including 401/403 for the gateway's own " +
      "credentials): a bug or misconfiguration on our side, not the client's.",
    httpStatus: 502,
  },
  UPSTREAM_CIRCUIT_OPEN: {
    code: 'UPSTREAM_CIRCUIT_OPEN',
    description:
      'The upstream product failed repeatedly moments ago, so it was not asked (circuit breaker open); the source ' +
      'status says SKIPPED, and the breaker probes it again shortly. See `extensions.retryAfterSeconds` when known.',
    httpStatus: 503,
  },
  UPSTREAM_BUDGET_EXHAUSTED: {
    code: 'UPSTREAM_BUDGET_EXHAUSTED',
    description:
      "The upstream product's request budget (its published rate limit, shared by every replica) is used up for " +
      "this caller's priority class; the upstream was not asked. See `extensions.retryAfterSeconds`.",
    httpStatus: 429,
  },
  // Request-level codes: the gateway refuses the request before anything executes (no subgraph is called).
  BAD_REQUEST: {
    code: 'BAD_REQUEST',
    description: 'The HTTP request is not a GraphQL request: body not JSON, `query` missing or not a string, wrong method (Apollo built-in).',
    httpStatus: 400,
    edgeOnly: true,
  },
  CSRF_PREVENTED: {
    code: 'CSRF_PREVENTED',
    description:
      'A request a browser could send cross-site without a preflight (no or a "simple" content-type, GET without a preflight header) was refused.',
    httpStatus: 400,
    edgeOnly: true,
  },
  BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    description: 'The HTTP body is larger than the configured limit.',
    httpStatus: 413,
    edgeOnly: true,
  },
  BATCHING_NOT_ALLOWED: {
    code: 'BATCHING_NOT_ALLOWED',
    description: 'A JSON array (batched operations) was sent but batching is off for this caller.',
    httpStatus: 400,
    edgeOnly: true,
  },
  BATCH_TOO_LARGE: {
    code: 'BATCH_TOO_LARGE',
    description: 'More operations in one batched request than allowed.',
    httpStatus: 400,
    edgeOnly: true,
  },
  VARIABLES_TOO_LARGE: {
    code: 'VARIABLES_TOO_LARGE',
    description: '`variables` holds more values, or nests deeper, than allowed.',
    httpStatus: 400,
    edgeOnly: true,
  },
  TOO_MANY_TOKENS: {
    code: 'TOO_MANY_TOKENS',
    description: 'The query text has more lexical tokens than allowed (checked before parsing).',
    httpStatus: 400,
    edgeOnly: true,
  },
  NESTING_TOO_DEEP: {
    code: 'NESTING_TOO_DEEP',
    description: 'Brackets in the query text nest deeper than allowed (checked before parsing).',
    httpStatus: 400,
    edgeOnly: true,
  },
  GRAPHQL_PARSE_FAILED: {
    code: 'GRAPHQL_PARSE_FAILED',
    description: 'The query text is not valid GraphQL syntax (Apollo built-in).',
    httpStatus: 400,
    edgeOnly: true,
  },
  GRAPHQL_VALIDATION_FAILED: {
    code: 'GRAPHQL_VALIDATION_FAILED',
    description: 'The operation does not validate against the schema; messages never suggest field names (Apollo built-in).',
    httpStatus: 400,
    edgeOnly: true,
  },
  OPERATION_RESOLUTION_FAILURE: {
    code: 'OPERATION_RESOLUTION_FAILURE',
    description: 'No operation to run: none in the document, several without `operationName`, or an unknown `operationName` (Apollo built-in).',
    httpStatus: 400,
    edgeOnly: true,
  },
  CIRCULAR_FRAGMENT: {
    code: 'CIRCULAR_FRAGMENT',
    description: 'A fragment spreads itself, directly or through others.',
    httpStatus: 400,
    edgeOnly: true,
  },
  TOO_MANY_DIRECTIVES: {
    code: 'TOO_MANY_DIRECTIVES',
    description: 'More directive applications in the document than allowed.',
    httpStatus: 400,
    edgeOnly: true,
  },
  OPERATION_TOO_DEEP: {
    code: 'OPERATION_TOO_DEEP',
    description: 'Fields nest deeper than allowed (fragments expanded).',
    httpStatus: 400,
    edgeOnly: true,
  },
  TOO_MANY_ALIASES: {
    code: 'TOO_MANY_ALIASES',
    description: 'More aliased fields than allowed (fragments expanded).',
    httpStatus: 400,
    edgeOnly: true,
  },
  TOO_MANY_ROOT_FIELDS: {
    code: 'TOO_MANY_ROOT_FIELDS',
    description: 'More root fields in the operation than allowed (fragments expanded).',
    httpStatus: 400,
    edgeOnly: true,
  },
  TOO_MANY_FIELDS: {
    code: 'TOO_MANY_FIELDS',
    description: 'More field selections than allowed (fragments expanded, duplicates counted).',
    httpStatus: 400,
    edgeOnly: true,
  },
  LIST_TOO_LARGE: {
    code: 'LIST_TOO_LARGE',
    description: 'A page size (`first`, `last`, `limit`) or a list argument is larger than allowed.',
    httpStatus: 400,
    edgeOnly: true,
  },
  OPERATION_TOO_COMPLEX: {
    code: 'OPERATION_TOO_COMPLEX',
    description: "The operation's estimated cost (items it could resolve, list sizes multiplied) is above the limit.",
    httpStatus: 400,
    edgeOnly: true,
  },
  INTROSPECTION_NOT_ALLOWED: {
    code: 'INTROSPECTION_NOT_ALLOWED',
    description: 'Introspection (`__schema`, `__type`) is off for this caller (partners).',
    httpStatus: 400,
    edgeOnly: true,
  },
  PERSISTED_QUERY_NOT_FOUND: {
    code: 'PERSISTED_QUERY_NOT_FOUND',
    description:
      'A persisted-document id (`documentId`, or `extensions.persistedQuery.sha256Hash`) that neither the key’s registered operations nor the built-in ones hold (Apollo’s name for it; unknown ids never register anything).',
    httpStatus: 400,
    edgeOnly: true,
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    description: 'Automatic persisted queries are off; send the full query or a registered operation (Apollo built-in).',
    httpStatus: 400,
    edgeOnly: true,
  },
  OPERATION_NOT_SAFELISTED: {
    code: 'OPERATION_NOT_SAFELISTED',
    description: 'The key may only run registered operations, and this is not one of those allowed to it.',
    httpStatus: 403,
    edgeOnly: true,
  },
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    description: 'The caller sent more requests per minute than its key allows; see `Retry-After` and `RateLimit-*` headers.',
    httpStatus: 429,
    edgeOnly: true,
  },
  COST_LIMIT_EXCEEDED: {
    code: 'COST_LIMIT_EXCEEDED',
    description: "The caller's estimated query cost per minute is used up; see `Retry-After`.",
    httpStatus: 429,
    edgeOnly: true,
  },
  QUOTA_EXCEEDED: {
    code: 'QUOTA_EXCEEDED',
    description: "The caller's daily request quota is used up; it resets at 00:00 UTC (see `Retry-After`).",
    httpStatus: 429,
    edgeOnly: true,
  },
  CONCURRENCY_LIMIT_EXCEEDED: {
    code: 'CONCURRENCY_LIMIT_EXCEEDED',
    description: 'The caller already has as many requests in flight as its key allows; retry after one finishes (see `Retry-After`).',
    httpStatus: 429,
    edgeOnly: true,
  },
  OVERLOADED: {
    code: 'OVERLOADED',
    description: 'The gateway is shedding load to keep answering in time (event loop or in-flight requests at their limit); see `Retry-After`.',
    httpStatus: 503,
    edgeOnly: true,
  },
  CUSTOMER_TOKEN_EXPIRED: {
    code: 'CUSTOMER_TOKEN_EXPIRED',
    description:
      'A customer-bound token (ADR 0009) is past its expiry: the storefront mints a new one for the signed-in customer ' +
      '(`POST /customer-tokens`) and retries.',
    httpStatus: 401,
    edgeOnly: true,
  },
  CUSTOMER_TOKEN_INVALID: {
    code: 'CUSTOMER_TOKEN_INVALID',
    description:
      'A customer-bound token (ADR 0009) is malformed, altered, signed with another key, or issued for another ' +
      'audience (deployment); or customer tokens are not enabled on this gateway.',
    httpStatus: 401,
    edgeOnly: true,
  },
  BOUND_TO_CUSTOMER: {
    code: 'BOUND_TO_CUSTOMER',
    description:
      'The credential is bound to one customer (ADR 0009): only `me { … }` and `__typename` may be selected at the root ' +
      '(queries only, no introspection); the request was refused before anything ran.',
    httpStatus: 403,
    edgeOnly: true,
  },
  AUTH_UNAVAILABLE: {
    code: 'AUTH_UNAVAILABLE',
    description: 'The credential could not be checked (key store or identity provider unreachable); retry later.',
    httpStatus: 503,
    edgeOnly: true,
  },
  IDEMPOTENCY_KEY_REUSED: {
    code: 'IDEMPOTENCY_KEY_REUSED',
    description:
      'A write reused an idempotency key with a different input or for another mutation (ADR 0011); nothing was written. ' +
      'Use a new key for a new write.',
    httpStatus: 422,
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
    description:
      'The first request with this idempotency key is still running and did not finish within the wait; nothing was written by this one. ' +
      'Retry with the same key after `retryAfterSeconds`, or follow it with `writeOperation`.',
    httpStatus: 409,
  },
  WRITES_UNAVAILABLE: {
    code: 'WRITES_UNAVAILABLE',
    description:
      'The idempotency store (Redis) cannot be reached, so writes are refused rather than risk writing twice (fail closed); ' +
      'nothing was written. Reads go on. Retry later with the same key.',
    httpStatus: 503,
  },
  UNKNOWN_PRODUCT: {
    code: 'UNKNOWN_PRODUCT',
    description: 'An order line names a SKU the ERP does not have or no longer sells (`argumentName: input`); nothing was written.',
    httpStatus: 422,
  },
  INSUFFICIENT_STOCK: {
    code: 'INSUFFICIENT_STOCK',
    description: 'The pickup store cannot serve the quantities asked for (its available stock is lower); nothing was written.',
    httpStatus: 409,
  },
  RETURN_NOT_ELIGIBLE: {
    code: 'RETURN_NOT_ELIGIBLE',
    description:
      'The order cannot be returned: `reason` says why (NOT_DELIVERED: not delivered or collected yet; WINDOW_EXPIRED: past ' +
      'the return window; CANCELLED: cancelled or failed). Nothing was written.',
    httpStatus: 422,
  },
  RETURN_QUANTITY_EXCEEDED: {
    code: 'RETURN_QUANTITY_EXCEEDED',
    description:
      'A return line asks for more than was bought minus what was already returned (also a second return of the same goods), ' +
      'or names a SKU the order does not have. Nothing was written.',
    httpStatus: 422,
  },
  ORDER_OF_ANOTHER_CUSTOMER: {
    code: 'ORDER_OF_ANOTHER_CUSTOMER',
    description: 'The order does not belong to the customer the write names; nothing was written.',
    httpStatus: 422,
  },
  INTERNAL_SERVER_ERROR: {
    code: 'INTERNAL_SERVER_ERROR',
    description: 'Anything unexpected; the message is masked to "Unexpected error." (Apollo built-in).',
    httpStatus: 500,
  },
});

export type ErrorCode = keyof typeof ERROR_CODES;

type Codes = typeof ERROR_CODES;
/** Codes only the gateway's edge raises (see `edgeOnly`). */
export type EdgeErrorCode = { [K in ErrorCode]: Codes[K] extends { edgeOnly: true } ? K : never }[ErrorCode];
/** Codes a subgraph, a resolver or the gateway's executor may put at a path. */
export type ExecutionErrorCode = Exclude<ErrorCode, EdgeErrorCode>;

/** Every registry code, in registry order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
