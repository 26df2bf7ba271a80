import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config.ts';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';
import { renderExplorerPage } from './explorer-page.ts';
import { maskGatewayError } from './format-gateway-error.ts';
import { handleGraphQLRequest, sendJson } from './http-handler.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';

export interface Gateway {
  /** resolves to the base URL, e.g. http://127.0.0.1:4000 */
  listen(): Promise<string>;
  url(): string;
  close(): Promise<void>;
  httpServer: Server;
}

/**
 * The Apollo gateway on the committed supergraph (no introspection of subgraphs at start: composition errors fail CI,
 * not production start-up), served on node:http with `/graphql`, an offline explorer at `/`, `/healthz` (the process
 * is up) and `/readyz` (every subgraph answers).
 */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new SubgraphDataSource(name as SubgraphName, config.subgraphUrls[name as SubgraphName], config.subgraphTimeoutMs),
  });
  const apollo = new ApolloServer({
    gateway,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => maskGatewayError(formatted, error),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const openSockets = new Set<Socket>();
  const httpServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway.local').pathname;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      void checkSubgraphs(config).then((failing) =>
        sendJson(res, failing.length === 0 ? 200 : 503, failing.length === 0 ? { status: 'ready' } : { status: 'not ready', failing }),
      );
      return;
    }
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if ((path === '/' || path === '/graphql') && wantsHtml) {
      const html = renderExplorerPage({ endpoint: '/graphql', exampleQuery: EXAMPLE_QUERY, exampleVariables: EXAMPLE_VARIABLES });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (path !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    handleGraphQLRequest(apollo, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  httpServer.on('connection', (s) => {
    openSockets.add(s);
    s.on('close', () => openSockets.delete(s));
  });

  let baseUrl = '';
  return {
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          baseUrl = `http://${config.host}:${port}`;
          resolve(baseUrl);
        });
      }),
    url: () => baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const s of openSockets) s.destroy();
        httpServer.close(() => resolve());
      });
      await apollo.stop();
    },
  };
}

/** Names the subgraphs that do not answer a trivial query in time (roles only: no URL leaves the gateway). */
async function checkSubgraphs(config: GatewayConfig): Promise<SubgraphName[]> {
  const results = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      try {
        const res = await fetch(config.subgraphUrls[name], {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(Math.min(config.subgraphTimeoutMs, 2_000)),
        });
        await res.arrayBuffer();
        return res.ok ? null : name;
      } catch {
        return name;
      }
    }),
  );
  return results.filter((n): n is SubgraphName => n !== null);
}
