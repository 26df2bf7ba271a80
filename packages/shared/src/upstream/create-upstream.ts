import { setTimeout as sleep } from 'node:timers/promises';
import { isAxiosError, type AxiosResponse } from 'axios';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  bulkhead as createBulkhead,
  circuitBreaker,
  decorrelatedJitterGenerator,
  handleWhen,
  type IBackoff,
} from 'cockatiel';
import type { UpstreamBudgetGate, UpstreamLimitSignal } from '../budget/budget-gate.ts';
import { mapAxiosErrorToUpstreamError } from '../errors/map-axios-error.ts';
import { UpstreamError, type ServiceName, type UpstreamErrorCode } from '../errors/upstream-error.ts';
import type { Logger } from '../logging/create-logger.ts';
import { currentRequestScope, type RequestScope } from '../sources/request-scope.ts';
import { sourceStatusOfErrorCode, type SourceStatus } from '../sources/source-status.ts';
import { noteUpstreamEvent, traceUpstreamCall } from '../tracing/upstream-spans.ts';
import { readRateLimitHeaders } from './rate-limit-headers.ts';
import { createUpstreamMetrics } from './upstream-metrics.ts';

/** The products behind the four roles; names the budget buckets (`hubspot:search`) and the header dialect. */
export type UpstreamProduct = 'odoo' | 'woocommerce' | 'hubspot' | 'allegro';

export interface UpstreamRetryOptions {
  /**
   * Retries after the first attempt, for idempotent calls only. Two: a transient 503 or reset costs one retry, a
   * short blip two; more would only spend the caller's deadline on an upstream that is really down (the breaker's job).
   * @default 2
   */
  maxRetries?: number;
  /** Scale of the decorrelated-jitter backoff (cockatiel's `initialDelay`). @default 100 */
  baseDelayMs?: number;
  /** Longest backoff sleep; a deadline of a few seconds has no room for more. @default 1000 */
  maxDelayMs?: number;
}

export interface UpstreamBreakerOptions {
  /**
   * Consecutive failed attempts (timeouts, 5xx, resets, unusable bodies; never 404 or other 4xx) that open the
   * breaker. Five: one call with its two retries cannot open it alone, two calls failing in a row can.
   * @default 5
   */
  consecutiveFailures?: number;
  /**
   * While open, exactly one probe call is let through per this many ms; every other call fails at once with
   * UPSTREAM_CIRCUIT_OPEN (source SKIPPED). Five seconds: an upstream restart is usually back within it, and 200
   * requests meanwhile cost 0 upstream calls instead of 200.
   * @default 5000
   */
  halfOpenAfterMs?: number;
}

export interface UpstreamBulkheadOptions {
  /**
   * Calls in flight to this upstream per process. Sixteen: DataLoader batches of a few queries run in parallel, and
   * an upstream that slows down cannot hold more than this many sockets (below createHttpClient's 50, so waiting
   * happens here, against the deadline, not unbounded in the socket agent).
   * @default 16
   */
  maxConcurrent?: number;
  /** Calls waiting for a slot; beyond that a call fails at once with UPSTREAM_UNAVAILABLE. @default 64 */
  maxQueued?: number;
}

export interface UpstreamOptions {
  serviceName: ServiceName;
  product: UpstreamProduct;
  /**
   * Timeout of one attempt (one HTTP request), capped by what is left of the request's deadline. A call made outside
   * a request scope (or whose request has no deadline) gets this as the deadline of the whole call.
   */
  attemptTimeoutMs: number;
  retry?: UpstreamRetryOptions;
  breaker?: UpstreamBreakerOptions;
  bulkhead?: UpstreamBulkheadOptions;
  /**
   * Left free before the request's deadline, so the subgraph can still turn a timed-out upstream call into its
   * answer (partial data, source status) before the gateway stops waiting.
   * @default 50
   */
  deadlineMarginMs?: number;
  /**
   * How long a 429 without `Retry-After` blocks this upstream in this process. One second: WooCommerce's WAFs and
   * Allegro send no `Retry-After`, and the budget governor keeps us under Allegro's 9000/min, so a 429 we still get
   * is most likely Allegro's per-seller "too many parallel requests", which clears as soon as requests finish.
   * @default 1000
   */
  rateLimitedWithoutRetryAfterMs?: number;
  /** The shared upstream budget; without it nothing is acquired (single process, tests). */
  budget?: UpstreamBudgetGate;
  logger?: Logger;
  /** Every call's outcome, for metrics; must not throw. */
  onEvent?: (event: UpstreamEvent) => void;
}

