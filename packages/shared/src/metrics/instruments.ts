import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.ts';

/*
 * Every instrument of the project, defined once (a second definition of a name would throw at import). Names follow
 * Prometheus conventions: `omnigraph_` namespace, base units in the name (`_seconds`), `_total` for counters. Every
 * label set is bounded: services, subgraphs, systems, outcomes and error codes are closed lists of the code base;
 * operation names and key ids are capped by the gateway (see gateway/src/metrics/request-metrics.ts); upstream
 * endpoints are our adapter method names (a fixed list in code), never URL paths, which can carry e-mails.
 */

const registers = [metricsRegistry];
/** Seconds; from a cached hit (sub-millisecond) to the partner deadline (tens of seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

// ---- gateway ----

/** One per client request, when its response is over. `code`: the first error code sent, `none` without errors. */
export const gatewayRequests = new Counter({
  name: 'omnigraph_gateway_requests_total',
  help: 'Client requests answered by the gateway, by operation, outcome (ok, partial, error, refused), first error code and API key id',
  labelNames: ['service', 'operation', 'outcome', 'code', 'key_id'] as const,
  registers,
});

/** Each distinct error code of a response once: a partial answer with two failing sources counts both. */
export const gatewayResponseErrors = new Counter({
  name: 'omnigraph_gateway_response_errors_total',
  help: 'Error codes sent to clients (each distinct code once per response)',
  labelNames: ['service', 'code'] as const,
  registers,
});

