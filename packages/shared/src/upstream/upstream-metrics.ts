import type { Counter, Histogram } from 'prom-client';
import {
  upstreamBreakerOpened,
  upstreamBreakerState,
  upstreamBudgetWait,
  upstreamCalls,
  upstreamRequestDuration,
  upstreamRequests,
  upstreamRetries,
} from '../metrics/instruments.ts';
import type { RequestPriority } from '../sources/request-scope.ts';

const BREAKER_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

/** An adapter method's name; anything else (a path or an id slipped into `operation`) is `other`, never a label. */
const ENDPOINT = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Adapters have a few dozen methods; past this many distinct endpoints something is building names at run time. */
const MAX_ENDPOINTS = 100;

function endpointLabel(endpoint: string, known: ReadonlyMap<string, unknown>): string {
  if (known.has(endpoint)) return endpoint;
  return ENDPOINT.test(endpoint) && known.size < MAX_ENDPOINTS ? endpoint : 'other';
}

/**
 * The upstream helper's instruments, bound to one service and system at creation so a call only looks up its
 * endpoint/status child (kept in a map: the endpoints are our adapter methods, the statuses HTTP's).
 */
export function createUpstreamMetrics(service: string, system: string) {
  const labels = { service, system };
  const retries = upstreamRetries.labels(labels);
  const breakerState = upstreamBreakerState.labels(labels);
  const breakerOpened = upstreamBreakerOpened.labels(labels);
  breakerState.set(0);
  const requestChildren = new Map<string, ReturnType<Counter<string>['labels']>>();
  const durationChildren = new Map<string, ReturnType<Histogram<string>['labels']>>();
  const resultChildren = new Map<string, ReturnType<Counter<string>['labels']>>();

  return {
    /** One HTTP request sent and over: `status` is the HTTP status, or `timeout` / `network` without an answer. */
    request(rawEndpoint: string, status: string, seconds: number): void {
      const endpoint = endpointLabel(rawEndpoint, durationChildren);
      const key = `${endpoint}\u0000${status}`;
      let counter = requestChildren.get(key);
      if (counter === undefined) requestChildren.set(key, (counter = upstreamRequests.labels({ ...labels, endpoint, status })));
      counter.inc();
      let histogram = durationChildren.get(endpoint);
      if (histogram === undefined) durationChildren.set(endpoint, (histogram = upstreamRequestDuration.labels({ ...labels, endpoint })));
      histogram.observe(seconds);
    },
    call(result: string): void {
      let counter = resultChildren.get(result);
      if (counter === undefined) resultChildren.set(result, (counter = upstreamCalls.labels({ ...labels, result })));
      counter.inc();
    },
    retry: () => retries.inc(),
    breaker(state: keyof typeof BREAKER_VALUE): void {
      breakerState.set(BREAKER_VALUE[state]);
      if (state === 'open') breakerOpened.inc();
    },
    budget(priority: RequestPriority, decision: 'granted' | 'refused', seconds: number): void {
      upstreamBudgetWait.observe({ ...labels, priority, decision }, seconds);
    },
  };
}
