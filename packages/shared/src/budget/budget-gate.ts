import type { RequestPriority } from '../sources/request-scope.ts';

/**
 * The contract between the shared upstream-call helper (`@omnigraph/shared/upstream`) and the upstream budget
 * governor: before each upstream call the helper asks for one unit of every bucket the call spends (e.g. a HubSpot
 * search spends `hubspot:search` and `hubspot:all`); after each answer it reports what the upstream said about its
 * own limits. Buckets are named `<product>:<limit>` because the limits are the product's (per portal, per client id),
 * shared by every replica and every subgraph that calls that product.
 */
export interface UpstreamBudgetGate {
  /**
   * Takes one unit of every bucket, all or none, waiting up to `maxWaitMs` (the caller passes what its deadline and
   * its priority allow; the gate may cap it further per priority). Interactive callers may use the whole budget; bulk
   * callers only their share of it. A refusal comes at once when the wait could not end within `maxWaitMs`.
   * Buckets the gate has no limit for are not limited (a product whose budget is off). The buckets of one call
   * belong to one product. Rejects only with `signal.reason` when the signal aborts, or with a RangeError for a
   * malformed bucket name; never because Redis is down or slow.
   */
  acquire(request: BudgetRequest): Promise<BudgetDecision>;
  /**
   * What the upstream said: a 429's `Retry-After` (`blockedForMs`), or rate-limit headers such as
   * `X-HubSpot-RateLimit-Remaining` with `-Interval-Milliseconds`. Applies to this replica at once and to every
   * replica as soon as Redis has it; fire and forget.
   */
  observe(bucket: string, signal: UpstreamLimitSignal): void;
  /** Answers every waiting caller with a refusal and closes the Redis connection. */
  close(): Promise<void>;
}

export interface BudgetRequest {
  buckets: readonly string[];
  priority: RequestPriority;
  maxWaitMs: number;
  signal?: AbortSignal;
}

export type BudgetDecision = { granted: true } | { granted: false; /** when a unit may be free again */ retryAfterMs: number };

export interface UpstreamLimitSignal {
  /** the upstream refused (429) and asked us to wait this long */
  blockedForMs?: number;
  /** requests left in the upstream's current window, from its headers; only ever tightens the configured limit */
  remaining?: number;
  /** length of that window (how long the `remaining` reading holds); the bucket's own window when absent */
  windowMs?: number;
}
