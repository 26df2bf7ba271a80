export type { SourceRecorder, SourceReport, SourceStatus } from './source-status.ts';
export {
  CLIENT_SOURCES_EXTENSION,
  createSourceRecorder,
  mergeSourceReports,
  readSourceReports,
  SOURCE_STATUSES,
  sourceStatusOfErrorCode,
  SUBGRAPH_SOURCES_EXTENSION,
} from './source-status.ts';
export type { RequestPriority, RequestScope } from './request-scope.ts';
export { createRequestScope, currentRequestScope, priorityOf, remainingMs, runInRequestScope } from './request-scope.ts';
export { sourcesExtensionPlugin, SUBGRAPH_UPSTREAM_CALLS_EXTENSION } from './sources-plugin.ts';
