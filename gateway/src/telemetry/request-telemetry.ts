import type { IncomingMessage } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Link, type Span } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import { endServerSpan, isTracingEnabled, tracer } from '@omnigraph/shared/tracing';
import type { Profile } from '../edge/profiles.ts';

/** `GATEWAY_TRACEPARENT_TRUST`: whose W3C trace context the gateway continues. */
export type TraceparentTrust = 'all' | 'internal' | 'none';

interface Phase {
  name: string;
  startMs: number;
  endMs: number;
  refusal?: string;
}

const phases = new WeakMap<IncomingMessage, Phase[]>();

/**
 * Times one edge check (`authenticate`, `limits`, `authorize`, `rate_limit`) of `req` for its span. The gateway's
 * request span can only start once the caller is known (its parent depends on whether the caller is trusted), so
 * the checks are timed as they run and become child spans afterwards. Tracing off: `fn()` as it is (callers await
 * the result either way).
 */
export function edgePhase<T>(
  req: IncomingMessage,
  name: string,
  fn: () => T | Promise<T>,
  refusalOf?: (result: T) => string | undefined,
): T | Promise<T> {
  const log = isTracingEnabled() ? phases.get(req) : undefined;
  // Tracing off (or this request not traced): the check as it is, without wrapping it in one more promise.
  if (log === undefined) return fn();
  return timed(log, name, fn, refusalOf);
}

async function timed<T>(log: Phase[], name: string, fn: () => T | Promise<T>, refusalOf?: (result: T) => string | undefined): Promise<T> {
  const startMs = nowMs();
  const result = await fn();
  const refusal = refusalOf?.(result);
  log.push({ name, startMs, endMs: nowMs(), ...(refusal === undefined ? {} : { refusal }) });
  return result;
}

export interface GatewayRequestTrace {
  /** the context the request executes in (its SERVER span active); ROOT when tracing is off */
  context: Context;
  traceId: string | undefined;
  end(status: number, errorCode?: string): void;
}

/** Starts timing `req` (its edge checks are recorded from now on). */
export function beginRequestTrace(req: IncomingMessage): void {
  if (isTracingEnabled()) phases.set(req, []);
}

/**
 * The gateway's SERVER span for `req`, started at its arrival (`arrivalMs`, epoch ms), once the edge has decided who
 * the caller is. The client's `traceparent` is its parent when `trust` allows it for this caller (`internal`: an
 * internal key or OIDC user, `all`: anyone); otherwise the span starts a new trace and links to the client's
 * context, so the two can still be joined by someone who trusts it, without the client choosing our trace id or
 * our sampling decision. The recorded edge checks become its children.
 */
export function startRequestSpan(
  req: IncomingMessage,
  arrivalMs: number,
  trust: TraceparentTrust,
  profile: Profile | undefined,
): GatewayRequestTrace {
  const recorded = phases.get(req);
  if (!isTracingEnabled() || recorded === undefined) return { context: context.active(), traceId: undefined, end: () => {} };
  phases.delete(req);
  const header = req.headers['traceparent'];
  const clientContext = typeof header === 'string' ? propagation.extract(ROOT_CONTEXT, { traceparent: header }) : undefined;
  const clientSpan = clientContext === undefined ? undefined : trace.getSpanContext(clientContext);
  const trusted = clientSpan !== undefined && (trust === 'all' || (trust === 'internal' && profile === 'internal'));
  const parent = trusted ? clientContext! : ROOT_CONTEXT;
  const links: Link[] =
    !trusted && clientSpan !== undefined ? [{ context: clientSpan, attributes: { 'omnigraph.link': 'untrusted_client_traceparent' } }] : [];
  const span = tracer().startSpan(
    'POST /graphql',
    {
      kind: SpanKind.SERVER,
      startTime: arrivalMs,
      links,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: (req.method ?? 'GET').toUpperCase(),
        [ATTR_HTTP_ROUTE]: '/graphql',
        [ATTR_URL_PATH]: '/graphql',
        ...(profile === undefined ? {} : { 'omnigraph.profile': profile }),
        'omnigraph.service': 'gateway',
      },
    },
    parent,
  );
  const spanContext = trace.setSpan(parent, span);
  for (const phase of recorded) emitPhase(spanContext, phase);
  return {
    context: spanContext,
    traceId: span.spanContext().traceId,
    end: (status, errorCode) => endServerSpan(span, status, errorCode),
  };
}

function emitPhase(parent: Context, phase: Phase): void {
  const span: Span = tracer().startSpan(`edge.${phase.name}`, { kind: SpanKind.INTERNAL, startTime: phase.startMs }, parent);
  if (phase.refusal !== undefined) {
    // a refusal is the check doing its job, not a failure of the gateway: an attribute, not an error status
    span.setAttribute('omnigraph.refusal', phase.refusal);
  }
  span.end(phase.endMs);
}

const nowMs = () => performance.timeOrigin + performance.now();
