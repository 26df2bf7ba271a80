import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@omnigraph/shared/config';
import { createHttpClient } from '@omnigraph/shared/http';
import { IDENTITY_HEADER, SERVICE_IDENTITY, signIdentity } from '@omnigraph/shared/identity';
import { requireRedisInCi, sharedRedisUrl } from '@omnigraph/shared/testing';
import { createAllegroSimulator, type AllegroSimulator } from '@omnigraph/simulator-allegro';
import { MarketplaceConfigSchema, type MarketplaceConfig } from '../src/config.ts';
import { startMarketplaceSubgraph } from '../src/index.ts';
import { createAllegroTokenProvider } from '../src/upstream/allegro/allegro-token-provider.ts';
import { createRedisAllegroTokenStore, type AllegroTokenRedisClient } from '../src/upstream/allegro/allegro-token-redis-store.ts';
import type { AllegroTokenRecord, AllegroTokenStore } from '../src/upstream/allegro/allegro-token-store.ts';
import { COUNTER } from './support/start-marketplace-harness.ts';

requireRedisInCi('Allegro token rotation across replicas (Redis store)', { sharedRedis: true });

const SECRET = randomBytes(32).toString('base64url');
const OFFERS_QUERY = JSON.stringify({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku marketplaceOffers { offerId } } } }',
  variables: { r: [{ __typename: 'Product', sku: 'SKU-CFM-150' }] },
});

/** A signed call as the gateway makes it; resolves to the offers the subgraph read from Allegro. */
async function readOffers(url: string): Promise<{ offers: unknown[] | null; errors: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(SECRET, SERVICE_IDENTITY, OFFERS_QUERY) },
    body: OFFERS_QUERY,
  });
  const body = (await res.json()) as { data?: { _entities: { marketplaceOffers: unknown[] }[] } | null; errors?: unknown };
  return { offers: body.data?._entities[0]?.marketplaceOffers ?? null, errors: body.errors };
}

async function readyz(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL('/readyz', url));
  return { status: res.status, body: await res.json() };
}

function configFor(sim: AllegroSimulator, baseUrl: string, env: Record<string, string>): MarketplaceConfig {
  const { credentials } = sim.allegro;
  return parseEnv('marketplace', MarketplaceConfigSchema, {
    ALLEGRO_BASE_URL: baseUrl,
    ALLEGRO_CLIENT_ID: credentials.clientId,
    ALLEGRO_CLIENT_SECRET: credentials.clientSecret,
    ALLEGRO_REFRESH_TOKEN: credentials.refreshToken,
    MARKETPLACE_PORT: '0',
    MARKETPLACE_TIMEOUT_MS: '2000',
    OMNIGRAPH_SUBGRAPH_SECRET: SECRET,
    ...env,
  });
}

/** Access tokens of 1 s: a subgraph started later than that must refresh, with whatever refresh token it can find. */
// Short enough that every run must refresh, long enough that one run (start, a read, /readyz, stop) never outlives it
// on a busy CI machine: with 1 s a slow run refreshed twice and the count of token calls said 4, not 3.
const SHORT_TTL = { credentials: { tokenTtlSeconds: 3 } };
const outliveAccessToken = () => new Promise((resolve) => setTimeout(resolve, 3_100));

describe('marketplace subgraph restarts with a token file (ALLEGRO_TOKEN_STORE=file)', () => {
  let sim: AllegroSimulator;
  let baseUrl: string;
  let dir: string;
  beforeAll(async () => {
    sim = createAllegroSimulator({ scale: 0.3, ...SHORT_TTL });
    baseUrl = await sim.listen(0, '127.0.0.1');
    dir = await mkdtemp(join(tmpdir(), 'omnigraph-allegro-token-'));
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches Allegro after each of two restarts, although the seed was retired by the first refresh', async () => {
    const file = join(dir, 'token.json');
    const config = configFor(sim, baseUrl, { ALLEGRO_TOKEN_STORE: 'file', ALLEGRO_TOKEN_FILE: file });
    for (let run = 1; run <= 3; run += 1) {
      const subgraph = await startMarketplaceSubgraph(config);
      try {
        const { offers, errors } = await readOffers(subgraph.url);
        expect(errors, `run ${run}`).toBeUndefined();
        expect(offers?.length, `run ${run}`).toBeGreaterThan(0);
        expect(await readyz(subgraph.url)).toEqual({ status: 200, body: { status: 'ready' } });
      } finally {
        await subgraph.stop();
      }
      await outliveAccessToken();
    }
    // one refresh per run, each with the refresh token the run before stored
    expect(sim.control.counters().endpoints[COUNTER.token]).toBe(3);
    const stored = JSON.parse(await readFile(file, 'utf8')) as AllegroTokenRecord;
    expect(sim.allegro.auth.liveRefreshTokens()).toEqual([stored.refreshToken]);
    expect(sim.allegro.auth.liveRefreshTokens()).not.toContain(sim.allegro.credentials.refreshToken);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    // What happened before: a process that only knows the configured (now retired) token. Its /readyz says so.
    const amnesiac = await startMarketplaceSubgraph(configFor(sim, baseUrl, { ALLEGRO_TOKEN_STORE: 'memory' }));
    try {
      expect(await readyz(amnesiac.url)).toEqual({
        status: 200,
        body: { status: 'degraded', upstream: 'credentials_rejected', detail: 'token_refresh_refused' },
      });
      const { offers, errors } = await readOffers(amnesiac.url);
      expect(offers).toBeNull();
      expect(JSON.stringify(errors)).toContain('UPSTREAM_REJECTED');
    } finally {
      await amnesiac.stop();
    }
  }, 60_000);
});

