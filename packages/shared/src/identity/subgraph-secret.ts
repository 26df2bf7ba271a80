import { z } from 'zod';
import type { ConfigIssue } from '../config/index.ts';

/** One variable name for the gateway and every subgraph: they share one secret. */
export const SUBGRAPH_SECRET_VARIABLE = 'OMNIGRAPH_SUBGRAPH_SECRET';
export const MIN_SUBGRAPH_SECRET_LENGTH = 32;

/**
 * Used only outside production so local runs and tests work without setup. Refused in production: anyone who reads
 * this file could otherwise sign any identity and call a subgraph directly.
 */
export const DEVELOPMENT_SUBGRAPH_SECRET = 'omnigraph-development-subgraph-secret-do-not-use-in-production';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * The variable's own rules: at least 32 characters whenever set (a short one would only fail later, in production),
 * the development secret when unset. The production rule is `subgraphSecretProductionIssues`.
 */
export const subgraphSecretSchema = z.preprocess(
  emptyAsUndefined,
  z.string().min(MIN_SUBGRAPH_SECRET_LENGTH, `must be at least ${MIN_SUBGRAPH_SECRET_LENGTH} characters`).default(DEVELOPMENT_SUBGRAPH_SECRET),
);

/** Everything a service reads for the secret; spread into its env schema and add `subgraphSecretCheck`. */
export const subgraphSecretEnvShape = {
  /** `production` makes OMNIGRAPH_SUBGRAPH_SECRET required */
  NODE_ENV: z.string().optional(),
  /** HMAC key of the identity header between the gateway and the subgraphs. @default the development secret, outside production */
  OMNIGRAPH_SUBGRAPH_SECRET: subgraphSecretSchema,
};

/**
 * Production needs a real secret. Takes the parsed value (the development secret there means "unset or set to the
 * published one", both refused).
 */
export function subgraphSecretProductionIssues(env: { NODE_ENV?: string | undefined; OMNIGRAPH_SUBGRAPH_SECRET?: unknown }): ConfigIssue[] {
  if (env.NODE_ENV !== 'production') return [];
  const secret = env.OMNIGRAPH_SUBGRAPH_SECRET;
  if (secret === undefined || secret === '' || secret === DEVELOPMENT_SUBGRAPH_SECRET) {
    return [{ path: SUBGRAPH_SECRET_VARIABLE, message: 'is required in production (and must not be the published development secret)' }];
  }
  return [];
}

/**
 * The production rule as a zod check for an env object schema: `z.object({ ...subgraphSecretEnvShape, … })
 * .check(subgraphSecretCheck)`. It runs even when other fields fail (`when`), so every problem is reported at once,
 * unlike a plain refinement, which zod skips after a field error.
 */
export const subgraphSecretCheck = z.superRefine<{ NODE_ENV?: string | undefined; OMNIGRAPH_SUBGRAPH_SECRET?: unknown }>(
  (env, ctx) => {
    for (const issue of subgraphSecretProductionIssues(env)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: env });
    }
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);
