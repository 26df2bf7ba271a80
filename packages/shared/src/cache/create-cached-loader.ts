import DataLoader from 'dataloader';
import { isUpstreamError, UpstreamError, type ServiceName } from '../errors/upstream-error.ts';
import type { UpstreamErrorCode } from '../errors/upstream-error.ts';
import { currentRequestScope, remainingMs, runInRequestScope, type RequestScope } from '../sources/request-scope.ts';
import {
  createSourceRecorder,
  sourceStatusOfErrorCode,
  type SourceRecorder,
  type SourceReport,
  type SourceStatus,
} from '../sources/source-status.ts';
import type { Cache } from './cache.ts';
import { cacheLoaderMetrics } from './cache-metrics.ts';
import type { SingleFlight } from './single-flight.ts';

/**
 * What the cached loaders store under each key: the mapped model and when it was read from the upstream (epoch ms).
 * `fetchedAt` travels with the value because Redis cannot tell an entry's age, and both freshness and the stale
 * fallback are decided from it (and reported to the client as `asOf`).
 */
export interface CacheEnvelope<V> {
  value: V;
  fetchedAt: number;
}

/** How long a cached value is served instead of asking the upstream, and how long it stands in for a failing one. */
export interface CachePolicy {
  /** Served from the cache, without an upstream call, while younger than this. 0: always ask the upstream. */
  freshSeconds: number;
  /**
   * Kept (the Redis TTL) and served, flagged STALE, when the upstream fails, while younger than this. 0: no fallback.
   * See DEFAULT_MAX_STALE_SECONDS for the documented age per kind of data.
   */
  maxStaleSeconds: number;
  /**
   * How long a "not found" (null) is served from the cache. Cached briefly so a burst of look-ups for an unknown SKU
   * or e-mail costs one call, short so a newly created record shows up within seconds even without a change event.
   * Never served stale: during an outage "this customer does not exist" from an old read is a worse answer than an
   * honest error, so a null falls back to nothing.
   * @default min(freshSeconds, 30)
   */
  negativeSeconds?: number;
}

/**
 * The upstream failures a cached value may stand in for: the upstream is down, slow, overloaded, or we chose not to
 * ask it. Not UPSTREAM_REJECTED (our request was wrong, an old value would hide a bug) nor NOT_FOUND.
 */
export const STALE_IF_ERROR_CODES: ReadonlySet<UpstreamErrorCode> = new Set<UpstreamErrorCode>([
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_CIRCUIT_OPEN',
  'UPSTREAM_BUDGET_EXHAUSTED',
]);

export interface CreateCachedLoaderOptions<K, V> {
  /** The loader's name (`productBySku`): the operation of the timeout error a joined fetch may end in. */
  name: string;
  /** The upstream system the values come from, as recorded in the request's source statuses. */
  source: ServiceName;
  /** Process-wide cache (memory or Redis) under the subgraph's versioned key prefix. */
  cache: Cache;
  policy: CachePolicy;
  /**
   * The key under the cache's prefix, from the subgraph's `<role>-cache-keys.ts`, so change-feed invalidation deletes
   * exactly what this loader stores. It is also the memo key within the request: keys that normalise alike load once.
   */
  cacheKey(key: K): string;
  /**
   * Reads `keys` from the upstream: one result per key, in key order; `null` when the upstream has none, an `Error`
   * when only that key failed. A thrown error fails every key of the call.
   */
  fetch(keys: readonly K[]): Promise<ReadonlyArray<V | null | Error>>;
  /** Keys per `fetch` call: the upstream's batch limit. @default unlimited */
  maxBatchSize?: number;
  /**
   * Process-wide in-flight reads (one per process, created at boot): a key another request is fetching right now is
   * joined instead of fetched again. Without it every request that misses fetches on its own.
   */
  singleFlight?: SingleFlight;
  /** Further cache keys a fetched value is also stored under (a contact under its id, e-mail and buyer login). */
  alsoStoreUnder?(value: V): readonly string[];
  /** Sees every non-null value this loader hands out (fresh, fetched or stale), e.g. to prime sibling loaders. */
  onValue?(value: V): void;
  /** Receives failures of a `Cache` implementation that throws (the shared ones never do; they report and miss). */
  onCacheError?(error: unknown): void;
  /** Epoch ms; injectable so age limits are tested without sleeping. @default Date.now */
  now?: () => number;
}

