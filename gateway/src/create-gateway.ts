import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import {
  createApiKeyService,
  createCachedKeyStore,
  createFileKeyStore,
  createJwtVerifier,
  createRedisKeyStore,
  type ApiKeyService,
  type KeyStore,
} from '@omnigraph/auth';
import { sendJson } from '@omnigraph/shared/graphql-server';
import { createLogger, runWithLogContext, type Logger } from '@omnigraph/shared/logging';
import { context } from '@opentelemetry/api';
import { checkScopeCoverage, readScopeMap } from './authorization/index.ts';
import type { GatewayConfig, SubgraphName } from './config.ts';
import { createAuthenticator } from './edge/authenticate.ts';
import { applyCors } from './edge/cors.ts';
import { createConcurrencyLimiter } from './edge/concurrency.ts';
import { createEdge, type EdgeSchema } from './edge/edge.ts';
import { createLoadShedder } from './edge/load-shedding.ts';
import { buildProfiles } from './edge/profiles.ts';
import { loadOperationRegistry } from './edge/registered-operations.ts';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';
import { renderExplorerPage } from './explorer-page.ts';
import { maskGatewayError } from './format-gateway-error.ts';
import { executeAdmitted, type GatewayContext } from './http-handler.ts';
import { createRateLimiter } from './rate-limit/index.ts';
import { createRefusalDelay } from './edge/refusal-delay.ts';
import { checkGatewayReadiness } from './readiness.ts';
import { reportSourceStatus } from './source-status-plugin.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import type { RequestObserver, RequestRecord } from './request-record.ts';
import { createAccessLog } from './telemetry/access-log.ts';
import { collectErrorCodes } from './telemetry/error-codes-plugin.ts';
import { beginRequestTrace, runWithRequestDraft, startRequestSpan, type RequestDraft } from './telemetry/request-telemetry.ts';

export interface Gateway {
  /** resolves to the base URL, e.g. http://127.0.0.1:4000 */
  listen(): Promise<string>;
  url(): string;
  close(): Promise<void>;
  httpServer: Server;
  /** the key service on the gateway's own store (demo keys at start, tests) */
  apiKeys: ApiKeyService;
}

export interface GatewayOptions {
  /** replaces the store chosen from config (REDIS_URL → Redis, else the key file); tests pass a memory store */
  keyStore?: KeyStore;
  logger?: Logger;
  /** receive every /graphql request's RequestRecord, after the access log */
  requestObservers?: RequestObserver[];
}

