export type { ConfigIssue, Env } from './parse-env.ts';
export { ConfigError, configIssuesOf, parseEnv } from './parse-env.ts';
