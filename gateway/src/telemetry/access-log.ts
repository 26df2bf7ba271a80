import type { Logger } from '@omnigraph/shared/logging';
import type { RequestObserver, RequestRecord } from '../request-record.ts';

/**
 * The gateway's access log: one JSON line per `/graphql` request, from its RequestRecord. Ids and counts only: the
 * key id and its owner (a partner, not a person), never the credential, the query text, its variables or the
 * caller's address. Refusals and failures are logged at the same level as successes, so a 403 or 429 can be traced
 * to the partner whose key it was.
 */
export function createAccessLog(logger: Pick<Logger, 'info'>): RequestObserver {
  return (record: RequestRecord) => {
    logger.info(accessLogFields(record), 'request');
  };
}

/** The fields of one access-log line, in a fixed order (a reader scans the same columns on every line). */
export function accessLogFields(record: RequestRecord): Record<string, unknown> {
  return {
    requestId: record.requestId,
    ...(record.traceId === undefined ? {} : { traceId: record.traceId }),
    ...(record.operationName === undefined ? {} : { operationName: record.operationName }),
    ...(record.keyId === undefined ? {} : { keyId: record.keyId }),
    ...(record.ownerId === undefined ? {} : { ownerId: record.ownerId }),
    ...(record.profile === undefined ? {} : { profile: record.profile }),
    status: record.status,
    outcome: record.outcome,
    durationMs: record.durationMs,
    cost: record.cost,
    upstreamCalls: record.upstreamCalls,
    errorCodes: record.errorCodes,
  };
}
