import { createServer, type Server } from 'node:http';
import { metricsRegistry } from '../metrics/index.ts';
import { listenOn, urlHost } from './listen.ts';

export interface MetricsListenerOptions {
  host: string;
  /** 0 picks a free port */
  port: number;
  /** the role's env prefix, e.g. `GATEWAY`, for error messages (`GATEWAY_METRICS_PORT=9400: port already in use`) */
  role: string;
}

export interface MetricsListener {
  /** e.g. http://127.0.0.1:9400/metrics */
  url: string;
  close(): Promise<void>;
}

/**
 * The process's metrics on a listener of their own (`<ROLE>_METRICS_HOST:<ROLE>_METRICS_PORT`), never on the public
 * GraphQL port: `GET /metrics` serves the process registry in Prometheus' text format; everything else is 404.
 */
export async function startMetricsListener(options: MetricsListenerOptions): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics collection failed\n'),
    );
  });
  // Scrapes are short: an idle scraper connection must not hold shutdown.
  server.keepAliveTimeout = 5_000;
  const port = await listenOn(server, {
    host: options.host,
    port: options.port,
    hostVariable: `${options.role}_METRICS_HOST`,
    portVariable: `${options.role}_METRICS_PORT`,
  });
  return {
    url: `http://${urlHost(options.host)}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
