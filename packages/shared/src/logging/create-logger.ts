import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The role or deployable, e.g. `erp`, `gateway`; becomes the `name` field of every line. */
  name: string;
  /** Lowest level written. @default 'info' */
  level?: Level | 'silent';
  /** Where JSON lines go. Tests pass a capturing stream. @default stdout */
  destination?: DestinationStream;
}

// Header names in the spellings that reach logs: Node lower-cases incoming headers, axios keeps ours as written.
const SECRET_HEADERS = ['authorization', 'Authorization', 'proxy-authorization', 'cookie', 'Cookie', 'set-cookie', 'x-api-key', 'X-Api-Key'];

// Field names that hold credentials or personal data (GDPR: e-mail addresses and phone numbers identify people).
const SECRET_FIELDS = [
  'apiKey', 'api_key', 'token', 'accessToken', 'access_token', 'refreshToken', 'refresh_token',
  'password', 'secret', 'clientSecret', 'client_secret', 'consumerSecret', 'consumer_secret',
  'email', 'phone', 'phoneNumber', 'phone_number', 'mobile',
];

const prop = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`);

/**
 * Every redacted path. Redaction paths are exact (a `*` matches one level), so each name is listed at the depths
 * our logs put it: headers under `headers`, `req.headers`, `res.headers`, an axios error's `err.config.headers` and
 * one level below any key; credential and PII fields at the top and up to two levels down.
 */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_HEADERS.flatMap((h) =>
    ['headers', 'req.headers', 'res.headers', 'err.config.headers', '*.headers'].map((base) => base + prop(h)),
  ),
  ...SECRET_FIELDS.flatMap((f) => [f, `*${prop(f)}`, `*.*${prop(f)}`]),
];

/**
 * An axios error carries its request config (credential headers, query strings such as WooCommerce's
 * `consumer_secret`), the raw ClientRequest and the response body. Log what identifies the failure, not those.
 */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (error !== null && typeof error === 'object' && (error as { isAxiosError?: unknown }).isAxiosError === true) {
    const axiosError = error as { config?: { method?: string; url?: string }; response?: { status?: number } };
    delete serialized['config'];
    delete serialized['request'];
    delete serialized['response'];
    serialized['method'] = axiosError.config?.method?.toUpperCase();
    serialized['path'] = axiosError.config?.url?.split('?')[0];
    serialized['status'] = axiosError.response?.status;
  }
  return serialized;
}

/** JSON lines to stdout, one logger per deployable; children add request ids. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: { paths: [...REDACT_PATHS], censor: '[Redacted]' },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ fd: 1 }),
  );
}
