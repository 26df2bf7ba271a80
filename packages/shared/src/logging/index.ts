export type { LogContext, Logger, LoggerOptions } from './create-logger.ts';
export {
  createLogger,
  currentRequestId,
  flushLogs,
  LOG_FLUSH_INTERVAL_MS,
  REDACTED_KEYS,
  runWithLogContext,
  setDefaultLogDestination,
} from './create-logger.ts';
export { endpointTemplate } from './endpoint-template.ts';
export { EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER, scrubPersonalData, scrubValue } from './scrub-personal-data.ts';
export { logSubgraphRequest, type SubgraphRequestLogOptions } from './request-log.ts';
export { oncePerKey } from './once-per-key.ts';
