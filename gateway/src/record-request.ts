import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@omnigraph/shared/logging';
import type { Admission } from './edge/edge.ts';
import type { Refusal } from './edge/refusal.ts';
import type { GatewayContext } from './http-handler.ts';
import type { RequestObserver, RequestRecord } from './request-record.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
/** What an incoming `x-request-id` may be to be kept: short, and nothing a log line or header could be split on. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What the gateway learns of one request while serving it; turned into a {@link RequestRecord} when it is over. */
export interface RequestState {
  requestId: string;
  startedAt: number;
  /** the W3C trace id of the request's span, when tracing is on */
  traceId?: string;
  /** what the edge decided */
  outcome?: Admission | Refusal;
  /** the context Apollo ran the request with (when it was admitted and reached Apollo) */
  context?: GatewayContext;
}

/** What the response plugin writes into the context: the errors and data of every operation answered. */
export interface ResponseSummary {
  errorCodes: Set<string>;
  operations: number;
  withData: number;
  withErrors: number;
  /**
   * The data of the last operation answered, as it goes out: the response cache reads the SKUs of a one-operation
   * answer from it instead of parsing the body it was just serialised to.
   */
  data?: unknown;
}

export const emptyResponseSummary = (): ResponseSummary => ({ errorCodes: new Set(), operations: 0, withData: 0, withErrors: 0 });

/**
 * Starts the record of one request: the request id is the client's `x-request-id` when it is sane (so a partner can
 * quote their own id), else a new UUID; either way it is sent back as `x-request-id`.
 */
export function startRequest(req: IncomingMessage, res: ServerResponse): RequestState {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return { requestId, startedAt: performance.now() };
}

/** The record of a request whose response is over (`res` closed): refused, served, partial or failed. */
export function buildRequestRecord(state: RequestState, res: ServerResponse): RequestRecord {
  const decided = state.outcome;
  const principal = decided?.principal;
  const identity = principal?.identity;
  const status = res.statusCode;
  let outcome: RequestRecord['outcome'];
  let errorCodes: string[];
  if (decided?.kind === 'refuse') {
    outcome = 'refused';
    errorCodes = distinctCodes(decided.body.errors);
  } else {
    const summary = state.context?.responses;
    errorCodes = summary === undefined ? [] : [...summary.errorCodes];
    if (summary === undefined || summary.operations === 0) {
      // Apollo answered before any operation ran (a malformed request), or the handler failed
      outcome = status >= 400 ? 'error' : 'ok';
      if (status >= 500 && errorCodes.length === 0) errorCodes = ['INTERNAL_SERVER_ERROR'];
    } else if (summary.withErrors === 0) outcome = status >= 400 ? 'error' : 'ok';
    else outcome = summary.withData > 0 && status < 500 ? 'partial' : 'error';
  }
  const record: RequestRecord = {
    requestId: state.requestId,
    ...(state.traceId === undefined ? {} : { traceId: state.traceId }),
    status,
    outcome,
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    cost: decided?.kind === 'execute' ? decided.cost : 0,
    upstreamCalls: state.context?.usage.upstreamCalls ?? 0,
    errorCodes,
  };
  if (decided?.operationName !== undefined) record.operationName = decided.operationName;
  if (identity !== undefined) {
    // a customer-bound token is metered to the storefront key that minted it (its subject); the customer is not named
    if (identity.kind === 'api-key' || identity.kind === 'customer-token') record.keyId = identity.subject;
    // a JWT's subject may name a person: its digest (the rate-limit subject) stands for it
    if (identity.kind === 'jwt') record.ownerId = principal!.subject;
    else if (identity.ownerId !== undefined) record.ownerId = identity.ownerId;
    record.profile = identity.profile;
  }
  return record;
}

/** Hands the record to every observer; one that throws is reported and does not keep the record from the others. */
export function emitRequestRecord(observers: readonly RequestObserver[], record: RequestRecord, logger: Pick<Logger, 'error'>): void {
  for (const observe of observers) {
    try {
      observe(record);
    } catch (error) {
      logger.error({ err: error }, 'request observer failed');
    }
  }
}

/**
 * Sums up what each operation of the request answered (error codes, with or without data) into the context, after
 * the other plugins have added their errors: register it last.
 */
export function summarizeResponses(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const summary = (contextValue.responses ??= emptyResponseSummary());
          summary.operations += 1;
          if (data !== undefined && data !== null) {
            summary.withData += 1;
            summary.data = data;
          }
          if (errors !== undefined && errors.length > 0) {
            summary.withErrors += 1;
            for (const code of distinctCodes(errors)) summary.errorCodes.add(code);
          }
        },
      };
    },
  };
}

/** An error code as the registry spells them (upper snake case); anything else is not a code to report. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

function distinctCodes(errors: readonly { extensions?: Record<string, unknown> | undefined }[]): string[] {
  const codes: string[] = [];
  for (const error of errors) {
    const code = error.extensions?.['code'];
    const spelled = typeof code === 'string' && CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR';
    if (!codes.includes(spelled)) codes.push(spelled);
  }
  return codes;
}
