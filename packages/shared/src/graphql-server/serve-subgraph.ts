import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '../logging/index.ts';
import { logSubgraphRequest } from '../logging/request-log.ts';
import { IDENTITY_HEADER, verifyIdentity, type RequestIdentity } from '../identity/index.ts';
import { createRequestScope, runInRequestScope, type RequestScope } from '../sources/index.ts';
import type { WebhookRoute } from '../freshness/webhook-route.ts';
import { handleGraphQLHttp } from './handle-graphql-http.ts';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendBodyReadError, sendGraphQLError, sendJson } from './http-io.ts';
import { readinessBody, type ReadinessCheck } from './readiness.ts';

export interface ServeSubgraphOptions<TContext extends BaseContext> {
  /** 0 picks a free port */
  port: number;
  /** @default every interface, as Apollo's standalone server did */
  host?: string;
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
  /** closes open sockets (keep-alive ones included), then stops Apollo Server */
  stop(): Promise<void>;
}

/**
 * Starts `server` and serves it on node:http, on every path, to the gateway only: each request must carry the
 * gateway's signed identity header for its exact body, checked before Apollo Server sees anything, so a caller who
 * reaches the port directly cannot run an operation, not even introspection, and causes no upstream call.
 *
 * Two unsigned exceptions, for probes that cannot sign (Kubernetes): `GET /healthz` (liveness: the process serves)
 * and `GET /readyz` (200 `{status:"ready"}`, or 503 `{status:"credentials_rejected"|"upstream_unavailable",
 * detail?}`). They answer status words only, never a URL, host or upstream text, and run no GraphQL.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: ServeSubgraphOptions<TContext>,
): Promise<ServedSubgraph> {
  await server.start();
  const openSockets = new Set<Socket>();
  const httpServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/healthz' || path === '/readyz')) {
      answerProbe(path, options, res);
      return;
    }
    handleSubgraphRequest(server, options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'subgraph request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'Unexpected error.', 'INTERNAL_SERVER_ERROR');
      else res.end();
    });
  });
  httpServer.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${displayHost(options.host)}:${port}/graphql`,
    httpServer,
    async stop() {
      await new Promise<void>((resolve) => {
        for (const socket of openSockets) socket.destroy();
        httpServer.close(() => resolve());
      });
      await server.stop();
    },
  };
}

function answerProbe(path: '/healthz' | '/readyz', options: ServeSubgraphOptions<BaseContext>, res: ServerResponse): void {
  if (path === '/healthz' || options.readiness === undefined) {
    sendJson(res, 200, path === '/healthz' ? { status: 'ok' } : { status: 'ready' }, { 'cache-control': 'no-store' });
    return;
  }
  options
    .readiness()
    .catch(() => ({ status: 'upstream_unavailable' as const, detail: 'check_failed' }))
    .then((readiness) => {
      const body = readinessBody(readiness);
      sendJson(res, body.status === 'ready' ? 200 : 503, body, { 'cache-control': 'no-store' });
    })
    .catch((error: unknown) => {
      options.logger.error({ err: error }, 'readiness probe failed');
      if (!res.headersSent) sendJson(res, 503, { status: 'upstream_unavailable' });
    });
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
  const scope = createRequestScope(verified.identity, verified.deadlineAt);
  // under the gateway's request id and trace context, both from the signed header: a span and an access-log line
  await logSubgraphRequest({ logger: options.logger, service: options.name, requestId: verified.requestId, traceparent: verified.traceparent, res }, () =>
    runInRequestScope(scope, () => handleGraphQLHttp(server, req, res, { rawBody, context: () => options.createContext(verified.identity, scope) })),
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

function displayHost(host: string | undefined): string {
  if (host === undefined || host === '' || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
