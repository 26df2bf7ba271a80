import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '../logging/index.ts';
import { logSubgraphRequest } from '../logging/request-log.ts';
import { IDENTITY_HEADER, verifyIdentity, type RequestIdentity } from '../identity/index.ts';
import { createRequestScope, runInRequestScope, type RequestScope } from '../sources/index.ts';
import type { WebhookRoute } from '../freshness/webhook-route.ts';
import { handleGraphQLHttp } from './handle-graphql-http.ts';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendBodyReadError, sendGraphQLError, sendJson } from './http-io.ts';
import { readinessBody, type Readiness, type ReadinessCheck } from './readiness.ts';
import { createHttpDrain, type DrainOptions, type DrainResult } from '../service/drain.ts';
import { answerHealthProbe, type ReadinessReport } from '../service/health.ts';
import { DEFAULT_LISTEN_HOST } from '../service/service-env.ts';
import { listenOn, urlHost } from '../service/listen.ts';

export interface ServeSubgraphOptions<TContext extends BaseContext> {
  /** 0 picks a free port */
  port: number;
  /** @default 127.0.0.1 (containers set `<ROLE>_HOST=0.0.0.0`) */
  host?: string;
  /** the env prefix (`ERP`), so a port in use names its variable: `ERP_PORT=4001: port already in use` */
  role?: string;
  /** the secret shared with the gateway (OMNIGRAPH_SUBGRAPH_SECRET) */
  secret: string;
  /**
   * the operation's context, for the caller the gateway vouched for. The whole request also runs inside `scope`
   * (see `currentRequestScope`), so upstream calls see its deadline and priority and record source statuses.
   */
  createContext: (identity: RequestIdentity, scope: RequestScope) => Promise<TContext>;
  /** receives refused requests (with the reason, which the caller is not told) and one access-log line per request */
  logger: Logger;
  /** the subgraph's role (`erp`): names its request spans and access-log lines */
  name?: string;
  maxBodyBytes?: number;
  /**
   * The upstream's state for `GET /readyz` (wrap upstream calls in `createCachedReadiness`). Without it `/readyz`
   * answers `ready` as soon as the process serves.
   */
  readiness?: ReadinessCheck;
  /**
   * Upstream webhook receivers (WooCommerce, HubSpot), answered before the gateway signature check because the
   * upstream cannot sign as the gateway: each route verifies the upstream's own signature. Only these exact paths
   * (POST) skip the gateway check; every other path still requires it.
   */
  webhooks?: readonly WebhookRoute[];
}

export interface ServedSubgraph {
  /** e.g. http://localhost:4001/graphql */
  url: string;
  httpServer: Server;
  /** graceful: `/readyz` turns 503 `draining` at once, in-flight requests finish (see createHttpDrain) */
  drain(options: DrainOptions): Promise<DrainResult>;
  /**
   * Stops at once, as a crashed process would (what is still in flight after a drain is cut), then stops Apollo
   * Server. Call drain() first for a graceful stop.
   */
  stop(): Promise<void>;
}

