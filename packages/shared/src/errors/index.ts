export type { EdgeErrorCode, ErrorCode, ErrorCodeDefinition, ExecutionErrorCode } from './error-codes.ts';
export { ERROR_CODE_LIST, ERROR_CODES, isErrorCode } from './error-codes.ts';
export type { ErrorLogger, MaskErrorOptions, SubgraphErrorFormatterOptions } from './format-error.ts';
export { createSubgraphErrorFormatter, maskError, UNEXPECTED_ERROR_MESSAGE } from './format-error.ts';
export type { UpstreamCallContext } from './map-axios-error.ts';
export { mapAxiosErrorToUpstreamError, parseRetryAfterSeconds } from './map-axios-error.ts';
export type { ServiceName, UpstreamErrorCode, UpstreamErrorExtensions, UpstreamErrorOptions } from './upstream-error.ts';
export { isUpstreamError, SERVICE_NAMES, UpstreamError } from './upstream-error.ts';
export { badUserInput, notFound } from './client-errors.ts';