/** A per-request DataLoader over the shared cache, plus a way to put in values read by other means. */
export type CachedLoader<K, V> = DataLoader<K, V | null, string> & {
  /**
   * Stores `value` as just read from the upstream (a buyer's order listing also carries each order, which the
   * gateway asks for in its next step) and primes this request's memo with it.
   */
  store(key: K, value: V): Promise<void>;
};

type Outcome<V> = V | null | Error;

interface OwnFetch<V> {
  outcomes: Outcome<V>[];
  /** what the upstream calls of this fetch recorded (retries, breaker, budget), kept apart until the outcome is known */
  reports: SourceReport[];
  fetchedAt: number;
}

/**
 * The one cached batch loader of every subgraph: a DataLoader (new per request, so one request's memo never reaches
 * another; see each subgraph's `context.ts`) over the process-wide {@link Cache}, storing {@link CacheEnvelope}s.
 *
 * - A fresh entry is served without an upstream call and recorded as `OK` with `asOf` = when it was read.
 * - Missing or no longer fresh entries are fetched in batches of `maxBatchSize`, and stored for `maxStaleSeconds`.
 * - When the upstream fails with one of {@link STALE_IF_ERROR_CODES}, every key with an entry younger than
 *   `maxStaleSeconds` gets that entry, recorded as `STALE` with the oldest `asOf`; keys without one get the error,
 *   so GraphQL nulls only their fields. Nothing older than `maxStaleSeconds` is ever served.
 * - A cache failure is a miss, never an error: Redis down makes the subgraph slower, not broken.
 *
 * Source statuses: the upstream-call helper may record per call (a retry, an open breaker); those records are held
 * back and only passed on when some key is answered from the upstream or fails without a stand-in, so a value
 * served stale shows as `STALE`, not as the `FAILED` of the call it stands in for.
 */