/**
 * Starts `server` and serves it on node:http, on every path, to the gateway only: each request must carry the
 * gateway's signed identity header for its exact body, checked before Apollo Server sees anything, so a caller who
 * reaches the port directly cannot run an operation, not even introspection, and causes no upstream call.
 *
 * Two unsigned exceptions, for probes that cannot sign (Kubernetes): `GET /healthz` (liveness: the process serves)
 * and `GET /readyz` (200 `{status:"ready"}`; 200 `{status:"degraded", upstream:"credentials_rejected"|
 * "upstream_unavailable", detail?}` while the upstream fails, since cached and partial answers are still served; 503
 * `{status:"draining"}` once the process shuts down). They answer status words only, never a URL, host or upstream
 * text, and run no GraphQL.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: ServeSubgraphOptions<TContext>,
): Promise<ServedSubgraph> {
  await server.start();
  const readiness = options.readiness;
  const httpServer = createServer((req, res) => {
    const probed = answerHealthProbe(req, res, {
      draining: () => drain.draining,
      ...(readiness === undefined ? {} : { readiness: () => readiness().then(subgraphReadinessReport) }),
      logger: options.logger,
    });
    if (probed) return;
    handleSubgraphRequest(server, options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'subgraph request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'Unexpected error.', 'INTERNAL_SERVER_ERROR');
      else res.end();
    });
  });
  const drain = createHttpDrain(httpServer, { service: options.name });
  const host = options.host ?? DEFAULT_LISTEN_HOST;
  const role = options.role ?? 'SUBGRAPH';
  let port: number;
  try {
    port = await listenOn(httpServer, { host, port: options.port, hostVariable: `${role}_HOST`, portVariable: `${role}_PORT` });
  } catch (error) {
    await server.stop();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}/graphql`,
    httpServer,
    drain: (drainOptions) => drain.drain(drainOptions),
    stop() {
      stopped ??= drain.drain({ delayMs: 0, graceMs: 0 }).then(() => server.stop());
      return stopped;
    },
  };
}

/**
 * The subgraph's /readyz from its upstream's state. An upstream that fails leaves the subgraph `degraded` but ready
 * (200): it still serves cached and partial answers, and every replica shares the upstream, so a 503 would take them
 * all out of rotation at once.
 */
export function subgraphReadinessReport(readiness: Readiness): ReadinessReport {
  const safe = readinessBody(readiness);
  if (safe.status === 'ready') return { status: 'ready' };
  return { status: 'degraded', upstream: safe.status, ...(safe.detail === undefined ? {} : { detail: safe.detail }) };
}

async function handleSubgraphRequest<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: ServeSubgraphOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const route = options.webhooks?.find((r) => r.path === req.url?.split('?')[0]);
  if (route) {
    await handleWebhook(route, options.logger, req, res);
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
  } catch (error) {
    sendBodyReadError(res, error);
    return;
  }
  const header = req.headers[IDENTITY_HEADER];
  const verified = verifyIdentity(options.secret, Array.isArray(header) ? header.join(',') : header, rawBody);
  if (!verified.ok) {
    options.logger.warn(
      { reason: verified.reason, method: req.method, path: req.url?.split('?')[0], remoteAddress: req.socket.remoteAddress },
      'subgraph request refused: no valid gateway identity',
    );
    sendGraphQLError(res, 401, 'Unauthenticated: subgraphs answer the gateway only.', 'UNAUTHENTICATED');
    return;
  }
  // The signature covers the body only; a GET carries its operation in the URL, where a replayed header would let
  // anyone swap the query, so only POST is served.
  if (req.method !== 'POST') {
    sendGraphQLError(res, 405, 'Only POST is supported.', 'BAD_REQUEST', { allow: 'POST' });
    return;
  }
  const scope = createRequestScope(verified.identity, verified.deadlineAt, {
    freshReads: verified.freshReads === true,
    requestId: verified.requestId,
  });
  // under the gateway's request id and trace context, both from the signed header: a span and an access-log line
  await logSubgraphRequest(
    {
      logger: options.logger,
      service: options.name,
      requestId: verified.requestId,
      traceparent: verified.traceparent,
      res,
      upstreamCalls: () => scope.usage.upstreamCalls,
    },
    () =>
      runInRequestScope(scope, () =>
        handleGraphQLHttp(server, req, res, { rawBody, context: () => options.createContext(verified.identity, scope) }),
      ),
  );
}

async function handleWebhook(route: WebhookRoute, logger: Logger, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    req.resume();
    sendJson(res, 405, { error: 'Only POST is supported.' }, { allow: 'POST' });
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, route.maxBodyBytes ?? MAX_BODY_BYTES);
  } catch (error) {
    sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { error: 'Request body refused.' });
    return;
  }
  const answer = await route.handle({ method: req.method, url: req.url ?? route.path, headers: req.headers, rawBody });
  if (answer.status >= 400) {
    logger.warn({ path: route.path, status: answer.status, remoteAddress: req.socket.remoteAddress }, 'webhook refused');
  }
  if (answer.body === undefined) res.writeHead(answer.status).end();
  else sendJson(res, answer.status, answer.body);
}