/** What a role's client factory passes through from its config: everything but the upstream's identity and timeout. */
export type UpstreamPolicies = Omit<UpstreamOptions, 'serviceName' | 'product' | 'attemptTimeoutMs'>;

export interface UpstreamCall<T> {
  /** our adapter method (`getProductsBySkus`), never the URL: it is what errors and logs name */
  operation: string;
  /**
   * Safe to send twice: GETs and read-only POSTs (HubSpot search and batch read, Odoo `search_read`/`read`). Only
   * these are retried; a write (`false`) is sent once whatever happens, because a retried write the upstream already
   * committed is a duplicate (or, for Allegro's token refresh, a retired refresh token).
   */
  idempotent: boolean;
  /**
   * Budget buckets this call spends, most specific first (`['hubspot:search', 'hubspot:all']`). A 429 is reported
   * against, and blocks, the first one. `[]` spends nothing.
   * @default [`${product}:all`]
   */
  buckets?: readonly string[];
  /**
   * Only the attempt timeout bounds this call, not the request's deadline: for a write whose answer must be read even
   * when the request that started it has given up (Allegro's token refresh: an abandoned answer loses the rotated
   * refresh token, and every later request would fail). @default false
   */
  ignoreRequestDeadline?: boolean;
  /** Sends the request with this signal (`axios …, { signal }`), so an abandoned attempt frees its socket. */
  send: (signal: AbortSignal) => Promise<AxiosResponse<unknown>>;
  /** Validates (zod DTO) and maps a 2xx response; a throw here is UPSTREAM_BAD_RESPONSE. */
  parse: (response: AxiosResponse<unknown>) => T;
  /**
   * Domain answers for non-2xx statuses, e.g. `{ 404: () => null }`. Return `undefined` to let the status fail as
   * usual (WooCommerce's 404 is "no such order" only with one error code in the body).
   */
  onStatus?: Readonly<Partial<Record<number, (response: AxiosResponse<unknown>) => T | undefined>>>;
}

export type UpstreamEvent =
  | { type: 'attempt'; operation: string; attempt: number }
  | { type: 'retry'; operation: string; attempt: number; delayMs: number; code: UpstreamErrorCode }
  | { type: 'success'; operation: string; attempts: number }
  | { type: 'failure'; operation: string; code: UpstreamErrorCode; attempts: number }
  | { type: 'breaker'; state: UpstreamBreakerState };

export type UpstreamBreakerState = 'closed' | 'open' | 'half-open';

export interface UpstreamStats {
  /** `call()`s made */
  calls: number;
  /** HTTP requests actually sent to the upstream (first attempts and retries) */
  attempts: number;
  retries: number;
  failures: number;
  /** calls failed at once because the breaker was open */
  shortCircuited: number;
  /** calls failed because of a 429 or a block after one */
  rateLimited: number;
  /** calls refused by the budget gate */
  budgetRefused: number;
  /** calls refused because the bulkhead's queue was full */
  bulkheadRejected: number;
  breaker: UpstreamBreakerState;
  /** breaker transitions to open so far */
  breakerOpened: number;
}

export interface Upstream {
  call<T>(call: UpstreamCall<T>): Promise<T>;
  stats(): UpstreamStats;
}

/** No attempt (and no wait) is started that would leave less than this before the deadline margin. */
export const MIN_ATTEMPT_MS = 20;
/** How long a partner's call may wait for the budget; the call center's calls wait longer (they go first). */
export const BULK_BUDGET_WAIT_MS = 250;
export const INTERACTIVE_BUDGET_WAIT_MS = 2_000;

