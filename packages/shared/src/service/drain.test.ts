import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsRegistry } from '../metrics/index.ts';
import { createHttpDrain, type HttpDrain } from './drain.ts';

/**
 * A real node:http server whose `/slow?ms=N` answers after N ms, with keep-alive clients: what the drain has to
 * handle in production (a gateway or subgraph with pooled connections from load balancers and the gateway).
 */
async function startServer(service?: string): Promise<{ server: Server; drain: HttpDrain; port: number; sockets: Set<Socket> }> {
  const server = createServer((req, res) => {
    const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('done'), ms);
  });
  server.keepAliveTimeout = 60_000;
  const drain = createHttpDrain(server, service === undefined ? {} : { service });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, drain, port: (server.address() as AddressInfo).port, sockets };
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res: IncomingMessage) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// socket 'close' events are emitted a tick after the server's own close
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

describe('createHttpDrain', () => {
  it("exposes the requests in flight as the service's omnigraph_http_requests_in_flight gauge", async () => {
    const { server, port } = await startServer('drain-gauge-test');
    servers.push(server);
    const inFlight = async () => {
      const metric = await metricsRegistry.getSingleMetric('omnigraph_http_requests_in_flight')!.get();
      return metric.values.find((v) => v.labels['service'] === 'drain-gauge-test')?.value;
    };
    const slow = [1, 2, 3].map(() => get(port, '/slow?ms=200', new Agent({ keepAlive: false })));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await inFlight()).toBe(3);
    await Promise.all(slow);
    await tick();
    expect(await inFlight()).toBe(0);
  });

  it('closes idle keep-alive sockets at once and lets busy ones finish with `connection: close`', async () => {
    const { server, drain, port, sockets } = await startServer();
    servers.push(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    // two connections: one left idle after a quick request, one busy with a slow one
    const idleAnswer = await get(port, '/slow?ms=0', agent);
    expect(idleAnswer.connection).toBe('keep-alive');
    const busy = get(port, '/slow?ms=300', new Agent({ keepAlive: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets.size).toBe(2);
    expect(drain.inFlight()).toBe(1);

    const started = performance.now();
    const result = drain.drain({ delayMs: 0, graceMs: 2_000 });
    expect(drain.draining).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    // the idle socket is gone well before the busy request ends; the busy one is still open
    expect(sockets.size).toBe(1);
    const busyAnswer = await busy;
    expect(busyAnswer).toEqual({ status: 200, connection: 'close', body: 'done' });
    expect(await result).toMatchObject({ clean: true, cut: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
    await tick();
    expect(sockets.size).toBe(0);
    expect(server.listening).toBe(false);
    agent.destroy();
  });

  it('keeps serving, new connections too, during the delay, then refuses new connections', async () => {
    const { server, drain, port } = await startServer();
    servers.push(server);
    const result = drain.drain({ delayMs: 300, graceMs: 1_000 });
    // inside the delay: a brand-new connection is still served
    const during = await get(port, '/slow?ms=0', new Agent({ keepAlive: false }));
    expect(during.status).toBe(200);
    await result;
    await expect(get(port, '/slow?ms=0', new Agent({ keepAlive: false }))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts what is still in flight when the grace runs out, and says how many', async () => {
    const { server, drain, port, sockets } = await startServer();
    servers.push(server);
    const slow = [1, 2, 3].map(() => get(port, '/slow?ms=5000', new Agent({ keepAlive: true })).catch((error: Error) => error));
    const quick = get(port, '/slow?ms=50', new Agent({ keepAlive: true }));
    await new Promise((r) => setTimeout(r, 30));
    const started = performance.now();
    const result = await drain.drain({ delayMs: 0, graceMs: 250 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ clean: false, cut: 3 });
    expect((await quick).status).toBe(200);
    for (const outcome of await Promise.all(slow)) expect(outcome).toBeInstanceOf(Error);
    await tick();
    expect(sockets.size).toBe(0);
  });

  it('is idempotent: a second drain returns the first one', async () => {
    const { server, drain } = await startServer();
    servers.push(server);
    const first = drain.drain({ delayMs: 0, graceMs: 100 });
    expect(drain.drain({ delayMs: 10_000, graceMs: 10_000 })).toBe(first);
    await first;
  });
});
