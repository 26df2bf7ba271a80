export type { Logger, LoggerOptions } from './create-logger.ts';
export { createLogger, REDACT_PATHS } from './create-logger.ts';
