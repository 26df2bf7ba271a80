/**
 * The pricing subgraph's configuration, read from the environment once at start (only `index.ts` passes
 * `process.env`). Every problem is reported at once.
 */
import { z } from 'zod';
import { parseEnv } from '@omnigraph/shared/config';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';

export const PricingConfigSchema = z
  .object({
    /** port the subgraph listens on. @default 4006 */
    PRICING_PORT: listenPortEnv(4006),
    /** PRICING_HOST, PRICING_METRICS_HOST, PRICING_METRICS_PORT, PRICING_SHUTDOWN_DELAY_MS, PRICING_SHUTDOWN_GRACE_MS */
    ...serviceEnvShape('PRICING', { metricsPort: DEFAULT_METRICS_PORTS.PRICING }),
    /** The subgraphs whose prices are compared (same names and defaults as the gateway's). */
    ERP_URL: z.url().default('http://127.0.0.1:4001/graphql'),
    ESHOP_URL: z.url().default('http://127.0.0.1:4002/graphql'),
    MARKETPLACE_URL: z.url().default('http://127.0.0.1:4004/graphql'),
    /** One call to a subgraph at most; within a client request the gateway's signed deadline bounds it. @default 10000 */
    PRICING_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * How long a computed drift report is reused (per process) before the catalogue is read again: a dashboard's
     * refresh costs no upstream call within it. 0 reads the catalogue for every report. @default 60
     */
    PRICING_REPORT_TTL_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck);

export type PricingConfig = z.infer<typeof PricingConfigSchema>;

/** Every env variable this subgraph reads, for checking the root `.env.example`. */
export const PRICING_CONFIG_KEYS = Object.keys(PricingConfigSchema.shape) as (keyof PricingConfig)[];

export function loadPricingConfig(env: NodeJS.ProcessEnv): PricingConfig {
  return parseEnv('pricing', PricingConfigSchema, env);
}
