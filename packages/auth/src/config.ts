import { z } from 'zod';
import { ConfigError, configIssuesOf } from '@omnigraph/shared/config';
import type { ConfigIssue, Env } from '@omnigraph/shared/config';
import { DEVELOPMENT_PEPPER, pepperProductionIssues, pepperSchema } from './hash-api-key.ts';

export const DEFAULT_KEY_STORE_FILE = './.omnigraph-keys.json';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const authEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  OMNIGRAPH_API_KEY_PEPPER: z.preprocess(emptyAsUndefined, pepperSchema),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  OMNIGRAPH_AUTH_REDIS_PREFIX: z.preprocess(emptyAsUndefined, z.string().min(1).default('auth:v1:')),
  OMNIGRAPH_KEY_STORE_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).default(DEFAULT_KEY_STORE_FILE)),
  /** Environment part of keys created here (`omg_live_…` / `omg_test_…`). */
  OMNIGRAPH_API_KEY_ENV: z.preprocess(emptyAsUndefined, z.enum(['live', 'test']).default('live')),
});

export interface AuthConfig {
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  keyStoreFile: string;
  keyEnv: 'live' | 'test';
  pepper: string;
}

/** Every auth config problem, field rules and the production pepper rule together, names only, never values. */
export function authConfigIssues(env: Env): { issues: ConfigIssue[]; config?: AuthConfig } {
  const result = authEnvSchema.safeParse(env);
  const issues: ConfigIssue[] = result.success ? [] : configIssuesOf(result.error);
  issues.push(...pepperProductionIssues(env));
  if (!result.success || issues.length > 0) return { issues };
  const parsed = result.data;
  return {
    issues,
    config: {
      redisUrl: parsed.REDIS_URL,
      redisKeyPrefix: parsed.OMNIGRAPH_AUTH_REDIS_PREFIX,
      keyStoreFile: parsed.OMNIGRAPH_KEY_STORE_FILE,
      keyEnv: parsed.OMNIGRAPH_API_KEY_ENV,
      pepper: parsed.OMNIGRAPH_API_KEY_PEPPER ?? DEVELOPMENT_PEPPER,
    },
  };
}

/** Throws ConfigError listing all problems at once. */
export function parseAuthConfig(env: Env): AuthConfig {
  const { issues, config } = authConfigIssues(env);
  if (config === undefined) throw new ConfigError('auth', issues);
  return config;
}
