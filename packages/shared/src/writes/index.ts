/**
 * Idempotent, resumable writes (ADR 0011): the idempotency store (Redis, or memory without REDIS_URL) and the runner
 * the commands subgraph executes its mutations with; the helpers its steps and resolvers share.
 */
export type * from './write-types.ts';
export { DEFAULT_IDEMPOTENCY_TTL_SECONDS, MIN_IDEMPOTENCY_TTL_SECONDS } from './write-types.ts';
export type { StepErrorKind } from './classify-step-error.ts';
export { classifyStepError } from './classify-step-error.ts';
export {
  errorCodeOf,
  idempotencyKeyInProgress,
  idempotencyKeyReused,
  toWriteError,
  writeErrorToGraphQLError,
  WritesUnavailableError,
} from './errors.ts';
export { canonicalJson, fingerprintOf, validateIdempotencyKey } from './fingerprint.ts';
export type { MemoryIdempotencyStoreOptions } from './store-memory.ts';
export { createMemoryIdempotencyStore } from './store-memory.ts';
export type { IdempotencyRedisClient, RedisIdempotencyStore, RedisIdempotencyStoreOptions } from './store-redis.ts';
export { createRedisIdempotencyStore } from './store-redis.ts';
export type { WriteRunnerOptions } from './runner.ts';
export { createWriteRunner } from './runner.ts';
export type { DuplicateReport } from './report-duplicate.ts';
export { reportDuplicate } from './report-duplicate.ts';
