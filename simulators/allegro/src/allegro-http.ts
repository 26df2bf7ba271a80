import type { SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { ErrorEntry } from './allegro-types.ts';

export const VND_MEDIA_TYPE = 'application/vnd.allegro.public.v1+json';

/** The vendor media type on every API response, as the real API sends it. */
const VND_HEADERS = { 'content-type': VND_MEDIA_TYPE } as const;
/**
 * Errors raised before a resource is reached (content negotiation, rate limit) come from Allegro's gateway with a
 * plain JSON content type (seen in real 406 and 429 answers).
 */
export const GATEWAY_JSON = 'application/json; charset=utf-8';

export type Lang = 'pl' | 'en';

/** A message in both languages `userMessage` is localized to. */
export interface Localized {
  pl: string;
  en: string;
}

/**
 * Real `userMessage` texts (the 406/415, 429, 403 ones are quoted from Allegro answers in allegro/allegro-api
 * issues; the others follow their tone).
 */
export const USER_MESSAGES = {
  invalidRequestData: {
    pl: 'Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.',
    en: 'Request contains invalid data. Contact the application author.',
  },
  invalidParameters: { pl: 'Nieprawidłowe parametry zapytania.', en: 'Invalid request parameters.' },
  rateLimit: { pl: 'Przekroczony limit zapytań.', en: 'Request limit exceeded.' },
  accessDenied: { pl: 'Brak dostępu do wskazanego zasobu.', en: 'No access to the specified resource.' },
  forbidden: { pl: 'Dostęp zabroniony.', en: 'Access denied.' },
  conflict: {
    pl: 'Zamówienie zostało w międzyczasie zmienione. Pobierz je ponownie i spróbuj jeszcze raz.',
    en: 'The order has been changed in the meantime. Fetch it again and retry.',
  },
  disallowedStatus: {
    pl: 'Nie można ustawić tego statusu zamówienia.',
    en: 'This order status cannot be set.',
  },
  notFound: { pl: 'Nie znaleziono zasobu.', en: 'The resource was not found.' },
  unparsable: {
    pl: 'Przesłany obiekt nie może zostać poprawnie przetworzony.',
    en: 'The object sent cannot be properly parsed.',
  },
  serverError: {
    pl: 'Wystąpił błąd. Spróbuj ponownie za chwilę.',
    en: 'An error has occurred. Try again in a moment.',
  },
} satisfies Record<string, Localized>;

/** `Accept-Language: en-US` (or any `en…` first choice) gives English; Polish otherwise. */
export function langOf(req: SimRequest): Lang {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'pl';
}

export interface ErrorSpec {
  code: string;
  message: string;
  details?: string | null;
  path?: string | null;
  /** localized, a fixed text, or null (some real errors carry none) */
  userMessage: Localized | string | null;
}

export function errorEntry(spec: ErrorSpec, lang: Lang): ErrorEntry {
  const um = spec.userMessage;
  return {
    code: spec.code,
    message: spec.message,
    details: spec.details ?? null,
    path: spec.path ?? null,
    userMessage: um === null || typeof um === 'string' ? um : um[lang],
    metadata: {},
  };
}

/** An `ErrorsHolder` answer: `{"errors":[{code,message,details,path,userMessage,metadata}]}`. */
export function errorsHolder(status: number, errors: readonly ErrorSpec[], req: SimRequest, contentType: string = VND_MEDIA_TYPE): SimResponse {
  const lang = langOf(req);
  return { status, headers: { 'content-type': contentType }, body: { errors: errors.map((e) => errorEntry(e, lang)) } };
}

/** An OAuth2 `AuthError` answer, with the `WWW-Authenticate` challenge Spring's resource server adds. */
export function authError(status: number, error: string, description: string): SimResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'www-authenticate': `Bearer realm="oauth2-resource", error="${error}", error_description="${description.replace(/"/g, "'")}"`,
    },
    body: { error, error_description: description },
  };
}

export function ok(body: unknown, status = 200): SimResponse {
  return { status, headers: VND_HEADERS, body };
}

export function noContent(): SimResponse {
  return { status: 204 };
}

function mediaTypes(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean);
}

/**
 * Allegro answers only when the vendor type is asked for explicitly: a missing header, `*\/*` or `application/json`
 * all get 406 (real reports: python `requests` sending its default `Accept: *\/*`, browsers sending `…,*\/*;q=0.8`).
 */
export function acceptsVendorType(req: SimRequest): boolean {
  return mediaTypes(req.headers['accept']).includes(VND_MEDIA_TYPE);
}

export function hasVendorContentType(req: SimRequest): boolean {
  return mediaTypes(req.headers['content-type']).includes(VND_MEDIA_TYPE);
}

