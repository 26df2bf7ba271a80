import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { UpstreamError, type UpstreamErrorCode } from '../errors/upstream-error.ts';
import type { RequestIdentity } from '../identity/request-identity.ts';
import { createRequestScope, currentRequestScope, runInRequestScope, type RequestScope } from '../sources/request-scope.ts';
import { isRedisServerAvailable, startRedisServer, type DisposableRedisServer } from '../testing/start-redis-server.ts';
import { inCi, requireRedisInCi, sharedRedisUrl } from '../testing/redis-prerequisites.ts';
import type { Cache, ManagedCache } from './cache.ts';
import { createCacheFromEnv } from './create-cache-from-env.ts';
import { createCachedLoader, type CachePolicy, type CreateCachedLoaderOptions } from './create-cached-loader.ts';
import { invalidate } from './invalidate.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createRedisCache } from './redis-cache.ts';
import { createSingleFlight, type SingleFlight } from './single-flight.ts';
import { metricsRegistry } from '../metrics/registry.ts';

requireRedisInCi('the cached loader against Redis', { sharedRedis: true, redisServerBinary: true });

const T0 = Date.UTC(2026, 11, 6, 10, 0, 0);
const POLICY: CachePolicy = { freshSeconds: 60, maxStaleSeconds: 600 };
const IDENTITY: RequestIdentity = { subject: 'call-center', kind: 'api-key', scopes: [], profile: 'internal' };
const PARTNER: RequestIdentity = { subject: 'partner', kind: 'api-key', scopes: [], profile: 'partner' };

interface Product {
  sku: string;
  version: number;
}

const upstreamError = (code: UpstreamErrorCode = 'UPSTREAM_UNAVAILABLE') =>
  new UpstreamError({ code, serviceName: 'erp', operation: 'getProductsBySkus' });

/**
 * A fake upstream: knows the SKUs in `catalogue` (the rest are absent), answers in its own order, and fails while
 * `failure` is set. Counts calls and the keys of each call.
 */
function fakeUpstream() {
  const state = {
    catalogue: new Map<string, number>([
      ['A', 1],
      ['B', 1],
      ['C', 1],
    ]),
    failure: undefined as Error | undefined,
    perKeyFailure: new Map<string, Error>(),
    /** a promise the fetch waits for, to hold a call in flight */
    gate: undefined as Promise<void> | undefined,
    /** recorded in the request scope by every call, as the upstream-call helper would */
    recordsPerCall: undefined as 'FAILED' | undefined,
  };
  const fetch = vi.fn(async (skus: readonly string[]): Promise<Array<Product | null | Error>> => {
    if (state.gate) await state.gate;
    if (state.failure) {
      if (state.recordsPerCall) currentRequestScope()?.sources.record('erp', state.recordsPerCall);
      throw state.failure;
    }
    return skus.map((sku) => {
      const failed = state.perKeyFailure.get(sku);
      if (failed) return failed;
      const version = state.catalogue.get(sku);
      return version === undefined ? null : { sku, version };
    });
  });
  return { state, fetch };
}

/** Runs `fn` as one subgraph request and returns its result with the source reports it recorded. */
async function inRequest<T>(fn: () => Promise<T>, identity: RequestIdentity = IDENTITY, deadlineAt?: number) {
  const scope: RequestScope = createRequestScope(identity, deadlineAt);
  const value = await runInRequestScope(scope, fn);
  return { value, reports: scope.sources.reports() };
}

async function settle<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: unknown) => error as Error);
}

type CreateCache = (keyPrefix: string) => Cache | Promise<Cache>;

/**
 * The loader's behaviour over one Cache implementation; run against memory and real Redis so the memory fake the
 * subgraph tests use cannot drift from production. Ages come from the loader's injected clock, never from the
 * cache's own TTL: entries are kept far longer in real time, so every "too old" below is the loader's decision.
 */