export function createCachedLoader<K, V>(options: CreateCachedLoaderOptions<K, V>): CachedLoader<K, V> {
  const { name, source, cache, policy, cacheKey, singleFlight } = options;
  const now = options.now ?? Date.now;
  const freshMs = Math.max(0, policy.freshSeconds) * 1000;
  const staleMs = Math.max(0, policy.maxStaleSeconds) * 1000;
  const negativeSeconds = Math.max(0, policy.negativeSeconds ?? Math.min(policy.freshSeconds, 30));
  const negativeMs = negativeSeconds * 1000;
  // An entry is worth keeping as long as it may be served, fresh or stale.
  const storeSeconds = Math.max(policy.freshSeconds, policy.maxStaleSeconds, 0);
  // With nothing ever served fresh, the happy path skips the cache read; entries are read only to stand in.
  const readsBeforeFetch = freshMs > 0 || negativeMs > 0;
  const metrics = cacheLoaderMetrics(source, name);

  async function readEnvelopes(keys: readonly string[]): Promise<Array<CacheEnvelope<V | null> | undefined>> {
    if (keys.length === 0 || (storeSeconds <= 0 && negativeSeconds <= 0)) return keys.map(() => undefined);
    try {
      const entries = await cache.getMany<unknown>(keys);
      return keys.map((_, i) => asEnvelope<V>(entries[i]));
    } catch (error) {
      options.onCacheError?.(error);
      return keys.map(() => undefined);
    }
  }

  async function writeEnvelope(key: string, value: V | null, fetchedAt: number): Promise<void> {
    const ttl = value === null ? negativeSeconds : storeSeconds;
    if (ttl <= 0) return;
    const keys = value === null ? [key] : [key, ...(options.alsoStoreUnder?.(value) ?? [])];
    const envelope: CacheEnvelope<V | null> = { value, fetchedAt };
    await Promise.all(
      keys.map(async (k) => {
        try {
          await cache.set(k, envelope, ttl);
        } catch (error) {
          options.onCacheError?.(error);
        }
      }),
    );
  }

  const ageOf = (envelope: CacheEnvelope<unknown>, at: number): number => Math.max(0, at - envelope.fetchedAt);
  const isFresh = (envelope: CacheEnvelope<V | null>, at: number): boolean => ageOf(envelope, at) < (envelope.value === null ? negativeMs : freshMs);
  const canStandIn = (envelope: CacheEnvelope<V | null> | undefined, at: number): envelope is CacheEnvelope<V> =>
    envelope !== undefined && envelope.value !== null && ageOf(envelope, at) <= staleMs;

  /** Runs the upstream fetch with its own source recorder, so its records can be held back (see above). */
  async function fetchOwn(keys: readonly K[], scope: RequestScope | undefined): Promise<OwnFetch<V>> {
    const fetchedAt = now();
    const recorder = scope === undefined ? undefined : createSourceRecorder();
    let outcomes: Outcome<V>[];
    try {
      const call = () => options.fetch(keys);
      const results = scope === undefined || recorder === undefined ? await call() : await runInRequestScope({ ...scope, sources: recorder }, call);
      if (results.length !== keys.length) {
        throw new Error(`${name}: fetch returned ${results.length} results for ${keys.length} keys`);
      }
      outcomes = results.map((r) => (r === undefined ? null : r));
    } catch (error) {
      const failure = asError(error);
      outcomes = keys.map(() => failure);
    }
    return { outcomes, reports: recorder?.reports() ?? [], fetchedAt };
  }

  async function batch(keys: readonly K[]): Promise<Array<V | null | Error>> {
    const scope = currentRequestScope();
    const cacheKeys = keys.map(cacheKey);
    let envelopes = readsBeforeFetch ? await readEnvelopes(cacheKeys) : undefined;

    const results: Array<Outcome<V> | undefined> = keys.map(() => undefined);
    const pending: number[] = [];
    const readAt = now();
    let freshAsOf: number | undefined;
    // A write decided on these values (stock, an order's returned quantities) must not rest on a cached copy.
    const cachedCounts = scope?.freshReads !== true;
    keys.forEach((_, i) => {
      const envelope = envelopes?.[i];
      if (cachedCounts && envelope !== undefined && isFresh(envelope, readAt)) {
        results[i] = envelope.value;
        freshAsOf = oldest(freshAsOf, envelope.fetchedAt);
      } else {
        pending.push(i);
      }
    });
    if (freshAsOf !== undefined) scope?.sources.record(source, 'OK', freshAsOf);
    metrics.hits(keys.length - pending.length);
    metrics.misses(pending.length);
    if (pending.length === 0) return deliver(results);

    // Single flight: join what another request is fetching (same loader, same priority class: an interactive caller
    // never waits behind a partner's call queued for budget), fetch the rest ourselves.
    const priority = scope?.priority ?? 'interactive';
    const flightKeyOf = (i: number) => `${name}\u0000${priority}\u0000${cacheKeys[i]}`;
    const joined = new Map<number, Promise<unknown>>();
    const own: number[] = [];
    for (const i of pending) {
      const flight = singleFlight?.joinable(flightKeyOf(i));
      if (flight === undefined) own.push(i);
      else joined.set(i, flight);
    }

    let ownFetch: Promise<OwnFetch<V>> | undefined;
    const withdraw: Array<() => void> = [];
    if (own.length > 0) {
      ownFetch = fetchOwn(
        own.map((i) => keys[i] as K),
        scope,
      );
      if (singleFlight !== undefined) {
        own.forEach((i, n) =>
          withdraw.push(
            singleFlight.publish(
              flightKeyOf(i),
              ownFetch!.then((f) => f.outcomes[n]),
            ),
          ),
        );
      }
    }

    let fetched: OwnFetch<V> | undefined;
    try {
      const joinedOutcomes = await Promise.all([...joined].map(async ([i, flight]) => [i, await joinWithinDeadline(flight, scope)] as const));
      fetched = ownFetch === undefined ? undefined : await ownFetch;

      const outcomes = new Map<number, Outcome<V>>(joinedOutcomes.map(([i, o]) => [i, o as Outcome<V>]));
      own.forEach((i, n) => outcomes.set(i, fetched!.outcomes[n] ?? null));

      // Store what the upstream answered before anyone else can miss it.
      if (fetched !== undefined) {
        const at = fetched.fetchedAt;
        await Promise.all(
          own.map((i, n) => {
            const outcome = fetched!.outcomes[n];
            return outcome instanceof Error || outcome === undefined ? undefined : writeEnvelope(cacheKeys[i]!, outcome, at);
          }),
        );
      }

      // Stale-if-error, judged at the time of serving: an entry must still be within its max age now.
      const failed = pending.filter((i) => {
        const outcome = outcomes.get(i);
        return outcome instanceof Error && isStaleable(outcome);
      });
      if (failed.length > 0 && staleMs > 0) {
        if (envelopes === undefined) {
          const read = await readEnvelopes(failed.map((i) => cacheKeys[i]!));
          envelopes = keys.map(() => undefined);
          failed.forEach((i, n) => (envelopes![i] = read[n]));
        }
      }

      const servedAt = now();
      let staleAsOf: number | undefined;
      let answered = false;
      const uncovered: Error[] = [];
      for (const i of pending) {
        const outcome = outcomes.get(i) ?? null;
        if (!(outcome instanceof Error)) {
          results[i] = outcome;
          answered = true;
          continue;
        }
        const envelope = envelopes?.[i];
        if (isStaleable(outcome) && canStandIn(envelope, servedAt)) {
          results[i] = envelope.value;
          staleAsOf = oldest(staleAsOf, envelope.fetchedAt);
          metrics.stale(ageOf(envelope, servedAt) / 1000);
        } else {
          results[i] = outcome;
          uncovered.push(outcome);
        }
      }

      if (scope !== undefined) {
        // The fetch's own records tell what happened to the calls; they stand when some key was answered live or
        // failed with nothing in its place, and give way to STALE when every failure was covered.
        const coveredFailures = staleAsOf !== undefined && uncovered.length === 0;
        for (const report of fetched?.reports ?? []) {
          if (!coveredFailures || report.status === 'OK' || report.status === 'STALE') relay(scope.sources, report);
        }
        if (answered) scope.sources.record(source, 'OK');
        if (staleAsOf !== undefined) scope.sources.record(source, 'STALE', staleAsOf);
        for (const error of uncovered) {
          const status = statusOf(error);
          if (status !== undefined) scope.sources.record(source, status);
        }
      }
      return deliver(results);
    } finally {
      for (const done of withdraw) done();
    }
  }

  function deliver(results: Array<Outcome<V> | undefined>): Array<V | null | Error> {
    return results.map((result) => {
      if (result === undefined) return null;
      if (result !== null && !(result instanceof Error)) options.onValue?.(result);
      return result;
    });
  }

  /** Waits for another request's fetch no longer than this request's own deadline. */
  async function joinWithinDeadline(flight: Promise<unknown>, scope: RequestScope | undefined): Promise<unknown> {
    const left = remainingMs(scope);
    if (!Number.isFinite(left)) return flight;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Error>((resolve) => {
      timer = setTimeout(() => resolve(new UpstreamError({ code: 'UPSTREAM_TIMEOUT', serviceName: source, operation: name })), Math.max(0, left));
      timer.unref();
    });
    try {
      return await Promise.race([flight.catch(asError), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  const loader = new DataLoader<K, V | null, string>(batch, {
    cacheKeyFn: cacheKey,
    ...(options.maxBatchSize === undefined ? {} : { maxBatchSize: options.maxBatchSize }),
  });

  async function store(key: K, value: V): Promise<void> {
    loader.clear(key).prime(key, value);
    await writeEnvelope(cacheKey(key), value, now());
  }

  return Object.assign(loader, { store });
}

function isStaleable(error: Error): boolean {
  return isUpstreamError(error) && STALE_IF_ERROR_CODES.has(error.extensions.code);
}

/** What a failure that reaches the client says about its source; nothing for a plain "not found". */
function statusOf(error: Error): SourceStatus | undefined {
  if (!isUpstreamError(error)) return 'FAILED';
  const code = error.extensions.code;
  return code === 'NOT_FOUND' ? undefined : (sourceStatusOfErrorCode(code) ?? 'FAILED');
}

function relay(recorder: SourceRecorder, report: SourceReport): void {
  recorder.record(report.source, report.status, report.asOf === undefined ? undefined : Date.parse(report.asOf));
}

function oldest(current: number | undefined, candidate: number): number {
  return current === undefined || candidate < current ? candidate : current;
}

/** Anything else under the key (a corrupt or foreign entry) is a miss. */
function asEnvelope<V>(entry: unknown): CacheEnvelope<V | null> | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const { value, fetchedAt } = entry as Partial<CacheEnvelope<V | null>>;
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt) || value === undefined) return undefined;
  return { value, fetchedAt };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
