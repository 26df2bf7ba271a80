import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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
  createUsageMeter,
  type ApiKeyService,
  type KeyStore,
} from '@omnigraph/auth';
import { sendJson } from '@omnigraph/shared/graphql-server';
import { createLogger, runWithLogContext, type Logger } from '@omnigraph/shared/logging';
import { answerHealthProbe, createHttpDrain, listenOn, urlHost, type DrainOptions, type DrainResult } from '@omnigraph/shared/service';
import { usageFlushes } from '@omnigraph/shared/metrics';
import { context } from '@opentelemetry/api';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { subscribeToChanges } from '@omnigraph/shared/freshness';
import { checkScopeCoverage, describeFieldScopes, readScopeMap } from './authorization/index.ts';
import type { GatewayConfig, SubgraphName } from './config.ts';
import { createAuthenticator } from './edge/authenticate.ts';
import { createCustomerTokenEndpoint, CUSTOMER_TOKENS_PATH } from './customer-tokens/customer-token-endpoint.ts';
import { createBindingResolver } from './customer-tokens/resolve-binding.ts';
import { applyCors } from './edge/cors.ts';
import { createConcurrencyLimiter } from './edge/concurrency.ts';
import { createEdge, type EdgeSchema } from './edge/edge.ts';
import { createLoadShedder } from './edge/load-shedding.ts';
import { buildProfiles } from './edge/profiles.ts';
import { loadOperationRegistry } from './edge/registered-operations.ts';
import { createExplorerRoutes } from './explorer/explorer-routes.ts';
import { explorerTabs } from './explorer/explorer-tabs.ts';
import { maskGatewayError } from './format-gateway-error.ts';
import { executeAdmitted, type GatewayContext } from './http-handler.ts';
import { createRateLimiter } from './rate-limit/index.ts';
import { createRefusalDelay } from './edge/refusal-delay.ts';
import { createRequestMetricsObserver } from './observers/request-metrics.ts';
import { createUsageObserver } from './observers/usage-metering.ts';
import { buildRequestRecord, emitRequestRecord, startRequest, summarizeResponses } from './record-request.ts';
import type { RequestObserver } from './request-record.ts';
import { checkGatewayReadiness } from './readiness.ts';
import { reportArgumentNames } from './argument-name-plugin.ts';
import { answerIntrospectionLocally } from './introspection-plugin.ts';
import { reportSourceStatus } from './source-status-plugin.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import { createResponseCache } from './response-cache/response-cache.ts';
import { createResponseCachePolicy } from './response-cache/serve-from-cache.ts';
import { createAccessLog } from './telemetry/access-log.ts';
import { beginRequestTrace, startRequestSpan } from './telemetry/request-telemetry.ts';

export interface Gateway {
  /** resolves to the base URL, e.g. http://127.0.0.1:4000 */
  listen(): Promise<string>;
  url(): string;
  /** graceful: `/readyz` 503 `draining` at once, in-flight requests finish within the grace (see createHttpDrain) */
  drain(options: DrainOptions): Promise<DrainResult>;
  /** stops at once (what a drain left in flight is cut), then closes Apollo, the limiter and the key store */
  close(): Promise<void>;
  httpServer: Server;
  /** the key service on the gateway's own store (demo keys at start, tests) */
  apiKeys: ApiKeyService;
}

/** Delivers upstream change events to the gateway; returns the unsubscribe. */
export type ChangeSubscription = (listener: (event: ChangeEvent) => void) => () => void;

export interface GatewayOptions {
  /**
   * Change events of the subgraphs in this process (`npm start`, e2e stacks), for the response cache (ADR 0015).
   * Separate processes get them over Redis instead (REDIS_URL).
   */
  changes?: ChangeSubscription;
  /** replaces the store chosen from config (REDIS_URL → Redis, else the key file); tests pass a memory store */
  keyStore?: KeyStore;
  logger?: Logger;
  /** more observers of every request's record, after the gateway's own (metrics, usage metering) */
  observers?: readonly RequestObserver[];
}

