import type { Profile } from './edge/profiles.ts';

/**
 * What the gateway knows of one HTTP request when it is over (issue 9): the access log writes it as one line, the
 * metrics count it, and partner usage metering adds it to the key's day. Built once per request, never with personal
 * data: a key id and owner id identify a partner, not a person.
 */
export interface RequestRecord {
  /** the gateway's id for this request (also sent back as `x-request-id`) */
  requestId: string;
  /** W3C trace id when tracing is on */
  traceId?: string;
  /** the operation's name, or the registered operation's; absent for anonymous operations and unparsable bodies */
  operationName?: string;
  /** the API key's id, when the caller authenticated with a key (JWT callers: absent) */
  keyId?: string;
  /** the key's owner (partner id) or the JWT subject's digest */
  ownerId?: string;
  profile?: Profile;
  /** HTTP status sent */
  status: number;
  /** refused by the edge, answered without errors, answered with some errors (partial), or failed */
  outcome: 'ok' | 'partial' | 'error' | 'refused';
  durationMs: number;
  /** the operation's cost as the limits computed it (0 when refused before costing) */
  cost: number;
  /** upstream HTTP calls the subgraphs made for this request, as they reported them */
  upstreamCalls: number;
  /** the distinct `extensions.code` of the errors sent, in the error-code registry's spelling */
  errorCodes: string[];
}

export type RequestObserver = (record: RequestRecord) => void;
