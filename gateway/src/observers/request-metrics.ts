import { ERROR_CODE_LIST } from '@omnigraph/shared/errors';
import {
  createLabelBound,
  gatewayEdgeDecisions,
  gatewayRequestDuration,
  gatewayRequests,
  gatewayResponseErrors,
  isGraphQLName,
  keyCost,
  keyUpstreamCalls,
} from '@omnigraph/shared/metrics';
import type { RequestObserver } from '../request-record.ts';

export interface RequestMetricsOptions {
  /** the registered operations' names: always their own label value */
  registeredOperations: Iterable<string>;
  /**
   * Other operation names (a client's own `query Foo`) get their own label value up to this many per process, then
   * `other`: a client choosing a new name per request cannot create series without end. @default 50
   */
  maxAdHocOperations?: number;
  /**
   * API key ids labelled per process; beyond this many, `other`. Only authenticated keys get here (an unknown key is
   * refused before it has an id), so the bound is the number of live keys one replica serves. @default 500
   */
  maxKeyIds?: number;
}

const SERVICE = 'gateway';

/**
 * The gateway's request metrics, from each request's record. Label bounds: `operation` is a registered operation's
 * name, another GraphQL name (the first `maxAdHocOperations` seen), `other`, or `anonymous` (no name known: an
 * anonymous operation, or a request refused before its body was read); `key_id` is a key id (the
 * first `maxKeyIds` seen), `none` (no key: JWT callers, refused before authentication) or `other`; `code` is a
 * registry error code, `none`, or `other` for a code outside the registry (at most 20 of those are kept).
 */
export function createRequestMetricsObserver(options: RequestMetricsOptions): RequestObserver {
  const operation = createLabelBound({ max: options.maxAdHocOperations ?? 50, always: options.registeredOperations, accept: isGraphQLName });
  const keyId = createLabelBound({ max: options.maxKeyIds ?? 500 });
  const code = createLabelBound({ max: 20, always: ERROR_CODE_LIST, accept: (c) => /^[A-Z][A-Z0-9_]{0,63}$/.test(c) });

  return (record) => {
    const operationLabel = record.operationName === undefined ? 'anonymous' : operation(record.operationName);
    const keyLabel = record.keyId === undefined ? 'none' : keyId(record.keyId);
    const firstCode = record.errorCodes[0];
    gatewayRequests.inc({
      service: SERVICE,
      operation: operationLabel,
      outcome: record.outcome,
      code: firstCode === undefined ? 'none' : code(firstCode),
      key_id: keyLabel,
    });
    gatewayRequestDuration.observe({ service: SERVICE, operation: operationLabel, outcome: record.outcome }, record.durationMs / 1000);
    for (const each of record.errorCodes) gatewayResponseErrors.inc({ service: SERVICE, code: code(each) });
    const refused = record.outcome === 'refused';
    gatewayEdgeDecisions.inc({
      service: SERVICE,
      decision: refused ? 'refused' : 'admitted',
      reason: refused && firstCode !== undefined ? code(firstCode) : 'none',
    });
    if (record.keyId !== undefined) {
      if (record.cost > 0) keyCost.inc({ service: SERVICE, key_id: keyLabel }, record.cost);
      if (record.upstreamCalls > 0) keyUpstreamCalls.inc({ service: SERVICE, key_id: keyLabel }, record.upstreamCalls);
    }
  };
}
