import type { SimulatorName } from '@omnigraph/simulator-core';
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import type { SimulatorStack } from '@omnigraph/simulator-stack';
import { createMemoryKeyStore, type CreateKeyInput, type KeyStore } from '@omnigraph/auth';
import { createGateway, loadGatewayConfig, type Gateway, type SubgraphName } from '@omnigraph/gateway';
import { Writable } from 'node:stream';
import { createLocalChangeBus, type OnChange } from '@omnigraph/shared/freshness';
import { setDefaultLogDestination } from '@omnigraph/shared/logging';
import { CALL_CENTER_SCOPES } from '../scripts/demo-keys.ts';
import { startTestUpstreams } from '../scripts/start-subgraphs.ts';

export interface E2eStack {
  simulators: SimulatorStack;
  /** the dataset the simulators serve (same seed, scale and canary), for expected values */
  dataset: Dataset;
  gateway: Gateway;
  url: string;
  /** the OMNIGRAPH_SUBGRAPH_SECRET every subgraph of this stack checks (random per stack unless set in the env) */
  subgraphSecret: string;
  /** each subgraph's own /graphql URL, for calling it directly */
  subgraphUrls: Record<SubgraphName, string>;
  /** an internal (call-center) key with every scope of the graph and no practical rate limit */
  callCenterKey: string;
  /** issues a key on the gateway's store (in memory, new per stack) */
  createKey(input: Partial<CreateKeyInput> & { scopes: string[] }): Promise<string>;
  /** POST a GraphQL operation to the gateway, with the call-center key unless another is given */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { key?: string },
  ): Promise<{ status: number; headers: Headers; body: { data?: T; errors?: any; extensions?: any } }>;
  /** stops one subgraph, as if its process had died (for outage tests) */
  killSubgraph(name: SubgraphName): Promise<void>;
  /** upstream requests per simulator since the last reset */
  upstreamCalls(): Record<SimulatorName, number>;
  /**
   * Every JSON log line the stack's processes wrote (gateway, subgraphs, simulators), unless started with
   * `captureLogs: false` (then they go to stdout).
   */
  logLines(): string[];
  resetCounters(): void;
  close(): Promise<void>;
}

/**
 * Everything in process on free ports: the four simulators, the five subgraphs pointed at them exactly as `npm start`
 * points them (same env variables), and the gateway on the committed supergraph. Caches are in memory and new for
 * each stack, so upstream-call counts do not depend on an earlier run.
 */
/** Every scope the graph declares: what the call center's key holds. */
export const ALL_SCOPES = [...CALL_CENTER_SCOPES];

