import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** TCP connections accepted so far; sequential keep-alive requests should leave this at 1. */
  readonly connections: number;
  /** Highest number of sockets open at the same time. */
  readonly maxConcurrentSockets: number;
  /** Requests received so far (including ones never answered). */
  readonly requests: number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, port 0, for tests that need real sockets rather than a mocked transport. */
export async function startTestHttpServer(handler: http.RequestListener): Promise<TestHttpServer> {
  let connections = 0;
  let open = 0;
  let maxConcurrentSockets = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    handler(req, res);
  });
  server.on('connection', (socket) => {
    connections += 1;
    open += 1;
    maxConcurrentSockets = Math.max(maxConcurrentSockets, open);
    socket.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    get maxConcurrentSockets() {
      return maxConcurrentSockets;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging test handlers never answer; drop their sockets so close() does not wait for them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port nothing listens on (bound, then released): connecting to it gives ECONNREFUSED. */
export async function findFreePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