export function notAcceptable(req: SimRequest): SimResponse {
  return errorsHolder(
    406,
    [
      {
        code: 'NotAcceptableException',
        message: "Not acceptable representation requested. Please check 'Accept' request header",
        userMessage: USER_MESSAGES.invalidRequestData,
      },
    ],
    req,
    GATEWAY_JSON,
  );
}

export function unsupportedMediaType(req: SimRequest): SimResponse {
  return errorsHolder(
    415,
    [
      {
        code: 'NotSupportedException',
        message: "Unsupported content type. Please check 'Content-Type' request header",
        userMessage: USER_MESSAGES.invalidRequestData,
      },
    ],
    req,
    GATEWAY_JSON,
  );
}

/** Collects query-parameter problems so a request with several gets them all in one 422, as Allegro reports them. */
export class ParamErrors {
  readonly errors: ErrorSpec[] = [];

  add(path: string, message: string, details: string | null = null): void {
    this.errors.push({
      code: 'VALIDATION_ERROR',
      message: `${path}: ${message}`,
      details,
      path,
      userMessage: USER_MESSAGES.invalidParameters,
    });
  }

  get empty(): boolean {
    return this.errors.length === 0;
  }

  response(req: SimRequest): SimResponse {
    return errorsHolder(422, this.errors, req);
  }
}

/** All values of a repeatable parameter, accepting both `a=1&a=2` and `a=1,2`. */
export function multiParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** An integer parameter within bounds; records an error and returns null when it is not. */
export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number | null,
  errors: ParamErrors,
): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    errors.add(name, 'must be an integer', `Invalid value: ${raw}`);
    return null;
  }
  const value = Number(raw);
  if (value < min) {
    errors.add(name, `must be greater than or equal to ${min}`);
    return null;
  }
  if (max !== null && value > max) {
    errors.add(name, `must be less than or equal to ${max}`);
    return null;
  }
  return value;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 date-time parameter as epoch ms; null when absent or invalid (recording the error). */
export function dateParam(query: URLSearchParams, name: string, errors: ParamErrors): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const ms = ISO_DATE_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) {
    errors.add(name, 'must be a date-time in ISO 8601 format, e.g. 2026-05-12T08:12:47.101Z', `Invalid value: ${raw}`);
    return null;
  }
  return ms;
}

/** Values of a repeatable enum parameter; unknown values are recorded as errors. */
export function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], errors: ParamErrors): T[] {
  const values = multiParam(query, name);
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) {
    errors.add(name, `must be one of [${allowed.join(', ')}]`, `Invalid value: ${bad.join(', ')}`);
  }
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** A single-valued enum parameter such as `sort`: null when absent, or when not one of `allowed` (recording the error). */
export function choiceParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], errors: ParamErrors): T | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  errors.add(name, `must be one of [${allowed.join(', ')}]`, `Invalid value: ${raw}`);
  return null;
}

/** The values of a filter parameter as a set; null (no filtering) when none were given. */
export function setOrNull<T>(values: readonly T[]): ReadonlySet<T> | null {
  return values.length > 0 ? new Set(values) : null;
}

/**
 * `from`, `type` and `limit` of the two event journals (orders, offers), all problems in one 422. Each journal says
 * what its `from` ids are: `parseFrom` answers null for a value that is not one, which is reported with `fromMessage`.
 */
export function journalParams<T extends string>(
  req: SimRequest,
  eventTypes: readonly T[],
  parseFrom: (raw: string) => number | null,
  fromMessage: string,
): { ok: true; from: number | null; types: ReadonlySet<T> | null; limit: number } | { ok: false; response: SimResponse } {
  const errors = new ParamErrors();
  const fromRaw = req.query.get('from');
  let from: number | null = null;
  if (fromRaw !== null && fromRaw !== '') {
    from = parseFrom(fromRaw);
    if (from === null) errors.add('from', fromMessage, `Invalid value: ${fromRaw}`);
  }
  const types = enumParam(req.query, 'type', eventTypes, errors);
  const limit = intParam(req.query, 'limit', 100, 1, 1000, errors);
  if (!errors.empty) return { ok: false, response: errors.response(req) };
  return { ok: true, from, types: setOrNull(types), limit: limit! };
}

/**
 * Checkout-form ids are version 1 (time-based) UUIDs, and Allegro refuses any other id with 422 "Not valid time
 * UUID" before looking it up, so a random (v4) id is malformed here too, not merely unknown.
 */
export const TIME_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-1[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export function isTimeUuid(text: string): boolean {
  return TIME_UUID.test(text);
}

/** Counter-based `trace-id` header value, 16 hex digits like Allegro's. */
export function traceIdOf(n: number): string {
  return (0x5a17e0000000 + n).toString(16).padStart(16, '0');
}
