export type {
  Upstream,
  UpstreamBreakerOptions,
  UpstreamBreakerState,
  UpstreamBulkheadOptions,
  UpstreamCall,
  UpstreamEvent,
  UpstreamOptions,
  UpstreamPolicies,
  UpstreamProduct,
  UpstreamRetryOptions,
  UpstreamStats,
} from './create-upstream.ts';
export { BULK_BUDGET_WAIT_MS, createUpstream, INTERACTIVE_BUDGET_WAIT_MS, MIN_ATTEMPT_MS } from './create-upstream.ts';
export { readRateLimitHeaders } from './rate-limit-headers.ts';
export type { UpstreamPolicyEnvKey } from './upstream-policy-env.ts';
export { upstreamPoliciesFromEnv, upstreamPolicyEnvShape } from './upstream-policy-env.ts';