function defineCachedLoaderSuite(name: string, createCache: CreateCache): void {
  describe(`createCachedLoader over the ${name} cache`, () => {
    let run = 0;
    async function setup(overrides: Partial<CreateCachedLoaderOptions<string, Product>> = {}) {
      run += 1;
      const cache = await createCache(`cached-loader-${randomUUID().slice(0, 8)}-${run}:`);
      const clock = { now: T0 };
      const upstream = fakeUpstream();
      const newLoader = (more: Partial<CreateCachedLoaderOptions<string, Product>> = {}) =>
        createCachedLoader<string, Product>({
          name: 'productBySku',
          source: 'erp',
          cache,
          policy: POLICY,
          cacheKey: (sku) => `product:${sku}`,
          fetch: upstream.fetch,
          now: () => clock.now,
          ...overrides,
          ...more,
        });
      return { cache, clock, upstream, newLoader };
    }

    it('fetches misses in one batch: one result per key in key order, null for keys the upstream lacks', async () => {
      const { upstream, newLoader } = await setup();
      const { value, reports } = await inRequest(() => newLoader().loadMany(['C', 'MISSING', 'A']));
      expect(value).toEqual([{ sku: 'C', version: 1 }, null, { sku: 'A', version: 1 }]);
      expect(upstream.fetch).toHaveBeenCalledTimes(1);
      expect(upstream.fetch).toHaveBeenCalledWith(['C', 'MISSING', 'A']);
      expect(reports).toEqual([{ source: 'erp', status: 'OK' }]);
    });

    it('asks the upstream for a request that decides a write (freshReads), however fresh the cached value, and refreshes it', async () => {
      const { clock, upstream, newLoader } = await setup();
      await inRequest(() => newLoader().load('A'));
      upstream.state.catalogue.set('A', 2);
      clock.now = T0 + 1_000;
      // an ordinary read within freshSeconds: the cached copy
      expect((await inRequest(() => newLoader().load('A'))).value).toEqual({ sku: 'A', version: 1 });
      const scope = createRequestScope(IDENTITY, undefined, { freshReads: true });
      expect(await runInRequestScope(scope, () => newLoader().load('A'))).toEqual({ sku: 'A', version: 2 });
      expect(upstream.fetch).toHaveBeenCalledTimes(2);
      // and the next ordinary read sees what the fresh read brought
      expect((await inRequest(() => newLoader().load('A'))).value).toEqual({ sku: 'A', version: 2 });
    });

    it('counts hits, misses and stale values served (with their age) per loader', async () => {
      const name = `metered-${randomUUID().slice(0, 8)}`;
      const { clock, upstream, newLoader } = await setup({ name });
      // a histogram's `_sum` is one of its values, under its own metricName
      const value = async (metric: string, labels: Record<string, string>) =>
        (await metricsRegistry.getMetricsAsJSON())
          .find((m) => m.name === metric.replace(/_sum$/, ''))
          ?.values.find(
            (v) =>
              ((v as { metricName?: string }).metricName ?? metric) === metric &&
              Object.entries({ loader: name, ...labels }).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l),
          )?.value ?? 0;
      await newLoader().loadMany(['A', 'B']);
      clock.now = T0 + 10_000;
      await newLoader().load('A');
      clock.now = T0 + 120_000;
      upstream.state.failure = upstreamError('UPSTREAM_TIMEOUT');
      await newLoader().load('A');
      expect(await value('omnigraph_cache_lookups_total', { service: 'erp', result: 'miss' })).toBe(3);
      expect(await value('omnigraph_cache_lookups_total', { service: 'erp', result: 'hit' })).toBe(1);
      expect(await value('omnigraph_cache_stale_served_total', { service: 'erp' })).toBe(1);
      expect(await value('omnigraph_cache_stale_age_seconds_sum', { service: 'erp' })).toBe(120);
    });

    it('splits a batch at maxBatchSize', async () => {
      const { upstream, newLoader } = await setup({ maxBatchSize: 2 });
      await newLoader().loadMany(['A', 'B', 'C']);
      expect(upstream.fetch.mock.calls.map(([keys]) => keys)).toEqual([['A', 'B'], ['C']]);
    });

    it('serves a fresh entry to a later request without an upstream call, as OK with asOf = when it was read', async () => {
      const { clock, upstream, newLoader } = await setup();
      await inRequest(() => newLoader().load('A'));
      clock.now = T0 + 59_000;
      const { value, reports } = await inRequest(() => newLoader().load('A'));
      expect(value).toEqual({ sku: 'A', version: 1 });
      expect(upstream.fetch).toHaveBeenCalledTimes(1);
      expect(reports).toEqual([{ source: 'erp', status: 'OK', asOf: new Date(T0).toISOString() }]);
    });

    it('asks the upstream again once an entry is past its freshness, and stores the new value', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      upstream.state.catalogue.set('A', 2);
      clock.now = T0 + 60_000;
      expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 2 });
      clock.now = T0 + 61_000;
      expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 2 });
      expect(upstream.fetch).toHaveBeenCalledTimes(2);
    });

    it('serves the last good value when the upstream fails, as STALE with the oldest asOf', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      clock.now = T0 + 120_000;
      await newLoader().load('B');
      clock.now = T0 + 300_000;
      upstream.state.failure = upstreamError('UPSTREAM_TIMEOUT');
      const { value, reports } = await inRequest(() => newLoader().loadMany(['B', 'A']));
      expect(value).toEqual([
        { sku: 'B', version: 1 },
        { sku: 'A', version: 1 },
      ]);
      expect(upstream.fetch).toHaveBeenCalledTimes(3);
      expect(reports).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    });

    it.each<UpstreamErrorCode>([
      'UPSTREAM_TIMEOUT',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_RATE_LIMITED',
      'UPSTREAM_BAD_RESPONSE',
      'UPSTREAM_CIRCUIT_OPEN',
      'UPSTREAM_BUDGET_EXHAUSTED',
    ])('stands in for %s', async (code) => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      clock.now = T0 + 90_000;
      upstream.state.failure = upstreamError(code);
      expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 1 });
    });

    it('does not stand in for a rejected request or a bug: those reach the caller', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      clock.now = T0 + 90_000;
      upstream.state.failure = upstreamError('UPSTREAM_REJECTED');
      expect(await settle(newLoader().load('A'))).toBe(upstream.state.failure);
      upstream.state.failure = new TypeError('mapper bug');
      const { value, reports } = await inRequest(() => settle(newLoader().load('A')));
      expect(value).toBe(upstream.state.failure);
      expect(reports).toEqual([{ source: 'erp', status: 'FAILED' }]);
    });

    it('gives the error only to keys without a stand-in; the answer is then partial (FAILED, with the asOf)', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      clock.now = T0 + 90_000;
      upstream.state.failure = upstreamError();
      const { value, reports } = await inRequest(() => {
        const loader = newLoader();
        return Promise.all([settle(loader.load('A')), settle(loader.load('B'))]);
      });
      expect(value[0]).toEqual({ sku: 'A', version: 1 });
      expect(value[1]).toBe(upstream.state.failure);
      expect(reports).toEqual([{ source: 'erp', status: 'FAILED', asOf: new Date(T0).toISOString() }]);
    });

    it('never serves a value older than maxStaleSeconds', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      upstream.state.failure = upstreamError();
      clock.now = T0 + 600_000;
      expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 1 });
      clock.now = T0 + 600_001;
      const { value, reports } = await inRequest(() => settle(newLoader().load('A')));
      expect(value).toBe(upstream.state.failure);
      expect(reports).toEqual([{ source: 'erp', status: 'FAILED' }]);
    });

    it('reports a call that failed behind a served stand-in as STALE, not as the FAILED the call recorded', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().load('A');
      clock.now = T0 + 90_000;
      upstream.state.failure = upstreamError();
      upstream.state.recordsPerCall = 'FAILED';
      const { reports } = await inRequest(() => newLoader().load('A'));
      expect(reports).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
      // …and passes that record on when nothing stood in
      const { reports: failed } = await inRequest(() => settle(newLoader().load('B')));
      expect(failed).toEqual([{ source: 'erp', status: 'FAILED' }]);
    });

    it('records an open breaker as SKIPPED and a spent budget as RATE_LIMITED when nothing stands in', async () => {
      const { upstream, newLoader } = await setup();
      upstream.state.failure = upstreamError('UPSTREAM_CIRCUIT_OPEN');
      expect((await inRequest(() => settle(newLoader().load('A')))).reports).toEqual([{ source: 'erp', status: 'SKIPPED' }]);
      upstream.state.failure = upstreamError('UPSTREAM_BUDGET_EXHAUSTED');
      expect((await inRequest(() => settle(newLoader().load('A')))).reports).toEqual([{ source: 'erp', status: 'RATE_LIMITED' }]);
    });

    it('falls back per key when the fetch fails only some keys', async () => {
      const { clock, upstream, newLoader } = await setup();
      await newLoader().loadMany(['A', 'B']);
      upstream.state.catalogue.set('B', 2);
      clock.now = T0 + 90_000;
      upstream.state.perKeyFailure.set('A', upstreamError());
      const { value, reports } = await inRequest(() => newLoader().loadMany(['A', 'B']));
      expect(value).toEqual([
        { sku: 'A', version: 1 },
        { sku: 'B', version: 2 },
      ]);
      expect(reports).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    });

    it('caches a "not found" for negativeSeconds, and never serves it stale', async () => {
      const { clock, upstream, newLoader } = await setup({ policy: { ...POLICY, negativeSeconds: 10 } });
      expect(await newLoader().load('NEW')).toBeNull();
      clock.now = T0 + 9_000;
      expect(await newLoader().load('NEW')).toBeNull();
      expect(upstream.fetch).toHaveBeenCalledTimes(1);
      clock.now = T0 + 11_000;
      upstream.state.failure = upstreamError();
      expect(await settle(newLoader().load('NEW'))).toBe(upstream.state.failure);
    });

    it('with freshSeconds 0 always asks the upstream, without reading the cache first, and still stands in', async () => {
      const { cache, clock, upstream, newLoader } = await setup({ policy: { freshSeconds: 0, maxStaleSeconds: 600 } });
      const getMany = vi.spyOn(cache, 'getMany');
      await newLoader().load('A');
      await newLoader().load('A');
      expect(upstream.fetch).toHaveBeenCalledTimes(2);
      expect(getMany).not.toHaveBeenCalled();
      clock.now = T0 + 30_000;
      upstream.state.failure = upstreamError();
      const { value, reports } = await inRequest(() => newLoader().load('A'));
      expect(value).toEqual({ sku: 'A', version: 1 });
      expect(reports).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
    });

    it('stores nothing with both ages at 0', async () => {
      const { cache, upstream, newLoader } = await setup({ policy: { freshSeconds: 0, maxStaleSeconds: 0 } });
      await newLoader().load('A');
      expect(await cache.get('product:A')).toBeUndefined();
      upstream.state.failure = upstreamError();
      expect(await settle(newLoader().load('A'))).toBe(upstream.state.failure);
    });

    it('store() puts a value read by other means in the cache and the memo; alsoStoreUnder adds keys', async () => {
      const { cache, upstream, newLoader } = await setup({ alsoStoreUnder: (p) => [`product-alias:${p.sku.toLowerCase()}`] });
      const loader = newLoader();
      await loader.store('B', { sku: 'B', version: 7 });
      expect(await loader.load('B')).toEqual({ sku: 'B', version: 7 });
      expect(await newLoader().load('B')).toEqual({ sku: 'B', version: 7 });
      expect(upstream.fetch).not.toHaveBeenCalled();
      expect(await cache.get('product-alias:b')).toEqual({ value: { sku: 'B', version: 7 }, fetchedAt: T0 });
    });

    it('invalidate() drops exactly the given entries: the next read of those keys goes upstream', async () => {
      const { cache, upstream, newLoader } = await setup();
      await newLoader().loadMany(['A', 'B']);
      await invalidate(cache, ['product:A', 'product:A']);
      await newLoader().loadMany(['A', 'B']);
      expect(upstream.fetch.mock.calls.map(([keys]) => keys)).toEqual([['A', 'B'], ['A']]);
    });

    it('reads a foreign or corrupt entry under its key as a miss', async () => {
      const { cache, upstream, newLoader } = await setup();
      await cache.set('product:A', { sku: 'A', version: 0 }, 60);
      expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 1 });
      expect(upstream.fetch).toHaveBeenCalledTimes(1);
    });

    it('joins a fetch of the same key already in flight for another request, within one priority class', async () => {
      const singleFlight = createSingleFlight();
      const { upstream, newLoader } = await setup({ singleFlight });
      let open!: () => void;
      upstream.state.gate = new Promise((resolve) => (open = resolve));
      const first = inRequest(() => newLoader().load('A'));
      const second = inRequest(() => newLoader().load('A'));
      const partner = inRequest(() => newLoader().load('A'), PARTNER);
      await vi.waitFor(() => expect(singleFlight.size).toBe(2));
      open();
      const results = await Promise.all([first, second, partner]);
      expect(results.map((r) => r.value)).toEqual([
        { sku: 'A', version: 1 },
        { sku: 'A', version: 1 },
        { sku: 'A', version: 1 },
      ]);
      // one call for the two interactive requests, one for the partner (never queued behind each other)
      expect(upstream.fetch).toHaveBeenCalledTimes(2);
      expect(results[1]?.reports).toEqual([{ source: 'erp', status: 'OK' }]);
      expect(singleFlight.size).toBe(0);
    });

    it('waits for a joined fetch no longer than its own deadline, then stands in', async () => {
      const singleFlight: SingleFlight = createSingleFlight();
      const { clock, upstream, newLoader } = await setup({ singleFlight, now: () => clock.now });
      await newLoader().load('A');
      clock.now = T0 + 90_000;
      let open!: () => void;
      upstream.state.gate = new Promise((resolve) => (open = resolve));
      const slow = inRequest(() => newLoader().load('A'));
      await vi.waitFor(() => expect(singleFlight.size).toBe(1));
      // the deadline is real time (the scope's), the ages are the fake clock's
      const hurried = await inRequest(() => newLoader().load('A'), IDENTITY, Date.now() + 50);
      expect(hurried.value).toEqual({ sku: 'A', version: 1 });
      expect(hurried.reports).toEqual([{ source: 'erp', status: 'STALE', asOf: new Date(T0).toISOString() }]);
      open();
      await slow;
      expect(upstream.fetch).toHaveBeenCalledTimes(2);
    });
  });
}

