import { pathToFileURL } from 'node:url';
import { loadGatewayConfig } from './config.ts';
import { collectProcessMetrics } from '@omnigraph/shared/metrics';
import { createGateway } from './create-gateway.ts';

export { createGateway } from './create-gateway.ts';
export type { Gateway } from './create-gateway.ts';
export { GATEWAY_CONFIG_KEYS, loadGatewayConfig, SUBGRAPH_NAMES, DEFAULT_SUBGRAPH_PORTS } from './config.ts';
export type { GatewayConfig, SubgraphName } from './config.ts';
export { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';

// `tsx gateway/src/index.ts`: the gateway alone, in front of subgraphs already running (ERP_URL, … or the defaults).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  collectProcessMetrics('gateway');
  const gateway = await createGateway(loadGatewayConfig(process.env));
  const url = await gateway.listen();
  console.log(`gateway listening on ${url}/graphql (explorer: ${url}/)`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
