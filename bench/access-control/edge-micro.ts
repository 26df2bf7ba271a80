/**
 * The CPU the edge spends admitting one request, measured in process (no HTTP, no Apollo execution, no subgraphs):
 * the production edge (`createEdge`) assembled as `gateway/src/create-gateway.ts` assembles it, with a cached memory
 * key store and the in-process rate limiter, fed the benchmark's own request bodies. The load benchmark's gateway CPU
 * per request moves by several hundred µs between samples on a shared machine; this isolates the edge's share with
 * far less noise. Bounded by wall time.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { ApolloGateway } from '@apollo/gateway';
import { createApiKeyService, createCachedKeyStore, createMemoryKeyStore } from '@omnigraph/auth';
import { loadGatewayConfig } from '@omnigraph/gateway';
import { createLogger } from '@omnigraph/shared/logging';
import { readScopeMap } from '../../gateway/src/authorization/index.ts';
import { createAuthenticator } from '../../gateway/src/edge/authenticate.ts';
import { createEdge, type EdgeSchema } from '../../gateway/src/edge/edge.ts';
import { buildProfiles } from '../../gateway/src/edge/profiles.ts';
import { loadOperationRegistry } from '../../gateway/src/edge/registered-operations.ts';
import { createRateLimiter } from '../../gateway/src/rate-limit/index.ts';

export interface EdgeMicroResult {
  /** µs of CPU per admitted request, per body set */
  usPerAdmission: Record<string, number>;
  iterations: Record<string, number>;
}

export async function measureEdgeAdmission(
  bodySets: Record<string, string[]>,
  /** `redisUrl`: the rate limiter on Redis (its keys, under `ratelimit-bench:`, expire within a minute) */
  options: { seconds: number; redisUrl?: string },
): Promise<EdgeMicroResult> {
  const config = loadGatewayConfig({ LOG_LEVEL: 'warn' });
  const logger = createLogger({ name: 'bench-edge', level: 'warn' });
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(config.supergraphPath, 'utf8') });
  let schema: EdgeSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    schema = { apiSchema, scopeMap: readScopeMap(coreSupergraphSdl) };
  });
  await gateway.load();

  const keyStore = createCachedKeyStore(createMemoryKeyStore(), { ttlMs: config.keyCacheTtlMs });
  const apiKeys = createApiKeyService({ store: keyStore, pepper: config.auth.pepper, logger });
  const { key } = await apiKeys.createKey({
    name: 'bench edge',
    ownerId: 'omnigraph-bench',
    scopes: ['catalog:read', 'stock:read'],
    profile: 'partner',
    rateLimitPerMinute: 1_000_000_000,
    costPerMinute: 1_000_000_000_000,
  });
  const profiles = buildProfiles({
    allowBatchingForInternal: config.allowBatching,
    partnerCostPerMinute: config.partnerCostPerMinute,
    internalCostPerMinute: config.internalCostPerMinute,
  });
  const limiter = await createRateLimiter({
    replicas: 1,
    timeoutMs: config.rateLimitTimeoutMs,
    logger,
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl, keyPrefix: 'ratelimit-bench:' }),
  });
  const admit = createEdge({
    schema: () => schema!,
    authenticator: createAuthenticator({ keys: apiKeys, jwt: undefined, profiles, logger }),
    limiter,
    registry: loadOperationRegistry(),
    profiles,
    logger,
  });
  const request = (body: string) =>
    Object.assign(Readable.from([Buffer.from(body)]), {
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-api-key': key, 'content-length': String(Buffer.byteLength(body)) },
    }) as unknown as IncomingMessage;

  const result: EdgeMicroResult = { usPerAdmission: {}, iterations: {} };
  try {
    for (const [name, bodies] of Object.entries(bodySets)) {
      const run = async (untilMs: number) => {
        let n = 0;
        while (performance.now() < untilMs) {
          const outcome = await admit(request(bodies[n % bodies.length]!));
          if (outcome.kind !== 'execute') throw new Error(`edge refused a benchmark request: ${JSON.stringify(outcome)}`);
          n += 1;
        }
        return n;
      };
      await run(performance.now() + 1_000); // warm-up
      const cpu = process.cpuUsage();
      const n = await run(performance.now() + options.seconds * 1_000);
      const used = process.cpuUsage(cpu);
      result.usPerAdmission[name] = (used.user + used.system) / n;
      result.iterations[name] = n;
    }
  } finally {
    await limiter.close();
    await keyStore.close();
    await gateway.stop();
  }
  return result;
}
