import { pathToFileURL } from 'node:url';
import { loadGatewayConfig } from './config.ts';
import { createLogger } from '@omnigraph/shared/logging';
import { startTracing } from '@omnigraph/shared/tracing';
import { createGateway } from './create-gateway.ts';

export { createGateway } from './create-gateway.ts';
export type { Gateway } from './create-gateway.ts';
export { GATEWAY_CONFIG_KEYS, loadGatewayConfig, SUBGRAPH_NAMES, DEFAULT_SUBGRAPH_PORTS } from './config.ts';
export type { GatewayConfig, SubgraphName } from './config.ts';
export { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';

// `tsx gateway/src/index.ts`: the gateway alone, in front of subgraphs already running (ERP_URL, … or the defaults).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadGatewayConfig(process.env);
  const tracing = startTracing({ role: 'gateway' });
  const logger = createLogger({ name: 'gateway', level: config.logLevel });
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info({ explorer: `${url}/`, tracing: tracing.enabled }, `gateway listening on ${url}/graphql`);
  const stop = () => void gateway.close().then(() => tracing.shutdown()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
