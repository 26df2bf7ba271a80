export type { ConfigIssue, Env } from './parse-env.ts';
export { ConfigError, parseEnv, parseEnvOrExit } from './parse-env.ts';