/**
 * The Apollo gateway on the committed supergraph (no introspection of subgraphs at start: composition errors fail CI,
 * not production start-up), behind Omnigraph's edge (authentication, operation limits, safelist, field
 * authorization, rate limits), served on node:http with `/graphql`, GraphiQL at `/` (explorer/: every asset served by
 * this gateway), `/healthz` (the process is up) and `/readyz` (every subgraph answers, and how each one's upstream is:
 * see readiness.ts).
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ name: 'gateway', level: config.logLevel });
  // Each field's description names the scopes it needs: what introspection (GraphiQL's docs) shows, and what
  // `npm run compose` commits as schema/api.graphql. The @scope directives stay, so the scope map is unchanged.
  const supergraphSdl = describeFieldScopes(readFileSync(config.supergraphPath, 'utf8'));

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      new SubgraphDataSource(name as SubgraphName, config.subgraphUrls[name as SubgraphName], config.subgraphTimeoutMs, config.subgraphSecret),
  });

  // The scope map is read from the supergraph SDL (the API schema strips our directive), at load and on every update.
  let edgeSchema: EdgeSchema | undefined;
  const responseCache = createResponseCache(config.responseCache);
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    // answers of the old supergraph may not be what the new one answers
    responseCache.clear('schema');
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
  const usageMeter = createUsageMeter({
    store: keyStore,
    onFlush: ({ keyDays, error, dropped }) => {
      usageFlushes.inc({ service: 'gateway', outcome: error === undefined ? 'ok' : 'failed' });
      if (error !== undefined) logger.warn({ err: error, keyDays, dropped }, 'partner usage not written to the key store; kept for the next flush');
    },
  });
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
    jwt:
      config.jwt === undefined
        ? undefined
        : { verifier: createJwtVerifier(config.jwt, { logger }), rateLimitPerMinute: config.jwt.rateLimitPerMinute },
    profiles,
    logger,
    customerTokens: config.customerTokens,
  });
  const customerTokenEndpoint = createCustomerTokenEndpoint({
    settings: config.customerTokens,
    authenticator,
    limiter,
    resolveBinding: createBindingResolver({
      crmUrl: config.subgraphUrls.crm,
      subgraphSecret: config.subgraphSecret,
      timeoutMs: config.subgraphTimeoutMs,
    }),
    logger,
  });
  const operationRegistry = loadOperationRegistry();
  // Every request's record goes to each of these when its response is over (see record-request.ts).
  // The record's observers: the access log first, then metrics, usage metering and the caller's.
  const observers: RequestObserver[] = [
    createAccessLog(logger),
    createRequestMetricsObserver({ registeredOperations: operationRegistry.all().map((o) => o.name) }),
    createUsageObserver(usageMeter),
    ...(options.observers ?? []),
  ];
  const currentSchema = () => {
    if (edgeSchema === undefined) throw new Error('the gateway has no schema yet');
    return edgeSchema;
  };
  const cachePolicy = createResponseCachePolicy(responseCache, currentSchema);
  // Change events reach the cache in this process (the subgraphs' onChange) or from any subgraph process over Redis.
  const unsubscribes: Array<() => void | Promise<void>> = [];
  if (responseCache.enabled) {
    if (options.changes !== undefined) unsubscribes.push(options.changes((event) => responseCache.onChange(event)));
    if (config.auth.redisUrl !== undefined) {
      unsubscribes.push(
        subscribeToChanges({
          redisUrl: config.auth.redisUrl,
          onChange: (event) => responseCache.onChange(event),
          onError: (error) => logger.warn({ err: error }, 'change events channel: connection problem; cached answers live out their TTL'),
        }),
      );
    }
  }
  const admit = createEdge({
    schema: currentSchema,
    authenticator,
    limiter,
    registry: operationRegistry,
    profiles,
    logger,
    concurrency: createConcurrencyLimiter(),
    shedder,
  });

  const apollo = new ApolloServer<GatewayContext>({
    // the service kit owns SIGTERM/SIGINT (drain first); Apollo's own handlers would stop it mid-drain
    stopOnTerminationSignals: false,
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
    // summarizeResponses last: it reads the errors the others added
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      answerIntrospectionLocally(() => currentSchema().apiSchema),
      reportRemovedFields(),
      reportSourceStatus(),
      reportArgumentNames(),
      summarizeResponses(),
    ],
  });
  await apollo.start();

  // GraphiQL for browsers at / and /graphql, its static files, and a JSON pointer to /graphql for plain `GET /`
  const explorer = createExplorerRoutes({ tabs: explorerTabs(operationRegistry) });
  const floodRefusals = createRefusalDelay({ delayMs: config.floodRefusalDelayMs });
  const httpServer = createServer((req, res) => {
    if (answerHealthProbe(req, res, { draining: () => drain.draining, readiness: () => checkGatewayReadiness(config), logger })) return;
    const path = new URL(req.url ?? '/', 'http://gateway.local').pathname;
    if (explorer(req, res, path)) return;
    if (path === CUSTOMER_TOKENS_PATH) {
      customerTokenEndpoint(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'customer token request failed unexpectedly');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.end();
      });
      return;
    }
    if (path !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    if (applyCors(req, res, config.corsOrigins)) return;
    const request = startRequest(req, res);
    const arrivalMs = performance.timeOrigin + request.startedAt;
    beginRequestTrace(req);
    res.once('close', () => emitRequestRecord(observers, buildRequestRecord(request, res), logger));
    const handle = async () => {
      const outcome = await admit(req);
      request.outcome = outcome;
      // the span starts once the caller is known: whether its traceparent is trusted depends on its profile
      const trace = startRequestSpan(req, arrivalMs, config.traceparentTrust, outcome.principal?.identity.profile);
      if (trace.traceId !== undefined) request.traceId = trace.traceId;
      if (outcome.kind === 'refuse') {
        const code = outcome.body.errors[0]?.extensions?.['code'];
        floodRefusals.answer(res, code, () => sendJson(res, outcome.status, outcome.body, outcome.headers));
        trace.end(outcome.status, typeof code === 'string' ? code : undefined);
        return;
      }
      const candidate = cachePolicy.candidate(req, outcome);
      if (candidate !== undefined && cachePolicy.serve(res, candidate, outcome)) {
        outcome.release();
        trace.end(res.statusCode);
        return;
      }
      const deadlineMs = outcome.principal.identity.profile === 'partner' ? config.deadlineMs.partner : config.deadlineMs.internal;
      const onComplete =
        candidate === undefined
          ? undefined
          : (response: Parameters<typeof cachePolicy.offer>[1], ctx: GatewayContext) => cachePolicy.offer(candidate, response, ctx);
      try {
        await context.with(trace.context, () => executeAdmitted(apollo, req, res, outcome, deadlineMs, request, onComplete));
      } finally {
        outcome.release();
        trace.end(res.statusCode);
      }
    };
    // every log line of this request, here and (signed) in the subgraphs, carries its id
    void runWithLogContext({ requestId: request.requestId }, () =>
      handle().catch((error: unknown) => {
        logger.error({ err: error }, 'request failed unexpectedly');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.end();
      }),
    );
  });
  const drain = createHttpDrain(httpServer, { service: 'gateway' });

  let baseUrl = '';
  return {
    httpServer,
    apiKeys,
    listen: async () => {
      const port = await listenOn(httpServer, { host: config.host, port: config.port, hostVariable: 'GATEWAY_HOST', portVariable: 'GATEWAY_PORT' });
      baseUrl = `http://${urlHost(config.host)}:${port}`;
      return baseUrl;
    },
    url: () => baseUrl,
    drain: (options) => drain.drain(options),
    close: async () => {
      await drain.drain({ delayMs: 0, graceMs: 0 });
      for (const unsubscribe of unsubscribes) await unsubscribe();
      await apollo.stop();
      await limiter.close();
      await usageMeter.close();
      await keyStore.close();
      shedder.close();
    },
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
