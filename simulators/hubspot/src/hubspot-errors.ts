import { createPrng, InvalidJsonError, type SimRequest, type SimResponse } from '@omnigraph/simulator-core';

/**
 * HubSpot's error bodies: `{status:"error", message, correlationId, category, context?, errors?, links?}` plus
 * `x-hubspot-correlation-id` repeating the id, as the real API does on failures.
 */

export const AUTH_MISSING_MESSAGE =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** The exact (double-spaced) text HubSpot answers for a non-numeric object id without `idProperty`. */
export const NOT_NUMERIC_MESSAGE = 'Object not found.  objectId are usually numeric.';

/** Deterministic UUIDs (version 4 layout) from a seeded PRNG, so two runs of the same test see the same ids. */
export function createUuidGenerator(seed: number): { next(): string; reset(): void } {
  let random = createPrng(seed);
  return {
    next() {
      const bytes: number[] = [];
      for (let i = 0; i < 16; i += 1) bytes.push(Math.floor(random() * 256));
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    reset() {
      random = createPrng(seed);
    },
  };
}

export interface ErrorExtras {
  context?: Record<string, string[]>;
  subCategory?: string;
  errors?: unknown[];
  links?: Record<string, string>;
  headers?: Record<string, string>;
}

export class HubSpotErrors {
  private readonly uuids: ReturnType<typeof createUuidGenerator>;

  constructor(seed: number) {
    this.uuids = createUuidGenerator(seed);
  }

  correlationId(): string {
    return this.uuids.next();
  }

  reset(): void {
    this.uuids.reset();
  }

  /** A HubSpot error. `category` null leaves it out (Jackson deserialisation failures carry none). */
  error(status: number, message: string, category: string | null, extras: ErrorExtras = {}): SimResponse {
    const correlationId = this.correlationId();
    const body: Record<string, unknown> = { status: 'error', message, correlationId };
    if (extras.context) body['context'] = extras.context;
    if (category !== null) body['category'] = category;
    if (extras.subCategory) body['subCategory'] = extras.subCategory;
    if (extras.errors) body['errors'] = extras.errors;
    if (extras.links) body['links'] = extras.links;
    return { status, headers: { 'x-hubspot-correlation-id': correlationId, ...extras.headers }, body };
  }

  validation(message: string, extras?: ErrorExtras): SimResponse {
    return this.error(400, message, 'VALIDATION_ERROR', extras);
  }

  /** The PROPERTY_DOESNT_EXIST / INVALID_* shape: a JSON array of property results embedded in the message. */
  propertyValues(problems: PropertyProblem[]): SimResponse {
    return this.validation(`Property values were not valid: ${JSON.stringify(problems)}`);
  }

  unauthorized(): SimResponse {
    return this.error(401, AUTH_MISSING_MESSAGE, 'INVALID_AUTHENTICATION', {
      headers: { 'x-hubspot-auth-failure': '401 Unauthorized' },
    });
  }

  /**
   * A bearer token HubSpot cannot decode is reported as an OAuth token that expired at the epoch ("expired 20543
   * day(s) ago", expire time 1970-01-01), which is what clients see for a mistyped or revoked private-app token.
   */
  expiredToken(): SimResponse {
    const days = Math.floor(Date.now() / 86_400_000);
    return this.error(401, `The OAuth token used to make this call expired ${days} day(s) ago.`, 'EXPIRED_AUTHENTICATION', {
      context: { 'expire time': ['1970-01-01T00:00:00.000Z'] },
      headers: { 'x-hubspot-auth-failure': '401 Unauthorized' },
    });
  }

  notNumeric(id: string): SimResponse {
    return this.error(404, NOT_NUMERIC_MESSAGE, 'OBJECT_NOT_FOUND', { context: { id: [id] } });
  }

  resourceNotFound(): SimResponse {
    return this.error(404, 'resource not found', 'OBJECT_NOT_FOUND');
  }

  /** HubSpot's answer to a fault status: JSON for 4xx/500, the gateway texts for 502-504. */
  forStatus(status: number): SimResponse {
    switch (status) {
      case 400:
        return this.validation('There was a problem with the request.');
      case 401:
        return this.unauthorized();
      case 403:
        return this.error(403, "This app hasn't been granted all required scopes to make this call.", 'MISSING_SCOPES');
      case 404:
        return this.resourceNotFound();
      case 409:
        return this.error(409, 'Conflict', 'CONFLICT');
      case 502:
        return this.error(502, 'Bad Gateway', 'BAD_GATEWAY');
      case 503:
        return this.error(503, 'Service Unavailable', 'SERVICE_UNAVAILABLE');
      case 504:
        return this.error(504, 'Gateway Timeout', 'TIMEOUT');
      default:
        return status >= 500
          ? this.error(status, 'internal error', 'INTERNAL_ERROR')
          : this.error(status, 'There was a problem with the request.', 'VALIDATION_ERROR');
    }
  }
}

export interface PropertyProblem {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

/**
 * Reads the JSON body or answers HubSpot's Jackson-style 400 ("Invalid input JSON on line 1, column 7: …"), which
 * names the position of the first bad character.
 */
export function readJsonBody(req: SimRequest, errors: HubSpotErrors): { ok: true; value: unknown } | { ok: false; response: SimResponse } {
  try {
    return { ok: true, value: req.json() };
  } catch (error) {
    if (!(error instanceof InvalidJsonError)) throw error;
    const text = req.rawBody.toString('utf8');
    const cause = error.cause instanceof Error ? error.cause.message : '';
    const pos = /position (\d+)/.exec(cause);
    const offset = pos ? Number(pos[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const ch = text[offset];
    const what = ch === undefined ? 'Unexpected end-of-input' : `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)}))`;
    return {
      ok: false,
      response: errors.validation(`Invalid input JSON on line ${line}, column ${column}: ${what}`),
    };
  }
}
