/**
 * The commands subgraph's configuration, read from the environment once at start (only `index.ts` passes
 * `process.env`). Every problem is reported at once.
 */
import { z } from 'zod';
import { parseEnv } from '@omnigraph/shared/config';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { DEFAULT_IDEMPOTENCY_TTL_SECONDS, MIN_IDEMPOTENCY_TTL_SECONDS } from '@omnigraph/shared/writes';

const HOUR_SECONDS = 3_600;

export const CommandsConfigSchema = z
  .object({
    /** port the subgraph listens on. @default 4005 */
    COMMANDS_PORT: listenPortEnv(4005),
    /** COMMANDS_HOST, COMMANDS_METRICS_HOST, COMMANDS_METRICS_PORT, COMMANDS_SHUTDOWN_DELAY_MS, COMMANDS_SHUTDOWN_GRACE_MS */
    ...serviceEnvShape('COMMANDS', { metricsPort: DEFAULT_METRICS_PORTS.COMMANDS }),
    /** The subgraphs the orchestrator reads from and writes through (same names and defaults as the gateway's). */
    ERP_URL: z.url().default('http://127.0.0.1:4001/graphql'),
    ESHOP_URL: z.url().default('http://127.0.0.1:4002/graphql'),
    CRM_URL: z.url().default('http://127.0.0.1:4003/graphql'),
    MARKETPLACE_URL: z.url().default('http://127.0.0.1:4004/graphql'),
    /**
     * How long a write's record (and so its idempotency key) is kept, in hours. At least 24: a client retrying the
     * next morning must still get the first answer, never a second write (Stripe keeps keys 24 h). @default 48
     */
    COMMANDS_IDEMPOTENCY_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(MIN_IDEMPOTENCY_TTL_SECONDS / HOUR_SECONDS)
      .max(24 * 30)
      .default(DEFAULT_IDEMPOTENCY_TTL_SECONDS / HOUR_SECONDS),
    /**
     * How long a process owns a running write before another replica may take it over (renewed at every step). Above
     * the longest step, so a live owner is never fenced out. @default 15000
     */
    COMMANDS_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
    /** How long a second request with the same key waits for the first before IDEMPOTENCY_KEY_IN_PROGRESS. @default 8000 */
    COMMANDS_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(8_000),
    /**
     * Longest wait for one idempotency-store (Redis) command before writes are refused with WRITES_UNAVAILABLE until a
     * probe succeeds: short enough that a stalled Redis refuses writes quickly, long enough that a busy one does not.
     */
    COMMANDS_REDIS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
    /** Pause between recovery passes (PENDING writes whose answer was lost, or whose process died). @default 1000 */
    COMMANDS_RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(1_000),
    /** Days after delivery (completedAt, else placedAt) a return is accepted. @default 30 */
    COMMANDS_RETURN_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * One call to a subgraph (a read or a step) when no client deadline bounds it: the recovery path. Within a client
     * request the gateway's signed deadline bounds every call. @default 10000
     */
    COMMANDS_STEP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * The idempotency store. Set: Redis, shared by every replica, and writes are refused with WRITES_UNAVAILABLE
     * while it cannot be reached (never a fallback to memory). Unset: memory, for a single local process only.
     * Production needs Redis with AOF persistence for this keyspace (ADR 0011).
     */
    REDIS_URL: z.url().optional(),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck);

export type CommandsConfig = z.infer<typeof CommandsConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const COMMANDS_CONFIG_KEYS = Object.keys(CommandsConfigSchema.shape) as (keyof CommandsConfig)[];

export function loadCommandsConfig(env: NodeJS.ProcessEnv): CommandsConfig {
  return parseEnv('commands', CommandsConfigSchema, env);
}
