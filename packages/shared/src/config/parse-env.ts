import type { z } from 'zod';

export interface ConfigIssue {
  /** The env variable (or nested path) at fault; `(root)` when the whole object failed. */
  path: string;
  message: string;
}

/** Invalid configuration of one deployable; `issues` lists every problem, not only the first. */
export class ConfigError extends Error {
  readonly service: string;
  readonly issues: readonly ConfigIssue[];

  constructor(service: string, issues: readonly ConfigIssue[]) {
    super(`Invalid configuration for ${service}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.service = service;
    this.issues = issues;
    this.name = 'ConfigError';
  }
}

/**
 * zod's issues as ConfigIssues: the path and zod's message only, never the received value (the variable might be a
 * secret pasted into the wrong name). `root` names an issue about the whole object.
 */
export function configIssuesOf(error: z.ZodError, root = '(root)'): ConfigIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || root, message: issue.message }));
}

/** The env shape: `process.env` in `index.ts`, a literal object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates env with a zod schema. Reports every issue at once, so a broken deployment is fixed in one round trip,
 * not one variable per restart. Issues carry the path and zod's message only, never the received value: the
 * variable might be a secret pasted into the wrong name.
 */
export function parseEnv<S extends z.ZodType>(service: string, schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(service, configIssuesOf(result.error));
}