// ── memory
defineCachedLoaderSuite('memory', () => createMemoryCache());

describe('createCachedLoader with a cache that fails', () => {
  const down = async (): Promise<never> => {
    throw new Error('redis down');
  };
  const broken: Cache = { get: down, getMany: down, set: down, delete: down };

  it('treats every cache failure as a miss: the upstream answers, the failure is reported, nothing throws', async () => {
    const upstream = fakeUpstream();
    const onCacheError = vi.fn();
    const loader = createCachedLoader<string, Product>({
      name: 'productBySku',
      source: 'erp',
      cache: broken,
      policy: POLICY,
      cacheKey: (sku) => `product:${sku}`,
      fetch: upstream.fetch,
      onCacheError,
    });
    expect(await loader.loadMany(['A', 'MISSING'])).toEqual([{ sku: 'A', version: 1 }, null]);
    expect(onCacheError).toHaveBeenCalled();
    await loader.store('B', { sku: 'B', version: 1 });
  });

  it('gives the upstream error when neither the upstream nor the cache can answer', async () => {
    const upstream = fakeUpstream();
    upstream.state.failure = upstreamError();
    const loader = createCachedLoader<string, Product>({
      name: 'productBySku',
      source: 'erp',
      cache: broken,
      policy: POLICY,
      cacheKey: (sku) => `product:${sku}`,
      fetch: upstream.fetch,
    });
    expect(await settle(loader.load('A'))).toBe(upstream.state.failure);
  });

  it('refuses a fetch that does not return one result per key', async () => {
    const loader = createCachedLoader<string, Product>({
      name: 'productBySku',
      source: 'erp',
      cache: createMemoryCache(),
      policy: POLICY,
      cacheKey: (sku) => `product:${sku}`,
      fetch: async () => [],
    });
    expect(String(await settle(loader.load('A')))).toMatch(/0 results for 1 keys/);
  });
});

