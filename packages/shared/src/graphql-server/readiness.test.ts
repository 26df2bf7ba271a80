import { ApolloServer } from '@apollo/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import { createHttpReadinessCheck } from './http-readiness.ts';
import { createCachedReadiness, readinessBody, type Readiness } from './readiness.ts';
import { serveSubgraph, type ServedSubgraph } from './serve-subgraph.ts';

describe('readinessBody', () => {
  it('serves the status word and a plain detail word, nothing else', () => {
    expect(readinessBody({ status: 'ready' })).toEqual({ status: 'ready' });
    expect(readinessBody({ status: 'upstream_unavailable', detail: 'status_503' })).toEqual({ status: 'upstream_unavailable', detail: 'status_503' });
    // a detail that could carry a URL, a host or an upstream message is dropped
    expect(readinessBody({ status: 'credentials_rejected', detail: 'Invalid refresh token: eyJhbGci' })).toEqual({ status: 'credentials_rejected' });
    expect(readinessBody({ status: 'upstream_unavailable', detail: 'http://10.0.0.5:8069' })).toEqual({ status: 'upstream_unavailable' });
    expect(readinessBody({ status: 'bogus' as Readiness['status'] })).toEqual({ status: 'upstream_unavailable' });
  });
});

describe('createCachedReadiness', () => {
  it('makes one check for concurrent probes and reuses its answer for ttlMs', async () => {
    let now = 0;
    let checks = 0;
    const readiness = createCachedReadiness(
      async () => {
        checks += 1;
        return { status: 'ready' };
      },
      { ttlMs: 1_000, clock: () => now },
    );
    await Promise.all([readiness(), readiness(), readiness()]);
    now = 999;
    await readiness();
    expect(checks).toBe(1);
    now = 1_000;
    await readiness();
    expect(checks).toBe(2);
  });

  it('answers upstream_unavailable when a check hangs past timeoutMs or throws', async () => {
    const hanging = createCachedReadiness(() => new Promise<Readiness>(() => {}), { timeoutMs: 20 });
    await expect(hanging()).resolves.toEqual({ status: 'upstream_unavailable', detail: 'readiness_timeout' });
    const throwing = createCachedReadiness(() => Promise.reject(new Error('http://secret-host')));
    await expect(throwing()).resolves.toEqual({ status: 'upstream_unavailable', detail: 'check_failed' });
  });
});

describe('serveSubgraph probes', () => {
  const servers: ServedSubgraph[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));
  const start = async (readiness?: () => Promise<Readiness>) => {
    const served = await serveSubgraph(new ApolloServer({ typeDefs: 'type Query { a: Int }' }), {
      port: 0,
      host: '127.0.0.1',
      secret: 'k'.repeat(40),
      logger: createLogger({ name: 'test', level: 'silent' }),
      createContext: async () => ({}),
      ...(readiness === undefined ? {} : { readiness }),
    });
    servers.push(served);
    return served;
  };

  it('answers GET /healthz and /readyz unsigned; without a readiness check, /readyz is ready once serving', async () => {
    const served = await start();
    const health = await fetch(new URL('/healthz', served.url));
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(new URL('/readyz', served.url));
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    // everything else still needs the gateway's signature
    expect((await fetch(new URL('/readyz', served.url), { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('stays ready (200) but degraded, with the upstream status word, when the upstream is not ready', async () => {
    const served = await start(async () => ({ status: 'credentials_rejected', detail: 'token_refresh_refused' }));
    const res = await fetch(new URL('/readyz', served.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'degraded', upstream: 'credentials_rejected', detail: 'token_refresh_refused' });
  });

  it('answers 503 draining from the moment a drain starts, while it still serves', async () => {
    const served = await start(async () => ({ status: 'ready' }));
    const draining = served.drain({ delayMs: 300, graceMs: 1_000 });
    const res = await fetch(new URL('/readyz', served.url));
    expect([res.status, await res.json()]).toEqual([503, { status: 'draining' }]);
    expect((await fetch(new URL('/healthz', served.url))).status).toBe(200);
    await draining;
  });
});

describe('createHttpReadinessCheck', () => {
  it('maps 2xx to ready, 401/403 to credentials_rejected, the rest and no answer to upstream_unavailable', async () => {
    let status = 200;
    const upstream = await startTestHttpServer((req, res) => {
      res.writeHead(req.headers['authorization'] === 'Bearer good' ? status : 401).end('{}');
    });
    try {
      const check = (token: string) => createHttpReadinessCheck({ url: `${upstream.url}/probe`, headers: { Authorization: `Bearer ${token}` } })();
      await expect(check('good')).resolves.toEqual({ status: 'ready' });
      await expect(check('revoked')).resolves.toEqual({ status: 'credentials_rejected', detail: 'credentials_refused' });
      status = 503;
      await expect(check('good')).resolves.toEqual({ status: 'upstream_unavailable', detail: 'status_503' });
      status = 429;
      await expect(check('good')).resolves.toEqual({ status: 'upstream_unavailable', detail: 'rate_limited' });
    } finally {
      await upstream.close();
    }
    await expect(createHttpReadinessCheck({ url: upstream.url })()).resolves.toEqual({ status: 'upstream_unavailable', detail: 'unreachable' });
  });
});