const RETRYABLE: ReadonlySet<UpstreamErrorCode> = new Set(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_RATE_LIMITED']);
/** What says the upstream is unwell; a 404 or a 4xx rejection means it answered fine. */
const HEALTH_FAILURES: ReadonlySet<UpstreamErrorCode> = new Set(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_BAD_RESPONSE']);

const BREAKER_STATE: Readonly<Record<CircuitState, UpstreamBreakerState>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * The one way an adapter calls its upstream: send, validate, map every failure once through
 * `mapAxiosErrorToUpstreamError`, with the read-resilience policies of the whole project around it (deadline,
 * retries of idempotent calls, Retry-After, circuit breaker, bulkhead, budget) and the source status recorded in the
 * request's scope. One `Upstream` per upstream host per process: the breaker, the bulkhead and a 429's block are
 * about that host. cockatiel supplies the breaker, the bulkhead and the jittered backoff; the retry loop is ours
 * because each sleep must be weighed against the request's deadline and the upstream's `Retry-After` first.
 */
export function createUpstream(options: UpstreamOptions): Upstream {
  const { serviceName, product, attemptTimeoutMs } = options;
  const maxRetries = options.retry?.maxRetries ?? 2;
  const backoffFactory = new ExponentialBackoff({
    generator: decorrelatedJitterGenerator,
    initialDelay: options.retry?.baseDelayMs ?? 100,
    maxDelay: options.retry?.maxDelayMs ?? 1_000,
  });
  const halfOpenAfterMs = options.breaker?.halfOpenAfterMs ?? 5_000;
  const marginMs = options.deadlineMarginMs ?? 50;
  const noRetryAfterBlockMs = options.rateLimitedWithoutRetryAfterMs ?? 1_000;
  // the product's overall limit; rate-limit headers (HubSpot's X-HubSpot-RateLimit-*) describe this one
  const generalBucket = `${product}:all`;
  const defaultBuckets = [generalBucket];
  const logger = options.logger?.child({ serviceName, upstream: product });

  /** Errors raised here, without an upstream answer; they never count against the upstream's health. */
  const local = new WeakSet<UpstreamError>();
  // Timeouts of attempts that the caller's request deadline cut below attemptTimeoutMs: the caller ran out of time,
  // the upstream was not given its full timeout. Under load the gateway's deadline reaches the subgraph nearly spent,
  // and five such timeouts in a row would open the breaker, turning an overloaded caller into "upstream down" for
  // every request for halfOpenAfterMs. While closed they leave the breaker's count as it is; a half-open probe cut
  // short still counts as failed (cockatiel would close the breaker on an error it does not handle, on no evidence).
  const callerTimeouts = new WeakSet<UpstreamError>();
  const breaker = circuitBreaker(
    handleWhen(
      (error) =>
        error instanceof UpstreamError &&
        !local.has(error) &&
        HEALTH_FAILURES.has(error.extensions.code) &&
        !(callerTimeouts.has(error) && breaker.state === CircuitState.Closed),
    ),
    { breaker: new ConsecutiveBreaker(options.breaker?.consecutiveFailures ?? 5), halfOpenAfter: halfOpenAfterMs },
  );
  const bulkhead = createBulkhead(options.bulkhead?.maxConcurrent ?? 16, options.bulkhead?.maxQueued ?? 64);
  let openedAt = 0;
  // cockatiel lets every call arriving during the half-open probe wait for it; we want them skipped, so exactly one
  // call per halfOpenAfterMs reaches an upstream whose breaker is open.
  let probeClaimed = false;
  const blockedUntil = new Map<string, number>();
  const metrics = createUpstreamMetrics(serviceName, product);

  const stats: Omit<UpstreamStats, 'breaker'> = {
    calls: 0,
    attempts: 0,
    retries: 0,
    failures: 0,
    shortCircuited: 0,
    rateLimited: 0,
    budgetRefused: 0,
    bulkheadRejected: 0,
    breakerOpened: 0,
  };
  const emit = (event: UpstreamEvent) => {
    noteUpstreamEvent(event);
    try {
      options.onEvent?.(event);
    } catch {
      // metrics must never break a call
    }
  };
  breaker.onStateChange((state) => {
    if (state === CircuitState.Open) {
      openedAt = Date.now();
      stats.breakerOpened += 1;
      logger?.warn({ halfOpenAfterMs }, `${serviceName} upstream circuit opened: calls skipped, one probe per ${halfOpenAfterMs} ms`);
    } else if (state === CircuitState.Closed) {
      logger?.info(`${serviceName} upstream circuit closed: the probe succeeded`);
    }
    metrics.breaker(BREAKER_STATE[state]);
    emit({ type: 'breaker', state: BREAKER_STATE[state] });
  });

  const fail = (code: UpstreamErrorCode, operation: string, extra: { retryAfterSeconds?: number; cause?: unknown } = {}) => {
    const error = new UpstreamError({ code, serviceName, operation, ...extra });
    local.add(error);
    return error;
  };

  function observe(bucket: string | undefined, signal: UpstreamLimitSignal | undefined): void {
    if (bucket === undefined || signal === undefined || options.budget === undefined) return;
    try {
      options.budget.observe(bucket, signal);
    } catch (error) {
      logger?.warn({ err: error }, 'budget observe failed');
    }
  }

  /** One HTTP attempt with its own timeout: send, accept domain statuses, parse; every failure mapped here. */
  async function attempt<T>(call: UpstreamCall<T>, timeoutMs: number, cutByCaller: boolean, scope: RequestScope | undefined): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    stats.attempts += 1;
    const startedAt = performance.now();
    // Counted for the request's usage and measured once the request went out: a nested call's failure (below) sent
    // nothing of this call's own, and was counted by its own attempt.
    const sent = (status: string) => {
      if (scope !== undefined) scope.usage.upstreamCalls += 1;
      metrics.request(call.operation, status, (performance.now() - startedAt) / 1000);
    };
    let response: AxiosResponse<unknown>;
    try {
      response = await call.send(signal);
    } catch (error) {
      if (!(error instanceof UpstreamError)) sent(attemptStatusOf(error, signal));
      // An UpstreamError from inside `send` is a nested upstream call's final verdict (Allegro's token refresh):
      // passed through, and not this upstream's failure.
      if (error instanceof UpstreamError) {
        local.add(error);
        throw error;
      }
      const failed = isAxiosError(error) ? error.response : undefined;
      if (failed !== undefined) {
        observe(generalBucket, readRateLimitHeaders(product, failed.headers));
        const handler = call.onStatus?.[failed.status];
        if (handler !== undefined) {
          const value = handler(failed);
          if (value !== undefined) return value;
        }
      }
      // axios reports our own abort as a cancellation; when the attempt's timer fired, that is a timeout
      if (signal.aborted && !failed) {
        const timeout = new UpstreamError({ code: 'UPSTREAM_TIMEOUT', serviceName, operation: call.operation, cause: error });
        if (cutByCaller) callerTimeouts.add(timeout);
        throw timeout;
      }
      throw mapAxiosErrorToUpstreamError(error, { serviceName, operation: call.operation });
    }
    sent(String(response.status));
    observe(generalBucket, readRateLimitHeaders(product, response.headers));
    try {
      return call.parse(response);
    } catch (error) {
      throw mapAxiosErrorToUpstreamError(error, { serviceName, operation: call.operation });
    }
  }

  /** Breaker gate in front of an attempt: open → skipped; open long enough → this call is the one probe. */
  function admitThroughBreaker(operation: string): { probe: boolean } {
    const state = breaker.state;
    if (state === CircuitState.Closed) return { probe: false };
    const waitMs = openedAt + halfOpenAfterMs - Date.now();
    if (state === CircuitState.Open && waitMs <= 0 && !probeClaimed) {
      probeClaimed = true;
      return { probe: true };
    }
    stats.shortCircuited += 1;
    throw fail('UPSTREAM_CIRCUIT_OPEN', operation, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  /** One attempt with every gate in front of it, in the order that spends the least when refused. */
  async function gatedAttempt<T>(
    call: UpstreamCall<T>,
    buckets: readonly string[],
    deadline: { at: number; fromCaller: boolean },
    scope: RequestScope | undefined,
  ): Promise<T> {
    const deadlineAt = deadline.at;
    const blockKey = buckets[0] ?? product;
    if (deadlineAt - Date.now() < MIN_ATTEMPT_MS) throw fail('UPSTREAM_TIMEOUT', call.operation);
    // 1. a 429's block: wait it out when the deadline allows (a read only), otherwise fail without calling
    for (;;) {
      const blockedMs = (blockedUntil.get(blockKey) ?? 0) - Date.now();
      if (blockedMs <= 0) break;
      if (!call.idempotent || blockedMs + MIN_ATTEMPT_MS > deadlineAt - Date.now()) {
        stats.rateLimited += 1;
        throw fail('UPSTREAM_RATE_LIMITED', call.operation, { retryAfterSeconds: Math.ceil(blockedMs / 1000) });
      }
      await sleep(blockedMs);
    }
    // 2. the breaker
    const { probe } = admitThroughBreaker(call.operation);
    try {
      // 3. the shared budget
      if (options.budget !== undefined && buckets.length > 0) {
        const priority = scope?.priority ?? 'interactive';
        const cap = priority === 'bulk' ? BULK_BUDGET_WAIT_MS : INTERACTIVE_BUDGET_WAIT_MS;
        const maxWaitMs = Math.max(0, Math.min(cap, deadlineAt - Date.now() - MIN_ATTEMPT_MS));
        let decision;
        const waitStartedAt = performance.now();
        try {
          decision = await options.budget.acquire({ buckets, priority, maxWaitMs });
        } catch (error) {
          // the governor is a guard, not a dependency: when it cannot answer, the upstream's own 429s still protect it
          logger?.warn({ err: error }, 'budget gate failed; calling without it');
          decision = { granted: true as const };
        }
        metrics.budget(priority, decision.granted ? 'granted' : 'refused', (performance.now() - waitStartedAt) / 1000);
        if (!decision.granted) {
          stats.budgetRefused += 1;
          throw fail('UPSTREAM_BUDGET_EXHAUSTED', call.operation, {
            retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
          });
        }
      }
      // 4. the bulkhead, its queue time counted against the deadline. A call given up on while queued still takes its
      // turn, but returns at once: cockatiel drops an aborted queued call without handing its slot on to the next one.
      let abandoned = false;
      let giveUp: () => void = () => {};
      const queueMs = deadlineAt - Date.now() - MIN_ATTEMPT_MS;
      const gaveUp = new Promise<never>((_resolve, reject) => {
        giveUp = () => {
          abandoned = true;
          reject(fail('UPSTREAM_TIMEOUT', call.operation));
        };
      });
      gaveUp.catch(() => undefined);
      const timer = setTimeout(() => giveUp(), Math.max(0, queueMs));
      try {
        return await Promise.race([
          bulkhead.execute(async () => {
            clearTimeout(timer);
            if (abandoned) throw fail('UPSTREAM_TIMEOUT', call.operation);
            const timeoutMs = Math.min(attemptTimeoutMs, deadlineAt - Date.now());
            if (timeoutMs < MIN_ATTEMPT_MS) throw fail('UPSTREAM_TIMEOUT', call.operation);
            // 5. the breaker counts only the HTTP attempt itself; without a caller's deadline, deadlineAt is this
            // call's own attempt budget, and a retry's shorter attempt that times out is still the upstream's failure
            const cutByCaller = deadline.fromCaller && timeoutMs < attemptTimeoutMs;
            return breaker.execute(() => attempt(call, timeoutMs, cutByCaller, scope));
          }),
          gaveUp,
        ]);
      } catch (error) {
        if (error instanceof BulkheadRejectedError) {
          stats.bulkheadRejected += 1;
          throw fail('UPSTREAM_UNAVAILABLE', call.operation, { cause: error });
        }
        if (error instanceof BrokenCircuitError) {
          stats.shortCircuited += 1;
          throw fail('UPSTREAM_CIRCUIT_OPEN', call.operation, { retryAfterSeconds: Math.ceil(halfOpenAfterMs / 1000) });
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    } finally {
      if (probe) probeClaimed = false;
    }
  }

  function record(scope: RequestScope | undefined, status: SourceStatus): void {
    scope?.sources.record(serviceName, status);
  }

  const upstream: Upstream = {
    async call<T>(call: UpstreamCall<T>): Promise<T> {
      stats.calls += 1;
      const scope = currentRequestScope();
      // Without a deadline (no request scope: start-up, pollers, tests; or a caller that set none) the whole call gets
      // one attempt's timeout, as before retries existed: fast failures are still retried inside it, a hung upstream
      // costs one timeout, and a `Retry-After: 60` is never slept through when nobody said how long to wait.
      const requestDeadline = call.ignoreRequestDeadline === true ? undefined : scope?.deadlineAt;
      const deadlineAt = requestDeadline === undefined ? Date.now() + attemptTimeoutMs : requestDeadline - marginMs;
      const buckets = call.buckets ?? defaultBuckets;
      let backoff: IBackoff<unknown> | undefined;
      for (let attemptNo = 1; ; attemptNo += 1) {
        emit({ type: 'attempt', operation: call.operation, attempt: attemptNo });
        try {
          const value = await gatedAttempt(call, buckets, { at: deadlineAt, fromCaller: requestDeadline !== undefined }, scope);
          record(scope, 'OK');
          metrics.call('ok');
          emit({ type: 'success', operation: call.operation, attempts: attemptNo });
          return value;
        } catch (raw) {
          const error = raw instanceof UpstreamError ? raw : mapAxiosErrorToUpstreamError(raw, { serviceName, operation: call.operation });
          const code = error.extensions.code;
          const fromUpstream = !local.has(error);
          let delayMs: number | undefined;
          if (code === 'UPSTREAM_RATE_LIMITED' && fromUpstream) {
            const blockedForMs = error.extensions.retryAfterSeconds === undefined ? noRetryAfterBlockMs : error.extensions.retryAfterSeconds * 1000;
            const blockKey = buckets[0] ?? product;
            blockedUntil.set(blockKey, Math.max(blockedUntil.get(blockKey) ?? 0, Date.now() + blockedForMs));
            observe(buckets[0], { blockedForMs });
            stats.rateLimited += 1;
            // the wait happens at the block gate of the next attempt
            delayMs = 0;
            if (blockedForMs + MIN_ATTEMPT_MS > deadlineAt - Date.now()) delayMs = undefined;
          } else if (fromUpstream && RETRYABLE.has(code)) {
            backoff = backoff === undefined ? backoffFactory.next() : backoff.next(undefined);
            delayMs = backoff.duration;
            if (delayMs + MIN_ATTEMPT_MS > deadlineAt - Date.now()) delayMs = undefined;
          }
          if (call.idempotent && delayMs !== undefined && attemptNo <= maxRetries) {
            stats.retries += 1;
            metrics.retry();
            emit({ type: 'retry', operation: call.operation, attempt: attemptNo, delayMs, code });
            if (delayMs > 0) await sleep(delayMs);
            continue;
          }
          stats.failures += 1;
          record(scope, sourceStatusOf(code));
          metrics.call(code);
          emit({ type: 'failure', operation: call.operation, code, attempts: attemptNo });
          throw error;
        }
      }
    },
    stats: () => ({ ...stats, breaker: BREAKER_STATE[breaker.state] }),
  };
  // one span per logical call (tracing on), around every gate, retry and HTTP attempt above
  return {
    call: (call) => traceUpstreamCall({ serviceName, product, operation: call.operation }, () => upstream.call(call)),
    stats: upstream.stats,
  };
}

/** The status label of an attempt that threw: the upstream's HTTP status when it answered, else how it failed. */
function attemptStatusOf(error: unknown, signal: AbortSignal): string {
  if (isAxiosError(error) && error.response !== undefined) return String(error.response.status);
  return signal.aborted ? 'timeout' : 'network';
}

function sourceStatusOf(code: UpstreamErrorCode): SourceStatus {
  // NOT_FOUND: the upstream answered the question, the record is not there
  return code === 'NOT_FOUND' ? 'OK' : (sourceStatusOfErrorCode(code) ?? 'FAILED');
}