export async function startE2eStack(
  options: {
    scale?: number;
    /** PII canary marker in every person's data the simulators serve (scope-matrix tests) */
    piiCanary?: string;
    /** extra gateway variables (limits, batching, OIDC) */
    gatewayEnv?: NodeJS.ProcessEnv;
    /** extra subgraph variables (cache ages, timeouts) */
    subgraphEnv?: NodeJS.ProcessEnv;
    /**
     * run the change sources (pollers, and the shop's webhooks registered); each subgraph drops the affected cache
     * entries, then `onChange` observes the event
     */
    freshness?: { onChange: OnChange };
    /**
     * Collect every log line of the stack (see E2eStack.logLines) instead of writing them to stdout: the default, as
     * the access lines of thousands of requests would bury the test report (and block the event loop on a slow
     * pipe). `false` writes them to stdout, to watch a run. One stack at a time per test file: loggers created while
     * it starts write to it until it is closed. @default true
     */
    captureLogs?: boolean;
    /**
     * Keys, rate limits and the subgraphs' caches in this Redis (a private `startRedisServer` for outage tests)
     * instead of memory.
     */
    redisUrl?: string;
    /** the gateway's key store (e.g. a file store a CLI run changes); default: Redis with `redisUrl`, else memory */
    keyStore?: KeyStore;
  } = {},
): Promise<E2eStack> {
  const scale = options.scale ?? 0.3;
  const lines: string[] = [];
  const captureLogs = options.captureLogs ?? true;
  if (captureLogs) {
    let partial = '';
    setDefaultLogDestination(
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          const text = partial + chunk.toString('utf8');
          const complete = text.split('\n');
          partial = complete.pop() ?? '';
          lines.push(...complete.filter((line) => line !== ''));
          callback();
        },
      }),
    );
  }
  const changes = createLocalChangeBus();
  const upstreams = await startTestUpstreams({
    scale,
    piiCanary: options.piiCanary,
    subgraphEnv: options.subgraphEnv,
    redisUrl: options.redisUrl,
    ...(options.freshness ? { freshness: true } : {}),
    // every change reaches the gateway's response cache, then the test's observer
    onChange: async (event) => {
      changes.emit(event);
      await options.freshness?.onChange(event);
    },
  });
  const { simulators, subgraphs, subgraphSecret } = upstreams;
  const gateway = await createGateway(
    loadGatewayConfig({
      GATEWAY_PORT: '0',
      ...subgraphs.gatewayEnv,
      OMNIGRAPH_SUBGRAPH_SECRET: subgraphSecret,
      LOG_LEVEL: 'warn',
      // Shedding on event-loop lag is decided from the machine's load, which in a test run is every other test file
      // running beside this one: it is tested with a fake lag (gateway/src/edge/load-shedding.test.ts) and the
      // in-flight bound in e2e/load-protection; elsewhere it would only make answers depend on the neighbours.
      GATEWAY_SHED_BULK_LAG_MS: '100000',
      GATEWAY_SHED_INTERACTIVE_LAG_MS: '100000',
      ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
      // Off unless a test turns it on (e2e/gateway-response-cache.test.ts): the other tests count the subgraph
      // requests and upstream calls of repeated queries, which a cached answer would hide.
      GATEWAY_RESPONSE_CACHE_TTL_SECONDS: '0',
      ...options.gatewayEnv,
    }),
    {
      changes: changes.subscribe,
      ...(options.keyStore !== undefined
        ? { keyStore: options.keyStore }
        : options.redisUrl === undefined
          ? { keyStore: createMemoryKeyStore() }
          : {}),
    },
  );
  const url = await gateway.listen();
  const createKey: E2eStack['createKey'] = async (input) =>
    (
      await gateway.apiKeys.createKey({
        name: 'e2e',
        ownerId: 'omnigraph-e2e',
        rateLimitPerMinute: 1_000_000,
        ...input,
      })
    ).key;
  const callCenterKey = await createKey({ name: 'e2e call center', scopes: ALL_SCOPES, profile: 'internal' });
  return {
    simulators,
    dataset: getDataset({ scale, ...(options.piiCanary === undefined ? {} : { piiCanary: options.piiCanary }) }),
    gateway,
    url,
    subgraphSecret,
    subgraphUrls: subgraphs.urls,
    callCenterKey,
    createKey,
    async query(query, variables, queryOptions = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': queryOptions.key ?? callCenterKey },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as never };
    },
    killSubgraph: (name) => subgraphs.stopOne(name),
    upstreamCalls: () => Object.fromEntries(simulators.all.map((s) => [s.name, s.control.counters().total])) as Record<SimulatorName, number>,
    resetCounters: () => simulators.all.forEach((s) => s.control.resetCounters()),
    logLines: () => [...lines],
    async close() {
      await gateway.close();
      await upstreams.stop();
      if (captureLogs) setDefaultLogDestination(undefined);
    },
  };
}

/**
 * One more gateway replica in front of the stack's subgraphs (with `commandsUrl`, in front of another commands
 * replica), on `keyStore`: replicas that share a key store see one API key as one caller, as in production.
 */
export async function startGatewayReplica(
  stack: Pick<E2eStack, 'subgraphUrls' | 'subgraphSecret'>,
  options: { keyStore: KeyStore; commandsUrl?: string },
): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway(
    loadGatewayConfig({
      GATEWAY_PORT: '0',
      ERP_URL: stack.subgraphUrls.erp,
      ESHOP_URL: stack.subgraphUrls.eshop,
      CRM_URL: stack.subgraphUrls.crm,
      MARKETPLACE_URL: stack.subgraphUrls.marketplace,
      COMMANDS_URL: options.commandsUrl ?? stack.subgraphUrls.commands,
      PRICING_URL: stack.subgraphUrls.pricing,
      OMNIGRAPH_SUBGRAPH_SECRET: stack.subgraphSecret,
      LOG_LEVEL: 'warn',
      // see startE2eStack: lag-based shedding would measure the neighbouring test files
      GATEWAY_SHED_BULK_LAG_MS: '100000',
      GATEWAY_SHED_INTERACTIVE_LAG_MS: '100000',
      GATEWAY_RESPONSE_CACHE_TTL_SECONDS: '0',
    }),
    { keyStore: options.keyStore },
  );
  return { gateway, url: await gateway.listen() };
}
