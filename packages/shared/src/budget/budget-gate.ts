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
   * its priority allow). Interactive callers may use the whole budget; bulk callers only their share of it.
   */
  acquire(request: BudgetRequest): Promise<BudgetDecision>;
  /** What the upstream said: a 429's `Retry-After`, or rate-limit headers such as `X-HubSpot-RateLimit-Remaining`. */
  observe(bucket: string, signal: UpstreamLimitSignal): void;
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
  /** requests left in the upstream's current window, from its headers */
  remaining?: number;
  /** length of that window */
  windowMs?: number;
}
