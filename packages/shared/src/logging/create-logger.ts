import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import { activeTraceId } from '../tracing/tracing-state.ts';
import { endpointTemplate } from './endpoint-template.ts';
import { scrubPersonalData, scrubValue } from './scrub-personal-data.ts';

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
  'apiKey',
  'api_key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'password',
  'secret',
  'clientSecret',
  'client_secret',
  'consumerSecret',
  'consumer_secret',
  'email',
  'phone',
  'phoneNumber',
  'phone_number',
  'mobile',
];

/**
 * Field names censored whole wherever they stand in a log line (compared lower-case), checked in the same walk that
 * scrubs e-mails and phone numbers from every string. One pass over the line, at any depth: pino's path-based
 * `redact` needed a path per name and depth (94 of them, wildcards included) and cost about 100 µs a line, which an
 * access-log line per request cannot afford.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([...SECRET_HEADERS, ...SECRET_FIELDS].map((name) => name.toLowerCase()));

/**
 * An axios error carries its request config (credential headers, query strings such as WooCommerce's
 * `consumer_secret`), the raw ClientRequest and the response body, and its URL can hold personal data (HubSpot's
 * `/crm/v3/objects/contacts/{email}`). Log what identifies the failure — method, endpoint template, status — not
 * those; the message and stack (which carry the causes' messages too) are scrubbed of e-mails and phone numbers.
 */
function serializeError(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return typeof error === 'string' ? scrubPersonalData(error) : error;
  // a plain copy: pino's serialized error has a prototype of its own, which scrubValue would leave alone
  const serialized: Record<string, unknown> = { ...(pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>) };
  for (const key of ['config', 'request', 'response']) delete serialized[key];
  const axiosError = firstAxiosError(error);
  if (axiosError !== undefined) {
    serialized['method'] = axiosError.config?.method?.toUpperCase();
    serialized['endpoint'] = endpointTemplate(axiosError.config?.url);
    serialized['status'] = axiosError.response?.status;
  }
  return scrubValue(serialized, 0, REDACTED_KEYS);
}

interface AxiosLike {
  isAxiosError: true;
  config?: { method?: string; url?: string };
  response?: { status?: number };
}

/** The error itself or the first of its causes that is an axios error (an UpstreamError keeps it as `cause`). */
function firstAxiosError(error: object): AxiosLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    if ((current as { isAxiosError?: unknown }).isAxiosError === true) return current as AxiosLike;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What every line written inside one request carries (see {@link runWithLogContext}). */
export interface LogContext {
  /** the gateway's id for the client request; subgraphs get it, signed, from the gateway */
  requestId: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` added to every log line written during it (promises and timers it starts included). */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return logContext.run(context, fn);
}

/** The request id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return logContext.getStore()?.requestId;
}

let defaultDestination: DestinationStream | undefined;

/**
 * How long a line may wait in the stdout buffer: an idle process's lines (a start-up "listening on" that a test or
 * `npm start` waits for) come out within this, a busy one's once 4 KB have gathered.
 */
export const LOG_FLUSH_INTERVAL_MS = 100;
const LOG_BUFFER_BYTES = 4096;

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * The one stdout destination of the process, shared by every logger created without one (one buffer, so lines keep
 * their order). Buffered and asynchronous: a synchronous write per line (one access-log line per request) cost up
 * to 8 % of a subgraph's CPU under load; now about ten lines go out in one write, off the event loop. Flushed every
 * LOG_FLUSH_INTERVAL_MS (an unref'd timer, so it keeps no process alive) and synchronously when the process exits
 * (pino registers that for an asynchronous destination; flushLogs does it on purpose).
 */
function stdoutDestination(): DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_INTERVAL_MS });
  return stdout;
}

/**
 * Writes what the stdout buffer holds, synchronously: before the process ends itself, and before text written to
 * stdout by other means (a banner) that should follow the lines logged so far.
 */
export function flushLogs(): void {
  try {
    stdout?.flushSync();
  } catch {
    // not open yet, or stdout is gone (EPIPE): nothing can be written anyway
  }
}

/**
 * Where loggers created without an explicit destination write from now on (`undefined`: back to stdout). For
 * in-process stacks (the end-to-end tests) that must see every process's log lines; a real process writes to stdout.
 */
export function setDefaultLogDestination(destination: DestinationStream | undefined): void {
  defaultDestination = destination;
}

/**
 * JSON lines, one logger per deployable; children add fields. Every line has `time` (ISO 8601), `level` (pino's
 * number), `name` (the service), `msg`, and inside a request `requestId` and, when tracing is on, `traceId`.
 * Credential and personal-data fields are redacted by name; every string (message, fields, error messages and
 * stacks) is scrubbed of e-mail addresses and phone numbers.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const requestId = logContext.getStore()?.requestId;
        const traceId = activeTraceId();
        if (requestId === undefined && traceId === undefined) return {};
        return traceId === undefined ? { requestId } : requestId === undefined ? { traceId } : { requestId, traceId };
      },
      formatters: { log: (object) => scrubValue(object, 0, REDACTED_KEYS) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          for (let i = 0; i < args.length; i += 1) if (typeof args[i] === 'string') args[i] = scrubPersonalData(args[i] as string);
          method.apply(this, args as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? defaultDestination ?? stdoutDestination(),
  );
}
