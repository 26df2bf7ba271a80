import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits/operation-limits.ts';

/** Who is calling decides which edge limits apply; a key record or a token mapping names the profile. */
export type Profile = 'partner' | 'internal';

export interface ProfileSettings {
  limits: OperationLimits;
  /** cost points per minute when the key sets none */
  defaultCostPerMinute: number;
  /** requests in flight per key or token subject; more are refused with 429 CONCURRENCY_LIMIT_EXCEEDED */
  maxConcurrent: number;
}

/**
 * Partners get the safe defaults (introspection off, no batching, tight shape limits). Internal clients (call-center
 * UI, in-store tablet, our own tools) may introspect and send larger operations; batching stays off for them too
 * unless the operator turns it on (`GATEWAY_ALLOW_BATCHING`), because one array body multiplies every other limit.
 */
export function buildProfiles(options: {
  allowBatchingForInternal: boolean;
  partnerCostPerMinute: number;
  internalCostPerMinute: number;
  /** @default 20 */
  partnerMaxConcurrent?: number;
  /** @default 100 */
  internalMaxConcurrent?: number;
}): Record<Profile, ProfileSettings> {
  return {
    partner: {
      limits: DEFAULT_OPERATION_LIMITS,
      defaultCostPerMinute: options.partnerCostPerMinute,
      maxConcurrent: options.partnerMaxConcurrent ?? 10,
    },
    internal: {
      limits: Object.freeze({
        ...DEFAULT_OPERATION_LIMITS,
        // one above the standard introspection query (15: GraphiQL, getIntrospectionQuery with every option), which
        // internal tools send; deeper introspection and deeper data stay refused (gateway/src/limits/README.md)
        maxDepth: 16,
        maxAliases: 100,
        maxRootFields: 20,
        // a call-center screen may save a note and an order together; each still runs as its own idempotent write
        maxMutationRootFields: 5,
        maxFields: 3_000,
        maxCost: 5_000_000,
        allowIntrospection: true,
        allowBatching: options.allowBatchingForInternal,
      }),
      defaultCostPerMinute: options.internalCostPerMinute,
      maxConcurrent: options.internalMaxConcurrent ?? 100,
    },
  };
}
