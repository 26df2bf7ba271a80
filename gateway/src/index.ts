import { isMainModule, runService } from '@omnigraph/shared/service';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './create-gateway.ts';

export { createGateway } from './create-gateway.ts';
export type { Gateway } from './create-gateway.ts';
export { GATEWAY_CONFIG_KEYS, loadGatewayConfig, SUBGRAPH_NAMES, DEFAULT_SUBGRAPH_PORTS } from './config.ts';
export type { GatewayConfig, SubgraphName } from './config.ts';
export { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';

// `node gateway/src/index.ts`: the gateway alone, in front of subgraphs already running (ERP_URL, … or the defaults).
if (isMainModule(import.meta.url)) {
  void runService({
    name: 'gateway',
    load: loadGatewayConfig,
    settings: (config) => config.service,
    start: async (config, { logger, register }) => {
      const gateway = await createGateway(config);
      register({ name: 'gateway', drain: gateway.drain, close: gateway.close });
      const url = await gateway.listen();
      logger.info({ url: `${url}/graphql` }, `gateway listening on ${url}/graphql (explorer: ${url}/)`);
    },
  });
}
