import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { httpRequestsInFlight } from '../metrics/instruments.ts';

export interface DrainOptions {
  /**
   * How long the server keeps serving as before (new connections too) once draining starts, while load balancers and
   * Kubernetes endpoints stop sending traffic; readiness already answers 503 `draining`. 0: stop accepting at once.
   */
  delayMs: number;
  /** Longest wait for in-flight requests once the server stops accepting; what is left then is cut. */
  graceMs: number;
}

export interface DrainResult {
  /** every in-flight request finished within the grace */
  clean: boolean;
  /** requests still in flight when the grace ran out (their sockets were destroyed) */
  cut: number;
  /** from drain start to the last socket closed */
  elapsedMs: number;
}

export interface HttpDrain {
  /** true from the moment drain() is called: readiness answers 503 `draining` */
  readonly draining: boolean;
  /** requests received and not yet answered */
  inFlight(): number;
  /**
   * Kubernetes-style drain: readiness turns at once, serving goes on for `delayMs`, then the server stops accepting,
   * idle keep-alive connections close at once, busy ones are told `Connection: close` for their current response,
   * in-flight requests get `graceMs` to finish, and whatever is left is destroyed. Idempotent: a second call returns
   * the first one's result.
   */
  drain(options: DrainOptions): Promise<DrainResult>;
}

/**
 * Tracks the requests and sockets of `server` so it can be drained. Call it before the server accepts anything:
 * requests that started earlier are not counted. With `service`, the requests in flight are the
 * `omnigraph_http_requests_in_flight` gauge of that service.
 */
export function createHttpDrain(server: Server, options: { service?: string } = {}): HttpDrain {
  const gauge = options.service === undefined ? undefined : httpRequestsInFlight.labels({ service: options.service });
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  const pending = new Set<ServerResponse>();
  let draining = false;
  let closing = false;
  let drained: Promise<DrainResult> | undefined;
  let onIdle: (() => void) | undefined;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    pending.add(res);
    gauge?.inc();
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    // Once the server stops accepting, every response (also of requests arriving on an open keep-alive connection)
    // tells the client to reconnect elsewhere.
    if (closing) askToClose(res);
    res.once('close', () => {
      pending.delete(res);
      gauge?.dec();
      const left = (busy.get(socket) ?? 1) - 1;
      if (left <= 0) busy.delete(socket);
      else busy.set(socket, left);
      if (closing) {
        // this socket is now idle: nothing more will come on it that we want to serve
        if (left <= 0 && !socket.destroyed) socket.end();
        if (pending.size === 0) onIdle?.();
      }
    });
  });

  const run = async ({ delayMs, graceMs }: DrainOptions): Promise<DrainResult> => {
    const startedAt = performance.now();
    if (delayMs > 0) await sleep(delayMs);
    closing = true;
    const closed = new Promise<void>((resolve) => {
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });
    for (const res of pending) askToClose(res);
    // Idle keep-alive sockets would otherwise hold server.close() until their keep-alive timeout.
    for (const socket of sockets) if (!busy.has(socket)) socket.end();
    server.closeIdleConnections();
    const finished = pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (onIdle = resolve));
    const graceOver = Symbol('grace');
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      finished.then(() => closed),
      new Promise<typeof graceOver>((resolve) => (timer = setTimeout(() => resolve(graceOver), graceMs))),
    ]);
    clearTimeout(timer);
    let cut = 0;
    if (outcome === graceOver) {
      cut = pending.size;
      for (const socket of sockets) socket.destroy();
      await closed;
    }
    return { clean: cut === 0, cut, elapsedMs: Math.round(performance.now() - startedAt) };
  };

  return {
    get draining() {
      return draining;
    },
    inFlight: () => pending.size,
    drain(options) {
      draining = true;
      drained ??= run(options);
      return drained;
    },
  };
}

/** `Connection: close` on a response not yet sent; one already streaming has its socket ended when it finishes. */
function askToClose(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
