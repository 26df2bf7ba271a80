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
}

// The generic parameter makes the compiler check that every key equals its `code`, so the two can never drift.
function defineErrorCodes<const T extends { readonly [K in keyof T]: ErrorCodeDefinition<K & string> }>(codes: T): T {
  return Object.freeze(codes);
}

export const ERROR_CODES = defineErrorCodes({
  BAD_USER_INPUT: {
    code: 'BAD_USER_INPUT',
    description: 'An argument from the client failed validation (Apollo built-in).',
    httpStatus: 400,
  },
  UNAUTHENTICATED: {
    code: 'UNAUTHENTICATED',
    description: "The client's own credentials (API key) are missing or invalid.",
    httpStatus: 401,
  },
  FORBIDDEN: {
    code: 'FORBIDDEN',
    description: "The client's credentials are valid but lack the scope for this field or object.",
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
    description: 'The upstream product refused or dropped the connection, failed DNS, or answered 5xx.',
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
  INTERNAL_SERVER_ERROR: {
    code: 'INTERNAL_SERVER_ERROR',
    description: 'Anything unexpected; the message is masked to "Unexpected error." (Apollo built-in).',
    httpStatus: 500,
  },
});

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every registry code, in registry order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
