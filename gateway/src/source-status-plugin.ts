import type { ApolloServerPlugin } from '@apollo/server';
import { SERVICE_NAMES, type ServiceName } from '@omnigraph/shared/errors';
import { CLIENT_SOURCES_EXTENSION, mergeSourceReports, sourceStatusOfErrorCode, type SourceReport } from '@omnigraph/shared/sources';
import type { GatewayContext } from './http-handler.ts';

/**
 * Every response says which upstream systems its answer drew on and how each served it, under
 * `extensions.sources`: `[{ source: 'marketplace', status: 'FAILED' }, { source: 'erp', status: 'STALE', asOf }]`,
 * one entry per system, worst status and oldest `asOf` across the plan. Role names and statuses only: nothing a
 * partner may not see (no hosts, no operations, no personal data).
 *
 * A response that failed because an upstream's request budget was used up for this caller's priority class is an
 * HTTP 429 with `Retry-After`, so well-behaved clients back off instead of retrying at once.
 */
export function reportSourceStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const reports = mergeSourceReports([...(contextValue.sourceReports ?? []), ...reportsFromErrors(result.errors)]);
          if (reports.length > 0) result.extensions = { ...result.extensions, [CLIENT_SOURCES_EXTENSION]: reports };
          const retryAfter = budgetRetryAfterSeconds(result.errors);
          if (retryAfter !== undefined) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(retryAfter));
          }
        },
      };
    },
  };
}

/** The longest `retryAfterSeconds` of the UPSTREAM_BUDGET_EXHAUSTED errors (at least 1), or undefined when none. */
function budgetRetryAfterSeconds(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): number | undefined {
  let longest: number | undefined;
  for (const error of errors ?? []) {
    if (error.extensions?.['code'] !== 'UPSTREAM_BUDGET_EXHAUSTED') continue;
    const seconds = error.extensions['retryAfterSeconds'];
    const value = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
    longest = Math.max(longest ?? 0, value);
  }
  return longest;
}

/**
 * An upstream error that reached the response names its system even when no status was recorded for it (a subgraph
 * that failed before it could report, or an error raised outside the shared upstream-call helper), so the source
 * list never says less than the errors do.
 */
function reportsFromErrors(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): SourceReport[] {
  const reports: SourceReport[] = [];
  for (const error of errors ?? []) {
    const status = sourceStatusOfErrorCode(error.extensions?.['code']);
    const source = error.extensions?.['serviceName'];
    if (status !== undefined && (SERVICE_NAMES as readonly unknown[]).includes(source)) {
      reports.push({ source: source as ServiceName, status });
    }
  }
  return reports;
}
