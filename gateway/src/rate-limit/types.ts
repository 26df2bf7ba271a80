import type { Logger } from '@omnigraph/shared/logging';

/** Limits for one subject. Every window is per subject; `w=60` for requests and cost, one UTC day for the quota. */
export interface RateLimitPolicy {
  /** Admitted requests in any 60 s window (sliding-window log: exact at window boundaries). Integer ≥ 1. */
  requestsPerMinute: number;
  /** Budget of estimated query cost per minute (GCRA; a full budget may be spent at once). > 0; absent = unlimited. */
  costPerMinute?: number;
  /** Admitted requests per UTC day. Integer ≥ 1; absent = unlimited. */
  quotaPerDay?: number;
}

export type RateLimitReason = 'RATE_LIMITED' | 'COST_LIMIT_EXCEEDED' | 'QUOTA_EXCEEDED';

export interface RateLimitDecision {
  allowed: boolean;
  /** Set when refused; the first refusing check in the order quota, requests, cost. */
  reason?: RateLimitReason;
  /** The policy's `requestsPerMinute` (also while the local fallback enforces only a share of it). */
  limit: number;
  /** Requests still admissible now (the smaller of the minute window and the daily quota); 0 when refused. */
  remaining: number;
  /** Whole seconds (≥ 1) until `remaining` grows again; equals `retryAfterSeconds` when refused. */
  resetSeconds: number;
  /** Whole seconds (≥ 1) after which every refusing check would pass for the same cost; only when refused. */
  retryAfterSeconds?: number;
  /** Which store decided: `local` is the per-replica fallback while Redis is unreachable (or not configured). */
  store: 'redis' | 'local';
}

export interface RateLimiter {
  /**
   * Admits or refuses one request of `subject` costing `cost` (estimated query cost, ≥ 0). A refusal consumes
   * nothing. Never rejects because Redis is down or slow; rejects (RangeError) only for an invalid policy or cost.
   */
  consume(subject: string, policy: RateLimitPolicy, cost: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** `redis://…`; absent ⇒ local store only, as a single replica (share = whole limit). */
  redisUrl?: string | undefined;
  /** Prepended to every key. @default 'ratelimit:v1:' */
  keyPrefix?: string;
  /** Gateway replicas sharing the Redis; while it is unreachable each enforces `ceil(limit / replicas)`. @default 1 */
  replicas?: number;
  /** Longest wait for one Redis call before this request falls back to the local store. @default 100 */
  timeoutMs?: number;
  /** Receives one `warn` when an outage starts and one `info` when Redis is used again. */
  logger?: Pick<Logger, 'warn' | 'info'> | undefined;
  /** Clock of the local store, in ms since the epoch (tests). Redis decisions always use Redis `TIME`. */
  now?: () => number;
  /** While Redis is considered down, how often a PING checks whether it is back. @default 1000 */
  probeIntervalMs?: number;
  /** How long `createRateLimiter` waits for the first connection before starting on the local store. @default 1000 */
  connectWaitMs?: number;
}

/** What one store computed; turned into a RateLimitDecision by `toDecision`. Times in ms. */
export interface StoreOutcome {
  allowed: boolean;
  reason?: RateLimitReason;
  /** When refused: the longest wait among the refusing checks. */
  retryAfterMs: number;
  /** After this decision. */
  requestsRemaining: number;
  /** Until the oldest logged request leaves the window (a slot frees up). */
  requestsResetMs: number;
  /** After this decision; undefined without a daily quota. */
  quotaRemaining?: number;
}

/** A policy reduced to numbers both stores take: 0 = that check is off. */
export interface EffectiveLimits {
  requests: number;
  cost: number;
  quota: number;
}