// ── the shared Redis (REDIS_URL): random key prefix, deleted after; never FLUSHALL
describe.skipIf(!sharedRedisUrl)('createCachedLoader against REDIS_URL', () => {
  const runPrefix = `omnigraph-test:${randomUUID()}:`;
  const redis = createClient({ url: sharedRedisUrl ?? 'redis://unused' });
  const onError = (error: unknown) => {
    throw error;
  };

  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  defineCachedLoaderSuite('redis', (keyPrefix) => createRedisCache({ redis, keyPrefix: runPrefix + keyPrefix, onError }));

  it('keeps an entry in Redis for maxStaleSeconds, as the envelope { value, fetchedAt }', async () => {
    const cache = createRedisCache({ redis, keyPrefix: `${runPrefix}ttl:`, onError });
    const loader = createCachedLoader<string, Product>({
      name: 'productBySku',
      source: 'erp',
      cache,
      policy: { freshSeconds: 60, maxStaleSeconds: 600 },
      cacheKey: (sku) => `product:${sku}`,
      fetch: fakeUpstream().fetch,
      now: () => T0,
    });
    await loader.load('A');
    const ttl = await redis.pTTL(`${runPrefix}ttl:product:A`);
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    expect(JSON.parse((await redis.get(`${runPrefix}ttl:product:A`)) ?? '')).toEqual({ value: { sku: 'A', version: 1 }, fetchedAt: T0 });
  });
});

