import type { EffectiveLimits, RateLimitDecision, RateLimitPolicy, StoreOutcome } from './types.ts';

export const WINDOW_MS = 60_000;
export const DAY_MS = 86_400_000;
/**
 * The cost bucket keeps its debt in cost units (not a theoretical arrival time in epoch µs), so rounding is relative
 * to the budget, not to a 16-digit timestamp; this much slack lets costs that fill the budget exactly through.
 */
export const COST_EPSILON = 1e-9;

/** Policies come from key records and cost from an estimator: a bad value is a bug to surface, not to rate-limit. */
export function validate(policy: RateLimitPolicy, cost: number): void {
  const { requestsPerMinute, costPerMinute, quotaPerDay } = policy;
  if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 1) {
    throw new RangeError(`requestsPerMinute must be an integer ≥ 1, got ${requestsPerMinute}`);
  }
  if (costPerMinute !== undefined && !(Number.isFinite(costPerMinute) && costPerMinute > 0)) {
    throw new RangeError(`costPerMinute must be a finite number > 0, got ${costPerMinute}`);
  }
  if (quotaPerDay !== undefined && (!Number.isInteger(quotaPerDay) || quotaPerDay < 1)) {
    throw new RangeError(`quotaPerDay must be an integer ≥ 1, got ${quotaPerDay}`);
  }
  if (!(Number.isFinite(cost) && cost >= 0)) throw new RangeError(`cost must be a finite number ≥ 0, got ${cost}`);
}

/** Each replica's share of every limit: `ceil(limit / replicas)`, so a shared outage admits at most ~limit in total. */
export function shareOf(policy: RateLimitPolicy, replicas: number): EffectiveLimits {
  const share = (limit: number | undefined) => (limit === undefined ? 0 : Math.ceil(limit / replicas));
  return { requests: share(policy.requestsPerMinute), cost: share(policy.costPerMinute), quota: share(policy.quotaPerDay) };
}

const wholeSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function toDecision(outcome: StoreOutcome, policy: RateLimitPolicy, store: 'redis' | 'local'): RateLimitDecision {
  const limit = policy.requestsPerMinute;
  if (!outcome.allowed) {
    const retryAfterSeconds = wholeSeconds(outcome.retryAfterMs);
    return {
      allowed: false,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      limit,
      remaining: 0,
      resetSeconds: retryAfterSeconds,
      retryAfterSeconds,
      store,
    };
  }
  const remaining = Math.max(0, Math.min(outcome.requestsRemaining, outcome.quotaRemaining ?? Infinity));
  return { allowed: true, limit, remaining, resetSeconds: wholeSeconds(outcome.requestsResetMs), store };
}
