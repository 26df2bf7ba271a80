import type { ServiceName } from '../errors/upstream-error.ts';

/**
 * How one upstream system served a response:
 * - `OK`: answered now (or from a cache still inside its freshness window; `asOf` then says when it was read);
 * - `STALE`: failed or was skipped, and the answer holds its last good value from the cache, `asOf` old;
 * - `FAILED`: failed (timeout, 5xx, garbage, subgraph unreachable) and nothing could stand in; its fields are null;
 * - `SKIPPED`: not asked because its circuit breaker is open (it failed repeatedly a moment ago);
 * - `RATE_LIMITED`: not asked, or refused, because of its request budget (ours or its own 429).
 */
export const SOURCE_STATUSES = ['OK', 'STALE', 'FAILED', 'SKIPPED', 'RATE_LIMITED'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/**
 * What an error code says about the health of the system that raised it: the one mapping the upstream-call helper,
 * the cache layer and the gateway share. Undefined for codes that say nothing about it (NOT_FOUND, BAD_USER_INPUT,
 * INTERNAL_SERVER_ERROR …): each caller decides what those mean where it stands.
 */
export function sourceStatusOfErrorCode(code: unknown): SourceStatus | undefined {
  switch (code) {
    case 'UPSTREAM_CIRCUIT_OPEN':
      return 'SKIPPED';
    case 'UPSTREAM_RATE_LIMITED':
    case 'UPSTREAM_BUDGET_EXHAUSTED':
      return 'RATE_LIMITED';
    case 'UPSTREAM_TIMEOUT':
    case 'UPSTREAM_UNAVAILABLE':
    case 'UPSTREAM_BAD_RESPONSE':
    case 'UPSTREAM_REJECTED':
      return 'FAILED';
    default:
      return undefined;
  }
}

/** One upstream system's part in one response, as clients see it in `extensions.sources`. */
export interface SourceReport {
  /** the role of the system (`erp`, `eshop`, `crm`, `marketplace`): the same name as an error's `serviceName` */
  source: ServiceName;
  status: SourceStatus;
  /** ISO 8601 time the oldest data of this source in the answer was read from it; absent when all of it is live */
  asOf?: string;
}

/** Subgraph → gateway: the reports of one subgraph response, under this key of its `extensions`. */
export const SUBGRAPH_SOURCES_EXTENSION = 'omnigraphSources';
/** Beside the sources: the upstream HTTP requests the subgraph sent for this request (a count), for usage metering. */
export const SUBGRAPH_UPSTREAM_CALLS_EXTENSION = 'omnigraphUpstreamCalls';

/** The subgraph's reported upstream-call count, or 0 when absent or not a sane count. */
export function readUpstreamCalls(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}
/** Gateway → client: the merged reports of every system consulted, under this key of the response `extensions`. */
export const CLIENT_SOURCES_EXTENSION = 'sources';

// Worst first: a source that failed for one entity and answered for another is reported as failed (the answer is
// partial), and one that is only stale is still better than one rate limited away.
const SEVERITY: Readonly<Record<SourceStatus, number>> = { FAILED: 4, SKIPPED: 3, RATE_LIMITED: 2, STALE: 1, OK: 0 };

/**
 * One report per source: the worst status seen, and the oldest `asOf` (the answer is as old as its oldest part).
 * Sources in a stable order (by name), so responses compare byte for byte.
 */
export function mergeSourceReports(reports: Iterable<SourceReport>): SourceReport[] {
  const bySource = new Map<ServiceName, SourceReport>();
  for (const report of reports) {
    const seen = bySource.get(report.source);
    if (seen === undefined) {
      bySource.set(report.source, { ...report });
      continue;
    }
    if (SEVERITY[report.status] > SEVERITY[seen.status]) seen.status = report.status;
    if (report.asOf !== undefined && (seen.asOf === undefined || report.asOf < seen.asOf)) seen.asOf = report.asOf;
  }
  return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** Accepts only well-formed reports from a subgraph's extensions (it is our code, but a response is still input). */
export function readSourceReports(value: unknown): SourceReport[] {
  if (!Array.isArray(value)) return [];
  const reports: SourceReport[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const { source, status, asOf } = item as Record<string, unknown>;
    if (typeof source !== 'string' || !/^[a-z]{1,32}$/.test(source)) continue;
    if (typeof status !== 'string' || !(SOURCE_STATUSES as readonly string[]).includes(status)) continue;
    const report: SourceReport = { source: source as ServiceName, status: status as SourceStatus };
    if (typeof asOf === 'string' && !Number.isNaN(Date.parse(asOf))) report.asOf = new Date(asOf).toISOString();
    reports.push(report);
  }
  return reports;
}

/** Collects what the upstream calls of one request reported, for that request's response. */
export interface SourceRecorder {
  /** `asOf`: epoch ms or Date when the data served was read from the source (cache hits and stale values) */
  record(source: ServiceName, status: SourceStatus, asOf?: number | Date): void;
  reports(): SourceReport[];
}

export function createSourceRecorder(): SourceRecorder {
  const seen: SourceReport[] = [];
  return {
    record(source, status, asOf) {
      const report: SourceReport = { source, status };
      if (asOf !== undefined) report.asOf = new Date(asOf).toISOString();
      seen.push(report);
      // bounded: a request with thousands of entities must not keep thousands of identical reports
      if (seen.length > 64) seen.splice(0, seen.length, ...mergeSourceReports(seen));
    },
    reports: () => mergeSourceReports(seen),
  };
}