// ── Redis dies under the loader: a private redis-server, never the shared one
describe.skipIf(!inCi && !isRedisServerAvailable())('createCachedLoader when Redis dies', () => {
  let server: DisposableRedisServer | undefined;
  let cache: ManagedCache | undefined;
  afterAll(async () => {
    await cache?.close();
    await server?.kill();
  });

  it('misses and goes to the upstream; with the upstream down as well, the key gets the upstream error', async () => {
    server = await startRedisServer();
    const errors: unknown[] = [];
    cache = await createCacheFromEnv({ redisUrl: server.url, keyPrefix: 'loader-outage:v1:', onError: (e) => errors.push(e) });
    const upstream = fakeUpstream();
    const newLoader = () =>
      createCachedLoader<string, Product>({
        name: 'productBySku',
        source: 'erp',
        cache: cache!,
        policy: POLICY,
        cacheKey: (sku) => `product:${sku}`,
        fetch: upstream.fetch,
      });
    await newLoader().load('A');
    expect(upstream.fetch).toHaveBeenCalledTimes(1);
    await newLoader().load('A');
    expect(upstream.fetch).toHaveBeenCalledTimes(1);

    await server.kill();
    expect(await newLoader().load('A')).toEqual({ sku: 'A', version: 1 });
    expect(upstream.fetch).toHaveBeenCalledTimes(2);
    expect(errors.length).toBeGreaterThan(0);
    upstream.state.failure = upstreamError();
    expect(await settle(newLoader().load('A'))).toBe(upstream.state.failure);
  });
});
