import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestIdentity } from '../identity/request-identity.ts';
import { createSourceRecorder, type SourceRecorder } from './source-status.ts';

/**
 * Who an upstream call is for, and by when it must be done: interactive callers (call center, in-store tablets, the
 * gateway's own probes) go before bulk ones (partners) when an upstream's budget is short.
 */
export type RequestPriority = 'interactive' | 'bulk';

/**
 * What every upstream call made on behalf of one subgraph request can see without threading it through resolvers,
 * loaders and adapters: the request's deadline (from the gateway's signed header), its priority, and the recorder
 * of source statuses that goes back in the response's extensions.
 */
export interface RequestScope {
  identity: RequestIdentity;
  priority: RequestPriority;
  /** epoch ms the gateway stops waiting; undefined when the caller set none */
  deadlineAt: number | undefined;
  sources: SourceRecorder;
  /**
   * HTTP requests sent to upstream systems for this request (retries included), reported to the gateway beside the
   * sources so it can meter what each partner consumed. An object, shared by the copies of a scope (the cached loader
   * runs its fetch in a copy with its own source recorder) so every request counts into the one total.
   */
  usage: { upstreamCalls: number };
  /** the caller decides a write on these reads: the cached loaders ask the upstream (a signed request option) */
  freshReads: boolean;
  /** the gateway's id of the client request this subgraph request serves (signed); undefined outside one */
  requestId?: string | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function priorityOf(identity: RequestIdentity): RequestPriority {
  return identity.profile === 'partner' ? 'bulk' : 'interactive';
}

export function createRequestScope(
  identity: RequestIdentity,
  deadlineAt?: number,
  options: { freshReads?: boolean; requestId?: string | undefined } = {},
): RequestScope {
  return {
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    identity,
    priority: priorityOf(identity),
    deadlineAt,
    sources: createSourceRecorder(),
    usage: { upstreamCalls: 0 },
    freshReads: options.freshReads === true,
  };
}

/** Runs `fn` (and everything it schedules: promises, DataLoader batches, timers) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, or undefined outside one (start-up, background pollers, unit tests). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Milliseconds left before the request's deadline (negative when past it); Infinity when there is none. */
export function remainingMs(scope: RequestScope | undefined = storage.getStore(), now: number = Date.now()): number {
  return scope?.deadlineAt === undefined ? Number.POSITIVE_INFINITY : scope.deadlineAt - now;
}