export const gatewayRequestDuration = new Histogram({
  name: 'omnigraph_gateway_request_duration_seconds',
  help: 'Time from the request reaching the gateway to its response being written, by operation and outcome',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

export const gatewayEdgeDecisions = new Counter({
  name: 'omnigraph_gateway_edge_decisions_total',
  help: 'What the edge decided per request: admitted, or refused with the refusal code as reason',
  labelNames: ['service', 'decision', 'reason'] as const,
  registers,
});

export const gatewayRateLimitDecisions = new Counter({
  name: 'omnigraph_gateway_rate_limit_decisions_total',
  help: 'Rate-limit and quota decisions: allowed, or refused with the reason (RATE_LIMITED, COST_LIMIT_EXCEEDED, QUOTA_EXCEEDED)',
  labelNames: ['service', 'decision', 'reason'] as const,
  registers,
});

export const gatewaySubgraphFetches = new Counter({
  name: 'omnigraph_gateway_subgraph_fetches_total',
  help: 'Fetches from the gateway to a subgraph, by outcome (ok, error: the subgraph answered with errors, failed: no usable answer)',
  labelNames: ['service', 'subgraph', 'outcome'] as const,
  registers,
});

export const gatewaySubgraphFetchDuration = new Histogram({
  name: 'omnigraph_gateway_subgraph_fetch_duration_seconds',
  help: 'Duration of one fetch from the gateway to a subgraph',
  labelNames: ['service', 'subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

export const keyCost = new Counter({
  name: 'omnigraph_gateway_key_cost_total',
  help: 'Query cost points charged per API key (partner usage metering)',
  labelNames: ['service', 'key_id'] as const,
  registers,
});

export const keyUpstreamCalls = new Counter({
  name: 'omnigraph_gateway_key_upstream_calls_total',
  help: 'Upstream HTTP calls the subgraphs made on behalf of each API key (partner usage metering)',
  labelNames: ['service', 'key_id'] as const,
  registers,
});

export const usageFlushes = new Counter({
  name: 'omnigraph_gateway_usage_flushes_total',
  help: 'Writes of buffered partner usage to the key store, by outcome (ok, failed)',
  labelNames: ['service', 'outcome'] as const,
  registers,
});

/** hit, miss (an eligible request not in the cache), store, evict (LRU by bytes or expiry), invalidate (a change event) */
export const gatewayResponseCacheEvents = new Counter({
  name: 'omnigraph_gateway_response_cache_events_total',
  help: 'Response cache of non-personal queries: hit, miss, store, evict, invalidate (entries dropped by change events)',
  labelNames: ['service', 'event'] as const,
  registers,
});

export const gatewayResponseCacheBytes = new Gauge({
  name: 'omnigraph_gateway_response_cache_bytes',
  help: 'Bytes held by the gateway response cache (never above GATEWAY_RESPONSE_CACHE_MAX_BYTES)',
  labelNames: ['service'] as const,
  registers,
});

// ---- subgraphs: upstream systems ----

/** One per HTTP request sent (retries included): what the upstream's own counters see. */
export const upstreamRequests = new Counter({
  name: 'omnigraph_upstream_requests_total',
  help: 'HTTP requests sent to an upstream system, by endpoint class (adapter method) and HTTP status (or timeout, network)',
  labelNames: ['service', 'system', 'endpoint', 'status'] as const,
  registers,
});

export const upstreamRequestDuration = new Histogram({
  name: 'omnigraph_upstream_request_duration_seconds',
  help: 'Duration of one HTTP request to an upstream system, by endpoint class',
  labelNames: ['service', 'system', 'endpoint'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

/** One per call of the upstream helper (after retries): ok, or the error code it ended in. */
export const upstreamCalls = new Counter({
  name: 'omnigraph_upstream_calls_total',
  help: 'Calls through the upstream helper (one call may send several HTTP requests), by result: ok or the error code',
  labelNames: ['service', 'system', 'result'] as const,
  registers,
});

export const upstreamRetries = new Counter({
  name: 'omnigraph_upstream_retries_total',
  help: 'Retries of idempotent upstream calls',
  labelNames: ['service', 'system'] as const,
  registers,
});

export const upstreamBreakerState = new Gauge({
  name: 'omnigraph_upstream_breaker_state',
  help: 'Circuit breaker per upstream: 0 closed, 1 half-open, 2 open',
  labelNames: ['service', 'system'] as const,
  registers,
});

export const upstreamBreakerOpened = new Counter({
  name: 'omnigraph_upstream_breaker_opened_total',
  help: 'Times the circuit breaker of an upstream opened',
  labelNames: ['service', 'system'] as const,
  registers,
});

export const upstreamBudgetWait = new Histogram({
  name: 'omnigraph_upstream_budget_wait_seconds',
  help: 'Time an upstream call waited for the shared request budget (governor), by priority and decision (granted, refused)',
  labelNames: ['service', 'system', 'priority', 'decision'] as const,
  buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2],
  registers,
});

// ---- subgraphs: caches ----

export const cacheLookups = new Counter({
  name: 'omnigraph_cache_lookups_total',
  help: 'Cached-loader lookups per key: hit (served fresh from the cache) or miss (asked the upstream)',
  labelNames: ['service', 'loader', 'result'] as const,
  registers,
});

export const cacheStaleServed = new Counter({
  name: 'omnigraph_cache_stale_served_total',
  help: 'Values served stale because their upstream failed (stale-if-error)',
  labelNames: ['service', 'loader'] as const,
  registers,
});

export const cacheStaleAge = new Histogram({
  name: 'omnigraph_cache_stale_age_seconds',
  help: 'Age of the values served stale',
  labelNames: ['service', 'loader'] as const,
  buckets: [1, 10, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
  registers,
});

// ---- commands: writes (ADR 0011) ----

/**
 * One per write request (and per recovery run) when it ends. `operation`: the mutation (a fixed list in code);
 * `outcome`: succeeded, failed, pending, replayed, refused (prepare refused it, or its upstream was not asked: the key
 * is free again), in_progress, reused, unavailable.
 */
export const writeOutcomes = new Counter({
  name: 'omnigraph_writes_total',
  help: 'Idempotent writes by mutation and outcome (succeeded, failed, pending, replayed, refused, in_progress, reused, unavailable)',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers,
});

/** Should stay 0: a step found more than one upstream document tagged with its idempotency key. */
export const writeDuplicatesDetected = new Counter({
  name: 'omnigraph_writes_duplicates_detected_total',
  help: 'Write steps that found more than one upstream document tagged with their idempotency key (should stay 0)',
  labelNames: ['service', 'step'] as const,
  registers,
});

export const writeUnknownResolution = new Histogram({
  name: 'omnigraph_write_unknown_resolution_seconds',
  help: 'Time from the first unknown outcome of a write (an upstream answer lost) to the write succeeding',
  labelNames: ['service', 'operation'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
  registers,
});

// ---- every HTTP service ----

/** What a drain waits for, and a saturation signal to scale on (requests received and not yet answered). */
export const httpRequestsInFlight = new Gauge({
  name: 'omnigraph_http_requests_in_flight',
  help: 'Requests received by the service and not yet answered',
  labelNames: ['service'] as const,
  registers,
});
