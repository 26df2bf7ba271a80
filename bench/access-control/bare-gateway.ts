/**
 * The "access control off" variant of the benchmark, and performance.md's plain `@apollo/gateway` baseline: the same
 * committed supergraph and the same subgraphs behind ApolloGateway + ApolloServer (default options) on node:http,
 * with no edge (no key, no limits, no safelist, no field filter, no rate limit). Benchmark code, not production code.
 *
 * It uses the production SubgraphDataSource because the subgraphs refuse unsigned requests: every subgraph fetch is
 * signed here too, for a fixed partner identity with the same scopes as the benchmark's key, so the subgraphs do the
 * same work in both variants and signing cost cancels out of the difference (it is measured on its own by the bench).
 *
 * Env: GATEWAY_PORT, ERP_URL, ESHOP_URL, CRM_URL, MARKETPLACE_URL, OMNIGRAPH_SUBGRAPH_SECRET; BENCH_IDENTITY=call-center
 * signs every request as the call center instead of the partner. Prints "listening on <url>".
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { loadGatewayConfig, type SubgraphName } from '@omnigraph/gateway';
import { handleGraphQLHttp, readBody, sendBodyReadError, sendJson } from '@omnigraph/shared/graphql-server';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { SubgraphDataSource } from '../../gateway/src/subgraph-data-source.ts';
import { BENCH_CALL_CENTER_IDENTITY, BENCH_PARTNER_IDENTITY } from './bare-gateway-identity.ts';

const identity = process.env['BENCH_IDENTITY'] === 'call-center' ? BENCH_CALL_CENTER_IDENTITY : BENCH_PARTNER_IDENTITY;

// The production config loader, for the same URLs, secret, timeout and supergraph path the real gateway reads.
const config = loadGatewayConfig(process.env);
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
  buildService: ({ name }) =>
    new SubgraphDataSource(name as SubgraphName, config.subgraphUrls[name as SubgraphName], config.subgraphTimeoutMs, config.subgraphSecret),
});
const apollo = new ApolloServer<{ identity: RequestIdentity }>({ gateway });
await apollo.start();

const server = createServer((req, res) => {
  readBody(req).then(
    (rawBody) =>
      handleGraphQLHttp(apollo, req, res, { rawBody, context: async () => ({ identity }) }).catch(() => {
        // Counted by the bench as a non-2xx response, which invalidates the run.
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.' }] });
        else res.end();
      }),
    (error: unknown) => sendBodyReadError(res, error),
  );
});
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://${config.host}:${port}`);
});
const stop = () => server.close(() => void apollo.stop().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
