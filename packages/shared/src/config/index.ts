export type { ConfigIssue, Env } from './parse-env.ts';
export { ConfigError, configIssuesOf, parseEnv, parseEnvOrExit } from './parse-env.ts';
