import { z } from 'zod';
import type { UpstreamPolicies } from './create-upstream.ts';

/** The policy knobs every subgraph reads for its upstream, named `<ROLE>_…` (`ERP_MAX_RETRIES`). */
export type UpstreamPolicyEnvKey<R extends string> =
  `${R}_MAX_RETRIES` | `${R}_BREAKER_FAILURES` | `${R}_BREAKER_HALF_OPEN_MS` | `${R}_MAX_CONCURRENT_CALLS`;

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The zod shape of a subgraph's upstream-policy variables, spread into its `config.ts` schema like
 * `subgraphSecretEnvShape`, so the four subgraphs name and bound them the same way. Defaults (and their reasons) are
 * those of `createUpstream`:
 * - `<ROLE>_MAX_RETRIES`: retries of an idempotent read after the first attempt. @default 2
 * - `<ROLE>_BREAKER_FAILURES`: consecutive failed attempts that open the breaker. @default 5
 * - `<ROLE>_BREAKER_HALF_OPEN_MS`: while open, one probe call per this many ms. @default 5000
 * - `<ROLE>_MAX_CONCURRENT_CALLS`: calls in flight to the upstream per process (bulkhead). @default 16
 */
export function upstreamPolicyEnvShape<R extends string>(role: R) {
  return {
    [`${role}_MAX_RETRIES`]: count(0, 5, 2),
    [`${role}_BREAKER_FAILURES`]: count(1, 1_000, 5),
    [`${role}_BREAKER_HALF_OPEN_MS`]: count(100, 600_000, 5_000),
    [`${role}_MAX_CONCURRENT_CALLS`]: count(1, 1_000, 16),
  } as Record<UpstreamPolicyEnvKey<R>, ReturnType<typeof count>>;
}

/** The policies for `createUpstream` from a parsed config. */
export function upstreamPoliciesFromEnv<R extends string>(role: R, config: Record<UpstreamPolicyEnvKey<R>, number>): UpstreamPolicies {
  return {
    retry: { maxRetries: config[`${role}_MAX_RETRIES`] },
    breaker: { consecutiveFailures: config[`${role}_BREAKER_FAILURES`], halfOpenAfterMs: config[`${role}_BREAKER_HALF_OPEN_MS`] },
    bulkhead: { maxConcurrent: config[`${role}_MAX_CONCURRENT_CALLS`] },
  };
}
