export type { SourceRecorder, SourceReport, SourceStatus } from './source-status.ts';
export {
  CLIENT_SOURCES_EXTENSION,
  createSourceRecorder,
  mergeSourceReports,
  readSourceReports,
  readUpstreamCalls,
  SOURCE_STATUSES,
  sourceStatusOfErrorCode,
  SUBGRAPH_SOURCES_EXTENSION,
  SUBGRAPH_UPSTREAM_CALLS_EXTENSION,
} from './source-status.ts';
export type { RequestPriority, RequestScope } from './request-scope.ts';
export { createRequestScope, currentRequestScope, priorityOf, remainingMs, runInRequestScope } from './request-scope.ts';
export { sourcesExtensionPlugin } from './sources-plugin.ts';