describe('readiness: credentials rejected vs upstream down', () => {
  it('tells a refused client secret and a stopped Allegro apart on the subgraph /readyz', async () => {
    const sim = createAllegroSimulator({ scale: 0.3 });
    const baseUrl = await sim.listen(0, '127.0.0.1');
    const port = Number(new URL(baseUrl).port);
    const good = await startMarketplaceSubgraph(configFor(sim, baseUrl, { ALLEGRO_TOKEN_STORE: 'memory' }), { readinessTtlMs: 0 });
    const badSecret = await startMarketplaceSubgraph(
      configFor(sim, baseUrl, { ALLEGRO_TOKEN_STORE: 'memory', ALLEGRO_CLIENT_SECRET: 'revoked-secret' }),
      { readinessTtlMs: 0 },
    );
    try {
      expect(await readyz(good.url)).toEqual({ status: 200, body: { status: 'ready' } });
      expect(await readyz(badSecret.url)).toEqual({
        status: 200,
        body: { status: 'degraded', upstream: 'credentials_rejected', detail: 'token_refresh_refused' },
      });

      await sim.close();
      // `good` still holds a valid access token: only the probe call can tell that Allegro is gone.
      expect(await readyz(good.url)).toEqual({ status: 200, body: { status: 'degraded', upstream: 'upstream_unavailable', detail: 'unreachable' } });

      // Allegro back on the same port: ready again without a restart, and no secret in any answer.
      await sim.listen(port, '127.0.0.1');
      expect(await readyz(good.url)).toEqual({ status: 200, body: { status: 'ready' } });
    } finally {
      await good.stop();
      await badSecret.stop();
      await sim.close().catch(() => undefined);
    }
  });
});

describe.skipIf(!sharedRedisUrl)('replicas sharing the token through Redis', () => {
  const prefix = `omnigraph-test:${randomUUID()}:`;
  const clients: ReturnType<typeof createClient>[] = [];
  let sim: AllegroSimulator;
  let baseUrl: string;

  /** one Redis connection per "replica", as separate processes would have */
  async function redisStore(): Promise<AllegroTokenStore> {
    const redis = createClient({ url: sharedRedisUrl });
    await redis.connect();
    clients.push(redis);
    return createRedisAllegroTokenStore({
      redis: redis as unknown as AllegroTokenRedisClient,
      key: `${prefix}marketplace:v1:allegro-token:${sim.allegro.credentials.clientId}`,
      lockTtlMs: 10_000,
    });
  }

  beforeAll(async () => {
    sim = createAllegroSimulator({ scale: 0.3, ...SHORT_TTL });
    baseUrl = await sim.listen(0, '127.0.0.1');
  });
  afterEach(() => {
    sim.control.resetCounters();
  });
  afterAll(async () => {
    const cleaner = clients[0];
    if (cleaner !== undefined) {
      const keys: string[] = [];
      for await (const batch of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) keys.push(...batch);
      if (keys.length > 0) await cleaner.del(keys);
    }
    await Promise.all(clients.map((c) => c.close()));
    await sim.close();
  });

  it('two replicas refreshing at once make one token call and share its token', async () => {
    sim.allegro.auth.reset();
    const [storeA, storeB] = [await redisStore(), await redisStore()];
    const replica = (store: AllegroTokenStore) =>
      createAllegroTokenProvider({
        http: createHttpClient({ baseUrl, timeoutMs: 5_000 }),
        clientId: sim.allegro.credentials.clientId,
        clientSecret: sim.allegro.credentials.clientSecret,
        refreshToken: sim.allegro.credentials.refreshToken,
        store,
      });
    const [a, b] = [replica(storeA), replica(storeB)];
    // a slow token endpoint, so the second replica asks while the first one's refresh is in flight
    sim.control.setLatency({ fixedMs: 300, jitterMs: 0 });
    try {
      const [tokenA, tokenB] = await Promise.all([a.getAccessToken(), b.getAccessToken()]);
      expect(tokenB).toBe(tokenA);
      expect(sim.control.counters().endpoints[COUNTER.token]).toBe(1);
    } finally {
      sim.control.setLatency({ fixedMs: 0, jitterMs: 0 });
    }
  });

  it('a subgraph restarted twice on the same Redis reaches Allegro each time', async () => {
    sim.allegro.auth.reset();
    const store = await redisStore();
    await store.write({ refreshToken: 'left-over-from-an-old-grant', expiresAt: 0, seeds: [], updatedAt: 0 });
    const config = configFor(sim, baseUrl, {});
    for (let run = 1; run <= 3; run += 1) {
      const subgraph = await startMarketplaceSubgraph(config, { tokenStore: await redisStore() });
      try {
        const { offers, errors } = await readOffers(subgraph.url);
        expect(errors, `run ${run}`).toBeUndefined();
        expect(offers?.length, `run ${run}`).toBeGreaterThan(0);
      } finally {
        await subgraph.stop();
      }
      await outliveAccessToken();
    }
    // the configured token replaced the unknown stored grant once (never seen before), then rotation carried on
    expect(sim.control.counters().endpoints[COUNTER.token]).toBe(3);
    const stored = await store.read();
    expect(sim.allegro.auth.liveRefreshTokens()).toEqual([stored?.refreshToken]);
  }, 60_000);
});
