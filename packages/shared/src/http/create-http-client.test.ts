import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAxiosError } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import type { TestHttpServer } from '../testing/start-test-http-server.ts';
import { createHttpClient, DEFAULT_MAX_SOCKETS, DEFAULT_USER_AGENT } from './create-http-client.ts';

const servers: TestHttpServer[] = [];
async function serve(handler: http.RequestListener): Promise<TestHttpServer> {
  const server = await startTestHttpServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createHttpClient', () => {
  it('sends the omnigraph User-Agent, JSON Accept and the configured headers, and parses JSON', async () => {
    const server = await serve((req, res) => json(res, 200, { headers: req.headers }));
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000, headers: { 'X-Api-Key': 'k1' } });
    const { data } = await client.get<{ headers: Record<string, string> }>('/echo');
    expect(DEFAULT_USER_AGENT).toMatch(/^omnigraph\/\d+\.\d+\.\d+$/);
    expect(data.headers).toMatchObject({ 'user-agent': DEFAULT_USER_AGENT, accept: 'application/json', 'x-api-key': 'k1' });
  });

  it('reuses one keep-alive socket for sequential requests', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000 });
    for (let i = 0; i < 5; i += 1) await client.get('/');
    expect(server.requests).toBe(5);
    expect(server.connections).toBe(1);
  });

  it('bounds concurrent sockets by maxSockets: 3N parallel requests use at most N', async () => {
    const server = await serve(async (_req, res) => {
      await sleep(30);
      json(res, 200, { ok: true });
    });
    const maxSockets = 3;
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 2_000, maxSockets });
    const results = await Promise.all(Array.from({ length: 3 * maxSockets }, () => client.get('/')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(server.maxConcurrentSockets).toBe(maxSockets);
    expect(server.connections).toBe(maxSockets);
  });

  it(`defaults maxSockets to ${DEFAULT_MAX_SOCKETS}`, () => {
    const client = createHttpClient({ baseUrl: 'http://erp.invalid', timeoutMs: 1_000 });
    expect((client.defaults.httpAgent as http.Agent).maxSockets).toBe(DEFAULT_MAX_SOCKETS);
  });

  it('times out an upstream that never answers, with code ETIMEDOUT', async () => {
    const server = await serve(() => {});
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 100 });
    const started = performance.now();
    const error = await rejection(client.get('/hang'));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(isAxiosError(error) && error.code).toBe('ETIMEDOUT');
  });

  it('does not retry: a 503 and a reset socket each reach the upstream once', async () => {
    const server = await serve((req, res) => (req.url === '/reset' ? req.socket.destroy() : json(res, 503, {})));
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000 });
    expect(isAxiosError(await rejection(client.get('/503')))).toBe(true);
    expect(isAxiosError(await rejection(client.post('/reset', { order: 1 })))).toBe(true);
    expect(server.requests).toBe(2);
  });

  it('does not follow redirects, so credentials never travel to the Location host', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, { stolen: true }));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/steal` });
      res.end();
    });
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000, headers: { Authorization: 'Bearer s' } });
    const error = await rejection(client.get('/moved'));
    expect(isAxiosError(error) && error.response?.status).toBe(302);
    expect(elsewhere.requests).toBe(0);
  });

  it('hands a non-JSON 2xx body over as a string, for the DTO check to reject', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Maintenance</html>');
    });
    const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000 });
    expect((await client.get('/')).data).toBe('<html>Maintenance</html>');
  });
});