/**
 * The Apollo gateway on the committed supergraph (no introspection of subgraphs at start: composition errors fail CI,
 * not production start-up), behind Omnigraph's edge (authentication, operation limits, safelist, field
 * authorization, rate limits), served on node:http with `/graphql`, an offline explorer at `/`, `/healthz` (the
 * process is up) and `/readyz` (every subgraph answers, and how each one's upstream is: see readiness.ts).
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ name: 'gateway', level: config.logLevel });
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      new SubgraphDataSource(name as SubgraphName, config.subgraphUrls[name as SubgraphName], config.subgraphTimeoutMs, config.subgraphSecret),
  });

  // The scope map is read from the supergraph SDL (the API schema strips our directive), at load and on every update.
  let edgeSchema: EdgeSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const scopeMap = readScopeMap(coreSupergraphSdl);
    const uncovered = checkScopeCoverage(apiSchema, scopeMap);
    // Served anyway: an undeclared field is denied to everyone at run time, so this is a bug to fix, not a leak.
    if (uncovered.length > 0) logger.error({ uncovered }, 'supergraph has fields without @scope; they are denied to every caller');
    edgeSchema = { apiSchema, scopeMap };
  });

  const innerStore =
    options.keyStore ??
    (config.auth.redisUrl !== undefined
      ? await createRedisKeyStore({
          redisUrl: config.auth.redisUrl,
          keyPrefix: config.auth.redisKeyPrefix,
          clientName: 'omnigraph-gateway-auth',
          lookupTimeoutMs: config.keyLookupTimeoutMs,
          onStall: (event) =>
            event.state === 'suspect'
              ? logger.warn({ err: event.error }, 'api key store: Redis unresponsive, serving recently seen keys from memory')
              : logger.info({ outageMs: Math.round(event.outageMs) }, 'api key store: Redis answers again'),
          onError: (error, context) => logger.warn({ err: error, ...context }, 'api key store connection problem'),
        })
      : createFileKeyStore(config.auth.keyStoreFile));
  const keyStore = createCachedKeyStore(innerStore, {
    ttlMs: config.keyCacheTtlMs,
    onStaleServed: (keyId) => logger.warn({ keyId }, 'api key store unavailable; serving a recently seen key from memory'),
  });
  const apiKeys = createApiKeyService({ store: keyStore, pepper: config.auth.pepper, env: config.auth.keyEnv, logger });
  const profiles = buildProfiles({
    allowBatchingForInternal: config.allowBatching,
    partnerCostPerMinute: config.partnerCostPerMinute,
    internalCostPerMinute: config.internalCostPerMinute,
    partnerMaxConcurrent: config.partnerMaxConcurrent,
    internalMaxConcurrent: config.internalMaxConcurrent,
  });
  const shedder = createLoadShedder({
    maxInFlight: config.maxInFlight,
    bulkLagMs: config.shedBulkLagMs,
    interactiveLagMs: config.shedInteractiveLagMs,
  });
  const limiter = await createRateLimiter({
    ...(config.auth.redisUrl === undefined ? {} : { redisUrl: config.auth.redisUrl }),
    replicas: config.replicas,
    timeoutMs: config.rateLimitTimeoutMs,
    logger,
  });
  const authenticator = createAuthenticator({
    keys: apiKeys,
    jwt: config.jwt === undefined ? undefined : { verifier: createJwtVerifier(config.jwt, { logger }), rateLimitPerMinute: config.jwt.rateLimitPerMinute },
    profiles,
    logger,
  });
  const admit = createEdge({
    schema: () => {
      if (edgeSchema === undefined) throw new Error('the gateway has no schema yet');
      return edgeSchema;
    },
    authenticator,
    limiter,
    registry: loadOperationRegistry(),
    profiles,
    logger,
    concurrency: createConcurrencyLimiter(),
    shedder,
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => maskGatewayError(formatted, error),
    includeStacktraceInErrorResponses: false,
    // The edge decides who may introspect (internal profiles) and refuses batches for everyone else; Apollo only
    // has to allow what the edge let through. No "Did you mean …" in validation errors, for anyone.
    introspection: true,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: config.allowBatching,
    // Automatic persisted queries would let any caller register operations; registered operations are ours (edge).
    persistedQueries: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), reportRemovedFields(), reportSourceStatus(), collectErrorCodes()],
  });
  await apollo.start();

  const floodRefusals = createRefusalDelay({ delayMs: config.floodRefusalDelayMs });
  const openSockets = new Set<Socket>();
  const httpServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway.local').pathname;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      void checkGatewayReadiness(config).then(({ httpStatus, body }) => sendJson(res, httpStatus, body, { 'cache-control': 'no-store' }));
      return;
    }
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if ((path === '/' || path === '/graphql') && wantsHtml) {
      const html = renderExplorerPage({ endpoint: '/graphql', exampleQuery: EXAMPLE_QUERY, exampleVariables: EXAMPLE_VARIABLES });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (path !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    if (applyCors(req, res, config.corsOrigins)) return;
    const startedAt = performance.now();
    const arrivalMs = performance.timeOrigin + startedAt;
    // One id per request: in the response, on every log line of the gateway and (signed) of the subgraphs.
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    beginRequestTrace(req);
    const draft: RequestDraft = { requestId, errorCodes: new Set(), upstreamCalls: 0 };
    let admitted: Awaited<ReturnType<typeof admit>> | undefined;
    let traceId: string | undefined;
    const handle = async () => {
      const outcome = (admitted = await admit(req));
      const trace = startRequestSpan(req, arrivalMs, config.traceparentTrust, outcome.principal?.identity.profile);
      traceId = trace.traceId;
      if (outcome.kind === 'refuse') {
        const code = outcome.body.errors[0]?.extensions?.['code'];
        if (typeof code === 'string') draft.errorCodes.add(code);
        floodRefusals.answer(res, code, () => sendJson(res, outcome.status, outcome.body, outcome.headers));
        trace.end(outcome.status, typeof code === 'string' ? code : undefined);
        return;
      }
      const deadlineMs = outcome.principal.identity.profile === 'partner' ? config.deadlineMs.partner : config.deadlineMs.internal;
      try {
        await context.with(trace.context, () => executeAdmitted(apollo, req, res, outcome, deadlineMs));
      } finally {
        outcome.release();
        trace.end(res.statusCode);
      }
    };
    void runWithLogContext({ requestId, upstreamCalls: 0 }, () =>
      runWithRequestDraft(draft, () =>
        handle()
          .catch((error: unknown) => {
            draft.errorCodes.add('INTERNAL_SERVER_ERROR');
            logger.error({ err: error }, 'request failed unexpectedly');
            if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
            else res.end();
          })
          .finally(() => emitRequestRecord(buildRequestRecord(draft, admitted, res.statusCode, elapsed(startedAt), traceId))),
      ),
    );
  });
  // The RequestRecord's one emission point: the access log first, then whoever else observes (metrics, metering).
  const observers: RequestObserver[] = [createAccessLog(logger), ...(options.requestObservers ?? [])];
  const emitRequestRecord = (record: RequestRecord) => {
    for (const observe of observers) {
      try {
        observe(record);
      } catch (error) {
        logger.error({ err: error }, 'request observer failed');
      }
    }
  };
  httpServer.on('connection', (s) => {
    openSockets.add(s);
    s.on('close', () => openSockets.delete(s));
  });

  let baseUrl = '';
  return {
    httpServer,
    apiKeys,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          baseUrl = `http://${config.host}:${port}`;
          resolve(baseUrl);
        });
      }),
    url: () => baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const s of openSockets) s.destroy();
        httpServer.close(() => resolve());
      });
      await apollo.stop();
      await limiter.close();
      await keyStore.close();
      shedder.close();
    },
  };
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** What the gateway knows of a request once it is over (see request-record.ts). */
function buildRequestRecord(
  draft: RequestDraft,
  outcome: Awaited<ReturnType<ReturnType<typeof createEdge>>> | undefined,
  status: number,
  durationMs: number,
  traceId: string | undefined,
): RequestRecord {
  const principal = outcome?.principal;
  const identity = principal?.identity;
  const body = outcome?.kind === 'execute' && !Array.isArray(outcome.body) ? outcome.body : undefined;
  const operationName = draft.operationName ?? (typeof body?.operationName === 'string' && body.operationName !== '' ? body.operationName : undefined);
  const errorCodes = [...draft.errorCodes];
  return {
    requestId: draft.requestId,
    ...(traceId === undefined ? {} : { traceId }),
    ...(operationName === undefined ? {} : { operationName }),
    ...(identity?.kind === 'api-key' ? { keyId: identity.subject } : {}),
    // a JWT's subject may name a person: its digest (the rate-limit subject) stands for it
    ...(identity?.kind === 'jwt' ? { ownerId: principal!.subject } : identity?.ownerId === undefined ? {} : { ownerId: identity.ownerId }),
    ...(identity === undefined ? {} : { profile: identity.profile }),
    status,
    outcome: outcome?.kind === 'refuse' ? 'refused' : status >= 400 || outcome === undefined ? 'error' : errorCodes.length > 0 ? 'partial' : 'ok',
    durationMs,
    cost: outcome?.kind === 'execute' ? (outcome.cost ?? 0) : 0,
    upstreamCalls: draft.upstreamCalls,
    errorCodes,
  };
}

/**
 * The edge removed fields the caller may not read; the caller learns which, with their paths, in the errors of the
 * same response (filter mode: the allowed rest is answered).
 */
function reportRemovedFields(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, request, response }) {
          const removed = contextValue.removedByQuery.get(request.query ?? '');
          if (removed === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...removed, ...(result.errors ?? [])] as typeof result.errors;
        },
      };
    },
  };
}
